import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flowcontrolTypes } from '../../../src/apis/flowcontrol/schema.js';
import { compileGroup, field, requiredOf, undescribed } from '../compile-group.js';

const schema = compileGroup(flowcontrolTypes, ['ObjectMeta', 'ListMeta']);
const kind = (k: string) => schema.kinds.get(`flowcontrol.apiserver.k8s.io/v1/${k}`);
const type = (ref: string) => schema.types.get(ref);

test('flowcontrol: both kinds and their lists; conditions merge by type', () => {
  for (const k of ['FlowSchema', 'PriorityLevelConfiguration']) {
    assert.equal(kind(k)?.name, `io.k8s.api.flowcontrol.v1.${k}`);
    assert.deepEqual(requiredOf(kind(k)), []);
    assert.deepEqual(requiredOf(kind(`${k}List`)), ['items']);
    const conditions = field(type(`${k}Status`), 'conditions').meta;
    assert.equal(conditions.patchMergeKey, 'type');
    assert.deepEqual(conditions.listMapKeys, ['type']);
  }
});

test('flowcontrol: required fields, list types and field numbers as upstream', () => {
  assert.deepEqual(requiredOf(type('FlowSchemaSpec')), ['priorityLevelConfiguration']);
  assert.deepEqual(requiredOf(type('PolicyRulesWithSubjects')), ['subjects']);
  assert.deepEqual(requiredOf(type('ResourcePolicyRule')), ['verbs', 'apiGroups', 'resources']);
  assert.deepEqual(requiredOf(type('NonResourcePolicyRule')), ['verbs', 'nonResourceURLs']);
  assert.deepEqual(requiredOf(type('PriorityLevelConfigurationSpec')), ['type']);
  assert.deepEqual(requiredOf(type('LimitResponse')), ['type']);
  assert.deepEqual(requiredOf(type('ServiceAccountSubject')), ['namespace', 'name']);
  assert.equal(field(type('ResourcePolicyRule'), 'namespaces').meta.listType, 'set');
  assert.equal(field(type('NonResourcePolicyRule'), 'nonResourceURLs').number, 6);
  assert.equal(field(type('LimitedPriorityLevelConfiguration'), 'nominalConcurrencyShares').always, true);
  // flowcontrol's Subject shares its Go name with rbac's, so it takes the group prefix.
  assert.equal(field(type('PolicyRulesWithSubjects'), 'subjects').type?.name, 'io.k8s.api.flowcontrol.v1.Subject');
});

test('flowcontrol: every type and field carries a description', () => {
  assert.deepEqual(undescribed(flowcontrolTypes), []);
});
