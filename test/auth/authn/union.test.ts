/**
 * The authenticators together, as the secure port composes them: x509, static tokens and service
 * account tokens in a union. A presented credential that nobody accepts must fail the request; only
 * "no credential at all" may become anonymous. Also the anonymous user and system:authenticated.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anonymousUser, withAuthenticatedGroup } from '../../../src/auth/authn/anonymous.js';
import { AuthenticationError, unionAuthenticator, type AuthRequest, type Authenticator } from '../../../src/auth/authn/authenticator.js';
import { newBearerTokenAuthenticator } from '../../../src/auth/authn/bearer-token.js';
import { issueServiceAccountToken, newServiceAccountAuthenticator } from '../../../src/auth/authn/service-account.js';
import { loadTokenFile } from '../../../src/auth/authn/token-file.js';
import type { UserInfo } from '../../../src/auth/user.js';

const dir = mkdtempSync(join(tmpdir(), 'kubets-union-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const tokenPath = join(dir, 'tokens.csv');
writeFileSync(tokenPath, 'static-tok,alice,uid-a,"dev"\n');

const keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const issuer = 'https://kubernetes.default.svc';
const lookup = {
  getServiceAccount: async (ns: string, name: string) => (ns === 'ns1' && name === 'ci' ? { uid: 'sa-1' } : null),
  getSecret: async () => null,
  getPod: async () => null,
};
const tokenFile = loadTokenFile(tokenPath);
const serviceAccounts = newServiceAccountAuthenticator({ publicKeys: [keys.publicKey], issuers: [issuer], audiences: [issuer], lookup });
/** Stands in for x509 in the union: a user when the request carries a (pretend) certificate. */
const certs: Authenticator = { authenticate: async (r) => (r.peerCertificate ? { name: 'cert-user', groups: ['system:masters'] } : null) };
const bearer = (t: string): AuthRequest => ({ headers: { authorization: `Bearer ${t}` } });
const saToken = (o: { audiences?: string[]; now?: Date } = {}) =>
  issueServiceAccountToken({ privateKey: keys.privateKey, issuer, audiences: o.audiences ?? [issuer], namespace: 'ns1', serviceAccount: { name: 'ci', uid: 'sa-1' }, now: o.now });

describe('authenticators in a union', { timeout: 10_000 }, () => {
  const layouts: Array<[string, Authenticator]> = [
    ['each token authenticator on its own', unionAuthenticator([certs, tokenFile, serviceAccounts])],
    ['one bearer wrapper over the token authenticators (upstream shape)', unionAuthenticator([certs, newBearerTokenAuthenticator([tokenFile, serviceAccounts])])],
  ];
  for (const [layout, union] of layouts) {
    describe(layout, () => {
      it('finds the user whichever authenticator owns the credential', async () => {
        assert.equal((await union.authenticate(bearer('static-tok')))?.name, 'alice');
        assert.equal((await union.authenticate(bearer((await saToken()).token)))?.name, 'system:serviceaccount:ns1:ci');
        assert.equal((await union.authenticate({ headers: {}, peerCertificate: {} as never }))?.name, 'cert-user');
      });

      it('answers null only when there is no credential (anonymous may apply)', async () => {
        assert.equal(await union.authenticate({ headers: {} }), null);
        assert.equal(await union.authenticate({ headers: { authorization: 'Basic YTpi' } }), null);
      });

      it('never lets a bad token fall through to anonymous', async () => {
        const bad = [
          'unknown-static-token',
          (await saToken({ audiences: ['elsewhere'] })).token,
          (await saToken({ now: new Date(Date.now() - 3 * 3600_000) })).token,
          (await saToken()).token.slice(0, -4) + 'AAAA',
        ];
        for (const t of bad) {
          await assert.rejects(union.authenticate(bearer(t)), (e: unknown) => {
            const errors = e instanceof AggregateError ? e.errors : [e];
            assert.ok(errors.every((x) => x instanceof AuthenticationError || x instanceof AggregateError), String(e));
            const text = errors.map((x) => (x as Error).message).join(' ') + (e as Error).message;
            assert.ok(!text.includes(t), 'error must not carry the token');
            return true;
          });
        }
      });
    });
  }

  it('reports why through the upstream-shaped wrapper', async () => {
    const wrapped = newBearerTokenAuthenticator([tokenFile, serviceAccounts]);
    await assert.rejects(wrapped.authenticate(bearer('nobody-knows-me')), { message: 'invalid bearer token' });
    const expired = (await saToken({ now: new Date(Date.now() - 3 * 3600_000) })).token;
    await assert.rejects(wrapped.authenticate(bearer(expired)), { message: 'service account token has expired' });
  });
});

describe('anonymous and system:authenticated', () => {
  it('is system:anonymous in system:unauthenticated', () => {
    assert.deepEqual(anonymousUser, { name: 'system:anonymous', groups: ['system:unauthenticated'] });
    assert.ok(Object.isFrozen(anonymousUser) && Object.isFrozen(anonymousUser.groups));
  });

  it('adds system:authenticated once, to authenticated users only, without changing the input', () => {
    const alice: UserInfo = { name: 'alice', uid: 'u', groups: ['dev'], extra: { k: ['v'] } };
    const out = withAuthenticatedGroup(alice);
    assert.deepEqual(out, { name: 'alice', uid: 'u', groups: ['dev', 'system:authenticated'], extra: { k: ['v'] } });
    assert.deepEqual(alice.groups, ['dev']);
    assert.deepEqual(withAuthenticatedGroup(out).groups, ['dev', 'system:authenticated']);
    assert.equal(withAuthenticatedGroup(anonymousUser), anonymousUser);
    const odd = { name: 'x', groups: ['system:unauthenticated'] };
    assert.deepEqual(withAuthenticatedGroup(odd).groups, ['system:unauthenticated']); // as AuthenticatedGroupAdder
    assert.deepEqual(withAuthenticatedGroup({ name: 'y', groups: [] }).groups, ['system:authenticated']);
  });
});
