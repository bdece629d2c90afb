import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TypeTable } from '../../../src/schema/format.js';
import type { MessageTable } from '../../../src/protobuf/schema.js';
import { metaMessages } from '../../../src/protobuf/types-meta.js';
import { coreMessages } from '../../../src/protobuf/types-core.js';
import { coreVolumeMessages } from '../../../src/protobuf/types-core-volumes.js';
import { corePodMessages } from '../../../src/protobuf/types-core-pod.js';
import { metaTypes } from '../../../src/apis/meta/schema.js';
import { coreTypes } from '../../../src/apis/core/schema.js';

// The protobuf tables were read from upstream first; every message they share with our type
// tables must keep the same spec strings, in the same (Go struct) order. The type tables may
// add fields the protobuf tables lack.
function check(types: TypeTable, messages: MessageTable[]) {
  let shared = 0;
  for (const table of messages) {
    for (const [name, specs] of Object.entries(table)) {
      const def = types[name];
      if (!def) continue;
      shared++;
      const ours = def.fields.map(([spec]) => spec);
      const common = ours.filter((s) => specs.includes(s));
      assert.deepEqual(common, [...specs], `${name}: protobuf specs missing or reordered`);
    }
  }
  return shared;
}

test('meta/v1 specs agree with the protobuf tables', () => {
  assert.ok(check(metaTypes, [metaMessages]) >= 12);
});

test('core/v1 specs agree with the protobuf tables', () => {
  assert.ok(check(coreTypes, [coreMessages, coreVolumeMessages, corePodMessages]) >= 45);
});
