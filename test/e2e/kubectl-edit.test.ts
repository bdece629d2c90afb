// Real kubectl's everyday in-place changes to a Deployment against kubets: edit (through a
// scripted KUBE_EDITOR), set image, scale, label --overwrite and patch with the strategic default.
// Each sends a strategic merge patch built from the OpenAPI patch metadata; the stored object is
// read back after each step. Directives sent straight to the API are in kubectl-edit-directives.test.ts.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { api, kubectl, kubectlOk, skipWithoutKubectl, startServer, type TestServer } from './harness.js';

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web, tier: front}
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: nginx:1.25
        ports:
        - {containerPort: 80, name: http}
        env:
        - {name: A, value: "1"}
        - {name: DEBUG, value: "true"}
      - name: sidecar
        image: busybox:1.36
        command: [sleep, "3600"]
`;

describe('kubectl edit, set image, scale, label and patch', { skip: skipWithoutKubectl, timeout: 240_000 }, () => {
  let s: TestServer;
  let editorDir: string;
  const ns = ['-n', 'edits'];
  const read = async () => {
    const r = await api(s, 'GET', '/apis/apps/v1/namespaces/edits/deployments/web');
    assert.equal(r.status, 200, r.text);
    return r.json;
  };
  const container = (d: any, name: string) => d.spec.template.spec.containers.find((c: any) => c.name === name);
  const names = (list: Array<{ name: string }> | undefined) => (list ?? []).map((e) => e.name);
  /** A KUBE_EDITOR: a shell script that rewrites the file kubectl hands it. */
  const editor = (name: string, body: string) => {
    const path = join(editorDir, name);
    writeFileSync(path, `#!/bin/sh\nset -e\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  };

  before(async () => {
    s = await startServer();
    editorDir = mkdtempSync(join(tmpdir(), 'kubets-editor-'));
    await kubectlOk(s, ['create', 'namespace', 'edits']);
    assert.equal(await kubectlOk(s, [...ns, 'create', '-f', '-'], { input: deployment }), 'deployment.apps/web created\n');
  });
  after(async () => {
    await s?.stop();
    s?.cleanup();
    if (editorDir) rmSync(editorDir, { recursive: true, force: true });
  });

  it('edit: a changed image, a removed env var and a new label reach the object in one patch', async () => {
    const script = editor('edit.sh', [
      // The env var's two YAML lines go; the image changes; a label is added next to app: web in metadata.
      'sed -i -e "/- name: DEBUG/,+1d" -e "s/image: nginx:1.25/image: nginx:1.26/" "$1"',
      'sed -i -e "0,/^    app: web$/s//    app: web\\n    edited: \\"yes\\"/" "$1"',
    ].join('\n'));
    const out = await kubectlOk(s, [...ns, 'edit', 'deployment', 'web'], { env: { KUBE_EDITOR: script } });
    assert.equal(out, 'deployment.apps/web edited\n');
    const d = await read();
    assert.equal(d.metadata.generation, 2);
    assert.equal(d.metadata.labels.edited, 'yes');
    assert.equal(d.metadata.labels.tier, 'front');
    const web = container(d, 'web');
    assert.equal(web.image, 'nginx:1.26');
    assert.deepEqual(web.env, [{ name: 'A', value: '1' }]);
    assert.deepEqual(names(d.spec.template.spec.containers), ['web', 'sidecar']);
  });

  it('edit that changes nothing says so and writes nothing', async () => {
    const rv = (await read()).metadata.resourceVersion;
    const r = await kubectl(s, [...ns, 'edit', 'deployment', 'web'], { env: { KUBE_EDITOR: editor('noop.sh', 'true') } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /Edit cancelled, no changes made\./);
    assert.equal((await read()).metadata.resourceVersion, rv);
  });

  it('edit that makes the object invalid is refused, with the server\'s causes written back for the user', async () => {
    // kubectl reopens the editor with the causes as comments on top; the script keeps that copy.
    const seen = join(editorDir, 'seen.yaml');
    const script = editor('bad.sh', `sed -i -e "s/replicas: 1$/replicas: -3/" "$1"\ncp "$1" "${seen}"`);
    const r = await kubectl(s, [...ns, 'edit', 'deployment', 'web'], { env: { KUBE_EDITOR: script } });
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /deployments\.apps "web" is invalid/);
    assert.match(r.stderr, /Edit cancelled, no valid changes were saved\./);
    const reopened = readFileSync(seen, 'utf8');
    assert.match(reopened, /^# deployments\.apps "web" was not valid:$/m);
    assert.match(reopened, /^# \* spec\.replicas: Invalid value: -3: must be greater than or equal to 0$/m);
    assert.equal((await read()).spec.replicas, 1);
  });

  it('set image changes only the named containers', async () => {
    const generation = (await read()).metadata.generation;
    const out = await kubectlOk(s, [...ns, 'set', 'image', 'deployment/web', 'sidecar=busybox:1.37']);
    assert.equal(out, 'deployment.apps/web image updated\n');
    const d = await read();
    assert.equal(container(d, 'sidecar').image, 'busybox:1.37');
    assert.equal(container(d, 'web').image, 'nginx:1.26');
    assert.deepEqual(container(d, 'sidecar').command, ['sleep', '3600']);
    assert.equal(d.metadata.generation, generation + 1);
    const missing = await kubectl(s, [...ns, 'set', 'image', 'deployment/web', 'nope=x:1']);
    assert.notEqual(missing.code, 0);
    assert.match(missing.stderr, /unable to find container named "nope"/);
  });

  it('scale goes through the scale subresource and bumps the generation', async () => {
    const generation = (await read()).metadata.generation;
    assert.equal(await kubectlOk(s, [...ns, 'scale', 'deployment/web', '--replicas=3']), 'deployment.apps/web scaled\n');
    const d = await read();
    assert.equal(d.spec.replicas, 3);
    assert.equal(d.metadata.generation, generation + 1);
    const stale = await kubectl(s, [...ns, 'scale', 'deployment/web', '--replicas=5', '--current-replicas=2']);
    assert.notEqual(stale.code, 0);
    assert.match(stale.stderr, /Expected replicas to be 2, was 3/);
    assert.equal((await read()).spec.replicas, 3);
  });

  it('label --overwrite replaces a value; without it kubectl refuses; a trailing dash removes it', async () => {
    const generation = (await read()).metadata.generation;
    const clash = await kubectl(s, [...ns, 'label', 'deployment', 'web', 'tier=back']);
    assert.notEqual(clash.code, 0);
    assert.match(clash.stderr, /'tier' already has a value \(front\), and --overwrite is false/);
    assert.equal(await kubectlOk(s, [...ns, 'label', 'deployment', 'web', 'tier=back', '--overwrite']), 'deployment.apps/web labeled\n');
    assert.equal((await read()).metadata.labels.tier, 'back');
    // --resource-version puts a precondition into the patch: a stale one is a conflict.
    const stale = await kubectl(s, [...ns, 'label', 'deployment', 'web', 'pinned=yes', '--resource-version=1']);
    assert.notEqual(stale.code, 0);
    assert.match(stale.stderr, /Operation cannot be fulfilled on deployments\.apps "web": the object has been modified; please apply your changes to the latest version and try again/);
    await kubectlOk(s, [...ns, 'label', 'deployment', 'web', 'tier-']);
    const d = await read();
    assert.equal(d.metadata.labels.tier, undefined);
    assert.equal(d.metadata.generation, generation, 'labels are metadata: no new generation');
  });

  it('patch (strategic by default) merges containers by name, ports by containerPort and env by name', async () => {
    const patch = {
      spec: {
        template: {
          spec: {
            containers: [{
              name: 'web',
              ports: [{ containerPort: 80, name: 'web-http' }, { containerPort: 8080, name: 'alt' }],
              env: [{ name: 'A', value: '10' }, { name: 'C', value: '3' }],
            }],
          },
        },
      },
    };
    assert.equal(await kubectlOk(s, [...ns, 'patch', 'deployment', 'web', '-p', JSON.stringify(patch)]), 'deployment.apps/web patched\n');
    const d = await read();
    assert.deepEqual(names(d.spec.template.spec.containers), ['web', 'sidecar'], 'the unnamed sidecar stays');
    const web = container(d, 'web');
    assert.equal(web.image, 'nginx:1.26');
    // The patch lists both ports and both env vars, so their order is the patch's.
    assert.deepEqual(web.ports.map((p: any) => [p.containerPort, p.name]), [[80, 'web-http'], [8080, 'alt']]);
    assert.deepEqual(web.env, [{ name: 'A', value: '10' }, { name: 'C', value: '3' }]);
    const again = await kubectlOk(s, [...ns, 'patch', 'deployment', 'web', '-p', JSON.stringify(patch)]);
    assert.equal(again, 'deployment.apps/web patched (no change)\n');
    const rv = (await read()).metadata.resourceVersion;
    const dry = await kubectlOk(s, [...ns, 'patch', 'deployment', 'web', '--dry-run=server', '-p', '{"spec":{"replicas":7}}']);
    // kubectl patch sends dryRun=All but, unlike label and apply, names no dry run in its message.
    assert.equal(dry, 'deployment.apps/web patched\n');
    assert.equal((await read()).spec.replicas, 3);
    assert.equal((await read()).metadata.resourceVersion, rv);
  });

  it('patch with $patch: delete removes one env var as kubectl sends it', async () => {
    const patch = '{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"C","$patch":"delete"}]}]}}}}';
    await kubectlOk(s, [...ns, 'patch', 'deployment', 'web', '-p', patch]);
    assert.deepEqual(container(await read(), 'web').env, [{ name: 'A', value: '10' }]);
  });

  it('set env, set resources and rollout restart patch one container and the template', async () => {
    assert.equal(await kubectlOk(s, [...ns, 'set', 'env', 'deployment/web', '-c', 'web', 'FOO=bar']), 'deployment.apps/web env updated\n');
    assert.deepEqual(container(await read(), 'web').env, [{ name: 'A', value: '10' }, { name: 'FOO', value: 'bar' }]);
    await kubectlOk(s, [...ns, 'set', 'env', 'deployment/web', '-c', 'web', 'A-']);
    assert.deepEqual(container(await read(), 'web').env, [{ name: 'FOO', value: 'bar' }]);
    const res = await kubectlOk(s, [...ns, 'set', 'resources', 'deployment/web', '-c', 'sidecar', '--limits=cpu=200m,memory=64Mi']);
    assert.equal(res, 'deployment.apps/web resource requirements updated\n');
    let d = await read();
    assert.deepEqual(container(d, 'sidecar').resources.limits, { cpu: '200m', memory: '64Mi' });
    assert.equal(container(d, 'web').resources?.limits, undefined);
    assert.equal(await kubectlOk(s, [...ns, 'rollout', 'restart', 'deployment/web']), 'deployment.apps/web restarted\n');
    d = await read();
    assert.match(d.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt'], /^\d{4}-\d\d-\d\dT/);
    assert.deepEqual(d.spec.template.metadata.labels, { app: 'web' });
  });
  it('patch --type=merge replaces the containers list; --type=json edits by index', async () => {
    const merge = { spec: { template: { spec: { containers: [{ name: 'only', image: 'nginx:1.27' }] } } } };
    await kubectlOk(s, [...ns, 'patch', 'deployment', 'web', '--type=merge', '-p', JSON.stringify(merge)]);
    let d = await read();
    assert.deepEqual(names(d.spec.template.spec.containers), ['only']);
    assert.equal(container(d, 'only').env, undefined);
    const ops = [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'nginx:1.28' }, { op: 'add', path: '/spec/template/spec/containers/0/args', value: ['-g', 'daemon off;'] }];
    await kubectlOk(s, [...ns, 'patch', 'deployment', 'web', '--type=json', '-p', JSON.stringify(ops)]);
    d = await read();
    assert.equal(container(d, 'only').image, 'nginx:1.28');
    assert.deepEqual(container(d, 'only').args, ['-g', 'daemon off;']);
  });
});
