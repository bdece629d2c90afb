// Defaults and validation of the non-core groups, end to end: the Status bodies clients parse and
// what kubectl prints, against a real server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, kubectl, kubectlCreate, kubectlOk, namespaceObj, skipWithoutKubectl, startServer, type TestServer } from './harness.js';

const ns = 'vg';
const container = { name: 'c', image: 'busybox:1.36' };
const deployment = (selector: Record<string, string>, labels: Record<string, string>) => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' },
  spec: { selector: { matchLabels: selector }, template: { metadata: { labels }, spec: { containers: [container] } } },
});

describe('non-core defaults and validation over HTTP and kubectl', { skip: skipWithoutKubectl, timeout: 120_000 }, () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
    await kubectlCreate(s, namespaceObj(ns));
  });
  after(async () => { await s?.stop(); s?.cleanup(); });

  it('a selector that misses the template is one 422 with upstream text and a cause', async () => {
    const r = await api(s, 'POST', `/apis/apps/v1/namespaces/${ns}/deployments`, deployment({ app: 'x' }, { app: 'y' }));
    assert.equal(r.status, 422);
    assert.equal(r.json.reason, 'Invalid');
    assert.equal(r.json.message, 'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"y"}: `selector` does not match template `labels`');
    assert.deepEqual(r.json.details.causes, [{ reason: 'FieldValueInvalid', message: 'Invalid value: map[string]string{"app":"y"}: `selector` does not match template `labels`', field: 'spec.template.metadata.labels' }]);
  });

  it('a created Deployment comes back defaulted; its selector is then fixed', async () => {
    const r = await api(s, 'POST', `/apis/apps/v1/namespaces/${ns}/deployments`, deployment({ app: 'web' }, { app: 'web' }));
    assert.equal(r.status, 201);
    const spec = r.json.spec;
    assert.deepEqual([spec.replicas, spec.revisionHistoryLimit, spec.progressDeadlineSeconds], [1, 10, 600]);
    assert.deepEqual(spec.strategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    assert.equal(spec.template.spec.restartPolicy, 'Always');
    const res = await kubectl(s, ['-n', ns, 'patch', 'deploy/web', '--type=merge', '-p', JSON.stringify({ spec: { selector: { matchLabels: { app: 'other' } }, template: { metadata: { labels: { app: 'other' } } } } })]);
    assert.equal(res.code, 1);
    assert.match(res.stderr, /spec\.selector: Invalid value: v1\.LabelSelector\{MatchLabels:map\[string\]string\{"app":"other"\}, MatchExpressions:\[\]v1\.LabelSelectorRequirement\(nil\)\}: field is immutable/);
  });

  it('a PUT of the same bare manifest keeps generation 1', async () => {
    const cur = (await api(s, 'GET', `/apis/apps/v1/namespaces/${ns}/deployments/web`)).json;
    const bare = { ...deployment({ app: 'web' }, { app: 'web' }), metadata: { name: 'web', resourceVersion: cur.metadata.resourceVersion } };
    const r = await api(s, 'PUT', `/apis/apps/v1/namespaces/${ns}/deployments/web`, bare);
    assert.equal(r.status, 200);
    assert.equal(r.json.metadata.generation, 1);
  });

  it('kubectl create job without a restart policy is refused as upstream refuses it', async () => {
    const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { template: { spec: { containers: [container] } } } };
    const res = await kubectl(s, ['-n', ns, 'create', '-f', '-', '--validate=false'], { input: JSON.stringify(job) });
    assert.equal(res.code, 1);
    assert.match(res.stderr, /The Job "pi" is invalid: spec\.template\.spec\.restartPolicy: Required value: valid values: "OnFailure", "Never"/);
  });

  it('kubectl create job gets the generated selector, labels and Job defaults', async () => {
    await kubectlOk(s, ['-n', ns, 'create', 'job', 'hello', '--image=busybox:1.36']);
    const job = JSON.parse(await kubectlOk(s, ['-n', ns, 'get', 'job', 'hello', '-o', 'json']));
    const uid = job.metadata.uid;
    assert.deepEqual(job.spec.selector, { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    assert.equal(job.metadata.labels['batch.kubernetes.io/job-name'], 'hello');
    assert.deepEqual([job.spec.backoffLimit, job.spec.completions, job.spec.parallelism, job.spec.completionMode, job.spec.suspend, job.spec.manualSelector, job.spec.podReplacementPolicy],
      [6, 1, 1, 'NonIndexed', false, false, 'TerminatingOrFailed']);
  });

  it('kubectl create cronjob with a schedule cron cannot parse', async () => {
    const res = await kubectl(s, ['-n', ns, 'create', 'cronjob', 'nightly', '--image=busybox:1.36', '--schedule=61 * * * *']);
    assert.equal(res.code, 1);
    assert.match(res.stderr, /spec\.schedule: Invalid value: "61 \* \* \* \*": end of range \(61\) above maximum \(59\): 61/);
  });

  it('an Ingress path without pathType', async () => {
    const ing = { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web' }, spec: { rules: [{ http: { paths: [{ path: '/', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] } };
    const r = await api(s, 'POST', `/apis/networking.k8s.io/v1/namespaces/${ns}/ingresses`, ing);
    assert.equal(r.status, 422);
    assert.equal(r.json.message, 'Ingress.networking.k8s.io "web" is invalid: spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified');
  });
});
