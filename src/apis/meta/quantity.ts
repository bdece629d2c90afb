/**
 * resource.Quantity values ("100m", "1.5Gi", "2e3") as numbers, for comparing and summing
 * requests and limits (quota, limit ranges). Floats are exact enough for admission decisions on
 * the scales Kubernetes uses; the canonical string form is not reproduced.
 */

const suffixes: Record<string, number> = {
  '': 1, n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

const pattern = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;

/** null when the text is not a quantity. */
export function parseQuantity(v: unknown): number | null {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return null;
  const m = pattern.exec(v.trim());
  if (!m) return null;
  const base = Number(m[1]);
  if (m[2]) return base * 10 ** Number(m[2].slice(1));
  return base * suffixes[m[3] ?? ''];
}

/** A short form for messages: integers as they are, fractions of a core in millis. */
export function formatQuantity(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const milli = Math.round(n * 1000);
  return `${milli}m`;
}
