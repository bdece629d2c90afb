import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinSchema } from '../../../src/schema/tables.js';
import { coordinationTypes } from '../../../src/apis/coordination/schema.js';
import { groupMessages } from '../../../src/protobuf/types-groups.js';
import { assertDescribed, assertMatchesProtobuf, groupKinds } from '../schema-check.js';

test('coordination: Lease and LeaseList as coordination.k8s.io/v1, specs as the protobuf table', () => {
  const { types, kinds } = builtinSchema;
  assert.deepEqual(groupKinds(kinds, coordinationTypes), ['coordination.k8s.io/v1/Lease', 'coordination.k8s.io/v1/LeaseList']);
  assert.equal(assertMatchesProtobuf(coordinationTypes, groupMessages), 2);
  assertDescribed(coordinationTypes);
  const spec = types.get('LeaseSpec')!;
  assert.equal(spec.fields.find((f) => f.name === 'renewTime')!.type?.wellKnown, 'MicroTime');
  assert.equal(spec.fields.find((f) => f.name === 'leaseDurationSeconds')!.pointer, true);
});
