/**
 * Pod rules (pkg/registry/core/pod/strategy.go): every write is defaulted as v1 decoding does
 * (pod-defaults.ts); status starts as Pending with the computed QoS class; a pod with scheduling
 * gates starts with PodScheduled=False/SchedulingGated; updates keep the stored status and may
 * change only what ValidatePodUpdate allows; and the field selectors of pkg/apis/core/v1
 * conversion.go with the values of ToSelectableFields.
 */
import type { FieldError } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import type { RequestContext, Strategy } from '../../registry/rest.js';
import { composeStrategies, fieldSelectors, fieldString, section, statusReset, valueAt } from './define.js';
import { isObj } from './json-shapes.js';
import { defaultPod } from './pod-defaults.js';
import { podQOSClass } from './pod-qos.js';
import { validatePodSpecUpdate } from './pod-update-validation.js';
import { validatePodCreateOnly, validatePodSpec } from './pod-validation.js';
import { checkPodSpecQuantities } from './quantity-decode.js';

/** applySchedulingGatedCondition: runs right after status was reset, so no condition exists yet. */
function applySchedulingGatedCondition(pod: KubeObject): void {
  const gates = valueAt(pod, 'spec.schedulingGates');
  if (!Array.isArray(gates) || gates.length === 0) return;
  (pod.status as Record<string, unknown>).conditions = [{
    type: 'PodScheduled',
    status: 'False',
    reason: 'SchedulingGated',
    message: 'Scheduling is blocked due to non-empty scheduling gates',
  }];
}

/** status.podIP as the internal object holds it: the first of status.podIPs (v1 podIP otherwise). */
function podIP(pod: KubeObject): string {
  const ips = valueAt(pod, 'status.podIPs');
  if (Array.isArray(ips) && ips.length > 0) return fieldString(ips[0], 'ip');
  return fieldString(pod, 'status.podIP');
}

/** What decoding a v1 Pod body does upstream: quantities parse (or 400), then v1 defaults. */
function decodePod(pod: KubeObject): void {
  checkPodSpecQuantities(pod.spec, 'Pod', 'v1');
  defaultPod(pod);
}

/**
 * The binding subresource sets spec.nodeName through the same update path; upstream's
 * BindingREST never runs ValidatePodUpdate, so there (only) a first assignment of a node is let
 * through. A plain update may not change nodeName, as upstream.
 */
function validateUpdate(pod: KubeObject, old: KubeObject, ctx: RequestContext): FieldError[] {
  const spec = isObj(pod.spec) ? pod.spec : {};
  const oldSpec = isObj(old.spec) ? old.spec : {};
  if (ctx.subresource === 'binding' && !oldSpec.nodeName && spec.nodeName) return validatePodSpecUpdate(spec, { ...oldSpec, nodeName: spec.nodeName });
  return validatePodSpecUpdate(spec, oldSpec);
}

export const podStrategy: Strategy = composeStrategies(
  statusReset(() => ({ phase: 'Pending' })),
  {
    prepareForCreate(pod) {
      decodePod(pod);
      applySchedulingGatedCondition(pod);
      (pod.status as Record<string, unknown>).qosClass = podQOSClass(section(pod, 'spec'));
    },
    prepareForUpdate: (pod) => decodePod(pod),
    validate: (pod) => [...validatePodSpec(pod.spec, 'spec'), ...validatePodCreateOnly(section(pod, 'spec'), 'spec')],
    validateUpdate,
  },
  fieldSelectors({
    'spec.nodeName': (p) => fieldString(p, 'spec.nodeName'),
    // The fallbacks are the v1 defaults, for pods stored before defaulting was in place.
    'spec.restartPolicy': (p) => fieldString(p, 'spec.restartPolicy') || 'Always',
    'spec.schedulerName': (p) => fieldString(p, 'spec.schedulerName') || 'default-scheduler',
    // v1 serviceAccount is the deprecated alias; serviceAccountName wins when both are set.
    'spec.serviceAccountName': (p) => fieldString(p, 'spec.serviceAccountName') || fieldString(p, 'spec.serviceAccount'),
    'spec.hostNetwork': (p) => String(valueAt(p, 'spec.hostNetwork') === true),
    'status.phase': (p) => fieldString(p, 'status.phase'),
    'status.podIP': podIP,
    // Accepted by the label conversion but never filled in by GetAttrs: it always reads as "".
    'status.podIPs': () => '',
    'status.nominatedNodeName': (p) => fieldString(p, 'status.nominatedNodeName'),
    // Old v1 clients send spec.host; upstream converts the label to spec.nodeName.
    'spec.host': (p) => fieldString(p, 'spec.nodeName'),
  }),
);
