/**
 * Protobuf message descriptors derived from the schema tables (src/schema/), so every kind with
 * a table decodes from protobuf: a SchemaType's fields already carry their protobuf numbers and
 * wire types (format.ts). TypeMeta's apiVersion and kind (number 0) are left out, since they
 * ride in the envelope, not in the message. Descriptors are built on first use, per type and
 * the types it reaches, and kept: start-up pays nothing, a kind's first body pays once.
 */
import type { SchemaType } from '../schema/compile.js';
import { schemaKind } from '../schema/lookup.js';
import type { FieldDesc, MessageDesc } from './schema.js';

const built = new WeakMap<SchemaType, MessageDesc>();

/** The descriptor of one schema type (and, through field.message, of every type it reaches). */
export function messageOf(t: SchemaType): MessageDesc {
  const done = built.get(t);
  if (done) return done;
  const fields: FieldDesc[] = [];
  const byNumber: (FieldDesc | undefined)[] = [];
  const desc: MessageDesc = { name: t.ref, fields, byNumber, wellKnown: t.wellKnown };
  // Registered before its fields are linked, so a type that reaches itself links to this one.
  built.set(t, desc);
  for (const f of t.fields) {
    if (f.number === 0) continue;
    const field: FieldDesc = {
      number: f.number, name: f.name, kind: f.kind, typeName: f.typeName, repeated: f.repeated, map: f.map,
      pointer: f.pointer, always: f.always, inline: f.inline,
      message: f.type === undefined ? undefined : messageOf(f.type),
    };
    fields.push(field);
    byNumber[f.number] = field;
  }
  return desc;
}

/** The message a body of this apiVersion and kind decodes with, or undefined when no table has it. */
export function messageForKind(apiVersion: string, kind: string): MessageDesc | undefined {
  const t = schemaKind(apiVersion, kind);
  return t === undefined ? undefined : messageOf(t);
}
