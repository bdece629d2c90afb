/**
 * parseRequestInfo against upstream's RequestInfoFactory.NewRequestInfo
 * (k8s.io/apiserver/pkg/endpoints/request/requestinfo.go): verb per method and path shape, the
 * legacy /watch/ prefix, namespaces/{ns} versus namespaces/{ns}/{finalize,status}, subresources,
 * the lenient ?watch reading, and the paths kubets refuses outright (BadPathError).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BadPathError, parseRequestInfo, type RequestInfo } from '../../src/filters/request-info.js';

const t = { timeout: 10_000 };
const info = (method: string, url: string) => parseRequestInfo({ method, url });

type Want = Partial<Pick<RequestInfo, 'isResourceRequest' | 'verb' | 'apiPrefix' | 'apiGroup' | 'apiVersion' | 'namespace' | 'resource' | 'subresource' | 'name' | 'parts' | 'path'>>;

function check(method: string, url: string, want: Want) {
  const got = info(method, url);
  for (const [k, v] of Object.entries(want)) {
    assert.deepEqual((got as unknown as Record<string, unknown>)[k], v, `${method} ${url}: ${k}`);
  }
}

describe('parseRequestInfo: non-resource requests', t, () => {
  const cases: Array<[string, string, Want]> = [
    ['GET', '/', { isResourceRequest: false, verb: 'get', path: '/' }],
    ['GET', '/healthz', { isResourceRequest: false, verb: 'get', path: '/healthz' }],
    ['GET', '/readyz?verbose', { isResourceRequest: false, verb: 'get', path: '/readyz' }],
    ['GET', '/version', { isResourceRequest: false, verb: 'get' }],
    ['GET', '/metrics', { isResourceRequest: false, verb: 'get' }],
    ['GET', '/openapi/v2', { isResourceRequest: false, verb: 'get' }],
    ['POST', '/version', { isResourceRequest: false, verb: 'post' }],
    ['DELETE', '/healthz', { isResourceRequest: false, verb: 'delete' }],
    ['HEAD', '/livez', { isResourceRequest: false, verb: 'head' }],
    // Discovery: fewer than three parts after the prefix is not a resource request.
    ['GET', '/api', { isResourceRequest: false, verb: 'get', path: '/api' }],
    ['GET', '/api/v1', { isResourceRequest: false, verb: 'get' }],
    ['GET', '/apis', { isResourceRequest: false, verb: 'get' }],
    ['GET', '/apis/apps', { isResourceRequest: false, verb: 'get' }],
    ['GET', '/apis/apps/v1', { isResourceRequest: false, verb: 'get' }],
    ['GET', '/apis/apps/v1/', { isResourceRequest: false, verb: 'get' }],
    // Neither /api nor /apis: never a resource request, however deep.
    ['GET', '/foo/v1/namespaces/ns/pods', { isResourceRequest: false, verb: 'get' }],
    ['GET', '/apix/apps/v1/deployments', { isResourceRequest: false, verb: 'get' }],
  ];
  for (const [m, u, w] of cases) it(`${m} ${u}`, () => check(m, u, w));
});

describe('parseRequestInfo: verbs for every method and path shape', t, () => {
  const cases: Array<[string, string, Want]> = [
    // collection paths
    ['GET', '/api/v1/pods', { verb: 'list', resource: 'pods', namespace: '', name: '', apiPrefix: 'api', apiGroup: '', apiVersion: 'v1' }],
    ['HEAD', '/api/v1/pods', { verb: 'list', resource: 'pods' }],
    ['GET', '/api/v1/namespaces/ns1/pods', { verb: 'list', resource: 'pods', namespace: 'ns1', name: '' }],
    ['POST', '/api/v1/namespaces/ns1/pods', { verb: 'create', resource: 'pods', namespace: 'ns1', name: '' }],
    ['DELETE', '/api/v1/namespaces/ns1/pods', { verb: 'deletecollection', resource: 'pods', namespace: 'ns1' }],
    ['DELETE', '/api/v1/pods', { verb: 'deletecollection', resource: 'pods', namespace: '' }],
    // item paths
    ['GET', '/api/v1/namespaces/ns1/pods/p1', { verb: 'get', resource: 'pods', namespace: 'ns1', name: 'p1', subresource: '', parts: ['pods', 'p1'] }],
    ['HEAD', '/api/v1/namespaces/ns1/pods/p1', { verb: 'get', name: 'p1' }],
    ['PUT', '/api/v1/namespaces/ns1/pods/p1', { verb: 'update', name: 'p1' }],
    ['PATCH', '/api/v1/namespaces/ns1/pods/p1', { verb: 'patch', name: 'p1' }],
    ['DELETE', '/api/v1/namespaces/ns1/pods/p1', { verb: 'delete', name: 'p1' }],
    ['POST', '/api/v1/namespaces/ns1/pods/p1', { verb: 'create', name: 'p1' }],
    // the method is read case-insensitively
    ['get', '/api/v1/namespaces/ns1/pods/p1', { verb: 'get' }],
    ['delete', '/api/v1/namespaces/ns1/pods', { verb: 'deletecollection' }],
    // named groups
    ['GET', '/apis/apps/v1/namespaces/ns1/deployments', { verb: 'list', apiPrefix: 'apis', apiGroup: 'apps', apiVersion: 'v1', resource: 'deployments', namespace: 'ns1' }],
    ['PATCH', '/apis/apps/v1/namespaces/ns1/deployments/d1/scale', { verb: 'patch', apiGroup: 'apps', resource: 'deployments', name: 'd1', subresource: 'scale' }],
    ['GET', '/apis/rbac.authorization.k8s.io/v1/clusterroles/admin', { verb: 'get', apiGroup: 'rbac.authorization.k8s.io', resource: 'clusterroles', name: 'admin', namespace: '' }],
    ['GET', '/apis/apps/v1/deployments', { verb: 'list', resource: 'deployments', namespace: '' }],
    // cluster-scoped
    ['GET', '/api/v1/nodes/n1', { verb: 'get', resource: 'nodes', name: 'n1', namespace: '' }],
    ['PUT', '/api/v1/nodes/n1/status', { verb: 'update', resource: 'nodes', name: 'n1', subresource: 'status' }],
    // subresources
    ['GET', '/api/v1/namespaces/ns1/pods/p1/status', { verb: 'get', name: 'p1', subresource: 'status', parts: ['pods', 'p1', 'status'] }],
    ['POST', '/api/v1/namespaces/ns1/pods/p1/binding', { verb: 'create', name: 'p1', subresource: 'binding' }],
    ['POST', '/api/v1/namespaces/ns1/pods/p1/eviction', { verb: 'create', name: 'p1', subresource: 'eviction' }],
    ['GET', '/api/v1/namespaces/ns1/pods/p1/log', { verb: 'get', subresource: 'log' }],
    // parts beyond the subresource are kept, not interpreted
    ['GET', '/api/v1/namespaces/ns1/pods/p1/proxy/a/b', { verb: 'get', name: 'p1', subresource: 'proxy', parts: ['pods', 'p1', 'proxy', 'a', 'b'] }],
  ];
  for (const [m, u, w] of cases) it(`${m} ${u}`, () => check(m, u, w));
});

describe('parseRequestInfo: namespaces/{ns} is the namespace object; {ns}/finalize and {ns}/status are its subresources', t, () => {
  const cases: Array<[string, string, Want]> = [
    ['GET', '/api/v1/namespaces', { verb: 'list', resource: 'namespaces', namespace: '', name: '' }],
    ['POST', '/api/v1/namespaces', { verb: 'create', resource: 'namespaces', namespace: '' }],
    ['GET', '/api/v1/namespaces/ns1', { verb: 'get', resource: 'namespaces', namespace: 'ns1', name: 'ns1', subresource: '' }],
    ['DELETE', '/api/v1/namespaces/ns1', { verb: 'delete', resource: 'namespaces', namespace: 'ns1', name: 'ns1' }],
    ['PUT', '/api/v1/namespaces/ns1/finalize', { verb: 'update', resource: 'namespaces', namespace: 'ns1', name: 'ns1', subresource: 'finalize' }],
    ['PUT', '/api/v1/namespaces/ns1/status', { verb: 'update', resource: 'namespaces', namespace: 'ns1', name: 'ns1', subresource: 'status' }],
    ['GET', '/api/v1/namespaces/ns1/status', { verb: 'get', resource: 'namespaces', name: 'ns1', subresource: 'status' }],
    // anything else after the namespace name is a resource inside it
    ['GET', '/api/v1/namespaces/ns1/configmaps', { verb: 'list', resource: 'configmaps', namespace: 'ns1', name: '' }],
    ['GET', '/api/v1/namespaces/ns1/finalizers', { verb: 'list', resource: 'finalizers', namespace: 'ns1' }],
    // a namespace literally named "namespaces" or "status" holds resources like any other
    ['GET', '/api/v1/namespaces/namespaces/pods/p', { resource: 'pods', namespace: 'namespaces', name: 'p' }],
    ['GET', '/api/v1/namespaces/status/pods', { resource: 'pods', namespace: 'status', verb: 'list' }],
  ];
  for (const [m, u, w] of cases) it(`${m} ${u}`, () => check(m, u, w));
});

describe('parseRequestInfo: the legacy /watch/ prefix', t, () => {
  const cases: Array<[string, string, Want]> = [
    ['GET', '/api/v1/watch/pods', { verb: 'watch', resource: 'pods', namespace: '', name: '' }],
    ['GET', '/api/v1/watch/namespaces/ns1/pods', { verb: 'watch', resource: 'pods', namespace: 'ns1', name: '' }],
    ['GET', '/api/v1/watch/namespaces/ns1/pods/p1', { verb: 'watch', resource: 'pods', namespace: 'ns1', name: 'p1' }],
    ['GET', '/api/v1/watch/namespaces', { verb: 'watch', resource: 'namespaces', namespace: '' }],
    ['GET', '/api/v1/watch/namespaces/ns1', { verb: 'watch', resource: 'namespaces', namespace: 'ns1', name: 'ns1' }],
    ['GET', '/apis/apps/v1/watch/namespaces/ns1/deployments', { verb: 'watch', apiGroup: 'apps', resource: 'deployments', namespace: 'ns1' }],
    // the prefix wins over the method, as upstream's specialVerbs
    ['POST', '/api/v1/watch/pods', { verb: 'watch' }],
  ];
  for (const [m, u, w] of cases) it(`${m} ${u}`, () => check(m, u, w));
});

describe('parseRequestInfo: ?watch is read leniently (Convert_Slice_string_To_bool)', t, () => {
  const watchValues: Array<[string, string]> = [
    ['watch=1', 'watch'], ['watch=true', 'watch'], ['watch=True', 'watch'], ['watch=yes', 'watch'],
    ['watch=', 'watch'], ['watch', 'watch'], ['watch=t', 'watch'], ['watch=2', 'watch'],
    ['watch=0', 'list'], ['watch=false', 'list'], ['watch=FALSE', 'list'], ['watch=fAlSe', 'list'],
    // only the first value counts
    ['watch=false&watch=true', 'list'], ['watch=true&watch=false', 'watch'],
    // a malformed sibling parameter does not stop watch from being read
    ['limit=abc&watch=true', 'watch'],
    ['labelSelector=a&watch=1&resourceVersion=5', 'watch'],
  ];
  for (const [q, verb] of watchValues) {
    it(`GET collection ?${q} -> ${verb}`, () => check('GET', `/api/v1/namespaces/ns1/pods?${q}`, { verb }));
  }
  it('?watch does not change a non-GET verb', () => {
    check('POST', '/api/v1/namespaces/ns1/pods?watch=1', { verb: 'create' });
    check('DELETE', '/api/v1/namespaces/ns1/pods?watch=1', { verb: 'deletecollection' });
  });
  // Upstream decides list/watch only when the request names no object: a named GET stays a GET
  // (the watch handler is reached through the collection with fieldSelector=metadata.name=...).
  it('?watch=true on a named GET stays get (upstream only turns nameless GETs into list/watch)', () => {
    check('GET', '/api/v1/namespaces/ns1/pods/p1?watch=true', { verb: 'get', name: 'p1' });
  });
  // Upstream fills Name from fieldSelector=metadata.name=<name> on list/watch, so authorizers
  // (RBAC resourceNames) can allow watching a single object.
  it('fieldSelector=metadata.name=<x> on a list/watch fills name, as upstream', () => {
    check('GET', '/api/v1/namespaces/ns1/pods?fieldSelector=metadata.name%3Dp1&watch=1', { verb: 'watch', name: 'p1' });
    check('GET', '/api/v1/namespaces/ns1/pods?fieldSelector=metadata.name%3Dp1', { verb: 'list', name: 'p1' });
  });
  it('keeps the query for later stages', () => {
    const r = info('GET', '/api/v1/pods?limit=5&labelSelector=a%3Db');
    assert.equal(r.query.get('limit'), '5');
    assert.equal(r.query.get('labelSelector'), 'a=b');
    assert.equal(r.path, '/api/v1/pods');
  });
});

describe('parseRequestInfo: methods without a Kubernetes verb', t, () => {
  // upstream: any other method gives the empty verb on a resource request
  for (const m of ['OPTIONS', 'TRACE', 'CONNECT']) {
    it(`${m} on a resource path -> verb ""`, () => check(m, '/api/v1/namespaces/ns1/pods/p1', { isResourceRequest: true, verb: '' }));
  }
});

describe('parseRequestInfo: percent-decoding of ordinary segments', t, () => {
  it('decodes %-escapes that are not slashes or dots', () => {
    check('GET', '/api/v1/namespaces/ns1/configmaps/a%2Db', { name: 'a-b' });
    check('GET', '/api/v1/namespaces/n%73/configmaps', { namespace: 'ns' });
  });
});

describe('parseRequestInfo: paths that can never name an object throw BadPathError', t, () => {
  const bad = [
    '/api/v1/namespaces/ns1/configmaps/..',
    '/api/v1/namespaces/ns1/configmaps/.',
    '/api/v1/namespaces/ns1/configmaps/%2E%2E',
    '/api/v1/namespaces/ns1/configmaps/%2e',
    '/api/v1/namespaces/ns1/configmaps/a%2Fb',
    '/api/v1/namespaces/ns1/configmaps/a%2fb',
    '/api/v1/namespaces/ns1%2Fconfigmaps/x',
    '/api/v1/namespaces/../namespaces/ns1/configmaps/x',
    '/api/v1/namespaces/ns1/configmaps/../secrets',
    '/api/v1/namespaces/%2E%2E/configmaps',
    '/apis/apps/v1/namespaces/ns1/deployments/%2F',
    '/api/v1/namespaces/ns1/configmaps/%',
    '/api/v1/namespaces/ns1/configmaps/%zz',
    '/api/v1/namespaces/ns1/configmaps/%C3%28',
    '/api/v1/namespaces/ns1/configmaps/%FF',
  ];
  for (const url of bad) {
    it(url, () => assert.throws(() => info('GET', url), BadPathError));
  }
  it('the query string is not part of the path check', () => {
    assert.doesNotThrow(() => info('GET', '/api/v1/namespaces/ns1/configmaps?labelSelector=a%2Fb'));
    assert.doesNotThrow(() => info('GET', '/api/v1/namespaces/ns1/configmaps?x=..'));
  });
  it('non-resource paths are not checked', () => {
    assert.doesNotThrow(() => info('GET', '/healthz/..'));
    assert.doesNotThrow(() => info('GET', '/openapi/v3/apis/apps/v1%2Fx'));
  });
});

describe('parseRequestInfo: empty segments do not shift the path', t, () => {
  // Upstream keeps empty segments (splitPath trims only the ends), so a doubled slash never turns
  // a resource segment into a name. Dropping them would make /api/v1/namespaces//configmaps read
  // as GET namespace "configmaps".
  it('/api/v1/namespaces//configmaps is not the namespace named "configmaps"', () => {
    let r: RequestInfo | undefined;
    try { r = info('GET', '/api/v1/namespaces//configmaps'); } catch (e) { assert.ok(e instanceof BadPathError); return; }
    assert.notEqual(r.resource === 'namespaces' && r.name === 'configmaps', true, `read as ${JSON.stringify({ resource: r.resource, name: r.name })}`);
    assert.equal(r.resource, 'configmaps');
  });
  it('a trailing slash is trimmed', () => {
    check('GET', '/api/v1/namespaces/ns1/pods/', { verb: 'list', resource: 'pods', namespace: 'ns1', name: '' });
  });
});
