/** networking.k8s.io/v1 defaulting (pkg/apis/networking/v1/defaults.go), on create and update. */
import type { KubeObject } from '../meta/types.js';
import { asObj, child } from '../apps/validation-fields.js';

/**
 * A policy that names no policyTypes is an Ingress policy, and an Egress one too when it has
 * egress rules; every port without a protocol is TCP.
 */
export function defaultNetworkPolicy(np: KubeObject): void {
  const spec = child(np, 'spec');
  const egress = Array.isArray(spec.egress) ? spec.egress : [];
  if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) spec.policyTypes = egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  const ingress = Array.isArray(spec.ingress) ? spec.ingress : [];
  for (const rule of [...ingress, ...egress]) {
    const ports = asObj(rule).ports;
    if (Array.isArray(ports)) for (const p of ports) { const port = asObj(p); if (port.protocol === undefined || port.protocol === null) port.protocol = 'TCP'; }
  }
}

/** Parameters without a scope refer to a cluster-scoped object. */
export function defaultIngressClass(ic: KubeObject): void {
  const params = asObj(ic.spec).parameters;
  if (params !== undefined && params !== null && typeof params === 'object') {
    const p = params as Record<string, unknown>;
    if (p.scope === undefined || p.scope === null) p.scope = 'Cluster';
  }
}
