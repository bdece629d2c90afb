/**
 * Field checks the workload groups share (apps, batch, policy, networking, ...): label selectors
 * (metav1 validation), non-negative counts, int-or-percent values, immutable fields, and the Go
 * `%#v` renderings upstream's messages embed for maps, selectors and IntOrStrings. Kept beside
 * apps because the workload controllers are its first users; other groups import it from here.
 */
import { type FieldError, fieldInvalid } from '../meta/errors.js';
import { type LabelSelectorObject, labelSelectorFromObject, matchesLabels } from '../meta/labels.js';
import { goStrings, goValueError } from '../meta/validation.js';

export type Obj = Record<string, unknown>;

/** The value as a plain object, or an empty one (absent, null or not an object). */
export const asObj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Obj : {});

/** Child object `key` of `parent`, created when missing (for defaulting). */
export function child(parent: Obj, key: string): Obj {
  const v = parent[key];
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as Obj;
  const fresh: Obj = {};
  parent[key] = fresh;
  return fresh;
}

/** Sets parent[key] when it is absent or null (a Go nil pointer), as SetDefaults_* do. */
export function setDefault(parent: Obj, key: string, value: unknown): void {
  if (parent[key] === undefined || parent[key] === null) parent[key] = value;
}

// ---- Go %#v renderings, so message texts match upstream's byte for byte ----

/** %#v of a map[string]string: keys sorted, nil map when absent. */
export function goStringMap(m: unknown): string {
  if (m === null || m === undefined || typeof m !== 'object') return 'map[string]string(nil)';
  const keys = Object.keys(m as Obj).sort();
  return `map[string]string{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(String((m as Obj)[k]))}`).join(', ')}}`;
}

/** %#v of a v1.LabelSelector (field.Error dereferences the pointer; the value is no Stringer). */
export function goLabelSelector(sel: unknown): string {
  if (sel === null || sel === undefined) return 'null';
  const s = sel as LabelSelectorObject;
  const exprs = s.matchExpressions === undefined || s.matchExpressions === null ? '[]v1.LabelSelectorRequirement(nil)'
    : `[]v1.LabelSelectorRequirement{${s.matchExpressions.map((e) =>
      `v1.LabelSelectorRequirement{Key:${JSON.stringify(e.key ?? '')}, Operator:${JSON.stringify(e.operator ?? '')}, Values:${goStrings(e.values ?? null)}}`).join(', ')}}`;
  return `v1.LabelSelector{MatchLabels:${goStringMap(s.matchLabels)}, MatchExpressions:${exprs}}`;
}

/** %#v of an intstr.IntOrString (Type 0 is an int, 1 a string). */
export function goIntOrString(v: unknown): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${JSON.stringify(v)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${typeof v === 'number' ? v : 0}, StrVal:""}`;
}

// ---- checks ----

/** ValidateNonnegativeField: absent values are Go zeroes and pass. */
export function nonNegative(v: unknown, field: string): FieldError[] {
  return typeof v === 'number' && v < 0 ? [fieldInvalid(field, v, 'must be greater than or equal to 0')] : [];
}

/** ValidateImmutableField, with a caller-supplied rendering of the new value. */
export function immutable(newVal: unknown, oldVal: unknown, field: string, equal: (a: unknown, b: unknown) => boolean, render?: (v: unknown) => string): FieldError[] {
  if (equal(newVal, oldVal)) return [];
  return [render ? goValueError('FieldValueInvalid', field, render(newVal), 'field is immutable') : fieldInvalid(field, newVal ?? null, 'field is immutable')];
}

/** ValidateLabelSelector: one implementation, shared with core (meta/validation.ts). */
export { validateLabelSelectorObject as validateLabelSelector } from '../meta/validation.js';

/** Does the selector select these labels? null when the selector cannot be parsed (LabelSelectorAsSelector fails). */
export function selectorMatches(sel: unknown, labels: unknown): boolean | null {
  try {
    return matchesLabels(labelSelectorFromObject(sel as LabelSelectorObject), labels as Record<string, string> | undefined);
  } catch {
    return null;
  }
}

export const isEmptySelector = (sel: unknown): boolean => {
  const s = asObj(sel);
  return Object.keys(asObj(s.matchLabels)).length + (Array.isArray(s.matchExpressions) ? s.matchExpressions.length : 0) === 0;
};

/** The template-labels mismatch every controller reports the same way. */
export const selectorMismatch = (field: string, labels: unknown): FieldError =>
  goValueError('FieldValueInvalid', field, goStringMap(labels), '`selector` does not match template `labels`');

// ---- int-or-percent (apps validation's ValidatePositiveIntOrPercent and friends) ----

const percentRe = /^[0-9]+%$/;
const percentMsg = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

export function positiveIntOrPercent(v: unknown, field: string): FieldError[] {
  if (typeof v === 'string') return percentRe.test(v) ? [] : [goValueError('FieldValueInvalid', field, goIntOrString(v), percentMsg)];
  if (typeof v === 'number') return nonNegative(v, field);
  return [];
}

/** getIntOrPercentValue: a percentage's number, an int as is; a bad string counts as 0. */
export function intOrPercentValue(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && percentRe.test(v)) return Number.parseInt(v.slice(0, -1), 10);
  return 0;
}

export function notMoreThan100Percent(v: unknown, field: string): FieldError[] {
  if (typeof v !== 'string' || !percentRe.test(v) || intOrPercentValue(v) <= 100) return [];
  return [goValueError('FieldValueInvalid', field, goIntOrString(v), 'must not be greater than 100%')];
}
