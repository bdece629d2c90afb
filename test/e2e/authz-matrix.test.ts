// A table-driven authorization matrix over TLS against the real server: identities x verbs x
// resources x namespaces, each case a real request (writes with dryRun=All, so the cluster never
// changes), for Node,RBAC (the default), ABAC and AlwaysAllow. Expected answers come from
// upstream's semantics (bootstrap ClusterRoles view/edit, the Node authorizer with
// AuthorizeNodeWithSelectors on as in 1.32, ABAC's matching rules), never from kubets' answers.
// A sample is cross-checked with `kubectl auth can-i`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually, skipWithoutKubectl, startServer, type TestServer } from './harness.js';
import {
  adminCert, agent, clientCert, forUpdate, kubectlSecure, mapLimit, secureRequest, TempFiles, tokenCsv, type Credentials,
} from './secure-helpers.js';

type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'delete';
type Resource = 'pods' | 'secrets' | 'configmaps' | 'deployments' | 'nodes' | 'namespaces' | 'clusterroles';
/** A namespace, or 'cluster' for cluster-scoped resources and all-namespace lists. */
type Scope = 'a' | 'b' | 'default' | 'cluster';
type IdentityName = 'admin' | 'alice' | 'bob' | 'carol' | 'robot' | 'kubelet' | 'anonymous' | 'admin-as-bob';

interface ResourceDef {
  group: string;
  base: string;
  namespaced: boolean;
  /** The fixture object every get/update/delete names (namespaces name themselves). */
  fixture: string;
  /** A new object for create (dry run). */
  create: () => Record<string, unknown>;
}

const podSpec = { containers: [{ name: 'c', image: 'busybox' }] };
const resources: Record<Resource, ResourceDef> = {
  pods: { group: '', base: '/api/v1', namespaced: true, fixture: 'p1', create: () => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'matrix-new' }, spec: podSpec }) },
  secrets: { group: '', base: '/api/v1', namespaced: true, fixture: 's1', create: () => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'matrix-new' }, stringData: { k: 'v' } }) },
  configmaps: { group: '', base: '/api/v1', namespaced: true, fixture: 'c1', create: () => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'matrix-new' }, data: { k: 'v' } }) },
  deployments: {
    group: 'apps', base: '/apis/apps/v1', namespaced: true, fixture: 'd1',
    create: () => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'matrix-new' }, spec: { selector: { matchLabels: { app: 'm' } }, template: { metadata: { labels: { app: 'm' } }, spec: podSpec } } }),
  },
  nodes: { group: '', base: '/api/v1', namespaced: false, fixture: 'n1', create: () => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'matrix-new' } }) },
  namespaces: { group: '', base: '/api/v1', namespaced: false, fixture: '', create: () => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'matrix-new' } }) },
  clusterroles: { group: 'rbac.authorization.k8s.io', base: '/apis/rbac.authorization.k8s.io/v1', namespaced: false, fixture: 'matrix-cr', create: () => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'matrix-new' }, rules: [] }) },
};
const verbs: Verb[] = ['get', 'list', 'watch', 'create', 'update', 'delete'];
const namespaces: Scope[] = ['a', 'b', 'default'];

interface Case {
  who: IdentityName;
  verb: Verb;
  resource: Resource;
  scope: Scope;
  /** Optional. Overrides the fixture name (extra cases). */
  name?: string;
  /** Optional. A field selector for list/watch; metadata.name=<x> names the object for authorization, as upstream's RequestInfo. */
  fieldSelector?: string;
}

interface Result { c: Case; status: number; message: string }

/** The namespace upstream's RequestInfo gives the request: /api/v1/namespaces/{name} is in namespace {name}. */
function requestNamespace(c: Case): string {
  if (c.resource === 'namespaces') return ['get', 'update', 'delete'].includes(c.verb) ? c.scope : '';
  return resources[c.resource].namespaced && c.scope !== 'cluster' ? c.scope : '';
}

/** The object name authorization sees: the path's, or an exact metadata.name field selector's. */
function requestName(c: Case): string {
  if (['get', 'update', 'delete'].includes(c.verb)) return c.name ?? (c.resource === 'namespaces' ? c.scope : resources[c.resource].fixture);
  const m = /^metadata\.name=(.+)$/.exec(c.fieldSelector ?? '');
  return m ? m[1] : '';
}

function caseId(c: Case): string {
  const name = requestName(c);
  return `${c.who} ${c.verb} ${c.resource}${name ? `/${name}` : ''} ${c.scope === 'cluster' ? '(cluster)' : `-n ${c.scope}`}${c.fieldSelector ? ` fieldSelector=${c.fieldSelector}` : ''}`;
}

/** The start of upstream's 403 message for an authorizer's refusal (responsewriters.Forbidden + errors.NewForbidden). */
function denyPrefix(c: Case, userName: string): string {
  const d = resources[c.resource];
  const name = requestName(c);
  const ns = requestNamespace(c);
  const qualified = d.group ? `${c.resource}.${d.group}` : c.resource;
  const where = ns ? `in the namespace "${ns}"` : 'at the cluster scope';
  return `${qualified}${name ? ` "${name}"` : ''} is forbidden: User "${userName}" cannot ${c.verb} resource "${c.resource}" in API group "${d.group}" ${where}`;
}

/** The 104 base cases of one identity: every verb on every resource in every scope that makes sense. */
function baseCases(who: IdentityName, only?: readonly Resource[]): Case[] {
  const out: Case[] = [];
  const want = (r: Resource) => !only || only.includes(r);
  for (const resource of ['pods', 'secrets', 'configmaps', 'deployments'] as const) {
    if (!want(resource)) continue;
    for (const scope of namespaces) for (const verb of verbs) out.push({ who, verb, resource, scope });
    for (const verb of ['list', 'watch'] as const) out.push({ who, verb, resource, scope: 'cluster' });
  }
  for (const resource of ['nodes', 'clusterroles'] as const) {
    if (want(resource)) for (const verb of verbs) out.push({ who, verb, resource, scope: 'cluster' });
  }
  if (want('namespaces')) {
    for (const scope of namespaces) for (const verb of ['get', 'update', 'delete'] as const) out.push({ who, verb, resource: 'namespaces', scope });
    for (const verb of ['list', 'watch', 'create'] as const) out.push({ who, verb, resource: 'namespaces', scope: 'cluster' });
  }
  return out;
}

// ---- upstream's policy, written down --------------------------------------------------------

type Grants = Partial<Record<Resource, readonly Verb[]>>;
const read: Verb[] = ['get', 'list', 'watch'];
const readWrite: Verb[] = [...read, 'create', 'update', 'delete'];
/** ClusterRole view (aggregate-to-view): no secrets; reading namespaces at namespace scope reads *this* namespace. */
const view: Grants = { pods: read, configmaps: read, deployments: read, namespaces: read };
/** ClusterRole edit (aggregate-to-edit + view): reads and writes secrets, pods, configmaps, deployments; no namespace writes. */
const edit: Grants = { pods: readWrite, secrets: readWrite, configmaps: readWrite, deployments: readWrite, namespaces: read };
/** The Role robot-role in namespace a. */
const robotRole: Grants = { configmaps: ['get', 'list', 'watch', 'create'], deployments: ['get'] };

const rbacBindings: Partial<Record<IdentityName, Array<{ namespace: string; grants: Grants }>>> = {
  alice: [{ namespace: 'a', grants: edit }],
  bob: [{ namespace: 'b', grants: view }],
  'admin-as-bob': [{ namespace: 'b', grants: view }],
  robot: [{ namespace: 'a', grants: robotRole }],
};

/**
 * The Node authorizer for system:node:n1 (node_authorizer.go, AuthorizeNodeWithSelectors on), then
 * RBAC, where the system:node ClusterRoleBinding has no subjects. None of the base fixtures is
 * related to n1 except the Node n1 itself.
 */
function kubeletAllows(c: Case): boolean {
  const name = requestName(c);
  switch (c.resource) {
    case 'pods':
      if (c.verb === 'create' || c.verb === 'delete') return true; // mirror pods; NodeRestriction narrows it
      if (c.verb === 'get') return name === 'on-n1';
      if (c.verb === 'list' || c.verb === 'watch') return c.fieldSelector === 'spec.nodeName=n1';
      return false;
    case 'secrets': case 'configmaps':
      return c.verb === 'get' && (name === 'on-n1-secret' || name === 'on-n1-cm'); // list/watch need a name upstream too
    case 'nodes':
      if (c.verb === 'create' || c.verb === 'update') return true; // NodeRestriction narrows it
      if (c.verb === 'get' || c.verb === 'list' || c.verb === 'watch') return name === 'n1';
      return false;
    default:
      return false;
  }
}

function rbacNodeAllows(c: Case): boolean {
  switch (c.who) {
    case 'admin': return true;
    case 'anonymous': return false;
    case 'kubelet': return kubeletAllows(c);
    default: {
      const ns = requestNamespace(c);
      return (rbacBindings[c.who] ?? []).some((b) => b.namespace === ns && (b.grants[c.resource] ?? []).includes(c.verb));
    }
  }
}

/** The ABAC policy file of the ABAC matrix and its meaning (abac.go resourceMatches/subjectMatches). */
const abacPolicy = [
  { user: 'alice', namespace: 'a', resource: '*', apiGroup: '*' },
  { user: 'bob', namespace: 'default', resource: '*', apiGroup: '*', readonly: true },
  { user: 'carol', namespace: '*', resource: 'namespaces', apiGroup: '', readonly: true },
].map((spec) => JSON.stringify({ apiVersion: 'abac.authorization.kubernetes.io/v1beta1', kind: 'Policy', spec })).join('\n') + '\n';

function abacAllows(c: Case): boolean {
  const ns = requestNamespace(c);
  switch (c.who) {
    case 'admin': return true; // system:masters, before any mode
    case 'alice': return ns === 'a';
    case 'bob': return ns === 'default' && read.includes(c.verb);
    case 'carol': return c.resource === 'namespaces' && read.includes(c.verb);
    default: return false; // anonymous is not system:authenticated; nobody else has a policy
  }
}

// ---- running a case ---------------------------------------------------------------------------

function request(c: Case, fixtures: Map<string, any>): { method: string; path: string; body?: unknown; watch?: boolean } {
  const d = resources[c.resource];
  const ns = c.resource === 'namespaces' ? '' : requestNamespace(c);
  const collection = `${d.base}${ns ? `/namespaces/${ns}` : ''}/${c.resource}`;
  const name = requestName(c);
  const selector = c.fieldSelector ? `fieldSelector=${encodeURIComponent(c.fieldSelector)}` : '';
  switch (c.verb) {
    case 'get': return { method: 'GET', path: `${collection}/${name}` };
    case 'list': return { method: 'GET', path: `${collection}${selector ? `?${selector}` : ''}` };
    case 'watch': return { method: 'GET', path: `${collection}?watch=1&timeoutSeconds=1${selector ? `&${selector}` : ''}`, watch: true };
    case 'create': return { method: 'POST', path: `${collection}?dryRun=All`, body: d.create() };
    case 'update': {
      const current = fixtures.get(`${c.resource}/${ns}/${name}`);
      if (!current) throw new Error(`no fixture ${c.resource}/${ns}/${name}`);
      return { method: 'PUT', path: `${collection}/${name}?dryRun=All`, body: forUpdate(current) };
    }
    case 'delete': return { method: 'DELETE', path: `${collection}/${name}?dryRun=All` };
  }
}

async function runCases(s: TestServer, cases: Case[], creds: Record<string, Credentials>, fixtures: Map<string, any>): Promise<Result[]> {
  // Deletes last: they are dry runs, but if one were not, it must not change the other answers.
  const ordered = [...cases.filter((c) => c.verb !== 'delete'), ...cases.filter((c) => c.verb === 'delete')];
  return mapLimit(ordered, 16, async (c) => {
    try {
      const r = request(c, fixtures);
      const res = await secureRequest(s, r.method, r.path, creds[c.who], { body: r.body, watch: r.watch });
      return { c, status: res.status, message: String(res.json?.message ?? '') };
    } catch (e) {
      return { c, status: 0, message: String(e) };
    }
  });
}

/** Every mismatch between results and the expectation, one line each. */
function mismatches(results: Result[], expect: (c: Case) => boolean, userName: (c: Case) => string): string[] {
  const out: string[] = [];
  for (const { c, status, message } of results) {
    const prefix = denyPrefix(c, userName(c));
    const denied = status === 403 && message.startsWith(prefix);
    if (expect(c)) {
      if (denied || status === 401 || status === 0 || status >= 500) out.push(`${caseId(c)}: expected allowed, got ${status} ${message}`);
    } else if (!denied) {
      out.push(`${caseId(c)}: expected 403 "${prefix}...", got ${status} ${message}`);
    }
  }
  return out;
}

const userNames: Record<IdentityName, string> = {
  admin: 'kubernetes-admin', alice: 'alice', bob: 'bob', carol: 'carol', robot: 'system:serviceaccount:a:robot',
  kubelet: 'system:node:n1', anonymous: 'system:anonymous', 'admin-as-bob': 'bob',
};
const tokens = [
  { token: 'matrix-alice-token', user: 'alice', uid: 'u-alice', groups: ['team-a'] },
  { token: 'matrix-bob-token', user: 'bob', uid: 'u-bob' },
  { token: 'matrix-carol-token', user: 'carol', uid: 'u-carol' },
];

/** Namespaces a and b, and in a, b and default a pod, secret, configmap and deployment; nodes; a ClusterRole. */
async function createFixtures(s: TestServer, admin: Credentials): Promise<Map<string, any>> {
  const post = async (path: string, body: Record<string, any>) => {
    // eventually: a new namespace may need a moment (e.g. its default service account) before pods are admitted.
    const created = await eventually(async () => {
      const r = await secureRequest(s, 'POST', path, admin, { body });
      if (r.status === 201) return r.json;
      if (r.status === 409) return (await secureRequest(s, 'GET', `${path}/${body.metadata.name}`, admin)).json;
      throw new Error(`POST ${path}: ${r.status} ${r.text}`);
    }, 15_000, `POST ${path} ${body.metadata.name}`);
    return created;
  };
  const fixtures = new Map<string, any>();
  const keep = (resource: Resource, ns: string, obj: any) => fixtures.set(`${resource}/${ns}/${obj.metadata.name}`, obj);
  for (const ns of ['a', 'b']) await post('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  for (const ns of namespaces) {
    const obj = (await secureRequest(s, 'GET', `/api/v1/namespaces/${ns}`, admin)).json;
    keep('namespaces', '', obj);
    keep('pods', ns, await post(`/api/v1/namespaces/${ns}/pods`, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p1' }, spec: podSpec }));
    keep('secrets', ns, await post(`/api/v1/namespaces/${ns}/secrets`, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's1' }, stringData: { k: 'v' } }));
    keep('configmaps', ns, await post(`/api/v1/namespaces/${ns}/configmaps`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c1' }, data: { k: 'v' } }));
    const d = resources.deployments.create();
    keep('deployments', ns, await post(`/apis/apps/v1/namespaces/${ns}/deployments`, { ...d, metadata: { name: 'd1' } }));
  }
  for (const name of ['n1', 'n2']) keep('nodes', '', await post('/api/v1/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name } }));
  keep('clusterroles', '', await post('/apis/rbac.authorization.k8s.io/v1/clusterroles', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'matrix-cr' }, rules: [] }));
  // What kubelet n1 may reach: a pod bound to it, and the secret and configmap that pod uses.
  await post('/api/v1/namespaces/default/secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'on-n1-secret' }, stringData: { k: 'v' } });
  await post('/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'on-n1-cm' }, data: { k: 'v' } });
  await post('/api/v1/namespaces/default/pods', {
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'on-n1' },
    spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'busybox', envFrom: [{ configMapRef: { name: 'on-n1-cm' } }] }], volumes: [{ name: 's', secret: { secretName: 'on-n1-secret' } }] },
  });
  return fixtures;
}

/** The RBAC objects of the Node,RBAC matrix; returns the service account robot's token. */
async function createBindings(s: TestServer, admin: Credentials): Promise<string> {
  const rbac = '/apis/rbac.authorization.k8s.io/v1';
  const post = async (path: string, body: unknown) => {
    const r = await secureRequest(s, 'POST', path, admin, { body });
    assert.equal(r.status, 201, `POST ${path}: ${r.text}`);
    return r.json;
  };
  const binding = (name: string, roleKind: string, role: string, subject: Record<string, string>) => ({
    apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: roleKind, name: role }, subjects: [subject],
  });
  await post(`${rbac}/namespaces/a/rolebindings`, binding('alice-edit', 'ClusterRole', 'edit', { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'alice' }));
  await post(`${rbac}/namespaces/b/rolebindings`, binding('bob-view', 'ClusterRole', 'view', { kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'bob' }));
  await post('/api/v1/namespaces/a/serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot' } });
  await post(`${rbac}/namespaces/a/roles`, {
    apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'robot-role' },
    rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch', 'create'] }, { apiGroups: ['apps'], resources: ['deployments'], verbs: ['get'] }],
  });
  await post(`${rbac}/namespaces/a/rolebindings`, binding('robot', 'Role', 'robot-role', { kind: 'ServiceAccount', name: 'robot', namespace: 'a' }));
  const tr = await post('/api/v1/namespaces/a/serviceaccounts/robot/token', { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: {} });
  return tr.status.token as string;
}

/** Every identity's results must match; a test per identity, so a failure names who. */
function identityTests(get: () => Result[], who: readonly IdentityName[], expect: (c: Case) => boolean) {
  for (const w of who) {
    it(`${w}: every case as upstream`, { timeout: 10_000 }, () => {
      const mine = get().filter((r) => r.c.who === w);
      assert.ok(mine.length > 0, `no cases for ${w}`);
      assert.deepEqual(mismatches(mine, expect, (c) => userNames[c.who]), []);
    });
  }
}

after(() => agent.destroy());

describe('authorization matrix: Node,RBAC (the default)', { skip: skipWithoutKubectl, timeout: 240_000 }, () => {
  let s: TestServer;
  let files: TempFiles;
  let creds: Record<IdentityName, Credentials>;
  let results: Result[] = [];
  const identities: IdentityName[] = ['admin', 'alice', 'bob', 'carol', 'robot', 'kubelet', 'anonymous', 'admin-as-bob'];
  const kubeletExtras: Case[] = [
    { who: 'kubelet', verb: 'get', resource: 'pods', scope: 'default', name: 'on-n1' },
    { who: 'kubelet', verb: 'get', resource: 'secrets', scope: 'default', name: 'on-n1-secret' },
    { who: 'kubelet', verb: 'get', resource: 'configmaps', scope: 'default', name: 'on-n1-cm' },
    { who: 'kubelet', verb: 'list', resource: 'secrets', scope: 'default' },
    { who: 'kubelet', verb: 'get', resource: 'nodes', scope: 'cluster', name: 'n2' },
    { who: 'kubelet', verb: 'list', resource: 'pods', scope: 'cluster', fieldSelector: 'spec.nodeName=n1' },
    { who: 'kubelet', verb: 'watch', resource: 'pods', scope: 'cluster', fieldSelector: 'spec.nodeName=n1' },
    { who: 'kubelet', verb: 'list', resource: 'pods', scope: 'default', fieldSelector: 'spec.nodeName=n1' },
    { who: 'kubelet', verb: 'list', resource: 'pods', scope: 'cluster', fieldSelector: 'spec.nodeName=n2' },
    { who: 'kubelet', verb: 'list', resource: 'nodes', scope: 'cluster', fieldSelector: 'metadata.name=n1' },
    { who: 'kubelet', verb: 'watch', resource: 'nodes', scope: 'cluster', fieldSelector: 'metadata.name=n1' },
    { who: 'kubelet', verb: 'list', resource: 'nodes', scope: 'cluster', fieldSelector: 'metadata.name=n2' },
    { who: 'alice', verb: 'list', resource: 'pods', scope: 'a', fieldSelector: 'metadata.name=p1' },
    { who: 'bob', verb: 'get', resource: 'pods', scope: 'default', name: 'on-n1' },
  ];
  const cases = [...identities.flatMap((w) => baseCases(w)), ...kubeletExtras];

  before(async () => {
    files = new TempFiles();
    s = await startServer({ args: [`--token-auth-file=${files.write('tokens.csv', tokenCsv(tokens))}`] });
    const admin: Credentials = { cert: adminCert(s.dataDir) };
    const fixtures = await createFixtures(s, admin);
    const robotToken = await createBindings(s, admin);
    creds = {
      admin, alice: { token: 'matrix-alice-token' }, bob: { token: 'matrix-bob-token' }, carol: { token: 'matrix-carol-token' },
      robot: { token: robotToken }, kubelet: { cert: await clientCert(s.dataDir, 'system:node:n1', ['system:nodes']) },
      anonymous: {}, 'admin-as-bob': { cert: admin.cert, headers: { 'Impersonate-User': 'bob' } },
    };
    // Bindings and the node graph may take a moment to be seen (upstream: informers).
    const ready: Array<[IdentityName, string]> = [['alice', '/api/v1/namespaces/a/pods/p1'], ['bob', '/api/v1/namespaces/b/pods/p1'],
      ['robot', '/api/v1/namespaces/a/configmaps/c1'], ['kubelet', '/api/v1/namespaces/default/secrets/on-n1-secret']];
    for (const [who, path] of ready) {
      await eventually(async () => (await secureRequest(s, 'GET', path, creds[who])).status === 200, 15_000, `${who} GET ${path}`);
    }
    results = await runCases(s, cases, creds, fixtures);
  }, { timeout: 180_000 });
  after(async () => { await s?.stop(); s?.cleanup(); files?.cleanup(); });

  it(`has at least 200 cases (${cases.length})`, () => {
    assert.ok(cases.length >= 200);
    assert.equal(results.length, cases.length);
  });

  identityTests(() => results, identities, rbacNodeAllows);

  it('the admin\'s requests all succeed (the bodies and fixtures are valid), except deleting default', { timeout: 10_000 }, () => {
    const bad = results.filter((r) => r.c.who === 'admin').filter((r) => {
      if (r.c.verb === 'delete' && r.c.resource === 'namespaces' && r.c.scope === 'default') {
        return !(r.status === 403 && r.message === 'namespaces "default" is forbidden: this namespace may not be deleted');
      }
      return r.status < 200 || r.status >= 300;
    }).map((r) => `${caseId(r.c)}: ${r.status} ${r.message}`);
    assert.deepEqual(bad, []);
  });

  it('dry-run writes changed nothing', { timeout: 10_000 }, async () => {
    const admin = creds.admin;
    for (const ns of ['a', 'b']) {
      const r = await secureRequest(s, 'GET', `/api/v1/namespaces/${ns}`, admin);
      assert.equal(r.status, 200);
      assert.equal(r.json.metadata.deletionTimestamp, undefined, `namespace ${ns} is being deleted`);
    }
    for (const path of ['/api/v1/namespaces/a/pods/p1', '/api/v1/nodes/n1', '/apis/rbac.authorization.k8s.io/v1/clusterroles/matrix-cr']) {
      assert.equal((await secureRequest(s, 'GET', path, admin)).status, 200, path);
    }
    for (const path of ['/api/v1/namespaces/a/pods/matrix-new', '/api/v1/nodes/matrix-new', '/api/v1/namespaces/matrix-new']) {
      assert.equal((await secureRequest(s, 'GET', path, admin)).status, 404, path);
    }
  });

  it('`kubectl auth can-i` agrees with the real requests on a sample', { timeout: 120_000 }, async () => {
    const credArgs: Partial<Record<IdentityName, string[]>> = {
      admin: files.certArgs('admin', creds.admin.cert!), kubelet: files.certArgs('kubelet', creds.kubelet.cert!),
      alice: ['--token', creds.alice.token!], bob: ['--token', creds.bob.token!], carol: ['--token', creds.carol.token!], robot: ['--token', creds.robot.token!],
    };
    credArgs['admin-as-bob'] = [...credArgs.admin!, '--as', 'bob'];
    // can-i has no field selectors, and gives a cluster-scoped resource the default namespace: leave both out.
    const eligible = results.filter((r) => r.c.who !== 'anonymous' && !r.c.fieldSelector && r.c.resource !== 'namespaces');
    const sample = eligible.filter((_, i) => i % 13 === 0);
    assert.ok(sample.length >= 30, `sample of ${sample.length}`);
    const disagree = (await mapLimit(sample, 6, async (r) => {
      const c = r.c;
      const d = resources[c.resource];
      const type = d.group ? `${c.resource}.${d.group}` : c.resource;
      const name = requestName(c);
      const ns = requestNamespace(c);
      const where = d.namespaced ? (ns ? ['-n', ns] : ['--all-namespaces']) : [];
      const out = await kubectlSecure(s, credArgs[c.who]!, ['auth', 'can-i', c.verb, name ? `${type}/${name}` : type, ...where]);
      // "yes", or "no" with " - <reason>" when the authorizer gave one (kubectl prints both).
      const answer = out.stdout.trim().split(' ')[0];
      const want = rbacNodeAllows(c) ? 'yes' : 'no';
      const real = r.status === 403 && r.message.startsWith(denyPrefix(c, userNames[c.who])) ? 'no' : 'yes';
      return answer === want && real === want ? null : `${caseId(c)}: can-i ${answer || out.stderr.trim()}, request ${r.status}, upstream ${want}`;
    })).filter((x) => x !== null);
    assert.deepEqual(disagree, []);
  });
});

describe('authorization matrix: ABAC', { skip: skipWithoutKubectl, timeout: 180_000 }, () => {
  let s: TestServer;
  let files: TempFiles;
  let results: Result[] = [];
  const identities: IdentityName[] = ['admin', 'alice', 'bob', 'carol', 'anonymous'];
  const only: Resource[] = ['pods', 'secrets', 'deployments', 'nodes', 'namespaces'];
  const cases = identities.flatMap((w) => baseCases(w, only));

  before(async () => {
    files = new TempFiles();
    s = await startServer({ args: ['--authorization-mode=ABAC', `--authorization-policy-file=${files.write('policy.jsonl', abacPolicy)}`, `--token-auth-file=${files.write('tokens.csv', tokenCsv(tokens))}`] });
    const admin: Credentials = { cert: adminCert(s.dataDir) };
    const fixtures = await createFixtures(s, admin);
    const creds: Record<string, Credentials> = { admin, alice: { token: 'matrix-alice-token' }, bob: { token: 'matrix-bob-token' }, carol: { token: 'matrix-carol-token' }, anonymous: {} };
    results = await runCases(s, cases, creds, fixtures);
  }, { timeout: 120_000 });
  after(async () => { await s?.stop(); s?.cleanup(); files?.cleanup(); });

  it(`runs ${cases.length} cases`, () => assert.equal(results.length, cases.length));
  identityTests(() => results, identities, abacAllows);

  it('a refusal carries ABAC\'s reason "No policy matched."', { timeout: 10_000 }, () => {
    const r = results.find((x) => x.c.who === 'bob' && x.c.verb === 'create' && x.c.resource === 'pods' && x.c.scope === 'default');
    assert.equal(r?.message, 'pods is forbidden: User "bob" cannot create resource "pods" in API group "" in the namespace "default": No policy matched.');
  });
});

describe('authorization matrix: AlwaysAllow', { skip: skipWithoutKubectl, timeout: 180_000 }, () => {
  let s: TestServer;
  let files: TempFiles;
  let results: Result[] = [];
  const identities: IdentityName[] = ['carol', 'anonymous'];
  const cases = identities.flatMap((w) => baseCases(w, ['pods', 'secrets', 'nodes', 'clusterroles', 'namespaces']));

  before(async () => {
    files = new TempFiles();
    s = await startServer({ args: ['--authorization-mode=AlwaysAllow', `--token-auth-file=${files.write('tokens.csv', tokenCsv(tokens))}`] });
    const admin: Credentials = { cert: adminCert(s.dataDir) };
    const fixtures = await createFixtures(s, admin);
    results = await runCases(s, cases, { carol: { token: 'matrix-carol-token' }, anonymous: {} }, fixtures);
  }, { timeout: 120_000 });
  after(async () => { await s?.stop(); s?.cleanup(); files?.cleanup(); });

  it(`runs ${cases.length} cases`, () => assert.equal(results.length, cases.length));
  identityTests(() => results, identities, () => true);

  it('bad credentials are still 401: AlwaysAllow authorizes, it does not authenticate', { timeout: 10_000 }, async () => {
    assert.equal((await secureRequest(s, 'GET', '/api/v1/pods', { token: 'not-a-known-token' })).status, 401);
  });
});
