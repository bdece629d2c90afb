/**
 * REST handlers for resource requests: resolves the resource once per request from the routes
 * built at start, checks scope and verb, and runs get/list/watch/create/update/patch/delete/
 * deletecollection against the resource's Store. Subresources other than status are in
 * subresources.ts; streaming is in watch.ts.
 */
import type { KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, badRequest, fieldInvalid, invalid } from '../apis/meta/errors.js';
import { type KubeObject, apiVersionOf } from '../apis/meta/types.js';
import type { UserInfo } from '../auth/user.js';
import type { RequestInfo } from '../filters/request-info.js';
import { applyPatch } from '../patch/index.js';
import { builtinPatchMetaFor } from '../schema/patch-meta.js';
import { allVerbs, type RequestContext, type ResourceDef } from '../registry/rest.js';
import type { VirtualCreate } from '../registry/reviews.js';
import type { DeleteOptions, Store } from '../registry/store.js';
import { takeEncoding } from '../storage/encoded.js';
import { asBadRequest, decodeBodyValue, mediaType, readBody } from './body.js';
import { addWarnings, decodeObject, type DecodeTarget, schemeFor } from './decode.js';
import { type Negotiated, negotiate } from './negotiation.js';
import { parseDeleteParams, parseListParams, parseWriteParams, validateDeleteOptions, type WriteOptionsKind } from './params.js';
import { type Logger, sendText, successStatus, writeObject } from './status.js';
import { handleSubresource } from './subresources.js';
import { printerFor } from './printers.js';
import { type TableOptions, toTable } from './table.js';
import { typedDecode, typedDescFor } from './typed-decode.js';
import { serveWatch } from './watch.js';

export interface Route {
  def: ResourceDef;
  store: Store;
  /** Optional. Answers create for resources that are never stored (access reviews). */
  virtualCreate?: VirtualCreate;
}

/** Routes by `<group>/<resource>`; versions are checked against def.versions. */
export type Routes = Map<string, Route>;

export const notFoundGeneric = () => new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});
export const methodNotAllowed = () => new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});

export interface HandlerEnv {
  routes: Routes;
  log: Logger;
  /** Milliseconds between BOOKMARK events on watches that asked for them. */
  bookmarkIntervalMs: number;
  /** Aborts when the server stops: open watches end. */
  stopping: AbortSignal;
  /** Optional. Signs service account tokens (serviceaccounts/token); absent without a secure port. */
  tokens?: TokenIssuer;
}

/** What the TokenRequest API signs with: --service-account-signing-key-file and the first issuer. */
export interface TokenIssuer {
  privateKey: KeyObject;
  issuer: string;
  /** --api-audiences: a TokenRequest without audiences gets these. */
  audiences: string[];
}

export function resolveRoute(routes: Routes, info: RequestInfo): Route {
  const route = routes.get(`${info.apiGroup}/${info.resource}`);
  if (!route || !route.def.versions.includes(info.apiVersion)) throw notFoundGeneric();
  return route;
}

export async function handleResource(req: IncomingMessage, res: ServerResponse, info: RequestInfo, user: UserInfo, env: HandlerEnv): Promise<void> {
  const route = resolveRoute(env.routes, info);
  const { def } = route;
  const isNamespaceObject = def.group === '' && def.resource === 'namespaces';
  // Only /api/v1/namespaces/{name} carries a namespace for a cluster-scoped resource; there is no
  // /namespaces/{ns}/namespaces route.
  if (!def.namespaced && info.namespace && (!isNamespaceObject || info.inNamespace)) throw notFoundGeneric();
  if (info.parts.length > 3) throw notFoundGeneric();
  // The /watch/ prefix makes any method a watch; only GET is routed there.
  if (!methodFits(info.verb, req.method)) throw methodNotAllowed();
  const namespace = def.namespaced ? info.namespace : '';
  const q = info.query;
  const dryRun = writeOptions(info.verb, info.subresource, q, req);
  const ctx: RequestContext = { user, namespace, dryRun };
  const verbs: readonly string[] = def.verbs ?? allVerbs;
  const version = info.apiVersion;

  if (route.virtualCreate) {
    if (info.verb !== 'create' || info.subresource || info.name) throw methodNotAllowed();
    if (def.namespaced && !namespace) throw methodNotAllowed();
    const neg = negotiate(req.headers.accept, ['object']);
    const body = await decodeTyped(req, res, env, targetOf(def, version), q);
    const result = await route.virtualCreate(ctx, toStoredVersion(body, def, version));
    writeObject(res, 201, versioned(result, def, version), neg.contentType, neg.yaml);
    return;
  }
  if (info.subresource) {
    await handleSubresource(req, res, info, route, ctx, env);
    return;
  }
  // Routes exist for POST on collections and PUT/PATCH on objects only.
  if ((info.verb === 'create' && info.name) || ((info.verb === 'update' || info.verb === 'patch') && !info.name)) throw methodNotAllowed();
  if (!verbs.includes(info.verb)) throw methodNotAllowed();
  // Writes and single-object reads of namespaced resources need a namespace in the URL.
  if (def.namespaced && !namespace && info.verb !== 'list' && info.verb !== 'watch') {
    throw info.name ? notFoundGeneric() : methodNotAllowed();
  }

  switch (info.verb) {
    case 'get': {
      const neg = negotiate(req.headers.accept, ['object', 'Table', 'PartialObjectMetadata']);
      const obj = await route.store.get(namespace, info.name);
      writeOutput(res, 200, obj, route, version, neg, q);
      return;
    }
    case 'list': {
      const neg = negotiate(req.headers.accept, ['object', 'Table', 'PartialObjectMetadataList']);
      const p = parseListParams(q);
      // Plain JSON lists are sent from the stored text, without parsing and re-encoding each item.
      const rawOk = neg.form === 'object' && !neg.yaml;
      const listed = await route.store.list(namespace, p, version, rawOk);
      if (listed.raw) {
        const head = JSON.stringify({ kind: `${def.kind}List`, apiVersion: apiVersionOf(def.group, version), metadata: listed.metadata });
        sendText(res, 200, `${head.slice(0, -1)},"items":[${listed.raw.join(',')}]}`, neg.contentType);
        return;
      }
      writeList(res, listed, route, version, neg, q);
      return;
    }
    case 'watch': {
      const neg = negotiate(req.headers.accept, ['object', 'Table', 'PartialObjectMetadata']);
      await serveWatch(req, res, info, route, namespace, neg, env);
      return;
    }
    case 'create': {
      const neg = negotiate(req.headers.accept, ['object', 'Table', 'PartialObjectMetadata']);
      const obj = await decodeTyped(req, res, env, targetOf(def, version), q);
      const created = await route.store.create(ctx, toStoredVersion(obj, def, version));
      // Plain JSON of the stored version is exactly the text storage just wrote: send it as it is.
      const text = takeEncoding(created);
      if (text !== undefined && neg.form === 'object' && !neg.yaml && version === def.versions[0]) {
        sendText(res, 201, text, neg.contentType);
        return;
      }
      writeOutput(res, 201, created, route, version, neg, q);
      return;
    }
    case 'update': {
      const neg = negotiate(req.headers.accept, ['object', 'Table', 'PartialObjectMetadata']);
      const obj = await decodeTyped(req, res, env, targetOf(def, version), q);
      checkNamespaceAndName(obj, def, info.name, namespace);
      const r = await route.store.updateOrCreate(ctx, info.name, toStoredVersion(obj, def, version));
      writeOutput(res, r.created ? 201 : 200, r.object, route, version, neg, q);
      return;
    }
    case 'patch': {
      const neg = negotiate(req.headers.accept, ['object', 'Table', 'PartialObjectMetadata']);
      const patched = await patchObject(req, res, route, ctx, info.name, version, '');
      writeOutput(res, 200, patched, route, version, neg, q);
      return;
    }
    case 'delete': {
      const neg = negotiate(req.headers.accept, ['object', 'Table', 'PartialObjectMetadata']);
      const opts = await readDeleteOptions(req, q, dryRun);
      const r = await route.store.delete(ctx, info.name, opts);
      // handlers/delete.go: 202 only when the object stays (finalizers, grace period) and the
      // client asked for orphanDependents=false; 200 otherwise, as existing clients expect.
      const code = !r.deleted && opts.orphanDependents === false ? 202 : 200;
      if (r.deleted && !route.store.returnsDeletedObject) {
        writeObject(res, code, successStatus({ name: info.name, group: def.group, kind: def.resource, uid: r.object.metadata.uid }));
      } else {
        writeOutput(res, code, r.object, route, version, neg, q);
      }
      return;
    }
    case 'deletecollection': {
      const neg = negotiate(req.headers.accept, ['object', 'Table', 'PartialObjectMetadataList']);
      if (def.namespaced && !namespace) throw methodNotAllowed();
      const opts = await readDeleteOptions(req, q, dryRun);
      const p = parseListParams(q);
      const r = await route.store.deleteCollection(ctx, p, opts, version);
      writeList(res, r, route, version, neg, q);
      return;
    }
    default:
      throw methodNotAllowed();
  }
}

const writeOptionsKinds: Record<string, WriteOptionsKind> = { create: 'CreateOptions', update: 'UpdateOptions', patch: 'PatchOptions' };

/** Validates the write options of create/update/patch (422 as upstream); returns dryRun. */
export function writeOptions(verb: string, subresource: string, q: URLSearchParams, req: IncomingMessage): boolean {
  const kind = writeOptionsKinds[verb];
  if (kind) {
    const apply = verb === 'patch' && (req.headers['content-type'] ?? '').split(';')[0] === 'application/apply-patch+yaml';
    return parseWriteParams(q, kind, { apply }).dryRun;
  }
  if (verb === 'delete' || verb === 'deletecollection' || (subresource === 'eviction' && verb === 'create')) return q.getAll('dryRun').length > 0;
  return false;
}

/** What a resource's create and update decode into: its kind in the request's version. */
export function targetOf(def: ResourceDef, version: string): DecodeTarget {
  return { group: def.group, version, kind: def.kind };
}

/**
 * Decodes a body meant for `target` (decode.ts: upstream's codec and its texts), sends strict
 * decoding warnings, and returns the object in the request's version with metadata present.
 */
export async function decodeTyped(req: IncomingMessage, res: ServerResponse, env: Pick<HandlerEnv, 'routes'>, target: DecodeTarget, q: URLSearchParams): Promise<KubeObject> {
  const { obj, warnings } = await decodeObject(await readBody(req), mediaType(req), target, schemeFor(env.routes), q.get('fieldValidation') ?? '');
  addWarnings(res, warnings);
  if (!obj.metadata) obj.metadata = {};
  return obj;
}

/**
 * What the update handler checks after decoding (rest.EnsureObjectNamespaceMatchesRequestNamespace,
 * then checkName): a body namespace may only repeat the URL's, and the body must name the object
 * the URL names.
 */
export function checkNamespaceAndName(obj: KubeObject, def: ResourceDef, name: string, namespace: string): void {
  const m = obj.metadata;
  if (def.namespaced && m.namespace && m.namespace !== namespace) {
    throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  if ((m.name ?? '') !== name) throw badRequest(`the name of the object (${m.name ?? ''}) does not match the name on the URL (${name})`);
}

/** Which HTTP methods a verb is routed for. */
function methodFits(verb: string, method = 'GET'): boolean {
  switch (verb) {
    case 'get': case 'list': case 'watch': return method === 'GET' || method === 'HEAD';
    case 'create': return method === 'POST';
    case 'update': return method === 'PUT';
    case 'patch': return method === 'PATCH';
    case 'delete': case 'deletecollection': return method === 'DELETE';
    default: return true;
  }
}

/** A body in the request's version, in the version the Store works with (versions[0]). */
export function toStoredVersion(obj: KubeObject, def: ResourceDef, version: string): KubeObject {
  if (!def.convertVersion || version === def.versions[0]) return obj;
  return def.convertVersion({ ...obj, apiVersion: apiVersionOf(def.group, version), kind: def.kind }, version, def.versions[0]);
}

/**
 * Applies a PATCH body to the stored object inside the Store's update loop, so a concurrent
 * writer makes the patch apply again to the fresh object. The patched JSON is then decoded into
 * the type as upstream's patcher does (runtime.DecodeInto): a value of the wrong type is a 422
 * on "patch", unknown fields are dropped (Strict: 400), and checkName runs on the result.
 */
export async function patchObject(req: IncomingMessage, res: ServerResponse, route: Route, ctx: RequestContext, name: string, version: string, subresource: string): Promise<KubeObject> {
  const { def } = route;
  const body = await readBody(req);
  // PatchResource drops "; charset=..." only: the type itself is compared exactly (applyPatch).
  const contentType = req.headers['content-type'] ?? '';
  const meta = builtinPatchMetaFor(apiVersionOf(def.group, version), def.kind);
  const desc = typedDescFor(apiVersionOf(def.group, version), def.kind);
  const fieldValidation = new URL(req.url ?? '/', 'http://x').searchParams.get('fieldValidation') ?? '';
  let warnings: string[] = [];
  const r = await route.store.update(ctx, name, (current) => {
    // The patch is written against the version in the URL: apply it there, then convert back.
    const patched = applyPatch(contentType, versioned(current, def, version), body, meta) as KubeObject;
    if (!patched || typeof patched !== 'object' || Array.isArray(patched)) return patched;
    const typed = typedDecode(patched as unknown as Record<string, unknown>, desc);
    if (typed.error) throw invalid('', '', '', [fieldInvalid('patch', printable(patched), typed.error)]);
    if (typed.strict.length > 0 && fieldValidation === 'Strict') throw badRequest(`strict decoding error: ${typed.strict.join(', ')}`);
    warnings = fieldValidation === 'Ignore' ? [] : typed.strict;
    if (!patched.metadata) patched.metadata = {};
    const m = patched.metadata;
    if ((m.name ?? '') !== name) throw badRequest(`the name of the object (${m.name ?? ''}) does not match the name on the URL (${name})`);
    if (def.namespaced && m.namespace && m.namespace !== ctx.namespace) {
      throw badRequest(`the namespace of the object (${m.namespace}) does not match the namespace on the request (${ctx.namespace})`);
    }
    return toStoredVersion(patched, def, version);
  }, subresource);
  addWarnings(res, warnings);
  return r.object;
}

/** The patched object as the 422 quotes it; a value nested too deeply to print is summarized. */
function printable(v: unknown): string {
  try {
    return JSON.stringify(v);
  } catch {
    return '<nested too deeply to print>';
  }
}

/**
 * DeleteOptions from the body when there is one, else from the query (upstream reads the query
 * only for bodyless DELETEs), validated as upstream.
 */
export async function readDeleteOptions(req: IncomingMessage, q: URLSearchParams, dryRun: boolean): Promise<DeleteOptions> {
  const raw = await readBody(req);
  if (raw.length === 0) {
    const p = parseDeleteParams(q);
    return { gracePeriodSeconds: p.gracePeriodSeconds, propagationPolicy: p.propagationPolicy, orphanDependents: p.orphanDependents, dryRun: p.dryRun || dryRun };
  }
  let decoded: unknown;
  try {
    decoded = await decodeBodyValue(raw, mediaType(req));
  } catch (e) {
    throw asBadRequest(e);
  }
  if (decoded === null || typeof decoded !== 'object' || Array.isArray(decoded)) throw badRequest('the body of the request must be a DeleteOptions object');
  return deleteOptionsFrom(decoded as Record<string, unknown>, dryRun);
}

/** A DeleteOptions object (a DELETE body, or an Eviction's deleteOptions), validated as upstream. */
export function deleteOptionsFrom(body: Record<string, unknown>, dryRun: boolean): DeleteOptions {
  const o = body as { gracePeriodSeconds?: unknown; propagationPolicy?: string; orphanDependents?: boolean; dryRun?: string[]; preconditions?: { uid?: string; resourceVersion?: string } };
  if (o.gracePeriodSeconds !== undefined && o.gracePeriodSeconds !== null && !Number.isInteger(o.gracePeriodSeconds)) {
    throw badRequest(`json: cannot unmarshal ${typeof o.gracePeriodSeconds} into Go struct field DeleteOptions.gracePeriodSeconds of type int64`);
  }
  validateDeleteOptions({ propagationPolicy: o.propagationPolicy, orphanDependents: o.orphanDependents, dryRun: o.dryRun });
  return {
    gracePeriodSeconds: (o.gracePeriodSeconds as number | null | undefined) ?? undefined,
    propagationPolicy: o.propagationPolicy,
    orphanDependents: typeof o.orphanDependents === 'boolean' ? o.orphanDependents : undefined,
    preconditions: o.preconditions ?? undefined,
    dryRun: dryRun || (o.dryRun?.length ?? 0) > 0,
  };
}

export function includeObjectParam(q: URLSearchParams): 'None' | 'Metadata' | 'Object' {
  const v = q.get('includeObject');
  if (v === 'None' || v === 'Object' || v === 'Metadata') return v;
  return 'Metadata';
}

/** The object in the version asked for, with its wire apiVersion/kind. */
export function versioned(obj: KubeObject, def: ResourceDef, version: string): KubeObject {
  const out = def.convertVersion && version !== def.versions[0] ? def.convertVersion(obj, def.versions[0], version) : obj;
  out.apiVersion = apiVersionOf(def.group, version);
  out.kind = def.kind;
  return out;
}

export function writeOutput(res: ServerResponse, code: number, stored: KubeObject, route: Route, version: string, neg: Negotiated, q: URLSearchParams): void {
  let body: unknown;
  // Tables print the stored object (printers read one shape per resource); rows carry the wire form.
  if (neg.form === 'Table') body = toTable([stored], { resourceVersion: stored.metadata.resourceVersion }, tableOptions(route, version, neg, includeObjectParam(q)));
  else {
    const obj = versioned(stored, route.def, version);
    body = neg.form === 'PartialObjectMetadata' ? { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${metaVersion(neg)}`, metadata: obj.metadata } : obj;
  }
  writeObject(res, code, body, neg.contentType, neg.yaml);
}

/** How a Table of this route's objects is printed: its printer, and conversion for row objects. */
export function tableOptions(route: Route, version: string, neg: Negotiated, includeObject: 'None' | 'Metadata' | 'Object'): TableOptions {
  return { printer: printerFor(route.def.group, route.def.resource), includeObject, metaVersion: metaVersion(neg), toWire: (o) => versioned(o, route.def, version) };
}

export function metaVersion(neg: Negotiated): string {
  return neg.contentType.includes('v=v1beta1') ? 'v1beta1' : 'v1';
}

export function writeList(res: ServerResponse, listed: { metadata: Record<string, unknown>; items: KubeObject[] }, route: Route, version: string, neg: Negotiated, q: URLSearchParams): void {
  let body: unknown;
  if (neg.form === 'Table') {
    body = toTable(listed.items, listed.metadata, tableOptions(route, version, neg, includeObjectParam(q)));
  } else if (neg.form === 'PartialObjectMetadataList') {
    const mv = metaVersion(neg);
    body = { kind: 'PartialObjectMetadataList', apiVersion: `meta.k8s.io/${mv}`, metadata: listed.metadata, items: listed.items.map((o) => ({ kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${mv}`, metadata: versioned(o, route.def, version).metadata })) };
  } else {
    body = { kind: `${route.def.kind}List`, apiVersion: apiVersionOf(route.def.group, version), metadata: listed.metadata, items: listed.items.map((item) => versioned(item, route.def, version)) };
  }
  writeObject(res, 200, body, neg.contentType, neg.yaml);
}
