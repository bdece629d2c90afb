/**
 * discovery.k8s.io/v1 type table (staging/src/k8s.io/api/discovery/v1/types.go): EndpointSlice
 * and its endpoints. EndpointPort is named DiscoveryV1EndpointPort because core/v1 has its own
 * (format.ts prefix rule). Data table; format: src/schema/format.ts.
 */
import type { GroupVersionKind, TypeTable } from '../../schema/format.js';

const gvk = (kind: string): GroupVersionKind[] => [{ group: 'discovery.k8s.io', version: 'v1', kind }];

export const discoveryTypes: TypeTable = {
  EndpointSlice: {
    name: 'io.k8s.api.discovery.v1.EndpointSlice',
    description: 'An EndpointSlice lists some of the network endpoints behind a Service; the EndpointSlice controller writes them for Services with a selector. Label kubernetes.io/service-name names the Service.',
    gvk: gvk('EndpointSlice'),
    fields: [
      ['1 metadata ObjectMeta', "The object's standard metadata: name, namespace, labels, annotations and so on."],
      ['4 addressType !', 'The kind of address every endpoint in the slice has: IPv4, IPv6 or FQDN (deprecated). Immutable.', { required: true, enum: ['FQDN', 'IPv4', 'IPv6'] }],
      ['2 endpoints Endpoint[]!', 'The endpoints, at most 1000 per slice.', { required: true, listType: 'atomic' }],
      ['3 ports DiscoveryV1EndpointPort[]', 'The ports every endpoint in the slice exposes, at most 100. Empty means no ports; a port with an empty name means every port.', { listType: 'atomic' }],
    ],
  },
  EndpointSliceList: {
    name: 'io.k8s.api.discovery.v1.EndpointSliceList',
    description: 'A list of EndpointSlices.',
    gvk: gvk('EndpointSliceList'),
    fields: [
      ['1 metadata ListMeta', "The list's metadata: resourceVersion and the continue token for paging."],
      ['2 items EndpointSlice[]!', 'The EndpointSlices.', { required: true }],
    ],
  },
  Endpoint: {
    name: 'io.k8s.api.discovery.v1.Endpoint',
    description: 'One backend of a Service, usually a pod.',
    fields: [
      ['1 addresses []!', 'The addresses of this endpoint, of the slice\'s addressType. Consumers use the first; 1 to 100 entries.', { required: true, listType: 'set' }],
      ['2 conditions EndpointConditions', 'Whether the endpoint is ready, serving and terminating.'],
      ['3 hostname *', 'A DNS label naming this endpoint, used by DNS for headless Services.'],
      ['4 targetRef ObjectReference', 'The object behind this endpoint, normally a pod.'],
      ['5 deprecatedTopology s{}', 'Topology labels of the v1beta1 API, kept for round trips. Deprecated: use nodeName and zone.'],
      ['6 nodeName *', 'The node hosting this endpoint.'],
      ['7 zone *', 'The zone this endpoint is in.'],
      ['8 hints EndpointHints', 'Routing hints for topology-aware routing.'],
    ],
  },
  EndpointConditions: {
    name: 'io.k8s.api.discovery.v1.EndpointConditions',
    description: 'The state of an endpoint. An unset condition means unknown; consumers should assume ready and serving.',
    fields: [
      ['1 ready b*', 'Whether the endpoint should receive new traffic: its pod is ready and not terminating (unless the Service publishes not-ready addresses).'],
      ['2 serving b*', 'Whether the endpoint is ready, even while terminating, so traffic can drain to it.'],
      ['3 terminating b*', 'Whether the endpoint is shutting down.'],
    ],
  },
  EndpointHints: {
    name: 'io.k8s.api.discovery.v1.EndpointHints',
    description: 'Hints telling consumers where an endpoint should be used.',
    fields: [['1 forZones ForZone[]', 'The zones whose clients should use this endpoint. At most 8.', { listType: 'atomic' }]],
  },
  ForZone: {
    name: 'io.k8s.api.discovery.v1.ForZone',
    description: 'A zone an endpoint should serve.',
    fields: [['1 name !', 'The zone name.', { required: true }]],
  },
  DiscoveryV1EndpointPort: {
    name: 'io.k8s.api.discovery.v1.EndpointPort',
    description: 'A port exposed by the endpoints of an EndpointSlice.',
    structType: 'atomic',
    fields: [
      ['1 name *', 'The port name, matching the Service port name; a DNS label, or empty when the Service has one unnamed port.'],
      ['2 protocol *', 'TCP (the default), UDP or SCTP.', { enum: ['SCTP', 'TCP', 'UDP'] }],
      ['3 port i32*', 'The port number. Unset means every port.'],
      ['4 appProtocol *', 'The application protocol, e.g. http or kubernetes.io/h2c: an IANA service name, a kubernetes.io/ name, or a domain-prefixed name.'],
    ],
  },
};
