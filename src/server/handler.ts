/**
 * The API handler at the bottom of the filter chain: discovery, /version, health, /metrics and
 * resource requests. Everything it needs is resolved at start and passed in.
 */
import { builtinSchemaLoaded, loadBuiltinSchema } from '../schema/lookup.js';
import { ApiError } from '../apis/meta/errors.js';
import type { DiscoveryDocs } from '../endpoints/discovery.js';
import { negotiate } from '../endpoints/negotiation.js';
import type { OpenApiService } from '../endpoints/openapi.js';
import { handleResource, type HandlerEnv, notFoundGeneric } from '../endpoints/resource-handler.js';
import { writeObject } from '../endpoints/status.js';
import type { Handler } from '../filters/chain.js';
import { type HealthCheck, serveHealth } from './health.js';
import type { ApiMetrics } from './metrics.js';

export const versionInfo = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.0',
  gitCommit: 'kubets',
  gitTreeState: 'clean',
  buildDate: '2026-11-28T00:00:00Z',
  goVersion: `node${process.versions.node}`,
  compiler: 'tsc',
  platform: `${process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`,
};

export interface ApiHandlerDeps {
  env: HandlerEnv;
  discovery: DiscoveryDocs;
  openapi: OpenApiService;
  metrics: ApiMetrics;
  livez: readonly HealthCheck[];
  readyz: readonly HealthCheck[];
}

const healthEndpoints = new Set(['healthz', 'livez', 'readyz']);

export function newApiHandler(d: ApiHandlerDeps): Handler {
  return async (r) => {
    const { req, res, info } = r;
    // Decoding, patching and OpenAPI read the schema tables, loaded after start-up (lookup.ts).
    if (info.isResourceRequest) {
      if (!builtinSchemaLoaded()) await loadBuiltinSchema();
      return handleResource(req, res, info, r.user, d.env);
    }
    const segments = info.path.split('/').filter(Boolean);
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') throw new ApiError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource', {});

    if (segments.length >= 1 && healthEndpoints.has(segments[0]) && segments.length <= 2) {
      const checks = segments[0] === 'readyz' ? d.readyz : d.livez;
      return serveHealth(res, segments[0], segments[1] ?? '', info.query, checks);
    }
    if (segments[0] === 'openapi') {
      if (!builtinSchemaLoaded()) await loadBuiltinSchema();
      return d.openapi.serve(req, res, segments.slice(1), info.query);
    }
    const path = '/' + segments.join('/');
    switch (path) {
      case '/version':
        return writeObject(res, 200, versionInfo);
      case '/metrics': {
        const { text, contentType } = await d.metrics.scrape();
        res.writeHead(200, { 'Content-Type': contentType });
        res.end(text);
        return;
      }
      case '/api': {
        const neg = negotiate(req.headers.accept, ['object', 'APIGroupDiscoveryList']);
        if (neg.form === 'APIGroupDiscoveryList') return writeObject(res, 200, d.discovery.aggregatedCore, neg.contentType);
        return writeObject(res, 200, d.discovery.apiVersions, neg.contentType, neg.yaml);
      }
      case '/apis': {
        const neg = negotiate(req.headers.accept, ['object', 'APIGroupDiscoveryList']);
        if (neg.form === 'APIGroupDiscoveryList') return writeObject(res, 200, d.discovery.aggregatedApis, neg.contentType);
        return writeObject(res, 200, d.discovery.groupList, neg.contentType, neg.yaml);
      }
      case '/':
        return writeObject(res, 200, { paths: rootPaths(d.discovery) });
    }
    if (segments[0] === 'apis' && segments.length === 2) {
      const g = d.discovery.groups.get(segments[1]);
      if (g) return writeObject(res, 200, g);
    }
    if ((segments[0] === 'api' && segments.length === 2) || (segments[0] === 'apis' && segments.length === 3)) {
      const gv = segments.slice(1).join('/');
      const list = d.discovery.resourceLists.get(gv);
      if (list) return writeObject(res, 200, list);
    }
    throw notFoundGeneric();
  };
}

function rootPaths(discovery: DiscoveryDocs): string[] {
  const paths = ['/api', '/api/v1', '/apis', '/healthz', '/livez', '/metrics', '/openapi/v2', '/openapi/v3', '/readyz', '/version'];
  for (const [gv] of discovery.resourceLists) if (gv.includes('/')) paths.push(`/apis/${gv}`);
  for (const [g] of discovery.groups) paths.push(`/apis/${g}`);
  return paths.sort();
}
