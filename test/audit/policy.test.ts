/**
 * The audit policy against upstream's pkg/audit/policy checker_test.go (first match wins, default
 * None, omitStages unioned with the policy's, omitManagedFields overrides), the documented example
 * policy (kubernetes.io "Auditing" page), and LoadPolicyFromBytes / ValidatePolicy refusals.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Level, Stage } from '../../src/audit/event.js';
import { AuditPolicy, loadPolicyFile, parsePolicy, type PolicyAttributes, type PolicyRule } from '../../src/audit/policy.js';

const t = { timeout: 10_000 };
const tim = { name: 'tim@k8s.io', groups: ['humans', 'developers'] };
const res = (a: Partial<PolicyAttributes>): PolicyAttributes => ({
  user: tim, verb: 'get', resourceRequest: true, path: '', apiGroup: '', resource: '', subresource: '', namespace: '', name: '', ...a,
});
const attrs: Record<string, PolicyAttributes> = {
  namespaced: res({ namespace: 'default', resource: 'pods', name: 'busybox', path: '/api/v1/namespaces/default/pods/busybox' }),
  cluster: res({ apiGroup: 'rbac.authorization.k8s.io', resource: 'clusterroles', name: 'edit' }),
  nonResource: res({ resourceRequest: false, path: '/logs/kubelet.log' }),
  subresource: res({ namespace: 'default', resource: 'pods', subresource: 'log', name: 'busybox' }),
  Unauthorized: res({ user: undefined, namespace: 'default', resource: 'pods', name: 'busybox' }),
};

const rule = (r: Partial<PolicyRule> & { level: Level }): PolicyRule => ({
  users: [], userGroups: [], verbs: [], resources: [], namespaces: [], nonResourceURLs: [], omitStages: [], ...r,
});
const gr = (resources: string[], group = '', resourceNames: string[] = []) => ({ group, resources, resourceNames });
const rules: Record<string, PolicyRule> = {
  default: rule({ level: 'Metadata' }),
  create: rule({ level: 'Request', verbs: ['create'] }),
  tims: rule({ level: 'Metadata', users: ['tim@k8s.io'] }),
  humans: rule({ level: 'Metadata', userGroups: ['humans'] }),
  serviceAccounts: rule({ level: 'Request', userGroups: ['system:serviceaccounts'] }),
  getPods: rule({ level: 'RequestResponse', verbs: ['get'], resources: [gr(['pods'])] }),
  getPodLogs: rule({ level: 'Request', verbs: ['get'], resources: [gr(['pods/log'])] }),
  getPodWildcardMatching: rule({ level: 'Request', verbs: ['get'], resources: [gr(['*'])] }),
  getPodResourceWildcardMatching: rule({ level: 'Request', verbs: ['get'], resources: [gr(['*/log'])] }),
  getPodSubResourceWildcardMatching: rule({ level: 'Request', verbs: ['get'], resources: [gr(['pods/*'])] }),
  getClusterRoles: rule({ level: 'RequestResponse', verbs: ['get'], resources: [gr(['clusterroles'], 'rbac.authorization.k8s.io')], namespaces: [''] }),
  getLogs: rule({ level: 'RequestResponse', verbs: ['get'], nonResourceURLs: ['/logs*'] }),
  getMetrics: rule({ level: 'Request', verbs: ['get'], nonResourceURLs: ['/metrics'] }),
  clusterRoleEdit: rule({ level: 'Request', resources: [gr(['clusterroles'], 'rbac.authorization.k8s.io', ['edit'])] }),
  'omit RequestReceived': rule({ level: 'Request', omitStages: ['RequestReceived'] }),
  'only audit panic': rule({ level: 'Request', omitStages: ['RequestReceived', 'ResponseStarted', 'ResponseComplete'] }),
};

/** NewPolicyRuleEvaluator: each rule's stages become the union with the policy's. */
function evaluator(names: string[], policyStages: Stage[]): AuditPolicy {
  return new AuditPolicy(names.map((n) => ({ ...rules[n], omitStages: [...new Set([...policyStages, ...rules[n].omitStages])] })), policyStages);
}

const levelCases: Array<[string, Level, string[]]> = [
  ['namespaced', 'Metadata', ['default']], ['namespaced', 'None', ['create']], ['namespaced', 'Metadata', ['tims']],
  ['namespaced', 'Metadata', ['humans']], ['namespaced', 'None', ['serviceAccounts']], ['namespaced', 'RequestResponse', ['getPods']],
  ['namespaced', 'None', ['getClusterRoles']], ['namespaced', 'None', ['getLogs']], ['namespaced', 'None', ['getMetrics']],
  ['namespaced', 'Metadata', ['getMetrics', 'serviceAccounts', 'default']], ['namespaced', 'RequestResponse', ['getMetrics', 'getPods', 'default']],
  ['namespaced', 'RequestResponse', ['getPodLogs', 'getPods']],
  ['cluster', 'Metadata', ['default']], ['cluster', 'None', ['create']], ['cluster', 'Metadata', ['tims']], ['cluster', 'Metadata', ['humans']],
  ['cluster', 'None', ['serviceAccounts']], ['cluster', 'None', ['getPods']], ['cluster', 'RequestResponse', ['getClusterRoles']],
  ['cluster', 'Request', ['clusterRoleEdit', 'getClusterRoles']], ['cluster', 'None', ['getLogs']], ['cluster', 'None', ['getMetrics']],
  ['cluster', 'Metadata', ['getMetrics', 'serviceAccounts', 'default']], ['cluster', 'RequestResponse', ['getMetrics', 'getClusterRoles', 'default']],
  ['cluster', 'None', ['getPodLogs', 'getPods']],
  ['nonResource', 'Metadata', ['default']], ['nonResource', 'None', ['create']], ['nonResource', 'Metadata', ['tims']],
  ['nonResource', 'Metadata', ['humans']], ['nonResource', 'None', ['serviceAccounts']], ['nonResource', 'None', ['getPods']],
  ['nonResource', 'None', ['getClusterRoles']], ['nonResource', 'RequestResponse', ['getLogs']], ['nonResource', 'None', ['getMetrics']],
  ['nonResource', 'Metadata', ['getMetrics', 'serviceAccounts', 'default']], ['nonResource', 'RequestResponse', ['getLogs', 'getClusterRoles', 'default']],
  ['nonResource', 'None', ['getPodLogs', 'getPods']],
  ['subresource', 'Request', ['getPodLogs', 'getPods']], ['subresource', 'Request', ['getPodWildcardMatching']],
  ['subresource', 'Request', ['getPodResourceWildcardMatching']], ['subresource', 'Request', ['getPodSubResourceWildcardMatching']],
  ['Unauthorized', 'None', ['tims']], ['Unauthorized', 'Metadata', ['tims', 'default']], ['Unauthorized', 'None', ['humans']],
  ['Unauthorized', 'Metadata', ['humans', 'default']],
];

describe('AuditPolicy.levelFor: upstream checker_test cases', t, () => {
  for (const policyStages of [[], ['RequestReceived', 'ResponseStarted']] as Stage[][]) {
    it(`levels, first match wins (policy omitStages [${policyStages}])`, () => {
      for (const [req, want, names] of levelCases) {
        const got = evaluator(names, policyStages).levelFor(attrs[req]);
        assert.equal(got.level, want, `${req} with ${names.join(',')}`);
        assert.deepEqual([...got.omitStages].sort(), [...policyStages].sort(), `${req} with ${names.join(',')}: stages`);
      }
    });
  }

  it('a rule\'s omitStages are unioned with the policy\'s', () => {
    const cases: Array<[string, Stage[], Level, Stage[], string[]]> = [
      ['namespaced', [], 'Request', ['RequestReceived'], ['omit RequestReceived', 'getPods', 'default']],
      ['cluster', [], 'Request', ['RequestReceived', 'ResponseStarted', 'ResponseComplete'], ['only audit panic', 'getPods', 'default']],
      ['namespaced', ['RequestReceived', 'ResponseStarted'], 'Request', ['RequestReceived', 'ResponseStarted'], ['omit RequestReceived', 'getPods']],
      ['nonResource', ['RequestReceived', 'ResponseStarted'], 'Metadata', ['RequestReceived', 'ResponseStarted'], ['default', 'omit RequestReceived']],
      ['nonResource', ['RequestReceived', 'ResponseStarted'], 'Request', ['RequestReceived', 'ResponseStarted', 'ResponseComplete'], ['only audit panic', 'getPods']],
    ];
    for (const [req, policyStages, level, stages, names] of cases) {
      const got = evaluator(names, policyStages).levelFor(attrs[req]);
      assert.equal(got.level, level);
      assert.deepEqual([...got.omitStages].sort(), [...stages].sort(), names.join(','));
    }
  });

  it('omitManagedFields: the policy default, overridden by a rule that sets it', () => {
    const a = res({ verb: 'get' });
    const r = rule({ level: 'RequestResponse', verbs: ['get'] });
    assert.equal(new AuditPolicy([r], [], false).levelFor(a).omitManagedFields, false);
    assert.equal(new AuditPolicy([r], [], true).levelFor(a).omitManagedFields, true);
    assert.equal(new AuditPolicy([{ ...r, omitManagedFields: false }], [], true).levelFor(a).omitManagedFields, false);
    assert.equal(new AuditPolicy([{ ...r, omitManagedFields: true }], [], false).levelFor(a).omitManagedFields, true);
  });
});

// The example policy of the Kubernetes "Auditing" documentation page.
const examplePolicy = `
apiVersion: audit.k8s.io/v1 # This is required.
kind: Policy
omitStages:
  - "RequestReceived"
rules:
  - level: RequestResponse
    resources:
    - group: ""
      resources: ["pods"]
  - level: Metadata
    resources:
    - group: ""
      resources: ["pods/log", "pods/status"]
  - level: None
    resources:
    - group: ""
      resources: ["configmaps"]
      resourceNames: ["controller-leader"]
  - level: None
    users: ["system:kube-proxy"]
    verbs: ["watch"]
    resources:
    - group: "" # core API group
      resources: ["endpoints", "services"]
  - level: None
    userGroups: ["system:authenticated"]
    nonResourceURLs:
    - "/api*" # Wildcard matching.
    - "/version"
  - level: Request
    resources:
    - group: "" # core API group
      resources: ["configmaps"]
    namespaces: ["kube-system"]
  - level: Metadata
    resources:
    - group: "" # core API group
      resources: ["secrets", "configmaps"]
  - level: Request
    resources:
    - group: "" # core API group
    - group: "extensions" # Version of group should NOT be included.
  - level: Metadata
    omitStages:
      - "RequestReceived"
`;

describe('the documented example policy', t, () => {
  const alice = { name: 'alice', groups: ['system:authenticated'] };
  const proxy = { name: 'system:kube-proxy', groups: ['system:authenticated'] };
  const cases: Array<[string, Partial<PolicyAttributes>, Level]> = [
    ['pods', { resource: 'pods', namespace: 'default', verb: 'create' }, 'RequestResponse'],
    ['pods/log', { resource: 'pods', subresource: 'log', namespace: 'default', name: 'p' }, 'Metadata'],
    ['pods/exec is not pods', { resource: 'pods', subresource: 'exec', namespace: 'default', name: 'p' }, 'Request'],
    ['the leader configmap', { resource: 'configmaps', namespace: 'kube-system', name: 'controller-leader', verb: 'update' }, 'None'],
    ['another kube-system configmap', { resource: 'configmaps', namespace: 'kube-system', name: 'x' }, 'Request'],
    ['a configmap elsewhere', { resource: 'configmaps', namespace: 'default', name: 'x' }, 'Metadata'],
    ['secrets', { resource: 'secrets', namespace: 'default', verb: 'list' }, 'Metadata'],
    ['kube-proxy watching services', { user: proxy, resource: 'services', verb: 'watch' }, 'None'],
    ['kube-proxy listing services', { user: proxy, resource: 'services', verb: 'list' }, 'Request'],
    ['authenticated /apis/apps', { resourceRequest: false, path: '/apis/apps' }, 'None'],
    ['authenticated /version', { resourceRequest: false, path: '/version' }, 'None'],
    ['authenticated /healthz', { resourceRequest: false, path: '/healthz' }, 'Metadata'],
    ['anonymous /version', { user: { name: 'system:anonymous', groups: ['system:unauthenticated'] }, resourceRequest: false, path: '/version' }, 'Metadata'],
    ['apps deployments', { apiGroup: 'apps', resource: 'deployments', namespace: 'default' }, 'Metadata'],
    ['extensions ingresses', { apiGroup: 'extensions', resource: 'ingresses', namespace: 'default' }, 'Request'],
  ];
  it('levels per request', async () => {
    const p = await parsePolicy(examplePolicy);
    for (const [name, a, want] of cases) assert.equal(p.levelFor(res({ user: alice, ...a })).level, want, name);
    assert.deepEqual(p.levelFor(res({ user: alice, resource: 'pods' })).omitStages, ['RequestReceived']);
    assert.deepEqual(p.levelFor(res({ user: alice, apiGroup: 'apps', resource: 'deployments' })).omitStages, ['RequestReceived']);
  });

  it('the same policy as JSON, read from a file', async () => {
    const { parse } = await import('yaml');
    const dir = mkdtempSync(join(tmpdir(), 'kubets-audit-'));
    const file = join(dir, 'policy.json');
    writeFileSync(file, JSON.stringify(parse(examplePolicy)));
    const p = await loadPolicyFile(file);
    assert.equal(p.rules.length, 9);
    assert.equal(p.levelFor(res({ resource: 'pods' })).level, 'RequestResponse');
  });
});

describe('loading refuses invalid policies with upstream\'s messages', t, () => {
  const head = 'apiVersion: audit.k8s.io/v1\nkind: Policy\n';
  const cases: Array<[string, string, RegExp]> = [
    ['no rules', head, /^loaded illegal policy with 0 rules$/],
    ['no kind', 'rules: [{level: None}]', /failed decoding: Object 'Kind' is missing/],
    ['an old version', 'apiVersion: audit.k8s.io/v1beta1\nkind: Policy\nrules: [{level: None}]', /^unknown group version field audit\.k8s\.io\/v1beta1, Kind=Policy in policy$/],
    ['a missing level', `${head}rules: [{verbs: [get]}]`, /^rules\[0\]\.level: Required value$/],
    ['an unknown level', `${head}rules: [{level: Everything}]`, /^rules\[0\]\.level: Unsupported value: "Everything": supported values: "None", "Metadata", "Request", "RequestResponse"$/],
    ['a relative URL', `${head}rules: [{level: None, nonResourceURLs: [healthz]}]`, /non-resource URL rules must begin with a '\/' character/],
    ['an inner wildcard', `${head}rules: [{level: None, nonResourceURLs: ["/a*/b"]}]`, /wildcards '\*' must be the final character of the rule/],
    ['both kinds of target', `${head}rules: [{level: None, nonResourceURLs: ["/x"], namespaces: [a]}]`, /rules cannot apply to both regular resources and non-resource URLs/],
    ['names without resources', `${head}rules: [{level: None, resources: [{group: "", resourceNames: [x]}]}]`, /using resourceNames requires at least one resource/],
    ['a versioned group', `${head}rules: [{level: None, resources: [{group: "apps/v1"}]}]`, /rules\[0\]\.resources\.group: Invalid value: "apps\/v1"/],
    ['an unknown stage', `${head}rules: [{level: None, omitStages: [Done]}]`, /rules\[0\]\.omitStages\[0\]: Invalid value: "Done": allowed stages are RequestReceived,ResponseStarted,ResponseComplete,Panic/],
    ['several errors at once', `${head}rules: [{level: X}, {}]`, /^\[rules\[0\]\.level: .*, rules\[1\]\.level: Required value\]$/],
    ['bad YAML', `${head}rules: [`, /^failed decoding: /],
  ];
  for (const [name, text, want] of cases) {
    it(name, async () => { await assert.rejects(parsePolicy(text), (e: Error) => { assert.match(e.message, want); return true; }); });
  }

  it('file errors name the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubets-audit-'));
    await assert.rejects(loadPolicyFile(join(dir, 'missing.yaml')), /^Error: loading audit policy file: failed to read file path ".*missing\.yaml"/);
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'apiVersion: audit.k8s.io/v1\nkind: Policy\n');
    await assert.rejects(loadPolicyFile(bad), (e: Error) => e.message === `loading audit policy file: loaded illegal policy with 0 rules: from file ${bad}`);
  });
});
