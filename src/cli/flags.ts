/**
 * A small flag parser with pflag's behaviour where users notice it: `--flag=value`,
 * `--flag value`, booleans without a value, `-v=4`, and errors that exit 2 with pflag's texts.
 */

export type FlagType = 'int' | 'string' | 'duration' | 'bool';

export interface FlagDef {
  name: string;
  type: FlagType;
  default: string;
  usage: string;
  /** Optional. One-letter alias, e.g. 'v'. */
  short?: string;
}

export class FlagError extends Error {}

/** Go's time.ParseDuration for the units people use: 1m0s, 90s, 1h, 500ms, 1.5h. Returns ms. */
export function parseDuration(s: string): number {
  if (s === '0') return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/y;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  let i = 0;
  if (s.length === 0) throw new Error(`time: invalid duration ${JSON.stringify(s)}`);
  while (i < s.length) {
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m) throw new Error(`time: invalid duration ${JSON.stringify(s)}`);
    total += Number(m[1]) * unit[m[2]];
    i = re.lastIndex;
  }
  return total;
}

function convert(def: FlagDef, raw: string): number | string | boolean {
  const fail = (why: string) => new FlagError(`invalid argument ${JSON.stringify(raw)} for "--${def.name}" flag: ${why}`);
  switch (def.type) {
    case 'int':
      if (!/^-?\d+$/.test(raw)) throw fail(`strconv.ParseInt: parsing ${JSON.stringify(raw)}: invalid syntax`);
      return Number(raw);
    case 'bool':
      if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(raw)) return true;
      if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(raw)) return false;
      throw fail(`strconv.ParseBool: parsing ${JSON.stringify(raw)}: invalid syntax`);
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

export function parseFlags(defs: readonly FlagDef[], argv: readonly string[]): { values: Map<string, number | string | boolean>; help: boolean } {
  const values = new Map<string, number | string | boolean>();
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
      else throw new FlagError(`flag needs an argument: --${def.name}`);
    }
    values.set(def.name, convert(def, raw));
  }
  return { values, help };
}

export function usage(command: string, defs: readonly FlagDef[]): string {
  const lines = defs.map((d) => {
    const names = d.short ? `-${d.short}, --${d.name}` : `    --${d.name}`;
    const type = d.type === 'bool' ? '' : ` ${d.type}`;
    const def = d.default !== '' && d.type !== 'bool' ? ` (default ${d.type === 'string' ? JSON.stringify(d.default) : d.default})` : '';
    return `  ${(names + type).padEnd(48)} ${d.usage}${def}`;
  });
  return `Usage:\n  kubets ${command} [flags]\n\nFlags:\n${lines.join('\n')}\n`;
}
