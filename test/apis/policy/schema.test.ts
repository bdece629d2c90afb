import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinSchema } from '../../../src/schema/tables.js';
import { policyTypes } from '../../../src/apis/policy/schema.js';
import { assertDescribed, groupKinds } from '../schema-check.js';

const { types, kinds } = builtinSchema;

test('policy: PodDisruptionBudget, its list and Eviction are served as policy/v1', () => {
  assert.deepEqual(groupKinds(kinds, policyTypes), ['policy/v1/Eviction', 'policy/v1/PodDisruptionBudget', 'policy/v1/PodDisruptionBudgetList']);
});

test('policy: descriptions and metadata as upstream', () => {
  assertDescribed(policyTypes);
  const status = types.get('PodDisruptionBudgetStatus')!;
  assert.deepEqual(status.fields.filter((f) => f.meta.required).map((f) => f.name), ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods']);
  const disrupted = status.fields.find((f) => f.name === 'disruptedPods')!;
  assert.equal(disrupted.map, true);
  assert.equal(disrupted.type?.wellKnown, 'Time');
  const conditions = status.fields.find((f) => f.name === 'conditions')!;
  assert.equal(conditions.type?.ref, 'Condition');
  assert.deepEqual(conditions.meta.listMapKeys, ['type']);
  const spec = types.get('PodDisruptionBudgetSpec')!;
  assert.equal(spec.fields.find((f) => f.name === 'selector')!.meta.patchStrategy, 'replace');
  assert.deepEqual(spec.fields.find((f) => f.name === 'unhealthyPodEvictionPolicy')!.meta.enum, ['AlwaysAllow', 'IfHealthyBudget']);
});
