/**
 * Lookups over the compiled schema that its derived users share (protobuf decoding, typed JSON
 * decoding, strategic-merge patch metadata): a kind's type by the apiVersion and kind a body
 * names, and a type's fields by JSON name. Both are cheap enough per request; the field index of
 * a type is built the first time someone asks for it, so start-up pays for none of them.
 */
import type { SchemaField, SchemaType } from './compile.js';
import { builtinSchema } from './tables.js';

/** The key compile.ts files kinds under ("group/version/Kind"), from a body's apiVersion. */
function kindKey(apiVersion: string, kind: string): string {
  // "v1" is the core group's version; "apps/v1" is group/version.
  return apiVersion.includes('/') ? `${apiVersion}/${kind}` : `/${apiVersion}/${kind}`;
}

/**
 * The type served as this apiVersion and kind, or undefined when no table declares it (or the
 * apiVersion is empty or malformed). The option kinds (DeleteOptions, ...) are found under every
 * served group version, as upstream registers them in each (metav1.AddToGroupVersion).
 */
export function schemaKind(apiVersion: string, kind: string): SchemaType | undefined {
  if (apiVersion === '' || kind === '') return undefined;
  return builtinSchema.kinds.get(kindKey(apiVersion, kind));
}

const indexes = new WeakMap<SchemaType, ReadonlyMap<string, SchemaField>>();

/**
 * A type's fields by JSON name, with inline (Go embedded) structs flattened into their parent as
 * encoding/json does. TypeMeta's apiVersion and kind are in it for types that have them. When an
 * embedded struct and the parent share a name, the parent's field wins (Go's shallower field).
 */
export function fieldsByName(t: SchemaType): ReadonlyMap<string, SchemaField> {
  let idx = indexes.get(t);
  if (idx) return idx;
  const out = new Map<string, SchemaField>();
  const embedded: SchemaType[] = [];
  for (const f of t.fields) {
    if (f.inline) embedded.push(f.type!);
    else out.set(f.name, f);
  }
  for (const e of embedded) {
    for (const [name, f] of fieldsByName(e)) if (!out.has(name)) out.set(name, f);
  }
  idx = out;
  indexes.set(t, idx);
  return idx;
}
