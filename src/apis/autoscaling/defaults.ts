/**
 * autoscaling/v2 HorizontalPodAutoscaler defaulting (pkg/apis/autoscaling/v2/defaults.go). The
 * Store keeps HPAs in v2, so v1 requests (converted at the edge) get the same defaults, as they
 * do upstream when the stored v2 object is decoded.
 */
import type { KubeObject } from '../meta/types.js';
import { type Obj, asObj, child, setDefault } from '../apps/validation-fields.js';

/** The CPU target an HPA without metrics gets (autoscaling.DefaultCPUUtilization). */
const defaultCPUUtilization = 80;

const scaleUpDefaults = (): Obj => ({
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }],
});

// No stabilization window: the controller's --horizontal-pod-autoscaler-downscale-stabilization flag decides.
const scaleDownDefaults = (): Obj => ({
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
});

/** copyHPAScalingRules: what the user set wins, field by field, over the defaults. */
function scalingRules(user: unknown, defaults: Obj): Obj {
  if (user === undefined || user === null) return defaults;
  const u = asObj(user);
  for (const k of ['selectPolicy', 'stabilizationWindowSeconds', 'policies']) if (u[k] !== undefined && u[k] !== null) defaults[k] = u[k];
  for (const [k, v] of Object.entries(u)) if (!(k in defaults)) defaults[k] = v;
  return defaults;
}

export function defaultHorizontalPodAutoscaler(hpa: KubeObject): void {
  const spec = child(hpa, 'spec');
  setDefault(spec, 'minReplicas', 1);
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: defaultCPUUtilization } } }];
  }
  // Only a behavior the user gave is completed; an absent one stays absent.
  if (spec.behavior !== undefined && spec.behavior !== null) {
    const behavior = asObj(spec.behavior);
    behavior.scaleUp = scalingRules(behavior.scaleUp, scaleUpDefaults());
    behavior.scaleDown = scalingRules(behavior.scaleDown, scaleDownDefaults());
  }
}
