/**
 * ConfigMap rules (pkg/apis/core/validation ValidateConfigMap / ValidateConfigMapUpdate) and the
 * key check Secrets share with it (apimachinery validation.IsConfigMapKey).
 */
import { type FieldError, fieldForbidden, fieldInvalid, fieldTooLong } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import type { Strategy } from '../../registry/rest.js';
import { jsonEqual } from './define.js';
import { checkBase64Map, decodedMapSize } from './base64.js';

/** core.MaxSecretSize: the 1 MiB limit on Secret data and on a ConfigMap's data + binaryData. */
export const maxSecretSize = 1024 * 1024;

const configMapKeyRe = /^[-._a-zA-Z0-9]+$/;
// RegexError(configMapKeyErrMsg, configMapKeyFmt, "key.name", "KEY_NAME", "key-name"), quirks kept.
const configMapKeyMsg = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' "
  + "(e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/** validation.IsConfigMapKey: every problem with a ConfigMap or Secret key, upstream's texts. */
export function configMapKeyErrors(key: string): string[] {
  const errs: string[] = [];
  if (Buffer.byteLength(key, 'utf8') > 253) errs.push('must be no more than 253 characters');
  if (!configMapKeyRe.test(key)) errs.push(configMapKeyMsg);
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

export const asRecord = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : {};

export const immutableMsg = 'field is immutable when `immutable` is set';

function validateConfigMap(cm: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const data = asRecord(cm.data);
  const binaryData = asRecord(cm.binaryData);
  let total = 0;
  for (const [key, value] of Object.entries(data)) {
    for (const msg of configMapKeyErrors(key)) errs.push(fieldInvalid(`data[${key}]`, key, msg));
    if (Object.hasOwn(binaryData, key)) errs.push(fieldInvalid(`data[${key}]`, key, 'duplicate of key present in binaryData'));
    if (typeof value === 'string') total += Buffer.byteLength(value, 'utf8');
  }
  for (const key of Object.keys(binaryData)) {
    for (const msg of configMapKeyErrors(key)) errs.push(fieldInvalid(`binaryData[${key}]`, key, msg));
  }
  total += decodedMapSize(binaryData);
  // upstream passes field.NewPath(""), which prints as "[]": the error is about the whole object.
  if (total > maxSecretSize) errs.push(fieldTooLong('[]', undefined, maxSecretSize));
  return errs;
}

function validateConfigMapUpdate(cm: KubeObject, old: KubeObject): FieldError[] {
  if (old.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (cm.immutable !== true) errs.push(fieldForbidden('immutable', immutableMsg));
  if (!jsonEqual(cm.data ?? null, old.data ?? null)) errs.push(fieldForbidden('data', immutableMsg));
  if (!jsonEqual(cm.binaryData ?? null, old.binaryData ?? null)) errs.push(fieldForbidden('binaryData', immutableMsg));
  return errs;
}

/**
 * binaryData is []byte: a value that is not base64 fails decoding with a 400 before any strategy
 * runs upstream, so it is checked first here too. validate() runs on create and update alike (the
 * Store calls it before validateUpdate), so validateUpdate only adds the immutability rules.
 */
export const configMapStrategy: Strategy = {
  prepareForCreate: (cm) => checkBase64Map(cm.binaryData, 'ConfigMap', 'v1'),
  prepareForUpdate: (cm) => checkBase64Map(cm.binaryData, 'ConfigMap', 'v1'),
  validate: (cm) => validateConfigMap(cm),
  validateUpdate: (cm, old) => validateConfigMapUpdate(cm, old),
};
