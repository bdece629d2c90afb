import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storageTypes } from '../../../src/apis/storage/schema.js';
import { compileGroup, field, requiredOf, undescribed } from '../compile-group.js';

const schema = compileGroup(storageTypes, ['ObjectMeta', 'ListMeta', 'LabelSelector', 'PersistentVolumeSpec']);
const kind = (k: string) => schema.kinds.get(`storage.k8s.io/v1/${k}`);
const type = (ref: string) => schema.types.get(ref);

test('storage: the five served kinds and their lists', () => {
  for (const k of ['StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment', 'CSIStorageCapacity']) {
    assert.equal(kind(k)?.name, `io.k8s.api.storage.v1.${k}`);
    assert.deepEqual(requiredOf(kind(`${k}List`)), ['items']);
  }
  // storage's TokenRequest shares its Go name with authentication's, so it takes the group prefix.
  assert.equal(field(type('CSIDriverSpec'), 'tokenRequests').type?.name, 'io.k8s.api.storage.v1.TokenRequest');
});

test('storage: required fields as upstream', () => {
  assert.deepEqual(requiredOf(kind('StorageClass')), ['provisioner']);
  assert.deepEqual(requiredOf(kind('VolumeAttachment')), ['spec']);
  assert.deepEqual(requiredOf(type('VolumeAttachmentSpec')), ['attacher', 'source', 'nodeName']);
  assert.deepEqual(requiredOf(type('VolumeAttachmentStatus')), ['attached']);
  assert.deepEqual(requiredOf(kind('CSIDriver')), ['spec']);
  assert.deepEqual(requiredOf(type('CSINodeDriver')), ['name', 'nodeID']);
  assert.deepEqual(requiredOf(kind('CSIStorageCapacity')), ['storageClassName']);
  assert.deepEqual(requiredOf(type('TopologySelectorLabelRequirement')), ['key', 'values']);
});

test('storage: CSINode drivers merge by name; enums and list types as upstream', () => {
  const drivers = field(type('CSINodeSpec'), 'drivers').meta;
  assert.equal(drivers.patchStrategy, 'merge');
  assert.equal(drivers.patchMergeKey, 'name');
  assert.deepEqual(drivers.listMapKeys, ['name']);
  assert.deepEqual(field(kind('StorageClass'), 'volumeBindingMode').meta.enum, ['Immediate', 'WaitForFirstConsumer']);
  assert.equal(field(type('CSIDriverSpec'), 'volumeLifecycleModes').meta.listType, 'set');
  assert.equal(type('TopologySelectorTerm')?.structType, 'atomic');
  assert.equal(type('CSIDriverSpec')?.fields.length, 8);
  assert.equal(field(type('CSIStorageCapacity'), 'capacity').type?.wellKnown, 'Quantity');
});

test('storage: every type and field carries a description', () => {
  assert.deepEqual(undescribed(storageTypes), []);
});
