/**
 * The invariants every resource shares (registry/before.ts): generateName as upstream's
 * names.SimpleNameGenerator, namespace reconciliation, rest.BeforeCreate / BeforeUpdate system
 * fields, and the spec-change test that bumps metadata.generation (apiequality.Semantic).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src/apis/meta/errors.js';
import type { KubeObject } from '../../src/apis/meta/types.js';
import { generateName, prepareMetaForCreate, prepareMetaForUpdate, reconcileNamespace, specChanged } from '../../src/registry/before.js';
import type { ResourceDef } from '../../src/registry/rest.js';

const t = { timeout: 10_000 };
// upstream utilrand alphanums: no vowels (no words), no 0/1/3 (no look-alikes)
const alphabet = 'bcdfghjklmnpqrstvwxz2456789';

const def = (over: Partial<ResourceDef> = {}): ResourceDef => ({
  group: '', versions: ['v1'], resource: 'configmaps', singularName: 'configmap', kind: 'ConfigMap',
  namespaced: true, nameValidation: 'dns1123Subdomain', strategy: {}, ...over,
});
const obj = (meta: Record<string, unknown> = {}, rest: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { ...meta }, ...rest }) as KubeObject;

describe('generateName (names.SimpleNameGenerator)', t, () => {
  it('appends five characters from the vowel-free alphabet', () => {
    for (let i = 0; i < 500; i++) {
      const n = generateName('web-');
      assert.equal(n.length, 'web-'.length + 5);
      assert.ok(n.startsWith('web-'));
      for (const c of n.slice(4)) assert.ok(alphabet.includes(c), `unexpected ${JSON.stringify(c)} in ${n}`);
    }
  });
  it('uses the whole alphabet (uniformly enough to hit every character)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) for (const c of generateName('').slice(0)) seen.add(c);
    assert.deepEqual([...seen].sort().join(''), [...alphabet].sort().join(''));
  });
  it('an empty base gives just the suffix', () => assert.equal(generateName('').length, 5));
  it('truncates the base to 58 characters (MaxGeneratedNameLength = 63 - 5)', () => {
    const base = 'a'.repeat(100);
    const n = generateName(base);
    assert.equal(n.length, 63);
    assert.equal(n.slice(0, 58), 'a'.repeat(58));
  });
  it('a 58-character base is kept whole; a 59th character is cut', () => {
    assert.equal(generateName('b'.repeat(58)).slice(0, 58), 'b'.repeat(58));
    // 'a' is not in the alphabet, so it can only come from the base
    const n = generateName('b'.repeat(58) + 'a');
    assert.equal(n.length, 63);
    assert.ok(!n.includes('a'), n);
  });
  it('two calls rarely collide', () => {
    const names = new Set(Array.from({ length: 1000 }, () => generateName('x-')));
    assert.ok(names.size > 990, `only ${names.size} distinct names in 1000`);
  });
});

describe('reconcileNamespace (EnsureObjectNamespaceMatchesRequestNamespace)', t, () => {
  it('fills an empty namespace from the URL', () => {
    const o = obj({ name: 'a' });
    reconcileNamespace(o, def(), 'ns1');
    assert.equal(o.metadata.namespace, 'ns1');
  });
  it('keeps a matching namespace', () => {
    const o = obj({ name: 'a', namespace: 'ns1' });
    reconcileNamespace(o, def(), 'ns1');
    assert.equal(o.metadata.namespace, 'ns1');
  });
  it('refuses a different namespace with upstream\'s text', () => {
    assert.throws(() => reconcileNamespace(obj({ name: 'a', namespace: 'other' }), def(), 'ns1'), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.equal(e.code, 400);
      assert.equal(e.reason, 'BadRequest');
      assert.equal(e.message, 'the namespace of the provided object does not match the namespace sent on the request');
      return true;
    });
  });
  it('clears the namespace of a cluster-scoped object', () => {
    const o = obj({ name: 'n', namespace: 'whatever' });
    reconcileNamespace(o, def({ namespaced: false, resource: 'nodes', kind: 'Node' }), '');
    assert.equal(o.metadata.namespace, undefined);
  });
});

describe('prepareMetaForCreate (rest.BeforeCreate)', t, () => {
  it('sets uid and creationTimestamp, drops what clients may not set', () => {
    const o = obj({
      name: 'a', uid: 'client-uid', creationTimestamp: '2000-01-01T00:00:00Z', resourceVersion: '5', selfLink: '/x',
      deletionTimestamp: '2000-01-01T00:00:00Z', deletionGracePeriodSeconds: 3, labels: {}, annotations: {},
    });
    prepareMetaForCreate(o, def());
    const m = o.metadata;
    assert.match(m.uid!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(m.uid, 'client-uid');
    assert.match(m.creationTimestamp!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.notEqual(m.creationTimestamp, '2000-01-01T00:00:00Z');
    for (const k of ['resourceVersion', 'selfLink', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations']) {
      assert.equal((m as Record<string, unknown>)[k], undefined, k);
    }
  });
  it('generation starts at 1 only for resources that track it', () => {
    const a = obj({ name: 'a', generation: 7 });
    prepareMetaForCreate(a, def({ generation: true }));
    assert.equal(a.metadata.generation, 1);
  });
  it('keeps non-empty labels and annotations', () => {
    const o = obj({ name: 'a', labels: { x: 'y' }, annotations: { k: 'v' } });
    prepareMetaForCreate(o, def());
    assert.deepEqual(o.metadata.labels, { x: 'y' });
    assert.deepEqual(o.metadata.annotations, { k: 'v' });
  });
  it('every create gets a fresh uid', () => {
    const uids = new Set(Array.from({ length: 100 }, () => { const o = obj({ name: 'a' }); prepareMetaForCreate(o, def()); return o.metadata.uid; }));
    assert.equal(uids.size, 100);
  });
});

describe('prepareMetaForUpdate (rest.BeforeUpdate)', t, () => {
  const old = () => obj({ name: 'a', namespace: 'ns', uid: 'u1', creationTimestamp: '2026-01-01T00:00:00Z', resourceVersion: '9', generation: 3 }, { spec: { replicas: 1 } });
  it('carries creationTimestamp over, fills an empty uid', () => {
    const n = obj({ name: 'a', creationTimestamp: '1999-01-01T00:00:00Z' }, { spec: { replicas: 1 } });
    assert.deepEqual(prepareMetaForUpdate(n, old(), def()), []);
    assert.equal(n.metadata.creationTimestamp, '2026-01-01T00:00:00Z');
    assert.equal(n.metadata.uid, 'u1');
  });
  it('clients cannot set deletionTimestamp or generation', () => {
    const n = obj({ name: 'a', deletionTimestamp: '2026-01-01T00:00:00Z', deletionGracePeriodSeconds: 0, generation: 99 }, { spec: { replicas: 1 } });
    prepareMetaForUpdate(n, old(), def());
    assert.equal(n.metadata.deletionTimestamp, undefined);
    assert.equal(n.metadata.deletionGracePeriodSeconds, undefined);
    assert.equal(n.metadata.generation, 3);
  });
  it('generation is bumped when the spec changes, and only then', () => {
    const same = obj({ name: 'a' }, { spec: { replicas: 1 } });
    prepareMetaForUpdate(same, old(), def({ generation: true }));
    assert.equal(same.metadata.generation, 3);
    const changed = obj({ name: 'a' }, { spec: { replicas: 2 } });
    prepareMetaForUpdate(changed, old(), def({ generation: true }));
    assert.equal(changed.metadata.generation, 4);
    const labelsOnly = obj({ name: 'a', labels: { x: 'y' } }, { spec: { replicas: 1 } });
    prepareMetaForUpdate(labelsOnly, old(), def({ generation: true }));
    assert.equal(labelsOnly.metadata.generation, 3);
  });
  it('no new finalizers on an object being deleted', () => {
    const deleting = obj({ name: 'a', uid: 'u1', creationTimestamp: '2026-01-01T00:00:00Z', deletionTimestamp: '2026-01-02T00:00:00Z', finalizers: ['a.io/x'] });
    const n = obj({ name: 'a', finalizers: ['a.io/x', 'b.io/y'] });
    const errs = prepareMetaForUpdate(n, deleting, def());
    assert.equal(errs.length, 1);
    assert.equal(errs[0].type, 'FieldValueForbidden');
    assert.equal(errs[0].field, 'metadata.finalizers');
    assert.equal(errs[0].detail, 'no new finalizers can be added if the object is being deleted, found new finalizers []string{"b.io/y"}');
    assert.equal(n.metadata.deletionTimestamp, '2026-01-02T00:00:00Z');
    const removing = obj({ name: 'a', finalizers: [] });
    assert.deepEqual(prepareMetaForUpdate(removing, deleting, def()), []);
  });
});

describe('specChanged (what bumps metadata.generation)', t, () => {
  const cases: Array<[string, Record<string, unknown>, Record<string, unknown>, boolean]> = [
    ['identical', { spec: { a: 1 } }, { spec: { a: 1 } }, false],
    ['key order does not matter', { spec: { a: 1, b: 2 } }, { spec: { b: 2, a: 1 } }, false],
    ['a changed value', { spec: { a: 1 } }, { spec: { a: 2 } }, true],
    ['a type change', { spec: { a: 1 } }, { spec: { a: '1' } }, true],
    ['an added field', { spec: { a: 1 } }, { spec: { a: 1, b: 1 } }, true],
    ['a removed spec', { spec: { a: 1 } }, {}, true],
    ['list order matters', { spec: { l: [1, 2] } }, { spec: { l: [2, 1] } }, true],
    ['status is ignored', { spec: { a: 1 }, status: { x: 1 } }, { spec: { a: 1 }, status: { x: 2 } }, false],
    ['metadata is ignored', { spec: { a: 1 } }, { spec: { a: 1 }, metadata: { labels: { x: 'y' } } }, false],
    ['apiVersion/kind are ignored', { spec: { a: 1 }, apiVersion: 'apps/v1' }, { spec: { a: 1 }, apiVersion: 'apps/v1beta2' }, false],
    ['top-level fields other than spec count (ConfigMap data, RBAC rules)', { data: { a: '1' } }, { data: { a: '2' } }, true],
    ['nested deep change', { spec: { t: { s: { c: [{ n: 'x', e: [{ v: '1' }] }] } } } }, { spec: { t: { s: { c: [{ n: 'x', e: [{ v: '2' }] }] } } } }, true],
    // apiequality.Semantic.DeepEqual: an empty slice or map equals a nil one, and typed decoding
    // makes JSON null and an absent field the same nil value: none of these is a spec change.
    ['empty list vs absent (Semantic.DeepEqual)', { spec: { a: 1, l: [] } }, { spec: { a: 1 } }, false],
    ['empty map vs absent (Semantic.DeepEqual)', { spec: { a: 1, m: {} } }, { spec: { a: 1 } }, false],
    ['null vs absent', { spec: { a: 1, x: null } }, { spec: { a: 1 } }, false],
  ];
  for (const [name, a, b, want] of cases) {
    it(name, () => assert.equal(specChanged(obj({}, a), obj({}, b)), want));
  }
});
