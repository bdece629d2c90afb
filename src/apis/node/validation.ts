/**
 * node.k8s.io/v1 RuntimeClass validation (pkg/apis/node/validation): the handler names a CRI
 * runtime configuration, so it is a DNS label, and it is fixed once created.
 */
import { type FieldError, fieldInvalid } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import { isDNS1123Label, validateLabels } from '../meta/validation.js';
import { parseQuantity } from '../meta/quantity.js';
import { asObj } from '../apps/validation-fields.js';

export function validateRuntimeClass(rc: KubeObject): FieldError[] {
  const handler = typeof rc.handler === 'string' ? rc.handler : '';
  const errs = isDNS1123Label(handler).map((m) => fieldInvalid('handler', handler, m));
  const podFixed = asObj(asObj(rc.overhead).podFixed);
  for (const [name, q] of Object.entries(podFixed)) {
    const n = parseQuantity(q);
    if (n !== null && n < 0) errs.push(fieldInvalid(`overhead.podFixed[${name}]`, String(q), 'must be greater than or equal to 0'));
  }
  errs.push(...validateLabels(asObj(asObj(rc.scheduling).nodeSelector) as Record<string, string>, 'scheduling.nodeSelector'));
  return errs;
}

export function validateRuntimeClassUpdate(rc: KubeObject, old: KubeObject): FieldError[] {
  return rc.handler === old.handler ? [] : [fieldInvalid('handler', rc.handler ?? '', 'field is immutable')];
}
