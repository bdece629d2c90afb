/**
 * x509 client certificates through a real TLS handshake: a node:https server on 127.0.0.1:0 with
 * requestCert and rejectUnauthorized off (as the secure port runs), so peerCertificate and its
 * issuerCertificate chain are what node:tls really gives. Certificates are made here with
 * @peculiar/x509: good, expired, not yet valid, foreign CA, server-auth only, through an intermediate.
 */
import 'reflect-metadata';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, webcrypto } from 'node:crypto';
import { createServer, request, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import * as x509 from '@peculiar/x509';
import { AuthenticationError } from '../../../src/auth/authn/authenticator.js';
import { newX509Authenticator, type X509Authenticator } from '../../../src/auth/authn/x509.js';

x509.cryptoProvider.set(webcrypto as Crypto);
const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const hour = 3600_000;
const genKeys = () => webcrypto.subtle.generateKey(alg, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;

interface Issued { cert: x509.X509Certificate; keys: CryptoKeyPair; pem: string; keyPem: string }
let serial = 100;

async function issue(subject: string, signer: Issued | 'self', o: { ca?: boolean; eku?: string[] | null; from?: number; to?: number } = {}): Promise<Issued> {
  const keys = await genKeys();
  const extensions: x509.Extension[] = [await x509.SubjectKeyIdentifierExtension.create(keys.publicKey)];
  if (o.ca) extensions.push(new x509.BasicConstraintsExtension(true, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true));
  const eku = o.eku === undefined ? [x509.ExtendedKeyUsage.clientAuth] : o.eku;
  if (!o.ca && eku) extensions.push(new x509.ExtendedKeyUsageExtension(eku));
  const common = { serialNumber: (serial++).toString(16).padStart(4, '0'), notBefore: new Date(Date.now() + (o.from ?? -hour)), notAfter: new Date(Date.now() + (o.to ?? hour)), signingAlgorithm: alg, extensions };
  let cert: x509.X509Certificate;
  if (signer === 'self') {
    cert = await x509.X509CertificateGenerator.createSelfSigned({ ...common, name: subject, keys });
  } else {
    extensions.push(await x509.AuthorityKeyIdentifierExtension.create(signer.keys.publicKey));
    cert = await x509.X509CertificateGenerator.create({ ...common, subject, issuer: signer.cert.subject, signingKey: signer.keys.privateKey, publicKey: keys.publicKey });
  }
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
  return { cert, keys, pem: cert.toString('pem'), keyPem: `-----BEGIN PRIVATE KEY-----\n${pkcs8.replace(/(.{64})/g, '$1\n')}\n-----END PRIVATE KEY-----\n` };
}

describe('x509 client certificate authenticator', { timeout: 30_000 }, () => {
  let server: Server;
  let port = 0;
  let authn: X509Authenticator;
  let ca: Issued, foreignCa: Issued, lookalikeCa: Issued, inter: Issued;
  const certs: Record<string, Issued> = {};

  before(async () => {
    ca = await issue('CN=test-ca', 'self', { ca: true });
    foreignCa = await issue('CN=other-ca', 'self', { ca: true });
    lookalikeCa = await issue('CN=test-ca', 'self', { ca: true });
    inter = await issue('CN=test-intermediate', ca, { ca: true });
    certs.alice = await issue('CN=alice, O=dev, O=ops', ca);
    certs.noEku = await issue('CN=noeku', ca, { eku: null });
    certs.expired = await issue('CN=old', ca, { from: -3 * hour, to: -2 * hour });
    certs.future = await issue('CN=soon', ca, { from: 2 * hour, to: 3 * hour });
    certs.foreign = await issue('CN=mallory, O=system:masters', foreignCa);
    certs.lookalike = await issue('CN=mallory', lookalikeCa);
    certs.serverOnly = await issue('CN=web', ca, { eku: [x509.ExtendedKeyUsage.serverAuth] });
    certs.viaInter = await issue('CN=dave, O=system:nodes', inter);
    certs.noCn = await issue('O=only-org', ca);
    const serving = await issue('CN=127.0.0.1', 'self', { eku: [x509.ExtendedKeyUsage.serverAuth] });
    authn = newX509Authenticator({ caPems: [ca.pem] });
    server = createServer({ key: serving.keyPem, cert: serving.pem, requestCert: true, rejectUnauthorized: false }, (req, res) => {
      const socket = req.socket as TLSSocket;
      const pc = socket.getPeerCertificate(true);
      authn.authenticate({ headers: req.headers, peerCertificate: pc && Object.keys(pc).length > 0 ? pc : undefined, peerAuthorized: socket.authorized })
        .then((user) => res.end(JSON.stringify({ user })))
        .catch((e: unknown) => res.end(JSON.stringify({ error: (e as Error).message, authError: e instanceof AuthenticationError })));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** One request over a fresh TLS connection, presenting the given certificate chain (leaf first). */
  function call(chain?: Issued[]): Promise<{ user?: { name: string; groups: string[]; extra?: Record<string, string[]> } | null; error?: string; authError?: boolean }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/', agent: false, rejectUnauthorized: false, // loopback test server, self-signed
        ...(chain ? { cert: chain.map((c) => c.pem).join('\n'), key: chain[0].keyPem } : {}) }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve(JSON.parse(body)));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('authenticates CN as the user and O values as groups, with upstream\'s credential id', async () => {
    const r = await call([certs.alice]);
    const fp = createHash('sha256').update(Buffer.from(certs.alice.cert.rawData)).digest('hex');
    assert.deepEqual(r.user, { name: 'alice', groups: ['dev', 'ops'], extra: { 'authentication.kubernetes.io/credential-id': [`X509SHA256=${fp}`] } });
  });

  it('is no opinion without a client certificate', async () => {
    assert.deepEqual(await call(), { user: null });
  });

  it('accepts a certificate without extended key usage, as Go does', async () => {
    assert.equal((await call([certs.noEku])).user?.name, 'noeku');
  });

  it('follows an intermediate the client sends', async () => {
    assert.deepEqual((await call([certs.viaInter, inter])).user?.groups, ['system:nodes']);
    const r = await call([certs.viaInter]); // without it, no path to the CA
    assert.match(r.error!, /failed: x509: certificate signed by unknown authority$/);
  });

  it('rejects an expired certificate with Go\'s text inside upstream\'s wrapper', async () => {
    const r = await call([certs.expired]);
    assert.equal(r.authError, true);
    assert.match(r.error!, /^verifying certificate SN=\d+, SKID=([0-9A-F]{2}:)+[0-9A-F]{2}, AKID=([0-9A-F]{2}:)+[0-9A-F]{2} failed: x509: certificate has expired or is not yet valid: current time \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ is after \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.match((await call([certs.future])).error!, /x509: certificate has expired or is not yet valid: current time \S+ is before \S+$/);
  });

  it('names the serial in decimal and the key ids in colon hex', async () => {
    const r = await call([certs.expired]);
    const serialDec = BigInt('0x' + certs.expired.cert.serialNumber).toString();
    const skid = certs.expired.cert.getExtension(x509.SubjectKeyIdentifierExtension)!.keyId.toUpperCase().replace(/(..)(?!$)/g, '$1:');
    const akid = ca.cert.getExtension(x509.SubjectKeyIdentifierExtension)!.keyId.toUpperCase().replace(/(..)(?!$)/g, '$1:');
    assert.ok(r.error!.startsWith(`verifying certificate SN=${serialDec}, SKID=${skid}, AKID=${akid} failed: `), r.error);
  });

  it('rejects a certificate from a foreign CA', async () => {
    const r = await call([certs.foreign]);
    assert.equal(r.authError, true);
    assert.match(r.error!, /failed: x509: certificate signed by unknown authority$/);
  });

  it('explains a look-alike CA with the same name, as Go\'s hint does', async () => {
    const r = await call([certs.lookalike]);
    assert.match(r.error!, /x509: certificate signed by unknown authority \(possibly because of "x509: ECDSA verification failure" while trying to verify candidate authority certificate "test-ca"\)$/);
  });

  it('does not trust a foreign chain even when the client sends its CA along', async () => {
    assert.match((await call([certs.foreign, foreignCa])).error!, /signed by unknown authority$/);
  });

  it('does not let a non-CA certificate act as an intermediate', async () => {
    const fakeInter = await issue('CN=not-a-ca', ca);
    const leaf = await issue('CN=eve', fakeInter);
    assert.match((await call([leaf, fakeInter])).error!, /signed by unknown authority \(possibly because of "x509: certificate is not authorized to sign other certificates" while trying to verify candidate authority certificate "not-a-ca"\)$/);
  });

  it('rejects a certificate not valid for client auth', async () => {
    assert.match((await call([certs.serverOnly])).error!, /failed: x509: certificate specifies an incompatible key usage$/);
  });

  it('is no opinion for a valid certificate without a CN, as CommonNameUserConversion', async () => {
    assert.deepEqual(await call([certs.noCn]), { user: null });
  });

  it('checks validity against its clock, and the CA\'s too', async () => {
    const pc = { raw: Buffer.from(certs.alice.cert.rawData) } as never;
    const later = newX509Authenticator({ caPems: [ca.pem], now: () => new Date(Date.now() + 2 * hour) });
    await assert.rejects(later.authenticate({ headers: {}, peerCertificate: pc }), /is after/);
    const good = newX509Authenticator({ caPems: [ca.pem, foreignCa.pem].reverse() });
    assert.equal((await good.authenticate({ headers: {}, peerCertificate: pc }))?.name, 'alice');
  });

  it('refuses a CA bundle without certificates', () => {
    assert.throws(() => newX509Authenticator({ caPems: ['not a pem'] }), /data does not contain any valid RSA or ECDSA certificates/);
  });
});
