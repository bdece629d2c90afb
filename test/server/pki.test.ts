import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { X509Certificate, webcrypto as crypto } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { request, createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, importPKCS8, importSPKI, jwtVerify } from 'jose';
import { ensurePki, generateSelfSignedCA, localAddresses, PkiError, signClientCertificate, type Pki, type PkiOptions }
  from '../../src/server/pki.js';
import { x509 } from '../../src/server/x509-lib.js';

const dayMs = 86_400_000;
const tmp = () => mkdtempSync(join(tmpdir(), 'kubets-pki-'));
const options = (certDir: string): PkiOptions =>
  ({ certDir, hostnames: ['api.example.test'], ips: ['192.0.2.7', 'fd00::7'], serviceIP: '10.96.0.1' });
const mode = (p: string) => statSync(p).mode & 0o777;

describe('ensurePki', { timeout: 30_000 }, () => {
  let root: string;
  let pki: Pki;
  before(async () => {
    root = tmp();
    const t = performance.now();
    pki = await ensurePki(options(join(root, 'pki')));
    console.log(`# ensurePki on a fresh dir: ${(performance.now() - t).toFixed(1)} ms`);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('generates every file with private keys 0600, certificates 0644, the directory 0700', () => {
    assert.equal(mode(pki.paths.dir), 0o700);
    assert.deepEqual(pki.generated, ['ca.key', 'ca.crt', 'apiserver.key', 'apiserver.crt', 'admin.key', 'admin.crt', 'sa.key', 'sa.pub']);
    for (const p of [pki.paths.caKey, pki.paths.servingKey, pki.paths.adminKey, pki.paths.saPrivateKey]) assert.equal(mode(p), 0o600, p);
    for (const p of [pki.paths.caCert, pki.paths.servingCert, pki.paths.adminCert, pki.paths.saPublicKey]) assert.equal(mode(p), 0o644, p);
    assert.equal(readFileSync(pki.paths.caCert, 'utf8'), pki.caCert);
    assert.equal(pki.saAlgorithm, 'ES256');
  });

  it('reuses the files on a second call, byte for byte', async () => {
    const again = await ensurePki(options(pki.paths.dir));
    assert.deepEqual(again.generated, []);
    assert.deepEqual(again.servingCertMissingNames, []);
    for (const k of ['caCert', 'caKey', 'servingCert', 'servingKey', 'adminCert', 'adminKey', 'saPrivateKey', 'saPublicKey'] as const) {
      assert.equal(again[k], pki[k], k);
    }
  });

  it('reports names an old serving certificate lacks, without failing', async () => {
    const moved = await ensurePki({ ...options(pki.paths.dir), hostnames: ['new.example.test'], ips: ['192.0.2.99'] });
    assert.deepEqual(moved.servingCertMissingNames, ['new.example.test', '192.0.2.99']);
  });

  it('puts loopback, host, interface, service IP and in-cluster names in the serving certificate', () => {
    const san = new x509.X509Certificate(pki.servingCert).getExtension(x509.SubjectAlternativeNameExtension)!;
    const names = san.names.toJSON();
    const dns = names.filter((n) => n.type === 'dns').map((n) => n.value);
    const ips = names.filter((n) => n.type === 'ip').map((n) => n.value);
    for (const n of ['localhost', hostname().toLowerCase(), 'api.example.test', 'kubernetes', 'kubernetes.default',
      'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local']) assert.ok(dns.includes(n), n);
    for (const ip of ['127.0.0.1', '::1', '10.96.0.1', '192.0.2.7', 'fd00::7']) assert.ok(ips.includes(ip), ip);
    const node = new X509Certificate(pki.servingCert); // and Node reads the same names
    assert.equal(node.checkIP('::1'), '::1');
    assert.equal(node.checkHost('kubernetes.default.svc'), 'kubernetes.default.svc');
  });

  it('chains the serving and admin certificates to a 10-year CA named kubernetes', () => {
    const ca = new X509Certificate(pki.caCert);
    assert.ok(ca.ca);
    assert.equal(ca.subject, 'CN=kubernetes');
    assert.ok(ca.verify(ca.publicKey));
    const years = (c: X509Certificate) => (Date.parse(c.validTo) - Date.now()) / (365 * dayMs);
    assert.ok(years(ca) > 9.9 && years(ca) <= 10.1);
    for (const pem of [pki.servingCert, pki.adminCert]) {
      const leaf = new X509Certificate(pem);
      assert.ok(leaf.verify(ca.publicKey));
      assert.ok(leaf.checkIssued(ca));
      assert.ok(!leaf.ca);
      assert.ok(years(leaf) > 0.99 && years(leaf) <= 1.01);
    }
    const onDisk = new X509Certificate(readFileSync(pki.paths.servingCert));
    assert.ok(onDisk.verify(new X509Certificate(readFileSync(pki.paths.caCert)).publicKey));
  });

  it('issues the admin certificate to kubernetes-admin in system:masters, for client auth only', () => {
    const admin = new x509.X509Certificate(pki.adminCert);
    assert.deepEqual(admin.subjectName.getField('CN'), ['kubernetes-admin']);
    assert.deepEqual(admin.subjectName.getField('O'), ['system:masters']);
    assert.deepEqual([...admin.getExtension(x509.ExtendedKeyUsageExtension)!.usages].map(String), [x509.ExtendedKeyUsage.clientAuth]);
    const serving = new x509.X509Certificate(pki.servingCert);
    assert.deepEqual([...serving.getExtension(x509.ExtendedKeyUsageExtension)!.usages].map(String), [x509.ExtendedKeyUsage.serverAuth]);
    assert.deepEqual(serving.subjectName.getField('CN'), ['kube-apiserver']);
  });

  it('writes service account keys that jose imports, signs and verifies with', async () => {
    const priv = await importPKCS8(pki.saPrivateKey, pki.saAlgorithm);
    const pub = await importSPKI(pki.saPublicKey, pki.saAlgorithm);
    const jwt = await new SignJWT({ sub: 'system:serviceaccount:default:default' })
      .setProtectedHeader({ alg: pki.saAlgorithm }).setIssuer('https://kubernetes.default.svc.cluster.local').sign(priv);
    assert.equal((await jwtVerify(jwt, pub)).payload.sub, 'system:serviceaccount:default:default');
  });

  it('signs kubelet client certificates, and expired ones when asked', async () => {
    const kubelet = await signClientCertificate(pki, { commonName: 'system:node:n1', organizations: ['system:nodes'], days: 30 });
    const c = new X509Certificate(kubelet.cert);
    assert.ok(c.verify(new X509Certificate(pki.caCert).publicKey));
    assert.match(c.subject, /O=system:nodes/);
    const expired = await signClientCertificate(pki, {
      commonName: 'old', notBefore: new Date(Date.now() - 2 * dayMs), notAfter: new Date(Date.now() - dayMs),
    });
    assert.ok(Date.parse(new X509Certificate(expired.cert).validTo) < Date.now());
  });

  it('lists interface addresses without link-local IPv6', () => {
    for (const a of localAddresses()) assert.ok(!/^fe80:/i.test(a), a);
  });
});

describe('ensurePki on broken files', { timeout: 30_000 }, () => {
  let root: string;
  let good: Pki;
  before(async () => { root = tmp(); good = await ensurePki(options(join(root, 'good'))); });
  after(() => rmSync(root, { recursive: true, force: true }));

  /** A fresh copy of the good set in its own directory, changed by edit. */
  async function broken(name: string, edit: (dir: string) => void | Promise<void>): Promise<string> {
    const dir = join(root, name);
    await ensurePki(options(dir));
    await edit(dir);
    return dir;
  }
  const rejectsNaming = (dir: string, file: string, text: RegExp) => assert.rejects(ensurePki(options(dir)),
    (e: unknown) => e instanceof PkiError && e.path === join(dir, file) && text.test(e.message) && e.message.includes(file));

  it('refuses a serving certificate signed by another CA, naming it', async () => {
    const foreign = await generateSelfSignedCA({ commonName: 'other' });
    const dir = await broken('foreign', async (d) => {
      const leaf = await signClientCertificate(foreign, { commonName: 'kube-apiserver' });
      writeFileSync(join(d, 'apiserver.crt'), leaf.cert); writeFileSync(join(d, 'apiserver.key'), leaf.key);
    });
    await rejectsNaming(dir, 'apiserver.crt', /not signed by the cluster CA/);
  });

  it('refuses half a pair, naming the missing file', async () => {
    await rejectsNaming(await broken('half', (d) => unlinkSync(join(d, 'admin.key'))), 'admin.key', /does not/);
    await rejectsNaming(await broken('half-sa', (d) => unlinkSync(join(d, 'sa.pub'))), 'sa.pub', /does not/);
  });

  it('refuses leaves whose CA is gone', async () => {
    const dir = await broken('orphan', (d) => { unlinkSync(join(d, 'ca.crt')); unlinkSync(join(d, 'ca.key')); });
    await rejectsNaming(dir, 'ca.crt', /is missing/);
  });

  it('refuses a key that does not match its certificate, and garbage', async () => {
    await rejectsNaming(await broken('swapped', (d) => writeFileSync(join(d, 'admin.key'), good.servingKey)), 'admin.key', /does not match/);
    await rejectsNaming(await broken('garbage', (d) => writeFileSync(join(d, 'ca.crt'), 'nope')), 'ca.crt', /not a PEM certificate/);
    await rejectsNaming(await broken('sa', (d) => writeFileSync(join(d, 'sa.pub'), good.saPublicKey)), 'sa.pub', /public half/);
  });

  it('refuses an expired serving certificate', async () => {
    const dir = await broken('expired', async (d) => {
      const ca = { caCert: readFileSync(join(d, 'ca.crt'), 'utf8'), caKey: readFileSync(join(d, 'ca.key'), 'utf8') };
      const old = await signClientCertificate(ca, { commonName: 'x', notBefore: new Date(0), notAfter: new Date(Date.now() - 1000) });
      writeFileSync(join(d, 'apiserver.crt'), old.cert); writeFileSync(join(d, 'apiserver.key'), old.key);
    });
    await rejectsNaming(dir, 'apiserver.crt', /expired/);
  });

  it('issues leaves from a CA the user placed, even an RSA one (kubeadm\'s default)', async () => {
    const dir = join(root, 'user-ca');
    const alg = { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
    const keys = await crypto.subtle.generateKey(alg, true, ['sign', 'verify']);
    const ca = await x509.X509CertificateGenerator.createSelfSigned({ name: 'CN=kubernetes', keys, signingAlgorithm: alg,
      extensions: [new x509.BasicConstraintsExtension(true, undefined, true)] });
    const key = Buffer.from(await crypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
    mkdirSync(dir, { mode: 0o700 });
    writeFileSync(join(dir, 'ca.crt'), ca.toString('pem'));
    writeFileSync(join(dir, 'ca.key'), `-----BEGIN PRIVATE KEY-----\n${key}\n-----END PRIVATE KEY-----\n`);
    const got = await ensurePki(options(dir));
    assert.deepEqual(got.generated, ['apiserver.key', 'apiserver.crt', 'admin.key', 'admin.crt', 'sa.key', 'sa.pub']);
    assert.ok(new X509Certificate(got.adminCert).verify(new X509Certificate(got.caCert).publicKey));
    assert.deepEqual((await ensurePki(options(dir))).generated, []);
  });

  it('issues a deleted serving pair again from the existing CA, touching nothing else', async () => {
    const dir = await broken('reissue', (d) => { unlinkSync(join(d, 'apiserver.crt')); unlinkSync(join(d, 'apiserver.key')); });
    const caBefore = readFileSync(join(dir, 'ca.crt'), 'utf8');
    const again = await ensurePki(options(dir));
    assert.deepEqual(again.generated, ['apiserver.key', 'apiserver.crt']);
    assert.equal(again.caCert, caBefore);
    assert.ok(new X509Certificate(again.servingCert).verify(new X509Certificate(caBefore).publicKey));
  });
});

describe('mutual TLS with the generated certificates', { timeout: 30_000 }, () => {
  let root: string;
  let pki: Pki;
  let server: Server;
  let port: number;
  before(async () => {
    root = tmp();
    pki = await ensurePki(options(join(root, 'pki')));
    server = createServer({ cert: pki.servingCert, key: pki.servingKey, ca: pki.caCert, requestCert: true, rejectUnauthorized: true },
      (req, res) => {
        const peer = (req.socket as TLSSocket).getPeerCertificate();
        res.end(JSON.stringify({ cn: peer.subject.CN, o: peer.subject.O }));
      });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  after(async () => {
    await new Promise((r) => server.close(r));
    rmSync(root, { recursive: true, force: true });
  });

  const get = (host: string, client: { cert: string; key: string }) => new Promise<string>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', servername: host === '127.0.0.1' ? undefined : host, port, path: '/',
      ca: pki.caCert, cert: client.cert, key: client.key }, (res) => {
      let body = ''; res.setEncoding('utf8'); res.on('data', (c) => { body += c; }); res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });

  it('accepts the admin certificate, with the server verified by the CA at 127.0.0.1 and by name', async () => {
    const admin = { cert: pki.adminCert, key: pki.adminKey };
    assert.deepEqual(JSON.parse(await get('127.0.0.1', admin)), { cn: 'kubernetes-admin', o: 'system:masters' });
    assert.deepEqual(JSON.parse(await get('kubernetes.default.svc', admin)).cn, 'kubernetes-admin');
  });

  it('accepts a kubelet certificate signed by the CA', async () => {
    const kubelet = await signClientCertificate(pki, { commonName: 'system:node:n1', organizations: ['system:nodes'], days: 1 });
    assert.deepEqual(JSON.parse(await get('localhost', kubelet)), { cn: 'system:node:n1', o: 'system:nodes' });
  });

  it('rejects a client certificate from a foreign CA, and an expired one', async () => {
    const foreign = await generateSelfSignedCA({ commonName: 'kubernetes' }); // same name, other key
    await assert.rejects(get('127.0.0.1', await signClientCertificate(foreign, { commonName: 'kubernetes-admin', organizations: ['system:masters'] })));
    const expired = await signClientCertificate(pki, {
      commonName: 'kubernetes-admin', notBefore: new Date(Date.now() - 2 * dayMs), notAfter: new Date(Date.now() - dayMs),
    });
    await assert.rejects(get('127.0.0.1', expired));
  });
});
