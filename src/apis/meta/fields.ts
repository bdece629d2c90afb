/**
 * Field selectors as apimachinery pkg/fields/selector.go: comma-separated `key=value`,
 * `key==value` and `key!=value` terms, values escaped with `\,` `\=` `\\`. Parse errors and
 * unsupported keys become 400 BadRequest with upstream's text, as the list handler answers them.
 */
import { badRequest } from './errors.js';

export interface FieldRequirement {
  readonly field: string;
  /** selection.Equals ("=" and "==") or selection.NotEquals. */
  readonly operator: '=' | '!=';
  /** Unescaped. */
  readonly value: string;
}

export interface FieldSelector {
  /** In upstream's order: terms are sorted as raw strings before parsing. */
  readonly requirements: readonly FieldRequirement[];
  /** Matches everything. */
  readonly empty: boolean;
}

/** splitTerms: split on commas that are not escaped; escapes stay in the terms. */
function splitTerms(s: string): string[] {
  if (s === '') return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(s.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(s.slice(start));
  return terms;
}

/** splitTerm: the first operator wins, "!=" and "==" before "=" at the same position. */
function splitTerm(term: string): [string, '=' | '==' | '!=', string] | null {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '='] as const) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return null;
}

/** fields.UnescapeValue. Upstream prints the offending rune with %v, i.e. as a number (61 for '='). */
export function unescapeFieldValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') throw badRequest(`invalid field selector: invalid escape sequence: \\${c}`);
      out += c;
      inSlash = false;
    } else if (c === '\\') {
      inSlash = true;
    } else if (c === ',' || c === '=') {
      throw badRequest(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    } else {
      out += c;
    }
  }
  if (inSlash) throw badRequest('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** fields.EscapeValue, the inverse of unescapeFieldValue. */
export function escapeFieldValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => `\\${c}`);
}

/** fields.ParseSelector. Throws 400 BadRequest with upstream's message. */
export function parseFieldSelector(s: string): FieldSelector {
  const requirements: FieldRequirement[] = [];
  for (const part of splitTerms(s).sort()) {
    if (part === '') continue;
    const t = splitTerm(part);
    if (!t) throw badRequest(`invalid selector: '${s}'; can't understand '${part}'`);
    requirements.push({ field: t[0], operator: t[1] === '!=' ? '!=' : '=', value: unescapeFieldValue(t[2]) });
  }
  return { requirements, empty: requirements.length === 0 };
}

/** A missing field reads as "", so `spec.nodeName=` selects objects without one. */
export function matchesFields(sel: FieldSelector, fields: Record<string, string>): boolean {
  return sel.requirements.every((r) => {
    const v = Object.hasOwn(fields, r.field) ? fields[r.field] : '';
    return r.operator === '=' ? v === r.value : v !== r.value;
  });
}

/** Selector.String(): terms in order, values re-escaped. */
export function fieldSelectorToString(sel: FieldSelector): string {
  return sel.requirements.map((r) => `${r.field}${r.operator}${escapeFieldValue(r.value)}`).join(',');
}

// Kinds whose field-label conversion func words its error differently from the common
// "field label not supported: <key>" (pkg/apis/<group>/<version>/conversion.go).
// Keyed by "<kind> <version>": built-in kind names are unique across groups where it matters.
const kindErrors: Record<string, (key: string) => string> = {
  'Job v1': (key) => `field label ${JSON.stringify(key)} not supported for batchv1.Job`,
};

/**
 * The list handler's FieldSelector.Transform through scheme.ConvertFieldLabel: the first key (in
 * requirement order) that `allowed` lacks is a 400. Which text depends on the kind:
 *  - kinds with their own conversion func (they all add keys beyond metadata.*) say
 *    `field label not supported: <key>` (batch/v1 Job has its own wording);
 *  - the rest fall back to DefaultMetaV1FieldSelectorConversion, which accepts metadata.name and
 *    metadata.namespace (even for cluster-scoped kinds, where it simply matches nothing) and says
 *    `"<key>" is not a known field selector: only "metadata.name", "metadata.namespace"`.
 * `version` may be "v1" or "batch/v1"; Pod's legacy `spec.host` is rewritten to `spec.nodeName`.
 * Custom resources always use the first wording; pass a non-default `allowed` for them.
 */
export function checkFieldSelectorKeys(sel: FieldSelector, allowed: readonly string[], kind: string, version: string): FieldSelector {
  const custom = allowed.some((k) => k !== 'metadata.name' && k !== 'metadata.namespace');
  const accepted = new Set(custom ? allowed : ['metadata.name', 'metadata.namespace']);
  const v = version.slice(version.lastIndexOf('/') + 1);
  const aliasHost = kind === 'Pod' && v === 'v1';
  const errorFor = kindErrors[`${kind} ${v}`];
  let rewritten = false;
  const requirements = sel.requirements.map((r) => {
    if (aliasHost && r.field === 'spec.host') {
      rewritten = true;
      return { ...r, field: 'spec.nodeName' };
    }
    if (accepted.has(r.field)) return r;
    if (!custom) throw badRequest(`${JSON.stringify(r.field)} is not a known field selector: only "metadata.name", "metadata.namespace"`);
    throw badRequest(errorFor ? errorFor(r.field) : `field label not supported: ${r.field}`);
  });
  return rewritten ? { requirements, empty: sel.empty } : sel;
}
