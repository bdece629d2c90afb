/**
 * v1 Service defaulting (pkg/apis/core/v1/defaults.go SetDefaults_Service) and the strategy's
 * normalization before validation (pkg/registry/core/service/strategy.go: clusterIPs follow
 * clusterIP, and fields that only made sense for the old type are dropped when the type changes).
 */
import { type Obj, defaultNil, defaultZero, isObj, listAt, objectsAt, str } from './json-shapes.js';

/** service.ExternallyAccessible: reachable from outside through node ports, a balancer or external IPs. */
export function externallyAccessible(spec: Obj): boolean {
  return spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && listAt(spec, 'externalIPs').length > 0);
}

/** SetDefaults_Service over the spec. */
export function defaultServiceSpec(spec: Obj): void {
  defaultZero(spec, 'sessionAffinity', 'None');
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP') {
    const config = isObj(spec.sessionAffinityConfig) ? spec.sessionAffinityConfig : {};
    const clientIP = isObj(config.clientIP) ? config.clientIP : {};
    if (typeof clientIP.timeoutSeconds !== 'number') spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  defaultZero(spec, 'type', 'ClusterIP');
  for (const [port] of objectsAt(spec, 'ports')) {
    defaultZero(port, 'protocol', 'TCP');
    if (port.targetPort === undefined || port.targetPort === null || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
  }
  if (externallyAccessible(spec)) defaultZero(spec, 'externalTrafficPolicy', 'Cluster');
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP') defaultNil(spec, 'internalTrafficPolicy', 'Cluster');
  if (spec.type === 'LoadBalancer') defaultNil(spec, 'allocateLoadBalancerNodePorts', true);
}

/** NormalizeClusterIPs for a create: a lone clusterIP becomes clusterIPs[0]. */
export function normalizeClusterIPs(spec: Obj): void {
  const ip = str(spec.clusterIP);
  if (ip && listAt(spec, 'clusterIPs').length === 0) spec.clusterIPs = [ip];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const hasNodePorts = (spec: Obj) => spec.type === 'NodePort' || spec.type === 'LoadBalancer';

/**
 * dropTypeDependentFields: when an update changes the type, values the old type needed and the
 * client left untouched go, so switching NodePort -> ClusterIP or -> ExternalName validates.
 */
export function dropTypeDependentFields(spec: Obj, old: Obj): void {
  if (spec.type === old.type) return;
  if (spec.type === 'ExternalName') {
    for (const k of ['clusterIP', 'clusterIPs', 'ipFamilies', 'ipFamilyPolicy']) if (same(spec[k], old[k])) delete spec[k];
  }
  if (!hasNodePorts(spec) && hasNodePorts(old)) {
    const oldPorts = new Set(objectsAt(old, 'ports').map(([p]) => p.nodePort).filter((n) => n));
    for (const [p] of objectsAt(spec, 'ports')) if (oldPorts.has(p.nodePort)) delete p.nodePort;
  }
  if (spec.type !== 'LoadBalancer') {
    for (const k of ['allocateLoadBalancerNodePorts', 'loadBalancerClass']) if (same(spec[k], old[k])) delete spec[k];
    if (same(spec.healthCheckNodePort, old.healthCheckNodePort)) delete spec.healthCheckNodePort;
  }
  if (!externallyAccessible(spec) && same(spec.externalTrafficPolicy, old.externalTrafficPolicy)) delete spec.externalTrafficPolicy;
}
