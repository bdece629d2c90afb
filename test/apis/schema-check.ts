/**
 * Test-only helpers for the group schema tables: stand-in types for references owned by other
 * tables (until those land in main, so a group's table compiles on its own), and the check that
 * every type and field is described.
 */
import assert from 'node:assert/strict';
import type { TypeTable } from '../../src/schema/format.js';

/** Empty types under the given reference names; only names another table owns belong here. */
export function standIns(names: readonly string[]): TypeTable {
  return Object.fromEntries(names.map((n) => [n, { name: `stand-in.${n}`, description: '', fields: [] }]));
}

/** Every field and type has a description, and no description is left as a placeholder. */
export function assertDescribed(table: TypeTable): void {
  for (const [ref, def] of Object.entries(table)) {
    assert.ok(def.description.length > 10, `${ref} needs a description`);
    for (const [spec, description] of def.fields) assert.ok(description.length > 5, `${ref} field "${spec}" needs a description`);
  }
}
