import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { messageOf } from '../../src/protobuf/messages.js';
import { fixtureSchema } from '../schema/openapi-fixture.js';
import '../../src/schema/tables.js'; // registers the built-in schema (the server loads it after start-up)

describe('protobuf descriptors from the schema tables', () => {
  const messages = { get: (ref: string) => messageOf(fixtureSchema.types.get(ref)!) };

  it('leaves TypeMeta out (the envelope carries it) and keeps numbers, flags and links', () => {
    const widget = messages.get('Widget')!;
    assert.deepEqual(widget.fields.map((f) => `${f.number} ${f.name}`), ['1 metadata', '2 spec', '3 status']);
    assert.equal(widget.byNumber[2], widget.fields[1]);
    assert.equal(widget.fields[1].message, messages.get('WidgetSpec'));
    const spec = messages.get('WidgetSpec')!;
    const replicas = spec.byNumber[1]!;
    assert.equal(replicas.kind, 'int32');
    assert.equal(replicas.pointer, true);
    assert.equal(spec.byNumber[8]!.inline, true);
    assert.equal(spec.byNumber[2]!.message?.wellKnown, 'Quantity');
  });
});
