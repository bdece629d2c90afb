/**
 * Lookups over the compiled schema that its derived users share (protobuf decoding, typed JSON
 * decoding, strategic-merge patch metadata): a kind's type by the apiVersion and kind a body
 * names, and a type's fields by JSON name. Both are cheap enough per request; the field index of
 * a type is built the first time someone asks for it, so start-up pays for none of them.
 *
 * The tables themselves (tables.ts: ~480 types in ~25 modules, compiled at import) are not on
 * the start-up path either: loadBuiltinSchema() imports them once, and the API handler awaits
 * it before the first request that may need them. Importing tables.ts (as tests and tools do)
 * registers the schema too.
 */
import type { CompiledSchema, SchemaField, SchemaType } from './compile.js';

let loaded: CompiledSchema | undefined;
let loading: Promise<CompiledSchema> | undefined;

/** Called by tables.ts once it has compiled the built-in tables. */
export function registerBuiltinSchema(schema: CompiledSchema): void {
  loaded = schema;
}

/** Loads (once) and returns the built-in schema. */
export function loadBuiltinSchema(): Promise<CompiledSchema> {
  if (loaded) return Promise.resolve(loaded);
  return loading ??= import('./tables.js').then((m) => m.builtinSchema);
}

/** True once the built-in schema can be used without waiting. */
export function builtinSchemaLoaded(): boolean {
  return loaded !== undefined;
}

/** The built-in schema; a caller on a path that has not awaited loadBuiltinSchema() is a bug. */
export function builtinSchemaNow(): CompiledSchema {
  if (!loaded) throw new Error('the built-in schema is not loaded yet: await loadBuiltinSchema() first');
  return loaded;
}

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
  return builtinSchemaNow().kinds.get(kindKey(apiVersion, kind));
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
