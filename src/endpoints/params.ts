/**
 * Query parameters as the apiserver decodes them: url.Values -> metav1 ListOptions, DeleteOptions
 * and Create/Update/PatchOptions through runtime's string conversions, then the metav1 validation.
 * Decoding failures are 400 BadRequest carrying Go's own error text (the handlers wrap them in
 * NewBadRequest); validation failures are 422 Invalid on `<Kind>.meta.k8s.io ""`.
 * Only the first value of a repeated parameter counts, except dryRun, which keeps all.
 */
import { badRequest, type FieldError, fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired, invalid } from '../apis/meta/errors.js';
import { parseFieldSelector } from '../apis/meta/fields.js';
import { parseLabelSelector } from '../apis/meta/labels.js';
import { goStrings, goValueError, validateFieldManager } from '../apis/meta/validation.js';

/** strconv.ParseBool, for parameters upstream parses that way (e.g. `pretty`). */
export function parseBool(v: string): boolean {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v)) return false;
  throw badRequest(`strconv.ParseBool: parsing ${JSON.stringify(v)}: invalid syntax`);
}

/**
 * runtime.Convert_Slice_string_To_bool, how every boolean *option* (watch, allowWatchBookmarks,
 * sendInitialEvents, orphanDependents, force) is read: only "0" and "false" (any case) are false;
 * anything else, including "" and "yes", is true. It never fails.
 */
export function parseQueryBool(v: string): boolean {
  return !(v === '0' || v.toLowerCase() === 'false');
}

const uint64Max = 2n ** 64n - 1n;

/** strconv.ParseInt(v, 10, 64): 400 with Go's "invalid syntax" / "value out of range" text. */
export function parseInt64(v: string): number {
  const fail = (why: string) => badRequest(`strconv.ParseInt: parsing ${JSON.stringify(v)}: ${why}`);
  const neg = v.startsWith('-');
  const digits = v.startsWith('+') || neg ? v.slice(1) : v;
  if (digits === '') throw fail('invalid syntax');
  let n = 0n;
  for (const c of digits) {
    if (c < '0' || c > '9') throw fail('invalid syntax');
    n = n * 10n + BigInt(c.charCodeAt(0) - 48);
    // Go's ParseUint stops at the first overflow, before it sees later bad characters.
    if (n > uint64Max) throw fail('value out of range');
  }
  if (neg ? n > 2n ** 63n : n > 2n ** 63n - 1n) throw fail('value out of range');
  return Number(neg ? -n : n);
}

export interface ListParams {
  /** Present when given; already checked to parse (400 otherwise). */
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  resourceVersionMatch?: 'NotOlderThan' | 'Exact';
  /** Only when > 0: upstream treats 0 and negative limits as "no limit". */
  limit?: number;
  continue?: string;
  watch: boolean;
  allowWatchBookmarks: boolean;
  /** Only when non-zero: upstream picks its randomized default for 0. */
  timeoutSeconds?: number;
  /** undefined when absent: validation distinguishes absent from false. */
  sendInitialEvents?: boolean;
}

export interface ListParamsOptions {
  /** The WatchList feature gate; on by default in v1.32. */
  watchListEnabled?: boolean;
}

/**
 * The list/watch handler's DecodeParameters + ValidateListOptions. Errors come in upstream's order:
 * integers (url.Values -> v1), then labelSelector and fieldSelector (v1 -> internal), then 422s.
 */
export function parseListParams(query: URLSearchParams, opts: ListParamsOptions = {}): ListParams {
  const str = (name: string) => query.get(name) || undefined;
  const bool = (name: string) => (query.has(name) ? parseQueryBool(query.get(name)!) : undefined);
  const timeoutSeconds = query.has('timeoutSeconds') ? parseInt64(query.get('timeoutSeconds')!) : 0;
  const limit = query.has('limit') ? parseInt64(query.get('limit')!) : 0;
  const labelSelector = query.get('labelSelector') ?? undefined;
  if (labelSelector !== undefined) parseLabelSelector(labelSelector);
  const fieldSelector = query.get('fieldSelector') ?? undefined;
  if (fieldSelector !== undefined) parseFieldSelector(fieldSelector);

  const p: ListParams = {
    labelSelector, fieldSelector, resourceVersion: str('resourceVersion'), continue: str('continue'),
    watch: bool('watch') ?? false, allowWatchBookmarks: bool('allowWatchBookmarks') ?? false, sendInitialEvents: bool('sendInitialEvents'),
    limit: limit > 0 ? limit : undefined, timeoutSeconds: timeoutSeconds !== 0 ? timeoutSeconds : undefined,
  };
  const match = str('resourceVersionMatch');
  const errs = validateListOptions(p, match ?? '', opts.watchListEnabled ?? true);
  if (errs.length > 0) throw invalid('ListOptions', 'meta.k8s.io', '', errs);
  if (match === 'NotOlderThan' || match === 'Exact') p.resourceVersionMatch = match;
  return p;
}

/** internalversion/validation.ValidateListOptions (and validateWatchOptions for watches). */
function validateListOptions(p: ListParams, match: string, watchListEnabled: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const rvm = 'resourceVersionMatch';
  if (p.watch) {
    if (p.sendInitialEvents !== undefined) {
      if (match !== 'NotOlderThan') errs.push(fieldForbidden(rvm, 'sendInitialEvents requires setting resourceVersionMatch to NotOlderThan'));
      if (!watchListEnabled) errs.push(fieldForbidden('sendInitialEvents', 'sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled'));
    }
    if (match) {
      if (p.sendInitialEvents === undefined) errs.push(fieldForbidden(rvm, 'resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided'));
      if (match !== 'NotOlderThan') errs.push(fieldNotSupported(rvm, match, ['NotOlderThan']));
      if (p.continue) errs.push(fieldForbidden(rvm, 'resourceVersionMatch is forbidden when continue is provided'));
    }
    return errs;
  }
  if (match) {
    if (!p.resourceVersion) errs.push(fieldForbidden(rvm, 'resourceVersionMatch is forbidden unless resourceVersion is provided'));
    if (p.continue) errs.push(fieldForbidden(rvm, 'resourceVersionMatch is forbidden when continue is provided'));
    if (match !== 'Exact' && match !== 'NotOlderThan') errs.push(fieldNotSupported(rvm, match, ['Exact', 'NotOlderThan', '']));
    if (match === 'Exact' && p.resourceVersion === '0') errs.push(fieldForbidden(rvm, 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"'));
  }
  if (p.sendInitialEvents !== undefined) errs.push(fieldForbidden('sendInitialEvents', 'sendInitialEvents is forbidden for list'));
  return errs;
}

const dryRunErrors = (dryRun: readonly string[]): FieldError[] =>
  dryRun.every((v) => v === 'All') ? [] : [goValueError('FieldValueNotSupported', 'dryRun', goStrings(dryRun), 'supported values: "All"')];

export interface DeleteParams {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  orphanDependents?: boolean;
  /** dryRun=All was given (every value must be "All"). */
  dryRun: boolean;
}

/** metav1validation.ValidateDeleteOptions; throws 422 on DeleteOptions.meta.k8s.io. Also for bodies. */
export function validateDeleteOptions(o: { propagationPolicy?: string; orphanDependents?: boolean; dryRun?: readonly string[] }): void {
  const errs: FieldError[] = [];
  if (o.orphanDependents !== undefined && o.propagationPolicy !== undefined) {
    errs.push(fieldInvalid('propagationPolicy', o.propagationPolicy, 'orphanDependents and deletionPropagation cannot be both set'));
  }
  if (o.propagationPolicy !== undefined && !['Foreground', 'Background', 'Orphan'].includes(o.propagationPolicy)) {
    errs.push(fieldNotSupported('propagationPolicy', o.propagationPolicy, ['Foreground', 'Background', 'Orphan', 'nil']));
  }
  errs.push(...dryRunErrors(o.dryRun ?? []));
  if (errs.length > 0) throw invalid('DeleteOptions', 'meta.k8s.io', '', errs);
}

/**
 * DELETE's query form of DeleteOptions. Upstream reads the query only when the request has no
 * body; with a body, the body alone counts (validate it with validateDeleteOptions).
 */
export function parseDeleteParams(query: URLSearchParams): DeleteParams {
  const grace = query.has('gracePeriodSeconds') ? parseInt64(query.get('gracePeriodSeconds')!) : undefined;
  const orphanDependents = query.has('orphanDependents') ? parseQueryBool(query.get('orphanDependents')!) : undefined;
  const propagationPolicy = query.get('propagationPolicy') ?? undefined;
  const dryRun = query.getAll('dryRun');
  validateDeleteOptions({ propagationPolicy, orphanDependents, dryRun });
  return { gracePeriodSeconds: grace, propagationPolicy: propagationPolicy as DeleteParams['propagationPolicy'], orphanDependents, dryRun: dryRun.length > 0 };
}

export type WriteOptionsKind = 'CreateOptions' | 'UpdateOptions' | 'PatchOptions';

export interface WriteParams {
  dryRun: boolean;
  /** "" when not given; the caller defaults it (apply requires it). */
  fieldManager: string;
  /** "" when not given; upstream's handlers then behave as for "Warn". */
  fieldValidation: '' | 'Ignore' | 'Warn' | 'Strict';
  /** PatchOptions only; apply patches alone may set it. */
  force?: boolean;
}

/**
 * Create/Update/PatchOptions from the query, validated like Validate{Create,Update,Patch}Options
 * (422 on `<kind>.meta.k8s.io ""`). For PatchOptions pass apply: true for apply patches.
 */
export function parseWriteParams(query: URLSearchParams, kind: WriteOptionsKind, opts: { apply?: boolean } = {}): WriteParams {
  const dryRun = query.getAll('dryRun');
  const fieldManager = query.get('fieldManager') ?? '';
  const fieldValidation = query.get('fieldValidation') ?? '';
  const force = kind === 'PatchOptions' && query.has('force') ? parseQueryBool(query.get('force')!) : undefined;
  const errs: FieldError[] = [];
  if (kind === 'PatchOptions') {
    if (!opts.apply && force !== undefined) errs.push(fieldForbidden('force', 'may not be specified for non-apply patch'));
    if (opts.apply && fieldManager === '') errs.push(fieldRequired('fieldManager', 'is required for apply patch'));
  }
  errs.push(...validateFieldManager(fieldManager, 'fieldManager'), ...dryRunErrors(dryRun));
  if (!['', 'Ignore', 'Strict', 'Warn'].includes(fieldValidation)) errs.push(fieldNotSupported('fieldValidation', fieldValidation, ['', 'Ignore', 'Strict', 'Warn']));
  if (errs.length > 0) throw invalid(kind, 'meta.k8s.io', '', errs);
  return { dryRun: dryRun.length > 0, fieldManager, fieldValidation: fieldValidation as WriteParams['fieldValidation'], force };
}
