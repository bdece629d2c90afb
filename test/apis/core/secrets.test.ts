import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, fieldErrorMessage } from '../../../src/apis/meta/errors.js';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { secretStrategy } from '../../../src/apis/core/secrets.js';
import type { RequestContext } from '../../../src/registry/rest.js';

const ctx: RequestContext = { user: { name: 'alice', groups: [] }, namespace: 'ns', dryRun: false };
const b64 = (s: string) => Buffer.from(s).toString('base64');
const secret = (fields: Record<string, unknown>, annotations?: Record<string, string>): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'ns', annotations }, ...fields });
const validate = (s: KubeObject) => secretStrategy.validate!(s, ctx).map((e) => fieldErrorMessage(e));

describe('secretStrategy.prepareForCreate (decoding)', () => {
  it('folds stringData into data as base64, overwriting, and drops stringData', () => {
    const s = secret({ data: { a: b64('old'), b: b64('keep') }, stringData: { a: 'new', c: 'ü' } });
    secretStrategy.prepareForCreate!(s, ctx);
    assert.deepEqual(s.data, { a: b64('new'), b: b64('keep'), c: b64('ü') });
    assert.equal(s.stringData, undefined);
  });

  it('defaults type to Opaque and keeps a given type', () => {
    const a = secret({});
    secretStrategy.prepareForCreate!(a, ctx);
    assert.equal(a.type, 'Opaque');
    const b = secret({ type: 'kubernetes.io/tls' });
    secretStrategy.prepareForCreate!(b, ctx);
    assert.equal(b.type, 'kubernetes.io/tls');
  });

  it('answers 400 with the decoder message for data that is not base64', () => {
    assert.throws(() => secretStrategy.prepareForCreate!(secret({ data: { a: 'abc' } }), ctx), (e: unknown) =>
      e instanceof ApiError && e.code === 400 && e.reason === 'BadRequest'
      && e.message === 'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 0');
  });
});

describe('secretStrategy.validate', () => {
  const keyMsg = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
  const cases: Array<{ name: string; obj: KubeObject; want: string[] }> = [
    { name: 'opaque with good keys', obj: secret({ type: 'Opaque', data: { 'tls.crt': b64('x'), '.env': '' } }), want: [] },
    { name: 'bad key', obj: secret({ type: 'Opaque', data: { 'a:b': b64('x') } }), want: [`data[a:b]: Invalid value: "a:b": ${keyMsg}`] },
    { name: 'dot-dot key', obj: secret({ type: 'Opaque', data: { '..a': '' } }), want: [`data[..a]: Invalid value: "..a": must not start with '..'`] },
    {
      name: 'decoded data over 1 MiB',
      obj: secret({ type: 'Opaque', data: { a: Buffer.alloc(1024 * 1024).toString('base64'), b: b64('x') } }),
      want: ['data: Too long: may not be more than 1048576 bytes'],
    },
    { name: 'exactly 1 MiB decoded', obj: secret({ type: 'Opaque', data: { a: Buffer.alloc(1024 * 1024).toString('base64') } }), want: [] },
    {
      name: 'service account token without the account name',
      obj: secret({ type: 'kubernetes.io/service-account-token' }),
      want: ['metadata.annotations[kubernetes.io/service-account.name]: Required value'],
    },
    {
      name: 'service account token with the account name',
      obj: secret({ type: 'kubernetes.io/service-account-token' }, { 'kubernetes.io/service-account.name': 'default' }),
      want: [],
    },
    { name: 'dockercfg without .dockercfg', obj: secret({ type: 'kubernetes.io/dockercfg' }), want: ['data[.dockercfg]: Required value'] },
    { name: 'dockerconfigjson without its key', obj: secret({ type: 'kubernetes.io/dockerconfigjson', data: {} }), want: ['data[.dockerconfigjson]: Required value'] },
    { name: 'basic-auth with neither', obj: secret({ type: 'kubernetes.io/basic-auth' }), want: ['data[username]: Required value', 'data[password]: Required value'] },
    { name: 'basic-auth with an empty password only', obj: secret({ type: 'kubernetes.io/basic-auth', data: { password: '' } }), want: [] },
    { name: 'ssh-auth with an empty key', obj: secret({ type: 'kubernetes.io/ssh-auth', data: { 'ssh-privatekey': '' } }), want: ['data[ssh-privatekey]: Required value'] },
    { name: 'tls missing the key', obj: secret({ type: 'kubernetes.io/tls', data: { 'tls.crt': b64('c') } }), want: ['data[tls.key]: Required value'] },
    { name: 'custom types are not checked', obj: secret({ type: 'example.com/thing' }), want: [] },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(validate(c.obj), c.want));
});

describe('secretStrategy.validateUpdate', () => {
  const update = (obj: KubeObject, old: KubeObject) => secretStrategy.validateUpdate!(obj, old, ctx).map((e) => fieldErrorMessage(e));
  const cases: Array<{ name: string; obj: KubeObject; old: KubeObject; want: string[] }> = [
    { name: 'same type', obj: secret({ type: 'Opaque', data: { a: b64('2') } }), old: secret({ type: 'Opaque', data: { a: b64('1') } }), want: [] },
    { name: 'type changed', obj: secret({ type: 'kubernetes.io/tls' }), old: secret({ type: 'Opaque' }), want: ['type: Invalid value: "kubernetes.io/tls": field is immutable'] },
    {
      name: 'immutable secret: data changed and immutable unset',
      obj: secret({ type: 'Opaque', data: { a: b64('2') } }),
      old: secret({ type: 'Opaque', immutable: true, data: { a: b64('1') } }),
      want: ['immutable: Forbidden: field is immutable when `immutable` is set', 'data: Forbidden: field is immutable when `immutable` is set'],
    },
    {
      name: 'immutable secret: metadata-only change is fine',
      obj: secret({ type: 'Opaque', immutable: true, data: { a: b64('1') } }, { note: 'x' }),
      old: secret({ type: 'Opaque', immutable: true, data: { a: b64('1') } }),
      want: [],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(update(c.obj, c.old), c.want));

  it('stringData on an immutable secret is a data change (it is folded in first)', () => {
    const old = secret({ type: 'Opaque', immutable: true, data: { a: b64('1') } });
    const obj = secret({ type: 'Opaque', immutable: true, data: { a: b64('1') }, stringData: { a: '2' } });
    secretStrategy.prepareForUpdate!(obj, old, ctx);
    assert.deepEqual(update(obj, old), ['data: Forbidden: field is immutable when `immutable` is set']);
  });
});

describe('secret field selectors', () => {
  it('selects on type', () => {
    assert.deepEqual(secretStrategy.fieldSelectorKeys, ['type']);
    assert.deepEqual(secretStrategy.fieldSelectorAttrs!(secret({ type: 'kubernetes.io/tls' })), { type: 'kubernetes.io/tls' });
  });
});
