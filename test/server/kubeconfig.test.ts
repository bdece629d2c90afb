import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { renderKubeconfig, writeKubeconfig } from '../../src/server/kubeconfig.js';
import { ensurePki, type Pki } from '../../src/server/pki.js';

const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
const skipWithoutKubectl = kubectl ? false : 'kubectl is not on PATH: the kubectl round trip needs it';
const b64 = (s: string) => Buffer.from(s).toString('base64');

interface Seen { cn?: string; authorization?: string; url?: string }

describe('writeKubeconfig', { timeout: 60_000 }, () => {
  let root: string;
  let pki: Pki;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'kubets-kubeconfig-'));
    pki = await ensurePki({ certDir: join(root, 'pki'), hostnames: [], ips: [], serviceIP: '10.0.0.1' });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('writes a v1 Config with embedded credentials, mode 0600, no temp files left', async () => {
    const path = join(root, 'admin.kubeconfig');
    await writeKubeconfig(path, { server: 'https://127.0.0.1:6443', caCertPem: pki.caCert,
      clientCertPem: pki.adminCert, clientKeyPem: pki.adminKey });
    assert.equal(statSync(path).mode & 0o777, 0o600);
    assert.deepEqual(readdirSync(root).filter((f) => f.endsWith('.tmp')), []);
    assert.deepEqual(parse(readFileSync(path, 'utf8')), {
      apiVersion: 'v1', kind: 'Config', preferences: {}, 'current-context': 'kubets',
      clusters: [{ name: 'kubets', cluster: { server: 'https://127.0.0.1:6443', 'certificate-authority-data': b64(pki.caCert) } }],
      users: [{ name: 'admin', user: { 'client-certificate-data': b64(pki.adminCert), 'client-key-data': b64(pki.adminKey) } }],
      contexts: [{ name: 'kubets', context: { cluster: 'kubets', user: 'admin' } }],
    });
  });

  it('replaces an existing file whole, and honours names, token and namespace', async () => {
    const path = join(root, 'replaced.kubeconfig');
    await writeKubeconfig(path, { server: 'https://a:1', caCertPem: pki.caCert, token: 'first' });
    await writeKubeconfig(path, { server: 'https://b:2', caCertPem: pki.caCert, token: 'second',
      clusterName: 'c', userName: 'u', contextName: 'x', namespace: 'kube-system' });
    const cfg = parse(readFileSync(path, 'utf8'));
    assert.equal(cfg.clusters[0].cluster.server, 'https://b:2');
    assert.deepEqual(cfg.users, [{ name: 'u', user: { token: 'second' } }]);
    assert.deepEqual(cfg.contexts, [{ name: 'x', context: { cluster: 'c', user: 'u', namespace: 'kube-system' } }]);
    assert.equal(cfg['current-context'], 'x');
  });

  it('refuses a client certificate without its key', () => {
    assert.throws(() => renderKubeconfig({ server: 'https://a', caCertPem: pki.caCert, clientCertPem: pki.adminCert }), /go together/);
  });

  describe('with real kubectl against a TLS server using the generated certificates', { skip: skipWithoutKubectl }, () => {
    let server: Server;
    let url: string;
    const seen: Seen[] = [];
    before(async () => {
      // requestCert without rejectUnauthorized: token clients send no certificate; we record what came.
      server = createServer({ cert: pki.servingCert, key: pki.servingKey, ca: pki.caCert, requestCert: true, rejectUnauthorized: false },
        (req, res) => {
          const sock = req.socket as TLSSocket;
          seen.push({ url: req.url, cn: sock.authorized ? String(sock.getPeerCertificate().subject?.CN) : undefined,
            authorization: req.headers.authorization });
          if (req.url?.split('?')[0] !== '/version') { res.writeHead(404).end(); return; } // kubectl adds ?timeout=32s
          res.writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify({ major: '1', minor: '32', gitVersion: 'v1.32.0', platform: 'linux/amd64' }));
        });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise((r) => server.close(r)));

    /** kubectl with its discovery cache in our temp dir, so the user's ~/.kube stays untouched. */
    const run = (kubeconfig: string, ...args: string[]) => new Promise<string>((resolve, reject) => {
      execFile('kubectl', ['--kubeconfig', kubeconfig, '--cache-dir', join(root, 'kube-cache'), ...args],
        { timeout: 20_000, env: { ...process.env, KUBECONFIG: '' } },
        (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)));
    });

    it('kubectl version shows the server version over TLS, authenticating with the admin certificate', async () => {
      const path = join(root, 'kubectl-admin.kubeconfig');
      await writeKubeconfig(path, { server: url, caCertPem: pki.caCert, clientCertPem: pki.adminCert, clientKeyPem: pki.adminKey });
      const out = JSON.parse(await run(path, 'version', '-o', 'json'));
      assert.equal(out.serverVersion.gitVersion, 'v1.32.0');
      assert.equal(out.serverVersion.minor, '32');
      assert.ok(seen.some((s) => s.url?.startsWith('/version') && s.cn === 'kubernetes-admin'), JSON.stringify(seen));
    });

    it('kubectl sends the token from a token kubeconfig', async () => {
      const path = join(root, 'kubectl-token.kubeconfig');
      await writeKubeconfig(path, { server: url, caCertPem: pki.caCert, token: 'abc.def' });
      const out = JSON.parse(await run(path, 'version', '-o', 'json'));
      assert.equal(out.serverVersion.gitVersion, 'v1.32.0');
      assert.ok(seen.some((s) => s.authorization === 'Bearer abc.def'), JSON.stringify(seen));
    });

    it('kubectl refuses the server when the kubeconfig names another CA', async () => {
      const other = await ensurePki({ certDir: join(root, 'other-pki'), hostnames: [], ips: [], serviceIP: '10.0.0.1' });
      const path = join(root, 'kubectl-wrong-ca.kubeconfig');
      await writeKubeconfig(path, { server: url, caCertPem: other.caCert, token: 'x' });
      await assert.rejects(run(path, 'version', '-o', 'json'), /certificate signed by unknown authority|x509/);
    });
  });
});
