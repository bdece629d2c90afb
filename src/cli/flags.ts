/**
 * A small flag parser with pflag's behaviour where users notice it: `--flag=value`,
 * `--flag value`, booleans without a value, `-v=4`, and errors that exit 2 with pflag's texts.
 */

/** stringSlice: comma-separated, and repeating the flag appends (pflag's StringSlice). */
export type FlagType = 'int' | 'string' | 'duration' | 'bool' | 'stringSlice';

export interface FlagDef {
  name: string;
  type: FlagType;
  default: string;
  usage: string;
  /** Optional. One-letter alias, e.g. 'v'. */
  short?: string;
}

import { parseDuration } from '../apis/meta/duration.js';

export { parseDuration };

export class FlagError extends Error {}

export type FlagValue = number | string | boolean | string[];

/** How pflag names a flag in messages: `-v, --v` when it has a shorthand. */
const flagLabel = (def: FlagDef) => (def.short ? `-${def.short}, --${def.name}` : `--${def.name}`);

function convert(def: FlagDef, raw: string): FlagValue {
  const fail = (why: string) => new FlagError(`invalid argument ${JSON.stringify(raw)} for "${flagLabel(def)}" flag: ${why}`);
  switch (def.type) {
    case 'int':
      if (!/^-?\d+$/.test(raw)) throw fail(`strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`);
      return Number(raw);
    case 'bool':
      if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(raw)) return true;
      if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(raw)) return false;
      throw fail(`strconv.ParseBool: parsing ${JSON.stringify(raw)}: invalid syntax`);
    case 'stringSlice':
      return raw === '' ? [] : raw.split(',').map((x) => x.trim());
    case 'duration':
      try {
        return parseDuration(raw);
      } catch (e) {
        throw fail((e as Error).message);
      }
    default:
      return raw;
  }
}

export function parseFlags(defs: readonly FlagDef[], argv: readonly string[]): { values: Map<string, FlagValue>; help: boolean } {
  const values = new Map<string, FlagValue>();
  const given = new Set<string>();
  for (const d of defs) values.set(d.name, convert(d, d.default));
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') { help = true; continue; }
    const m = /^(--?)([^=]+)(?:=(.*))?$/s.exec(arg);
    if (!m) throw new FlagError(`unexpected argument ${JSON.stringify(arg)}`);
    const [, dashes, name, inline] = m;
    const def = dashes === '--' ? defs.find((d) => d.name === name) : defs.find((d) => d.short === name);
    if (!def) throw new FlagError(dashes === '--' ? `unknown flag: --${name}` : `unknown shorthand flag: '${name}' in ${arg}`);
    let raw = inline;
    if (raw === undefined) {
      if (def.type === 'bool') raw = 'true';
      else if (i + 1 < argv.length) raw = argv[++i];
      else throw new FlagError(dashes === '--' ? `flag needs an argument: --${def.name}` : `flag needs an argument: '${name}' in ${arg}`);
    }
    const value = convert(def, raw);
    // A repeated slice flag appends to what the command line gave (not to the default).
    if (def.type === 'stringSlice' && given.has(def.name)) values.set(def.name, [...(values.get(def.name) as string[]), ...(value as string[])]);
    else values.set(def.name, value);
    given.add(def.name);
  }
  return { values, help };
}

export function usage(command: string, defs: readonly FlagDef[]): string {
  const lines = defs.map((d) => {
    const names = d.short ? `-${d.short}, --${d.name}` : `    --${d.name}`;
    const type = d.type === 'bool' ? '' : ` ${d.type === 'stringSlice' ? 'strings' : d.type}`;
    // As pflag: booleans show their default only when it is true; empty defaults are not shown.
    const shown = d.type === 'bool' ? d.default === 'true' : d.default !== '';
    const def = shown ? ` (default ${d.type === 'string' ? JSON.stringify(d.default) : d.default})` : '';
    return `  ${(names + type).padEnd(48)} ${d.usage}${def}`;
  });
  return `Usage:\n  kubets ${command} [flags]\n\nFlags:\n${lines.join('\n')}\n`;
}
