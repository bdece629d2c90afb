/**
 * Test-only helpers for the group schema tables: the kinds a group serves in the compiled
 * schema, and the check that every type and field is described. (The field specs were carried
 * over from the protobuf message tables, which the schema tables have since replaced.)
 */
import assert from 'node:assert/strict';
import type { TypeTable } from '../../src/schema/format.js';

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
