/**
 * The few pieces of Go runtime behaviour whose output reaches clients through patch errors:
 * fmt's %v/%s, reflect type names, strconv.Atoi, sort.SliceStable (its result depends on the
 * algorithm when the comparator is not a strict order, which strategic merge relies on), and
 * encoding/json's syntax-error texts. Values are parsed JSON, seen the way Go decodes them with
 * PreserveInts: integral numbers are int64, the rest float64.
 */
import { isObject } from './json-value.js';

/** reflect.TypeOf(v).String() for a decoded JSON value; null has no type in Go. */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '%!s(<nil>)';
  if (Array.isArray(v)) return '[]interface {}';
  switch (typeof v) {
    case 'string': return 'string';
    case 'boolean': return 'bool';
    case 'number': return Number.isInteger(v) ? 'int64' : 'float64';
    default: return 'map[string]interface {}';
  }
}

/** The JSON kind word encoding/json uses in "cannot unmarshal X into Go value of type T". */
export function goJsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string': return 'string';
    case 'boolean': return 'bool';
    case 'number': return 'number';
    default: return 'object';
  }
}

/** fmt.Sprintf("%v") or ("%s") of a decoded JSON value; map keys print sorted, as fmt does. */
export function goSprint(v: unknown, verb: 'v' | 's' = 'v'): string {
  if (v === null || v === undefined) return verb === 'v' ? '<nil>' : '%!s(<nil>)';
  if (Array.isArray(v)) return `[${v.map((x) => goSprint(x, verb)).join(' ')}]`;
  if (isObject(v)) return `map[${Object.keys(v).sort().map((k) => `${k}:${goSprint(v[k], verb)}`).join(' ')}]`;
  if (typeof v === 'string') return v;
  const text = typeof v === 'number' ? (Number.isInteger(v) ? BigInt(v).toString() : goFloat(v)) : String(v);
  return verb === 'v' ? text : `%!s(${goTypeName(v)}=${text})`;
}

/** %v of a float64: shortest digits, exponent form when exp < -4 || exp >= 6 (strconv 'g', -1). */
function goFloat(f: number): string {
  const [mant, expText] = f.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return String(f);
}

/** strconv.Atoi: optional sign, decimal digits, int64 range; errors carry Go's text. */
export function goAtoi(s: string): { value: bigint } | { error: string } {
  if (!/^[+-]?[0-9]+$/.test(s)) return { error: `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax` };
  const value = BigInt(s);
  if (value > 9223372036854775807n || value < -9223372036854775808n) {
    return { error: `strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range` };
  }
  return { value };
}

/**
 * sort.SliceStable: insertion sort on blocks of 20, then in-place symmerge. Ported rather than
 * using Array.prototype.sort because upstream's comparators answer "true" for unknown items, and
 * with such a comparator only the same algorithm gives the same order.
 */
export function goSliceStable<T>(data: T[], less: (a: T, b: T) => boolean): void {
  const n = data.length;
  const lessAt = (i: number, j: number) => less(data[i], data[j]);
  const swap = (i: number, j: number) => { const t = data[i]; data[i] = data[j]; data[j] = t; };
  const insertion = (a: number, b: number) => {
    for (let i = a + 1; i < b; i++) for (let j = i; j > a && lessAt(j, j - 1); j--) swap(j, j - 1);
  };
  const swapRange = (a: number, b: number, k: number) => { for (let i = 0; i < k; i++) swap(a + i, b + i); };
  const rotate = (a: number, m: number, b: number) => {
    let i = m - a, j = b - m;
    while (i !== j) {
      if (i > j) { swapRange(m - i, m, j); i -= j; } else { swapRange(m - i, m + j - i, i); j -= i; }
    }
    swapRange(m - i, m, i);
  };
  const symMerge = (a: number, m: number, b: number): void => {
    if (m - a === 1) {
      let i = m, j = b;
      while (i < j) { const h = (i + j) >>> 1; if (lessAt(h, a)) i = h + 1; else j = h; }
      for (let k = a; k < i - 1; k++) swap(k, k + 1);
      return;
    }
    if (b - m === 1) {
      let i = a, j = m;
      while (i < j) { const h = (i + j) >>> 1; if (!lessAt(m, h)) i = h + 1; else j = h; }
      for (let k = m; k > i; k--) swap(k, k - 1);
      return;
    }
    const mid = (a + b) >>> 1, nn = mid + m;
    let start: number, r: number;
    if (m > mid) { start = nn - b; r = mid; } else { start = a; r = m; }
    const p = nn - 1;
    while (start < r) { const c = (start + r) >>> 1; if (!lessAt(p - c, c)) start = c + 1; else r = c; }
    const end = nn - start;
    if (start < m && m < end) rotate(start, m, end);
    if (a < start && start < mid) symMerge(a, start, mid);
    if (mid < end && end < b) symMerge(mid, end, b);
  };
  let block = 20, a = 0, b = block;
  for (; b <= n; a = b, b += block) insertion(a, b);
  insertion(a, n);
  for (; block < n; block *= 2) {
    for (a = 0, b = 2 * block; b <= n; a = b, b += 2 * block) symMerge(a, a + block, b);
    if (a + block < n) symMerge(a, a + block, n);
  }
}

// ---- encoding/json's scanner, for its error texts ----

const enum S {
  BeginValueOrEmpty, BeginValue, BeginStringOrEmpty, BeginString, EndValue, EndTop, InString, InStringEsc,
  InStringEscU, Neg, One, Zero, Dot, Dot0, E, ESign, E0, Literal,
}
const KEY = 0, VALUE = 1, ELEM = 2;

/** quoteChar from encoding/json: the byte as a rune, strconv.Quote'd between single quotes. */
function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r', 0x5c: '\\\\' };
  if (named[c]) return `'${named[c]}'`;
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, '0')}'`;
  if (c >= 0x80 && (c < 0xa1 || c === 0xad)) return `'\\u${c.toString(16).padStart(4, '0')}'`;
  return `'${String.fromCharCode(c)}'`;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * The SyntaxError text encoding/json's checkValid reports for this input, or null when Go would
 * accept it. Includes the nesting limit ("invalid character '[' exceeded max depth").
 */
export function goJsonSyntaxError(input: string | Uint8Array, maxDepth = 10000): string | null {
  const data = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const stack: number[] = [];
  let state = S.BeginValue as S, lit = '', litWord = '', escU = 0;
  const fail = (c: number, context: string) => `invalid character ${quoteChar(c)} ${context}`;
  const step = (c: number): string | null => {
    for (;;) {
      switch (state) {
        case S.BeginValueOrEmpty:
          if (isSpace(c)) return null;
          state = c === 0x5d ? S.EndValue : S.BeginValue;
          continue;
        case S.BeginValue:
          if (isSpace(c)) return null;
          switch (c) {
            case 0x7b: case 0x5b:
              stack.push(c === 0x7b ? KEY : ELEM);
              if (stack.length > maxDepth) return fail(c, 'exceeded max depth');
              state = c === 0x7b ? S.BeginStringOrEmpty : S.BeginValueOrEmpty;
              return null;
            case 0x22: state = S.InString; return null;
            case 0x2d: state = S.Neg; return null;
            case 0x30: state = S.Zero; return null;
            case 0x74: lit = 'rue'; litWord = 'true'; state = S.Literal; return null;
            case 0x66: lit = 'alse'; litWord = 'false'; state = S.Literal; return null;
            case 0x6e: lit = 'ull'; litWord = 'null'; state = S.Literal; return null;
          }
          if (c >= 0x31 && c <= 0x39) { state = S.One; return null; }
          return fail(c, 'looking for beginning of value');
        case S.BeginStringOrEmpty:
          if (isSpace(c)) return null;
          if (c === 0x7d) { stack[stack.length - 1] = VALUE; state = S.EndValue; continue; }
          state = S.BeginString;
          continue;
        case S.BeginString:
          if (isSpace(c)) return null;
          if (c === 0x22) { state = S.InString; return null; }
          return fail(c, 'looking for beginning of object key string');
        case S.EndValue: {
          if (stack.length === 0) { state = S.EndTop; continue; }
          if (isSpace(c)) return null;
          const top = stack.length - 1;
          if (stack[top] === KEY) {
            if (c === 0x3a) { stack[top] = VALUE; state = S.BeginValue; return null; }
            return fail(c, 'after object key');
          }
          if (stack[top] === VALUE) {
            if (c === 0x2c) { stack[top] = KEY; state = S.BeginString; return null; }
            if (c === 0x7d) { stack.pop(); state = stack.length === 0 ? S.EndTop : S.EndValue; return null; }
            return fail(c, 'after object key:value pair');
          }
          if (c === 0x2c) { state = S.BeginValue; return null; }
          if (c === 0x5d) { stack.pop(); state = stack.length === 0 ? S.EndTop : S.EndValue; return null; }
          return fail(c, 'after array element');
        }
        case S.EndTop:
          return isSpace(c) ? null : fail(c, 'after top-level value');
        case S.InString:
          if (c === 0x22) state = S.EndValue;
          else if (c === 0x5c) state = S.InStringEsc;
          else if (c < 0x20) return fail(c, 'in string literal');
          return null;
        case S.InStringEsc:
          if ('bfnrt\\/"'.includes(String.fromCharCode(c))) { state = S.InString; return null; }
          if (c === 0x75) { state = S.InStringEscU; escU = 0; return null; }
          return fail(c, 'in string escape code');
        case S.InStringEscU:
          if (!/[0-9a-fA-F]/.test(String.fromCharCode(c))) return fail(c, 'in \\u hexadecimal character escape');
          if (++escU === 4) state = S.InString;
          return null;
        case S.Neg:
          if (c === 0x30) { state = S.Zero; return null; }
          if (c >= 0x31 && c <= 0x39) { state = S.One; return null; }
          return fail(c, 'in numeric literal');
        case S.One:
          if (isDigit(c)) return null;
          state = S.Zero;
          continue;
        case S.Zero:
          if (c === 0x2e) { state = S.Dot; return null; }
          if (c === 0x65 || c === 0x45) { state = S.E; return null; }
          state = S.EndValue;
          continue;
        case S.Dot:
          if (isDigit(c)) { state = S.Dot0; return null; }
          return fail(c, 'after decimal point in numeric literal');
        case S.Dot0:
          if (isDigit(c)) return null;
          if (c === 0x65 || c === 0x45) { state = S.E; return null; }
          state = S.EndValue;
          continue;
        case S.E:
          if (c === 0x2b || c === 0x2d) { state = S.ESign; return null; }
          state = S.ESign;
          continue;
        case S.ESign:
          if (isDigit(c)) { state = S.E0; return null; }
          return fail(c, 'in exponent of numeric literal');
        case S.E0:
          if (isDigit(c)) return null;
          state = S.EndValue;
          continue;
        case S.Literal:
          if (c !== lit.charCodeAt(0)) return fail(c, `in literal ${litWord} (expecting '${lit[0]}')`);
          lit = lit.slice(1);
          if (lit === '') state = S.EndValue;
          return null;
      }
    }
  };
  for (const c of data) {
    const err = step(c);
    if (err !== null) return err;
  }
  // eof(): a trailing number or literal may still complete on a virtual space.
  const atEnd = () => state === S.EndTop;
  if (atEnd()) return null;
  const err = step(0x20);
  if (err !== null) return err;
  return atEnd() ? null : 'unexpected end of JSON input';
}
