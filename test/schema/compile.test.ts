import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileTables } from '../../src/schema/compile.js';
import type { TypeTable } from '../../src/schema/format.js';

const table: TypeTable = {
  Widget: {
    name: 'io.example.v1.Widget', description: 'A widget.',
    gvk: [{ group: 'example.io', version: 'v1', kind: 'Widget' }],
    fields: [['1 spec WidgetSpec', 'What the widget should be.']],
  },
  WidgetSpec: {
    name: 'io.example.v1.WidgetSpec', description: 'Desired state.',
    fields: [
      ['1 size Quantity', 'How big.'],
      ['2 parts Part[]', 'Its parts.', { patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }],
    ],
  },
  Part: { name: 'io.example.v1.Part', description: 'A part.', fields: [['1 name s!', 'Part name.', { required: true }]] },
};

test('compileTables resolves references and adds TypeMeta to kinds', () => {
  const { types, kinds } = compileTables([table]);
  const widget = kinds.get('example.io/v1/Widget')!;
  assert.equal(widget.ref, 'Widget');
  assert.deepEqual(widget.fields.map((f) => f.name), ['apiVersion', 'kind', 'spec']);
  const parts = types.get('WidgetSpec')!.fields[1];
  assert.equal(parts.type?.ref, 'Part');
  assert.equal(parts.repeated, true);
  assert.equal(parts.meta.patchMergeKey, 'name');
  assert.equal(types.get('WidgetSpec')!.fields[0].type?.wellKnown, 'Quantity');
});

test('compileTables refuses table mistakes', () => {
  assert.throws(() => compileTables([{ A: { name: 'a', description: '', fields: [['1 b Missing', '']] } }]), /unknown type Missing/);
  assert.throws(() => compileTables([table, { Part: table.Part }]), /Part defined twice/);
  assert.throws(() => compileTables([{ A: { name: 'a', description: '', fields: [['1 x', ''], ['1 y', '']] } }]), /number 1 used twice/);
  assert.throws(() => compileTables([{ A: { name: 'a', description: '', fields: [['x y z', '']] } }]), /bad field/);
});
