// Real kubectl against kubets' OpenAPI: explain (v3 and v2 protobuf), create with client
// validation on (kubectl finds fieldValidation in /openapi/v3 and asks the server to be strict),
// and client-side apply, which reads patch metadata from OpenAPI. Needs the core and apps tables.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkOpenApi } from '../schema/openapi-check.js';
import { api, kubectl, kubectlOk, skipWithoutKubectl, startServer, type TestServer } from './harness.js';
import { secureRequest, TempFiles, tokenCsv } from './secure-helpers.js';

const manifest = (image: string, extraEnv: boolean, tier: boolean) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web${tier ? ', tier: front' : ''}}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: web
        image: ${image}
        ports: [{containerPort: 80}]
        env:
        - {name: A, value: "1"}
${extraEnv ? '        - {name: B, value: "2"}\n' : ''}---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 80}]
`;

describe('OpenAPI with kubectl', { skip: skipWithoutKubectl, timeout: 180_000 }, () => {
  let s: TestServer;
  before(async () => { s = await startServer(); });
  after(async () => { await s?.stop(); s?.cleanup(); });

  it('serves structurally valid v3 documents for every group-version in the index, core and apps among them', async () => {
    const index = await api(s, 'GET', '/openapi/v3');
    assert.equal(index.status, 200);
    const gvs = Object.keys(index.json.paths);
    assert.ok(gvs.includes('api/v1') && gvs.includes('apis/apps/v1'), gvs.join(' '));
    for (const gv of gvs) {
      const doc = await api(s, 'GET', index.json.paths[gv].serverRelativeURL);
      assert.equal(doc.status, 200, gv);
      assert.deepEqual(checkOpenApi(doc.json), [], gv);
    }
    const v2 = await api(s, 'GET', '/openapi/v2', undefined, { Accept: 'application/json' });
    assert.deepEqual(checkOpenApi(v2.json), []);
    assert.equal(v2.json.paths['/apis/apps/v1/namespaces/{namespace}/deployments'].post.operationId, 'createAppsV1NamespacedDeployment');
  });

  it('explain prints a nested field and a whole kind recursively', async () => {
    const probe = await kubectlOk(s, ['explain', 'pod.spec.containers.livenessProbe']);
    assert.match(probe, /KIND:\s+Pod/);
    assert.match(probe, /FIELD:\s+livenessProbe <Probe>/);
    for (const f of ['httpGet', 'periodSeconds', 'failureThreshold', 'tcpSocket']) assert.match(probe, new RegExp(`^  ${f}\\t<`, 'm'), f);
    const deploy = await kubectlOk(s, ['explain', 'deployment', '--recursive']);
    assert.match(deploy, /GROUP:\s+apps/);
    assert.match(deploy, /KIND:\s+Deployment/);
    assert.match(deploy, /^ {4}strategy\t<DeploymentStrategy>$/m);
    assert.match(deploy, /^ {6}rollingUpdate\t<RollingUpdateDeployment>$/m);
    assert.match(deploy, /^ {8}maxSurge\t<IntOrString>$/m);
    assert.match(deploy, /^ {8}containers\t<\[\]Container> -required-$/m);
  });

  it('explain with the v2 document (the protobuf form client-go asks for)', async () => {
    const out = await kubectlOk(s, ['explain', 'pods.spec.restartPolicy', '--output=plaintext-openapiv2']);
    assert.match(out, /KIND:\s+Pod/);
    assert.match(out, /FIELD:\s+restartPolicy <string>/);
  });

  it('create -f with validation on: a valid object is created, an unknown field is refused by strict field validation', async () => {
    const good = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: good}\ndata: {a: "1"}\n';
    assert.equal(await kubectlOk(s, ['create', '-f', '-'], { input: good }), 'configmap/good created\n');
    const bad = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: bad}\nbogus: 1\ndata: {a: "1"}\n';
    const r = await kubectl(s, ['create', '-f', '-'], { input: bad });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /strict decoding error: unknown field "bogus"/);
    assert.equal((await api(s, 'GET', '/api/v1/namespaces/default/configmaps/bad')).status, 404);
  });

  it('apply -f creates, re-applies a change, and removes what the manifest no longer has', async () => {
    const first = await kubectlOk(s, ['apply', '-f', '-'], { input: manifest('nginx:1.25', true, true) });
    assert.equal(first, 'deployment.apps/web created\nservice/web created\n');
    const second = await kubectlOk(s, ['apply', '-f', '-'], { input: manifest('nginx:1.26', false, false) });
    assert.equal(second, 'deployment.apps/web configured\nservice/web unchanged\n');
    const d = (await api(s, 'GET', '/apis/apps/v1/namespaces/default/deployments/web')).json;
    assert.deepEqual(d.metadata.labels, { app: 'web' });
    const c = d.spec.template.spec.containers[0];
    assert.equal(c.image, 'nginx:1.26');
    assert.deepEqual(c.env, [{ name: 'A', value: '1' }]);
    assert.equal(await kubectlOk(s, ['apply', '-f', '-'], { input: manifest('nginx:1.26', false, false) }), 'deployment.apps/web unchanged\nservice/web unchanged\n');
  });

  it('apply --prune of a multi-document manifest (ConfigMap, Secret, Ingress, CronJob) deletes what left it', async () => {
    const docs = [
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cfg, labels: {app: shop}}\ndata: {a: "1"}\n',
      'apiVersion: v1\nkind: Secret\nmetadata: {name: sec, labels: {app: shop}}\ndata: {password: aHVudGVyMg==}\n',
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: ing, labels: {app: shop}}\nspec:\n  rules:\n  - host: shop.example.com\n    http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}\n',
      'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: cron, labels: {app: shop}}\nspec:\n  schedule: "*/5 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: c, image: busybox}]\n',
    ];
    const all = docs.join('---\n');
    assert.equal(await kubectlOk(s, ['apply', '-f', '-'], { input: all }),
      'configmap/cfg created\nsecret/sec created\ningress.networking.k8s.io/ing created\ncronjob.batch/cron created\n');
    const pruned = await kubectlOk(s, ['apply', '-f', '-', '--prune', '-l', 'app=shop', '--prune-allowlist=core/v1/ConfigMap',
      '--prune-allowlist=core/v1/Secret', '--prune-allowlist=networking.k8s.io/v1/Ingress', '--prune-allowlist=batch/v1/CronJob'], { input: docs.slice(0, 2).join('---\n') });
    assert.equal(pruned, 'configmap/cfg unchanged\nsecret/sec unchanged\ningress.networking.k8s.io/ing pruned\ncronjob.batch/cron pruned\n');
    assert.equal((await api(s, 'GET', '/apis/batch/v1/namespaces/default/cronjobs/cron')).status, 404);
    assert.equal((await api(s, 'GET', '/api/v1/namespaces/default/secrets/sec')).status, 200);
  });
});

describe('OpenAPI on the secure port', { timeout: 60_000 }, () => {
  let s: TestServer;
  const files = new TempFiles();
  before(async () => {
    s = await startServer({ args: [`--token-auth-file=${files.write('tokens.csv', tokenCsv([{ token: 'alice-token', user: 'alice', uid: 'a1' }]))}`] });
  });
  after(async () => { await s?.stop(); s?.cleanup(); files.cleanup(); });

  it('any authenticated user may read the documents (system:discovery); anonymous may not', async () => {
    const alice = { token: 'alice-token' };
    const index = await secureRequest(s, 'GET', '/openapi/v3', alice);
    assert.equal(index.status, 200, index.text);
    assert.equal((await secureRequest(s, 'GET', index.json.paths['apis/apps/v1'].serverRelativeURL, alice)).status, 200);
    assert.equal((await secureRequest(s, 'GET', '/openapi/v2', alice)).status, 200);
    const anonymous = await secureRequest(s, 'GET', '/openapi/v2');
    assert.equal(anonymous.status, 403);
    assert.equal(anonymous.json.message, 'forbidden: User "system:anonymous" cannot get path "/openapi/v2"');
  });
});
