/**
 * Test-only helpers for the group schema tables: the kinds a group serves in the compiled
 * schema, the check that every type and field is described, and field look-ups by reference. (The field specs were carried
 * over from the protobuf message tables, which the schema tables have since replaced.)
 */
import assert from 'node:assert/strict';
import type { TypeTable } from '../../src/schema/format.js';
import { builtinResources } from '../../src/apis/catalog.js';
import { builtinSchema } from '../../src/schema/tables.js';
import { field, requiredOf } from './compile-group.js';

/**
 * The "group/version/Kind" keys the compiled schema serves with a type of this table, sorted
 * (the option kinds and WatchEvent that meta/v1 registers in every group version are left out).
 */
export function groupKinds(kinds: ReadonlyMap<string, { readonly ref: string }>, table: TypeTable): string[] {
  return [...kinds].filter(([, t]) => Object.hasOwn(table, t.ref)).map(([k]) => k).sort();
}

/** Every field and type has a description, and no description is left as a placeholder. */
export function assertDescribed(table: TypeTable): void {
  for (const [ref, def] of Object.entries(table)) {
    assert.ok(def.description.length > 10, `${ref} needs a description`);
    for (const [spec, description] of def.fields) assert.ok(description.length > 5, `${ref} field "${spec}" needs a description`);
  }
}

/** A field of a type in the built-in schema, by reference and JSON name; fails naming what is missing. */
export const builtinField = (ref: string, name: string) => field(builtinSchema.types.get(ref), name);

/** JSON names of the required fields of a type in the built-in schema, in table order. */
export const builtinRequired = (ref: string): string[] => {
  const t = builtinSchema.types.get(ref);
  assert.ok(t, `${ref} is in the built-in schema`);
  return requiredOf(t);
};

/**
 * What the catalog serves in these groups that the compiled kinds lack: each kind, the List of
 * each stored (non-virtual) kind, and each subresource body whose group is one of them (such as
 * autoscaling/v1 Scale or policy/v1 Eviction). seen counts the group versions' kinds looked at,
 * so a test can tell an empty catalog from a complete schema.
 */
export function missingServedKinds(kinds: ReadonlyMap<string, unknown>, groups: ReadonlySet<string>): { seen: number; missing: string[] } {
  const missing: string[] = [];
  let seen = 0;
  const want = (key: string) => { if (!kinds.has(key)) missing.push(key); };
  for (const def of builtinResources) {
    for (const version of def.versions) {
      if (groups.has(def.group)) {
        seen++;
        want(`${def.group}/${version}/${def.kind}`);
        if (!def.virtual) want(`${def.group}/${version}/${def.kind}List`);
      }
      for (const sub of def.subresources ?? []) {
        const group = sub.group ?? def.group;
        if (groups.has(group)) want(`${group}/${sub.version ?? version}/${sub.kind}`);
      }
    }
  }
  return { seen, missing };
}
