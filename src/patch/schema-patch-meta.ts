/**
 * Strategic-merge patch metadata read from the schema tables: a field path is walked through the
 * kind's type (list elements are transparent, a map's key is skipped) to the field, whose
 * `patchStrategy` / `patchMergeKey` struct tags the tables carry. Field maps are built once per
 * type on first use, so a lookup is one Map.get per path segment.
 */
import type { SchemaField, SchemaType } from '../schema/compile.js';
import type { PatchMeta, PatchMetaEntry } from './strategic-merge.js';

const fieldMaps = new WeakMap<SchemaType, Map<string, SchemaField>>();

/** A type's JSON fields by name, with inline (embedded) types flattened in. */
function fieldsOf(t: SchemaType): Map<string, SchemaField> {
  let m = fieldMaps.get(t);
  if (!m) {
    m = new Map();
    const add = (x: SchemaType) => {
      for (const f of x.fields) {
        if (f.inline && f.type) add(f.type);
        else m!.set(f.name, f);
      }
    };
    add(t);
    fieldMaps.set(t, m);
  }
  return m;
}

const entries = new WeakMap<SchemaField, PatchMetaEntry | null>();

/** The entry of a tagged field; untagged fields have none (maps merge, lists are replaced). */
function entryOf(f: SchemaField): PatchMetaEntry | undefined {
  let e = entries.get(f);
  if (e === undefined) {
    const { patchStrategy, patchMergeKey } = f.meta;
    e = null;
    if (patchStrategy || patchMergeKey) {
      // Only the members that say something, as the hand tables write them.
      e = {};
      if (patchStrategy) e.patchStrategy = patchStrategy;
      if (patchMergeKey) e.patchMergeKey = patchMergeKey;
      if (f.repeated) e.isList = true;
      if (f.repeated && f.kind !== 'message') e.isPrimitiveList = true;
    }
    entries.set(f, e);
  }
  return e ?? undefined;
}

export function lookupPatchMeta(root: SchemaType, path: readonly string[]): PatchMetaEntry | undefined {
  let t = root;
  for (let i = 0; i < path.length; i++) {
    const f = fieldsOf(t).get(path[i]);
    if (!f) return undefined;
    if (i === path.length - 1) return entryOf(f);
    if (f.kind !== 'message' || !f.type || f.type.wellKnown) return undefined;
    // A map's values sit one segment deeper, under their key.
    if (f.map && ++i === path.length - 1) return undefined;
    t = f.type;
  }
  return undefined;
}

export const schemaPatchMeta = (root: SchemaType): PatchMeta => ({ lookup: (path) => lookupPatchMeta(root, path) });
