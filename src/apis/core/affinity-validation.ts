/**
 * Pod scheduling constraints (validation.go validateAffinity and validateTopologySpreadConstraints):
 * node selector terms and their operators, preference weights, pod (anti-)affinity topology keys
 * and namespaces, and spread constraints' skew, topology key and unsatisfiable action.
 */
import { type FieldError, fieldDuplicate, fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import { isDNS1123Label, isQualifiedName, isValidLabelValue, validateLabelSelectorObject } from '../meta/validation.js';
import { type Obj, listAt, objAt, objectsAt, str } from './json-shapes.js';

/** ValidateNodeSelectorRequirement (label values checked, as for required node affinity). */
function validateRequirement(rq: Obj, path: string, isField: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const values = listAt(rq, 'values').map(str);
  const op = str(rq.operator);
  if (op === 'In' || op === 'NotIn') {
    if (values.length === 0) errs.push(fieldRequired(`${path}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
  } else if (!isField && (op === 'Exists' || op === 'DoesNotExist')) {
    if (values.length > 0) errs.push(fieldForbidden(`${path}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
  } else if (!isField && (op === 'Gt' || op === 'Lt')) {
    if (values.length !== 1) errs.push(fieldRequired(`${path}.values`, "must be specified single value when `operator` is 'Lt' or 'Gt'"));
  } else {
    errs.push(fieldInvalid(`${path}.operator`, op, 'not a valid selector operator'));
  }
  if (isField) {
    // ValidateNodeFieldSelectorRequirement: metadata.name only, with exactly one value.
    if (str(rq.key) !== 'metadata.name') errs.push(fieldInvalid(`${path}.key`, str(rq.key), 'not a valid field selector key'));
    if (values.length !== 1 && (op === 'In' || op === 'NotIn')) errs.push(fieldRequired(`${path}.values`, 'must be only one value when `operator` is \'In\' or \'NotIn\' for node field selector'));
    return errs;
  }
  errs.push(...isQualifiedName(str(rq.key)).map((m) => fieldInvalid(`${path}.key`, str(rq.key), m)));
  values.forEach((v, i) => errs.push(...isValidLabelValue(v).map((m) => fieldInvalid(`${path}.values[${i}]`, v, m))));
  return errs;
}

function validateTerm(term: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [rq, j] of objectsAt(term, 'matchExpressions')) errs.push(...validateRequirement(rq, `${path}.matchExpressions[${j}]`, false));
  for (const [rq, j] of objectsAt(term, 'matchFields')) errs.push(...validateRequirement(rq, `${path}.matchFields[${j}]`, true));
  return errs;
}

const weight = (w: unknown, path: string) => (typeof w === 'number' && w >= 1 && w <= 100 ? [] : [fieldInvalid(path, w ?? 0, 'must be in the range 1-100')]);

function validateNodeAffinity(na: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const required = objAt(na, 'requiredDuringSchedulingIgnoredDuringExecution');
  if (required) {
    const terms = objectsAt(required, 'nodeSelectorTerms');
    const p = `${path}.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
    if (terms.length === 0) errs.push(fieldRequired(p, 'must have at least one node selector term'));
    for (const [t, i] of terms) errs.push(...validateTerm(t, `${p}[${i}]`));
  }
  for (const [t, i] of objectsAt(na, 'preferredDuringSchedulingIgnoredDuringExecution')) {
    const p = `${path}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
    errs.push(...weight(t.weight, `${p}.weight`), ...validateTerm(objAt(t, 'preference') ?? {}, `${p}.preference`));
  }
  return errs;
}

/** validatePodAffinityTerm: selectors, namespaces and a topology key. */
function validatePodAffinityTerm(term: Obj, path: string): FieldError[] {
  const errs = [
    ...validateLabelSelectorObject(term.labelSelector, `${path}.labelSelector`),
    ...validateLabelSelectorObject(term.namespaceSelector, `${path}.namespaceSelector`),
  ];
  for (const ns of listAt(term, 'namespaces').map(str)) errs.push(...isDNS1123Label(ns).map((m) => fieldInvalid(`${path}.namespace`, ns, m)));
  const key = str(term.topologyKey);
  if (!key) errs.push(fieldRequired(`${path}.topologyKey`, 'can not be empty'));
  errs.push(...isQualifiedName(key).map((m) => fieldInvalid(`${path}.topologyKey`, key, m)));
  return errs;
}

function validatePodAffinity(pa: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [t, i] of objectsAt(pa, 'requiredDuringSchedulingIgnoredDuringExecution')) {
    errs.push(...validatePodAffinityTerm(t, `${path}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`));
  }
  for (const [t, i] of objectsAt(pa, 'preferredDuringSchedulingIgnoredDuringExecution')) {
    const p = `${path}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
    errs.push(...weight(t.weight, `${p}.weight`), ...validatePodAffinityTerm(objAt(t, 'podAffinityTerm') ?? {}, `${p}.podAffinityTerm`));
  }
  return errs;
}

export function validateAffinity(spec: Obj, path: string): FieldError[] {
  const affinity = objAt(spec, 'affinity');
  if (!affinity) return [];
  const errs: FieldError[] = [];
  const node = objAt(affinity, 'nodeAffinity');
  if (node) errs.push(...validateNodeAffinity(node, `${path}.nodeAffinity`));
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const pa = objAt(affinity, kind);
    if (pa) errs.push(...validatePodAffinity(pa, `${path}.${kind}`));
  }
  return errs;
}

/** validateTopologySpreadConstraints. */
export function validateTopologySpread(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  for (const [c, i] of objectsAt(spec, 'topologySpreadConstraints')) {
    const p = `${path}[${i}]`;
    if (typeof c.maxSkew !== 'number' || c.maxSkew <= 0) errs.push(fieldInvalid(`${p}.maxSkew`, c.maxSkew ?? 0, 'must be greater than zero'));
    const key = str(c.topologyKey);
    if (!key) errs.push(fieldRequired(`${p}.topologyKey`, 'can not be empty'));
    else errs.push(...isQualifiedName(key).map((m) => fieldInvalid(`${p}.topologyKey`, key, m)));
    const action = str(c.whenUnsatisfiable);
    if (!['DoNotSchedule', 'ScheduleAnyway'].includes(action)) errs.push(fieldNotSupported(`${p}.whenUnsatisfiable`, action, ['DoNotSchedule', 'ScheduleAnyway']));
    const pair = `${key}/${action}`;
    if (seen.has(pair)) errs.push(fieldDuplicate(p, `{${key}, ${action}}`));
    seen.add(pair);
    errs.push(...validateLabelSelectorObject(c.labelSelector, `${p}.labelSelector`));
  }
  return errs;
}
