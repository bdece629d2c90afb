import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinSchema } from '../../../src/schema/tables.js';
import { batchTypes } from '../../../src/apis/batch/schema.js';
import { assertDescribed, groupKinds } from '../schema-check.js';

const { types, kinds } = builtinSchema;
const field = (ref: string, name: string) => {
  const f = types.get(ref)!.fields.find((x) => x.name === name);
  assert.ok(f, `${ref}.${name} exists`);
  return f;
};
const required = (ref: string) => types.get(ref)!.fields.filter((f) => f.meta.required).map((f) => f.name);

test('batch: Job and CronJob with their lists are served as batch/v1', () => {
  assert.deepEqual(groupKinds(kinds, batchTypes), ['batch/v1/CronJob', 'batch/v1/CronJobList', 'batch/v1/Job', 'batch/v1/JobList']);
  assert.equal(kinds.get('batch/v1/Job')?.name, 'io.k8s.api.batch.v1.Job');
});

test('batch: every field is described', () => {
  assertDescribed(batchTypes);
});

test('batch: required fields, list types and enums as upstream', () => {
  assert.deepEqual(required('JobSpec'), ['template']);
  assert.deepEqual(required('CronJobSpec'), ['schedule', 'jobTemplate']);
  assert.deepEqual(required('PodFailurePolicyRule'), ['action']);
  assert.deepEqual(required('PodFailurePolicyOnExitCodesRequirement'), ['operator', 'values']);
  assert.deepEqual(required('PodFailurePolicyOnPodConditionsPattern'), ['type', 'status']);
  // Job conditions merge by type under strategic merge patch but are atomic for apply.
  assert.deepEqual(field('JobStatus', 'conditions').meta, { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'atomic' });
  assert.equal(field('PodFailurePolicyOnExitCodesRequirement', 'values').meta.listType, 'set');
  assert.equal(field('UncountedTerminatedPods', 'failed').meta.listType, 'set');
  assert.equal(field('CronJobStatus', 'active').type?.ref, 'ObjectReference');
  assert.deepEqual(field('CronJobSpec', 'concurrencyPolicy').meta.enum, ['Allow', 'Forbid', 'Replace']);
  assert.deepEqual(field('JobSpec', 'completionMode').meta.enum, ['Indexed', 'NonIndexed']);
  assert.equal(types.get('JobSpec')!.fields.length, 16);
  assert.equal(types.get('JobStatus')!.fields.length, 11);
});
