/**
 * Label selectors as apimachinery pkg/labels/selector.go: the `?labelSelector=` grammar (its lexer
 * and parser ported token for token, so error texts match), metav1.LabelSelector objects, matching,
 * and the canonical String() form. Parse errors become 400 BadRequest with upstream's text, as the
 * list handler wraps the query conversion error in NewBadRequest.
 */
import { ApiError, badRequest, type FieldError, fieldErrorMessage, fieldInvalid } from './errors.js';
import { goStrings, goValueError, isQualifiedName, isValidLabelValue } from './validation.js';

/** selection.Operator values: `!` is DoesNotExist, `gt`/`lt` compare as int64. */
export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  /** Parsed selectors hold these sorted and unique (a set); metav1 objects keep their order. */
  readonly values: readonly string[];
}

export interface LabelSelector {
  /** Sorted by key, as upstream, so String() is deterministic. */
  readonly requirements: readonly Requirement[];
  /** Matches everything (no requirements). */
  readonly empty: boolean;
  /** labels.Nothing(): what a nil metav1.LabelSelector converts to; matches no object. */
  readonly nothing: boolean;
}

const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;
/** strconv.ParseInt(s, 10, 64), or null when Go would fail. */
function parseInt64(s: string): bigint | null {
  if (!/^[+-]?[0-9]+$/.test(s)) return null;
  const n = BigInt(s);
  return n < int64Min || n > int64Max ? null : n;
}

/** Aggregate.Error(): one message bare, several deduplicated inside brackets. */
function aggregate(errs: FieldError[]): string {
  const msgs = [...new Set(errs.map((e) => fieldErrorMessage(e)))];
  return msgs.length === 1 ? msgs[0] : `[${msgs.join(', ')}]`;
}

/** labels.NewRequirement's checks with a nil path; values null is a nil Go slice. */
function newRequirement(key: string, operator: Operator, values: string[] | null): Requirement {
  const errs: FieldError[] = [];
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length > 0) errs.push(fieldInvalid('key', key, keyErrs.join('; ')));
  const vals = values ?? [];
  const invalidValues = (detail: string) => errs.push(goValueError('FieldValueInvalid', 'values', goStrings(values), detail));
  if ((operator === 'in' || operator === 'notin') && vals.length === 0) invalidValues("for 'in', 'notin' operators, values set can't be empty");
  if ((operator === '=' || operator === '==' || operator === '!=') && vals.length !== 1) invalidValues('exact-match compatibility requires one single value');
  if ((operator === 'exists' || operator === '!') && vals.length !== 0) invalidValues('values set must be empty for exists and does not exist');
  if (operator === 'gt' || operator === 'lt') {
    if (vals.length !== 1) invalidValues("for 'Gt', 'Lt' operators, exactly one value is required");
    vals.forEach((v, i) => {
      if (parseInt64(v) === null) errs.push(fieldInvalid(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
    });
  }
  vals.forEach((v, i) => {
    const m = isValidLabelValue(v);
    if (m.length > 0) errs.push(fieldInvalid(`values[${i}][${key}]`, v, m.join('; ')));
  });
  if (errs.length > 0) throw new SelectorError(aggregate(errs));
  return { key, operator, values: vals };
}

class SelectorError extends Error {}

const byKey = (a: Requirement, b: Requirement) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
const selector = (requirements: Requirement[]): LabelSelector =>
  ({ requirements: requirements.sort(byKey), empty: requirements.length === 0, nothing: false });

// ---- lexer: bytes in, (token, literal) out; NUL reads as end of input, as in Go ----

type Tok = 'eos' | ')' | ',' | '!' | '==' | '=' | '>' | 'id' | 'in' | '<' | '!=' | 'notin' | '(';
const string2token = new Map<string, Tok>([[')', ')'], [',', ','], ['!', '!'], ['==', '=='], ['=', '='], ['>', '>'],
  ['in', 'in'], ['<', '<'], ['!=', '!='], ['notin', 'notin'], ['(', '(']]);
const isWhitespace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isSpecial = (c: string) => c !== '' && '=!(),><'.includes(c);
const binaryOperators: Partial<Record<Tok, Operator>> = { in: 'in', '=': '=', '==': '==', '>': 'gt', '<': 'lt', notin: 'notin', '!=': '!=' };

function lex(s: string): Array<[Tok, string]> {
  let pos = 0;
  const read = () => (pos < s.length ? s[pos++] : '\0');
  const items: Array<[Tok, string]> = [];
  for (;;) {
    let ch = read();
    while (isWhitespace(ch)) ch = read();
    if (ch === '\0') {
      items.push(['eos', '']);
      return items;
    }
    pos--;
    let buf = '';
    if (isSpecial(ch)) {
      // Longest operator: keep reading specials while the buffer is still a known token.
      let last: [Tok, string] | null = null;
      for (let c = read(); c !== '\0'; c = read()) {
        if (!isSpecial(c)) { pos--; break; }
        buf += c;
        const t = string2token.get(buf);
        if (t) last = [t, buf];
        else if (last) { pos--; break; }
      }
      items.push(last!); // every single special character is a token, so last is set
    } else {
      for (let c = read(); c !== '\0'; c = read()) {
        if (isSpecial(c) || isWhitespace(c)) { pos--; break; }
        buf += c;
      }
      const kw = string2token.get(buf);
      items.push([kw ?? 'id', buf]);
    }
  }
}

// ---- parser: recursive descent over the token list; "in"/"notin" are identifiers where values go ----

function parse(s: string): Requirement[] {
  const items = lex(s);
  let position = 0;
  const asValue = (t: Tok): Tok => (t === 'in' || t === 'notin' ? 'id' : t);
  const lookahead = (values = true): [Tok, string] => [values ? asValue(items[position][0]) : items[position][0], items[position][1]];
  const consume = (values = true): [Tok, string] => { const r = lookahead(values); position++; return r; };
  const fail = (msg: string) => new SelectorError(msg);

  const parseRequirement = (): Requirement => {
    let [tok, lit] = consume();
    let operator: Operator | '' = '';
    if (tok === '!') { operator = '!'; [tok, lit] = consume(); }
    if (tok !== 'id') throw fail(`found '${lit}', expected: identifier`);
    const keyErrs = isQualifiedName(lit);
    if (keyErrs.length > 0) throw fail(`<nil>: Invalid value: ${JSON.stringify(lit)}: ${keyErrs.join('; ')}`);
    const key = lit;
    const [next] = lookahead();
    if ((next === 'eos' || next === ',') && operator !== '!') operator = 'exists';
    if (operator === 'exists' || operator === '!') return newRequirement(key, operator, []);
    const [opTok, opLit] = consume(false);
    const op = binaryOperators[opTok];
    if (!op) throw fail(`found '${opLit}', expected: in, notin, =, ==, !=, gt, lt`);
    const values = new Set<string>();
    if (op === 'in' || op === 'notin') {
      const [t, l] = consume();
      if (t !== '(') throw fail(`found '${l}' expected: '('`);
      const [first, firstLit] = lookahead();
      if (first === ')') {
        consume();
        values.add('');
      } else if (first === 'id' || first === ',') {
        for (let done = false; !done;) {
          const [vt, vl] = consume();
          if (vt === 'id') {
            values.add(vl);
            const [t2, l2] = lookahead();
            if (t2 === ')') done = true;
            else if (t2 !== ',') throw fail(`found '${l2}', expected: ',' or ')'`);
          } else if (vt === ',') {
            // "(,", ",)" and ",," each stand for an empty value.
            if (values.size === 0) values.add('');
            const [t2] = lookahead();
            if (t2 === ')') { values.add(''); done = true; } else if (t2 === ',') values.add('');
          } else {
            throw fail(`found '${vl}', expected: ',', or identifier`);
          }
        }
        consume();
      } else {
        throw fail(`found '${firstLit}', expected: ',', ')' or identifier`);
      }
    } else {
      const [t] = lookahead();
      if (t === 'eos' || t === ',') values.add('');
      else {
        const [vt, vl] = consume();
        if (vt !== 'id') throw fail(`found '${vl}', expected: identifier`);
        values.add(vl);
      }
    }
    return newRequirement(key, op, [...values].sort());
  };

  const requirements: Requirement[] = [];
  for (;;) {
    const [tok, lit] = lookahead();
    if (tok === 'eos') return requirements;
    if (tok !== 'id' && tok !== '!') throw fail(`found '${lit}', expected: !, identifier, or 'end of string'`);
    try {
      requirements.push(parseRequirement());
    } catch (e) {
      if (e instanceof SelectorError) throw fail(`unable to parse requirement: ${e.message}`);
      throw e;
    }
    const [t, l] = consume();
    if (t === 'eos') return requirements;
    if (t !== ',') throw fail(`found '${l}', expected: ',' or 'end of string'`);
    const [t2, l2] = lookahead();
    if (t2 !== 'id' && t2 !== '!') throw fail(`found '${l2}', expected: identifier after ','`);
  }
}

/** labels.Parse. Throws 400 BadRequest with upstream's message on bad input. */
export function parseLabelSelector(s: string): LabelSelector {
  try {
    return selector(parse(s));
  } catch (e) {
    if (e instanceof SelectorError) throw badRequest(e.message);
    throw e;
  }
}

export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

const objectOperators: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/**
 * metav1.LabelSelectorAsSelector: null/undefined matches nothing, {} matches everything. Invalid
 * keys, values or operators throw 400 with upstream's text (objects are normally validated earlier).
 */
export function labelSelectorFromObject(ls: LabelSelectorObject | null | undefined): LabelSelector {
  if (ls === null || ls === undefined) return { requirements: [], empty: false, nothing: true };
  try {
    const reqs = Object.entries(ls.matchLabels ?? {}).map(([k, v]) => newRequirement(k, '=', [v]));
    for (const e of ls.matchExpressions ?? []) {
      const op = objectOperators[e.operator];
      if (!op) throw new SelectorError(`${JSON.stringify(e.operator)} is not a valid label selector operator`);
      reqs.push(newRequirement(e.key, op, e.values && e.values.length > 0 ? [...e.values] : null));
    }
    return selector(reqs);
  } catch (e) {
    if (e instanceof SelectorError) throw new ApiError(400, 'BadRequest', e.message);
    throw e;
  }
}

export function matchesLabels(sel: LabelSelector, labels: Record<string, string> | undefined): boolean {
  if (sel.nothing) return false;
  const ls = labels ?? {};
  return sel.requirements.every((r) => {
    const has = Object.hasOwn(ls, r.key);
    switch (r.operator) {
      case 'in': case '=': case '==': return has && r.values.includes(ls[r.key]);
      case 'notin': case '!=': return !has || !r.values.includes(ls[r.key]);
      case 'exists': return has;
      case '!': return !has;
      case 'gt': case 'lt': {
        // A label value that is not an int64 never matches, as upstream.
        const v = has ? parseInt64(ls[r.key]) : null;
        const want = r.values.length === 1 ? parseInt64(r.values[0]) : null;
        if (v === null || want === null) return false;
        return r.operator === 'gt' ? v > want : v < want;
      }
    }
  });
}

const opText: Record<Operator, string> = { '=': '=', '==': '==', '!=': '!=', in: ' in ', notin: ' notin ', gt: '>', lt: '<', exists: '', '!': '' };

/** Requirement.String(): multi-value sets print sorted, so the output is canonical. */
function requirementString(r: Requirement): string {
  if (r.operator === '!') return `!${r.key}`;
  if (r.operator === 'exists') return r.key;
  const vals = r.values.length === 1 ? r.values[0] : [...r.values].sort().join(',');
  return r.operator === 'in' || r.operator === 'notin' ? `${r.key}${opText[r.operator]}(${vals})` : `${r.key}${opText[r.operator]}${vals}`;
}

/** Selector.String(): requirements joined by ","; "" for both Everything and Nothing. */
export function selectorToString(sel: LabelSelector): string {
  return sel.requirements.map(requirementString).join(',');
}

/**
 * LabelSelectorAsSelector(ls).String(), what the scale subresource puts in status.selector
 * (scaleFromDeployment and friends). Empty and nil selectors give "".
 */
export function labelSelectorToString(ls: LabelSelectorObject | null | undefined): string {
  return selectorToString(labelSelectorFromObject(ls));
}

/** metav1.FormatLabelSelector, as kubectl describe shows it: "<none>" when empty, "<error>" on bad input. */
export function formatLabelSelector(ls: LabelSelectorObject | null | undefined): string {
  try {
    return labelSelectorToString(ls) || '<none>';
  } catch {
    return '<error>';
  }
}
