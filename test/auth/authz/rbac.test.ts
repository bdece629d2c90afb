/** RBAC over the bootstrap policy: a table of requests, aggregation, rule resolution and escalation. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import type { Attributes } from '../../../src/auth/authz/authorizer.js';
import type { UserInfo } from '../../../src/auth/user.js';
import { aggregateAll, aggregateClusterRole, selectorMatches } from '../../../src/auth/authz/rbac/aggregation.js';
import { bootstrapClusterRoleBindings, bootstrapClusterRoles, bootstrapRoleBindings, bootstrapRoles } from '../../../src/auth/authz/rbac/bootstrap-policy.js';
import {
  checkEscalation, confirmNoEscalation, covers, escalationAllowed, EscalationError, newRbacAuthorizer, rulesOf, type PolicyRule, type RbacLister,
} from '../../../src/auth/authz/rbac/evaluator.js';
import { attrs, nonResource, runAuthorizerContract } from './contract.js';

const rbac = 'rbac.authorization.k8s.io';
const obj = (kind: string, name: string, namespace: string | undefined, rest: Record<string, unknown>, labels?: Record<string, string>): KubeObject =>
  ({ apiVersion: `${rbac}/v1`, kind, metadata: { name, ...(namespace ? { namespace } : {}), ...(labels ? { labels } : {}) }, ...rest });
const rb = (ns: string, name: string, refKind: string, ref: string, subjects: unknown[]) => obj('RoleBinding', name, ns, { roleRef: { apiGroup: rbac, kind: refKind, name: ref }, subjects });
const crb = (name: string, ref: string, subjects: unknown[]) => obj('ClusterRoleBinding', name, undefined, { roleRef: { apiGroup: rbac, kind: 'ClusterRole', name: ref }, subjects });
const User = (name: string) => ({ kind: 'User', apiGroup: rbac, name });
const Group = (name: string) => ({ kind: 'Group', apiGroup: rbac, name });
const SA = (name: string, namespace?: string) => ({ kind: 'ServiceAccount', name, ...(namespace ? { namespace } : {}) });

/** The bootstrap policy plus a few objects of our own, with aggregation run to a fixpoint. */
function cluster(): { clusterRoles: KubeObject[]; roles: KubeObject[]; crbs: KubeObject[]; rbs: KubeObject[] } {
  const custom = [
    obj('ClusterRole', 'widgets-view', undefined, { rules: [{ verbs: ['get', 'list', 'watch'], apiGroups: ['example.com'], resources: ['widgets'] }] }, { [`${rbac}/aggregate-to-view`]: 'true' }),
    obj('ClusterRole', 'widgets-edit', undefined, { rules: [{ verbs: ['create', 'update', 'delete'], apiGroups: ['example.com'], resources: ['widgets'] }] }, { [`${rbac}/aggregate-to-edit`]: 'true' }),
    obj('ClusterRole', 'secret-reader', undefined, { rules: [{ verbs: ['get'], apiGroups: [''], resources: ['secrets'], resourceNames: ['app-secret'] }] }),
  ];
  const all = [...bootstrapClusterRoles(), ...custom];
  const aggregated = aggregateAll(all);
  const clusterRoles = all.map((r) => (aggregated.has(r.metadata.name ?? '') ? { ...r, rules: aggregated.get(r.metadata.name ?? '') } : r));
  const roles = [
    ...bootstrapRoles(),
    obj('Role', 'pod-logs', 'team-a', { rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods/log'] }] }),
    obj('Role', 'any-status', 'team-a', { rules: [{ verbs: ['get'], apiGroups: ['*'], resources: ['*/status'] }] }),
  ];
  const rbs = [
    ...bootstrapRoleBindings(),
    rb('team-a', 'alice-admin', 'ClusterRole', 'admin', [User('alice')]),
    rb('team-a', 'bob-edit', 'ClusterRole', 'edit', [User('bob')]),
    rb('team-a', 'viewers', 'ClusterRole', 'view', [Group('viewers')]),
    rb('team-a', 'builder-view', 'ClusterRole', 'view', [SA('builder')]),
    rb('team-a', 'dave-logs', 'Role', 'pod-logs', [User('dave')]),
    rb('team-a', 'erin-status', 'Role', 'any-status', [User('erin')]),
    rb('team-a', 'broken', 'Role', 'gone', [User('frank')]),
  ];
  const crbs = [...bootstrapClusterRoleBindings(), crb('robot-secrets', 'secret-reader', [SA('robot', 'team-b')])];
  return { clusterRoles, roles, crbs, rbs };
}

function lister(c = cluster()): RbacLister {
  return {
    async listClusterRoleBindings() { return c.crbs; },
    async listRoleBindings(ns) { return c.rbs.filter((b) => b.metadata.namespace === ns); },
    async getClusterRole(name) { return c.clusterRoles.find((r) => r.metadata.name === name) ?? null; },
    async getRole(ns, name) { return c.roles.find((r) => r.metadata.namespace === ns && r.metadata.name === name) ?? null; },
  };
}

const authd = (name: string, ...groups: string[]): UserInfo => ({ name, groups: [...groups, 'system:authenticated'] });
const admin = authd('kubernetes-admin', 'system:masters');
const alice = authd('alice'), bob = authd('bob'), carol = authd('carol', 'viewers'), dave = authd('dave'), erin = authd('erin'), frank = authd('frank');
const anonymous: UserInfo = { name: 'system:anonymous', groups: ['system:unauthenticated'] };
const sa = (ns: string, name: string): UserInfo => ({ name: `system:serviceaccount:${ns}:${name}`, groups: ['system:serviceaccounts', `system:serviceaccounts:${ns}`, 'system:authenticated'] });
const scheduler = authd('system:kube-scheduler'), kcm = authd('system:kube-controller-manager'), proxy = authd('system:kube-proxy');
const monitor = authd('prometheus', 'system:monitoring');
const kubelet: UserInfo = { name: 'system:node:n1', groups: ['system:nodes', 'system:authenticated'] };

const r = (user: UserInfo, verb: string, resource: string, namespace: string, extra: Partial<Attributes> = {}): Attributes => {
  const [res, sub = ''] = resource.split('/');
  return attrs(user, { verb, resource: res, subresource: sub, namespace, ...extra });
};
const url = (user: UserInfo, path: string, verb = 'get') => nonResource(user, path, verb);
const allowedBy = (text: string) => `RBAC: allowed by ${text}`;

type Case = [what: string, a: Attributes, allowed: boolean, reason?: string];
const cases: Case[] = [
  ['system:masters gets pods', r(admin, 'get', 'pods', 'default'), true, allowedBy('ClusterRoleBinding "cluster-admin" of ClusterRole "cluster-admin" to Group "system:masters"')],
  ['system:masters deletes nodes', r(admin, 'delete', 'nodes', ''), true],
  ['system:masters escalates clusterroles', r(admin, 'escalate', 'clusterroles', '', { apiGroup: rbac }), true],
  ['system:masters reads /metrics', url(admin, '/metrics'), true],
  ['system:masters posts anywhere', url(admin, '/logs/x', 'create'), true],
  ['authenticated get /healthz via system:discovery', url(alice, '/healthz'), true, allowedBy('ClusterRoleBinding "system:discovery" of ClusterRole "system:discovery" to Group "system:authenticated"')],
  ['authenticated get /api', url(alice, '/api'), true],
  ['authenticated get /api/v1 (/api/*)', url(alice, '/api/v1'), true],
  ['authenticated get /apis/apps/v1', url(alice, '/apis/apps/v1'), true],
  ['authenticated get /openapi/v3', url(alice, '/openapi/v3'), true],
  ['authenticated get /version', url(alice, '/version'), true],
  ['authenticated cannot post /api', url(alice, '/api', 'create'), false],
  ['authenticated cannot get /metrics', url(alice, '/metrics'), false],
  ['authenticated cannot get /readyz/etcd', url(alice, '/readyz/etcd'), false],
  ['anonymous get /healthz via public-info-viewer', url(anonymous, '/healthz'), true, allowedBy('ClusterRoleBinding "system:public-info-viewer" of ClusterRole "system:public-info-viewer" to Group "system:unauthenticated"')],
  ['anonymous get /version/', url(anonymous, '/version/'), true],
  ['anonymous cannot discover /api', url(anonymous, '/api'), false, ''],
  ['anonymous cannot get /openapi/v2', url(anonymous, '/openapi/v2'), false],
  ['anonymous cannot create selfsubjectaccessreviews', r(anonymous, 'create', 'selfsubjectaccessreviews', '', { apiGroup: 'authorization.k8s.io' }), false],
  ['basic-user creates selfsubjectaccessreviews', r(alice, 'create', 'selfsubjectaccessreviews', '', { apiGroup: 'authorization.k8s.io' }), true],
  ['basic-user creates selfsubjectrulesreviews', r(alice, 'create', 'selfsubjectrulesreviews', '', { apiGroup: 'authorization.k8s.io' }), true],
  ['basic-user creates selfsubjectreviews', r(alice, 'create', 'selfsubjectreviews', '', { apiGroup: 'authentication.k8s.io' }), true],
  ['basic-user cannot create subjectaccessreviews', r(alice, 'create', 'subjectaccessreviews', '', { apiGroup: 'authorization.k8s.io' }), false],
  ['monitoring reads /metrics/slis', url(monitor, '/metrics/slis'), true],
  ['monitoring reads /readyz/etcd', url(monitor, '/readyz/etcd'), true],
  ['admin (RoleBinding) gets pods', r(alice, 'get', 'pods', 'team-a'), true, allowedBy('RoleBinding "alice-admin/team-a" of ClusterRole "admin" to User "alice"')],
  ['admin creates rolebindings', r(alice, 'create', 'rolebindings', 'team-a', { apiGroup: rbac }), true],
  ['admin creates localsubjectaccessreviews', r(alice, 'create', 'localsubjectaccessreviews', 'team-a', { apiGroup: 'authorization.k8s.io' }), true],
  ['admin reads resourcequotas (from view)', r(alice, 'list', 'resourcequotas', 'team-a'), true],
  ['admin cannot update resourcequotas', r(alice, 'update', 'resourcequotas', 'team-a'), false],
  ['admin creates deployments', r(alice, 'create', 'deployments', 'team-a', { apiGroup: 'apps' }), true],
  ['admin patches deployments/scale', r(alice, 'patch', 'deployments/scale', 'team-a', { apiGroup: 'apps' }), true],
  ['admin reads its namespace object', r(alice, 'get', 'namespaces', 'team-a', { name: 'team-a' }), true],
  ['admin cannot delete its namespace', r(alice, 'delete', 'namespaces', 'team-a', { name: 'team-a' }), false],
  ['admin not in another namespace', r(alice, 'get', 'pods', 'team-b'), false],
  ['admin not cluster-wide', r(alice, 'list', 'pods', ''), false],
  ['edit reads secrets', r(bob, 'get', 'secrets', 'team-a'), true],
  ['edit cannot create roles', r(bob, 'create', 'roles', 'team-a', { apiGroup: rbac }), false],
  ['edit execs into pods', r(bob, 'create', 'pods/exec', 'team-a'), true],
  ['edit creates serviceaccount tokens', r(bob, 'create', 'serviceaccounts/token', 'team-a'), true],
  ['edit impersonates serviceaccounts', r(bob, 'impersonate', 'serviceaccounts', 'team-a'), true],
  ['edit updates leases', r(bob, 'update', 'leases', 'team-a', { apiGroup: 'coordination.k8s.io' }), true],
  ['edit creates events', r(bob, 'create', 'events', 'team-a'), true],
  ['edit evicts pods', r(bob, 'create', 'pods/eviction', 'team-a'), true],
  ['edit cannot write endpoints', r(bob, 'update', 'endpoints', 'team-a'), false],
  ['view (group subject) gets pods', r(carol, 'get', 'pods', 'team-a'), true, allowedBy('RoleBinding "viewers/team-a" of ClusterRole "view" to Group "viewers"')],
  ['view cannot read secrets', r(carol, 'get', 'secrets', 'team-a'), false],
  ['view reads pods/log', r(carol, 'get', 'pods/log', 'team-a'), true],
  ['view cannot create pods', r(carol, 'create', 'pods', 'team-a'), false],
  ['view cannot exec', r(carol, 'get', 'pods/exec', 'team-a'), false],
  ['view lists endpointslices', r(carol, 'list', 'endpointslices', 'team-a', { apiGroup: 'discovery.k8s.io' }), true],
  ['view watches cronjobs/status', r(carol, 'watch', 'cronjobs/status', 'team-a', { apiGroup: 'batch' }), true],
  ['SA subject without namespace defaults to the binding namespace', r(sa('team-a', 'builder'), 'get', 'configmaps', 'team-a'), true, allowedBy('RoleBinding "builder-view/team-a" of ClusterRole "view" to ServiceAccount "builder/team-a"')],
  ['same SA name in another namespace does not match', r(sa('team-b', 'builder'), 'get', 'configmaps', 'team-a'), false],
  ['resourceNames: named secret', r(sa('team-b', 'robot'), 'get', 'secrets', 'x', { name: 'app-secret' }), true, allowedBy('ClusterRoleBinding "robot-secrets" of ClusterRole "secret-reader" to ServiceAccount "robot/team-b"')],
  ['resourceNames: other secret', r(sa('team-b', 'robot'), 'get', 'secrets', 'x', { name: 'other' }), false],
  ['resourceNames: list without a name', r(sa('team-b', 'robot'), 'list', 'secrets', 'x'), false],
  ['Role grants pods/log', r(dave, 'get', 'pods/log', 'team-a'), true, allowedBy('RoleBinding "dave-logs/team-a" of Role "pod-logs" to User "dave"')],
  ['pods/log does not grant pods', r(dave, 'get', 'pods', 'team-a'), false],
  ['*/status grants deployments/status', r(erin, 'get', 'deployments/status', 'team-a', { apiGroup: 'apps' }), true],
  ['*/status does not grant deployments', r(erin, 'get', 'deployments', 'team-a', { apiGroup: 'apps' }), false],
  ['*/status does not grant pods/statusx', r(erin, 'get', 'pods/statusx', 'team-a'), false],
  ['missing Role: no opinion with the lookup error', r(frank, 'get', 'pods', 'team-a'), false, 'RBAC: role.rbac.authorization.k8s.io "gone" not found'],
  ['scheduler binds pods', r(scheduler, 'create', 'pods/binding', 'x'), true],
  ['scheduler gets its lease by name', r(scheduler, 'get', 'leases', 'kube-system', { apiGroup: 'coordination.k8s.io', name: 'kube-scheduler' }), true],
  ['scheduler cannot update another lease', r(scheduler, 'update', 'leases', 'kube-system', { apiGroup: 'coordination.k8s.io', name: 'other' }), false],
  ['scheduler lists nodes', r(scheduler, 'list', 'nodes', ''), true],
  ['scheduler cannot delete nodes', r(scheduler, 'delete', 'nodes', '', { name: 'n1' }), false],
  ['scheduler reads the extension-apiserver-authentication configmap', r(scheduler, 'get', 'configmaps', 'kube-system', { name: 'extension-apiserver-authentication' }), true,
    allowedBy('RoleBinding "system::extension-apiserver-authentication-reader/kube-system" of Role "extension-apiserver-authentication-reader" to User "system:kube-scheduler"')],
  ['scheduler cannot read other kube-system configmaps', r(scheduler, 'get', 'configmaps', 'kube-system', { name: 'other' }), false],
  ['controller-manager lists any resource', r(kcm, 'list', 'widgets', '', { apiGroup: 'example.com' }), true],
  ['controller-manager creates tokens', r(kcm, 'create', 'serviceaccounts/token', 'kube-system', { name: 'x' }), true],
  ['namespace-controller deletes collections', r(sa('kube-system', 'namespace-controller'), 'deletecollection', 'configmaps', 'x'), true,
    allowedBy('ClusterRoleBinding "system:controller:namespace-controller" of ClusterRole "system:controller:namespace-controller" to ServiceAccount "namespace-controller/kube-system"')],
  ['namespace-controller cannot create pods', r(sa('kube-system', 'namespace-controller'), 'create', 'pods', 'x'), false],
  ['hpa controller scales any */scale', r(sa('kube-system', 'horizontal-pod-autoscaler'), 'update', 'deployments/scale', 'x', { apiGroup: 'apps' }), true],
  ['bootstrap-signer updates cluster-info in kube-public', r(sa('kube-system', 'bootstrap-signer'), 'update', 'configmaps', 'kube-public', { name: 'cluster-info' }), true],
  ['kube-proxy lists endpointslices', r(proxy, 'list', 'endpointslices', '', { apiGroup: 'discovery.k8s.io' }), true],
  ['service accounts read OIDC discovery', url(sa('x', 'y'), '/.well-known/openid-configuration'), true],
  ['users cannot read OIDC discovery', url(alice, '/openid/v1/jwks'), false],
  ['kubelets get nothing from RBAC (system:node has no subjects)', r(kubelet, 'get', 'pods', 'x', { name: 'p' }), false],
  ['aggregated custom rule: view reads widgets', r(carol, 'list', 'widgets', 'team-a', { apiGroup: 'example.com' }), true],
  ['aggregated custom rule: view cannot create widgets', r(carol, 'create', 'widgets', 'team-a', { apiGroup: 'example.com' }), false],
  ['aggregated custom rule: edit creates widgets', r(bob, 'create', 'widgets', 'team-a', { apiGroup: 'example.com' }), true],
  ['aggregated custom rule: admin gets both through edit', r(alice, 'delete', 'widgets', 'team-a', { apiGroup: 'example.com' }), true],
];

describe('RBAC over the bootstrap policy', () => {
  const authz = newRbacAuthorizer(lister());
  it('has at least 60 cases', () => assert.ok(cases.length >= 60, String(cases.length)));
  for (const [what, a, allowed, reason] of cases) {
    it(what, async () => {
      const res = await authz.authorize(a);
      assert.equal(res.decision, allowed ? 'allow' : 'noOpinion', res.reason);
      if (reason !== undefined) assert.equal(res.reason, reason);
    });
  }

  it('reports lister errors as the reason, aggregated', async () => {
    const failing = newRbacAuthorizer({ ...lister(), async listClusterRoleBindings() { throw new Error('etcd down'); } });
    assert.deepEqual(await failing.authorize(r(frank, 'get', 'pods', 'team-a')), { decision: 'noOpinion', reason: 'RBAC: [etcd down, role.rbac.authorization.k8s.io "gone" not found]' });
    // an allow found after an error is still an allow
    assert.equal((await failing.authorize(r(alice, 'get', 'pods', 'team-a'))).decision, 'allow');
  });

  it('resolves rules for SelfSubjectRulesReview', async () => {
    const rules = await authz.rulesFor(alice, 'team-a');
    assert.equal(rules.incomplete, false);
    assert.ok(rules.resourceRules.some((x) => x.resources.includes('rolebindings') && x.verbs.includes('create')));
    assert.ok(rules.nonResourceRules.some((x) => x.nonResourceURLs.includes('/api')));
    const broken = await authz.rulesFor(frank, 'team-a');
    assert.equal(broken.evaluationError, 'role.rbac.authorization.k8s.io "gone" not found');
    const named = await authz.rulesFor(sa('team-b', 'robot'), '');
    assert.ok(named.resourceRules.some((x) => x.resourceNames?.[0] === 'app-secret'));
  });
});

describe('bootstrap policy data', () => {
  it('labels and annotates every object, with sorted rule lists', () => {
    for (const o of [...bootstrapClusterRoles(), ...bootstrapClusterRoleBindings(), ...bootstrapRoles(), ...bootstrapRoleBindings()]) {
      assert.equal(o.metadata.labels?.['kubernetes.io/bootstrapping'], 'rbac-defaults', o.metadata.name);
      assert.equal(o.metadata.annotations?.['rbac.authorization.kubernetes.io/autoupdate'], 'true', o.metadata.name);
      for (const rule of rulesOf(o)) for (const list of [rule.verbs, rule.apiGroups ?? [], rule.resources ?? []]) assert.deepEqual(list, [...list].sort());
    }
  });

  it('binds every controller role to its kube-system service account', () => {
    const bindings = bootstrapClusterRoleBindings();
    const controllers = bootstrapClusterRoles().filter((x) => x.metadata.name?.startsWith('system:controller:'));
    assert.ok(controllers.length >= 30, String(controllers.length));
    for (const c of controllers) {
      const b = bindings.find((x) => x.metadata.name === c.metadata.name);
      assert.deepEqual(b?.subjects, [{ kind: 'ServiceAccount', name: c.metadata.name?.slice('system:controller:'.length), namespace: 'kube-system' }]);
    }
    assert.equal(bindings.find((x) => x.metadata.name === 'system:node')?.subjects, undefined);
  });
});

describe('clusterrole aggregation', () => {
  const all = bootstrapClusterRoles();
  const byName = (n: string) => all.find((x) => x.metadata.name === n) as KubeObject;

  it('view collects system:aggregate-to-view; edit puts aggregate-to-edit before view (sorted by name)', () => {
    const view = aggregateClusterRole(byName('view'), all);
    assert.deepEqual(view, rulesOf(byName('system:aggregate-to-view')));
    const changed = aggregateAll(all);
    const edit = changed.get('edit') ?? [];
    assert.deepEqual(edit.slice(0, rulesOf(byName('system:aggregate-to-edit')).length), rulesOf(byName('system:aggregate-to-edit')));
    const admin = changed.get('admin') ?? [];
    assert.deepEqual(admin.slice(-2), rulesOf(byName('system:aggregate-to-admin')));
    assert.equal(admin.length, edit.length + 2);
    assert.equal(aggregateClusterRole(byName('cluster-admin'), all), null);
  });

  it('deduplicates rules and never includes the role itself', () => {
    const dup = { verbs: ['get'], apiGroups: [''], resources: ['pods'] };
    const roles = [
      obj('ClusterRole', 'agg', undefined, { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { a: '1' } }] }, rules: [{ verbs: ['x'], apiGroups: [''], resources: ['self'] }] }, { a: '1' }),
      obj('ClusterRole', 'b', undefined, { rules: [dup, { verbs: ['list'], apiGroups: [''], resources: ['pods'] }] }, { a: '1' }),
      obj('ClusterRole', 'a', undefined, { rules: [{ ...dup, resourceNames: [] }] }, { a: '1' }),
    ];
    assert.deepEqual(aggregateClusterRole(roles[0], roles), [{ ...dup }, { verbs: ['list'], apiGroups: [''], resources: ['pods'] }]);
  });

  it('supports matchExpressions', () => {
    assert.equal(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] }, { tier: 'b' }), true);
    assert.equal(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a'] }] }, { tier: 'a' }), false);
    assert.equal(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, {}), true);
    assert.equal(selectorMatches({ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, {}), false);
    assert.equal(selectorMatches({}, { any: 'thing' }), true);
  });
});

describe('escalation checks', () => {
  const resolver = newRbacAuthorizer(lister());
  const rule = (verbs: string[], apiGroups: string[], resources: string[], resourceNames?: string[]): PolicyRule =>
    ({ verbs, apiGroups, resources, ...(resourceNames ? { resourceNames } : {}) });

  it('passes when the user holds every rule', async () => {
    assert.equal(await checkEscalation(bob, [rule(['get', 'list'], [''], ['pods', 'secrets'])], 'team-a', resolver), null);
    await confirmNoEscalation(admin, [rule(['*'], ['*'], ['*']), { verbs: ['*'], nonResourceURLs: ['*'] }], '', resolver);
    assert.equal(await checkEscalation(sa('kube-system', 'horizontal-pod-autoscaler'), [rule(['get'], ['apps'], ['deployments/scale'])], 'x', resolver), null);
  });

  it('names the missing rules with upstream text', async () => {
    const check = await checkEscalation(bob, [rule(['get'], [''], ['secrets']), rule(['create'], [rbac], ['roles'])], 'team-a', resolver);
    assert.deepEqual(check?.missing, [rule(['create'], [rbac], ['roles'])]);
    assert.equal(check?.message, 'user "bob" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:["rbac.authorization.k8s.io"], Resources:["roles"], Verbs:["create"]}');
  });

  it('compacts verbs per resource and sorts the lines', async () => {
    const check = await checkEscalation(carol, [rule(['get', 'list', 'delete'], [''], ['nodes', 'pods']), { verbs: ['get'], nonResourceURLs: ['/metrics'] }], 'team-a', resolver);
    assert.equal(check?.message.split('\n').slice(1).join('\n'), [
      '{APIGroups:[""], Resources:["nodes"], Verbs:["get" "list" "delete"]}',
      '{APIGroups:[""], Resources:["pods"], Verbs:["delete"]}',
      '{NonResourceURLs:["/metrics"], Verbs:["get"]}',
    ].join('\n'));
  });

  it('keeps resource names apart', async () => {
    const check = await checkEscalation(sa('team-b', 'robot'), [rule(['get'], [''], ['secrets'], ['app-secret', 'a', 'b'])], 'x', resolver);
    assert.deepEqual(check?.message.split('\n').slice(1), [
      '{APIGroups:[""], Resources:["secrets"], ResourceNames:["a"], Verbs:["get"]}',
      '{APIGroups:[""], Resources:["secrets"], ResourceNames:["b"], Verbs:["get"]}',
    ]);
  });

  it('appends resolution errors and throws EscalationError from confirmNoEscalation', async () => {
    await assert.rejects(confirmNoEscalation(frank, [rule(['get'], [''], ['pods'])], 'team-a', resolver), (e: unknown) =>
      e instanceof EscalationError && e.message.endsWith('; resolution errors: [role.rbac.authorization.k8s.io "gone" not found]') && e.check.missing.length === 1);
  });

  it('covers: */subresource, resourceNames, URL prefixes; system:masters may always escalate', () => {
    assert.equal(covers([rule(['get'], ['*'], ['*/scale'])], [rule(['get'], ['apps'], ['deployments/scale'])]).covered, true);
    assert.equal(covers([rule(['get'], [''], ['secrets'], ['a'])], [rule(['get'], [''], ['secrets'])]).covered, false);
    assert.equal(covers([rule(['get'], [''], ['secrets'])], [rule(['get'], [''], ['secrets'], ['a'])]).covered, true);
    assert.equal(covers([{ verbs: ['get'], nonResourceURLs: ['/apis/*'] }], [{ verbs: ['get'], nonResourceURLs: ['/apis/apps'] }]).covered, true);
    assert.equal(escalationAllowed(admin), true);
    assert.equal(escalationAllowed(alice), false);
  });
});

const contractLister = lister();
runAuthorizerContract('RBAC', () => newRbacAuthorizer(contractLister), {
  allowed: [r(admin, 'get', 'pods', 'default'), url(alice, '/healthz'), r(alice, 'get', 'pods', 'team-a')],
  notAllowed: [r(alice, 'get', 'pods', 'default'), url(anonymous, '/api')],
});
