// Real kubectl writes against kubets: create, label, annotate, patch, replace, edit, delete, wait.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { api, configMapObj, eventually, kubectl, kubectlCreate, kubectlOk, namespaceObj, skipWithoutKubectl, startServer, type TestServer } from './harness.js';
import { scriptedEditor } from './kubectl-helpers.js';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

describe('kubectl writes', { skip: skipWithoutKubectl, timeout: 180_000 }, () => {
  let s: TestServer;
  const ns = ['-n', 'writes'];
  before(async () => {
    s = await startServer();
    await kubectlCreate(s, namespaceObj('writes'));
  });
  after(async () => { await s?.stop(); s?.cleanup(); });

  it('create -f from stdin, generation and scale', async () => {
    const out = await kubectlOk(s, [...ns, 'create', '-f', '-'], { input: deployment });
    assert.equal(out, 'deployment.apps/web created\n');
    const d = JSON.parse(await kubectlOk(s, [...ns, 'get', 'deploy', 'web', '-o', 'json']));
    assert.equal(d.metadata.generation, 1);
    assert.equal(d.spec.replicas, 2);
    assert.equal(await kubectlOk(s, [...ns, 'scale', 'deploy/web', '--replicas=3']), 'deployment.apps/web scaled\n');
    const scaled = JSON.parse(await kubectlOk(s, [...ns, 'get', 'deploy', 'web', '-o', 'json']));
    assert.equal(scaled.spec.replicas, 3);
    assert.equal(scaled.metadata.generation, 2);
    const scale = await api(s, 'GET', '/apis/apps/v1/namespaces/writes/deployments/web/scale');
    assert.equal(scale.json.kind, 'Scale');
    assert.equal(scale.json.spec.replicas, 3);
    assert.equal(scale.json.status.selector, 'app=web');
    const dup = await kubectl(s, [...ns, 'create', '-f', '-', '--validate=false'], { input: deployment });
    assert.notEqual(dup.code, 0);
    assert.match(dup.stderr, /deployments\.apps "web" already exists/);
  });

  it('kubectl create <kind> subcommands (kubectl sends these as protobuf)', async () => {
    const cases: Array<[string[], string]> = [
      [['create', 'namespace', 'pb'], 'namespace/pb created'],
      [['-n', 'pb', 'create', 'configmap', 'c', '--from-literal=a=b'], 'configmap/c created'],
      [['-n', 'pb', 'create', 'secret', 'generic', 's', '--from-literal=a=b'], 'secret/s created'],
      [['-n', 'pb', 'create', 'serviceaccount', 'sa1'], 'serviceaccount/sa1 created'],
      [['-n', 'pb', 'create', 'service', 'nodeport', 'np', '--tcp=80:8080'], 'service/np created'],
      [['-n', 'pb', 'create', 'deployment', 'd', '--image=nginx:1.27', '--replicas=2'], 'deployment.apps/d created'],
      [['-n', 'pb', 'create', 'job', 'j', '--image=busybox'], 'job.batch/j created'],
      [['-n', 'pb', 'create', 'cronjob', 'cj', '--image=busybox', '--schedule=*/5 * * * *'], 'cronjob.batch/cj created'],
      [['-n', 'pb', 'create', 'role', 'r', '--verb=get', '--resource=pods'], 'role.rbac.authorization.k8s.io/r created'],
      [['-n', 'pb', 'create', 'rolebinding', 'rb', '--role=r', '--user=bob'], 'rolebinding.rbac.authorization.k8s.io/rb created'],
      [['create', 'priorityclass', 'high', '--value=1000'], 'priorityclass.scheduling.k8s.io/high created'],
      [['-n', 'pb', 'create', 'quota', 'q', '--hard=pods=5'], 'resourcequota/q created'],
    ];
    for (const [args, expected] of cases) assert.equal(await kubectlOk(s, args), `${expected}\n`, args.join(' '));
    const svc = JSON.parse(await kubectlOk(s, ['-n', 'pb', 'get', 'svc', 'np', '-o', 'json']));
    assert.equal(svc.spec.type, 'NodePort');
    assert.ok(svc.spec.ports[0].nodePort >= 30000 && svc.spec.ports[0].nodePort <= 32767);
    assert.match(svc.spec.clusterIP, /^10\.0\.0\.\d+$/);
    const d = JSON.parse(await kubectlOk(s, ['-n', 'pb', 'get', 'deploy', 'd', '-o', 'json']));
    assert.equal(d.spec.replicas, 2);
    assert.equal(d.spec.template.spec.containers[0].image, 'nginx:1.27');
    const sec = JSON.parse(await kubectlOk(s, ['-n', 'pb', 'get', 'secret', 's', '-o', 'json']));
    assert.equal(Buffer.from(sec.data.a, 'base64').toString(), 'b');
  });

  it('label, annotate, and label --overwrite', async () => {
    await kubectlCreate(s, configMapObj('c1', { a: '1' }), 'writes');
    assert.equal(await kubectlOk(s, [...ns, 'label', 'cm', 'c1', 'color=blue']), 'configmap/c1 labeled\n');
    const clash = await kubectl(s, [...ns, 'label', 'cm', 'c1', 'color=red']);
    assert.notEqual(clash.code, 0);
    assert.match(clash.stderr, /already has a value \(blue\)/);
    await kubectlOk(s, [...ns, 'label', 'cm', 'c1', 'color=red', '--overwrite']);
    assert.equal(await kubectlOk(s, [...ns, 'annotate', 'cm', 'c1', 'note=hello']), 'configmap/c1 annotated\n');
    const cm = JSON.parse(await kubectlOk(s, [...ns, 'get', 'cm', 'c1', '-o', 'json']));
    assert.equal(cm.metadata.labels.color, 'red');
    assert.equal(cm.metadata.annotations.note, 'hello');
    await kubectlOk(s, [...ns, 'label', 'cm', 'c1', 'color-']);
    const unlabeled = JSON.parse(await kubectlOk(s, [...ns, 'get', 'cm', 'c1', '-o', 'json']));
    assert.equal(unlabeled.metadata.labels?.color, undefined);
  });

  it('patch --type=json and --type=merge', async () => {
    await kubectlCreate(s, configMapObj('p1', { a: '1' }), 'writes');
    assert.equal(await kubectlOk(s, [...ns, 'patch', 'cm', 'p1', '--type=merge', '-p', '{"data":{"b":"2"}}']), 'configmap/p1 patched\n');
    await kubectlOk(s, [...ns, 'patch', 'cm', 'p1', '--type=json', '-p', '[{"op":"replace","path":"/data/a","value":"10"},{"op":"remove","path":"/data/b"}]']);
    const cm = JSON.parse(await kubectlOk(s, [...ns, 'get', 'cm', 'p1', '-o', 'json']));
    assert.deepEqual(cm.data, { a: '10' });
    const bad = await kubectl(s, [...ns, 'patch', 'cm', 'p1', '--type=json', '-p', '[{"op":"test","path":"/data/a","value":"nope"}]']);
    assert.notEqual(bad.code, 0);
    const noop = await kubectlOk(s, [...ns, 'patch', 'cm', 'p1', '--type=merge', '-p', '{"data":{"a":"10"}}']);
    assert.equal(noop, 'configmap/p1 patched (no change)\n');
  });

  it('replace with a stale resourceVersion is a conflict; a fresh one succeeds', async () => {
    await kubectlCreate(s, configMapObj('r1', { a: '1' }), 'writes');
    const cm = JSON.parse(await kubectlOk(s, [...ns, 'get', 'cm', 'r1', '-o', 'json']));
    cm.data.a = '2';
    assert.equal(await kubectlOk(s, [...ns, 'replace', '-f', '-', '--validate=false'], { input: JSON.stringify(cm) }), 'configmap/r1 replaced\n');
    cm.data.a = '3'; // still carries the old resourceVersion
    const stale = await kubectl(s, [...ns, 'replace', '-f', '-', '--validate=false'], { input: JSON.stringify(cm) });
    assert.notEqual(stale.code, 0);
    assert.match(stale.stderr, /Operation cannot be fulfilled on configmaps "r1": the object has been modified; please apply your changes to the latest version and try again/);
  });

  it('edit with KUBE_EDITOR changes the object', async () => {
    await kubectlCreate(s, configMapObj('e1', { greeting: 'hello' }), 'writes');
    const dir = mkdtempSync(join(tmpdir(), 'kubets-editor-'));
    const editor = scriptedEditor(dir, 'editor.sh', 'sed -i "s/greeting: hello/greeting: goodbye/" "$1"');
    const out = await kubectlOk(s, [...ns, 'edit', 'cm', 'e1', '--validate=false'], { env: { KUBE_EDITOR: editor } });
    assert.equal(out, 'configmap/e1 edited\n');
    const cm = JSON.parse(await kubectlOk(s, [...ns, 'get', 'cm', 'e1', '-o', 'json']));
    assert.equal(cm.data.greeting, 'goodbye');
  });

  it('delete one, by label, --all, and wait --for=delete', async () => {
    for (const n of ['d1', 'd2', 'd3', 'd4']) await kubectlCreate(s, configMapObj(n), 'writes');
    await kubectlOk(s, [...ns, 'label', 'cm', 'd2', 'd3', 'group=x']);
    assert.equal(await kubectlOk(s, [...ns, 'delete', 'cm', 'd1']), 'configmap "d1" deleted\n');
    assert.equal(await kubectlOk(s, [...ns, 'delete', 'cm', '-l', 'group=x']), 'configmap "d2" deleted\nconfigmap "d3" deleted\n');
    const missing = await kubectl(s, [...ns, 'get', 'cm', 'd1']);
    assert.match(missing.stderr, /Error from server \(NotFound\): configmaps "d1" not found/);
    await kubectlOk(s, [...ns, 'delete', 'cm', '--all']);
    assert.equal(await kubectlOk(s, [...ns, 'get', 'cm', '-o', 'name']), '');
    await kubectlCreate(s, namespaceObj('doomed'));
    await kubectlCreate(s, configMapObj('inside'), 'doomed');
    await kubectlOk(s, ['delete', 'namespace', 'doomed', '--wait=false']);
    await kubectlOk(s, ['wait', '--for=delete', 'namespace/doomed', '--timeout=30s'], { timeoutMs: 40_000 });
    const gone = await api(s, 'GET', '/api/v1/namespaces/doomed');
    assert.equal(gone.status, 404);
  });

  it('get -w streams changes', async () => {
    const { spawn } = await import('node:child_process');
    const { kubectlPath } = await import('./harness.js');
    const w = spawn(kubectlPath!, ['-s', s.url, ...ns, 'get', 'cm', '-w', '-o', 'name'], { env: { ...process.env, KUBECONFIG: '/nonexistent' } });
    let out = '';
    w.stdout.on('data', (d) => { out += d; });
    try {
      await eventually(async () => w.pid !== undefined, 5000, 'kubectl to start');
      // The watch is open once the (empty) initial list is printed; create until the event shows up.
      await kubectlCreate(s, configMapObj('watched'), 'writes');
      await eventually(async () => out.includes('configmap/watched'), 15_000, 'the watch event');
      await kubectlOk(s, [...ns, 'delete', 'cm', 'watched']);
    } finally {
      w.kill();
    }
  });
});
