import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorMessage } from '../../../src/apis/meta/errors.js';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { nodeRules } from '../../../src/apis/core/nodes.js';
import { persistentVolumeClaimRules, persistentVolumeRules } from '../../../src/apis/core/persistent-volumes.js';
import type { RequestContext, Strategy } from '../../../src/registry/rest.js';

const ctx: RequestContext = { user: { name: 'alice', groups: [] }, namespace: '', dryRun: false };
const obj = (fields: Record<string, unknown>): KubeObject => ({ metadata: { name: 'x' }, ...fields });
const msgs = (errs: Parameters<typeof fieldErrorMessage>[0][]) => errs.map((e) => fieldErrorMessage(e));
function created(s: Strategy, o: KubeObject): string[] {
  s.prepareForCreate!(o, ctx);
  return msgs(s.validate!(o, ctx));
}
function updated(s: Strategy, o: KubeObject, old: KubeObject): string[] {
  s.prepareForUpdate!(o, old, ctx);
  return msgs([...s.validate!(o, ctx), ...s.validateUpdate!(o, old, ctx)]);
}

describe('Node', () => {
  it('podCIDR fills podCIDRs; allocatable defaults to capacity', () => {
    const n = obj({ spec: { podCIDR: '10.244.0.0/24' }, status: { capacity: { cpu: '4' } } });
    assert.deepEqual(created(nodeRules, n), []);
    assert.deepEqual((n.spec as Record<string, unknown>).podCIDRs, ['10.244.0.0/24']);
    assert.deepEqual((n.status as Record<string, unknown>).allocatable, { cpu: '4' });
  });

  it('taints: effect required and known, key+effect unique', () => {
    const n = obj({ spec: { taints: [{ key: 'a', effect: 'NoSchedule' }, { key: 'a', effect: 'NoSchedule' }, { key: 'b' }, { key: 'c', effect: 'Never' }] } });
    assert.deepEqual(created(nodeRules, n), [
      'spec.taints[1]: Duplicate value: core.Taint{Key:"a", Value:"", Effect:"NoSchedule", TimeAdded:(*v1.Time)(nil)}: taints must be unique by key and effect pair',
      'spec.taints[2].effect: Required value',
      'spec.taints[3].effect: Unsupported value: "Never": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
    ]);
  });

  it('podCIDR may be set once, not changed', () => {
    const old = obj({ spec: { podCIDR: '10.244.0.0/24', podCIDRs: ['10.244.0.0/24'] } });
    assert.deepEqual(updated(nodeRules, obj({ spec: { podCIDR: '10.244.0.0/24' } }), old), []);
    assert.deepEqual(updated(nodeRules, obj({ spec: { podCIDRs: ['10.244.1.0/24'] } }), old), ['spec.podCIDRs: Forbidden: node updates may not change podCIDR except from "" to valid']);
    assert.deepEqual(updated(nodeRules, obj({ spec: { podCIDR: '10.244.1.0/24' } }), obj({ spec: {} })), []);
  });
});

describe('PersistentVolume', () => {
  const pv = (spec: Record<string, unknown>) => obj({ spec });
  it('defaults reclaim policy and volume mode', () => {
    const v = pv({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } });
    assert.deepEqual(created(persistentVolumeRules, v), []);
    const spec = v.spec as Record<string, unknown>;
    assert.equal(spec.persistentVolumeReclaimPolicy, 'Retain');
    assert.equal(spec.volumeMode, 'Filesystem');
    assert.deepEqual(spec.hostPath, { path: '/data', type: '' });
  });

  it('requires access modes, storage capacity and a source', () => {
    assert.deepEqual(created(persistentVolumeRules, pv({})), [
      'spec.accessModes: Required value',
      'spec.capacity: Required value',
      'spec.capacity: Unsupported value: core.ResourceList(nil): supported values: "storage"',
      'spec: Required value: must specify a volume type',
    ]);
  });

  it('the source may not change', () => {
    const old = pv({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/a', type: '' }, persistentVolumeReclaimPolicy: 'Retain', volumeMode: 'Filesystem' });
    const next = pv({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/b' } });
    const errs = updated(persistentVolumeRules, next, old);
    assert.equal(errs.length, 1);
    assert.match(errs[0], /^spec\.persistentvolumesource: Forbidden: spec\.persistentvolumesource is immutable after creation\n- spec\.hostPath\.path: "\/a"\n\+ spec\.hostPath\.path: "\/b"$/);
  });
});

describe('PersistentVolumeClaim', () => {
  const pvc = (spec: Record<string, unknown>, status: Record<string, unknown> = { phase: 'Pending' }) => obj({ spec, status });
  const base = { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } };

  it('a valid claim gets volumeMode Filesystem', () => {
    const c = pvc({ ...base });
    assert.deepEqual(created(persistentVolumeClaimRules, c), []);
    assert.equal((c.spec as Record<string, unknown>).volumeMode, 'Filesystem');
  });

  it('requires access modes and a storage request', () => {
    assert.deepEqual(created(persistentVolumeClaimRules, pvc({})), ['spec.accessModes: Required value: at least 1 access mode is required', 'spec.resources[storage]: Required value']);
    assert.deepEqual(created(persistentVolumeClaimRules, pvc({ accessModes: ['ReadWriteAlways'], resources: { requests: { storage: '0' } } })), [
      'spec.accessModes: Unsupported value: "ReadWriteAlways": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
      'spec.resources[storage]: Invalid value: "0": must be greater than zero',
    ]);
  });

  it('binds once, resizes only when bound and never shrinks', () => {
    const old = pvc({ ...base, volumeMode: 'Filesystem' });
    assert.deepEqual(updated(persistentVolumeClaimRules, pvc({ ...base, volumeName: 'pv1' }), old), []);
    const grow = pvc({ ...base, resources: { requests: { storage: '2Gi' } } });
    assert.match(updated(persistentVolumeClaimRules, grow, old)[0], /^spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n/);
    const boundOld = pvc({ ...base, volumeMode: 'Filesystem' }, { phase: 'Bound' });
    assert.deepEqual(updated(persistentVolumeClaimRules, pvc({ ...base, resources: { requests: { storage: '2Gi' } } }, { phase: 'Bound' }), boundOld), []);
    assert.deepEqual(updated(persistentVolumeClaimRules, pvc({ ...base, resources: { requests: { storage: '500Mi' } } }, { phase: 'Bound' }), boundOld),
      ['spec.resources.requests.storage: Forbidden: field can not be less than previous value']);
  });
});
