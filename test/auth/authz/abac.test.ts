/** ABAC, table-driven like upstream's abac_test.go (TestAuthorizeV0, TestAuthorizeV1beta1). */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAbacPolicyFile, newAbacAuthorizer, parseAbacPolicies } from '../../../src/auth/authz/abac.js';
import type { Attributes } from '../../../src/auth/authz/authorizer.js';
import type { UserInfo } from '../../../src/auth/user.js';
import { attrs, nonResource, runAuthorizerContract } from './contract.js';

const v0Policy = `{                    "readonly": true, "resource": "events"   }
{"user":"scheduler", "readonly": true, "resource": "pods"     }
{"user":"scheduler",                   "resource": "bindings" }
{"user":"kubelet",   "readonly": true, "resource": "bindings" }
{"user":"kubelet",                     "resource": "events"   }
{"user":"alice",                                              "namespace": "projectCaribou"}
{"user":"bob",       "readonly": true,                        "namespace": "projectCaribou"}
`;

const P = (spec: Record<string, unknown>) => JSON.stringify({ apiVersion: 'abac.authorization.kubernetes.io/v1beta1', kind: 'Policy', spec });
const v1beta1Policy = [
  '# comments and blank lines are skipped',
  '',
  P({ user: '*', readonly: true, nonResourcePath: '/api' }),
  P({ user: '*', nonResourcePath: '/custom' }),
  P({ user: '*', nonResourcePath: '/root/*' }),
  P({ user: 'noresource', nonResourcePath: '*' }),
  P({ user: '*', readonly: true, resource: 'events', namespace: '*' }),
  P({ user: 'scheduler', readonly: true, resource: 'pods', namespace: '*' }),
  P({ user: 'scheduler', resource: 'bindings', namespace: '*' }),
  P({ user: 'kubelet', readonly: true, resource: 'bindings', namespace: '*' }),
  P({ user: 'kubelet', resource: 'events', namespace: '*' }),
  P({ user: 'alice', resource: '*', namespace: 'projectCaribou' }),
  P({ user: 'bob', readonly: true, resource: '*', namespace: 'projectCaribou' }),
  P({ user: 'debbie', resource: 'pods', namespace: 'projectCaribou' }),
  P({ user: 'apigroupuser', resource: '*', namespace: 'projectAnyGroup', apiGroup: '*' }),
  P({ user: 'apigroupuser', resource: '*', namespace: 'projectEmptyGroup', apiGroup: '' }),
  P({ user: 'apigroupuser', resource: '*', namespace: 'projectXGroup', apiGroup: 'x' }),
  P({ group: 'ops', resource: 'nodes', namespace: '' }),
].join('\n');

const u = (name: string, groups = ['system:authenticated']): UserInfo => ({ name, uid: `uid-${name}`, groups });
/** as upstream's table: a resource request when a namespace or resource is given. */
function req(user: UserInfo, verb: string, resource: string, ns: string, apiGroup = '', path = ''): Attributes {
  if (!resource && !ns) return nonResource(user, path, verb);
  return attrs(user, { verb, resource, namespace: ns, apiGroup });
}

type Case = [what: string, a: Attributes, allowed: boolean];

describe('ABAC v0 (unversioned lines)', () => {
  const authz = newAbacAuthorizer(parseAbacPolicies(v0Policy, 'policy.jsonl'));
  const scheduler = u('scheduler'), alice = u('alice'), bob = u('bob'), chuck = u('chuck');
  const cases: Case[] = [
    ['scheduler reads pods in a namespace', req(scheduler, 'list', 'pods', 'ns1'), true],
    ['scheduler reads pods cluster-wide', req(scheduler, 'list', 'pods', ''), true],
    ['scheduler cannot write pods', req(scheduler, 'create', 'pods', 'ns1'), false],
    ['scheduler cannot write pods cluster-wide', req(scheduler, 'create', 'pods', ''), false],
    ['scheduler writes bindings', req(scheduler, 'create', 'bindings', 'ns1'), true],
    ['scheduler reads bindings cluster-wide', req(scheduler, 'get', 'bindings', ''), true],
    ['alice reads anything in her namespace', req(alice, 'get', 'widgets', 'projectCaribou'), true],
    ['alice writes anything in her namespace', req(alice, 'update', 'horses', 'projectCaribou'), true],
    ['alice not in another namespace', req(alice, 'get', 'widgets', 'ns1'), false],
    ['alice not cluster-wide', req(alice, 'get', 'widgets', ''), false],
    ['bob reads in his namespace', req(bob, 'watch', 'widgets', 'projectCaribou'), true],
    ['bob cannot write in his namespace', req(bob, 'update', 'widgets', 'projectCaribou'), false],
    ['bob not in another namespace', req(bob, 'get', 'widgets', 'ns1'), false],
    ['chuck reads events: anyone can', req(chuck, 'get', 'events', 'ns1'), true],
    ['chuck reads events cluster-wide', req(chuck, 'get', 'events', ''), true],
    ['chuck cannot update events', req(chuck, 'update', 'events', 'ns1'), false],
    ['chuck cannot read pods', req(chuck, 'get', 'pods', 'ns1'), false],
    ['chuck cannot read floops', req(chuck, 'get', 'floop', 'ns1'), false],
    ['chuck cannot get /', req(chuck, 'get', '', '', '', '/'), false],
    ['an empty v0 subject means authenticated users only', req(u('anon', ['system:unauthenticated']), 'get', 'events', 'ns1'), false],
    ['v0 rules match every API group', req(scheduler, 'list', 'pods', 'ns1', 'apps'), true],
  ];
  for (const [what, a, allowed] of cases) {
    it(what, async () => {
      const r = await authz.authorize(a);
      assert.deepEqual(r, allowed ? { decision: 'allow', reason: '' } : { decision: 'noOpinion', reason: 'No policy matched.' });
    });
  }

  it('converts v0 defaults as upstream', () => {
    const [events, , , , , aliceP] = authz.policies;
    assert.deepEqual(events, { user: '', group: 'system:authenticated', readonly: true, apiGroup: '*', resource: 'events', namespace: '*', nonResourcePath: '' });
    assert.deepEqual(aliceP, { user: 'alice', group: '', readonly: false, apiGroup: '*', resource: '*', namespace: 'projectCaribou', nonResourcePath: '' });
    const [star] = parseAbacPolicies('{"user":"*"}', 'p');
    assert.deepEqual(star, { user: '', group: 'system:authenticated', readonly: false, apiGroup: '*', resource: '*', namespace: '*', nonResourcePath: '*' });
  });
});

describe('ABAC v1beta1', () => {
  const authz = newAbacAuthorizer(parseAbacPolicies(v1beta1Policy, 'policy.jsonl'));
  const scheduler = u('scheduler'), alice = u('alice'), bob = u('bob'), chuck = u('chuck'), debbie = u('debbie');
  const noResource = u('noresource'), apiGroupUser = u('apigroupuser');
  const cases: Case[] = [
    ['noresource user reaches any path', req(noResource, 'get', '', '', '', '/'), true],
    ['noresource user posts anywhere', req(noResource, 'create', '', '', '', '/foo/bar'), true],
    ['noresource user gets no resources', req(noResource, 'get', 'pods', 'ns1'), false],
    ['anyone reads /api', req(chuck, 'get', '', '', '', '/api'), true],
    ['nobody writes /api', req(chuck, 'create', '', '', '', '/api'), false],
    ['/api is exact: /api/ is not', req(chuck, 'get', '', '', '', '/api/'), false],
    ['anyone may post /custom', req(chuck, 'create', '', '', '', '/custom'), true],
    ['/root/* covers /root/', req(chuck, 'get', '', '', '', '/root/'), true],
    ['/root/* covers deep paths', req(chuck, 'delete', '', '', '', '/root/test/1/2/3'), true],
    ['/root/* does not cover /root', req(chuck, 'get', '', '', '', '/root'), false],
    ['/root/* does not cover /rootXXX', req(chuck, 'get', '', '', '', '/rootXXX'), false],
    ['a * user means authenticated users: not anonymous', req(u('system:anonymous', ['system:unauthenticated']), 'get', '', '', '', '/api'), false],
    ['scheduler reads pods', req(scheduler, 'list', 'pods', 'ns1'), true],
    ['scheduler reads pods cluster-wide', req(scheduler, 'list', 'pods', ''), true],
    ['scheduler cannot write pods', req(scheduler, 'create', 'pods', 'ns1'), false],
    ['scheduler writes bindings', req(scheduler, 'create', 'bindings', 'ns1'), true],
    ['alice writes anything in her namespace', req(alice, 'update', 'widgets', 'projectCaribou'), true],
    ['alice not in another namespace', req(alice, 'get', 'widgets', 'ns1'), false],
    ['alice: resource policies never match non-resource paths', req(alice, 'get', '', '', '', '/healthz'), false],
    ['bob reads in his namespace', req(bob, 'list', 'widgets', 'projectCaribou'), true],
    ['bob cannot write', req(bob, 'delete', 'widgets', 'projectCaribou'), false],
    ['chuck reads events', req(chuck, 'get', 'events', 'ns1'), true],
    ['chuck cannot read pods', req(chuck, 'get', 'pods', 'ns1'), false],
    ['debbie writes core pods', req(debbie, 'update', 'pods', 'projectCaribou'), true],
    ['debbie: apiGroup "" matches only the core group', req(debbie, 'update', 'pods', 'projectCaribou', 'extensions'), false],
    ['debbie not other resources', req(debbie, 'update', 'services', 'projectCaribou'), false],
    ['apiGroup * matches any group', req(apiGroupUser, 'get', 'pods', 'projectAnyGroup', 'x'), true],
    ['apiGroup * matches the core group', req(apiGroupUser, 'get', 'pods', 'projectAnyGroup', ''), true],
    ['apiGroup "" matches the core group', req(apiGroupUser, 'get', 'pods', 'projectEmptyGroup', ''), true],
    ['apiGroup "" does not match x', req(apiGroupUser, 'get', 'pods', 'projectEmptyGroup', 'x'), false],
    ['apiGroup x matches x', req(apiGroupUser, 'get', 'pods', 'projectXGroup', 'x'), true],
    ['apiGroup x does not match core', req(apiGroupUser, 'get', 'pods', 'projectXGroup', ''), false],
    ['group subject matches members', req(u('o1', ['ops']), 'delete', 'nodes', ''), true],
    ['an empty namespace matches only cluster-scoped requests', req(u('o1', ['ops']), 'delete', 'nodes', 'ns1'), false],
    ['group subject does not match others', req(chuck, 'delete', 'nodes', ''), false],
  ];
  for (const [what, a, allowed] of cases) {
    it(what, async () => assert.equal((await authz.authorize(a)).decision, allowed ? 'allow' : 'noOpinion'));
  }

  it('resolves rules as upstream RulesFor', async () => {
    const alice = await authz.rulesFor(u('alice'), 'projectCaribou');
    assert.deepEqual(alice.resourceRules, [
      { verbs: ['get', 'list', 'watch'], apiGroups: [''], resources: ['events'] },
      { verbs: ['*'], apiGroups: [''], resources: ['*'] },
    ]);
    assert.deepEqual(alice.nonResourceRules, []);
    const nr = await authz.rulesFor(u('noresource'), '');
    assert.deepEqual(nr.nonResourceRules, [
      { verbs: ['get', 'list', 'watch'], nonResourceURLs: ['/api'] },
      { verbs: ['*'], nonResourceURLs: ['/custom'] },
      { verbs: ['*'], nonResourceURLs: ['/root/*'] },
      { verbs: ['*'], nonResourceURLs: ['*'] },
    ]);
    assert.equal(nr.incomplete, false);
  });
});

describe('ABAC policy file', () => {
  let dir = '';
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'abac-')); });
  after(async () => { await rm(dir, { recursive: true, force: true }); });

  it('loads a file, skipping comments and blank lines, with CRLF endings', async () => {
    const path = join(dir, 'ok.jsonl');
    await writeFile(path, `# header\r\n\r\n   \r\n${P({ user: 'alice', namespace: '*', resource: '*', apiGroup: '*' })}\r\n  # indented comment\n`);
    const a = await loadAbacPolicyFile(path);
    assert.equal(a.policies.length, 1);
    assert.equal((await a.authorize(attrs(u('alice')))).decision, 'allow');
  });

  it('names the file and line of a bad line as upstream', async () => {
    const path = join(dir, 'bad.jsonl');
    await writeFile(path, `${P({ user: 'a' })}\n# comment\n{"user":\n`);
    await assert.rejects(loadAbacPolicyFile(path), (e: Error) => e.message.startsWith(`error reading policy file ${path}, line 3: {"user":: couldn't get version/kind; json parse error: `));
  });

  it('rejects wrong field types and unregistered kinds', () => {
    assert.throws(() => parseAbacPolicies(P({ readonly: 'yes' }), 'f'), /^Error: error reading policy file f, line 1: .*json: cannot unmarshal string into Go struct field Policy\.spec\.readonly of type bool$/);
    assert.throws(() => parseAbacPolicies('{"apiVersion":"v1","kind":"Pod"}', 'f'), /line 1: .*no kind "Pod" is registered for version "v1"/);
    assert.throws(() => parseAbacPolicies('[1,2]', 'f'), /line 1: /);
  });

  it('reports a missing file and an over-long line like Go', async () => {
    await assert.rejects(loadAbacPolicyFile(join(dir, 'nope')), { message: `open ${join(dir, 'nope')}: no such file or directory` });
    assert.throws(() => parseAbacPolicies(`{"user":"${'a'.repeat(70_000)}"}`, 'f'), { message: 'error reading policy file f: bufio.Scanner: token too long' });
  });

  it('ignores unknown fields; an empty spec matches nothing', async () => {
    const a = newAbacAuthorizer(parseAbacPolicies(`${P({ user: 'x', color: 'blue', resource: '*', namespace: '*', apiGroup: '*' })}\n${P({})}`, 'f'));
    assert.equal((await a.authorize(attrs(u('x')))).decision, 'allow');
    assert.equal((await a.authorize(attrs(u('y')))).decision, 'noOpinion');
  });
});

const contractPolicies = parseAbacPolicies(v1beta1Policy, 'contract');
runAuthorizerContract('ABAC', () => newAbacAuthorizer(contractPolicies), {
  allowed: [attrs(u('alice'), { namespace: 'projectCaribou', verb: 'create' }), nonResource(u('chuck'), '/api')],
  notAllowed: [attrs(u('alice')), nonResource(u('chuck'), '/api', 'create')],
});
