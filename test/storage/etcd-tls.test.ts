/**
 * EtcdStorage over TLS with client certificates (--etcd-cafile, --etcd-certfile, --etcd-keyfile):
 * reads, writes and watches work with the right CA and certificate, and without a client
 * certificate or with the wrong CA every call fails fast as Unavailable.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSelfSignedCA } from '../../src/server/pki-certs.js';
import { openEtcdStorage, type EtcdStorage } from '../../src/storage/etcd/etcd-storage.js';
import { StorageError } from '../../src/storage/storage.js';
import { startTlsEtcd, type TlsEtcd } from './etcd-process.js';

const t = { timeout: 30_000 };
const cm = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'ns' }, data: { a: name } });

describe('EtcdStorage over TLS', () => {
  let tls: TlsEtcd | undefined;
  let dir = '';
  const opened: EtcdStorage[] = [];
  const open = async (opts: { ca?: string; cert?: string; key?: string }) => {
    const s = await openEtcdStorage({ endpoints: [tls!.etcd.url], prefix: '/tls', tls: opts, requestTimeoutMs: 3_000 });
    opened.push(s);
    return s;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubets-etcd-tls-'));
    tls = await startTlsEtcd(dir);
  }, t);
  after(async () => {
    for (const s of opened) await s.close();
    await tls?.etcd.stop();
    rmSync(dir, { recursive: true, force: true });
  }, t);

  it('serves an https:// URL', () => assert.match(tls!.etcd.url, /^https:\/\/127\.0\.0\.1:\d+$/));

  it('reads, writes and watches with the CA and a client certificate', t, async () => {
    const s = await open({ ca: tls!.ca, cert: tls!.clientCert, key: tls!.clientKey });
    const ac = new AbortController();
    const events = s.watch('/registry/configmaps/ns/', {}, ac.signal)[Symbol.asyncIterator]();
    const made = await s.create('/registry/configmaps/ns/a', cm('a'));
    assert.deepEqual((await s.get('/registry/configmaps/ns/a')).data, { a: 'a' });
    const ev = await events.next();
    assert.equal(ev.value?.type, 'ADDED');
    assert.equal(ev.value?.object?.metadata?.resourceVersion, made.metadata.resourceVersion);
    ac.abort();
  });

  for (const [name, clientTls] of [
    ['without a client certificate', () => ({ ca: tls!.ca })],
    ['with a CA that did not sign the serving certificate', async () => ({ ca: (await generateSelfSignedCA({ commonName: 'other' })).caCert, cert: tls!.clientCert, key: tls!.clientKey })],
  ] as Array<[string, () => { ca?: string; cert?: string; key?: string } | Promise<{ ca?: string; cert?: string; key?: string }>]>) {
    it(`fails fast as Unavailable ${name}`, t, async () => {
      const s = await open(await clientTls());
      const started = Date.now();
      await assert.rejects(s.get('/registry/configmaps/ns/a'), (e: unknown) => e instanceof StorageError && e.code === 'Unavailable');
      assert.ok(Date.now() - started < 3_500, `took ${Date.now() - started} ms`);
    });
  }
});
