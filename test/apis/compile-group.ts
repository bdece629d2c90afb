/**
 * Shared by the group schema tests: compile one group's tables together with every table already
 * listed in src/schema/tables.ts, standing in empty types only for the named references that no
 * listed table defines yet (owned by other helpers' tables, landing in parallel). A name outside
 * that list still fails as an unknown reference, so a typo cannot hide behind a stand-in.
 */
import { compileTables, type CompiledSchema, type SchemaType } from '../../src/schema/compile.js';
import type { TypeTable } from '../../src/schema/format.js';
import { builtinTables } from '../../src/schema/tables.js';

export function compileGroup(group: TypeTable | readonly TypeTable[], external: readonly string[]): CompiledSchema {
  const mine: readonly TypeTable[] = Array.isArray(group) ? group : [group as TypeTable];
  const others = builtinTables.filter((t) => !mine.includes(t));
  const known = new Set(others.flatMap((t) => Object.keys(t)));
  const standIns: Record<string, { name: string; description: string; fields: [] }> = {};
  for (const ref of external) {
    if (!known.has(ref)) standIns[ref] = { name: `stand-in.${ref}`, description: '', fields: [] };
  }
  return compileTables([...others, ...mine, standIns]);
}

/** Field of a compiled type by JSON name; throws so a test names what is missing. */
export function field(t: SchemaType | undefined, name: string) {
  const f = t?.fields.find((x) => x.name === name);
  if (!f) throw new Error(`no field ${name} in ${t?.ref}`);
  return f;
}

/** JSON names of the required fields of a compiled type, in table order. */
export const requiredOf = (t: SchemaType | undefined): string[] =>
  (t?.fields ?? []).filter((f) => f.meta.required).map((f) => f.name);

/** Types and fields whose description is missing or too short to help a `kubectl explain` reader. */
export function undescribed(table: TypeTable): string[] {
  const out: string[] = [];
  for (const [ref, def] of Object.entries(table)) {
    if (def.description.length < 12) out.push(ref);
    for (const [spec, text] of def.fields) if (text.length < 8) out.push(`${ref}: ${spec}`);
  }
  return out;
}
