import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorizationTypes } from '../../../src/apis/authorization/schema.js';
import { compileGroup, field, requiredOf, undescribed } from '../compile-group.js';

const schema = compileGroup(authorizationTypes, ['ObjectMeta', 'LabelSelectorRequirement', 'FieldSelectorRequirement']);
const kind = (k: string) => schema.kinds.get(`authorization.k8s.io/v1/${k}`);

test('authorization: the four reviews require a spec and share the status type', () => {
  for (const k of ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview']) {
    assert.equal(kind(k)?.name, `io.k8s.api.authorization.v1.${k}`);
    assert.deepEqual(requiredOf(kind(k)), ['spec']);
  }
  assert.equal(field(kind('SelfSubjectAccessReview'), 'status').type?.ref, 'SubjectAccessReviewStatus');
  assert.equal(field(kind('SelfSubjectRulesReview'), 'status').type?.ref, 'SubjectRulesReviewStatus');
});

test('authorization: status and rule facts as upstream', () => {
  assert.deepEqual(requiredOf(schema.types.get('SubjectAccessReviewStatus')), ['allowed']);
  assert.deepEqual(requiredOf(schema.types.get('SubjectRulesReviewStatus')), ['resourceRules', 'nonResourceRules', 'incomplete']);
  assert.deepEqual(requiredOf(schema.types.get('ResourceRule')), ['verbs']);
  assert.equal(field(schema.types.get('ResourceAttributes'), 'fieldSelector').type?.ref, 'FieldSelectorAttributes');
  assert.equal(schema.types.get('ResourceAttributes')?.fields.length, 9);
});

test('authorization: every type and field carries a description', () => {
  assert.deepEqual(undescribed(authorizationTypes), []);
});
