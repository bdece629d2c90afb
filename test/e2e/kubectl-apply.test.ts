// Real kubectl's client-side apply of a multi-document manifest (Deployment, Service, ConfigMap,
// Secret, Ingress, CronJob) against kubets, with client validation on: create, re-apply with no
// change, a changed manifest that also drops a field and list elements, and --prune by label.
// After each step the stored objects are read back over the API, since kubectl's "configured"
// only says that a patch was sent, not what it did.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, kubectl, kubectlOk, skipWithoutKubectl, startServer, type TestServer } from './harness.js';

const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';

/** The manifest in two shapes: v1 as first applied, v2 with edits, removals and no ConfigMap. */
function manifest(v: 1 | 2): string {
  const v1 = v === 1;
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: x${v1 ? ', tier: front' : ''}}
spec:
  replicas: 2
  selector: {matchLabels: {app: x}}
${v1 ? '' : '  strategy: {type: Recreate}\n'}  template:
    metadata: {labels: {app: x}}
    spec:
      containers:
      - name: web
        image: nginx:${v1 ? '1.25' : '1.26'}
        ports:
        - {containerPort: 80, name: http}
${v1 ? '        - {containerPort: 443, name: https}\n' : ''}        env:
        - {name: A, value: "1"}
${v1 ? '        - {name: B, value: "2"}\n' : ''}      - name: sidecar
        image: busybox:1.36
        command: [sleep, "3600"]
`;
  const service = `apiVersion: v1
kind: Service
metadata:
  name: web
  labels: {app: x}
${v1 ? '  annotations: {note: first}\n' : ''}spec:
  selector: {app: x}
  ports:
  - {name: http, port: 80, targetPort: 80}
${v1 ? '  - {name: https, port: 443, targetPort: 443}\n' : ''}`;
  const configMap = `apiVersion: v1
kind: ConfigMap
metadata: {name: web-config, labels: {app: x}}
data: {mode: blue, level: "3"}
`;
  const secret = `apiVersion: v1
kind: Secret
metadata: {name: web-secret, labels: {app: x}}
type: Opaque
data: {password: ${Buffer.from(v1 ? 'hunter2' : 'hunter3').toString('base64')}}
`;
  const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, labels: {app: x}}
spec:
  rules:
  - host: ${v1 ? 'web.example.com' : 'www.example.com'}
    http:
      paths:
      - path: /
        pathType: Prefix
        backend: {service: {name: web, port: {number: 80}}}
`;
  const cronJob = `apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly, labels: {app: x}}
spec:
  schedule: "${v1 ? '0 3 * * *' : '30 4 * * *'}"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: job
            image: busybox:1.36
${v1 ? '            args: [echo, hi]\n' : ''}`;
  const docs = v1 ? [deployment, service, configMap, secret, ingress, cronJob] : [deployment, service, secret, ingress, cronJob];
  return docs.join('---\n');
}

describe('kubectl apply of a multi-document manifest', { skip: skipWithoutKubectl, timeout: 240_000 }, () => {
  let s: TestServer;
  const ns = ['-n', 'applied'];
  const get = async (path: string) => {
    const r = await api(s, 'GET', path);
    assert.equal(r.status, 200, `${path}: ${r.text}`);
    return r.json;
  };
  const deploymentPath = '/apis/apps/v1/namespaces/applied/deployments/web';
  const containerOf = (d: any, name: string) => d.spec.template.spec.containers.find((c: any) => c.name === name);

  before(async () => {
    s = await startServer();
    await kubectlOk(s, ['create', 'namespace', 'applied']);
  });
  after(async () => { await s?.stop(); s?.cleanup(); });

  it('creates every object and records what was applied', async () => {
    const out = await kubectlOk(s, [...ns, 'apply', '-f', '-'], { input: manifest(1) });
    assert.equal(out, ['deployment.apps/web created', 'service/web created', 'configmap/web-config created', 'secret/web-secret created',
      'ingress.networking.k8s.io/web created', 'cronjob.batch/nightly created', ''].join('\n'));
    const d = await get(deploymentPath);
    assert.equal(d.metadata.generation, 1);
    const recorded = JSON.parse(d.metadata.annotations[lastApplied]);
    // kubectl records the manifest as sent, with the namespace it was applied to and an empty annotations map.
    assert.deepEqual(recorded.metadata, { annotations: {}, labels: { app: 'x', tier: 'front' }, name: 'web', namespace: 'applied' });
    assert.equal(recorded.spec.template.spec.containers[0].env.length, 2);
    const cm = await get('/api/v1/namespaces/applied/configmaps/web-config');
    assert.deepEqual(cm.data, { mode: 'blue', level: '3' });
    assert.ok(cm.metadata.annotations[lastApplied]);
    const cj = await get('/apis/batch/v1/namespaces/applied/cronjobs/nightly');
    assert.equal(cj.spec.schedule, '0 3 * * *');
  });

  it('re-applying the same manifest changes nothing', async () => {
    const before = await get(deploymentPath);
    const out = await kubectlOk(s, [...ns, 'apply', '-f', '-'], { input: manifest(1) });
    assert.equal(out, ['deployment.apps/web unchanged', 'service/web unchanged', 'configmap/web-config unchanged', 'secret/web-secret unchanged',
      'ingress.networking.k8s.io/web unchanged', 'cronjob.batch/nightly unchanged', ''].join('\n'));
    const d = await get(deploymentPath);
    assert.equal(d.metadata.resourceVersion, before.metadata.resourceVersion);
    assert.equal(d.metadata.generation, 1);
  });

  it('server-side changes to fields the manifest does not own survive a re-apply', async () => {
    await kubectlOk(s, [...ns, 'label', 'deploy', 'web', 'owner=ops']);
    await kubectlOk(s, [...ns, 'annotate', 'cm', 'web-config', 'checked=yes']);
    assert.match(await kubectlOk(s, [...ns, 'apply', '-f', '-'], { input: manifest(1) }), /deployment\.apps\/web unchanged/);
    const d = await get(deploymentPath);
    assert.deepEqual(d.metadata.labels, { app: 'x', tier: 'front', owner: 'ops' });
    assert.equal((await get('/api/v1/namespaces/applied/configmaps/web-config')).metadata.annotations.checked, 'yes');
  });

  it('diff shows the changed manifest through a dry-run patch and stores nothing', async () => {
    const before = await get(deploymentPath);
    const r = await kubectl(s, [...ns, 'diff', '-f', '-'], { input: manifest(2) });
    assert.equal(r.code, 1, `kubectl diff exits 1 when there are differences:\n${r.stderr}`);
    for (const line of ['-    tier: front', '-        image: nginx:1.25', '+        image: nginx:1.26', '-        - name: B',
      '-        - containerPort: 443', '-  generation: 1', '+  generation: 2', '-    note: first', '-  schedule: 0 3 * * *', '+  schedule: 30 4 * * *']) {
      assert.ok(r.stdout.split('\n').includes(line), `diff lacks "${line}":\n${r.stdout}`);
    }
    const after = await get(deploymentPath);
    assert.equal(after.metadata.resourceVersion, before.metadata.resourceVersion);
    assert.equal(containerOf(after, 'web').image, 'nginx:1.25');
  });

  it('a changed manifest updates, drops removed fields and list elements, and prunes what it no longer lists', async () => {
    const out = await kubectlOk(s, [...ns, 'apply', '-f', '-', '--prune', '-l', 'app=x'], { input: manifest(2) });
    const lines = out.trim().split('\n');
    assert.deepEqual(lines, ['deployment.apps/web configured', 'service/web configured', 'secret/web-secret configured',
      'ingress.networking.k8s.io/web configured', 'cronjob.batch/nightly configured', 'configmap/web-config pruned']);

    const d = await get(deploymentPath);
    assert.equal(d.metadata.generation, 2, 'one spec change is one generation');
    // tier was applied before and is gone from the manifest: removed; owner was never applied: kept.
    assert.deepEqual(d.metadata.labels, { app: 'x', owner: 'ops' });
    // The strategy switch needs $retainKeys (from OpenAPI's patch strategy) to clear rollingUpdate.
    assert.deepEqual(d.spec.strategy, { type: 'Recreate' });
    const web = containerOf(d, 'web');
    assert.equal(web.image, 'nginx:1.26');
    assert.deepEqual(web.env, [{ name: 'A', value: '1' }]);
    assert.deepEqual(web.ports.map((p: any) => [p.name, p.containerPort]), [['http', 80]]);
    assert.deepEqual(containerOf(d, 'sidecar').command, ['sleep', '3600']);
    assert.equal(JSON.parse(d.metadata.annotations[lastApplied]).spec.strategy.type, 'Recreate');

    const svc = await get('/api/v1/namespaces/applied/services/web');
    assert.equal(svc.metadata.annotations.note, undefined);
    assert.deepEqual(svc.spec.ports.map((p: any) => p.port), [80]);
    assert.match(svc.spec.clusterIP, /^\d+\.\d+\.\d+\.\d+$/, 'the allocated clusterIP is not owned by the manifest and stays');

    const secret = await get('/api/v1/namespaces/applied/secrets/web-secret');
    assert.equal(Buffer.from(secret.data.password, 'base64').toString(), 'hunter3');
    const ing = await get('/apis/networking.k8s.io/v1/namespaces/applied/ingresses/web');
    assert.deepEqual(ing.spec.rules.map((r: any) => r.host), ['www.example.com']);
    const cj = await get('/apis/batch/v1/namespaces/applied/cronjobs/nightly');
    assert.equal(cj.spec.schedule, '30 4 * * *');
    assert.equal(cj.spec.jobTemplate.spec.template.spec.containers[0].args, undefined);

    assert.equal((await api(s, 'GET', '/api/v1/namespaces/applied/configmaps/web-config')).status, 404);
  });

  it('prune leaves objects without the label alone, and a second apply with prune is a no-op', async () => {
    await kubectlOk(s, [...ns, 'create', 'configmap', 'unrelated', '--from-literal=a=b']);
    const out = await kubectlOk(s, [...ns, 'apply', '-f', '-', '--prune', '-l', 'app=x'], { input: manifest(2) });
    assert.doesNotMatch(out, /pruned/);
    assert.doesNotMatch(out, /configured/);
    assert.equal((await api(s, 'GET', '/api/v1/namespaces/applied/configmaps/unrelated')).status, 200);
    assert.equal((await get(deploymentPath)).metadata.generation, 2);
  });
  it('an immutable field change is refused; --force deletes and re-creates; view/set-last-applied', async () => {
    const sel = (app: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: sel}
spec:
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}}}
    spec:
      containers: [{name: c, image: nginx:1.25}]
`;
    assert.equal(await kubectlOk(s, [...ns, 'apply', '-f', '-'], { input: sel('one') }), 'deployment.apps/sel created\n');
    const path = '/apis/apps/v1/namespaces/applied/deployments/sel';
    const uid = (await get(path)).metadata.uid;
    const refused = await kubectl(s, [...ns, 'apply', '-f', '-'], { input: sel('two') });
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /The Deployment "sel" is invalid: spec\.selector: Invalid value: .*: field is immutable/);
    assert.equal((await get(path)).metadata.uid, uid);
    await kubectlOk(s, [...ns, 'apply', '-f', '-', '--force'], { input: sel('two') });
    const recreated = await get(path);
    assert.notEqual(recreated.metadata.uid, uid);
    assert.deepEqual(recreated.spec.selector, { matchLabels: { app: 'two' } });
    assert.match(await kubectlOk(s, [...ns, 'apply', 'view-last-applied', 'deployment/sel']), /app: two/);
    // set-last-applied rewrites only the annotation; the object keeps its spec.
    await kubectlOk(s, [...ns, 'apply', 'set-last-applied', '-f', '-'], { input: sel('one') });
    const relabeled = await get(path);
    assert.equal(JSON.parse(relabeled.metadata.annotations[lastApplied]).spec.selector.matchLabels.app, 'one');
    assert.deepEqual(relabeled.spec.selector, { matchLabels: { app: 'two' } });
  });
});
