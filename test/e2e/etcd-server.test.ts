// kubets over etcd (--etcd-servers) driven by real kubectl: the same API, stored in etcd, and two
// API servers over one etcd seeing each other's writes and watches.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type EtcdProcess, startEtcd } from '../storage/etcd-process.js';
import { configMapObj, eventually, kubectlCreate, kubectlOk, namespaceObj, skipWithoutKubectl, startServer, type TestServer } from './harness.js';

describe('kubets on etcd', { skip: skipWithoutKubectl, timeout: 120_000 }, () => {
  let etcd: EtcdProcess;
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    etcd = await startEtcd();
    const args = [`--etcd-servers=${etcd.url}`, `--etcd-prefix=/kubets-e2e`];
    a = await startServer({ args });
    b = await startServer({ args });
  });
  after(async () => {
    for (const s of [a, b]) { await s?.stop(); s?.cleanup(); }
    await etcd?.stop();
  });

  it('serves kubectl from etcd; the other server sees the same objects and resourceVersions', async () => {
    await kubectlCreate(a, namespaceObj('onetcd'));
    await kubectlCreate(a, configMapObj('c1', { k: 'v' }), 'onetcd');
    const fromA = JSON.parse(await kubectlOk(a, ['-n', 'onetcd', 'get', 'cm', 'c1', '-o', 'json']));
    const fromB = JSON.parse(await kubectlOk(b, ['-n', 'onetcd', 'get', 'cm', 'c1', '-o', 'json']));
    assert.equal(fromB.metadata.resourceVersion, fromA.metadata.resourceVersion);
    assert.equal(fromB.data.k, 'v');
    await kubectlOk(b, ['-n', 'onetcd', 'label', 'cm', 'c1', 'by=b']);
    await eventually(async () => JSON.parse(await kubectlOk(a, ['-n', 'onetcd', 'get', 'cm', 'c1', '-o', 'json'])).metadata.labels?.by === 'b', 10_000, 'label seen on a');
  });

  it('a watch on one server sees a write made on the other', async () => {
    const list = await (await fetch(`${a.url}/api/v1/namespaces/onetcd/configmaps`)).json() as { metadata: { resourceVersion: string } };
    const ctrl = new AbortController();
    const res = await fetch(`${a.url}/api/v1/namespaces/onetcd/configmaps?watch=1&resourceVersion=${list.metadata.resourceVersion}`, { signal: ctrl.signal });
    const reader = res.body!.getReader();
    await kubectlCreate(b, configMapObj('from-b'), 'onetcd');
    let text = '';
    const deadline = Date.now() + 10_000;
    while (!text.includes('"from-b"') && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString();
    }
    ctrl.abort();
    assert.match(text, /"type":"ADDED".*"name":"from-b"/);
  });

  it('etcd down: requests fail fast with a Status and /readyz fails; etcd back: the server recovers', { timeout: 60_000 }, async () => {
    const { clientPort, peerPort, dataDir } = etcd;
    await etcd.stop({ keepData: true });
    const started = Date.now();
    const r = await fetch(`${a.url}/api/v1/namespaces/onetcd/configmaps/c1`);
    assert.ok(r.status === 503 || r.status === 504, `status ${r.status}`);
    const status = await r.json() as { kind: string; code: number };
    assert.equal(status.kind, 'Status');
    assert.ok(Date.now() - started < 15_000, 'did not fail fast');
    const ready = await fetch(`${a.url}/readyz?verbose`);
    assert.equal(ready.status, 500);
    assert.match(await ready.text(), /\[-\]etcd failed/);
    etcd = await startEtcd({ dataDir, clientPort, peerPort });
    await eventually(async () => (await fetch(`${a.url}/readyz`)).status === 200, 30_000, 'readyz after etcd returns');
    const back = await fetch(`${a.url}/api/v1/namespaces/onetcd/configmaps/c1`);
    assert.equal(back.status, 200);
  });

  it('ClusterIPs allocated through both servers never collide', async () => {
    const svc = (name: string) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { ports: [{ port: 80 }] } });
    await Promise.all(Array.from({ length: 10 }, (_, i) => kubectlCreate(i % 2 ? a : b, svc(`s${i}`), 'onetcd')));
    const list = JSON.parse(await kubectlOk(a, ['-n', 'onetcd', 'get', 'svc', '-o', 'json']));
    const ips = list.items.map((s: { spec: { clusterIP: string } }) => s.spec.clusterIP);
    assert.equal(ips.length, 10);
    assert.equal(new Set(ips).size, 10, ips.join(' '));
  });
});
