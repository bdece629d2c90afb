import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileTables } from '../../../src/schema/compile.js';
import { schedulingTypes } from '../../../src/apis/scheduling/schema.js';
import { assertDescribed, standIns } from '../schema-check.js';

test('scheduling: PriorityClass as scheduling.k8s.io/v1 with a required value', () => {
  const { types, kinds } = compileTables([schedulingTypes, standIns(['ObjectMeta', 'ListMeta'])]);
  assert.deepEqual([...kinds.keys()].sort(), ['scheduling.k8s.io/v1/PriorityClass', 'scheduling.k8s.io/v1/PriorityClassList']);
  assertDescribed(schedulingTypes);
  const pc = types.get('PriorityClass')!;
  assert.deepEqual(pc.fields.filter((f) => f.meta.required).map((f) => f.name), ['value']);
  assert.deepEqual(pc.fields.find((f) => f.name === 'preemptionPolicy')!.meta.enum, ['Never', 'PreemptLowerPriority']);
});
