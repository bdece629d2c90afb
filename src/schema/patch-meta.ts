/**
 * Strategic-merge patch metadata derived from the schema tables: a field's patchStrategy and
 * patchMergeKey struct tags (FieldMeta) and its list-ness from the field spec, for every kind a
 * table declares. This is what upstream's PatchMetaFromStruct reads by reflection from the Go
 * types. A path is walked through the types on each lookup (one Map.get per segment), so there
 * is nothing to compile up front.
 */
import type { PatchMeta, PatchMetaEntry } from '../patch/strategic-merge.js';
import type { SchemaField, SchemaType } from './compile.js';
import { builtinSchemaNow, fieldsByName, schemaKind } from './lookup.js';

const entries = new WeakMap<SchemaField, PatchMetaEntry | undefined>();

/** The tags of one field; undefined for an untagged field, which merges as a map or replaces as a list. */
function entryOf(f: SchemaField): PatchMetaEntry | undefined {
  if (entries.has(f)) return entries.get(f);
  const { patchStrategy, patchMergeKey } = f.meta;
  let e: PatchMetaEntry | undefined;
  if (patchStrategy !== undefined || patchMergeKey !== undefined) {
    e = {};
    if (patchStrategy !== undefined) e.patchStrategy = patchStrategy;
    if (patchMergeKey !== undefined) e.patchMergeKey = patchMergeKey;
    if (f.repeated) e.isList = true;
    if (f.repeated && f.kind !== 'message') e.isPrimitiveList = true;
  }
  entries.set(f, e);
  return e;
}

/**
 * Walks field names from the root type. List elements add no segment (the merge passes the
 * list's path to its elements); a map's key does, and leads to the map's element type, as
 * upstream's lookup treats a Go map. A name the type lacks ends the walk with no metadata.
 */
function lookupFrom(root: SchemaType, path: readonly string[]): PatchMetaEntry | undefined {
  let t: SchemaType | undefined = root;
  for (let i = 0; i < path.length; i++) {
    if (t === undefined || t.wellKnown) return undefined;
    const f = fieldsByName(t).get(path[i]);
    if (f === undefined) return undefined;
    if (i === path.length - 1) return entryOf(f);
    if (f.map && ++i === path.length - 1) return undefined; // a map value: no tags of its own
    t = f.type;
  }
  return undefined;
}

const perType = new WeakMap<SchemaType, PatchMeta>();

/** Metadata for a kind given by its type; the walk works on any compiled schema, not only the built-in one. */
export function patchMetaOf(t: SchemaType): PatchMeta {
  let m = perType.get(t);
  if (!m) {
    m = { lookup: (path) => lookupFrom(t, path) };
    perType.set(t, m);
  }
  return m;
}

/**
 * Metadata for one built-in kind. A kind without a table still gets ObjectMeta's tags
 * (finalizers, ownerReferences) under `metadata`, which every built-in object has.
 */
export function builtinPatchMetaFor(apiVersion: string, kind: string): PatchMeta {
  const t = schemaKind(apiVersion, kind);
  if (t !== undefined) return patchMetaOf(t);
  return metadataOnly;
}

const metadataOnly: PatchMeta = {
  lookup(path) {
    if (path.length < 2 || path[0] !== 'metadata') return undefined;
    return lookupFrom(builtinSchemaNow().types.get('ObjectMeta')!, path.slice(1));
  },
};
