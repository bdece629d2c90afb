/**
 * scheduling.k8s.io/v1 PriorityClass (pkg/registry/scheduling/priorityclass, pkg/apis/scheduling):
 * metadata.generation is 1 from create on and never bumped; `value` and `preemptionPolicy` are
 * immutable; names starting with `system-` are reserved for the two classes every cluster has,
 * which the server creates at start as upstream does.
 */
import { type FieldError, fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import type { ResourceDef, Strategy } from '../../registry/rest.js';
import { defineResource } from '../core/define.js';

/** scheduling.HighestUserDefinablePriority */
export const highestUserDefinablePriority = 1_000_000_000;
/** scheduling.SystemCriticalPriority */
const systemCriticalPriority = 2 * highestUserDefinablePriority;

const systemPriorityClasses = [
  { name: 'system-node-critical', value: systemCriticalPriority + 1000, description: 'Used for system critical pods that must not be moved from their current node.' },
  { name: 'system-cluster-critical', value: systemCriticalPriority, description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.' },
];

/** IsKnownSystemPriorityClass: why a `system-` class is not one of the known ones, or null. */
function systemClassError(pc: KubeObject): string | null {
  const known = systemPriorityClasses.find((s) => s.name === pc.metadata.name);
  if (!known) return `${pc.metadata.name} is not a known system priority class`;
  if (pc.value !== known.value) return `value of ${known.name} PriorityClass must be ${known.value}`;
  if ((pc.globalDefault ?? false) !== false) return `globalDefault of ${known.name} PriorityClass must be false`;
  return null;
}

function validatePriorityClass(pc: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const name = pc.metadata.name ?? '';
  if (name.startsWith('system-')) {
    const err = systemClassError(pc);
    if (err) errs.push(fieldForbidden('metadata.name', `priority class names with 'system-' prefix are reserved for system use only. error: ${err}`));
  } else if (typeof pc.value === 'number' && pc.value > highestUserDefinablePriority) {
    errs.push(fieldForbidden('value', `maximum allowed value of a user defined priority is ${highestUserDefinablePriority}`));
  }
  if (pc.preemptionPolicy === '') errs.push(fieldRequired('preemptionPolicy'));
  else if (pc.preemptionPolicy !== undefined && pc.preemptionPolicy !== 'PreemptLowerPriority' && pc.preemptionPolicy !== 'Never') {
    errs.push(fieldNotSupported('preemptionPolicy', pc.preemptionPolicy, ['PreemptLowerPriority', 'Never']));
  }
  return errs;
}

function validatePriorityClassUpdate(pc: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (pc.value !== old.value) errs.push(fieldForbidden('value', 'may not be changed in an update.'));
  if (pc.preemptionPolicy !== old.preemptionPolicy) errs.push(fieldInvalid('preemptionPolicy', pc.preemptionPolicy, 'field is immutable'));
  return errs;
}

/** SetDefaults_PriorityClass: preemptionPolicy defaults to PreemptLowerPriority (before the immutability check). */
function defaultPreemptionPolicy(pc: KubeObject): void {
  if (pc.preemptionPolicy === undefined || pc.preemptionPolicy === null) pc.preemptionPolicy = 'PreemptLowerPriority';
}

const priorityClassStrategy: Strategy = {
  prepareForCreate(pc) {
    defaultPreemptionPolicy(pc);
    pc.metadata.generation = 1;
  },
  prepareForUpdate(pc, old) {
    defaultPreemptionPolicy(pc);
    // rest.BeforeUpdate: requests cannot change generation, and this strategy never bumps it.
    if (old.metadata.generation === undefined) delete pc.metadata.generation;
    else pc.metadata.generation = old.metadata.generation;
  },
  validate: validatePriorityClass,
  validateUpdate: validatePriorityClassUpdate,
};

export const schedulingResources: ResourceDef[] = [
  defineResource({ group: 'scheduling.k8s.io', versions: ['v1'] }, 'priorityclasses', 'PriorityClass', false, {
    shortNames: ['pc'],
    strategy: priorityClassStrategy,
    bootstrap: () => systemPriorityClasses.map((s) => ({
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: s.name },
      value: s.value,
      description: s.description,
      preemptionPolicy: 'PreemptLowerPriority',
    })),
  }),
];
