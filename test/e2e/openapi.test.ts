// Real kubectl against kubets' OpenAPI: explain (v3 and v2 protobuf), create with client
// validation on (kubectl finds fieldValidation in /openapi/v3 and asks the server to be strict),
// and client-side apply, which reads patch metadata from OpenAPI. Needs the core and apps tables.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkOpenApi } from '../schema/openapi-check.js';
import { api, kubectl, kubectlOk, skipWithoutKubectl, startServer, type TestServer } from './harness.js';

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
});
