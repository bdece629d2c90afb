/** flowcontrol.apiserver.k8s.io/v1 defaulting (pkg/apis/flowcontrol/v1/defaults.go), on create and update. */
import type { KubeObject } from '../meta/types.js';
import { asObj, child, setDefault } from '../apps/validation-fields.js';

/** A FlowSchema without a precedence sorts late, but before catch-all (10000). */
export function defaultFlowSchema(fs: KubeObject): void {
  const spec = child(fs, 'spec');
  if (!spec.matchingPrecedence) spec.matchingPrecedence = 1000;
}

/** Limited levels get 30 shares unless told otherwise; queuing gets 64 queues, hands of 8, 50 per queue. */
export function defaultPriorityLevelConfiguration(plc: KubeObject): void {
  const spec = child(plc, 'spec');
  if (spec.limited !== undefined && spec.limited !== null) {
    const limited = asObj(spec.limited);
    setDefault(limited, 'nominalConcurrencyShares', 30);
    setDefault(limited, 'lendablePercent', 0);
    const queuing = asObj(limited.limitResponse).queuing;
    if (queuing !== undefined && queuing !== null) {
      const q = asObj(queuing);
      if (!q.handSize) q.handSize = 8;
      if (!q.queues) q.queues = 64;
      if (!q.queueLengthLimit) q.queueLengthLimit = 50;
    }
  }
  if (spec.exempt !== undefined && spec.exempt !== null) {
    const exempt = asObj(spec.exempt);
    setDefault(exempt, 'nominalConcurrencyShares', 0);
    setDefault(exempt, 'lendablePercent', 0);
  }
}
