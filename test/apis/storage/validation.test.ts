import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { createErrors, strategyOf, updateErrors } from '../strategy-fixture.js';

const sc = (fields: Record<string, unknown>): KubeObject => ({ metadata: { name: 'fast' }, provisioner: 'ebs.csi.aws.com', ...fields });

describe('storage.k8s.io/v1 StorageClass', () => {
  const s = strategyOf('storage.k8s.io', 'storageclasses');
  it('defaults reclaimPolicy and volumeBindingMode', () => {
    const o = sc({});
    assert.deepEqual(createErrors(s, o), []);
    assert.deepEqual([o.reclaimPolicy, o.volumeBindingMode], ['Delete', 'Immediate']);
  });
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['provisioner required', { provisioner: '' }, ['provisioner: Required value']],
    ['bad reclaim policy', { reclaimPolicy: 'Recycle' }, ['reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"']],
    ['bad binding mode', { volumeBindingMode: 'Later' }, ['volumeBindingMode: Unsupported value: "Later": supported values: "Immediate", "WaitForFirstConsumer"']],
  ];
  for (const [name, fields, want] of cases) it(name, () => assert.deepEqual(createErrors(s, sc(fields)), want));
  it('provisioner, parameters, reclaimPolicy and volumeBindingMode are fixed', () => {
    const old = sc({ parameters: { type: 'gp3' } });
    createErrors(s, old);
    const next = sc({ provisioner: 'other.example.com', parameters: { type: 'io2' }, reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer' });
    assert.deepEqual(updateErrors(s, next, old), [
      'parameters: Forbidden: updates to parameters are forbidden.',
      'provisioner: Forbidden: updates to provisioner are forbidden.',
      'reclaimPolicy: Forbidden: updates to reclaimPolicy are forbidden.',
      'volumeBindingMode: Invalid value: "WaitForFirstConsumer": field is immutable',
    ]);
  });
});

describe('storage.k8s.io/v1 CSIDriver', () => {
  const s = strategyOf('storage.k8s.io', 'csidrivers');
  it('defaults', () => {
    const d: KubeObject = { metadata: { name: 'ebs.csi.aws.com' }, spec: {} };
    assert.deepEqual(createErrors(s, d), []);
    assert.deepEqual(d.spec, {
      attachRequired: true, podInfoOnMount: false, storageCapacity: false, fsGroupPolicy: 'ReadWriteOnceWithFSType',
      volumeLifecycleModes: ['Persistent'], requiresRepublish: false, seLinuxMount: false,
    });
  });
  it('attachRequired and volumeLifecycleModes are immutable', () => {
    const old: KubeObject = { metadata: { name: 'd' }, spec: {} };
    createErrors(s, old);
    const next: KubeObject = { metadata: { name: 'd' }, spec: { attachRequired: false, volumeLifecycleModes: ['Ephemeral'] } };
    assert.deepEqual(updateErrors(s, next, old), [
      'spec.attachedRequired: Invalid value: false: field is immutable',
      'spec.volumeLifecycleModes: Invalid value: []storage.VolumeLifecycleMode{"Ephemeral"}: field is immutable',
    ]);
  });
});

describe('storage.k8s.io/v1 VolumeAttachment', () => {
  const s = strategyOf('storage.k8s.io', 'volumeattachments');
  const va = (spec: Record<string, unknown>): KubeObject => ({ metadata: { name: 'va' }, spec: { attacher: 'ebs.csi.aws.com', nodeName: 'node-1', source: { persistentVolumeName: 'pv-1' }, ...spec } });
  it('valid', () => assert.deepEqual(createErrors(s, va({})), []));
  it('source needs exactly one volume', () => assert.deepEqual(createErrors(s, va({ source: {} })), ['spec.source: Required value: must specify exactly one of inlineVolumeSpec and persistentVolumeName']));
  it('attacher required', () => assert.deepEqual(createErrors(s, va({ attacher: '' })), ['spec.attacher: Required value']));
});

describe('storage.k8s.io/v1 CSINode and CSIStorageCapacity', () => {
  const node = strategyOf('storage.k8s.io', 'csinodes');
  const cap = strategyOf('storage.k8s.io', 'csistoragecapacities');
  it('a CSINode driver needs a node ID and a unique name', () => {
    const o: KubeObject = { metadata: { name: 'n1' }, spec: { drivers: [{ name: 'a.example.com', nodeID: 'n1' }, { name: 'a.example.com', nodeID: '' }] } };
    assert.deepEqual(createErrors(node, o), ['spec.drivers[1].name: Duplicate value: "a.example.com"', 'spec.drivers[1].nodeID: Required value']);
  });
  it('capacity is a non-negative quantity of a named class', () => {
    const o: KubeObject = { metadata: { name: 'c', namespace: 'ns' }, storageClassName: 'fast', capacity: '-1Gi' };
    assert.deepEqual(createErrors(cap, o), ['capacity: Invalid value: "-1Gi": must be greater than or equal to 0']);
    assert.deepEqual(createErrors(cap, { metadata: { name: 'c', namespace: 'ns' }, storageClassName: 'fast', capacity: '10Gi' }), []);
  });
});
