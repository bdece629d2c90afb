import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { namespaceStrategy } from '../../../src/apis/core/namespaces.js';
import type { RequestContext } from '../../../src/registry/rest.js';

const ctx: RequestContext = { user: { name: 'alice', groups: [] }, namespace: '', dryRun: false };
const ns = (fields: Record<string, unknown>, labels?: Record<string, string>): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a', labels }, ...fields });

describe('namespaceStrategy.prepareForCreate', () => {
  const cases: Array<{ name: string; obj: KubeObject; spec: unknown }> = [
    { name: 'no spec gets the kubernetes finalizer', obj: ns({}), spec: { finalizers: ['kubernetes'] } },
    { name: 'other finalizers are kept, kubernetes appended', obj: ns({ spec: { finalizers: ['example.com/x'] } }), spec: { finalizers: ['example.com/x', 'kubernetes'] } },
    { name: 'kubernetes is not added twice', obj: ns({ spec: { finalizers: ['kubernetes', 'example.com/x'] } }), spec: { finalizers: ['kubernetes', 'example.com/x'] } },
  ];
  for (const c of cases) {
    it(c.name, () => {
      namespaceStrategy.prepareForCreate!(c.obj, ctx);
      assert.deepEqual(c.obj.spec, c.spec);
      assert.deepEqual(c.obj.status, { phase: 'Active' });
    });
  }

  it('status sent by the client is replaced', () => {
    const n = ns({ status: { phase: 'Terminating' } });
    namespaceStrategy.prepareForCreate!(n, ctx);
    assert.deepEqual(n.status, { phase: 'Active' });
  });
});

describe('namespaceStrategy.prepareForUpdate', () => {
  it('keeps the stored finalizers and status', () => {
    const old = ns({ spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
    const n = ns({ spec: { finalizers: [] }, status: { phase: 'Terminating' } });
    namespaceStrategy.prepareForUpdate!(n, old, ctx);
    assert.deepEqual(n.spec, { finalizers: ['kubernetes'] });
    assert.deepEqual(n.status, { phase: 'Active' });
  });

  it('a namespace whose finalizers are gone stays without them', () => {
    const old = ns({ spec: {}, status: { phase: 'Terminating' } });
    const n = ns({ spec: { finalizers: ['kubernetes'] } });
    namespaceStrategy.prepareForUpdate!(n, old, ctx);
    assert.deepEqual(n.spec, {});
  });
});

describe('namespaceStrategy.canonicalize', () => {
  it('sets kubernetes.io/metadata.name to the name, overriding a wrong value', () => {
    const n = ns({}, { team: 'a', 'kubernetes.io/metadata.name': 'other' });
    namespaceStrategy.canonicalize!(n);
    assert.deepEqual(n.metadata.labels, { team: 'a', 'kubernetes.io/metadata.name': 'team-a' });
  });
});

describe('namespace field selectors', () => {
  it('selects on status.phase', () => {
    assert.deepEqual(namespaceStrategy.fieldSelectorKeys, ['status.phase']);
    assert.deepEqual(namespaceStrategy.fieldSelectorAttrs!(ns({ status: { phase: 'Terminating' } })), { 'status.phase': 'Terminating' });
  });
});
