/**
 * Message descriptors derived from the schema tables (src/schema/tables.ts), the one source of
 * truth for every built-in type. A derived descriptor links only to derived ones (the schema
 * compiler has checked that their references are complete). overlaySchema lets a caller with its
 * own compiled messages (hand tables) let the schema tables win where both describe a name.
 */
import type { CompiledSchema } from '../schema/compile.js';
import type { FieldDesc, MessageDesc } from './schema.js';

/** One descriptor per schema type; TypeMeta (number 0, carried by the envelope) is left out. */
export function messagesFromSchema(s: CompiledSchema): Map<string, MessageDesc> {
  const out = new Map<string, MessageDesc>();
  for (const t of s.types.values()) {
    const fields: FieldDesc[] = t.fields.filter((f) => f.number !== 0).map((f) => ({
      number: f.number, name: f.name, kind: f.kind, typeName: f.typeName,
      repeated: f.repeated, map: f.map, pointer: f.pointer, always: f.always, inline: f.inline,
    }));
    const byNumber: (FieldDesc | undefined)[] = [];
    for (const f of fields) byNumber[f.number] = f;
    out.set(t.ref, { name: t.ref, fields, byNumber, wellKnown: t.wellKnown });
  }
  for (const desc of out.values()) {
    for (const f of desc.fields) if (f.kind === 'message') f.message = out.get(f.typeName);
  }
  return out;
}

/** The hand-compiled descriptors with every name the schema tables define replaced by theirs. */
export function overlaySchema(hand: ReadonlyMap<string, MessageDesc>, s: CompiledSchema): Map<string, MessageDesc> {
  const out = new Map(hand);
  for (const [name, desc] of messagesFromSchema(s)) out.set(name, desc);
  return out;
}
