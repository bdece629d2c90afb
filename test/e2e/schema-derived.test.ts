/**
 * What the schema tables now drive over HTTP, for kinds that had no hand-written protobuf or
 * patch tables: a StorageClass sent as protobuf, strict decoding of a Service spec, and
 * strategic merges keyed by the tables' patchMergeKey (Deployment containers, CSINode drivers).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, kubectlOk, skipWithoutKubectl, startServer, type TestServer } from './harness.js';
import { entry, envelope, len, msg } from '../protobuf/proto-writer.js';

describe('schema-derived decoding and patch metadata over HTTP', { timeout: 120_000 }, () => {
  let s: TestServer;
  before(async () => { s = await startServer(); });
  after(async () => { await s.stop(); s.cleanup(); });

  it('creates a StorageClass from a protobuf body', async () => {
    const raw = msg(len(1, len(1, 'fast')), len(2, 'csi.example.com'), entry(3, 'type', 'ssd'), len(4, 'Retain'), len(7, 'WaitForFirstConsumer'));
    const res = await fetch(`${s.url}/apis/storage.k8s.io/v1/storageclasses`, {
      method: 'POST', headers: { 'content-type': 'application/vnd.kubernetes.protobuf' }, body: new Uint8Array(envelope('storage.k8s.io/v1', 'StorageClass', raw)),
    });
    assert.equal(res.status, 201, await res.clone().text());
    const got = await api(s, 'GET', '/apis/storage.k8s.io/v1/storageclasses/fast');
    assert.equal(got.json.provisioner, 'csi.example.com');
    assert.deepEqual(got.json.parameters, { type: 'ssd' });
    assert.equal(got.json.reclaimPolicy, 'Retain');
    assert.equal(got.json.volumeBindingMode, 'WaitForFirstConsumer');
  });

  it('refuses an unknown field in a Service spec with fieldValidation=Strict, warns by default', async () => {
    const svc = (name: string) => ({
      apiVersion: 'v1', kind: 'Service', metadata: { name },
      spec: { selector: { app: 'x' }, ports: [{ port: 80, targetPort: 8080, bogus: true }], clusterIp: 'None' },
    });
    const strict = await api(s, 'POST', '/api/v1/namespaces/default/services?fieldValidation=Strict', svc('strict'));
    assert.equal(strict.status, 400, strict.text);
    assert.equal(strict.json.message,
      'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].bogus", unknown field "spec.clusterIp"');
    const warned = await api(s, 'POST', '/api/v1/namespaces/default/services', svc('warned'));
    assert.equal(warned.status, 201, warned.text);
    assert.match(warned.headers.get('warning') ?? '', /unknown field \\"spec.clusterIp\\"/);
    assert.equal(warned.json.spec.clusterIp, undefined);
  });

  it('kubectl patch merges a Deployment\'s containers by name', { skip: skipWithoutKubectl }, async () => {
    const deployment = {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'a', image: 'nginx:1' }, { name: 'b', image: 'busybox:1' }] } },
      },
    };
    assert.equal((await api(s, 'POST', '/apis/apps/v1/namespaces/default/deployments', deployment)).status, 201);
    await kubectlOk(s, ['patch', 'deployment', 'web', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"b","image":"busybox:2"}]}}}}']);
    const got = await api(s, 'GET', '/apis/apps/v1/namespaces/default/deployments/web');
    assert.deepEqual(got.json.spec.template.spec.containers.map((c: { name: string; image: string }) => `${c.name}=${c.image}`), ['a=nginx:1', 'b=busybox:2']);
  });

  it('merges CSINode drivers by name, which no hand table described', async () => {
    const node = { apiVersion: 'storage.k8s.io/v1', kind: 'CSINode', metadata: { name: 'n1' }, spec: { drivers: [{ name: 'a.csi.io', nodeID: 'n1' }, { name: 'b.csi.io', nodeID: 'n1' }] } };
    assert.equal((await api(s, 'POST', '/apis/storage.k8s.io/v1/csinodes', node)).status, 201);
    const patched = await api(s, 'PATCH', '/apis/storage.k8s.io/v1/csinodes/n1', { spec: { drivers: [{ name: 'b.csi.io', nodeID: 'n1', topologyKeys: ['zone'] }] } },
      { 'Content-Type': 'application/strategic-merge-patch+json' });
    assert.equal(patched.status, 200, patched.text);
    assert.deepEqual(patched.json.spec.drivers.map((d: { name: string }) => d.name), ['a.csi.io', 'b.csi.io']);
    assert.deepEqual(patched.json.spec.drivers[1].topologyKeys, ['zone']);
  });
});
