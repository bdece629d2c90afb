import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admissionregistrationTypes } from '../../../src/apis/admissionregistration/schema.js';
import { compileGroup, field, requiredOf, undescribed } from '../compile-group.js';

const schema = compileGroup(admissionregistrationTypes, ['ObjectMeta', 'ListMeta', 'LabelSelector']);
const kind = (k: string) => schema.kinds.get(`admissionregistration.k8s.io/v1/${k}`);
const type = (ref: string) => schema.types.get(ref);
const numbers = (ref: string) => Object.fromEntries(type(ref)!.fields.map((f) => [f.name, f.number]));

test('admissionregistration: both webhook configurations merge their webhooks by name', () => {
  for (const k of ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration']) {
    assert.equal(kind(k)?.name, `io.k8s.api.admissionregistration.v1.${k}`);
    assert.deepEqual(requiredOf(kind(`${k}List`)), ['items']);
    const webhooks = field(kind(k), 'webhooks').meta;
    assert.equal(webhooks.patchMergeKey, 'name');
    assert.deepEqual(webhooks.listMapKeys, ['name']);
  }
});

test('admissionregistration: webhook fields, numbers and required lists as upstream', () => {
  for (const ref of ['ValidatingWebhook', 'MutatingWebhook']) {
    assert.deepEqual(requiredOf(type(ref)), ['name', 'clientConfig', 'sideEffects', 'admissionReviewVersions']);
    assert.equal(field(type(ref), 'matchConditions').meta.patchStrategy, 'merge');
  }
  // Mutating inserted reinvocationPolicy as 10, which moved objectSelector and matchConditions up one.
  assert.equal(numbers('ValidatingWebhook').objectSelector, 10);
  assert.equal(numbers('ValidatingWebhook').matchConditions, 11);
  assert.equal(numbers('MutatingWebhook').reinvocationPolicy, 10);
  assert.equal(numbers('MutatingWebhook').objectSelector, 11);
  assert.equal(numbers('MutatingWebhook').matchConditions, 12);
  assert.equal(type('ValidatingWebhook')?.fields.length, 11);
  assert.equal(type('MutatingWebhook')?.fields.length, 12);
  assert.deepEqual(requiredOf(type('ServiceReference')), ['namespace', 'name']);
  assert.deepEqual(requiredOf(type('MatchCondition')), ['name', 'expression']);
});

test('admissionregistration: Rule is inlined into RuleWithOperations; enums as upstream', () => {
  const inline = type('RuleWithOperations')!.fields.find((f) => f.inline);
  assert.equal(inline?.type?.ref, 'Rule');
  assert.deepEqual(field(type('Rule'), 'scope').meta.enum, ['*', 'Cluster', 'Namespaced']);
  assert.deepEqual(field(type('ValidatingWebhook'), 'failurePolicy').meta.enum, ['Fail', 'Ignore']);
  assert.equal(field(type('WebhookClientConfig'), 'caBundle').kind, 'bytes');
});

test('admissionregistration: every type and field carries a description', () => {
  assert.deepEqual(undescribed(admissionregistrationTypes), []);
});
