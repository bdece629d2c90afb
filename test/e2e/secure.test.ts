// The secure port end to end: TLS and ALPN, the generated PKI and admin kubeconfig, every
// authenticator (x509, static tokens, service account JWTs, anonymous), bad credentials, RBAC,
// impersonation, the Node authorizer, AlwaysDeny and ABAC modes, and the insecure port's guard.
// Expected answers are upstream kube-apiserver 1.32's, not kubets' own.
import assert from 'node:assert/strict';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect as http2Connect } from 'node:http2';
import { connect as tlsConnect } from 'node:tls';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CompactSign, decodeProtectedHeader } from 'jose';
import { generateSelfSignedCA, signClientCertificate } from '../../src/server/pki.js';
import { eventually, skipWithoutKubectl, startServer, type TestServer } from './harness.js';
import {
  adminCert, agent, clientCert, kubectlAdmin, kubectlAdminOk, kubectlSecure, readCA, secureRequest,
  TempFiles, tokenCsv, unauthorizedStatus, type Credentials,
} from './secure-helpers.js';

const users = [
  { token: 'alice-token-0123456789', user: 'alice', uid: '1001', groups: ['dev'] },
  { token: 'bob-token-0123456789', user: 'bob', uid: '1002' },
  { token: 'carol-token-0123456789', user: 'carol', uid: '1003', groups: ['dev', 'qa'] },
  { token: 'dana-token-0123456789', user: 'dana', uid: '1004' },
];
const tokenOf = (name: string) => users.find((u) => u.user === name)!.token;
const asToken = (name: string): string[] => ['--token', tokenOf(name)];

/** upstream's 403 body for a resource request refused by the authorizer. */
function forbidden(message: string, details: Record<string, string>) {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Forbidden', details, code: 403 };
}

const pod = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'busybox' }], ...spec },
});

after(() => agent.destroy());

describe('secure port', { skip: skipWithoutKubectl, timeout: 240_000 }, () => {
  let s: TestServer;
  let files: TempFiles;
  let ca: string;
  let admin: Credentials;
  const asAdmin = (method: string, path: string, body?: unknown) => secureRequest(s, method, path, admin, { body });

  before(async () => {
    files = new TempFiles();
    const tokenFile = files.write('tokens.csv', tokenCsv(users));
    // --v=4: authentication failures are logged, so the test can check no secret is.
    s = await startServer({ args: [`--token-auth-file=${tokenFile}`, '--v=4'] });
    ca = readFileSync(join(s.dataDir, 'pki/ca.crt'), 'utf8');
    admin = { cert: adminCert(s.dataDir) };
  });
  after(async () => { await s?.stop(); s?.cleanup(); files?.cleanup(); });

  it('the generated admin kubeconfig works with kubectl: kubernetes-admin in system:masters', { timeout: 30_000 }, async () => {
    const ns = await kubectlAdminOk(s, ['get', 'ns', '-o', 'name']);
    for (const n of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) assert.match(ns, new RegExp(`^namespace/${n}$`, 'm'));
    const who = JSON.parse(await kubectlAdminOk(s, ['auth', 'whoami', '-o', 'json']));
    assert.equal(who.kind, 'SelfSubjectReview');
    assert.equal(who.status.userInfo.username, 'kubernetes-admin');
    assert.ok(who.status.userInfo.groups.includes('system:masters'), JSON.stringify(who.status.userInfo));
    assert.ok(who.status.userInfo.groups.includes('system:authenticated'), JSON.stringify(who.status.userInfo));
    const kc = readFileSync(s.adminKubeconfig, 'utf8');
    assert.ok(kc.includes(s.secureUrl), `the kubeconfig names ${s.secureUrl}`);
  });

  it('the admin kubeconfig and every private key are mode 0600', { timeout: 10_000 }, () => {
    const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);
    assert.equal(mode(s.adminKubeconfig), '600', 'admin.kubeconfig');
    for (const key of ['ca.key', 'apiserver.key', 'admin.key', 'sa.key']) assert.equal(mode(join(s.dataDir, 'pki', key)), '600', key);
  });

  it('HTTP/2 is negotiated by ALPN (anonymous and with a client certificate)', { timeout: 15_000 }, async () => {
    const get = (path: string, creds: Credentials) => new Promise<{ status: number; alpn: string | false | undefined; body: string }>((resolve, reject) => {
      const session = http2Connect(s.secureUrl, { ca, cert: creds.cert?.cert, key: creds.cert?.key });
      session.on('error', reject);
      const req = session.request({ ':path': path, accept: 'application/json' });
      let body = '';
      let status = 0;
      req.setEncoding('utf8');
      req.on('response', (h) => { status = Number(h[':status']); });
      req.on('data', (d) => { body += d; });
      req.on('end', () => { const alpn = session.alpnProtocol; session.close(); resolve({ status, alpn, body }); });
      req.on('error', reject);
      req.end();
    });
    const version = await get('/version', {});
    assert.equal(version.alpn, 'h2');
    assert.equal(version.status, 200);
    assert.match(JSON.parse(version.body).gitVersion, /^v1\.32\./);
    const nsList = await get('/api/v1/namespaces', admin);
    assert.equal(nsList.status, 200, nsList.body);
    assert.equal(JSON.parse(nsList.body).kind, 'NamespaceList');
  });

  it('HTTP/1.1 works (a client without ALPN), and the certificate covers localhost too', { timeout: 15_000 }, async () => {
    const r = await secureRequest(s, 'GET', '/version', {});
    assert.equal(r.status, 200);
    assert.equal(r.httpVersion, '1.1');
    const viaLocalhost = await secureRequest({ ...s, secureUrl: `https://localhost:${s.securePort}` }, 'GET', '/api/v1/namespaces/default', admin);
    assert.equal(viaLocalhost.status, 200, viaLocalhost.text);
  });

  it('TLS 1.1 is refused; TLS 1.2 and 1.3 are accepted', { timeout: 15_000 }, async () => {
    const handshake = (minVersion: 'TLSv1' | 'TLSv1.2', maxVersion: 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3') => new Promise<string>((resolve, reject) => {
      // SECLEVEL=0 lets this client offer TLS 1.1 at all, so a refusal is the server's.
      const sock = tlsConnect({ host: '127.0.0.1', port: s.securePort, ca, servername: 'localhost', minVersion, maxVersion, ciphers: 'DEFAULT@SECLEVEL=0' });
      sock.once('secureConnect', () => { const v = sock.getProtocol() ?? ''; sock.destroy(); resolve(v); });
      sock.once('error', reject);
    });
    await assert.rejects(handshake('TLSv1', 'TLSv1.1'), /protocol version|unsupported protocol|alert|wrong version/i);
    assert.equal(await handshake('TLSv1.2', 'TLSv1.2'), 'TLSv1.2');
    assert.equal(await handshake('TLSv1.2', 'TLSv1.3'), 'TLSv1.3');
  });

  it('a static token user (--token-auth-file) authenticates with its uid and groups', { timeout: 30_000 }, async () => {
    const who = JSON.parse((await kubectlSecure(s, asToken('carol'), ['auth', 'whoami', '-o', 'json'])).stdout);
    assert.deepEqual(who.status.userInfo, { username: 'carol', uid: '1003', groups: ['dev', 'qa', 'system:authenticated'] });
    const alice = await secureRequest(s, 'POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', { token: tokenOf('alice') },
      { body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } });
    assert.equal(alice.status, 201, alice.text);
    assert.deepEqual(alice.json.status.userInfo, { username: 'alice', uid: '1001', groups: ['dev', 'system:authenticated'] });
  });

  it('a token from `kubectl create token` authenticates as the service account and dies with it', { timeout: 45_000 }, async () => {
    await kubectlAdminOk(s, ['create', 'serviceaccount', 'robot', '-n', 'default']);
    const token = (await kubectlAdminOk(s, ['create', 'token', 'robot', '-n', 'default'])).trim();
    assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    const whoOut = await kubectlSecure(s, ['--token', token], ['auth', 'whoami', '-o', 'json']);
    assert.equal(whoOut.code, 0, whoOut.stderr);
    const info = JSON.parse(whoOut.stdout).status.userInfo;
    assert.equal(info.username, 'system:serviceaccount:default:robot');
    assert.deepEqual(info.groups, ['system:serviceaccounts', 'system:serviceaccounts:default', 'system:authenticated']);
    const sa = JSON.parse(await kubectlAdminOk(s, ['get', 'serviceaccount', 'robot', '-n', 'default', '-o', 'json']));
    assert.equal(info.uid, sa.metadata.uid, 'the user uid is the service account uid');

    await kubectlAdminOk(s, ['delete', 'serviceaccount', 'robot', '-n', 'default']);
    const r = await eventually(async () => {
      const got = await secureRequest(s, 'GET', '/api', { token });
      return got.status === 401 ? got : null;
    }, 10_000, 'the token of a deleted service account to be refused');
    assert.deepEqual(r.json, unauthorizedStatus);
    const k = await kubectlSecure(s, ['--token', token], ['get', 'ns']);
    assert.notEqual(k.code, 0);
    assert.match(k.stderr, /Unauthorized|must be logged in/);
  });

  it('a legacy service-account-token Secret gets token, ca.crt and namespace, and the token authenticates', { timeout: 30_000 }, async () => {
    await kubectlAdminOk(s, ['create', 'serviceaccount', 'legacy', '-n', 'default']);
    const created = await asAdmin('POST', '/api/v1/namespaces/default/secrets', {
      apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/service-account-token',
      metadata: { name: 'legacy-token', annotations: { 'kubernetes.io/service-account.name': 'legacy' } },
    });
    assert.equal(created.status, 201, created.text);
    const secret = await eventually(async () => {
      const r = await asAdmin('GET', '/api/v1/namespaces/default/secrets/legacy-token');
      return r.json?.data?.token ? r.json : null;
    }, 10_000, 'the token controller to fill the secret');
    assert.equal(Buffer.from(secret.data.namespace, 'base64').toString(), 'default');
    assert.equal(Buffer.from(secret.data['ca.crt'], 'base64').toString(), ca);
    const token = Buffer.from(secret.data.token, 'base64').toString();
    const who = await kubectlSecure(s, ['--token', token], ['auth', 'whoami', '-o', 'json']);
    assert.equal(who.code, 0, who.stderr);
    const info = JSON.parse(who.stdout).status.userInfo;
    assert.equal(info.username, 'system:serviceaccount:default:legacy');
    assert.deepEqual(info.groups, ['system:serviceaccounts', 'system:serviceaccounts:default', 'system:authenticated']);
    // Deleting the secret revokes the token.
    assert.equal((await asAdmin('DELETE', '/api/v1/namespaces/default/secrets/legacy-token')).status, 200);
    await eventually(async () => (await secureRequest(s, 'GET', '/api', { token })).status === 401, 10_000, 'the legacy token to be revoked');
  });

  it('a token bound to a pod stops working when the pod is deleted', { timeout: 45_000 }, async () => {
    await kubectlAdminOk(s, ['create', 'serviceaccount', 'bound', '-n', 'default']);
    await eventually(async () => (await asAdmin('POST', '/api/v1/namespaces/default/pods', pod('tokpod', { serviceAccountName: 'bound' }))).status === 201, 10_000, 'pod tokpod');
    const token = (await kubectlAdminOk(s, ['create', 'token', 'bound', '-n', 'default', '--bound-object-kind=Pod', '--bound-object-name=tokpod'])).trim();
    const ok = await secureRequest(s, 'POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', { token }, { body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } });
    assert.equal(ok.status, 201, ok.text);
    assert.deepEqual(ok.json.status.userInfo.extra['authentication.kubernetes.io/pod-name'], ['tokpod']);
    const del = await asAdmin('DELETE', '/api/v1/namespaces/default/pods/tokpod?gracePeriodSeconds=0');
    assert.equal(del.status, 200, del.text);
    const r = await eventually(async () => {
      const got = await secureRequest(s, 'GET', '/api', { token });
      return got.status === 401 ? got : null;
    }, 10_000, 'the token of a deleted pod to be refused');
    assert.deepEqual(r.json, unauthorizedStatus);
  });

  it('bad credentials are all 401 with upstream\'s Status body, and never logged', { timeout: 60_000 }, async () => {
    await kubectlAdminOk(s, ['create', 'serviceaccount', 'robot2', '-n', 'default']);
    const good = (await kubectlAdminOk(s, ['create', 'token', 'robot2', '-n', 'default'])).trim();
    assert.equal((await secureRequest(s, 'GET', '/api', { token: good })).status, 200, 'the untouched token works');
    const [h, p, sig] = good.split('.');

    // Tampered: one claim changed, the signature kept.
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    const tamperedClaims = { ...claims, sub: 'system:serviceaccount:kube-system:default',
      'kubernetes.io': { ...claims['kubernetes.io'], namespace: 'kube-system', serviceaccount: { ...claims['kubernetes.io'].serviceaccount, name: 'default' } } };
    const tampered = `${h}.${Buffer.from(JSON.stringify(tamperedClaims)).toString('base64url')}.${sig}`;
    // Signature bytes flipped.
    const flipped = `${h}.${p}.${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
    // Properly signed with the server's own key, but expired an hour ago.
    const saKey = createPrivateKey(readFileSync(join(s.dataDir, 'pki/sa.key'), 'utf8'));
    const header = { ...decodeProtectedHeader(good), alg: decodeProtectedHeader(good).alg ?? 'ES256' };
    const now = Math.floor(Date.now() / 1000);
    const sign = (payload: object, key = saKey) => new CompactSign(Buffer.from(JSON.stringify(payload))).setProtectedHeader(header).sign(key);
    const expired = await sign({ ...claims, iat: now - 7200, nbf: now - 7200, exp: now - 3600 });
    // Valid claims, signed by a key the server never saw.
    const foreignKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const foreignJwt = await sign(claims, foreignKey);
    // A token for another audience (TokenRequest spec.audiences).
    const tr = await asAdmin('POST', '/api/v1/namespaces/default/serviceaccounts/robot2/token',
      { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { audiences: ['other'] } });
    assert.equal(tr.status, 201, tr.text);
    assert.deepEqual(tr.json.spec.audiences, ['other']);
    const otherAudience = tr.json.status.token as string;

    const cluster = readCA(s.dataDir);
    const hourAgo = Date.now() - 3_600_000;
    const expiredCert = await signClientCertificate(cluster, { commonName: 'kubernetes-admin', organizations: ['system:masters'], notBefore: new Date(hourAgo - 3_600_000), notAfter: new Date(hourAgo) });
    const foreignCA = await generateSelfSignedCA({ commonName: 'kubernetes' });
    const foreignCert = await signClientCertificate(foreignCA, { commonName: 'kubernetes-admin', organizations: ['system:masters'] });

    // The serving certificate is signed by the cluster CA but only for serverAuth: x509's verify
    // options ask for ExtKeyUsageClientAuth.
    const servingAsClient = { cert: readFileSync(join(s.dataDir, 'pki/apiserver.crt'), 'utf8'), key: readFileSync(join(s.dataDir, 'pki/apiserver.key'), 'utf8') };

    const cases: Array<[string, Credentials]> = [
      ['expired client certificate (valid CA)', { cert: expiredCert }],
      ['serving certificate (no clientAuth usage) as a client certificate', { cert: servingAsClient }],
      ['client certificate from a foreign CA', { cert: foreignCert }],
      ['tampered JWT claims', { token: tampered }],
      ['JWT with a flipped signature byte', { token: flipped }],
      ['expired JWT signed with the right key', { token: expired }],
      ['JWT signed by a foreign key', { token: foreignJwt }],
      ['JWT for audience "other"', { token: otherAudience }],
      ['unknown static token', { token: 'nobody-knows-this-token' }],
      ['Bearer with a malformed JWT', { headers: { Authorization: 'Bearer a.b.c' } }],
      ['Bearer with a JSON blob', { headers: { Authorization: 'Bearer {"alg":"none"}' } }],
      ['lower-case bearer scheme with an unknown token', { headers: { Authorization: 'bearer nobody-knows-this-either' } }],
    ];
    const failures: string[] = [];
    for (const [name, creds] of cases) {
      for (const path of ['/api/v1/namespaces/default/pods', '/version']) {
        const r = await secureRequest(s, 'GET', path, creds);
        if (r.status !== 401) { failures.push(`${name} ${path}: ${r.status} ${r.text.slice(0, 200)}`); continue; }
        try { assert.deepEqual(r.json, unauthorizedStatus); } catch { failures.push(`${name} ${path}: body ${r.text}`); }
      }
    }
    assert.deepEqual(failures, []);
    const logs = s.logs();
    for (const secret of ['nobody-knows-this-token', 'nobody-knows-this-either', tampered, expired, otherAudience, good]) {
      assert.ok(!logs.includes(secret), 'a presented token appears in the server log');
    }
  });

  it('TokenReview checks a token against the audiences it names (spec.audiences), else the API\'s', { timeout: 30_000 }, async () => {
    await kubectlAdminOk(s, ['create', 'serviceaccount', 'aud', '-n', 'default']);
    const issue = async (audiences: string[]) => {
      const tr = await asAdmin('POST', '/api/v1/namespaces/default/serviceaccounts/aud/token', { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenRequest', spec: { audiences } });
      assert.equal(tr.status, 201, tr.text);
      return tr.json.status.token as string;
    };
    const review = async (token: string, audiences?: string[]) => {
      const r = await asAdmin('POST', '/apis/authentication.k8s.io/v1/tokenreviews', { apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview', spec: { token, ...(audiences ? { audiences } : {}) } });
      assert.equal(r.status, 201, r.text);
      return r.json.status;
    };
    const other = await issue(['other']);
    const api = await issue(['https://kubernetes.default.svc.cluster.local']);
    // No spec.audiences: the API's own audiences (--api-audiences, default the issuer).
    assert.equal((await review(api)).authenticated, true);
    assert.equal((await review(other)).authenticated, false);
    // spec.audiences: the token must be meant for one of them (authenticator.WithAudiences), and the
    // answer names the intersection (status.audiences).
    const forOther = await review(other, ['other']);
    assert.equal(forOther.authenticated, true, JSON.stringify(forOther));
    assert.equal(forOther.user.username, 'system:serviceaccount:default:aud');
    assert.deepEqual(forOther.audiences, ['other']);
    assert.equal((await review(api, ['other'])).authenticated, false);
  });

  it('an Authorization header that is not a bearer token is no credential: anonymous, as upstream', { timeout: 15_000 }, async () => {
    // request/bearertoken: no "Bearer <token>" means no opinion, so the anonymous authenticator answers.
    for (const authorization of ['Basic Zm9vOmJhcg==', 'Bearer', 'Bearer  two-spaces', 'Token abc']) {
      const r = await secureRequest(s, 'GET', '/api/v1/pods', { headers: { Authorization: authorization } });
      assert.equal(r.status, 403, `${authorization}: ${r.text}`);
      assert.equal(r.json.message, 'pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" at the cluster scope');
      assert.equal((await secureRequest(s, 'GET', '/healthz', { headers: { Authorization: authorization } })).status, 200);
    }
  });

  it('anonymous: public info (system:public-info-viewer) yes; discovery and resources no (system:discovery is for system:authenticated)', { timeout: 15_000 }, async () => {
    for (const path of ['/healthz', '/livez', '/readyz', '/version']) {
      const r = await secureRequest(s, 'GET', path, {});
      assert.equal(r.status, 200, `${path}: ${r.text}`);
    }
    const pods = await secureRequest(s, 'GET', '/api/v1/pods', {});
    assert.deepEqual(pods.json, forbidden('pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" at the cluster scope', { kind: 'pods' }));
    const nsPods = await secureRequest(s, 'GET', '/api/v1/namespaces/default/pods', {});
    assert.equal(nsPods.json?.message, 'pods is forbidden: User "system:anonymous" cannot list resource "pods" in API group "" in the namespace "default"');
    for (const path of ['/api', '/apis', '/api/v1', '/apis/apps/v1']) {
      const r = await secureRequest(s, 'GET', path, {});
      assert.equal(r.status, 403, `${path}: ${r.text}`);
      assert.deepEqual(r.json, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `forbidden: User "system:anonymous" cannot get path "${path}"`, reason: 'Forbidden', details: {}, code: 403 });
    }
    // Any authenticated user has discovery.
    assert.equal((await secureRequest(s, 'GET', '/api', { token: tokenOf('carol') })).status, 200);
    assert.equal((await secureRequest(s, 'GET', '/apis/apps/v1', { token: tokenOf('carol') })).status, 200);
  });

  it('kubectl auth can-i: yes/no for the admin and a token user, --as, --list', { timeout: 60_000 }, async () => {
    const canI = async (cred: string[], args: string[]) => {
      const r = cred.length === 0 ? await kubectlAdmin(s, ['auth', 'can-i', ...args]) : await kubectlSecure(s, cred, ['auth', 'can-i', ...args]);
      return { answer: r.stdout.trim(), code: r.code };
    };
    assert.deepEqual(await canI([], ['create', 'pods', '-n', 'default']), { answer: 'yes', code: 0 });
    assert.deepEqual(await canI([], ['*', '*']), { answer: 'yes', code: 0 });
    assert.deepEqual(await canI([], ['delete', 'nodes']), { answer: 'yes', code: 0 });
    assert.equal((await canI(asToken('bob'), ['list', 'pods', '-n', 'default'])).answer, 'no');
    assert.equal((await canI(asToken('bob'), ['list', 'pods', '-n', 'default'])).code, 1);
    assert.equal((await canI(asToken('bob'), ['create', 'selfsubjectaccessreviews.authorization.k8s.io'])).answer, 'yes');
    assert.equal((await canI([], ['list', 'pods', '-n', 'default', '--as', 'bob'])).answer, 'no');
    assert.equal((await canI([], ['get', '/version', '--as', 'bob'])).answer, 'yes');
    // Anonymous may not even ask (system:basic-user is bound to system:authenticated only).
    const anon = await kubectlAdmin(s, ['auth', 'can-i', 'get', '/api', '--as', 'system:anonymous']);
    assert.equal(anon.code, 1);
    assert.match(anon.stderr, /selfsubjectaccessreviews\.authorization\.k8s\.io is forbidden: User "system:anonymous" cannot create resource "selfsubjectaccessreviews" in API group "authorization\.k8s\.io" at the cluster scope/);
    const list = await kubectlSecure(s, asToken('bob'), ['auth', 'can-i', '--list', '-n', 'default']);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^selfsubjectaccessreviews\.authorization\.k8s\.io\s+\[\]\s+\[\]\s+\[create\]$/m);
    assert.match(list.stdout, /^\s+\[\/version\]\s+\[\]\s+\[get\]$/m);
    assert.doesNotMatch(list.stdout, /^pods\s/m);
    const adminList = await kubectlAdmin(s, ['auth', 'can-i', '--list', '-n', 'default']);
    assert.equal(adminList.code, 0, adminList.stderr);
    assert.match(adminList.stdout, /^\*\.\*\s+\[\]\s+\[\]\s+\[\*\]$/m);
  });

  it('RBAC: upstream\'s 403 message until a RoleBinding grants view; view lists pods but cannot create them or read secrets', { timeout: 60_000 }, async () => {
    const msg = 'pods is forbidden: User "bob" cannot list resource "pods" in API group "" in the namespace "default"';
    const raw = await secureRequest(s, 'GET', '/api/v1/namespaces/default/pods', { token: tokenOf('bob') });
    assert.deepEqual(raw.json, forbidden(msg, { kind: 'pods' }));
    const before = await kubectlSecure(s, asToken('bob'), ['get', 'pods', '-n', 'default']);
    assert.notEqual(before.code, 0);
    assert.match(before.stderr, new RegExp(`Error from server \\(Forbidden\\): ${msg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

    assert.equal(await kubectlAdminOk(s, ['create', 'rolebinding', 'bob-view', '--clusterrole=view', '--user=bob', '-n', 'default']), 'rolebinding.rbac.authorization.k8s.io/bob-view created\n');
    await eventually(async () => (await kubectlSecure(s, asToken('bob'), ['get', 'pods', '-n', 'default'])).code === 0, 10_000, 'bob to list pods');
    assert.equal((await kubectlSecure(s, asToken('bob'), ['auth', 'can-i', 'list', 'pods', '-n', 'default'])).stdout.trim(), 'yes');
    assert.equal((await kubectlSecure(s, asToken('bob'), ['auth', 'can-i', 'list', 'pods', '-n', 'kube-system'])).stdout.trim(), 'no');
    assert.equal((await kubectlAdmin(s, ['auth', 'can-i', 'watch', 'deployments.apps', '-n', 'default', '--as', 'bob'])).stdout.trim(), 'yes');

    const create = await secureRequest(s, 'POST', '/api/v1/namespaces/default/pods', { token: tokenOf('bob') }, { body: pod('bobs') });
    assert.deepEqual(create.json, forbidden('pods is forbidden: User "bob" cannot create resource "pods" in API group "" in the namespace "default"', { kind: 'pods' }));
    const run = await kubectlSecure(s, asToken('bob'), ['run', 'bobs', '--image=busybox', '-n', 'default']);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /pods is forbidden: User "bob" cannot create resource "pods" in API group "" in the namespace "default"/);
    const secret = await secureRequest(s, 'GET', '/api/v1/namespaces/default/secrets/anything', { token: tokenOf('bob') });
    assert.deepEqual(secret.json, forbidden('secrets "anything" is forbidden: User "bob" cannot get resource "secrets" in API group "" in the namespace "default"', { name: 'anything', kind: 'secrets' }));
    const deploy = await secureRequest(s, 'DELETE', '/apis/apps/v1/namespaces/default/deployments/web', { token: tokenOf('bob') });
    assert.deepEqual(deploy.json, forbidden('deployments.apps "web" is forbidden: User "bob" cannot delete resource "deployments" in API group "apps" in the namespace "default"', { name: 'web', group: 'apps', kind: 'deployments' }));
    const list = await kubectlSecure(s, asToken('bob'), ['auth', 'can-i', '--list', '-n', 'default']);
    assert.match(list.stdout, /^pods\s+\[\]\s+\[\]\s+\[get list watch\]$/m);
  });

  it('impersonation needs the impersonate verb; the admin may impersonate', { timeout: 30_000 }, async () => {
    const r = await secureRequest(s, 'GET', '/api/v1/namespaces/default/pods', { token: tokenOf('bob'), headers: { 'Impersonate-User': 'alice' } });
    assert.deepEqual(r.json, forbidden('users "alice" is forbidden: User "bob" cannot impersonate resource "users" in API group "" at the cluster scope', { name: 'alice', kind: 'users' }));
    const g = await secureRequest(s, 'GET', '/api/v1/namespaces/default/pods', { token: tokenOf('bob'), headers: { 'Impersonate-User': 'bob', 'Impersonate-Group': 'system:masters' } });
    assert.equal(g.status, 403, g.text);
    const k = await kubectlSecure(s, asToken('bob'), ['get', 'pods', '-n', 'default', '--as', 'alice']);
    assert.notEqual(k.code, 0);
    assert.match(k.stderr, /users "alice" is forbidden: User "bob" cannot impersonate resource "users" in API group "" at the cluster scope/);

    // The admin impersonating: the request runs with the impersonated user's rights.
    assert.equal((await kubectlAdmin(s, ['get', 'pods', '-n', 'default', '--as', 'bob'])).code, 0);
    const carol = await kubectlAdmin(s, ['get', 'pods', '-n', 'default', '--as', 'carol']);
    assert.notEqual(carol.code, 0);
    assert.match(carol.stderr, /pods is forbidden: User "carol" cannot list resource "pods" in API group "" in the namespace "default"/);
    const who = JSON.parse(await kubectlAdminOk(s, ['auth', 'whoami', '-o', 'json', '--as', 'carol', '--as-group', 'qa']));
    assert.deepEqual(who.status.userInfo, { username: 'carol', groups: ['qa', 'system:authenticated'] });
  });

  it('RBAC escalation: a namespace admin cannot grant what it does not hold', { timeout: 30_000 }, async () => {
    await kubectlAdminOk(s, ['create', 'namespace', 'esc']);
    await kubectlAdminOk(s, ['create', 'rolebinding', 'dana-admin', '--clusterrole=admin', '--user=dana', '-n', 'esc']);
    const dana = { token: tokenOf('dana') };
    await eventually(async () => (await secureRequest(s, 'GET', '/api/v1/namespaces/esc/pods', dana)).status === 200, 10_000, 'dana to be admin of esc');
    const role = (name: string, rules: unknown[]) => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name }, rules });
    const held = await secureRequest(s, 'POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/esc/roles', dana, { body: role('cm-reader', [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }]) });
    assert.equal(held.status, 201, held.text);
    const more = await secureRequest(s, 'POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/esc/roles', dana, { body: role('node-reader', [{ apiGroups: [''], resources: ['nodes'], verbs: ['get'] }]) });
    assert.equal(more.status, 403, more.text);
    assert.equal(more.json.reason, 'Forbidden');
    assert.ok((more.json.message as string).startsWith('roles.rbac.authorization.k8s.io "node-reader" is forbidden: user "dana" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n{APIGroups:[""], Resources:["nodes"], Verbs:["get"]}'), more.json.message);
    const bind = await secureRequest(s, 'POST', '/apis/rbac.authorization.k8s.io/v1/namespaces/esc/rolebindings', dana, {
      body: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'grab' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' }, subjects: [{ kind: 'User', apiGroup: 'rbac.authorization.k8s.io', name: 'dana' }] },
    });
    assert.equal(bind.status, 403, bind.text);
    assert.ok((bind.json.message as string).startsWith('rolebindings.rbac.authorization.k8s.io "grab" is forbidden: user "dana" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:'), bind.json.message);
  });

  it('a kubelet (CN=system:node:n1, O=system:nodes) reads and updates its own Node and the secrets of its pods, nothing else', { timeout: 60_000 }, async () => {
    for (const name of ['n1', 'n2']) {
      const r = await asAdmin('POST', '/api/v1/nodes', { apiVersion: 'v1', kind: 'Node', metadata: { name } });
      assert.equal(r.status, 201, r.text);
    }
    for (const name of ['kubelet-secret', 'other-secret']) {
      const r = await asAdmin('POST', '/api/v1/namespaces/default/secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name }, stringData: { k: 'v' } });
      assert.equal(r.status, 201, r.text);
    }
    assert.equal((await asAdmin('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kubelet-cm' }, data: { k: 'v' } })).status, 201);
    await eventually(async () => (await asAdmin('POST', '/api/v1/namespaces/default/pods', pod('on-n1', {
      nodeName: 'n1',
      containers: [{ name: 'c', image: 'busybox', env: [{ name: 'K', valueFrom: { configMapKeyRef: { name: 'kubelet-cm', key: 'k' } } }] }],
      volumes: [{ name: 's', secret: { secretName: 'kubelet-secret' } }],
    }))).status === 201, 10_000, 'pod on-n1');

    const kubelet: Credentials = { cert: await clientCert(s.dataDir, 'system:node:n1', ['system:nodes']) };
    const who = await secureRequest(s, 'POST', '/apis/authentication.k8s.io/v1/selfsubjectreviews', kubelet, { body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' } });
    assert.equal(who.json?.status?.userInfo?.username, 'system:node:n1', who.text);
    assert.deepEqual(who.json.status.userInfo.groups, ['system:nodes', 'system:authenticated']);

    const own = await secureRequest(s, 'GET', '/api/v1/nodes/n1', kubelet);
    assert.equal(own.status, 200, own.text);
    const updated = { ...own.json, metadata: { ...own.json.metadata, labels: { ...(own.json.metadata.labels ?? {}), 'kubets.test/role': 'worker' } } };
    const put = await secureRequest(s, 'PUT', '/api/v1/nodes/n1', kubelet, { body: updated });
    assert.equal(put.status, 200, put.text);
    assert.equal(put.json.metadata.labels['kubets.test/role'], 'worker');

    const other = await secureRequest(s, 'GET', '/api/v1/nodes/n2', kubelet);
    assert.deepEqual(other.json, forbidden('nodes "n2" is forbidden: User "system:node:n1" cannot get resource "nodes" in API group "" at the cluster scope: node \'n1\' cannot read \'n2\', only its own Node object', { name: 'n2', kind: 'nodes' }));
    const n2 = (await asAdmin('GET', '/api/v1/nodes/n2')).json;
    const putOther = await secureRequest(s, 'PUT', '/api/v1/nodes/n2', kubelet, { body: { ...n2, metadata: { ...n2.metadata, labels: { evil: 'yes' } } } });
    // Authorized by the Node authorizer, refused by the NodeRestriction admission plugin.
    assert.equal(putOther.status, 403, `a kubelet updated another node: ${putOther.text}`);
    assert.equal(putOther.json.message, 'nodes "n2" is forbidden: node "n1" is not allowed to modify node "n2"');

    await eventually(async () => (await secureRequest(s, 'GET', '/api/v1/namespaces/default/secrets/kubelet-secret', kubelet)).status === 200, 10_000, 'the kubelet to read its pod\'s secret');
    assert.equal((await secureRequest(s, 'GET', '/api/v1/namespaces/default/configmaps/kubelet-cm', kubelet)).status, 200);
    assert.equal((await secureRequest(s, 'GET', '/api/v1/namespaces/default/pods/on-n1', kubelet)).status, 200);
    const foreignSecret = await secureRequest(s, 'GET', '/api/v1/namespaces/default/secrets/other-secret', kubelet);
    assert.deepEqual(foreignSecret.json, forbidden('secrets "other-secret" is forbidden: User "system:node:n1" cannot get resource "secrets" in API group "" in the namespace "default": no relationship found between node \'n1\' and this object', { name: 'other-secret', kind: 'secrets' }));
    const listSecrets = await secureRequest(s, 'GET', '/api/v1/namespaces/default/secrets', kubelet);
    assert.equal(listSecrets.status, 403, listSecrets.text);
    assert.equal((await secureRequest(s, 'GET', '/api/v1/pods?fieldSelector=spec.nodeName%3Dn1', kubelet)).status, 200);
    assert.equal((await secureRequest(s, 'GET', '/api/v1/pods', kubelet)).status, 403);

    // The same through kubectl with the certificate files.
    const certArgs = files.certArgs('kubelet-n1', kubelet.cert!);
    const getOwn = await kubectlSecure(s, certArgs, ['get', 'node', 'n1', '-o', 'name']);
    assert.equal(getOwn.stdout, 'node/n1\n', getOwn.stderr);
    const getOther = await kubectlSecure(s, certArgs, ['get', 'node', 'n2']);
    assert.notEqual(getOther.code, 0);
    assert.match(getOther.stderr, /nodes "n2" is forbidden: User "system:node:n1" cannot get resource "nodes" in API group "" at the cluster scope/);
    const label = await kubectlSecure(s, certArgs, ['label', 'node', 'n1', 'kubets.test/extra=1']);
    assert.equal(label.code, 0, label.stderr);
  });

  it('the insecure port refuses a foreign Host or Origin with a 403 Status and serves loopback names', { timeout: 15_000 }, async () => {
    const get = (headers: Record<string, string>) => new Promise<{ status: number; json: any }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: s.port, path: '/api/v1/namespaces/default', headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => { text += d; });
        res.on('end', () => { let json: any = null; try { json = JSON.parse(text); } catch { /* not JSON */ } resolve({ status: res.statusCode ?? 0, json }); });
      });
      req.on('error', reject);
      req.end();
    });
    for (const host of [`evil.example.com:${s.port}`, 'evil.example.com', `10.1.2.3:${s.port}`]) {
      const r = await get({ Host: host });
      assert.equal(r.status, 403, `Host ${host}`);
      assert.equal(r.json?.kind, 'Status');
      assert.equal(r.json?.reason, 'Forbidden');
      assert.equal(r.json?.code, 403);
    }
    for (const origin of ['https://evil.example.com', 'http://attacker.test:8080', 'null']) {
      const r = await get({ Host: `127.0.0.1:${s.port}`, Origin: origin });
      assert.equal(r.status, 403, `Origin ${origin}`);
      assert.equal(r.json?.reason, 'Forbidden');
    }
    for (const host of [`localhost:${s.port}`, `127.0.0.1:${s.port}`, 'localhost']) assert.equal((await get({ Host: host })).status, 200, `Host ${host}`);
    assert.equal((await get({ Host: `localhost:${s.port}`, Origin: `http://localhost:${s.port}` })).status, 200);
    assert.equal((await get({ Host: `127.0.0.1:${s.port}`, Origin: 'http://127.0.0.1:3000' })).status, 200);
  });
});

describe('restart reuses the PKI', { skip: skipWithoutKubectl, timeout: 90_000 }, () => {
  let first: TestServer | undefined;
  let second: TestServer | undefined;
  after(async () => { await first?.stop(); await second?.stop(); second?.cleanup(); });

  it('same CA, keys and certificates after a restart; old tokens still work; the kubeconfig follows the new port', { timeout: 80_000 }, async () => {
    first = await startServer();
    const files = ['ca.crt', 'ca.key', 'apiserver.crt', 'apiserver.key', 'admin.crt', 'admin.key', 'sa.key', 'sa.pub'];
    const before = Object.fromEntries(files.map((f) => [f, readFileSync(join(first!.dataDir, 'pki', f))]));
    await kubectlAdminOk(first, ['create', 'serviceaccount', 'keeper', '-n', 'default']);
    const token = (await kubectlAdminOk(first, ['create', 'token', 'keeper', '-n', 'default'])).trim();
    assert.equal(await first.stop(), 0);

    second = await startServer({ dataDir: first.dataDir });
    for (const f of files) assert.ok(readFileSync(join(second.dataDir, 'pki', f)).equals(before[f]), `${f} changed on restart`);
    assert.ok(readFileSync(second.adminKubeconfig, 'utf8').includes(second.secureUrl));
    assert.match(await kubectlAdminOk(second, ['get', 'ns', 'default', '-o', 'name']), /^namespace\/default$/m);
    const who = await kubectlSecure(second, ['--token', token], ['auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}']);
    assert.equal(who.stdout, 'system:serviceaccount:default:keeper', who.stderr);
  });
});

describe('--anonymous-auth=false', { skip: skipWithoutKubectl, timeout: 60_000 }, () => {
  let s: TestServer;
  before(async () => { s = await startServer({ args: ['--anonymous-auth=false'] }); });
  after(async () => { await s?.stop(); s?.cleanup(); });

  it('a request without credentials is 401, even for /healthz and /version', { timeout: 15_000 }, async () => {
    for (const path of ['/api/v1/pods', '/api', '/healthz', '/version']) {
      const r = await secureRequest(s, 'GET', path, {});
      assert.equal(r.status, 401, `${path}: ${r.text}`);
      assert.deepEqual(r.json, unauthorizedStatus);
    }
    assert.equal((await secureRequest(s, 'GET', '/api/v1/pods', { cert: adminCert(s.dataDir) })).status, 200);
    assert.equal((await kubectlAdmin(s, ['get', 'ns'])).code, 0);
  });
});

describe('--authorization-mode=AlwaysDeny', { skip: skipWithoutKubectl, timeout: 60_000 }, () => {
  let s: TestServer;
  let files: TempFiles;
  before(async () => {
    files = new TempFiles();
    s = await startServer({ args: ['--authorization-mode=AlwaysDeny', `--token-auth-file=${files.write('tokens.csv', tokenCsv(users))}`] });
  });
  after(async () => { await s?.stop(); s?.cleanup(); files?.cleanup(); });

  it('system:masters is still allowed; everyone else is 403 "Everything is forbidden."', { timeout: 30_000 }, async () => {
    assert.equal((await secureRequest(s, 'GET', '/api/v1/namespaces/default/pods', { cert: adminCert(s.dataDir) })).status, 200);
    assert.match(await kubectlAdminOk(s, ['get', 'ns', '-o', 'name']), /namespace\/default/);
    const bob = await secureRequest(s, 'GET', '/api/v1/namespaces/default/pods', { token: tokenOf('bob') });
    assert.deepEqual(bob.json, forbidden('pods is forbidden: User "bob" cannot list resource "pods" in API group "" in the namespace "default": Everything is forbidden.', { kind: 'pods' }));
    const anon = await secureRequest(s, 'GET', '/version', {});
    assert.equal(anon.status, 403, anon.text);
    const k = await kubectlSecure(s, asToken('bob'), ['get', 'pods', '-n', 'default']);
    assert.notEqual(k.code, 0);
  });
});

describe('--authorization-mode=ABAC', { skip: skipWithoutKubectl, timeout: 60_000 }, () => {
  let s: TestServer;
  let files: TempFiles;
  before(async () => {
    files = new TempFiles();
    const policy = [
      { apiVersion: 'abac.authorization.kubernetes.io/v1beta1', kind: 'Policy', spec: { user: 'bob', namespace: 'default', resource: '*', apiGroup: '*', readonly: true } },
      { apiVersion: 'abac.authorization.kubernetes.io/v1beta1', kind: 'Policy', spec: { group: 'system:authenticated', readonly: true, nonResourcePath: '*' } },
    ].map((p) => JSON.stringify(p)).join('\n') + '\n';
    s = await startServer({ args: ['--authorization-mode=ABAC', `--authorization-policy-file=${files.write('policy.jsonl', policy)}`, `--token-auth-file=${files.write('tokens.csv', tokenCsv(users))}`] });
  });
  after(async () => { await s?.stop(); s?.cleanup(); files?.cleanup(); });

  it('bob reads in default and nothing more; others are refused with "No policy matched."', { timeout: 30_000 }, async () => {
    const bob = { token: tokenOf('bob') };
    assert.equal((await secureRequest(s, 'GET', '/api/v1/namespaces/default/pods', bob)).status, 200);
    assert.equal((await secureRequest(s, 'GET', '/api/v1/namespaces/default/configmaps?watch=1&timeoutSeconds=1', bob, { watch: true })).status, 200);
    assert.equal((await secureRequest(s, 'GET', '/apis/apps/v1/namespaces/default/deployments/none', bob)).status, 404);
    const create = await secureRequest(s, 'POST', '/api/v1/namespaces/default/configmaps', bob, { body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } } });
    assert.deepEqual(create.json, forbidden('configmaps is forbidden: User "bob" cannot create resource "configmaps" in API group "" in the namespace "default": No policy matched.', { kind: 'configmaps' }));
    assert.equal((await secureRequest(s, 'GET', '/api/v1/namespaces/kube-system/pods', bob)).status, 403);
    assert.equal((await secureRequest(s, 'GET', '/api/v1/nodes', bob)).status, 403);
    assert.equal((await secureRequest(s, 'GET', '/api', bob)).status, 200, 'the nonResourcePath policy');
    assert.equal((await secureRequest(s, 'GET', '/api/v1/namespaces/default/pods', { token: tokenOf('alice') })).status, 403);
    assert.equal((await secureRequest(s, 'GET', '/api', {})).status, 403, 'anonymous is not system:authenticated');
    assert.equal((await secureRequest(s, 'POST', '/api/v1/namespaces/default/configmaps', { cert: adminCert(s.dataDir) }, { body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } } })).status, 201);
    const k = await kubectlSecure(s, asToken('bob'), ['get', 'pods', '-n', 'default']);
    assert.equal(k.code, 0, k.stderr);
  });
});
