import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { alwaysAllow, alwaysDeny, privilegedGroups } from '../../../src/auth/authz/always.js';
import { unionAuthorizer } from '../../../src/auth/authz/authorizer.js';
import { attrs, nonResource, runAuthorizerContract } from './contract.js';

const bob = { name: 'bob', groups: ['system:authenticated'] };
const admin = { name: 'admin', groups: ['system:masters', 'system:authenticated'] };

runAuthorizerContract('AlwaysAllow', () => alwaysAllow, { allowed: [attrs(bob), nonResource(bob, '/metrics', 'post')] });
runAuthorizerContract('AlwaysDeny', () => alwaysDeny, { notAllowed: [attrs(admin), nonResource(admin, '/healthz')] });
runAuthorizerContract('privilegedGroups(system:masters)', () => privilegedGroups('system:masters'), { allowed: [attrs(admin)], notAllowed: [attrs(bob)] });

describe('always authorizers', () => {
  it('AlwaysAllow allows with an empty reason and resolves to * rules', async () => {
    assert.deepEqual(await alwaysAllow.authorize(attrs(bob, { verb: 'delete', resource: 'nodes', namespace: '' })), { decision: 'allow', reason: '' });
    const rules = await alwaysAllow.rulesFor(bob, 'default');
    assert.deepEqual(rules.resourceRules, [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }]);
    assert.deepEqual(rules.nonResourceRules, [{ verbs: ['*'], nonResourceURLs: ['*'] }]);
  });

  it('AlwaysDeny has no opinion, with upstream reason text, so a later authorizer may still allow', async () => {
    assert.deepEqual(await alwaysDeny.authorize(attrs(bob)), { decision: 'noOpinion', reason: 'Everything is forbidden.' });
    const union = unionAuthorizer([['AlwaysDeny', alwaysDeny], ['AlwaysAllow', alwaysAllow]]);
    assert.equal((await union.authorize(attrs(bob))).decision, 'allow');
    const denyOnly = unionAuthorizer([['AlwaysDeny', alwaysDeny]]);
    assert.deepEqual(await denyOnly.authorize(attrs(bob)), { decision: 'noOpinion', reason: 'Everything is forbidden.' });
    assert.deepEqual(await alwaysDeny.rulesFor(bob, 'default'), { resourceRules: [], nonResourceRules: [], incomplete: false });
  });

  it('privilegedGroups allows members of any listed group only', async () => {
    const a = privilegedGroups('system:masters', 'ops');
    assert.equal((await a.authorize(attrs(admin))).decision, 'allow');
    assert.equal((await a.authorize(attrs({ name: 'o', groups: ['ops'] }))).decision, 'allow');
    assert.deepEqual(await a.authorize(attrs(bob)), { decision: 'noOpinion', reason: '' });
  });
});
