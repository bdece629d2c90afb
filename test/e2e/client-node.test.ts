// @kubernetes/client-node v1 against a real kubets: typed CRUD, patches, scale, selectors, errors,
// the Watch class and an Informer.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as k8s from '@kubernetes/client-node';
import { api, eventually, startServer, type TestServer } from './harness.js';

/** The Status body of an ApiException (client-node keeps it as the raw text). */
function statusOf(e: unknown): any {
  assert.ok(e instanceof k8s.ApiException, `expected an ApiException, got ${String(e)}`);
  const body = (e as k8s.ApiException<unknown>).body;
  return typeof body === 'string' ? JSON.parse(body) : body;
}

async function rejection(p: Promise<unknown>): Promise<k8s.ApiException<unknown>> {
  try {
    await p;
  } catch (e) {
    return e as k8s.ApiException<unknown>;
  }
  assert.fail('expected the call to fail');
}

describe('@kubernetes/client-node', { timeout: 120_000 }, () => {
  let s: TestServer;
  let kc: k8s.KubeConfig;
  let core: k8s.CoreV1Api;
  let apps: k8s.AppsV1Api;
  const ns = 'client';
  const mergePatch = () => k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch);

  before(async () => {
    s = await startServer();
    kc = new k8s.KubeConfig();
    kc.loadFromOptions({
      clusters: [{ name: 'c', server: s.url, skipTLSVerify: true }],
      users: [{ name: 'u' }],
      contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
      currentContext: 'x',
    });
    core = kc.makeApiClient(k8s.CoreV1Api);
    apps = kc.makeApiClient(k8s.AppsV1Api);
    await core.createNamespace({ body: { metadata: { name: ns } } });
  });
  after(async () => { await s?.stop(); s?.cleanup(); });

  it('CoreV1Api create, read, list, replace, patch and delete a ConfigMap', { timeout: 20_000 }, async () => {
    const created = await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'crud', labels: { app: 'demo' } }, data: { k: 'v1' } } });
    assert.equal(created.metadata?.name, 'crud');
    assert.equal(created.metadata?.namespace, ns);
    assert.match(created.metadata?.uid ?? '', /^[0-9a-f-]{36}$/);
    assert.ok(created.metadata?.creationTimestamp instanceof Date, 'client-node parses creationTimestamp as a Date');

    const read = await core.readNamespacedConfigMap({ name: 'crud', namespace: ns });
    assert.equal(read.data?.k, 'v1');
    assert.equal(read.metadata?.resourceVersion, created.metadata?.resourceVersion);

    const list = await core.listNamespacedConfigMap({ namespace: ns });
    assert.equal(list.kind, 'ConfigMapList');
    assert.ok(list.items.some((i) => i.metadata?.name === 'crud'));
    assert.match(list.metadata?.resourceVersion ?? '', /^\d+$/);

    read.data = { k: 'v2' };
    const replaced = await core.replaceNamespacedConfigMap({ name: 'crud', namespace: ns, body: read });
    assert.equal(replaced.data?.k, 'v2');
    assert.notEqual(replaced.metadata?.resourceVersion, read.metadata?.resourceVersion);

    // A replace built on a stale object is a 409 Conflict.
    const stale = await rejection(core.replaceNamespacedConfigMap({ name: 'crud', namespace: ns, body: { ...read, data: { k: 'stale' } } }));
    assert.equal(stale.code, 409);
    assert.equal(statusOf(stale).reason, 'Conflict');

    // client-node v1 sends json-patch by default; a merge patch needs the Content-Type header set.
    const merged = await core.patchNamespacedConfigMap({ name: 'crud', namespace: ns, body: { data: { m: '1' } } }, mergePatch());
    assert.deepEqual(merged.data, { k: 'v2', m: '1' });
    const jsonPatched = await core.patchNamespacedConfigMap({ name: 'crud', namespace: ns, body: [{ op: 'replace', path: '/data/k', value: 'v3' }] });
    assert.deepEqual(jsonPatched.data, { k: 'v3', m: '1' });
    const strategic = await core.patchNamespacedConfigMap({ name: 'crud', namespace: ns, body: { metadata: { labels: { extra: 'y' } } } },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.StrategicMergePatch));
    assert.deepEqual(strategic.metadata?.labels, { app: 'demo', extra: 'y' });

    const deleted = await core.deleteNamespacedConfigMap({ name: 'crud', namespace: ns });
    assert.equal(deleted.status, 'Success');
    const gone = await rejection(core.readNamespacedConfigMap({ name: 'crud', namespace: ns }));
    assert.equal(gone.code, 404);
  });

  it('a 404 is an ApiException with code 404 and a Status body', { timeout: 20_000 }, async () => {
    const e = await rejection(core.readNamespacedConfigMap({ name: 'nope', namespace: ns }));
    assert.equal(e.code, 404);
    const status = statusOf(e);
    assert.equal(status.kind, 'Status');
    assert.equal(status.status, 'Failure');
    assert.equal(status.reason, 'NotFound');
    assert.equal(status.code, 404);
    assert.equal(status.message, 'configmaps "nope" not found');
    assert.deepEqual(status.details, { name: 'nope', kind: 'configmaps' });
    const dup = await rejection(core.createNamespace({ body: { metadata: { name: ns } } }));
    assert.equal(dup.code, 409);
    assert.equal(statusOf(dup).message, `namespaces "${ns}" already exists`);
  });

  it('list with labelSelector and fieldSelector', { timeout: 20_000 }, async () => {
    for (const [name, tier] of [['l1', 'front'], ['l2', 'back'], ['l3', 'front']]) {
      await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name, labels: { tier } } } });
    }
    const front = await core.listNamespacedConfigMap({ namespace: ns, labelSelector: 'tier=front' });
    assert.deepEqual(front.items.map((i) => i.metadata?.name), ['l1', 'l3']);
    const notFront = await core.listNamespacedConfigMap({ namespace: ns, labelSelector: 'tier,tier!=front' });
    assert.deepEqual(notFront.items.map((i) => i.metadata?.name), ['l2']);
    const byName = await core.listNamespacedConfigMap({ namespace: ns, fieldSelector: 'metadata.name=l2' });
    assert.deepEqual(byName.items.map((i) => i.metadata?.name), ['l2']);
    const both = await core.listConfigMapForAllNamespaces({ labelSelector: 'tier=front', fieldSelector: `metadata.namespace=${ns},metadata.name!=l1` });
    assert.deepEqual(both.items.map((i) => i.metadata?.name), ['l3']);
    const bad = await rejection(core.listNamespacedConfigMap({ namespace: ns, fieldSelector: 'spec.nope=1' }));
    assert.equal(bad.code, 400);
    assert.equal(statusOf(bad).reason, 'BadRequest');
  });

  it('AppsV1Api: create a Deployment, read and replace its scale', { timeout: 20_000 }, async () => {
    const dep = await apps.createNamespacedDeployment({
      namespace: ns,
      body: {
        metadata: { name: 'web' },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'web' } },
          template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
        },
      },
    });
    assert.equal(dep.spec?.replicas, 1);
    assert.equal(dep.metadata?.generation, 1);
    const scale = await apps.readNamespacedDeploymentScale({ name: 'web', namespace: ns });
    assert.equal(scale.kind, 'Scale');
    assert.equal(scale.apiVersion, 'autoscaling/v1');
    assert.equal(scale.spec?.replicas, 1);
    assert.equal(scale.status?.selector, 'app=web');
    const scaled = await apps.replaceNamespacedDeploymentScale({ name: 'web', namespace: ns, body: { metadata: { name: 'web', namespace: ns }, spec: { replicas: 3 } } });
    assert.equal(scaled.spec?.replicas, 3);
    const after = await apps.readNamespacedDeployment({ name: 'web', namespace: ns });
    assert.equal(after.spec?.replicas, 3);
    assert.equal(after.metadata?.generation, 2);
    const listed = await apps.listNamespacedDeployment({ namespace: ns });
    assert.deepEqual(listed.items.map((d) => d.metadata?.name), ['web']);
  });

  it('delete a namespace: it terminates and disappears with its contents', { timeout: 40_000 }, async () => {
    await core.createNamespace({ body: { metadata: { name: 'doomed' } } });
    await core.createNamespacedConfigMap({ namespace: 'doomed', body: { metadata: { name: 'inside' } } });
    const deleted = await core.deleteNamespace({ name: 'doomed' });
    assert.equal(deleted.kind ?? 'Namespace', 'Namespace');
    await eventually(async () => {
      const e = await rejection(core.readNamespace({ name: 'doomed' })).catch(() => null);
      return e?.code === 404;
    }, 30_000, 'namespace doomed to be gone');
    const r = await api(s, 'GET', '/api/v1/namespaces/doomed/configmaps/inside');
    assert.equal(r.status, 404);
  });

  it('the Watch class sees ADDED, MODIFIED and DELETED', { timeout: 20_000 }, async () => {
    await core.createNamespace({ body: { metadata: { name: 'watched' } } });
    const rv = (await core.listNamespacedConfigMap({ namespace: 'watched' })).metadata?.resourceVersion;
    const events: string[] = [];
    let doneErr: unknown = 'not done';
    const controller = await new k8s.Watch(kc).watch('/api/v1/namespaces/watched/configmaps', { resourceVersion: rv, allowWatchBookmarks: true },
      (phase, obj) => { if (phase !== 'BOOKMARK') events.push(`${phase} ${obj.metadata.name}`); },
      (err) => { doneErr = err; });
    try {
      await core.createNamespacedConfigMap({ namespace: 'watched', body: { metadata: { name: 'w' } } });
      await core.patchNamespacedConfigMap({ name: 'w', namespace: 'watched', body: { data: { a: '1' } } }, mergePatch());
      await core.deleteNamespacedConfigMap({ name: 'w', namespace: 'watched' });
      await eventually(async () => events.length >= 3, 10_000, `3 watch events, got ${JSON.stringify(events)}`);
      assert.deepEqual(events, ['ADDED w', 'MODIFIED w', 'DELETED w']);
      assert.equal(doneErr, 'not done', 'the watch must still be open');
    } finally {
      controller.abort();
    }
  });

  it('an Informer lists, then sees later adds, updates and deletes', { timeout: 30_000 }, async () => {
    await core.createNamespace({ body: { metadata: { name: 'informed' } } });
    for (const name of ['i1', 'i2']) await core.createNamespacedConfigMap({ namespace: 'informed', body: { metadata: { name } } });
    const informer = k8s.makeInformer(kc, '/api/v1/namespaces/informed/configmaps', () => core.listNamespacedConfigMap({ namespace: 'informed' }));
    const seen: string[] = [];
    const errors: unknown[] = [];
    informer.on('add', (o) => seen.push(`add ${o.metadata?.name}`));
    informer.on('update', (o) => seen.push(`update ${o.metadata?.name}`));
    informer.on('delete', (o) => seen.push(`delete ${o.metadata?.name}`));
    informer.on('error', (e) => errors.push(e));
    await informer.start();
    try {
      assert.deepEqual(informer.list('informed').map((o) => o.metadata?.name).sort(), ['i1', 'i2']);
      await core.createNamespacedConfigMap({ namespace: 'informed', body: { metadata: { name: 'i3' } } });
      await eventually(async () => informer.get('i3', 'informed'), 10_000, 'the informer to see i3');
      await core.patchNamespacedConfigMap({ name: 'i1', namespace: 'informed', body: { data: { x: '1' } } }, mergePatch());
      await eventually(async () => informer.get('i1', 'informed')?.data?.x === '1', 10_000, 'the informer to see i1 change');
      await core.deleteNamespacedConfigMap({ name: 'i2', namespace: 'informed' });
      await eventually(async () => informer.get('i2', 'informed') === undefined, 10_000, 'the informer to see i2 go');
      assert.deepEqual(seen.filter((e) => !/^add i[12]$/.test(e)), ['add i3', 'update i1', 'delete i2']);
      assert.deepEqual(errors, []);
    } finally {
      await informer.stop();
    }
  });
});
