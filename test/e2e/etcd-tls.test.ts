// kubets over an etcd that serves TLS and requires client certificates: --etcd-cafile,
// --etcd-certfile and --etcd-keyfile carry it, driven by real kubectl.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTlsEtcd, type TlsEtcd } from '../storage/etcd-process.js';
import { configMapObj, kubectlCreate, kubectlOk, namespaceObj, skipWithoutKubectl, startServer, type TestServer } from './harness.js';

describe('kubets on etcd over TLS', { skip: skipWithoutKubectl, timeout: 120_000 }, () => {
  let dir = '';
  let tls: TlsEtcd | undefined;
  let server: TestServer | undefined;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubets-e2e-etcd-tls-'));
    tls = await startTlsEtcd(dir);
    server = await startServer({
      args: [`--etcd-servers=${tls.etcd.url}`, '--etcd-prefix=/kubets-tls', `--etcd-cafile=${tls.files.ca}`,
        `--etcd-certfile=${tls.files.cert}`, `--etcd-keyfile=${tls.files.key}`],
    });
  });
  after(async () => {
    await server?.stop();
    server?.cleanup();
    await tls?.etcd.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is ready, and serves kubectl from the TLS etcd', async () => {
    const ready = await fetch(`${server!.url}/readyz?verbose`);
    assert.equal(ready.status, 200, await ready.text());
    await kubectlCreate(server!, namespaceObj('tls'));
    await kubectlCreate(server!, configMapObj('over-tls', { k: 'v' }), 'tls');
    const got = JSON.parse(await kubectlOk(server!, ['-n', 'tls', 'get', 'cm', 'over-tls', '-o', 'json']));
    assert.equal(got.data.k, 'v');
    assert.match(got.metadata.resourceVersion, /^\d+$/);
  });
});
