/**
 * resource.Quantity's canonical text (Quantity.String / CanonicalizeBytes), which is what the
 * server stores and returns for every quantity it decoded: "0.5" -> "500m", "1000M" -> "1G",
 * "0.5Gi" -> "512Mi", "1.5Ki" -> "1536". Exact arithmetic on BigInt mantissas, as upstream's
 * int64Amount/inf.Dec are exact. v1 defaulting also rounds every ResourceList value up to
 * milli precision (SetDefaults_ResourceList); plain quantities keep nano precision.
 *
 *   text ──parse──> mantissa × 10^exp (× 1024^k for binary suffixes), format from the suffix
 *        ──round up to the scale──> canonical mantissa/suffix for that format
 */

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const decimalSuffixes: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binarySuffixes: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const decimalByExp = new Map(Object.entries(decimalSuffixes).map(([s, e]) => [e, s]));
const binaryNames = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];

// Same grammar as ParseQuantity: a signed decimal number, then one suffix or exponent.
const grammar = /^([+-]?)(\d*)(?:\.(\d*))?(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;

interface Amount { mantissa: bigint; exp: number; format: Format }

function parse(text: string): Amount | null {
  const m = grammar.exec(text.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const digits = `${m[2]}${m[3] ?? ''}`;
  let mantissa = BigInt(digits || '0');
  if (m[1] === '-') mantissa = -mantissa;
  let exp = -(m[3] ?? '').length;
  let format: Format = 'DecimalSI';
  if (m[4]) { format = 'DecimalExponent'; exp += Number(m[4].slice(1)); }
  else if (m[5] && m[5] in binarySuffixes) { format = 'BinarySI'; mantissa *= 1024n ** BigInt(binarySuffixes[m[5]]); }
  else exp += decimalSuffixes[m[5] ?? ''];
  return { mantissa, exp, format };
}

/** RoundUp(scale): fewer decimal places than 10^scale are rounded away from zero. */
function roundUp(a: Amount, scale: number): Amount {
  if (a.exp >= scale) return a;
  const div = 10n ** BigInt(scale - a.exp);
  const neg = a.mantissa < 0n;
  const abs = neg ? -a.mantissa : a.mantissa;
  const q = abs / div + (abs % div === 0n ? 0n : 1n);
  return { ...a, mantissa: neg ? -q : q, exp: scale };
}

function decimalText(a: Amount, format: Format): string {
  let { mantissa, exp } = a;
  while (mantissa % 10n === 0n) { mantissa /= 10n; exp++; }
  // The exponent goes down to a multiple of three (Go's % keeps the dividend's sign).
  const r = ((exp % 3) + 3) % 3;
  mantissa *= 10n ** BigInt(r);
  exp -= r;
  if (format === 'DecimalExponent') return exp === 0 ? `${mantissa}` : `${mantissa}e${exp}`;
  const suffix = decimalByExp.get(exp);
  return suffix === undefined ? `${mantissa}e${exp}` : `${mantissa}${suffix}`;
}

function canonical(a: Amount): string {
  if (a.mantissa === 0n) return '0';
  if (a.format === 'BinarySI') {
    const scale = a.exp >= 0 ? 10n ** BigInt(a.exp) : 1n;
    const div = a.exp < 0 ? 10n ** BigInt(-a.exp) : 1n;
    const whole = a.mantissa * scale;
    const exact = whole % div === 0n;
    let n = whole / div;
    // Small or fractional binary values print in decimal, so nothing is lost.
    if (exact && (n >= 1024n || n <= -1024n)) {
      let k = 0;
      while (k < 6 && n % 1024n === 0n) { n /= 1024n; k++; }
      return `${n}${binaryNames[k]}`;
    }
    return decimalText(a, 'DecimalSI');
  }
  return decimalText(a, a.format);
}

/** The canonical text of a quantity, or undefined when it does not parse. */
export function canonicalQuantity(value: unknown, scale = -9): string | undefined {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') return undefined;
  const a = parse(text);
  return a ? canonical(roundUp(a, scale)) : undefined;
}

/** SetDefaults_ResourceList plus canonical text for every value of a resource map. */
export function canonicalizeResourceList(list: unknown): void {
  if (list === null || typeof list !== 'object' || Array.isArray(list)) return;
  const m = list as Record<string, unknown>;
  for (const [k, v] of Object.entries(m)) {
    const c = canonicalQuantity(v, -3);
    if (c !== undefined) m[k] = c;
  }
}
