import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinSchema } from '../../../src/schema/tables.js';
import { nodeTypes } from '../../../src/apis/node/schema.js';
import { assertDescribed, groupKinds } from '../schema-check.js';

test('node: RuntimeClass as node.k8s.io/v1 with handler required, overhead and scheduling', () => {
  const { types, kinds } = builtinSchema;
  assert.deepEqual(groupKinds(kinds, nodeTypes), ['node.k8s.io/v1/RuntimeClass', 'node.k8s.io/v1/RuntimeClassList']);
  assertDescribed(nodeTypes);
  const rc = types.get('RuntimeClass')!;
  assert.deepEqual(rc.fields.map((f) => `${f.number} ${f.name}`), ['0 apiVersion', '0 kind', '1 metadata', '2 handler', '3 overhead', '4 scheduling']);
  assert.deepEqual(rc.fields.filter((f) => f.meta.required).map((f) => f.name), ['handler']);
  const podFixed = types.get('Overhead')!.fields[0];
  assert.equal(podFixed.map, true);
  assert.equal(podFixed.type?.wellKnown, 'Quantity');
  const scheduling = types.get('Scheduling')!;
  assert.equal(scheduling.fields[0].meta.mapType, 'atomic');
  assert.equal(scheduling.fields[1].type?.ref, 'Toleration');
  assert.equal(scheduling.fields[1].meta.listType, 'atomic');
});
