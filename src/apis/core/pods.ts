/**
 * Pod rules this stage needs (pkg/registry/core/pod/strategy.go): status starts as Pending (the
 * QoS class upstream also computes is left to the typed-schema stage), a pod with scheduling
 * gates starts with PodScheduled=False/SchedulingGated, updates keep the stored status, and the
 * field selectors of pkg/apis/core/v1 conversion.go with the values of ToSelectableFields.
 */
import type { KubeObject } from '../meta/types.js';
import type { Strategy } from '../../registry/rest.js';
import { composeStrategies, fieldSelectors, fieldString, statusReset, valueAt } from './define.js';

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

export const podStrategy: Strategy = composeStrategies(
  statusReset(() => ({ phase: 'Pending' })),
  { prepareForCreate: applySchedulingGatedCondition },
  fieldSelectors({
    'spec.nodeName': (p) => fieldString(p, 'spec.nodeName'),
    // The unset values are the v1 defaults (SetDefaults_PodSpec), so selection works before defaulting lands.
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
