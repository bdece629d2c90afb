import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileTables } from '../../../src/schema/compile.js';
import { metaTypes, servedGroupVersions } from '../../../src/apis/meta/schema.js';

// meta/v1 stands alone: it refers to no other table.
const { types, kinds } = compileTables([metaTypes]);
const field = (ref: string, name: string) => {
  const f = types.get(ref)?.fields.find((x) => x.name === name);
  assert.ok(f, `${ref}.${name} exists`);
  return f;
};
const required = (ref: string) => types.get(ref)!.fields.filter((f) => f.meta.required).map((f) => f.name);

test('ObjectMeta has upstream fields, numbers and patch metadata', () => {
  const om = types.get('ObjectMeta')!;
  assert.deepEqual(om.fields.map((f) => `${f.number} ${f.name}`), [
    '1 name', '2 generateName', '3 namespace', '4 selfLink', '5 uid', '6 resourceVersion', '7 generation',
    '8 creationTimestamp', '9 deletionTimestamp', '10 deletionGracePeriodSeconds', '11 labels', '12 annotations',
    '13 ownerReferences', '14 finalizers', '17 managedFields',
  ]);
  const owners = field('ObjectMeta', 'ownerReferences');
  assert.equal(owners.meta.patchMergeKey, 'uid');
  assert.deepEqual(owners.meta.listMapKeys, ['uid']);
  assert.equal(field('ObjectMeta', 'finalizers').meta.listType, 'set');
  assert.equal(field('ObjectMeta', 'finalizers').meta.patchStrategy, 'merge');
  assert.equal(field('ObjectMeta', 'managedFields').meta.listType, 'atomic');
  assert.equal(field('ObjectMeta', 'creationTimestamp').type?.wellKnown, 'Time');
  assert.equal(om.name, 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
});

test('required lists match upstream OpenAPI', () => {
  assert.deepEqual(required('OwnerReference'), ['apiVersion', 'kind', 'name', 'uid']);
  assert.deepEqual(required('Condition'), ['type', 'status', 'lastTransitionTime', 'reason', 'message']);
  assert.deepEqual(required('LabelSelectorRequirement'), ['key', 'operator']);
  assert.deepEqual(required('WatchEvent'), ['type', 'object']);
  assert.deepEqual(required('FieldSelectorRequirement'), ['key', 'operator']);
  assert.equal(types.get('Patch')!.fields.length, 0);
  assert.deepEqual(required('APIResource'), ['name', 'singularName', 'namespaced', 'kind', 'verbs']);
  assert.deepEqual(required('ObjectMeta'), []);
  assert.deepEqual(required('Status'), []);
});

test('atomic structs and the option kinds in every served group version', () => {
  assert.equal(types.get('LabelSelector')!.structType, 'atomic');
  assert.equal(types.get('OwnerReference')!.structType, 'atomic');
  assert.equal(kinds.get('/v1/Status')!.ref, 'Status');
  for (const [g, v] of servedGroupVersions) {
    assert.equal(kinds.get(`${g}/${v}/DeleteOptions`)?.ref, 'DeleteOptions');
    assert.equal(kinds.get(`${g}/${v}/WatchEvent`)?.ref, 'WatchEvent');
  }
  assert.equal(kinds.get('apps/v1/DeleteOptions')!.fields[0].name, 'apiVersion');
  assert.equal(kinds.get('meta.k8s.io/v1/PartialObjectMetadataList')!.ref, 'PartialObjectMetadataList');
  // StatusCause's Go field Type is "reason" on the wire.
  assert.deepEqual(types.get('StatusCause')!.fields.map((f) => f.name), ['reason', 'message', 'field']);
});

test('every meta type has a description and every field one', () => {
  for (const t of types.values()) {
    if (t.wellKnown) continue;
    assert.ok(t.description.length > 10, t.ref);
    for (const f of t.fields) assert.ok(f.description.length > 5, `${t.ref}.${f.name}`);
  }
});

test('servedGroupVersions matches the catalog of served resources', async () => {
  const { builtinResources } = await import('../../../src/apis/catalog.js');
  const served = new Set(builtinResources.flatMap((r) => r.versions.map((v) => `${r.group}/${v}`)));
  assert.deepEqual(new Set(servedGroupVersions.map(([g, v]) => `${g}/${v}`)), served);
});
