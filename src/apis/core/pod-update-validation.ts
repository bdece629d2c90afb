/**
 * What a pod update may change (validation.go ValidatePodUpdate): container images, a shorter
 * activeDeadlineSeconds, added tolerations, removed scheduling gates, and a negative grace period
 * raised to 1. Anything else in spec is Forbidden with upstream's message, followed by a listing
 * of the differing fields (upstream prints a go-cmp diff; ours names each changed path).
 */
import { type FieldError, fieldForbidden, fieldInvalid, fieldRequired } from '../meta/errors.js';
import { semanticEqual } from '../../registry/before.js';
import { type Obj, isObj, listAt, objectsAt, str } from './json-shapes.js';
import { specDiff } from './spec-diff.js';
import { inclusiveRangeError } from './value-formats.js';

const updatableFields = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
].join(',');

const maxInt32 = 2147483647;

/** ValidateContainerUpdates: same number of containers, each still with a usable image. */
function validateContainerUpdates(spec: Obj, old: Obj, list: string): { errs: FieldError[]; stop: boolean } {
  const path = `spec.${list}`;
  if (listAt(spec, list).length !== listAt(old, list).length) return { errs: [fieldForbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  for (const [c, i] of objectsAt(spec, list)) {
    const image = str(c.image);
    if (!image) errs.push(fieldRequired(`${path}[${i}].image`));
    if (image.trim() !== image) errs.push(fieldInvalid(`${path}[${i}].image`, image, 'must not have leading or trailing whitespace'));
  }
  return { errs, stop: false };
}

/** Each old toleration must still be there, tolerationSeconds aside. */
function onlyAddedTolerations(spec: Obj, old: Obj): FieldError[] {
  const fresh = listAt(spec, 'tolerations').filter(isObj);
  for (const o of listAt(old, 'tolerations').filter(isObj)) {
    const kept = fresh.some((t) => semanticEqual({ ...o, tolerationSeconds: t.tolerationSeconds }, t));
    if (!kept) return [fieldForbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return [];
}

function onlyDeletedGates(spec: Obj, old: Obj): FieldError[] {
  const before = new Set(listAt(old, 'schedulingGates').filter(isObj).map((g) => str(g.name)));
  for (const g of listAt(spec, 'schedulingGates').filter(isObj)) {
    if (!before.has(str(g.name))) return [fieldForbidden('spec.schedulingGates', `only deletion is allowed, but found new scheduling gate '${str(g.name)}'`)];
  }
  return [];
}

function activeDeadline(spec: Obj, old: Obj): FieldError[] {
  const next = spec.activeDeadlineSeconds;
  const prev = old.activeDeadlineSeconds;
  const field = 'spec.activeDeadlineSeconds';
  if (typeof next === 'number') {
    if (next < 0 || next > maxInt32) return [fieldInvalid(field, next, inclusiveRangeError(0, maxInt32))];
    if (typeof prev === 'number' && prev < next) return [fieldInvalid(field, next, 'must be less than or equal to previous value')];
  } else if (typeof prev === 'number') {
    return [fieldInvalid(field, null, 'must not update from a positive integer to nil value')];
  }
  return [];
}

/** The spec with every field an update may change reset to the stored value. */
function munge(spec: Obj, old: Obj): Obj {
  const m: Obj = structuredClone(spec);
  for (const list of ['containers', 'initContainers']) {
    const olds = listAt(old, list);
    listAt(m, list).forEach((c, i) => { if (isObj(c) && isObj(olds[i])) c.image = (olds[i] as Obj).image; });
  }
  for (const k of ['activeDeadlineSeconds', 'schedulingGates', 'tolerations']) {
    if (old[k] === undefined) delete m[k];
    else m[k] = old[k];
  }
  const oldGrace = old.terminationGracePeriodSeconds;
  if (typeof oldGrace === 'number' && oldGrace < 0 && m.terminationGracePeriodSeconds === 1) m.terminationGracePeriodSeconds = oldGrace;
  return m;
}

export function validatePodSpecUpdate(specValue: unknown, oldValue: unknown): FieldError[] {
  const spec = isObj(specValue) ? specValue : {};
  const old = isObj(oldValue) ? oldValue : {};
  const errs: FieldError[] = [];
  for (const list of ['containers', 'initContainers']) {
    const r = validateContainerUpdates(spec, old, list);
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const deadline = activeDeadline(spec, old);
  if (deadline.length > 0 && typeof spec.activeDeadlineSeconds === 'number') return [...errs, ...deadline];
  errs.push(...deadline, ...onlyAddedTolerations(spec, old), ...onlyDeletedGates(spec, old));
  if (semanticEqual(spec, old)) return errs;
  const munged = munge(spec, old);
  if (!semanticEqual(munged, old)) {
    errs.push(fieldForbidden('spec', `pod updates may not change fields other than ${updatableFields}\n${specDiff(old, munged, 'spec')}`));
  }
  return errs;
}
