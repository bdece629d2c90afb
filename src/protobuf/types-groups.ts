/**
 * Message tables for the smaller groups kubectl create reaches: rbac.authorization.k8s.io/v1,
 * scheduling.k8s.io/v1, policy/v1, networking.k8s.io/v1, authentication.k8s.io/v1 (TokenRequest,
 * TokenReview, SelfSubjectReview), authorization.k8s.io/v1 (the access reviews), and coordination.k8s.io/v1 Lease and events.k8s.io/v1 Event,
 * which kubelets and controllers send. From each group's types.go. Field syntax: schema.ts.
 */
import type { MessageTable } from './schema.js';

export const groupMessages: MessageTable = {
  // rbac.authorization.k8s.io/v1
  PolicyRule: [
    '1 verbs []!', '2 apiGroups []', '3 resources []', '4 resourceNames []', '5 nonResourceURLs []',
  ],
  Subject: ['1 kind !', '2 apiGroup', '3 name !', '4 namespace'],
  RoleRef: ['1 apiGroup !', '2 kind !', '3 name !'],
  Role: ['1 metadata ObjectMeta', '2 rules PolicyRule[]!'],
  RoleBinding: ['1 metadata ObjectMeta', '2 subjects Subject[]', '3 roleRef RoleRef'],
  ClusterRole: ['1 metadata ObjectMeta', '2 rules PolicyRule[]!', '3 aggregationRule AggregationRule'],
  AggregationRule: ['1 clusterRoleSelectors LabelSelector[]'],
  ClusterRoleBinding: ['1 metadata ObjectMeta', '2 subjects Subject[]', '3 roleRef RoleRef'],
  // scheduling.k8s.io/v1
  PriorityClass: [
    '1 metadata ObjectMeta', '2 value i32!', '3 globalDefault b', '4 description', '5 preemptionPolicy *',
  ],
  // policy/v1
  PodDisruptionBudgetSpec: [
    '1 minAvailable IntOrString', '2 selector LabelSelector', '3 maxUnavailable IntOrString',
    '4 unhealthyPodEvictionPolicy *',
  ],
  PodDisruptionBudgetStatus: [
    '1 observedGeneration i64', '2 disruptedPods Time{}', '3 disruptionsAllowed i32!',
    '4 currentHealthy i32!', '5 desiredHealthy i32!', '6 expectedPods i32!', '7 conditions Condition[]',
  ],
  PodDisruptionBudget: [
    '1 metadata ObjectMeta', '2 spec PodDisruptionBudgetSpec', '3 status PodDisruptionBudgetStatus',
  ],
  Eviction: ['1 metadata ObjectMeta', '2 deleteOptions DeleteOptions'],
  // authentication.k8s.io/v1
  TokenReview: ['1 metadata ObjectMeta', '2 spec TokenReviewSpec', '3 status TokenReviewStatus'],
  TokenReviewSpec: ['1 token', '2 audiences []'],
  TokenReviewStatus: ['1 authenticated b', '2 user UserInfo', '4 audiences []', '3 error'],
  UserInfo: ['1 username', '2 uid', '3 groups []', '4 extra ExtraValue{}'],
  TokenRequest: ['1 metadata ObjectMeta', '2 spec TokenRequestSpec', '3 status TokenRequestStatus'],
  TokenRequestSpec: [
    '1 audiences []!', '4 expirationSeconds i64*!', '3 boundObjectRef BoundObjectReference!',
  ],
  TokenRequestStatus: ['1 token !', '2 expirationTimestamp Time'],
  BoundObjectReference: ['1 kind', '2 apiVersion', '3 name', '4 uid'],
  SelfSubjectReview: ['1 metadata ObjectMeta', '2 status SelfSubjectReviewStatus'],
  SelfSubjectReviewStatus: ['1 userInfo UserInfo'],
  // authorization.k8s.io/v1 (kubectl auth can-i sends these)
  SubjectAccessReview: ['1 metadata ObjectMeta', '2 spec SubjectAccessReviewSpec', '3 status SubjectAccessReviewStatus'],
  LocalSubjectAccessReview: ['1 metadata ObjectMeta', '2 spec SubjectAccessReviewSpec', '3 status SubjectAccessReviewStatus'],
  SelfSubjectAccessReview: ['1 metadata ObjectMeta', '2 spec SelfSubjectAccessReviewSpec', '3 status SubjectAccessReviewStatus'],
  SelfSubjectRulesReview: ['1 metadata ObjectMeta', '2 spec SelfSubjectRulesReviewSpec', '3 status SubjectRulesReviewStatus'],
  SubjectAccessReviewSpec: [
    '1 resourceAttributes ResourceAttributes', '2 nonResourceAttributes NonResourceAttributes', '3 user',
    '4 groups []', '5 extra ExtraValue{}', '6 uid',
  ],
  SelfSubjectAccessReviewSpec: ['1 resourceAttributes ResourceAttributes', '2 nonResourceAttributes NonResourceAttributes'],
  SelfSubjectRulesReviewSpec: ['1 namespace'],
  ResourceAttributes: [
    '1 namespace', '2 verb', '3 group', '4 version', '5 resource', '6 subresource', '7 name',
    '8 fieldSelector FieldSelectorAttributes', '9 labelSelector LabelSelectorAttributes',
  ],
  NonResourceAttributes: ['1 path', '2 verb'],
  FieldSelectorAttributes: ['1 rawSelector', '2 requirements FieldSelectorRequirement[]'],
  FieldSelectorRequirement: ['1 key !', '2 operator !', '3 values []'],
  LabelSelectorAttributes: ['1 rawSelector', '2 requirements LabelSelectorRequirement[]'],
  SubjectAccessReviewStatus: ['1 allowed b!', '4 denied b', '2 reason', '3 evaluationError'],
  SubjectRulesReviewStatus: [
    '1 resourceRules ResourceRule[]!', '2 nonResourceRules NonResourceRule[]!', '3 incomplete b!', '4 evaluationError',
  ],
  ResourceRule: ['1 verbs []!', '2 apiGroups []', '3 resources []', '4 resourceNames []'],
  NonResourceRule: ['1 verbs []!', '2 nonResourceURLs []'],
  // networking.k8s.io/v1
  NetworkPolicy: ['1 metadata ObjectMeta', '2 spec NetworkPolicySpec'],
  NetworkPolicySpec: [
    '1 podSelector LabelSelector', '2 ingress NetworkPolicyIngressRule[]',
    '3 egress NetworkPolicyEgressRule[]', '4 policyTypes []',
  ],
  NetworkPolicyIngressRule: ['1 ports NetworkPolicyPort[]', '2 from NetworkPolicyPeer[]'],
  NetworkPolicyEgressRule: ['1 ports NetworkPolicyPort[]', '2 to NetworkPolicyPeer[]'],
  NetworkPolicyPort: ['1 protocol *', '2 port IntOrString', '3 endPort i32*'],
  IPBlock: ['1 cidr !', '2 except []'],
  NetworkPolicyPeer: [
    '1 podSelector LabelSelector', '2 namespaceSelector LabelSelector', '3 ipBlock IPBlock',
  ],
  Ingress: ['1 metadata ObjectMeta', '2 spec IngressSpec', '3 status IngressStatus'],
  IngressSpec: [
    '4 ingressClassName *', '1 defaultBackend IngressBackend', '2 tls IngressTLS[]', '3 rules IngressRule[]',
  ],
  IngressTLS: ['1 hosts []', '2 secretName'],
  IngressStatus: ['1 loadBalancer IngressLoadBalancerStatus'],
  IngressLoadBalancerStatus: ['1 ingress IngressLoadBalancerIngress[]'],
  IngressLoadBalancerIngress: ['1 ip', '2 hostname', '4 ports IngressPortStatus[]'],
  IngressPortStatus: ['1 port i32!', '2 protocol !', '3 error *'],
  IngressRule: ['1 host', '2 ... IngressRuleValue'],
  IngressRuleValue: ['1 http HTTPIngressRuleValue'],
  HTTPIngressRuleValue: ['1 paths HTTPIngressPath[]!'],
  HTTPIngressPath: ['1 path', '3 pathType *!', '2 backend IngressBackend'],
  IngressBackend: ['4 service IngressServiceBackend', '3 resource TypedLocalObjectReference'],
  IngressServiceBackend: ['1 name !', '2 port ServiceBackendPort'],
  ServiceBackendPort: ['1 name', '2 number i32'],
  IngressClass: ['1 metadata ObjectMeta', '2 spec IngressClassSpec'],
  IngressClassSpec: ['1 controller', '2 parameters IngressClassParametersReference'],
  IngressClassParametersReference: ['1 apiGroup *', '2 kind !', '3 name !', '4 scope *!', '5 namespace *'],
  // coordination.k8s.io/v1
  Lease: ['1 metadata ObjectMeta', '2 spec LeaseSpec'],
  LeaseSpec: [
    '1 holderIdentity *', '2 leaseDurationSeconds i32*', '3 acquireTime MicroTime', '4 renewTime MicroTime',
    '5 leaseTransitions i32*', '6 strategy *', '7 preferredHolder *',
  ],
  // events.k8s.io/v1: named apart from core/v1 Event (kinds.ts maps the kind)
  EventsV1Event: [
    '1 metadata ObjectMeta', '2 eventTime MicroTime', '3 series EventsV1EventSeries', '4 reportingController',
    '5 reportingInstance', '6 action', '7 reason', '8 regarding ObjectReference', '9 related ObjectReference',
    '10 note', '11 type', '12 deprecatedSource EventSource', '13 deprecatedFirstTimestamp Time',
    '14 deprecatedLastTimestamp Time', '15 deprecatedCount i32',
  ],
  EventsV1EventSeries: ['1 count i32!', '2 lastObservedTime MicroTime'],
};
