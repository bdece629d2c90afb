import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinSchema } from '../../../src/schema/tables.js';
import { coordinationTypes } from '../../../src/apis/coordination/schema.js';
import { assertDescribed, groupKinds } from '../schema-check.js';

test('coordination: Lease and LeaseList as coordination.k8s.io/v1', () => {
  const { types, kinds } = builtinSchema;
  assert.deepEqual(groupKinds(kinds, coordinationTypes), ['coordination.k8s.io/v1/Lease', 'coordination.k8s.io/v1/LeaseList']);
  assertDescribed(coordinationTypes);
  const spec = types.get('LeaseSpec')!;
  assert.equal(spec.fields.find((f) => f.name === 'renewTime')!.type?.wellKnown, 'MicroTime');
  assert.equal(spec.fields.find((f) => f.name === 'leaseDurationSeconds')!.pointer, true);
});
