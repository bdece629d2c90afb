/**
 * Parses a request's URL once into what every later stage reads (upstream's RequestInfoFactory):
 * verb, API group/version, namespace, resource, subresource, name. Everything that is not under
 * /api or /apis is a non-resource request (/healthz, /version, /openapi/v2, ...).
 */
import type { IncomingMessage } from 'node:http';
import { parseFieldSelector } from '../apis/meta/fields.js';
import { parseQueryBool } from '../endpoints/params.js';

export interface RequestInfo {
  isResourceRequest: boolean;
  path: string;
  /** Kubernetes verb: get, list, watch, create, update, patch, delete, deletecollection; or the lower-cased HTTP method for non-resource requests. */
  verb: string;
  apiPrefix: string;
  apiGroup: string;
  apiVersion: string;
  namespace: string;
  resource: string;
  subresource: string;
  name: string;
  /** The resource was named inside /namespaces/{namespace}/ (not /namespaces/{name} itself). */
  inNamespace: boolean;
  parts: string[];
  query: URLSearchParams;
}

const methodVerbs: Record<string, string> = {
  POST: 'create', GET: 'get', HEAD: 'get', PUT: 'update', PATCH: 'patch', DELETE: 'delete',
};

/** Thrown for paths that can never name an object (encoded slashes, dot segments). */
export class BadPathError extends Error {}

export function parseRequestInfo(req: Pick<IncomingMessage, 'method' | 'url'>): RequestInfo {
  const raw = req.url ?? '/';
  const q = raw.indexOf('?');
  const rawPath = q < 0 ? raw : raw.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const method = (req.method ?? 'GET').toUpperCase();
  const info: RequestInfo = {
    isResourceRequest: false, path: rawPath, verb: method.toLowerCase(), apiPrefix: '', apiGroup: '',
    apiVersion: '', namespace: '', resource: '', subresource: '', name: '', inNamespace: false, parts: [], query,
  };

  // Like upstream (strings.Split of the path trimmed of '/'): interior empty segments stay, so
  // /namespaces//configmaps is namespace "" and never shifts onto another resource.
  const trimmed = rawPath.replace(/^\/+|\/+$/g, '');
  const segments = trimmed === '' ? [] : trimmed.split('/');
  if (segments.length === 0 || (segments[0] !== 'api' && segments[0] !== 'apis')) return info;
  // An encoded slash or a dot segment would let a name escape its key: refuse before routing.
  let parts: string[];
  try {
    parts = segments.map((s) => decodeURIComponent(s));
  } catch {
    throw new BadPathError(`invalid path encoding: ${rawPath}`);
  }
  if (parts.some((p) => p.includes('/') || p === '.' || p === '..')) throw new BadPathError(`invalid path: ${rawPath}`);

  info.apiPrefix = parts[0];
  let rest = parts.slice(1);
  if (info.apiPrefix === 'apis') {
    if (rest.length < 2) return info; // /apis and /apis/<group> are discovery
    info.apiGroup = rest[0];
    rest = rest.slice(1);
  } else if (rest.length < 1) {
    return info; // /api
  }
  info.apiVersion = rest[0];
  rest = rest.slice(1);
  if (rest.length === 0) return info; // /api/v1, /apis/g/v: discovery

  info.isResourceRequest = true;
  // Methods without a Kubernetes verb (OPTIONS, TRACE, CONNECT, ...) get '', as upstream.
  let verb = methodVerbs[method] ?? '';
  // Legacy /watch/ prefix: /api/v1/watch/namespaces/ns/pods
  if (rest[0] === 'watch') {
    verb = 'watch';
    rest = rest.slice(1);
  }
  if (rest[0] === 'namespaces') {
    if (rest.length > 1) {
      info.namespace = rest[1];
      // /namespaces/{ns} is the namespace object itself; /namespaces/{ns}/{resource}... is inside it
      if (rest.length > 2 && rest[2] !== 'finalize' && rest[2] !== 'status') {
        rest = rest.slice(2);
        info.inNamespace = true;
      }
    }
  }
  info.parts = rest;
  if (rest.length >= 3) info.subresource = rest[2];
  if (rest.length >= 2) info.name = rest[1];
  info.resource = rest[0] ?? '';
  // As upstream, /api/v1/namespaces/{name} carries namespace={name}: authorizers rely on it.

  if (info.name === '') {
    // Upstream reads ?watch leniently (anything but 0/false is true), and only on collections.
    const watchParam = query.get('watch');
    if (verb === 'get') verb = watchParam !== null && parseQueryBool(watchParam) ? 'watch' : 'list';
    else if (verb === 'delete') verb = 'deletecollection';
  }
  // A list/watch of metadata.name=<x> names x, as upstream, so RBAC resourceNames apply to it.
  if ((verb === 'list' || verb === 'watch') && info.name === '') {
    const fs = query.get('fieldSelector');
    if (fs) {
      try {
        const byName = parseFieldSelector(fs).requirements.find((r) => r.field === 'metadata.name' && r.operator === '=');
        if (byName) info.name = byName.value;
      } catch {
        // an unparsable selector is the handler's 400 to give
      }
    }
  }
  info.verb = verb;
  return info;
}
