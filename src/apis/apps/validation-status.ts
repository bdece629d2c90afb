/**
 * Status rules of the apps/v1 workloads (ValidateDeploymentStatus and its siblings): counters are
 * non-negative, no count exceeds the replicas it is part of, and collisionCount never goes down.
 * The Store validates every write with them; on create and on main-resource updates the status
 * is the server's own (reset or kept), so in practice they judge /status writes.
 */
import { type FieldError, fieldInvalid } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import { asObj, nonNegative } from './validation-fields.js';

const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** Counters that must be non-negative, and which of them may not exceed which. */
interface StatusShape {
  counters: string[];
  /** [field, bound, message] triples, in upstream's order. */
  bounds: Array<[string, string, string]>;
}

const notAboveReplicas = 'cannot be greater than status.replicas';

const shapes: Record<string, StatusShape> = {
  Deployment: {
    counters: ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas', 'collisionCount'],
    bounds: [['updatedReplicas', 'replicas', notAboveReplicas], ['readyReplicas', 'replicas', notAboveReplicas],
      ['availableReplicas', 'replicas', notAboveReplicas], ['availableReplicas', 'readyReplicas', 'cannot be greater than readyReplicas']],
  },
  ReplicaSet: {
    counters: ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration'],
    bounds: [['fullyLabeledReplicas', 'replicas', notAboveReplicas], ['readyReplicas', 'replicas', notAboveReplicas],
      ['availableReplicas', 'replicas', notAboveReplicas], ['availableReplicas', 'readyReplicas', 'cannot be greater than readyReplicas']],
  },
  StatefulSet: {
    counters: ['replicas', 'readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas', 'observedGeneration', 'collisionCount'],
    bounds: [['readyReplicas', 'replicas', notAboveReplicas], ['currentReplicas', 'replicas', notAboveReplicas], ['updatedReplicas', 'replicas', notAboveReplicas],
      ['availableReplicas', 'replicas', notAboveReplicas], ['availableReplicas', 'readyReplicas', 'cannot be greater than status.readyReplicas']],
  },
  DaemonSet: {
    counters: ['currentNumberScheduled', 'numberMisscheduled', 'desiredNumberScheduled', 'numberReady', 'observedGeneration', 'updatedNumberScheduled', 'numberAvailable', 'numberUnavailable', 'collisionCount'],
    bounds: [],
  },
};

export const validateWorkloadStatus = (kind: keyof typeof shapes) => (obj: KubeObject): FieldError[] => {
  const status = asObj(obj.status);
  const shape = shapes[kind];
  const errs = shape.counters.flatMap((c) => nonNegative(status[c], `status.${c}`));
  for (const [field, bound, message] of shape.bounds) {
    if (num(status[field]) > num(status[bound])) errs.push(fieldInvalid(`status.${field}`, num(status[field]), message));
  }
  return errs;
};

/** IsDecremented(collisionCount): the hash-collision counter only grows. */
export function validateCollisionCount(obj: KubeObject, old: KubeObject): FieldError[] {
  const next = asObj(obj.status).collisionCount;
  const prev = asObj(old.status).collisionCount;
  if (typeof prev !== 'number' || (typeof next === 'number' && next >= prev)) return [];
  return [fieldInvalid('status.collisionCount', num(next), 'cannot be decremented')];
}
