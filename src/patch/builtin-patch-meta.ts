/**
 * Patch metadata for built-in kinds, read from the schema tables (the `patchStrategy` and
 * `patchMergeKey` struct tags they carry; schema-patch-meta.ts walks them). Fields without tags
 * behave as untagged fields: maps merge, lists are replaced. One PatchMeta per served kind is
 * made at startup; a lookup walks the kind's types, one Map.get per path segment.
 */
import { builtinSchema } from '../schema/tables.js';
import { lookupPatchMeta, schemaPatchMeta } from './schema-patch-meta.js';
import type { PatchMeta } from './strategic-merge.js';

const perKind = new Map<string, PatchMeta>();
for (const [gvk, t] of builtinSchema.kinds) perKind.set(gvk, schemaPatchMeta(t));

/** For a kind no table describes: every built-in object still has ObjectMeta's tags. */
const objectMeta = builtinSchema.types.get('ObjectMeta');
const metadataOnly: PatchMeta = {
  lookup: (path) => (objectMeta && path[0] === 'metadata' ? lookupPatchMeta(objectMeta, path.slice(1)) : undefined),
};

/** Metadata for one built-in kind, by apiVersion ('v1', 'apps/v1') and kind. */
export function builtinPatchMetaFor(apiVersion: string, kind: string): PatchMeta {
  const gvk = apiVersion.includes('/') ? `${apiVersion}/${kind}` : `/${apiVersion}/${kind}`;
  return perKind.get(gvk) ?? metadataOnly;
}

/**
 * Kind-agnostic: the first kind whose types know the path answers. Built-in types do not tag one
 * path differently in different kinds, so the answer does not depend on the order.
 */
export const builtinPatchMeta: PatchMeta = {
  lookup(path) {
    for (const m of perKind.values()) {
      const e = m.lookup(path);
      if (e) return e;
    }
    return undefined;
  },
};
