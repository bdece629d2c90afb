/**
 * The authorizer contract: what every Authorizer must do whatever its policy. Each authorizer's
 * test runs it with a factory and, optionally, requests it must allow and must not allow, so the
 * shapes of both answers are checked too. Odd attributes (empty, huge, unicode, missing user
 * fields) must give an answer, never a throw.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Attributes, AuthorizationResult, Authorizer, RuleResolver } from '../../../src/auth/authz/authorizer.js';
import type { UserInfo } from '../../../src/auth/user.js';

export interface AuthorizerContractOptions {
  /** Requests this authorizer allows. */
  allowed?: Attributes[];
  /** Requests this authorizer does not allow (noOpinion or deny). */
  notAllowed?: Attributes[];
}

export function attrs(user: UserInfo, over: Partial<Attributes> = {}): Attributes {
  return {
    user, verb: 'get', resourceRequest: true, path: '/api/v1/namespaces/default/pods', apiGroup: '', apiVersion: 'v1',
    resource: 'pods', subresource: '', namespace: 'default', name: '', ...over,
  };
}

export function nonResource(user: UserInfo, path: string, verb = 'get'): Attributes {
  return attrs(user, { resourceRequest: false, path, verb, resource: '', apiGroup: '', apiVersion: '', namespace: '' });
}

const someone: UserInfo = { name: 'contract-user', groups: ['system:authenticated'] };

function oddAttributes(): Attributes[] {
  const long = 'x'.repeat(100_000);
  return [
    attrs({ name: '', groups: [] }, { verb: '', resource: '', namespace: '' }),
    attrs(someone, { verb: 'ünïcødé', resource: '日本', namespace: 'ns/with/slash', name: '..' }),
    attrs(someone, { verb: 'get', resource: long, name: long, subresource: long }),
    nonResource(someone, ''),
    nonResource(someone, `/${long}`),
    nonResource(someone, '*'),
    attrs({ name: 'system:node:', groups: ['system:nodes'] }, { resource: 'secrets', name: 's' }),
    attrs({ name: 'system:serviceaccount::', groups: ['system:serviceaccounts'] }),
    // a user without groups, as a careless caller might build it
    attrs({ name: 'no-groups' } as unknown as UserInfo),
    attrs({ name: 'x', groups: ['system:authenticated'], extra: { scopes: [] } }, { verb: '*', resource: '*', apiGroup: '*', namespace: '*' }),
  ];
}

function assertShape(r: AuthorizationResult, where: string): void {
  assert.ok(r && typeof r === 'object', `${where}: result is an object`);
  assert.ok(['allow', 'deny', 'noOpinion'].includes(r.decision), `${where}: decision ${String(r.decision)}`);
  assert.equal(typeof r.reason, 'string', `${where}: reason is a string`);
}

const describeAttrs = (a: Attributes) => (a.resourceRequest ? `${a.verb} ${a.resource}${a.subresource ? '/' + a.subresource : ''} ${a.namespace}/${a.name}` : `${a.verb} ${a.path}`);

/** Runs the shared cases against the authorizer the factory makes (once per test). */
export function runAuthorizerContract(name: string, factory: () => Authorizer | Promise<Authorizer>, opts: AuthorizerContractOptions = {}): void {
  describe(`Authorizer contract: ${name}`, { timeout: 20_000 }, () => {
    it('answers a resource and a non-resource request with a well-formed result', async () => {
      const a = await factory();
      assertShape(await a.authorize(attrs(someone)), 'resource request');
      assertShape(await a.authorize(nonResource(someone, '/healthz')), 'non-resource request');
    });

    it('never throws on odd attributes', async () => {
      const a = await factory();
      for (const odd of oddAttributes()) {
        const r = await a.authorize(odd);
        assertShape(r, describeAttrs(odd).slice(0, 80));
      }
    });

    it('is deterministic and safe to call concurrently', async () => {
      const a = await factory();
      const all = [...(opts.allowed ?? []), ...(opts.notAllowed ?? []), attrs(someone), nonResource(someone, '/api')];
      const first = await Promise.all(all.map((x) => a.authorize(x)));
      const again = await Promise.all(all.map((x) => a.authorize(x)));
      assert.deepEqual(again, first);
    });

    it('does not change the attributes it is given', async () => {
      const a = await factory();
      for (const x of [...(opts.allowed ?? []), ...(opts.notAllowed ?? []), attrs(someone)]) {
        const copy = structuredClone(x);
        await a.authorize(x);
        assert.deepEqual(x, copy);
      }
    });

    if (opts.allowed?.length) {
      it('allows what it must allow', async () => {
        const a = await factory();
        for (const x of opts.allowed ?? []) assert.equal((await a.authorize(x)).decision, 'allow', describeAttrs(x));
      });
    }

    if (opts.notAllowed?.length) {
      it('does not allow what it must not allow', async () => {
        const a = await factory();
        for (const x of opts.notAllowed ?? []) assert.notEqual((await a.authorize(x)).decision, 'allow', describeAttrs(x));
      });
    }

    it('resolves rules in a well-formed shape when it is a RuleResolver', async () => {
      const a = (await factory()) as Authorizer & Partial<RuleResolver>;
      if (typeof a.rulesFor !== 'function') return;
      const r = await a.rulesFor(someone, 'default');
      assert.ok(Array.isArray(r.resourceRules) && Array.isArray(r.nonResourceRules));
      assert.equal(typeof r.incomplete, 'boolean');
      for (const rule of r.resourceRules) assert.ok(Array.isArray(rule.verbs) && Array.isArray(rule.apiGroups) && Array.isArray(rule.resources));
      for (const rule of r.nonResourceRules) assert.ok(Array.isArray(rule.verbs) && Array.isArray(rule.nonResourceURLs));
    });
  });
}
