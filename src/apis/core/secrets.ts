/**
 * Secret rules: the v1 decoding steps upstream performs before any strategy (base64 `data`,
 * `stringData` folded into `data`, `type` defaulted to Opaque) and pkg/apis/core/validation
 * ValidateSecret / ValidateSecretUpdate. The docker config JSON well-formedness check is not
 * reproduced: its message is Go's json error text.
 */
import { type FieldError, fieldForbidden, fieldInvalid, fieldRequired, fieldTooLong } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import type { Strategy } from '../../registry/rest.js';
import { checkBase64Map, decodedBase64Length, decodedMapSize } from './base64.js';
import { asRecord, configMapKeyErrors, immutableMsg, maxSecretSize } from './configmaps.js';
import { composeStrategies, fieldSelectors, jsonEqual } from './define.js';

const serviceAccountNameKey = 'kubernetes.io/service-account.name';

/**
 * What decoding a v1 Secret does upstream: a bad base64 value is a 400; stringData overwrites
 * data key by key and is dropped (conversion); an empty type becomes Opaque (defaulting).
 */
function decodeSecret(secret: KubeObject): void {
  checkBase64Map(secret.data, 'Secret', 'v1');
  const stringData = asRecord(secret.stringData);
  if (Object.keys(stringData).length > 0) {
    const data = { ...asRecord(secret.data) };
    for (const [k, v] of Object.entries(stringData)) {
      // defineProperty: a key named __proto__ is an ordinary key, as in JSON.parse.
      if (typeof v === 'string') Object.defineProperty(data, k, { value: Buffer.from(v, 'utf8').toString('base64'), enumerable: true, writable: true, configurable: true });
    }
    secret.data = data;
  }
  delete secret.stringData;
  if (!secret.type) secret.type = 'Opaque';
}

const dataLength = (data: Record<string, unknown>, key: string): number | undefined => {
  const v = data[key];
  if (typeof v !== 'string') return undefined;
  const r = decodedBase64Length(v);
  return 'bytes' in r ? r.bytes : undefined;
};

function validateSecret(secret: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const data = asRecord(secret.data);
  for (const key of Object.keys(data)) {
    for (const msg of configMapKeyErrors(key)) errs.push(fieldInvalid(`data[${key}]`, key, msg));
  }
  if (decodedMapSize(data) > maxSecretSize) errs.push(fieldTooLong('data', undefined, maxSecretSize));

  const required = (key: string) => fieldRequired(`data[${key}]`);
  const has = (key: string) => Object.prototype.hasOwnProperty.call(data, key);
  switch (secret.type) {
    case 'kubernetes.io/service-account-token':
      if (!secret.metadata.annotations?.[serviceAccountNameKey]) {
        errs.push(fieldRequired(`metadata.annotations[${serviceAccountNameKey}]`));
      }
      break;
    case 'kubernetes.io/dockercfg':
      if (!has('.dockercfg')) errs.push(required('.dockercfg'));
      break;
    case 'kubernetes.io/dockerconfigjson':
      if (!has('.dockerconfigjson')) errs.push(required('.dockerconfigjson'));
      break;
    case 'kubernetes.io/basic-auth':
      // username or password may be empty, but one of them must be present
      if (!has('username') && !has('password')) errs.push(required('username'), required('password'));
      break;
    case 'kubernetes.io/ssh-auth':
      if (!dataLength(data, 'ssh-privatekey')) errs.push(required('ssh-privatekey'));
      break;
    case 'kubernetes.io/tls':
      if (!has('tls.crt')) errs.push(required('tls.crt'));
      if (!has('tls.key')) errs.push(required('tls.key'));
      break;
  }
  return errs;
}

function validateSecretUpdate(secret: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if ((secret.type ?? '') !== (old.type ?? '')) errs.push(fieldInvalid('type', secret.type ?? '', 'field is immutable'));
  if (old.immutable === true) {
    if (secret.immutable !== true) errs.push(fieldForbidden('immutable', immutableMsg));
    if (!jsonEqual(secret.data ?? null, old.data ?? null)) errs.push(fieldForbidden('data', immutableMsg));
  }
  return errs;
}

/** validate() runs on create and update (the Store calls both); validateUpdate adds the rest. */
export const secretStrategy: Strategy = composeStrategies(
  {
    prepareForCreate: (s) => decodeSecret(s),
    prepareForUpdate: (s) => decodeSecret(s),
    validate: (s) => validateSecret(s),
    validateUpdate: (s, old) => validateSecretUpdate(s, old),
  },
  fieldSelectors({ type: (s) => (typeof s.type === 'string' ? s.type : '') }),
);
