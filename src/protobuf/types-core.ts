/**
 * core/v1 message tables for the non-pod objects kubectl creates (Namespace, ConfigMap, Secret,
 * ServiceAccount, Service, ResourceQuota) plus Event, Binding, Node and the references they share,
 * from staging/src/k8s.io/api/core/v1/types.go. Pod types: types-core-pod.ts; volumes:
 * types-core-volumes.ts. Field syntax: schema.ts.
 */
import type { MessageTable } from './schema.js';

export const coreMessages: MessageTable = {
  SessionAffinityConfig: ['1 clientIP ClientIPConfig'],
  ClientIPConfig: ['1 timeoutSeconds i32*'],
  ServiceStatus: ['1 loadBalancer LoadBalancerStatus', '2 conditions Condition[]'],
  LoadBalancerStatus: ['1 ingress LoadBalancerIngress[]'],
  LoadBalancerIngress: ['1 ip', '2 hostname', '3 ipMode *', '4 ports PortStatus[]'],
  ServiceSpec: [
    '1 ports ServicePort[]', '2 selector {}', '3 clusterIP', '18 clusterIPs []', '4 type', '5 externalIPs []',
    '7 sessionAffinity', '8 loadBalancerIP', '9 loadBalancerSourceRanges []', '10 externalName',
    '11 externalTrafficPolicy', '12 healthCheckNodePort i32', '13 publishNotReadyAddresses b',
    '14 sessionAffinityConfig SessionAffinityConfig', '19 ipFamilies []', '17 ipFamilyPolicy *',
    '20 allocateLoadBalancerNodePorts b*', '21 loadBalancerClass *', '22 internalTrafficPolicy *',
    '23 trafficDistribution *',
  ],
  ServicePort: [
    '1 name', '2 protocol', '6 appProtocol *', '3 port i32!', '4 targetPort IntOrString', '5 nodePort i32',
  ],
  Service: ['1 metadata ObjectMeta', '2 spec ServiceSpec', '3 status ServiceStatus'],
  ServiceAccount: [
    '1 metadata ObjectMeta', '2 secrets ObjectReference[]', '3 imagePullSecrets LocalObjectReference[]',
    '4 automountServiceAccountToken b*',
  ],
  NamespaceSpec: ['1 finalizers []'],
  NamespaceStatus: ['1 phase', '2 conditions NamespaceCondition[]'],
  NamespaceCondition: ['1 type !', '2 status !', '4 lastTransitionTime Time', '5 reason', '6 message'],
  Namespace: ['1 metadata ObjectMeta', '2 spec NamespaceSpec', '3 status NamespaceStatus'],
  Binding: ['1 metadata ObjectMeta', '2 target ObjectReference'],
  ObjectReference: [
    '1 kind', '2 namespace', '3 name', '4 uid', '5 apiVersion', '6 resourceVersion', '7 fieldPath',
  ],
  LocalObjectReference: ['1 name'],
  TypedLocalObjectReference: ['1 apiGroup *!', '2 kind !', '3 name !'],
  EventSource: ['1 component', '2 host'],
  Event: [
    '1 metadata ObjectMeta', '2 involvedObject ObjectReference', '3 reason', '4 message',
    '5 source EventSource', '6 firstTimestamp Time', '7 lastTimestamp Time', '8 count i32', '9 type',
    '10 eventTime MicroTime', '11 series EventSeries', '12 action', '13 related ObjectReference',
    '14 reportingComponent !', '15 reportingInstance !',
  ],
  EventSeries: ['1 count i32', '2 lastObservedTime MicroTime'],
  ResourceQuotaSpec: ['1 hard Quantity{}', '2 scopes []', '3 scopeSelector ScopeSelector'],
  ScopeSelector: ['1 matchExpressions ScopedResourceSelectorRequirement[]'],
  ScopedResourceSelectorRequirement: ['1 scopeName !', '2 operator !', '3 values []'],
  ResourceQuotaStatus: ['1 hard Quantity{}', '2 used Quantity{}'],
  ResourceQuota: ['1 metadata ObjectMeta', '2 spec ResourceQuotaSpec', '3 status ResourceQuotaStatus'],
  Secret: ['1 metadata ObjectMeta', '5 immutable b*', '2 data bytes{}', '4 stringData {}', '3 type'],
  ConfigMap: ['1 metadata ObjectMeta', '4 immutable b*', '2 data {}', '3 binaryData bytes{}'],
  PortStatus: ['1 port i32!', '2 protocol !', '3 error *'],
  // Node and NodeStatus, as kubelets register and report them
  Node: ['1 metadata ObjectMeta', '2 spec NodeSpec', '3 status NodeStatus'],
  NodeSpec: [
    '1 podCIDR', '7 podCIDRs []', '3 providerID', '4 unschedulable b', '5 taints Taint[]',
    '6 configSource NodeConfigSource', '2 externalID',
  ],
  Taint: ['1 key !', '2 value', '3 effect !', '4 timeAdded Time'],
  NodeConfigSource: ['2 configMap ConfigMapNodeConfigSource'],
  ConfigMapNodeConfigSource: [
    '1 namespace !', '2 name !', '3 uid', '4 resourceVersion', '5 kubeletConfigKey !',
  ],
  NodeStatus: [
    '1 capacity Quantity{}', '2 allocatable Quantity{}', '3 phase', '4 conditions NodeCondition[]',
    '5 addresses NodeAddress[]', '6 daemonEndpoints NodeDaemonEndpoints', '7 nodeInfo NodeSystemInfo',
    '8 images ContainerImage[]', '9 volumesInUse []', '10 volumesAttached AttachedVolume[]',
    '11 config NodeConfigStatus', '12 runtimeHandlers NodeRuntimeHandler[]', '13 features NodeFeatures',
  ],
  NodeCondition: [
    '1 type !', '2 status !', '3 lastHeartbeatTime Time', '4 lastTransitionTime Time', '5 reason',
    '6 message',
  ],
  NodeAddress: ['1 type !', '2 address !'],
  NodeDaemonEndpoints: ['1 kubeletEndpoint DaemonEndpoint'],
  DaemonEndpoint: ['1 Port i32!'],
  NodeSystemInfo: [
    '1 machineID !', '2 systemUUID !', '3 bootID !', '4 kernelVersion !', '5 osImage !',
    '6 containerRuntimeVersion !', '7 kubeletVersion !', '8 kubeProxyVersion !', '9 operatingSystem !',
    '10 architecture !',
  ],
  ContainerImage: ['1 names []!', '2 sizeBytes i64'],
  AttachedVolume: ['1 name !', '2 devicePath !'],
  NodeConfigStatus: [
    '1 assigned NodeConfigSource', '2 active NodeConfigSource', '3 lastKnownGood NodeConfigSource', '4 error',
  ],
  NodeRuntimeHandler: ['1 name !', '2 features NodeRuntimeHandlerFeatures'],
  NodeRuntimeHandlerFeatures: ['1 recursiveReadOnlyMounts b*', '2 userNamespaces b*'],
  NodeFeatures: ['1 supplementalGroupsPolicy b*'],
};
