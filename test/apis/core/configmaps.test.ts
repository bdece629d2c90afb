import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError, fieldErrorMessage } from '../../../src/apis/meta/errors.js';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { configMapKeyErrors, configMapStrategy } from '../../../src/apis/core/configmaps.js';
import type { RequestContext } from '../../../src/registry/rest.js';

const ctx: RequestContext = { user: { name: 'alice', groups: [] }, namespace: 'ns', dryRun: false };
const cm = (fields: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'ns' }, ...fields });
const messages = (errs: Parameters<typeof fieldErrorMessage>[0][]) => errs.map((e) => fieldErrorMessage(e));

const keyMsg = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

describe('configMapKeyErrors (IsConfigMapKey)', () => {
  const cases: Array<[string, string[]]> = [
    ['good-key_1.txt', []],
    ['.hidden', []],
    ['a/b', [keyMsg]],
    ['', [keyMsg]],
    ['.', ["must not be '.'"]],
    ['..', ["must not be '..'"]],
    ['..data', ["must not start with '..'"]],
    ['k'.repeat(254), ['must be no more than 253 characters']],
  ];
  for (const [key, want] of cases) it(JSON.stringify(key.length > 20 ? `${key.slice(0, 8)}…` : key), () => assert.deepEqual(configMapKeyErrors(key), want));
});

describe('configMapStrategy.validate', () => {
  const cases: Array<{ name: string; obj: KubeObject; want: string[] }> = [
    { name: 'valid data and binaryData', obj: cm({ data: { a: 'x' }, binaryData: { b: 'eA==' } }), want: [] },
    { name: 'bad data key', obj: cm({ data: { 'a b': 'x' } }), want: [`data[a b]: Invalid value: "a b": ${keyMsg}`] },
    { name: 'bad binaryData key', obj: cm({ binaryData: { '..x': '' } }), want: [`binaryData[..x]: Invalid value: "..x": must not start with '..'`] },
    { name: 'key in both bags', obj: cm({ data: { k: 'x' }, binaryData: { k: 'eA==' } }), want: ['data[k]: Invalid value: "k": duplicate of key present in binaryData'] },
    { name: 'over 1 MiB in total', obj: cm({ data: { a: 'x'.repeat(1024 * 1024) }, binaryData: { b: 'eA==' } }), want: ['[]: Too long: may not be more than 1048576 bytes'] },
    { name: 'exactly 1 MiB', obj: cm({ data: { a: 'x'.repeat(1024 * 1024) } }), want: [] },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(messages(configMapStrategy.validate!(c.obj, ctx)), c.want));
});

describe('configMapStrategy.validateUpdate (immutable)', () => {
  const old = cm({ immutable: true, data: { a: 'x' }, binaryData: { b: 'eA==' } });
  const cases: Array<{ name: string; obj: KubeObject; old?: KubeObject; want: string[] }> = [
    { name: 'unchanged', obj: cm({ immutable: true, data: { a: 'x' }, binaryData: { b: 'eA==' } }), want: [] },
    { name: 'data changed', obj: cm({ immutable: true, data: { a: 'y' }, binaryData: { b: 'eA==' } }), want: ['data: Forbidden: field is immutable when `immutable` is set'] },
    {
      name: 'immutable cleared and binaryData dropped',
      obj: cm({ immutable: false, data: { a: 'x' } }),
      want: ['immutable: Forbidden: field is immutable when `immutable` is set', 'binaryData: Forbidden: field is immutable when `immutable` is set'],
    },
    { name: 'mutable configmaps change freely', obj: cm({ data: { a: 'z' } }), old: cm({ data: { a: 'x' } }), want: [] },
    { name: 'a mutable configmap may become immutable', obj: cm({ immutable: true, data: { a: 'z' } }), old: cm({ data: { a: 'x' } }), want: [] },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(messages(configMapStrategy.validateUpdate!(c.obj, c.old ?? old, ctx)), c.want));
});

describe('configMapStrategy binaryData decoding', () => {
  it('answers 400 with the decoder message for bad base64', () => {
    assert.throws(() => configMapStrategy.prepareForCreate!(cm({ binaryData: { b: 'eA=x' } }), ctx), (e: unknown) =>
      e instanceof ApiError && e.code === 400
      && e.message === 'ConfigMap in version "v1" cannot be handled as a ConfigMap: illegal base64 data at input byte 2');
  });
});
