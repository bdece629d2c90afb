import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyPatch } from '../../src/patch/index.js';
import { builtinPatchMetaFor } from '../../src/schema/patch-meta.js';
import '../../src/schema/tables.js'; // registers the built-in schema (the server loads it after start-up)

const smp = 'application/strategic-merge-patch+json';
const containers = { patchStrategy: 'merge', patchMergeKey: 'name', isList: true };

describe('builtinPatchMetaFor: struct tags read from the schema tables', () => {
  it('finds PodSpec fields wherever a kind embeds a PodSpec', () => {
    assert.deepEqual(builtinPatchMetaFor('v1', 'Pod').lookup(['spec', 'containers']), containers);
    assert.deepEqual(builtinPatchMetaFor('v1', 'PodTemplate').lookup(['template', 'spec', 'initContainers']), containers);
    assert.deepEqual(builtinPatchMetaFor('batch/v1', 'CronJob').lookup(['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers']), containers);
    assert.deepEqual(builtinPatchMetaFor('apps/v1', 'Deployment').lookup(['spec', 'template', 'spec', 'containers']), containers);
    assert.equal(builtinPatchMetaFor('apps/v1', 'StatefulSet').lookup(['spec', 'template', 'spec', 'containers', 'ports'])?.patchMergeKey, 'containerPort');
    assert.equal(builtinPatchMetaFor('v1', 'Pod').lookup(['spec', 'ephemeralContainers', 'volumeMounts'])?.patchMergeKey, 'mountPath');
    assert.equal(builtinPatchMetaFor('v1', 'Pod').lookup(['spec', 'volumes'])?.patchStrategy, 'merge,retainKeys');
    assert.equal(builtinPatchMetaFor('batch/v1', 'CronJob').lookup(['spec', 'jobTemplate', 'spec', 'template', 'spec', 'hostAliases'])?.patchMergeKey, 'ip');
  });

  it('finds nothing where the kind has no such field, or the field is untagged', () => {
    assert.equal(builtinPatchMetaFor('v1', 'Pod').lookup(['spec', 'template', 'spec', 'containers']), undefined);
    assert.equal(builtinPatchMetaFor('apps/v1', 'Deployment').lookup(['spec', 'containers']), undefined);
    assert.equal(builtinPatchMetaFor('v1', 'Pod').lookup(['spec', 'tolerations']), undefined);
    assert.equal(builtinPatchMetaFor('v1', 'Pod').lookup([]), undefined);
    // A map's key leads to its element type, which has no tags of its own.
    assert.equal(builtinPatchMetaFor('v1', 'Pod').lookup(['metadata', 'labels', 'finalizers']), undefined);
    assert.equal(builtinPatchMetaFor('v1', 'Pod').lookup(['spec', 'containers', 'resources', 'limits', 'cpu']), undefined);
  });

  it('marks primitive lists, and tags on fields that are not lists', () => {
    assert.deepEqual(builtinPatchMetaFor('v1', 'ConfigMap').lookup(['metadata', 'finalizers']), { patchStrategy: 'merge', isList: true, isPrimitiveList: true });
    assert.deepEqual(builtinPatchMetaFor('apps/v1', 'Deployment').lookup(['spec', 'strategy']), { patchStrategy: 'retainKeys' });
    assert.deepEqual(builtinPatchMetaFor('policy/v1', 'PodDisruptionBudget').lookup(['spec', 'selector']), { patchStrategy: 'replace' });
  });

  it('knows ObjectMeta tags for every kind, even one without a table', () => {
    assert.equal(builtinPatchMetaFor('rbac.authorization.k8s.io/v1', 'Role').lookup(['metadata', 'ownerReferences'])?.patchMergeKey, 'uid');
    assert.equal(builtinPatchMetaFor('apps/v1', 'Deployment').lookup(['spec', 'template', 'metadata', 'finalizers'])?.patchStrategy, 'merge');
    assert.equal(builtinPatchMetaFor('apps/v1', 'StatefulSet').lookup(['spec', 'volumeClaimTemplates', 'metadata', 'finalizers'])?.patchStrategy, 'merge');
    const unknown = builtinPatchMetaFor('example.com/v1', 'Widget');
    assert.equal(unknown.lookup(['metadata', 'ownerReferences'])?.patchMergeKey, 'uid');
    assert.equal(unknown.lookup(['spec', 'containers']), undefined);
  });

  it('knows the kind-specific lists of every group', () => {
    assert.equal(builtinPatchMetaFor('v1', 'Service').lookup(['spec', 'ports'])?.patchMergeKey, 'port');
    assert.equal(builtinPatchMetaFor('v1', 'Node').lookup(['status', 'addresses'])?.patchMergeKey, 'type');
    assert.equal(builtinPatchMetaFor('v1', 'Pod').lookup(['status', 'conditions'])?.patchMergeKey, 'type');
    // Kinds the hand-written table never covered:
    assert.equal(builtinPatchMetaFor('storage.k8s.io/v1', 'CSINode').lookup(['spec', 'drivers'])?.patchMergeKey, 'name');
    assert.equal(builtinPatchMetaFor('autoscaling/v2', 'HorizontalPodAutoscaler').lookup(['status', 'conditions'])?.patchMergeKey, 'type');
    assert.equal(builtinPatchMetaFor('policy/v1', 'PodDisruptionBudget').lookup(['status', 'conditions'])?.patchMergeKey, 'type');
    assert.equal(builtinPatchMetaFor('batch/v1', 'Job').lookup(['status', 'conditions'])?.patchMergeKey, 'type');
  });
});

describe('strategic merge with the derived metadata', () => {
  it('merges a Deployment\'s containers by name, and their env by name', () => {
    const deployment = {
      spec: { template: { spec: { containers: [
        { name: 'app', image: 'app:1', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
        { name: 'sidecar', image: 'proxy:1' },
      ] } } },
    };
    const patch = { spec: { template: { spec: { containers: [{ name: 'app', image: 'app:2', env: [{ name: 'B', value: '3' }] }] } } } };
    const out = applyPatch(smp, deployment, JSON.stringify(patch), builtinPatchMetaFor('apps/v1', 'Deployment'));
    assert.deepEqual(out, {
      spec: { template: { spec: { containers: [
        { name: 'app', image: 'app:2', env: [{ name: 'A', value: '1' }, { name: 'B', value: '3' }] },
        { name: 'sidecar', image: 'proxy:1' },
      ] } } },
    });
  });

  it('merges CSINode drivers by name, which no hand table knew', () => {
    const node = { spec: { drivers: [{ name: 'a', nodeID: 'n1' }, { name: 'b', nodeID: 'n1' }] } };
    const out = applyPatch(smp, node, '{"spec":{"drivers":[{"name":"b","nodeID":"n2"}]}}', builtinPatchMetaFor('storage.k8s.io/v1', 'CSINode'));
    assert.deepEqual(out, { spec: { drivers: [{ name: 'a', nodeID: 'n1' }, { name: 'b', nodeID: 'n2' }] } });
  });

  it('replaces a list the schema leaves untagged (Pod tolerations)', () => {
    const pod = { spec: { tolerations: [{ key: 'a' }, { key: 'b' }] } };
    const out = applyPatch(smp, pod, '{"spec":{"tolerations":[{"key":"c"}]}}', builtinPatchMetaFor('v1', 'Pod'));
    assert.deepEqual(out, { spec: { tolerations: [{ key: 'c' }] } });
  });
});
