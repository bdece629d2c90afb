/**
 * core/v1 Service and Endpoints types (staging/src/k8s.io/api/core/v1/types.go), part of
 * `coreTypes` (schema.ts).
 */
import type { TypeTable } from '../../schema/format.js';
import { listOf, metadataField } from '../meta/schema-list.js';
import { atomic, c, protocols, v1 } from './schema-names.js';

const appProtocolText = 'Application protocol hint for implementations: an IANA service name, a kubernetes.io/ name (h2c, ws, wss), or a domain-prefixed custom name.';

export const coreServiceTypes: TypeTable = {
  Service: {
    name: c('Service'),
    description: 'A stable virtual address and DNS name in front of a set of pods chosen by a label selector, or an alias for an external name.',
    gvk: v1('Service'),
    fields: [
      metadataField,
      ['2 spec ServiceSpec', 'Desired behavior of the service: ports, selector, type.'],
      ['3 status ServiceStatus', 'Observed state, e.g. the load balancer\'s address. Maintained by the system.'],
    ],
  },
  ServiceSpec: {
    name: c('ServiceSpec'),
    description: 'What a service exposes and how.',
    fields: [
      ['1 ports ServicePort[]', 'Ports the service exposes. Each port and protocol pair must be unique.', { patchStrategy: 'merge', patchMergeKey: 'port', listType: 'map', listMapKeys: ['port', 'protocol'] }],
      ['2 selector {}', 'Pods with all these labels receive the traffic. Without a selector the endpoints are managed by someone else. Ignored for ExternalName.', { mapType: 'atomic' }],
      ['3 clusterIP', 'The virtual IP, usually allocated at random. "None" makes a headless service with no virtual IP. Cannot be changed except when switching to or from ExternalName.'],
      ['18 clusterIPs []', 'All virtual IPs of the service, at most one per IP family; the first equals clusterIP. Same rules as clusterIP.', atomic],
      ['4 type', 'How the service is exposed: ClusterIP (inside the cluster, the default), NodePort (also a port on every node), LoadBalancer (also an external load balancer) or ExternalName (a DNS alias).', { enum: ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] }],
      ['5 externalIPs []', 'Extra IPs, not managed by Kubernetes, on which nodes also accept traffic for the service.', atomic],
      ['7 sessionAffinity', 'ClientIP sends each client to the same pod; None (the default) does not.', { enum: ['ClientIP', 'None'] }],
      ['8 loadBalancerIP', 'Deprecated: a requested load balancer IP, honored only by some providers. Prefer provider-specific annotations.'],
      ['9 loadBalancerSourceRanges []', 'Client CIDRs allowed through a cloud load balancer, where the provider supports it.', atomic],
      ['10 externalName', 'The DNS name an ExternalName service aliases (returned as a CNAME). Must be a lowercase RFC 1123 hostname.'],
      ['11 externalTrafficPolicy', 'For traffic arriving on node ports, external IPs and load balancer IPs: Cluster spreads it over all endpoints; Local keeps it on the receiving node\'s endpoints and preserves the client IP.', { enum: ['Cluster', 'Local'] }],
      ['12 healthCheckNodePort i32', 'Node port for load balancer health checks, for LoadBalancer services with externalTrafficPolicy Local. Allocated when unset; cannot change once set.'],
      ['13 publishNotReadyAddresses b', 'Treat every endpoint as ready, e.g. so a StatefulSet\'s headless service publishes DNS for pods before they are ready.'],
      ['14 sessionAffinityConfig SessionAffinityConfig', 'Settings of session affinity.'],
      ['19 ipFamilies []', 'IP families (IPv4, IPv6) of the service, usually set from cluster defaults and ipFamilyPolicy; at most two. The primary family cannot be changed.', { ...atomic, enum: ['', 'IPv4', 'IPv6'] }],
      ['17 ipFamilyPolicy *', 'SingleStack, PreferDualStack or RequireDualStack. Defaults to SingleStack.', { enum: ['PreferDualStack', 'RequireDualStack', 'SingleStack'] }],
      ['20 allocateLoadBalancerNodePorts b*', 'Whether LoadBalancer services get node ports allocated. Defaults to true; only for type LoadBalancer.'],
      ['21 loadBalancerClass *', 'Which load balancer implementation handles the service (a label-style name); unset uses the default one. Only for type LoadBalancer; cannot change once set.'],
      ['22 internalTrafficPolicy *', 'For traffic to the cluster IP: Cluster spreads it over all endpoints; Local keeps it on the client\'s node and drops it when there is none.', { enum: ['Cluster', 'Local'] }],
      ['23 trafficDistribution *', 'A routing preference hint; PreferClose favors topologically close endpoints (e.g. same zone).'],
    ],
  },
  ServicePort: {
    name: c('ServicePort'),
    description: 'One port a service exposes and where it forwards to.',
    fields: [
      ['1 name', 'Port name, a DNS label; required and unique when the service has several ports. Matches the name of the endpoint port.'],
      ['2 protocol', 'TCP, UDP or SCTP. Defaults to TCP.', { default: 'TCP', enum: protocols }],
      ['6 appProtocol *', appProtocolText],
      ['3 port i32!', 'The port the service listens on.', { required: true }],
      ['4 targetPort IntOrString', 'The port (number, or a container port\'s name) on the pods to forward to. Defaults to port.'],
      ['5 nodePort i32', 'The port opened on every node for NodePort and LoadBalancer services, usually allocated by the system.'],
    ],
  },
  SessionAffinityConfig: {
    name: c('SessionAffinityConfig'),
    description: 'Settings of session affinity.',
    fields: [['1 clientIP ClientIPConfig', 'Settings of client-IP affinity.']],
  },
  ClientIPConfig: {
    name: c('ClientIPConfig'),
    description: 'Settings of client-IP session affinity.',
    fields: [['1 timeoutSeconds i32*', 'How long a client sticks to a pod, 1 to 86400 seconds. Defaults to 10800 (3 hours).']],
  },
  ServiceStatus: {
    name: c('ServiceStatus'),
    description: 'Observed state of a service.',
    fields: [
      ['1 loadBalancer LoadBalancerStatus', 'State of the load balancer, if there is one.'],
      ['2 conditions Condition[]', 'Latest observations of the service.', { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
    ],
  },
  LoadBalancerStatus: {
    name: c('LoadBalancerStatus'),
    description: 'State of a load balancer.',
    fields: [['1 ingress LoadBalancerIngress[]', 'Addresses where the load balancer receives the service\'s traffic.', atomic]],
  },
  LoadBalancerIngress: {
    name: c('LoadBalancerIngress'),
    description: 'One address of a load balancer.',
    fields: [
      ['1 ip', 'IP of an IP-based load balancer.'],
      ['2 hostname', 'DNS name of a DNS-based load balancer.'],
      ['3 ipMode *', 'How traffic to ip arrives: VIP (addressed to the load balancer IP) or Proxy (addressed to a node or pod). Only with ip.'],
      ['4 ports PortStatus[]', 'Per-port status; when used, every service port has an entry.', atomic],
    ],
  },
  PortStatus: {
    name: c('PortStatus'),
    description: 'The state of one service port on a load balancer.',
    fields: [
      ['1 port i32!', 'The service port.', { required: true }],
      ['2 protocol !', 'The port\'s protocol: TCP, UDP or SCTP.', { required: true, enum: protocols }],
      ['3 error *', 'The problem with this port, as a CamelCase name (built-in) or a domain-prefixed one (provider-specific).'],
    ],
  },
  ServiceList: listOf(c('ServiceList'), 'Service', v1('Service'), 'The services.'),
  Endpoints: {
    name: c('Endpoints'),
    description: 'The addresses and ports that implement a service (superseded by EndpointSlice).',
    gvk: v1('Endpoints'),
    fields: [
      metadataField,
      ['2 subsets EndpointSubset[]', 'Groups of addresses sharing the same ports; the endpoints are the union of all subsets.', atomic],
    ],
  },
  EndpointSubset: {
    name: c('EndpointSubset'),
    description: 'Addresses that share a set of ports; every address serves every port.',
    fields: [
      ['1 addresses EndpointAddress[]', 'Addresses that are ready and safe to send traffic to.', atomic],
      ['2 notReadyAddresses EndpointAddress[]', 'Addresses that serve the ports but are not ready yet (starting, or failing readiness or liveness checks).', atomic],
      ['3 ports EndpointPort[]', 'Ports available on the addresses.', atomic],
    ],
  },
  EndpointAddress: {
    name: c('EndpointAddress'),
    description: 'One endpoint IP.',
    structType: 'atomic',
    fields: [
      ['1 ip !', 'The IP; not loopback, link-local or link-local multicast.', { required: true }],
      ['3 hostname', 'Hostname of the endpoint.'],
      ['4 nodeName *', 'The node hosting the endpoint, to find endpoints local to a node.'],
      ['2 targetRef ObjectReference', 'The object (usually a pod) providing the endpoint.'],
    ],
  },
  EndpointPort: {
    name: c('EndpointPort'),
    description: 'One endpoint port.',
    structType: 'atomic',
    fields: [
      ['1 name', 'Matches the name of a service port; a DNS label, optional when there is one port.'],
      ['2 port i32!', 'The port number.', { required: true }],
      ['3 protocol', 'TCP, UDP or SCTP. Defaults to TCP.', { enum: protocols }],
      ['4 appProtocol *', appProtocolText],
    ],
  },
  EndpointsList: listOf(c('EndpointsList'), 'Endpoints', v1('Endpoints'), 'The endpoints.'),
};
