/**
 * Decoding an object body for an endpoint the way the apiserver's codec does, with its error
 * texts (handlers/rest.go transformDecodeError over runtime/serializer/json and versioning):
 *
 *   bytes --JSON/YAML--> value --findKind--> apiVersion/kind --defaults--> GVK
 *     --registered?--> typed decode of that GVK --conversion to the endpoint's type--> object
 *
 * Errors before a GVK is known read `the object provided is unrecognized (must be of type
 * ConfigMap): <err> (<first bytes>)`; after, `Secret in version "v1" cannot be handled as a
 * ConfigMap: <err>`. The scheme is what the routes serve, plus the kinds every group version
 * registers (options, lists) and the subresource kinds.
 */
import type { ServerResponse } from 'node:http';
import { badRequest } from '../apis/meta/errors.js';
import { apiVersionOf, type KubeObject } from '../apis/meta/types.js';
import type { ResourceDef } from '../registry/rest.js';
import { BodyDecodeError, decodeBodyValue } from './body.js';
import { typedDecode, typedDescFor } from './typed-decode.js';
import { duplicateFields } from './duplicate-fields.js';

export interface GroupVersionKind { group: string; version: string; kind: string }

/** What an endpoint decodes into (upstream's scope.Kind), and the versions it accepts besides. */
export interface DecodeTarget extends GroupVersionKind {
  /** Optional. Other versions of the same group the endpoint takes (pods/eviction: policy/v1beta1). */
  alsoAccepts?: readonly string[];
}

export interface DecodedObject {
  obj: KubeObject;
  /** Strict decoding problems to send as Warning headers (fieldValidation Warn, the default). */
  warnings: string[];
}

/** The anonymous struct meta.Interpret decodes apiVersion and kind into, as reflect prints it. */
const findKindType = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

/** runtime.NewNotRegisteredErrForKind's scheme name for the legacy (built-in) scheme. */
const schemeName = 'pkg/api/legacyscheme/scheme.go:30';

/** Kinds metav1.AddToGroupVersion registers in every group version. */
const everyVersionKinds = ['WatchEvent', 'ListOptions', 'GetOptions', 'DeleteOptions', 'CreateOptions', 'UpdateOptions', 'PatchOptions'];

/** Which kinds exist in which group versions: the routes' kinds, their lists and subresource kinds. */
export class Scheme {
  private readonly kinds = new Set<string>();

  constructor(defs: Iterable<ResourceDef>) {
    const versions = new Set<string>();
    const add = (group: string, version: string, kind: string) => {
      versions.add(`${group}/${version}`);
      this.kinds.add(`${group}/${version}/${kind}`);
    };
    for (const def of defs) {
      for (const v of def.versions) {
        add(def.group, v, def.kind);
        add(def.group, v, `${def.kind}List`);
      }
      for (const s of def.subresources ?? []) {
        for (const v of s.version ? [s.version] : def.versions) add(s.group ?? def.group, v, s.kind);
      }
    }
    add('policy', 'v1beta1', 'Eviction');
    add('', 'v1', 'Status');
    add('', 'v1', 'List');
    for (const gv of versions) for (const k of everyVersionKinds) this.kinds.add(`${gv}/${k}`);
  }

  registered(gvk: GroupVersionKind): boolean {
    return this.kinds.has(`${gvk.group}/${gvk.version}/${gvk.kind}`);
  }
}

const schemes = new WeakMap<object, Scheme>();

/** The scheme of a set of routes, built once. */
export function schemeFor(routes: Map<string, { def: ResourceDef }>): Scheme {
  let s = schemes.get(routes);
  if (!s) {
    s = new Scheme([...routes.values()].map((r) => r.def));
    schemes.set(routes, s);
  }
  return s;
}

/**
 * The Go package of a group's internal types, which is what conversion goes through: two kinds
 * convert into each other only when they share it (events.k8s.io's Event is core's).
 */
function internalPackage(group: string): string {
  if (group === '' || group === 'events.k8s.io') return 'core';
  return group.split('.')[0];
}

/** summarizeData(body, 30) from handlers/rest.go. */
export function summarizeData(body: Buffer, max = 30): string {
  if (body.length === 0) return '<empty>';
  if (body[0] === 0x7b) return body.length > max ? `${body.subarray(0, max).toString('utf8')} ...` : body.toString('utf8');
  return body.length > max ? `${body.subarray(0, max).toString('hex')} ...` : body.toString('hex');
}

const unrecognized = (kind: string, err: string, body: Buffer) =>
  badRequest(`the object provided is unrecognized (must be of type ${kind}): ${err} (${summarizeData(body)})`);

const cannotHandle = (actual: GroupVersionKind, kind: string, err: string) =>
  badRequest(`${actual.kind} in version "${actual.version}" cannot be handled as a ${kind}: ${err}`);

const asciiLower = (s: string) => (/[A-Z]/.test(s) ? s.replace(/[A-Z]/g, (c) => c.toLowerCase()) : s);

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'object' ? 'object' : typeof v;
}

/**
 * encoding/json into findKind's struct: keys match case-insensitively, the first type error is
 * kept while decoding goes on, null leaves the field empty.
 */
function findKind(v: unknown): { apiVersion: string; kind: string } | { error: string } {
  const out = { apiVersion: '', kind: '' };
  if (v === null) return out;
  if (typeof v !== 'object' || Array.isArray(v)) return { error: `json: cannot unmarshal ${jsonKind(v)} into Go value of type ${findKindType}` };
  let error: string | undefined;
  for (const [key, val] of Object.entries(v)) {
    // The usual spellings first; only a 10- or 4-letter key can spell either in another case.
    let field: 'apiVersion' | 'kind' | undefined = key === 'apiVersion' || key === 'kind' ? key : undefined;
    if (!field && (key.length === 10 || key.length === 4)) {
      const lower = asciiLower(key);
      field = lower === 'apiversion' ? 'apiVersion' : lower === 'kind' ? 'kind' : undefined;
    }
    if (!field || val === null) continue;
    if (typeof val !== 'string') error ??= `json: cannot unmarshal ${jsonKind(val)} into Go struct field .${field} of type string`;
    else out[field] = val;
  }
  return error ? { error } : out;
}

/** schema.ParseGroupVersion. */
function parseGroupVersion(gv: string): { group: string; version: string } | { error: string } {
  if (gv === '' || gv === '/') return { group: '', version: '' };
  const slashes = gv.split('/').length - 1;
  if (slashes === 0) return { group: '', version: gv };
  if (slashes === 1) { const i = gv.indexOf('/'); return { group: gv.slice(0, i), version: gv.slice(i + 1) }; }
  return { error: `unexpected GroupVersion string: ${gv}` };
}

/** The body was JSON (what body.ts parses as JSON): its text can be scanned for duplicate keys. */
const isJson = (contentType: string) => contentType === '' || contentType === 'application/json' || contentType === '*/*';

/**
 * Decodes an object body for `target`. fieldValidation is the request's (already validated):
 * Strict refuses unknown fields, Warn (or '') reports them as warnings, Ignore drops them quietly.
 */
export async function decodeObject(raw: Buffer, contentType: string, target: DecodeTarget, scheme: Scheme, fieldValidation = ''): Promise<DecodedObject> {
  let value: unknown;
  try {
    value = await decodeBodyValue(raw, contentType);
  } catch (e) {
    if (e instanceof BodyDecodeError) throw unrecognized(target.kind, e.message, raw);
    throw e;
  }
  const found = findKind(value);
  if ('error' in found) throw unrecognized(target.kind, `couldn't get version/kind; json parse error: ${found.error}`, raw);
  const gv = parseGroupVersion(found.apiVersion);
  if ('error' in gv) throw unrecognized(target.kind, gv.error, raw);

  // gvkWithDefaults, first with the request's kind, then with the endpoint's type.
  const actual: GroupVersionKind = { group: gv.group, version: gv.version, kind: found.kind || target.kind };
  if (actual.version === '' && (actual.group === '' || actual.group === target.group)) {
    actual.group = target.group;
    actual.version = target.version;
  }
  if (actual.version === '') throw cannotHandle(actual, target.kind, `Object 'apiVersion' is missing in '${raw.toString('utf8')}'`);

  const sameType = actual.kind === target.kind && internalPackage(actual.group) === internalPackage(target.group);
  const exact = actual.group === target.group && actual.version === target.version && actual.kind === target.kind;
  if (!exact && !scheme.registered(actual)) {
    const gvString = actual.group ? `${actual.group}/${actual.version}` : actual.version;
    throw cannotHandle(actual, target.kind, `no kind "${actual.kind}" is registered for version "${gvString}" in scheme "${schemeName}"`);
  }
  const obj = (value ?? {}) as KubeObject;
  const typed = typedDecode(obj as unknown as Record<string, unknown>, typedDescFor(apiVersionOf(actual.group, actual.version), actual.kind));
  if (typed.error) throw cannotHandle(actual, target.kind, typed.error);
  if (!sameType) {
    throw cannotHandle(actual, target.kind, `converting (${actual.version}.${actual.kind}) to (${internalPackage(target.group)}.${target.kind}): unknown conversion`);
  }
  const accepted = actual.group === target.group && (actual.version === target.version || (target.alsoAccepts ?? []).includes(actual.version));
  if (!accepted) {
    throw badRequest(`the API version in the data (${apiVersionOf(actual.group, actual.version)}) does not match the expected API version (${apiVersionOf(target.group, target.version)})`);
  }
  // Duplicate keys only show in the text (JSON.parse keeps the last); YAML's parser refuses them.
  const strict = fieldValidation === 'Ignore' || !isJson(contentType) ? typed.strict
    : [...duplicateFields(raw.toString('utf8')).map((p) => `duplicate field "${p}"`), ...typed.strict];
  if (strict.length > 0 && fieldValidation === 'Strict') {
    throw cannotHandle(actual, target.kind, `strict decoding error: ${strict.join(', ')}`);
  }
  return { obj, warnings: fieldValidation === 'Ignore' ? [] : strict };
}

/** A Warning header value (net/http.NewWarningHeader): code 299, no agent, the text quoted. */
export function warningHeader(text: string): string {
  return `299 - "${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** Adds Warning headers (upstream's warning.AddWarning, one header per text). */
export function addWarnings(res: ServerResponse, texts: readonly string[]): void {
  if (texts.length === 0 || res.headersSent) return;
  const prev = res.getHeader('Warning');
  const list = prev === undefined ? [] : Array.isArray(prev) ? prev : [String(prev)];
  res.setHeader('Warning', [...list, ...texts.map(warningHeader)]);
}
