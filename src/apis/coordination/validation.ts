/** coordination.k8s.io/v1 Lease validation (pkg/apis/coordination/validation): durations and counters. */
import { type FieldError, fieldInvalid } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import { asObj } from '../apps/validation-fields.js';

export function validateLease(lease: KubeObject): FieldError[] {
  const spec = asObj(lease.spec);
  const errs: FieldError[] = [];
  if (typeof spec.leaseDurationSeconds === 'number' && spec.leaseDurationSeconds <= 0) {
    errs.push(fieldInvalid('spec.leaseDurationSeconds', spec.leaseDurationSeconds, 'must be greater than 0'));
  }
  if (typeof spec.leaseTransitions === 'number' && spec.leaseTransitions < 0) {
    errs.push(fieldInvalid('spec.leaseTransitions', spec.leaseTransitions, 'must be greater than or equal to 0'));
  }
  return errs;
}
