/** Go durations (time.ParseDuration), as flags and the ?timeout= parameter spell them. */

/** Go's time.ParseDuration (sign, decimals, units ns..h) with its error texts. Returns ms. */
export function parseDuration(s: string): number {
  const quoted = JSON.stringify(s);
  let rest = s;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest[0] === '-' ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') throw new Error(`time: invalid duration ${quoted}`);
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  while (rest !== '') {
    const num = /^(\d*)(?:\.(\d*))?/.exec(rest)!;
    if (num[0] === '' || num[0] === '.' || (num[1] === '' && (num[2] ?? '') === '')) throw new Error(`time: invalid duration ${quoted}`);
    rest = rest.slice(num[0].length);
    const u = /^[^\d.]*/.exec(rest)![0];
    if (u === '') throw new Error(`time: missing unit in duration ${quoted}`);
    if (!(u in unit)) throw new Error(`time: unknown unit ${JSON.stringify(u)} in duration ${quoted}`);
    rest = rest.slice(u.length);
    total += Number(`${num[1] || '0'}.${num[2] || '0'}`) * unit[u];
  }
  return sign * total;
}
