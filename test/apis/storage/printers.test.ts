/** storage.k8s.io printers: defaults for unset flags, the default class marker, counts. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { storagePrinters } from '../../../src/apis/storage/printers.js';

const t = { timeout: 10_000 };
const now = Date.parse('2026-03-01T12:00:00Z');
const cells = (resource: string, obj: Record<string, unknown>, meta: Record<string, unknown> = {}) =>
  storagePrinters[resource].cells({ ...obj, metadata: { name: 's', creationTimestamp: '2026-03-01T11:59:50Z', ...meta } } as KubeObject, now);

describe('storage printers', t, () => {
  it('storageclasses: unset fields print their defaults; the default class is marked', () => {
    assert.deepEqual(cells('storageclasses', { provisioner: 'csi.example.com' }), ['s', 'csi.example.com', 'Delete', 'Immediate', false, '10s']);
    assert.deepEqual(cells('storageclasses', { provisioner: 'p', reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true }, { annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } }),
      ['s (default)', 'p', 'Retain', 'WaitForFirstConsumer', true, '10s']);
    assert.equal(cells('storageclasses', {}, { annotations: { 'storageclass.beta.kubernetes.io/is-default-class': 'true' } })[0], 's (default)');
    assert.equal(cells('storageclasses', {}, { annotations: { 'storageclass.kubernetes.io/is-default-class': 'false' } })[0], 's');
  });
  it('csidrivers', () => {
    assert.deepEqual(storagePrinters.csidrivers.columns.map((c) => c.name), ['Name', 'AttachRequired', 'PodInfoOnMount', 'StorageCapacity', 'TokenRequests', 'RequiresRepublish', 'Modes', 'Age']);
    assert.deepEqual(cells('csidrivers', { spec: {} }), ['s', true, false, false, '<unset>', false, '<none>', '10s']);
    assert.deepEqual(cells('csidrivers', { spec: { attachRequired: false, podInfoOnMount: true, tokenRequests: [{ audience: 'a' }, { audience: 'b' }], volumeLifecycleModes: ['Persistent', 'Ephemeral'] } }),
      ['s', false, true, false, 'a,b', false, 'Persistent,Ephemeral', '10s']);
  });
  it('csinodes, volumeattachments, csistoragecapacities', () => {
    assert.deepEqual(cells('csinodes', { spec: { drivers: [{ name: 'd', nodeID: 'n' }] } }), ['s', 1, '10s']);
    assert.deepEqual(cells('volumeattachments', { spec: { attacher: 'csi.x', nodeName: 'n1', source: { persistentVolumeName: 'pv1' } } }), ['s', 'csi.x', 'pv1', 'n1', false, '10s']);
    assert.deepEqual(cells('volumeattachments', { spec: { attacher: 'a', nodeName: 'n', source: {} }, status: { attached: true } })[2], '');
    assert.deepEqual(cells('csistoragecapacities', { storageClassName: 'fast', capacity: '100Gi' }), ['s', 'fast', '100Gi']);
    assert.deepEqual(cells('csistoragecapacities', { storageClassName: 'fast' }), ['s', 'fast', '<unset>']);
    assert.deepEqual(storagePrinters.csistoragecapacities.columns.map((c) => c.name), ['Name', 'StorageClassName', 'Capacity']);
  });
});
