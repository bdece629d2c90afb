import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileTables } from '../../../src/schema/compile.js';
import { coordinationTypes } from '../../../src/apis/coordination/schema.js';
import { assertDescribed, standIns } from '../schema-check.js';

test('coordination: Lease and LeaseList as coordination.k8s.io/v1', () => {
  const { types, kinds } = compileTables([coordinationTypes, standIns(['ObjectMeta', 'ListMeta'])]);
  assert.deepEqual([...kinds.keys()].sort(), ['coordination.k8s.io/v1/Lease', 'coordination.k8s.io/v1/LeaseList']);
  assertDescribed(coordinationTypes);
  const spec = types.get('LeaseSpec')!;
  assert.equal(spec.fields.find((f) => f.name === 'renewTime')!.type?.wellKnown, 'MicroTime');
  assert.equal(spec.fields.find((f) => f.name === 'leaseDurationSeconds')!.pointer, true);
});
