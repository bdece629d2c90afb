/**
 * Service account JWTs: issue with our signer, verify with our authenticator, and every way a
 * token goes bad (tampered, wrong key, wrong audience, expired, revoked by deletion or uid change),
 * with upstream's error texts. No error may contain the token.
 */
import { beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { CompactSign, decodeProtectedHeader } from 'jose';
import { AuthenticationError } from '../../../src/auth/authn/authenticator.js';
import {
  issueLegacySecretToken, issueServiceAccountToken, keyIdOf, newServiceAccountAuthenticator,
  type ObjectIdentity, type ServiceAccountAuthenticator, type ServiceAccountLookup,
} from '../../../src/auth/authn/service-account.js';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
const issuer = 'https://kubernetes.default.svc.cluster.local';
const apiAudiences = [issuer];

/** An in-memory lookup: maps keyed "ns/name" (nodes by name). */
class FakeLookup implements ServiceAccountLookup {
  sas = new Map<string, ObjectIdentity>([['ns1/builder', { uid: 'sa-uid-1' }]]);
  secrets = new Map<string, ObjectIdentity & { token?: string }>([['ns1/builder-token', { uid: 'secret-uid-1' }]]);
  pods = new Map<string, ObjectIdentity>([['ns1/web-0', { uid: 'pod-uid-1' }]]);
  nodes = new Map<string, ObjectIdentity>([['node-a', { uid: 'node-uid-a' }]]);
  async getServiceAccount(ns: string, name: string) { return this.sas.get(`${ns}/${name}`) ?? null; }
  async getSecret(ns: string, name: string) { return this.secrets.get(`${ns}/${name}`) ?? null; }
  async getPod(ns: string, name: string) { return this.pods.get(`${ns}/${name}`) ?? null; }
  async getNode(name: string) { return this.nodes.get(name) ?? null; }
}

const sa = { name: 'builder', uid: 'sa-uid-1' };
const t0 = new Date('2026-03-01T10:00:00Z');
const at = (ms: number) => () => new Date(t0.getTime() + ms);

describe('service account tokens', { timeout: 20_000 }, () => {
  let lookup: FakeLookup;
  let authn: ServiceAccountAuthenticator;
  const make = (now = at(1000), audiences = apiAudiences, keys: KeyObject[] = [rsa.publicKey, ec.publicKey]) =>
    newServiceAccountAuthenticator({ publicKeys: keys, issuers: [issuer], audiences, lookup, now });
  const issue = (o: Partial<Parameters<typeof issueServiceAccountToken>[0]> = {}) =>
    issueServiceAccountToken({ privateKey: rsa.privateKey, issuer, audiences: apiAudiences, namespace: 'ns1', serviceAccount: sa, now: t0, ...o });
  /** Asserts an AuthenticationError with this message that does not contain the token. */
  async function rejects(p: Promise<unknown>, message: string | RegExp, token: string) {
    await assert.rejects(p, (e: unknown) => {
      assert.ok(e instanceof AuthenticationError, String(e));
      if (typeof message === 'string') assert.equal(e.message, message);
      else assert.match(e.message, message);
      assert.ok(!e.message.includes(token) && !e.message.includes(token.split('.')[2]));
      return true;
    });
  }
  beforeEach(() => {
    lookup = new FakeLookup();
    authn = make();
  });

  it('issues a bound token upstream-shaped and authenticates it', async () => {
    const { token, expirationTimestamp } = await issue();
    assert.equal(expirationTimestamp, '2026-03-01T11:00:00Z');
    const header = decodeProtectedHeader(token);
    const spki = createPublicKey(rsa.privateKey).export({ type: 'spki', format: 'der' });
    assert.deepEqual(header, { alg: 'RS256', kid: createHash('sha256').update(spki).digest('base64url') });
    assert.equal(keyIdOf(rsa.publicKey), header.kid);
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    assert.deepEqual(Object.keys(claims), ['aud', 'exp', 'iat', 'iss', 'jti', 'kubernetes.io', 'nbf', 'sub']);
    assert.deepEqual(claims['kubernetes.io'], { namespace: 'ns1', serviceaccount: sa });
    assert.equal(claims.sub, 'system:serviceaccount:ns1:builder');
    assert.equal(claims.exp - claims.iat, 3600);
    const user = await authn.authenticateToken(token);
    assert.deepEqual(user, {
      name: 'system:serviceaccount:ns1:builder', uid: 'sa-uid-1', groups: ['system:serviceaccounts', 'system:serviceaccounts:ns1'],
      extra: { 'authentication.kubernetes.io/credential-id': [`JTI=${claims.jti}`] },
    });
    assert.deepEqual(await authn.authenticate({ headers: { authorization: `Bearer ${token}` } }), user);
  });

  it('signs with ES256 for a P-256 key', async () => {
    const { token } = await issue({ privateKey: ec.privateKey });
    assert.equal(decodeProtectedHeader(token).alg, 'ES256');
    assert.equal((await authn.authenticateToken(token))?.name, 'system:serviceaccount:ns1:builder');
  });

  it('enforces TokenRequest expiration bounds', async () => {
    await assert.rejects(issue({ expirationSeconds: 599 }), { message: 'may not specify a duration less than 10 minutes' });
    await assert.rejects(issue({ expirationSeconds: 2 ** 32 + 1 }), { message: 'may not specify a duration larger than 2^32 seconds' });
    assert.ok((await issue({ expirationSeconds: 600 })).token);
  });

  it('rejects a tampered payload and a foreign key', async () => {
    const { token } = await issue();
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    claims['kubernetes.io'].serviceaccount.name = 'admin';
    const forged = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${s}`;
    await rejects(authn.authenticateToken(forged), 'go-jose/go-jose: error in cryptographic primitive', forged);
    const wrongKey = (await issue({ privateKey: other.privateKey })).token;
    await rejects(authn.authenticateToken(wrongKey), 'invalid signature, no keys found', wrongKey);
    const stolenKid = (await issue({ privateKey: other.privateKey, keyId: keyIdOf(rsa.publicKey) })).token;
    await rejects(authn.authenticateToken(stolenKid), 'go-jose/go-jose: error in cryptographic primitive', stolenKid);
  });

  it('checks audiences against the API\'s and the ones asked for', async () => {
    const { token } = await issue({ audiences: ['vault'] });
    await rejects(authn.authenticateToken(token), `token audiences ["vault"] is invalid for the target audiences ["${issuer}"]`, token);
    assert.ok(await authn.authenticateToken(token, ['vault', 'other'])); // TokenReview with spec.audiences
    const open = make(at(1000), []); // no --api-audiences: any audience
    assert.ok(await open.authenticateToken(token));
  });

  it('expires with Go\'s one-minute leeway and is not valid before its time', async () => {
    const { token } = await issue();
    assert.ok(await make(at(3600_000 + 59_000)).authenticateToken(token));
    await rejects(make(at(3600_000 + 61_000)).authenticateToken(token), 'service account token has expired', token);
    await rejects(make(at(-61_000)).authenticateToken(token), 'service account token is not valid yet', token);
  });

  it('is revoked when its service account is deleted or replaced', async () => {
    const { token } = await issue();
    lookup.sas.set('ns1/builder', { uid: 'sa-uid-2' });
    await rejects(authn.authenticateToken(token), 'service account UID (sa-uid-2) does not match claim (sa-uid-1)', token);
    lookup.sas.set('ns1/builder', { uid: 'sa-uid-1', deletionTimestamp: '2026-03-01T09:58:00Z' });
    await rejects(authn.authenticateToken(token), 'service account ns1/builder has been deleted', token);
    lookup.sas.set('ns1/builder', { uid: 'sa-uid-1', deletionTimestamp: '2026-03-01T10:00:00Z' }); // within the leeway
    assert.ok(await authn.authenticateToken(token));
    lookup.sas.delete('ns1/builder');
    await rejects(authn.authenticateToken(token), 'serviceaccounts "builder" not found', token);
  });

  it('binds to a pod: extra names it and its node, deleting it revokes the token', async () => {
    const { token } = await issue({ boundObject: { kind: 'Pod', name: 'web-0', uid: 'pod-uid-1', node: { name: 'node-a', uid: 'node-uid-a' } } });
    const user = await authn.authenticateToken(token);
    const jti = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).jti;
    assert.deepEqual(user?.extra, {
      'authentication.kubernetes.io/pod-name': ['web-0'], 'authentication.kubernetes.io/pod-uid': ['pod-uid-1'],
      'authentication.kubernetes.io/credential-id': [`JTI=${jti}`],
      'authentication.kubernetes.io/node-name': ['node-a'], 'authentication.kubernetes.io/node-uid': ['node-uid-a'],
    });
    lookup.pods.set('ns1/web-0', { uid: 'pod-uid-2' });
    await rejects(authn.authenticateToken(token), 'pod UID (pod-uid-2) does not match service account pod ref claim (pod-uid-1)', token);
    lookup.pods.delete('ns1/web-0');
    await rejects(authn.authenticateToken(token), 'service account token has been invalidated', token);
  });

  it('binds to a secret or a node the same way', async () => {
    const bySecret = (await issue({ boundObject: { kind: 'Secret', name: 'builder-token', uid: 'secret-uid-1' } })).token;
    const byNode = (await issue({ boundObject: { kind: 'Node', name: 'node-a', uid: 'node-uid-a' } })).token;
    assert.ok(await authn.authenticateToken(bySecret));
    assert.deepEqual((await authn.authenticateToken(byNode))?.extra?.['authentication.kubernetes.io/node-uid'], ['node-uid-a']);
    lookup.secrets.delete('ns1/builder-token');
    lookup.nodes.delete('node-a');
    await rejects(authn.authenticateToken(bySecret), 'service account token has been invalidated', bySecret);
    await rejects(authn.authenticateToken(byNode), 'service account token has been invalidated', byNode);
  });

  it('accepts a legacy secret token while its secret lives', async () => {
    const token = await issueLegacySecretToken({ privateKey: rsa.privateKey, namespace: 'ns1', serviceAccount: sa, secretName: 'builder-token' });
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    assert.deepEqual(claims, {
      iss: 'kubernetes/serviceaccount', 'kubernetes.io/serviceaccount/namespace': 'ns1', 'kubernetes.io/serviceaccount/secret.name': 'builder-token',
      'kubernetes.io/serviceaccount/service-account.name': 'builder', 'kubernetes.io/serviceaccount/service-account.uid': 'sa-uid-1',
      sub: 'system:serviceaccount:ns1:builder',
    });
    const forever = make(at(10 * 365 * 86400_000));
    assert.deepEqual(await forever.authenticateToken(token), { name: 'system:serviceaccount:ns1:builder', uid: 'sa-uid-1', groups: ['system:serviceaccounts', 'system:serviceaccounts:ns1'] });
    lookup.secrets.set('ns1/builder-token', { uid: 'secret-uid-1', token });
    assert.ok(await authn.authenticateToken(token));
    lookup.secrets.set('ns1/builder-token', { uid: 'secret-uid-1', token: token.slice(0, -2) + 'xx' });
    await rejects(authn.authenticateToken(token), "Token does not match server's copy", token);
    lookup.secrets.delete('ns1/builder-token');
    await rejects(authn.authenticateToken(token), 'Token has been invalidated', token);
  });

  it('checks legacy claims as legacy.go does', async () => {
    const sign = (payload: object) => new CompactSign(Buffer.from(JSON.stringify(payload))).setProtectedHeader({ alg: 'RS256', kid: keyIdOf(rsa.publicKey) }).sign(rsa.privateKey);
    const base = { iss: 'kubernetes/serviceaccount', sub: 'system:serviceaccount:ns1:builder', 'kubernetes.io/serviceaccount/namespace': 'ns1', 'kubernetes.io/serviceaccount/service-account.name': 'builder', 'kubernetes.io/serviceaccount/service-account.uid': 'sa-uid-1' };
    const noSecret = await sign(base);
    await rejects(authn.authenticateToken(noSecret), 'secretName claim is missing', noSecret);
    const badSub = await sign({ ...base, 'kubernetes.io/serviceaccount/secret.name': 'builder-token', sub: 'system:serviceaccount:ns2:builder' });
    await rejects(authn.authenticateToken(badSub), 'sub claim is invalid', badSub);
  });

  it('leaves tokens that are not ours to others: null, and a 401 through the request wrapper', async () => {
    const foreign = await new CompactSign(Buffer.from(JSON.stringify({ iss: 'https://accounts.example.com', sub: 'x' }))).setProtectedHeader({ alg: 'RS256' }).sign(rsa.privateKey);
    assert.equal(await authn.authenticateToken(foreign), null);
    assert.equal(await authn.authenticateToken('static-token-value'), null);
    assert.equal(await authn.authenticateToken('a.b.c'), null);
    await rejects(authn.authenticate({ headers: { authorization: `Bearer ${foreign}` } }), 'invalid bearer token', foreign);
    assert.equal(await authn.authenticate({ headers: {} }), null);
  });
});
