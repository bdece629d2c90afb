import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinSchema } from '../../../src/schema/tables.js';
import { schedulingTypes } from '../../../src/apis/scheduling/schema.js';
import { assertDescribed, groupKinds } from '../schema-check.js';

test('scheduling: PriorityClass as scheduling.k8s.io/v1 with a required value', () => {
  const { types, kinds } = builtinSchema;
  assert.deepEqual(groupKinds(kinds, schedulingTypes), ['scheduling.k8s.io/v1/PriorityClass', 'scheduling.k8s.io/v1/PriorityClassList']);
  assertDescribed(schedulingTypes);
  const pc = types.get('PriorityClass')!;
  assert.deepEqual(pc.fields.filter((f) => f.meta.required).map((f) => f.name), ['value']);
  assert.deepEqual(pc.fields.find((f) => f.name === 'preemptionPolicy')!.meta.enum, ['Never', 'PreemptLowerPriority']);
});
