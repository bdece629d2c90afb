import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinSchema } from '../../../src/schema/tables.js';
import { appsTypes } from '../../../src/apis/apps/schema.js';
import { assertDescribed, groupKinds } from '../schema-check.js';

const { types, kinds } = builtinSchema;
const field = (ref: string, name: string) => {
  const f = types.get(ref)!.fields.find((x) => x.name === name);
  assert.ok(f, `${ref}.${name} exists`);
  return f;
};

test('apps: every kind and list is served as apps/v1', () => {
  for (const k of ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ControllerRevision']) {
    assert.equal(kinds.get(`apps/v1/${k}`)?.name, `io.k8s.api.apps.v1.${k}`);
    assert.equal(kinds.get(`apps/v1/${k}List`)?.name, `io.k8s.api.apps.v1.${k}List`);
    assert.deepEqual(field(`${k}List`, 'items').meta, { required: true });
  }
  assert.equal(groupKinds(kinds, appsTypes).length, 10);
});

test('apps: every field is described', () => {
  assertDescribed(appsTypes);
});

test('apps: required fields, merge keys and list types as upstream', () => {
  const required = (ref: string) => types.get(ref)!.fields.filter((f) => f.meta.required).map((f) => f.name);
  assert.deepEqual(required('DeploymentSpec'), ['selector', 'template']);
  assert.deepEqual(required('DaemonSetSpec'), ['selector', 'template']);
  assert.deepEqual(required('ReplicaSetSpec'), ['selector']);
  assert.deepEqual(required('StatefulSetSpec'), ['selector', 'template', 'serviceName']);
  assert.deepEqual(required('DaemonSetStatus'), ['currentNumberScheduled', 'numberMisscheduled', 'desiredNumberScheduled', 'numberReady']);
  assert.deepEqual(required('ControllerRevision'), ['revision']);
  for (const status of ['DeploymentStatus', 'ReplicaSetStatus', 'DaemonSetStatus', 'StatefulSetStatus']) {
    const c = field(status, 'conditions');
    assert.equal(c.meta.patchMergeKey, 'type');
    assert.equal(c.meta.patchStrategy, 'merge');
    assert.deepEqual(c.meta.listMapKeys, ['type']);
    assert.deepEqual(required(c.typeName), ['type', 'status']);
  }
  assert.equal(field('DeploymentSpec', 'strategy').meta.patchStrategy, 'retainKeys');
  assert.equal(field('StatefulSetSpec', 'volumeClaimTemplates').meta.listType, 'atomic');
  assert.deepEqual(field('StatefulSetSpec', 'podManagementPolicy').meta.enum, ['OrderedReady', 'Parallel']);
  assert.equal(field('StatefulSetSpec', 'template').type?.ref, 'PodTemplateSpec');
  // apiVersion, kind + metadata, spec, status.
  assert.equal(types.get('Deployment')!.fields.length, 5);
  assert.equal(types.get('DeploymentSpec')!.fields.length, 9);
  assert.equal(types.get('StatefulSetSpec')!.fields.length, 11);
});
