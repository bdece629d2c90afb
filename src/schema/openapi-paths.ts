/**
 * OpenAPI path items for served resources, shaped as upstream's API installer registers routes:
 * collection (list, create, deletecollection), item (read, replace, patch, delete), the
 * all-namespaces list, the deprecated /watch/ paths, and subresources. Operation ids follow the
 * installer's scheme: verb + Group + Version + [Namespaced] + Kind + [Subresource] + suffix,
 * e.g. listCoreV1NamespacedPod, patchAppsV1NamespacedDeploymentScale.
 */
import { allVerbs, type ResourceDef, type SubresourceDef } from '../registry/rest.js';
import type { GroupVersionKind } from './format.js';
import { refPrefix, type Dialect, type Json } from './openapi-definitions.js';
import {
  createParams, deleteCollectionParams, deleteParams, listParams, parameters, patchParams, type ParamName,
} from './openapi-params.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** One operation before it is written in a dialect. */
export interface Op {
  method: Method;
  id: string;
  description: string;
  /** Optional: discovery operations name no action and no kind. */
  action?: string;
  gvk?: GroupVersionKind;
  query: readonly ParamName[];
  /** Optional. The request body: a definition name, or the patch / delete-options forms. */
  body?: { kind: 'object' | 'patch' | 'delete'; ref: string };
  /** Status code -> the definition the response body is. */
  responses: Record<string, string>;
  watch?: boolean;
}

export interface PathItem {
  path: string;
  /** Path-level parameters (path segments, pretty, and the list options of /watch/ paths). */
  shared: readonly ParamName[];
  /** For the description of the `name` parameter. */
  kind: string;
  tag: string;
  ops: Op[];
}

/** Resolves a served kind to its definition name; undefined when no table describes it yet. */
export interface KindNames {
  kind(gvk: GroupVersionKind): string | undefined;
  list(gvk: GroupVersionKind): string | undefined;
}

const meta = 'io.k8s.apimachinery.pkg.apis.meta.v1.';
const statusRef = meta + 'Status';
const watchEventRef = meta + 'WatchEvent';

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** 'rbac.authorization.k8s.io' -> 'RbacAuthorization', '' -> 'Core'. */
export function groupPascal(group: string): string {
  if (group === '') return 'Core';
  return group.replace(/\.k8s\.io$/, '').split('.').map(pascal).join('');
}

/** The operation tag: 'core_v1', 'rbacAuthorization_v1'. */
export function tagOf(group: string, version: string): string {
  const g = groupPascal(group);
  return `${g.charAt(0).toLowerCase()}${g.slice(1)}_${version}`;
}

export const gvPrefix = (group: string, version: string) => (group === '' ? `/api/${version}` : `/apis/${group}/${version}`);

export function resourcePaths(def: ResourceDef, version: string, names: KindNames): PathItem[] {
  const gvk = { group: def.group, version, kind: def.kind };
  const kindRef = names.kind(gvk);
  if (!kindRef) return [];
  const verbs = new Set<string>(def.verbs ?? allVerbs);
  const gv = groupPascal(def.group) + pascal(version);
  const ns = def.namespaced ? 'Namespaced' : '';
  const K = def.kind;
  const tag = tagOf(def.group, version);
  const base = gvPrefix(def.group, version);
  const scope = def.namespaced ? `/namespaces/{namespace}/${def.resource}` : `/${def.resource}`;
  const scopeParams: ParamName[] = def.namespaced ? ['namespace'] : [];
  const listRef = names.list(gvk);
  const out: PathItem[] = [];
  const item = (path: string, shared: ParamName[], ops: Op[]) => {
    if (ops.length > 0) out.push({ path, shared: [...shared, 'pretty'], kind: K, tag, ops });
  };

  const collection: Op[] = [];
  if (verbs.has('delete') && verbs.has('deletecollection')) {
    collection.push({ method: 'delete', id: `delete${gv}Collection${ns}${K}`, description: `delete a collection of ${K} objects`, action: 'deletecollection', gvk, query: deleteCollectionParams, body: { kind: 'delete', ref: meta + 'DeleteOptions' }, responses: { 200: statusRef } });
  }
  if (verbs.has('list') && listRef) {
    collection.push({ method: 'get', id: `list${gv}${ns}${K}`, description: `list or watch ${K} objects`, action: 'list', gvk, query: listParams, responses: { 200: listRef }, watch: true });
  }
  if (verbs.has('create')) {
    collection.push({ method: 'post', id: `create${gv}${ns}${K}`, description: `create a ${K}`, action: 'post', gvk, query: createParams, body: { kind: 'object', ref: kindRef }, responses: { 200: kindRef, 201: kindRef, 202: kindRef } });
  }
  item(base + scope, scopeParams, collection);

  const named: Op[] = [];
  if (verbs.has('delete')) {
    named.push({ method: 'delete', id: `delete${gv}${ns}${K}`, description: `delete a ${K}`, action: 'delete', gvk, query: deleteParams, body: { kind: 'delete', ref: meta + 'DeleteOptions' }, responses: { 200: statusRef, 202: statusRef } });
  }
  if (verbs.has('get')) named.push({ method: 'get', id: `read${gv}${ns}${K}`, description: `read the named ${K}`, action: 'get', gvk, query: [], responses: { 200: kindRef } });
  if (verbs.has('patch')) named.push(patchOp(`patch${gv}${ns}${K}`, `partially update the named ${K}`, gvk, kindRef));
  if (verbs.has('update')) named.push(replaceOp(`replace${gv}${ns}${K}`, `replace the named ${K}`, gvk, kindRef));
  item(`${base}${scope}/{name}`, [...scopeParams, 'name'], named);

  if (def.namespaced && verbs.has('list') && listRef) {
    // Upstream puts this path's list options on the path, not on its one operation.
    item(`${base}/${def.resource}`, [...listParams], [{ method: 'get', id: `list${gv}${K}ForAllNamespaces`, description: `list or watch ${K} objects across all namespaces`, action: 'list', gvk, query: [], responses: { 200: listRef }, watch: true }]);
  }
  if (verbs.has('watch')) {
    const watchShared = (p: ParamName[]) => [...p, ...listParams];
    const watchOp = (id: string, description: string, action: string): Op => ({ method: 'get', id, description, action, gvk, query: [], responses: { 200: watchEventRef }, watch: true });
    out.push({ path: `${base}/watch${scope}`, shared: watchShared(scopeParams).concat('pretty'), kind: K, tag, ops: [watchOp(`watch${gv}${ns}${K}List`, `watch changes to a list of ${K} objects (deprecated: use list with the watch parameter)`, 'watchlist')] });
    out.push({ path: `${base}/watch${scope}/{name}`, shared: watchShared([...scopeParams, 'name']).concat('pretty'), kind: K, tag, ops: [watchOp(`watch${gv}${ns}${K}`, `watch changes to one ${K} (deprecated: use list with the watch parameter and a metadata.name field selector)`, 'watch')] });
    if (def.namespaced) {
      out.push({ path: `${base}/watch/${def.resource}`, shared: watchShared([]).concat('pretty'), kind: K, tag, ops: [watchOp(`watch${gv}${K}ListForAllNamespaces`, `watch changes to ${K} objects across all namespaces (deprecated: use list with the watch parameter)`, 'watchlist')] });
    }
  }
  for (const s of def.subresources ?? []) {
    const p = subresourcePath(s, def, version, gv + ns + K, names);
    if (p) item(`${base}${scope}/{name}/${s.name}`, [...scopeParams, 'name'], p);
  }
  // The prefix 'pretty' was appended to every path's shared list; keep each name once.
  for (const p of out) p.shared = [...new Set(p.shared)];
  return out;
}

/**
 * The discovery document of a group-version (`/api/v1/`, `/apis/apps/v1/`, APIResourceList), as
 * upstream lists it first in each group-version's paths.
 */
export function groupVersionRootPath(group: string, version: string, resourceListRef: string): PathItem {
  const id = `get${groupPascal(group)}${pascal(version)}APIResources`;
  return {
    path: `${gvPrefix(group, version)}/`, shared: [], kind: '', tag: tagOf(group, version),
    ops: [{ method: 'get', id, description: 'get the resources this group-version serves', query: [], responses: { 200: resourceListRef } }],
  };
}

/** A GET with no parameters: the group, version-list and /version documents. */
export function plainGet(path: string, id: string, tag: string, description: string, ref: string): PathItem {
  return { path, shared: [], kind: '', tag, ops: [{ method: 'get', id, description, query: [], responses: { 200: ref } }] };
}

function patchOp(id: string, description: string, gvk: GroupVersionKind, ref: string): Op {
  return { method: 'patch', id, description, action: 'patch', gvk, query: patchParams, body: { kind: 'patch', ref: meta + 'Patch' }, responses: { 200: ref, 201: ref } };
}

function replaceOp(id: string, description: string, gvk: GroupVersionKind, ref: string): Op {
  return { method: 'put', id, description, action: 'put', gvk, query: createParams, body: { kind: 'object', ref }, responses: { 200: ref, 201: ref } };
}

function subresourcePath(s: SubresourceDef, def: ResourceDef, version: string, stem: string, names: KindNames): Op[] | undefined {
  const gvk = { group: s.group ?? def.group, version: s.version ?? version, kind: s.kind };
  const ref = names.kind(gvk);
  if (!ref) return undefined;
  const id = stem + pascal(s.name);
  const what = `${s.name} of the named ${def.kind}`;
  const ops: Op[] = [];
  if (s.verbs.includes('get')) ops.push({ method: 'get', id: `read${id}`, description: `read the ${what}`, action: 'get', gvk, query: [], responses: { 200: ref } });
  if (s.verbs.includes('patch')) ops.push(patchOp(`patch${id}`, `partially update the ${what}`, gvk, ref));
  if (s.verbs.includes('update')) ops.push(replaceOp(`replace${id}`, `replace the ${what}`, gvk, ref));
  if (s.verbs.includes('create')) {
    ops.push({ method: 'post', id: `create${id}`, description: `create the ${what}`, action: 'post', gvk, query: createParams, body: { kind: 'object', ref }, responses: { 200: ref, 201: ref, 202: ref } });
  }
  return ops;
}

const patchTypes = [
  'application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json',
];
const produced = ['application/json', 'application/vnd.kubernetes.protobuf', 'application/yaml'];
const producedWatch = [...produced, 'application/json;stream=watch', 'application/vnd.kubernetes.protobuf;stream=watch'].sort();
const codeText: Record<string, string> = { 200: 'OK', 201: 'Created', 202: 'Accepted' };

/** One path item object in a dialect. */
export function renderPathItem(p: PathItem, d: Dialect): Json {
  const out: Json = {};
  if (p.shared.length > 0) out.parameters = p.shared.map((n) => parameters([n], d, p.kind)[0]);
  for (const op of p.ops) out[op.method] = renderOp(op, p, d);
  return out;
}

function renderOp(op: Op, p: PathItem, d: Dialect): Json {
  const ref = (name: string) => ({ $ref: refPrefix[d] + name });
  const media = op.watch ? producedWatch : produced;
  const out: Json = { description: op.description, operationId: op.id, tags: [p.tag] };
  const query = parameters(op.query, d, p.kind);
  const responses: Json = {};
  for (const [code, name] of Object.entries(op.responses)) {
    responses[code] = d === 'v2'
      ? { description: codeText[code], schema: ref(name) }
      : { description: codeText[code], content: Object.fromEntries(media.map((m) => [m, { schema: ref(name) }])) };
  }
  responses['401'] = { description: 'Unauthorized' };
  if (d === 'v2') {
    out.consumes = op.body?.kind === 'patch' ? patchTypes : ['*/*'];
    out.produces = media;
    out.schemes = ['https'];
    if (op.body) query.push({ name: 'body', in: 'body', required: op.body.kind !== 'delete', schema: ref(op.body.ref) });
  } else if (op.body) {
    const types = op.body.kind === 'patch' ? patchTypes : ['*/*'];
    const body: Json = { content: Object.fromEntries(types.map((m) => [m, { schema: ref(op.body!.ref) }])) };
    if (op.body.kind !== 'delete') body.required = true;
    out.requestBody = body;
  }
  if (query.length > 0) out.parameters = query;
  out.responses = responses;
  if (op.action) out['x-kubernetes-action'] = op.action;
  if (op.gvk) out['x-kubernetes-group-version-kind'] = { group: op.gvk.group, kind: op.gvk.kind, version: op.gvk.version };
  return out;
}
