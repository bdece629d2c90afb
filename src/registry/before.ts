/**
 * Invariants every resource shares, applied by the Store around the strategy hooks (upstream's
 * rest.BeforeCreate / rest.BeforeUpdate): system metadata is the server's, not the client's.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { badRequest, type FieldError, fieldForbidden } from '../apis/meta/errors.js';
import { type KubeObject, nowTimestamp } from '../apis/meta/types.js';
import type { ResourceDef } from './rest.js';

// upstream names.SimpleNameGenerator: no vowels, so generated suffixes never spell words.
const nameAlphabet = 'bcdfghjklmnpqrstvwxz2456789';
const maxGeneratedPrefix = 63 - 5;

export function generateName(base: string): string {
  let suffix = '';
  for (let i = 0; i < 5; i++) suffix += nameAlphabet[randomInt(nameAlphabet.length)];
  return base.slice(0, maxGeneratedPrefix) + suffix;
}

/** Namespace from the URL wins; a different one in the body is a 400, as upstream. */
export function reconcileNamespace(obj: KubeObject, def: ResourceDef, urlNamespace: string): void {
  if (!def.namespaced) {
    // upstream clears it for cluster-scoped objects (rest.BeforeCreate: objectMeta.SetNamespace(NamespaceNone))
    delete obj.metadata.namespace;
    return;
  }
  const bodyNs = obj.metadata.namespace;
  if (bodyNs && bodyNs !== urlNamespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  obj.metadata.namespace = urlNamespace;
}

// The timestamp text changes once a second; formatting it (toISOString + a regex) cost more than
// the rest of prepareMetaForCreate, so it is formatted once per second and reused.
let stampSecond = -1;
let stampText = '';

/** nowTimestamp(), formatted at most once per second. */
function currentSecond(): string {
  const second = Math.floor(Date.now() / 1000);
  if (second !== stampSecond) {
    stampSecond = second;
    stampText = nowTimestamp(new Date(second * 1000));
  }
  return stampText;
}

/** rest.BeforeCreate: fill the system fields and forget what the client sent for them. */
export function prepareMetaForCreate(obj: KubeObject, def: ResourceDef): void {
  const m = obj.metadata;
  m.uid = randomUUID();
  m.creationTimestamp = currentSecond();
  delete m.deletionTimestamp;
  delete m.deletionGracePeriodSeconds;
  delete m.resourceVersion;
  delete m.selfLink;
  if (def.generation) m.generation = 1;
  if (m.labels && Object.keys(m.labels).length === 0) delete m.labels;
  if (m.annotations && Object.keys(m.annotations).length === 0) delete m.annotations;
}

/**
 * rest.BeforeUpdate: fields only the server sets are carried over from the stored object; a body
 * that tries to rewrite them is corrected, not refused (upstream behaviour).
 */
export function prepareMetaForUpdate(obj: KubeObject, old: KubeObject, def: ResourceDef): FieldError[] {
  const m = obj.metadata;
  const o = old.metadata;
  const errs: FieldError[] = [];
  m.creationTimestamp = o.creationTimestamp;
  if (!m.uid) m.uid = o.uid;
  if (o.deletionTimestamp) m.deletionTimestamp = o.deletionTimestamp;
  else delete m.deletionTimestamp;
  if (o.deletionGracePeriodSeconds !== undefined) m.deletionGracePeriodSeconds = o.deletionGracePeriodSeconds;
  else delete m.deletionGracePeriodSeconds;
  delete m.selfLink;
  // Clients cannot set generation; strategies that track it bump it from the stored value.
  if (o.generation !== undefined) m.generation = o.generation;
  else delete m.generation;
  if (def.generation) {
    m.generation = o.generation ?? 1;
    if (specChanged(obj, old)) m.generation += 1;
  }
  if (o.deletionTimestamp) {
    const before = new Set(o.finalizers ?? []);
    const added = (m.finalizers ?? []).filter((f) => !before.has(f));
    if (added.length > 0) {
      errs.push(fieldForbidden('metadata.finalizers', `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map((f) => JSON.stringify(f)).join(', ')}}`));
    }
  }
  return errs;
}

/** Did anything besides metadata and status change? (What bumps metadata.generation.) */
export function specChanged(a: KubeObject, b: KubeObject): boolean {
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (k === 'metadata' || k === 'status' || k === 'apiVersion' || k === 'kind') continue;
    if (!semanticEqual(a[k], b[k])) return true;
  }
  return false;
}

/** Empty for Go: absent, null, [] and {} are all the zero value of a typed field. */
function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v as object).length === 0;
}

/** apiequality.Semantic.DeepEqual over JSON: nil and empty slices and maps are equal. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isEmptyValue(a) && isEmptyValue(b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => semanticEqual(v, bb[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ra), ...Object.keys(rb)])) if (!semanticEqual(ra[k], rb[k])) return false;
  return true;
}
