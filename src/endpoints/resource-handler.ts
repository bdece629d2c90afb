/**
 * REST handlers for resource requests: resolves the resource once per request from the routes
 * built at start, checks scope and verb, and runs get/list/watch/create/update/patch/delete/
 * deletecollection against the resource's Store. Subresources other than status are in
 * subresources.ts; streaming is in watch.ts.
 */
import type { KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, badRequest } from '../apis/meta/errors.js';
import { type KubeObject, apiVersionOf } from '../apis/meta/types.js';
import type { UserInfo } from '../auth/user.js';
import type { RequestInfo } from '../filters/request-info.js';
import { applyPatch } from '../patch/index.js';
import { builtinPatchMetaFor } from '../patch/strategic-merge.js';
import { allVerbs, type RequestContext, type ResourceDef } from '../registry/rest.js';
import type { VirtualCreate } from '../registry/reviews.js';
import type { DeleteOptions, Store } from '../registry/store.js';
import { decodeObjectBody, mediaType, readBody } from './body.js';
import { type Negotiated, negotiate } from './negotiation.js';
import { parseDeleteParams, parseListParams, parseWriteParams, validateDeleteOptions, type WriteOptionsKind } from './params.js';
import { type Logger, successStatus, writeObject } from './status.js';
import { handleSubresource } from './subresources.js';
import { toTable } from './table.js';
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
  // Only /api/v1/namespaces/{name} carries a namespace for a cluster-scoped resource.
  if (!def.namespaced && info.namespace && !isNamespaceObject) throw notFoundGeneric();
  if (info.parts.length > 3) throw notFoundGeneric();
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
    const body = await decodeTyped(req, def, version);
    const result = await route.virtualCreate(ctx, body);
    writeObject(res, 201, versioned(result, def, version), neg.contentType, neg.yaml);
    return;
  }
  if (info.subresource) {
    await handleSubresource(req, res, info, route, ctx, env);
    return;
  }
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
      const listed = await route.store.list(namespace, p, version);
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
      const obj = await decodeTyped(req, def, version);
      const created = await route.store.create(ctx, obj);
      writeOutput(res, 201, created, route, version, neg, q);
      return;
    }
    case 'update': {
      const neg = negotiate(req.headers.accept, ['object', 'Table', 'PartialObjectMetadata']);
      const obj = await decodeTyped(req, def, version);
      const r = await route.store.updateOrCreate(ctx, info.name, obj);
      writeOutput(res, r.created ? 201 : 200, r.object, route, version, neg, q);
      return;
    }
    case 'patch': {
      const neg = negotiate(req.headers.accept, ['object', 'Table', 'PartialObjectMetadata']);
      const patched = await patchObject(req, route, ctx, info.name, version, '');
      writeOutput(res, 200, patched, route, version, neg, q);
      return;
    }
    case 'delete': {
      const neg = negotiate(req.headers.accept, ['object', 'Table', 'PartialObjectMetadata']);
      const opts = await readDeleteOptions(req, q, dryRun);
      const r = await route.store.delete(ctx, info.name, opts);
      // upstream: 202 when the object is only marked for deletion (finalizers, grace period).
      const code = r.deleted || dryRun ? 200 : 202;
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
    const apply = verb === 'patch' && mediaType(req) === 'application/apply-patch+yaml';
    return parseWriteParams(q, kind, { apply }).dryRun;
  }
  if (verb === 'delete' || verb === 'deletecollection' || (subresource === 'eviction' && verb === 'create')) return q.getAll('dryRun').length > 0;
  return false;
}

/** Decodes a body meant for this resource, refusing another group/version or kind (400). */
export async function decodeTyped(req: IncomingMessage, def: ResourceDef, version: string): Promise<KubeObject> {
  const body = await decodeObjectBody(await readBody(req), mediaType(req));
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('Object \'Kind\' is missing in request body');
  const obj = body as KubeObject;
  const expected = apiVersionOf(def.group, version);
  if (obj.apiVersion !== undefined && obj.apiVersion !== '' && obj.apiVersion !== expected) {
    throw badRequest(`the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${expected})`);
  }
  if (obj.kind !== undefined && obj.kind !== '' && obj.kind !== def.kind) {
    throw badRequest(`the kind in the data (${String(obj.kind)}) does not match the expected kind (${def.kind})`);
  }
  if (obj.metadata !== undefined && (obj.metadata === null || typeof obj.metadata !== 'object' || Array.isArray(obj.metadata))) {
    throw badRequest('metadata must be an object');
  }
  if (!obj.metadata) obj.metadata = {};
  return toStoredVersion(obj, def, version);
}

/** A body in the request's version, in the version the Store works with (versions[0]). */
export function toStoredVersion(obj: KubeObject, def: ResourceDef, version: string): KubeObject {
  if (!def.convertVersion || version === def.versions[0]) return obj;
  return def.convertVersion({ ...obj, apiVersion: apiVersionOf(def.group, version), kind: def.kind }, version, def.versions[0]);
}

/**
 * Applies a PATCH body to the stored object inside the Store's update loop, so a concurrent
 * writer makes the patch apply again to the fresh object.
 */
export async function patchObject(req: IncomingMessage, route: Route, ctx: RequestContext, name: string, version: string, subresource: string): Promise<KubeObject> {
  const body = await readBody(req);
  const contentType = mediaType(req);
  const meta = builtinPatchMetaFor(apiVersionOf(route.def.group, version), route.def.kind);
  const r = await route.store.update(ctx, name, (current) => {
    // The patch is written against the version in the URL: apply it there, then convert back.
    const patched = applyPatch(contentType, versioned(current, route.def, version), body, meta) as KubeObject;
    return patched && typeof patched === 'object' && !Array.isArray(patched) ? toStoredVersion(patched, route.def, version) : patched;
  }, subresource);
  return r.object;
}

/**
 * DeleteOptions from the body when there is one, else from the query (upstream reads the query
 * only for bodyless DELETEs), validated as upstream.
 */
export async function readDeleteOptions(req: IncomingMessage, q: URLSearchParams, dryRun: boolean): Promise<DeleteOptions> {
  const raw = await readBody(req);
  if (raw.length === 0) {
    const p = parseDeleteParams(q);
    return { gracePeriodSeconds: p.gracePeriodSeconds, propagationPolicy: p.propagationPolicy, dryRun: p.dryRun || dryRun };
  }
  const decoded = await decodeObjectBody(raw, mediaType(req));
  if (decoded === null || typeof decoded !== 'object' || Array.isArray(decoded)) throw badRequest('the body of the request must be a DeleteOptions object');
  const body = decoded as { gracePeriodSeconds?: unknown; propagationPolicy?: string; orphanDependents?: boolean; dryRun?: string[]; preconditions?: { uid?: string; resourceVersion?: string } };
  if (body.gracePeriodSeconds !== undefined && body.gracePeriodSeconds !== null && !Number.isInteger(body.gracePeriodSeconds)) {
    throw badRequest(`json: cannot unmarshal ${typeof body.gracePeriodSeconds} into Go struct field DeleteOptions.gracePeriodSeconds of type int64`);
  }
  validateDeleteOptions({ propagationPolicy: body.propagationPolicy, orphanDependents: body.orphanDependents, dryRun: body.dryRun });
  return {
    gracePeriodSeconds: (body.gracePeriodSeconds as number | null | undefined) ?? undefined,
    propagationPolicy: body.propagationPolicy,
    preconditions: body.preconditions ?? undefined,
    dryRun: dryRun || (body.dryRun?.length ?? 0) > 0,
  };
}

function includeObjectParam(q: URLSearchParams): 'None' | 'Metadata' | 'Object' {
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
  const obj = versioned(stored, route.def, version);
  let body: unknown = obj;
  if (neg.form === 'Table') body = toTable([obj], { resourceVersion: obj.metadata.resourceVersion }, includeObjectParam(q), metaVersion(neg));
  else if (neg.form === 'PartialObjectMetadata') body = { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${metaVersion(neg)}`, metadata: obj.metadata };
  writeObject(res, code, body, neg.contentType, neg.yaml);
}

export function metaVersion(neg: Negotiated): string {
  return neg.contentType.includes('v=v1beta1') ? 'v1beta1' : 'v1';
}

export function writeList(res: ServerResponse, listed: { metadata: Record<string, unknown>; items: KubeObject[] }, route: Route, version: string, neg: Negotiated, q: URLSearchParams): void {
  listed = { ...listed, items: listed.items.map((item) => versioned(item, route.def, version)) };
  let body: unknown;
  if (neg.form === 'Table') {
    body = toTable(listed.items, listed.metadata, includeObjectParam(q), metaVersion(neg));
  } else if (neg.form === 'PartialObjectMetadataList') {
    const mv = metaVersion(neg);
    body = { kind: 'PartialObjectMetadataList', apiVersion: `meta.k8s.io/${mv}`, metadata: listed.metadata, items: listed.items.map((o) => ({ kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${mv}`, metadata: o.metadata })) };
  } else {
    body = { kind: `${route.def.kind}List`, apiVersion: apiVersionOf(route.def.group, version), metadata: listed.metadata, items: listed.items };
  }
  writeObject(res, 200, body, neg.contentType, neg.yaml);
}
