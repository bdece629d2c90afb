/**
 * policy/v1 PodDisruptionBudget validation (pkg/apis/policy/validation). policy/v1 has no
 * defaults beyond status. The spec stays mutable (upstream lifted that restriction in 1.15).
 */
import { type FieldError, fieldInvalid, fieldNotSupported } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import { asObj, notMoreThan100Percent, positiveIntOrPercent, validateLabelSelector } from '../apps/validation-fields.js';

const evictionPolicies = ['AlwaysAllow', 'IfHealthyBudget'];
const isSet = (v: unknown) => v !== undefined && v !== null;

export function validatePodDisruptionBudget(pdb: KubeObject): FieldError[] {
  const spec = asObj(pdb.spec);
  const errs: FieldError[] = [];
  // upstream prints the spec struct (pointer addresses included) with %#v; JSON stands in.
  if (isSet(spec.minAvailable) && isSet(spec.maxUnavailable)) errs.push(fieldInvalid('spec', spec, 'minAvailable and maxUnavailable cannot be both set'));
  for (const k of ['minAvailable', 'maxUnavailable']) {
    if (isSet(spec[k])) errs.push(...positiveIntOrPercent(spec[k], `spec.${k}`), ...notMoreThan100Percent(spec[k], `spec.${k}`));
  }
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (isSet(policy) && !evictionPolicies.includes(policy as string)) errs.push(fieldNotSupported('spec.unhealthyPodEvictionPolicy', policy, evictionPolicies));
  return errs;
}
