import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileTables, type SchemaField } from '../../../src/schema/compile.js';
import type { TypeTable } from '../../../src/schema/format.js';
import { corePodTypes } from '../../../src/apis/core/schema-pod.js';
import { coreVolumeTypes } from '../../../src/apis/core/schema-volumes.js';

// Types other helpers own, as empty stand-ins so the two tables compile on their own.
const standIn: TypeTable = Object.fromEntries(
  ['ObjectMeta', 'ListMeta', 'LabelSelector', 'LocalObjectReference', 'TypedLocalObjectReference', 'TypedObjectReference']
    .map((n) => [n, { name: `stand-in.${n}`, description: '', fields: [] }]));
const schema = compileTables([corePodTypes, coreVolumeTypes, standIn]);

const field = (type: string, name: string): SchemaField => {
  const f = schema.types.get(type)?.fields.find((x) => x.name === name);
  assert.ok(f, `${type}.${name} exists`);
  return f;
};
const required = (type: string) => schema.types.get(type)!.fields.filter((f) => f.meta.required).map((f) => f.name);

test('PersistentVolumeClaim is served as core/v1 PersistentVolumeClaim', () => {
  const pvc = schema.kinds.get('/v1/PersistentVolumeClaim')!;
  assert.equal(pvc.name, 'io.k8s.api.core.v1.PersistentVolumeClaim');
  assert.deepEqual(pvc.fields.map((f) => f.name), ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
});

test('VolumeSource offers the 30 upstream sources (v1.32), inlined into Volume', () => {
  assert.equal(schema.types.get('VolumeSource')!.fields.length, 30);
  const volume = schema.types.get('Volume')!;
  assert.equal(volume.fields[1].inline, true);
  assert.deepEqual(required('Volume'), ['name']);
});

test('claim lists and maps carry upstream semantics', () => {
  const conditions = field('PersistentVolumeClaimStatus', 'conditions').meta;
  assert.deepEqual([conditions.patchStrategy, conditions.patchMergeKey, conditions.listMapKeys], ['merge', 'type', ['type']]);
  assert.equal(field('PersistentVolumeClaimStatus', 'allocatedResourceStatuses').meta.mapType, 'granular');
  assert.equal(field('PersistentVolumeClaimSpec', 'accessModes').meta.listType, 'atomic');
  assert.deepEqual(field('PersistentVolumeClaimSpec', 'accessModes').meta.enum, ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod']);
  assert.deepEqual(field('PersistentVolumeClaimSpec', 'volumeMode').meta.enum, ['Block', 'Filesystem']);
  assert.deepEqual(field('PersistentVolumeClaimStatus', 'phase').meta.enum, ['Bound', 'Lost', 'Pending']);
  assert.deepEqual(required('PersistentVolumeClaimTemplate'), ['spec']);
  assert.deepEqual(required('ModifyVolumeStatus'), ['status']);
});

test('volume sources require what upstream requires', () => {
  assert.deepEqual(required('ISCSIVolumeSource'), ['targetPortal', 'iqn', 'lun']);
  assert.deepEqual(required('RBDVolumeSource'), ['monitors', 'image']);
  assert.deepEqual(required('ScaleIOVolumeSource'), ['gateway', 'system', 'secretRef']);
  assert.deepEqual(required('AzureDiskVolumeSource'), ['diskName', 'diskURI']);
  assert.deepEqual(required('KeyToPath'), ['key', 'path']);
  // sources has no omitempty yet is optional upstream.
  assert.deepEqual(required('ProjectedVolumeSource'), []);
  assert.equal(field('HostPathVolumeSource', 'type').meta.enum?.includes('DirectoryOrCreate'), true);
});

test('every volume type has an upstream definition name and descriptions', () => {
  for (const [ref, def] of Object.entries(coreVolumeTypes)) {
    assert.equal(def.name, `io.k8s.api.core.v1.${ref}`);
    assert.ok(def.description.length > 0, ref);
    for (const [spec, description] of def.fields) {
      if (!spec.includes(' ... ')) assert.ok(description.length > 0, `${ref} ${spec}`);
    }
  }
});

test('the list kinds wrap their items the way every <Kind>List does', () => {
  for (const [list, item] of [['PodList', 'Pod'], ['PersistentVolumeClaimList', 'PersistentVolumeClaim']]) {
    const t = schema.kinds.get(`/v1/${list}`)!;
    assert.deepEqual(t.fields.map((f) => `${f.number} ${f.name}`), ['0 apiVersion', '0 kind', '1 metadata', '2 items']);
    assert.equal(t.fields[3].type?.ref, item);
    assert.equal(t.fields[3].meta.required, true);
  }
});
