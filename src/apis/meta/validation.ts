/**
 * Name, label and ObjectMeta validation with upstream's texts (apimachinery pkg/util/validation,
 * pkg/api/validation/{objectmeta,generic}.go). Every message is copied verbatim, quirks included:
 * RegexError's double space ("'my-name',  or '123-abc'") and Go's %#v for non-string values.
 * Lengths are UTF-8 bytes because upstream uses len() on Go strings.
 */
import { type FieldError, fieldForbidden, fieldInvalid, fieldRequired, fieldTooLong } from './errors.js';
import type { ObjectMeta, OwnerReference } from './types.js';

const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');

function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join(' or ')}regex used for validation is '${fmt}')`;
}
const maxLenError = (n: number) => `must be no more than ${n} characters`;

const dns1123LabelFmt = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const dns1123SubdomainFmt = `${dns1123LabelFmt}(\\.${dns1123LabelFmt})*`;
const dns1035LabelFmt = '[a-z]([-a-z0-9]*[a-z0-9])?';
const qualifiedNameFmt = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const labelValueFmt = `(${qualifiedNameFmt})?`;
const anchored = (fmt: string) => new RegExp(`^${fmt}$`);
const dns1123LabelRe = anchored(dns1123LabelFmt);
const dns1123SubdomainRe = anchored(dns1123SubdomainFmt);
const dns1035LabelRe = anchored(dns1035LabelFmt);
const qualifiedNameRe = anchored(qualifiedNameFmt);
const labelValueRe = anchored(labelValueFmt);
const qualifiedNameErrMsg = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

export function isDNS1123Label(v: string): string[] {
  const errs: string[] = [];
  if (byteLength(v) > 63) errs.push(maxLenError(63));
  if (!dns1123LabelRe.test(v)) {
    // A valid subdomain that is not a label can only be failing on its dots (length was checked).
    errs.push(dns1123SubdomainRe.test(v) ? 'must not contain dots'
      : regexError("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character", dns1123LabelFmt, 'my-name', '123-abc'));
  }
  return errs;
}

/** The common shape: a length error, then a format error, both reported. */
function lengthAndFormat(v: string, max: number, re: RegExp, formatError: () => string): string[] {
  const errs = byteLength(v) > max ? [maxLenError(max)] : [];
  if (!re.test(v)) errs.push(formatError());
  return errs;
}

export const isDNS1123Subdomain = (v: string): string[] => lengthAndFormat(v, 253, dns1123SubdomainRe, () =>
  regexError("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character", dns1123SubdomainFmt, 'example.com'));

export const isDNS1035Label = (v: string): string[] => lengthAndFormat(v, 63, dns1035LabelRe, () =>
  regexError("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character", dns1035LabelFmt, 'my-name', 'abc-123'));

/** path.IsValidPathSegmentName: safe as one URL path segment and one storage key segment. */
export function isValidPathSegmentName(v: string): string[] {
  if (v === '.' || v === '..') return [`may not be '${v}'`];
  return isValidPathSegmentPrefix(v);
}

export function isValidPathSegmentPrefix(v: string): string[] {
  return ['/', '%'].filter((c) => v.includes(c)).map((c) => `may not contain '${c}'`);
}

/** Label keys, annotation keys (lower-cased first), finalizers: `[prefix/]name`. */
export function isQualifiedName(v: string): string[] {
  const errs: string[] = [];
  const parts = v.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    name = parts[1];
    if (parts[0].length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...isDNS1123Subdomain(parts[0]).map((m) => `prefix part ${m}`));
  } else {
    return [`a qualified name ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (byteLength(name) > 63) errs.push(`name part ${maxLenError(63)}`);
  if (!qualifiedNameRe.test(name)) errs.push(`name part ${regexError(qualifiedNameErrMsg, qualifiedNameFmt, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

export const isValidLabelValue = (v: string): string[] => lengthAndFormat(v, 63, labelValueRe, () =>
  regexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", labelValueFmt, 'MyValue', 'my_value', '12345'));

export type NameValidation = 'dns1123Subdomain' | 'dns1123Label' | 'dns1035Label' | 'pathSegment';

/**
 * upstream's ValidateNameFunc per kind. prefix=true validates a generateName: maskTrailingDash
 * swaps the last TWO characters for "a" (sic). Upstream panics on generateName "-"; we accept it.
 */
export function validateName(kind: NameValidation, name: string, prefix: boolean): string[] {
  if (kind === 'pathSegment') return prefix ? isValidPathSegmentPrefix(name) : isValidPathSegmentName(name);
  const v = prefix && name.endsWith('-') ? `${name.slice(0, Math.max(0, name.length - 2))}a` : name;
  return kind === 'dns1123Subdomain' ? isDNS1123Subdomain(v) : kind === 'dns1123Label' ? isDNS1123Label(v) : isDNS1035Label(v);
}

// ---- Go's %v / %#v for values that are not plain strings or numbers ----

/**
 * A field error whose value is printed as Go prints it (`[]string{"a"}`), which errors.ts's JSON
 * rendering cannot do: the value travels in the detail, so the message text is identical.
 */
export function goValueError(type: 'FieldValueInvalid' | 'FieldValueNotSupported', field: string, goValue: string, detail: string): FieldError {
  return { type, field, detail: `${goValue}: ${detail}` };
}

/** %#v of a []string; null is a nil slice. */
export function goStrings(v: readonly string[] | null): string {
  return v === null ? '[]string(nil)' : `[]string{${v.map((s) => JSON.stringify(s)).join(', ')}}`;
}

// %#v of []v1.OwnerReference. Upstream prints heap addresses for set pointers; ours are fixed.
const goBoolPtr = (b: boolean | undefined) => (b === undefined ? '(*bool)(nil)' : '(*bool)(0xc000010000)');
const goOwnerRefs = (refs: readonly OwnerReference[]) => `[]v1.OwnerReference{${refs.map((r) =>
  `v1.OwnerReference{APIVersion:${JSON.stringify(r.apiVersion ?? '')}, Kind:${JSON.stringify(r.kind ?? '')}, Name:${JSON.stringify(r.name ?? '')}, UID:${JSON.stringify(r.uid ?? '')}, Controller:${goBoolPtr(r.controller)}, BlockOwnerDeletion:${goBoolPtr(r.blockOwnerDeletion)}}`).join(', ')}}`;

// A lone OwnerReference prints through its generated protobuf String() (field.Error prefers Stringers).
const protoBoolPtr = (b: boolean | undefined) => (b === undefined ? 'nil' : `*${b}`);
const protoOwnerRef = (r: OwnerReference) =>
  `&OwnerReference{Kind:${r.kind ?? ''},Name:${r.name ?? ''},UID:${r.uid ?? ''},APIVersion:${r.apiVersion ?? ''},Controller:${protoBoolPtr(r.controller)},BlockOwnerDeletion:${protoBoolPtr(r.blockOwnerDeletion)},}`;

/** time.Time.String() in UTC, as metav1.Time prints in field errors; zero time when unset. */
export function goTime(ts: string | undefined): string {
  if (!ts) return '0001-01-01 00:00:00 +0000 UTC';
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return ts;
  const ms = d.getUTCMilliseconds();
  const frac = ms === 0 ? '' : `.${String(ms).padStart(3, '0').replace(/0+$/, '')}`;
  return `${d.toISOString().slice(0, 19).replace('T', ' ')}${frac} +0000 UTC`;
}

// ---- ObjectMeta pieces (objectmeta.go); field paths carry no map keys or indexes, as upstream ----

export function validateLabels(labels: Record<string, string> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const m of isQualifiedName(k)) errs.push(fieldInvalid(field, k, m));
    for (const m of isValidLabelValue(v)) errs.push(fieldInvalid(field, v, m));
  }
  return errs;
}

export const totalAnnotationSizeLimitBytes = 256 * 1024;

export function validateAnnotations(annotations: Record<string, string> | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    // Annotation keys are qualified names except that case does not matter.
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(fieldInvalid(field, k, m));
    size += byteLength(k) + byteLength(v);
  }
  if (size > totalAnnotationSizeLimitBytes) errs.push(fieldTooLong(field, '', totalAnnotationSizeLimitBytes));
  return errs;
}

export function validateOwnerReferences(refs: readonly OwnerReference[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const r of refs ?? []) {
    const apiVersion = r.apiVersion ?? '';
    // schema.ParseGroupVersion: "", "/" and anything with two or more slashes have no version.
    const slashes = apiVersion.split('/').length - 1;
    const version = apiVersion === '/' || slashes > 1 ? '' : apiVersion.slice(apiVersion.indexOf('/') + 1);
    const group = slashes === 1 && apiVersion !== '/' ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
    if (!version) errs.push(fieldInvalid(`${field}.apiVersion`, apiVersion, 'version must not be empty'));
    if (!r.kind) errs.push(fieldInvalid(`${field}.kind`, r.kind ?? '', 'must not be empty'));
    if (!r.name) errs.push(fieldInvalid(`${field}.name`, r.name ?? '', 'must not be empty'));
    if (!r.uid) errs.push(fieldInvalid(`${field}.uid`, r.uid ?? '', 'must not be empty'));
    if (group === '' && version === 'v1' && r.kind === 'Event') {
      errs.push(goValueError('FieldValueInvalid', field, protoOwnerRef(r), '/v1, Kind=Event is disallowed from being an owner'));
    }
    if (r.controller === true) {
      const cur = `${r.kind}/${r.name}`;
      if (firstController) {
        errs.push(goValueError('FieldValueInvalid', field, goOwnerRefs(refs ?? []),
          `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`));
      } else {
        firstController = cur;
      }
    }
  }
  return errs;
}

/** Qualified names; "orphan" and "foregroundDeletion" exclude each other. Duplicates are allowed. */
export function validateFinalizers(finalizers: readonly string[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers ?? []) for (const m of isQualifiedName(f)) errs.push(fieldInvalid(field, f, m));
  if (finalizers?.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errs.push(goValueError('FieldValueInvalid', field, goStrings(finalizers), 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

/** metav1validation.ValidateFieldManager: at most 128 bytes, printable characters only. */
export function validateFieldManager(manager: string, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (byteLength(manager) > 128) errs.push(fieldTooLong(field, manager, 128));
  let pos = 0;
  for (const ch of manager) {
    // unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
    if (!/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch)) {
      const code = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      errs.push(fieldInvalid(field, manager, `invalid character U+${code} (at position ${pos})`));
    }
    pos += byteLength(ch);
  }
  return errs;
}

function validateManagedFields(entries: readonly unknown[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  (entries ?? []).forEach((raw, i) => {
    const e = (raw ?? {}) as { operation?: string; fieldsType?: string; manager?: string; subresource?: string };
    const p = `${field}[${i}]`;
    if (e.operation !== 'Apply' && e.operation !== 'Update') errs.push(fieldInvalid(`${p}.operation`, e.operation ?? '', 'must be `Apply` or `Update`'));
    if (e.fieldsType && e.fieldsType !== 'FieldsV1') errs.push(fieldInvalid(`${p}.fieldsType`, e.fieldsType, 'must be `FieldsV1`'));
    errs.push(...validateFieldManager(e.manager ?? '', `${p}.manager`));
    if (byteLength(e.subresource ?? '') > 256) errs.push(fieldTooLong(`${p}.subresource`, e.subresource, 256));
  });
  return errs;
}

export interface ObjectMetaOptions {
  namespaced: boolean;
  nameValidation: NameValidation;
}

/**
 * ValidateObjectMeta on create. Expects name generation to have run already (as rest.BeforeCreate
 * does): an empty name is "name or generateName is required" even when generateName is set.
 */
export function validateObjectMeta(meta: ObjectMeta, opts: ObjectMetaOptions, fieldPrefix = 'metadata'): FieldError[] {
  const p = (child: string) => `${fieldPrefix}.${child}`;
  const errs: FieldError[] = [];
  if (meta.generateName) {
    for (const m of validateName(opts.nameValidation, meta.generateName, true)) errs.push(fieldInvalid(p('generateName'), meta.generateName, m));
  }
  if (!meta.name) errs.push(fieldRequired(p('name'), 'name or generateName is required'));
  else for (const m of validateName(opts.nameValidation, meta.name, false)) errs.push(fieldInvalid(p('name'), meta.name, m));
  if (opts.namespaced) {
    if (!meta.namespace) errs.push(fieldRequired(p('namespace')));
    else for (const m of isDNS1123Label(meta.namespace)) errs.push(fieldInvalid(p('namespace'), meta.namespace, m));
  } else if (meta.namespace) {
    errs.push(fieldForbidden(p('namespace'), 'not allowed on this type'));
  }
  if ((meta.generation ?? 0) < 0) errs.push(fieldInvalid(p('generation'), meta.generation, 'must be greater than or equal to 0'));
  errs.push(...validateLabels(meta.labels, p('labels')), ...validateAnnotations(meta.annotations, p('annotations')),
    ...validateOwnerReferences(meta.ownerReferences, p('ownerReferences')), ...validateFinalizers(meta.finalizers, p('finalizers')),
    ...validateManagedFields(meta.managedFields, p('managedFields')));
  return errs;
}

const sameInstant = (a: string | undefined, b: string | undefined) =>
  a === b || (a !== undefined && b !== undefined && new Date(a).getTime() === new Date(b).getTime());

/**
 * ValidateObjectMetaAccessorUpdate. deletionTimestamp and deletionGracePeriodSeconds are checked as
 * immutable here too, but upstream's rest.BeforeUpdate copies them from the old object first, so a
 * client's attempt to change them is silently dropped rather than rejected: callers must copy too.
 */
export function validateObjectMetaUpdate(newMeta: ObjectMeta, oldMeta: ObjectMeta, fieldPrefix = 'metadata'): FieldError[] {
  const p = (child: string) => `${fieldPrefix}.${child}`;
  const errs: FieldError[] = [];
  if (oldMeta.deletionTimestamp) {
    const old = new Set(oldMeta.finalizers ?? []);
    const extra = [...new Set((newMeta.finalizers ?? []).filter((f) => !old.has(f)))].sort();
    if (extra.length > 0) errs.push(fieldForbidden(p('finalizers'), `no new finalizers can be added if the object is being deleted, found new finalizers ${goStrings(extra)}`));
  }
  if (!newMeta.resourceVersion) errs.push(fieldInvalid(p('resourceVersion'), '', 'must be specified for an update'));
  if ((newMeta.generation ?? 0) < (oldMeta.generation ?? 0)) errs.push(fieldInvalid(p('generation'), newMeta.generation ?? 0, 'must not be decremented'));
  const immutable = 'field is immutable';
  for (const k of ['name', 'namespace', 'uid'] as const) {
    if ((newMeta[k] ?? '') !== (oldMeta[k] ?? '')) errs.push(fieldInvalid(p(k), newMeta[k] ?? '', immutable));
  }
  if (!sameInstant(newMeta.creationTimestamp, oldMeta.creationTimestamp)) {
    errs.push(goValueError('FieldValueInvalid', p('creationTimestamp'), goTime(newMeta.creationTimestamp), immutable));
  }
  if (!sameInstant(newMeta.deletionTimestamp, oldMeta.deletionTimestamp)) {
    errs.push(goValueError('FieldValueInvalid', p('deletionTimestamp'), newMeta.deletionTimestamp ? goTime(newMeta.deletionTimestamp) : 'null', immutable));
  }
  if (newMeta.deletionGracePeriodSeconds !== oldMeta.deletionGracePeriodSeconds) {
    errs.push(goValueError('FieldValueInvalid', p('deletionGracePeriodSeconds'), String(newMeta.deletionGracePeriodSeconds ?? 'null'), immutable));
  }
  errs.push(...validateLabels(newMeta.labels, p('labels')), ...validateAnnotations(newMeta.annotations, p('annotations')),
    ...validateOwnerReferences(newMeta.ownerReferences, p('ownerReferences')), ...validateManagedFields(newMeta.managedFields, p('managedFields')));
  return errs;
}

// ---- label selectors (metav1validation.ValidateLabelSelector) ----

/**
 * A metav1.LabelSelector as JSON, with AllowInvalidLabelValueInSelector off. Shared by pod
 * affinity terms and spread constraints; src/apis/apps/validation-fields.ts has the same rules for
 * workload selectors and can use this one.
 */
export function validateLabelSelectorObject(sel: unknown, field: string): FieldError[] {
  if (sel === null || typeof sel !== 'object' || Array.isArray(sel)) return [];
  const s = sel as { matchLabels?: Record<string, string>; matchExpressions?: Array<{ key?: string; operator?: string; values?: string[] }> };
  const errs = validateLabels(s.matchLabels, `${field}.matchLabels`);
  (Array.isArray(s.matchExpressions) ? s.matchExpressions : []).forEach((e, i) => {
    const p = `${field}.matchExpressions[${i}]`;
    const values = Array.isArray(e?.values) ? e.values : [];
    if (e?.operator === 'In' || e?.operator === 'NotIn') {
      if (values.length === 0) errs.push(fieldRequired(`${p}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (e?.operator === 'Exists' || e?.operator === 'DoesNotExist') {
      if (values.length > 0) errs.push(fieldForbidden(`${p}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(fieldInvalid(`${p}.operator`, e?.operator ?? '', 'not a valid selector operator'));
    }
    for (const m of isQualifiedName(e?.key ?? '')) errs.push(fieldInvalid(`${p}.key`, e?.key ?? '', m));
    values.forEach((v, j) => { for (const m of isValidLabelValue(String(v))) errs.push(fieldInvalid(`${p}.values[${j}]`, v, m)); });
  });
  return errs;
}
