/**
 * The shared vocabulary of the built-in catalog: a compact ResourceDef builder, the common
 * subresources (status, scale) and the strategy shapes many resources share. Every group module
 * under src/apis/ uses it; it lives in core/ because core is the group every other one builds on.
 */
import type { KubeObject } from '../meta/types.js';
import type { ResourceDef, ScaleDef, Strategy, SubresourceDef } from '../../registry/rest.js';

export interface GroupVersions {
  group: string;
  /** Served versions, preferred first. */
  versions: string[];
}

export type DefOptions = Partial<Omit<ResourceDef, 'group' | 'versions' | 'resource' | 'kind' | 'namespaced'>>;

/**
 * A ResourceDef with upstream's usual defaults: singular name is the lower-cased kind, names are
 * DNS-1123 subdomains, subresources are listed alphabetically (as discovery lists them).
 */
export function defineResource(gv: GroupVersions, resource: string, kind: string, namespaced: boolean, opts: DefOptions = {}): ResourceDef {
  const def: ResourceDef = {
    singularName: kind.toLowerCase(),
    nameValidation: 'dns1123Subdomain',
    strategy: {},
    ...opts,
    group: gv.group,
    versions: [...gv.versions],
    resource,
    kind,
    namespaced,
  };
  // Fresh arrays per def: callers may share one options object between several resources.
  if (def.shortNames) def.shortNames = [...def.shortNames];
  if (def.categories) def.categories = [...def.categories];
  if (def.verbs) def.verbs = [...def.verbs];
  // Plain code-unit order (the names are lower-case ASCII): localeCompare would load ICU's
  // collator at import, which costs every start-up ~10 ms.
  if (def.subresources) def.subresources = [...def.subresources].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return def;
}

const readWrite = () => ['get', 'patch', 'update'];

/** `<resource>/status`: the status half of an object, same kind as the resource. */
export const statusSubresource = (kind: string): SubresourceDef => ({ name: 'status', kind, verbs: readWrite() });

/** `<resource>/scale`: autoscaling/v1 Scale over the workload's replicas. */
export const scaleSubresource = (): SubresourceDef => ({ name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: readWrite() });

/** Where apps/v1 workloads keep replicas and their LabelSelector. */
export const replicasScale = (): ScaleDef => ({ specReplicasPath: 'spec.replicas', statusReplicasPath: 'status.replicas', selectorPath: 'spec.selector' });

/** Runs each part's hooks in order; validation errors and field selectors are concatenated. */
export function composeStrategies(...parts: Strategy[]): Strategy {
  const s: Strategy = {};
  const has = <K extends keyof Strategy>(k: K) => parts.filter((p) => p[k] !== undefined);
  const create = has('prepareForCreate');
  if (create.length) s.prepareForCreate = (obj, ctx) => { for (const p of create) p.prepareForCreate!(obj, ctx); };
  const update = has('prepareForUpdate');
  if (update.length) s.prepareForUpdate = (obj, old, ctx) => { for (const p of update) p.prepareForUpdate!(obj, old, ctx); };
  const validate = has('validate');
  if (validate.length) s.validate = (obj, ctx) => validate.flatMap((p) => p.validate!(obj, ctx));
  const validateUpdate = has('validateUpdate');
  if (validateUpdate.length) s.validateUpdate = (obj, old, ctx) => validateUpdate.flatMap((p) => p.validateUpdate!(obj, old, ctx));
  const canon = has('canonicalize');
  if (canon.length) s.canonicalize = (obj) => { for (const p of canon) p.canonicalize!(obj); };
  const attrs = has('fieldSelectorAttrs');
  if (attrs.length) s.fieldSelectorAttrs = (obj) => Object.assign({}, ...attrs.map((p) => p.fieldSelectorAttrs!(obj)));
  const keys = parts.flatMap((p) => p.fieldSelectorKeys ?? []);
  if (keys.length) s.fieldSelectorKeys = keys;
  if (parts.some((p) => p.allowCreateOnUpdate)) s.allowCreateOnUpdate = true;
  return s;
}

/**
 * Upstream's most common shape: create may not set status (PrepareForCreate resets it to the
 * zero status, or to `initial` where upstream sets values), and an update of the main resource
 * keeps the stored status (PrepareForUpdate: `new.Status = old.Status`).
 */
export function statusReset(initial: () => Record<string, unknown> = () => ({})): Strategy {
  return {
    prepareForCreate(obj) { obj.status = initial(); },
    prepareForUpdate(obj, old) {
      if (old.status === undefined) delete obj.status;
      else obj.status = structuredClone(old.status);
    },
  };
}

/** Field selector keys with their value functions (upstream's field label conversion + GetAttrs). */
export function fieldSelectors(attrs: Record<string, (obj: KubeObject) => string>): Strategy {
  const keys = Object.keys(attrs);
  return {
    fieldSelectorKeys: keys,
    fieldSelectorAttrs(obj) {
      const out: Record<string, string> = {};
      for (const k of keys) out[k] = attrs[k](obj);
      return out;
    },
  };
}

/** The value at a dotted path, or undefined when any step is missing. */
export function valueAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const step of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[step];
  }
  return cur;
}

/** A field rendered as Go's fields.Set would hold it: strings as-is, numbers and bools formatted. */
export function fieldString(obj: unknown, path: string, zero = ''): string {
  const v = valueAt(obj, path);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return zero;
}

/** The object's `spec` (or another top-level field) as a record, created when missing. */
export function section(obj: KubeObject, key: string): Record<string, unknown> {
  const v = obj[key];
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  const fresh: Record<string, unknown> = {};
  obj[key] = fresh;
  return fresh;
}

/**
 * Bumps metadata.generation for a change upstream counts beyond spec (deployment annotations,
 * endpoint slice labels). The Store has already set it to old (+1 on spec change), so this lands
 * on the same old+1 and never bumps twice.
 */
export function bumpGeneration(obj: KubeObject, old: KubeObject): void {
  obj.metadata.generation = (old.metadata.generation ?? 1) + 1;
}

/** Structural equality of JSON values (reflect.DeepEqual over decoded JSON). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k)
    && jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
