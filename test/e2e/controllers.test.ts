// The in-process controllers, all of them on (the defaults), seen through the API with kubectl.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually, kubectl, kubectlOk, skipWithoutKubectl, startServer, type TestServer } from './harness.js';

describe('controllers', { skip: skipWithoutKubectl, timeout: 120_000 }, () => {
  let s: TestServer;
  const admin = () => ['--kubeconfig', s.adminKubeconfig];
  // kubectl() prepends -s <url>; the admin kubeconfig's server is the secure port, so point -s there.
  const k = (args: string[]) => kubectlOk({ url: s.secureUrl }, [...admin(), ...args]);
  before(async () => { s = await startServer({ controllers: '*' }); });
  after(async () => { await s?.stop(); s?.cleanup(); });

  it('every namespace gets a default ServiceAccount and the kube-root-ca.crt ConfigMap, and they come back', async () => {
    await k(['create', 'namespace', 'ctl']);
    await eventually(async () => (await kubectl({ url: s.secureUrl }, [...admin(), '-n', 'ctl', 'get', 'sa', 'default'])).code === 0, 15_000, 'default SA');
    const ca = await eventually(async () => {
      const r = await kubectl({ url: s.secureUrl }, [...admin(), '-n', 'ctl', 'get', 'cm', 'kube-root-ca.crt', '-o', 'json']);
      return r.code === 0 ? JSON.parse(r.stdout) : null;
    }, 15_000, 'kube-root-ca.crt');
    assert.match(ca.data['ca.crt'], /^-----BEGIN CERTIFICATE-----/);
    await k(['-n', 'ctl', 'delete', 'sa', 'default']);
    await k(['-n', 'ctl', 'delete', 'cm', 'kube-root-ca.crt']);
    await eventually(async () => (await kubectl({ url: s.secureUrl }, [...admin(), '-n', 'ctl', 'get', 'sa', 'default'])).code === 0, 15_000, 'default SA back');
    await eventually(async () => (await kubectl({ url: s.secureUrl }, [...admin(), '-n', 'ctl', 'get', 'cm', 'kube-root-ca.crt'])).code === 0, 15_000, 'CA ConfigMap back');
  });

  it('a pod gets its service account and the projected token volume', async () => {
    await eventually(async () => (await kubectl({ url: s.secureUrl }, [...admin(), '-n', 'ctl', 'get', 'sa', 'default'])).code === 0, 15_000, 'default SA');
    await k(['-n', 'ctl', 'run', 'p', '--image=nginx']);
    const pod = JSON.parse(await k(['-n', 'ctl', 'get', 'pod', 'p', '-o', 'json']));
    assert.equal(pod.spec.serviceAccountName, 'default');
    const vol = pod.spec.volumes.find((v: { name: string }) => v.name.startsWith('kube-api-access-'));
    assert.ok(vol, JSON.stringify(pod.spec.volumes));
    assert.deepEqual(vol.projected.sources.map((x: object) => Object.keys(x)[0]), ['serviceAccountToken', 'configMap', 'downwardAPI']);
    assert.equal(pod.spec.containers[0].volumeMounts[0].mountPath, '/var/run/secrets/kubernetes.io/serviceaccount');
  });

  it('aggregated ClusterRoles pick up a new aggregate-to-view role', async () => {
    await kubectlOk({ url: s.secureUrl }, [...admin(), 'create', '-f', '-', '--validate=false'], { input: JSON.stringify({
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole',
      metadata: { name: 'widgets-view', labels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } },
      rules: [{ apiGroups: ['example.com'], resources: ['widgets'], verbs: ['get'] }],
    }) });
    for (const role of ['view', 'edit', 'admin']) {
      await eventually(async () => {
        const r = JSON.parse(await k(['get', 'clusterrole', role, '-o', 'json']));
        return r.rules.some((x: { resources?: string[] }) => x.resources?.includes('widgets'));
      }, 15_000, `${role} aggregates widgets`);
    }
  });

  it('a legacy token Secret is filled in, and ResourceQuota status shows usage', async () => {
    await kubectlOk({ url: s.secureUrl }, [...admin(), '-n', 'ctl', 'create', '-f', '-', '--validate=false'], { input: JSON.stringify({
      apiVersion: 'v1', kind: 'Secret', type: 'kubernetes.io/service-account-token',
      metadata: { name: 'legacy', annotations: { 'kubernetes.io/service-account.name': 'default' } },
    }) });
    const secret = await eventually(async () => {
      const x = JSON.parse(await k(['-n', 'ctl', 'get', 'secret', 'legacy', '-o', 'json']));
      return x.data?.token ? x : null;
    }, 15_000, 'token filled');
    assert.equal(Buffer.from(secret.data.namespace, 'base64').toString(), 'ctl');
    await k(['-n', 'ctl', 'create', 'quota', 'q', '--hard=pods=5,secrets=10']);
    const q = await eventually(async () => {
      const x = JSON.parse(await k(['-n', 'ctl', 'get', 'quota', 'q', '-o', 'json']));
      return x.status?.used ? x : null;
    }, 15_000, 'quota status');
    assert.equal(q.status.hard.pods, '5');
    assert.equal(q.status.used.pods, '1');
    assert.ok(Number(q.status.used.secrets) >= 1);
  });
});
