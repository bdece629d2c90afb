/**
 * networking.k8s.io/v1 type table (staging/src/k8s.io/api/networking/v1/types.go): Ingress,
 * IngressClass, NetworkPolicy, their lists and nested types. Field specs match
 * src/protobuf/types-groups.ts. Data table; format: src/schema/format.ts.
 */
import type { FieldMeta, GroupVersionKind, TypeTable } from '../../schema/format.js';

const gvk = (kind: string): GroupVersionKind[] => [{ group: 'networking.k8s.io', version: 'v1', kind }];
const required: FieldMeta = { required: true };
const atomic: FieldMeta = { listType: 'atomic' };
const protocols = ['SCTP', 'TCP', 'UDP'];
const metadata = ['1 metadata ObjectMeta', "The object's standard metadata: name, namespace, labels, annotations and so on."] as const;
const listMetadata = ['1 metadata ListMeta', "The list's metadata: resourceVersion and the continue token for paging."] as const;

export const networkingTypes: TypeTable = {
  Ingress: {
    name: 'io.k8s.api.networking.v1.Ingress',
    description: 'An Ingress routes external HTTP(S) traffic to Services by host and path; an ingress controller implements it.',
    gvk: gvk('Ingress'),
    fields: [
      metadata,
      ['2 spec IngressSpec', 'The routing rules, TLS settings and default backend.'],
      ['3 status IngressStatus', 'The addresses the ingress controller exposes, written by the controller.'],
    ],
  },
  IngressList: {
    name: 'io.k8s.api.networking.v1.IngressList',
    description: 'A list of Ingresses.',
    gvk: gvk('IngressList'),
    fields: [listMetadata, ['2 items Ingress[]!', 'The Ingresses.', { required: true }]],
  },
  IngressSpec: {
    name: 'io.k8s.api.networking.v1.IngressSpec',
    description: 'The desired routing of an Ingress.',
    fields: [
      ['4 ingressClassName *', 'The IngressClass whose controller should serve this Ingress. Replaces the deprecated kubernetes.io/ingress.class annotation.'],
      ['1 defaultBackend IngressBackend', 'Where requests matching no rule go. Required when there are no rules; otherwise the controller decides.'],
      ['2 tls IngressTLS[]', 'TLS termination on port 443; several entries share the port through SNI.', atomic],
      ['3 rules IngressRule[]', 'Host and path rules. Requests matching none go to the default backend.', atomic],
    ],
  },
  IngressTLS: {
    name: 'io.k8s.api.networking.v1.IngressTLS',
    description: 'The TLS settings for a set of hosts.',
    fields: [
      ['1 hosts []', 'Hosts covered by the certificate; they must match the names in the secret. Defaults to the controller\'s wildcard host.', atomic],
      ['2 secretName', 'The Secret holding the certificate and key for port 443. May be empty to route by SNI host alone.'],
    ],
  },
  IngressStatus: {
    name: 'io.k8s.api.networking.v1.IngressStatus',
    description: 'The observed state of an Ingress.',
    fields: [['1 loadBalancer IngressLoadBalancerStatus', 'The load balancer in front of the Ingress.']],
  },
  IngressLoadBalancerStatus: {
    name: 'io.k8s.api.networking.v1.IngressLoadBalancerStatus',
    description: 'The load balancer of an Ingress.',
    fields: [['1 ingress IngressLoadBalancerIngress[]', 'The entry points of the load balancer.', atomic]],
  },
  IngressLoadBalancerIngress: {
    name: 'io.k8s.api.networking.v1.IngressLoadBalancerIngress',
    description: 'One entry point of an Ingress load balancer.',
    fields: [
      ['1 ip', 'The IP address, for IP-based load balancers.'],
      ['2 hostname', 'The DNS name, for DNS-based load balancers.'],
      ['4 ports IngressPortStatus[]', 'The ports the load balancer exposes and their errors.', atomic],
    ],
  },
  IngressPortStatus: {
    name: 'io.k8s.api.networking.v1.IngressPortStatus',
    description: 'The state of one load balancer port.',
    fields: [
      ['1 port i32!', 'The port number.', { required: true }],
      ['2 protocol !', 'TCP, UDP or SCTP.', { ...required, enum: protocols }],
      ['3 error *', 'A problem with this port: a CamelCase built-in value or a vendor value like example.com/CamelCase.'],
    ],
  },
  IngressRule: {
    name: 'io.k8s.api.networking.v1.IngressRule',
    description: 'The paths served under one host (or every host when host is empty).',
    fields: [
      ['1 host', 'A fully qualified DNS name without port, or a wildcard like *.example.com matching exactly one label. IP addresses are not allowed. Empty matches every host.'],
      ['2 ... IngressRuleValue', 'The rule body, inlined: currently only http.'],
    ],
  },
  IngressRuleValue: {
    name: 'io.k8s.api.networking.v1.IngressRuleValue',
    description: 'The body of an Ingress rule; exactly one member may be set.',
    fields: [['1 http HTTPIngressRuleValue', 'HTTP path routing.']],
  },
  HTTPIngressRuleValue: {
    name: 'io.k8s.api.networking.v1.HTTPIngressRuleValue',
    description: 'HTTP routing by URL path.',
    fields: [['1 paths HTTPIngressPath[]!', 'The paths and the backends they go to.', { required: true, listType: 'atomic' }]],
  },
  HTTPIngressPath: {
    name: 'io.k8s.api.networking.v1.HTTPIngressPath',
    description: 'A URL path and the backend that serves it.',
    fields: [
      ['1 path', 'The path to match; must start with "/" and is required for the Exact and Prefix path types.'],
      ['3 pathType *!', 'Exact matches the whole path; Prefix matches by "/"-separated elements; ImplementationSpecific leaves it to the IngressClass.', { required: true, enum: ['Exact', 'ImplementationSpecific', 'Prefix'] }],
      ['2 backend IngressBackend', 'Where matching requests go.', { required: true }],
    ],
  },
  IngressBackend: {
    name: 'io.k8s.api.networking.v1.IngressBackend',
    description: 'The target of Ingress traffic: a Service port or another resource, not both.',
    fields: [
      ['4 service IngressServiceBackend', 'A Service in the Ingress\'s namespace.'],
      ['3 resource TypedLocalObjectReference', 'Another object in the Ingress\'s namespace, e.g. a storage bucket resource.'],
    ],
  },
  IngressServiceBackend: {
    name: 'io.k8s.api.networking.v1.IngressServiceBackend',
    description: 'A Service used as an Ingress backend.',
    fields: [
      ['1 name !', 'The Service name, in the Ingress\'s namespace.', required],
      ['2 port ServiceBackendPort', 'The Service port, by name or number.'],
    ],
  },
  ServiceBackendPort: {
    name: 'io.k8s.api.networking.v1.ServiceBackendPort',
    description: 'A Service port, by name or by number (not both).',
    structType: 'atomic',
    fields: [
      ['1 name', 'The port name on the Service.'],
      ['2 number i32', 'The port number on the Service, e.g. 80.'],
    ],
  },

  IngressClass: {
    name: 'io.k8s.api.networking.v1.IngressClass',
    description: 'An IngressClass names the controller that serves Ingresses of that class. The ingressclass.kubernetes.io/is-default-class annotation makes it the default for Ingresses without a class.',
    gvk: gvk('IngressClass'),
    fields: [metadata, ['2 spec IngressClassSpec', 'The controller and its parameters.']],
  },
  IngressClassList: {
    name: 'io.k8s.api.networking.v1.IngressClassList',
    description: 'A list of IngressClasses.',
    gvk: gvk('IngressClassList'),
    fields: [listMetadata, ['2 items IngressClass[]!', 'The IngressClasses.', { required: true }]],
  },
  IngressClassSpec: {
    name: 'io.k8s.api.networking.v1.IngressClassSpec',
    description: 'What an IngressClass stands for.',
    fields: [
      ['1 controller', 'The controller handling this class, as a domain-prefixed path of at most 250 characters, e.g. example.com/ingress-controller. Immutable.'],
      ['2 parameters IngressClassParametersReference', 'An optional object holding extra configuration for the controller.'],
    ],
  },
  IngressClassParametersReference: {
    name: 'io.k8s.api.networking.v1.IngressClassParametersReference',
    description: 'A reference to the object configuring an IngressClass\'s controller, cluster-scoped or namespaced.',
    fields: [
      ['1 apiGroup *', 'The API group of the referenced kind; empty means the core group.'],
      ['2 kind !', 'The kind of the referenced object.', required],
      ['3 name !', 'The name of the referenced object.', required],
      ['4 scope *!', 'Cluster (the default) or Namespace.'],
      ['5 namespace *', 'The namespace of the referenced object; required when scope is Namespace, forbidden when Cluster.'],
    ],
  },

  NetworkPolicy: {
    name: 'io.k8s.api.networking.v1.NetworkPolicy',
    description: 'A NetworkPolicy restricts the traffic allowed to and from the pods it selects; a network plugin enforces it.',
    gvk: gvk('NetworkPolicy'),
    fields: [metadata, ['2 spec NetworkPolicySpec', 'Which pods are selected and what traffic they may receive and send.']],
  },
  NetworkPolicyList: {
    name: 'io.k8s.api.networking.v1.NetworkPolicyList',
    description: 'A list of NetworkPolicies.',
    gvk: gvk('NetworkPolicyList'),
    fields: [listMetadata, ['2 items NetworkPolicy[]!', 'The NetworkPolicies.', { required: true }]],
  },
  NetworkPolicySpec: {
    name: 'io.k8s.api.networking.v1.NetworkPolicySpec',
    description: 'The pods a NetworkPolicy isolates and the traffic it allows them.',
    fields: [
      // Required in v1.32's OpenAPI; upstream documented it as optional from v1.34 (kubernetes#131354).
      ['1 podSelector LabelSelector', 'The pods in this namespace the policy applies to; empty selects all of them. Rules of several policies selecting a pod add up.', required],
      ['2 ingress NetworkPolicyIngressRule[]', 'Incoming traffic allowed to the selected pods. Empty allows none (the pods are only isolated).', atomic],
      ['3 egress NetworkPolicyEgressRule[]', 'Outgoing traffic allowed from the selected pods. Empty allows none (the pods are only isolated).', atomic],
      ['4 policyTypes []', 'Which directions the policy governs: Ingress, Egress or both. Unset means Ingress, plus Egress when egress rules exist.', { listType: 'atomic', enum: ['Egress', 'Ingress'] }],
    ],
  },
  NetworkPolicyIngressRule: {
    name: 'io.k8s.api.networking.v1.NetworkPolicyIngressRule',
    description: 'Incoming traffic allowed to the selected pods; it must match both ports and from.',
    fields: [
      ['1 ports NetworkPolicyPort[]', 'Allowed destination ports, any one of which may match. Empty allows every port.', atomic],
      ['2 from NetworkPolicyPeer[]', 'Allowed sources, any one of which may match. Empty allows every source.', atomic],
    ],
  },
  NetworkPolicyEgressRule: {
    name: 'io.k8s.api.networking.v1.NetworkPolicyEgressRule',
    description: 'Outgoing traffic allowed from the selected pods; it must match both ports and to.',
    fields: [
      ['1 ports NetworkPolicyPort[]', 'Allowed destination ports, any one of which may match. Empty allows every port.', atomic],
      ['2 to NetworkPolicyPeer[]', 'Allowed destinations, any one of which may match. Empty allows every destination.', atomic],
    ],
  },
  NetworkPolicyPort: {
    name: 'io.k8s.api.networking.v1.NetworkPolicyPort',
    description: 'A port (or port range) traffic may use.',
    fields: [
      ['1 protocol *', 'TCP, UDP or SCTP. Defaults to TCP.', { enum: protocols }],
      ['2 port IntOrString', 'A port number or a named container port. Unset matches every port.'],
      ['3 endPort i32*', 'Makes a range from port to endPort inclusive; port must then be a number no larger than endPort.'],
    ],
  },
  IPBlock: {
    name: 'io.k8s.api.networking.v1.IPBlock',
    description: 'A CIDR range of peers, with holes cut out.',
    fields: [
      ['1 cidr !', 'The range, e.g. 192.168.1.0/24 or 2001:db8::/64.', required],
      ['2 except []', 'Sub-ranges of cidr to leave out; each must lie inside cidr.', atomic],
    ],
  },
  NetworkPolicyPeer: {
    name: 'io.k8s.api.networking.v1.NetworkPolicyPeer',
    description: 'A traffic peer: pods picked by label selectors, or an IP block.',
    fields: [
      ['1 podSelector LabelSelector', 'Pods to match: in the namespaces picked by namespaceSelector if set, else in the policy\'s namespace. Empty matches every pod.'],
      ['2 namespaceSelector LabelSelector', 'Namespaces to match; with podSelector unset, every pod in them. Empty matches every namespace.'],
      ['3 ipBlock IPBlock', 'A CIDR range; when set, the selectors must be unset.'],
    ],
  },
};
