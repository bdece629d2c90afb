import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rbacTypes } from '../../../src/apis/rbac/schema.js';
import { compileGroup, field, requiredOf, undescribed } from '../compile-group.js';

const schema = compileGroup(rbacTypes, ['ObjectMeta', 'ListMeta', 'LabelSelector']);
const kind = (k: string) => schema.kinds.get(`rbac.authorization.k8s.io/v1/${k}`);

test('rbac: every served kind and its list compiles under its upstream definition name', () => {
  for (const k of ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding']) {
    assert.equal(kind(k)?.name, `io.k8s.api.rbac.v1.${k}`);
    assert.equal(kind(`${k}List`)?.name, `io.k8s.api.rbac.v1.${k}List`);
    assert.deepEqual(requiredOf(kind(`${k}List`)), ['items']);
  }
});

test('rbac: required fields and atomic references as upstream', () => {
  assert.deepEqual(requiredOf(schema.types.get('PolicyRule')), ['verbs']);
  assert.deepEqual(requiredOf(schema.types.get('Subject')), ['kind', 'name']);
  assert.deepEqual(requiredOf(schema.types.get('RoleRef')), ['apiGroup', 'kind', 'name']);
  assert.deepEqual(requiredOf(kind('RoleBinding')), ['roleRef']);
  assert.deepEqual(requiredOf(kind('Role')), []);
  assert.equal(schema.types.get('Subject')?.structType, 'atomic');
  assert.equal(schema.types.get('RoleRef')?.structType, 'atomic');
  assert.equal(field(kind('ClusterRole'), 'aggregationRule').type?.ref, 'AggregationRule');
  assert.equal(field(kind('Role'), 'rules').always, true);
});

test('rbac: every type and field carries a description', () => {
  assert.deepEqual(undescribed(rbacTypes), []);
});
