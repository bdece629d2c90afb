// Real kubectl against a real kubets on the insecure port, with no kubeconfig: discovery and reads.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, configMapObj, kubectl, kubectlCreate, kubectlOk, namespaceObj, skipWithoutKubectl, startServer, type TestServer } from './harness.js';

describe('kubectl reads', { skip: skipWithoutKubectl, timeout: 120_000 }, () => {
  let s: TestServer;
  before(async () => {
    s = await startServer();
    await kubectlCreate(s, namespaceObj('reads'));
    await kubectlCreate(s, configMapObj('alpha', { k: 'v1' }), 'reads');
    await kubectlCreate(s, configMapObj('beta', { k: 'v2' }), 'reads');
    await kubectlOk(s, ['-n', 'reads', 'label', 'configmap', 'alpha', 'tier=front']);
  });
  after(async () => { await s?.stop(); s?.cleanup(); });

  it('api-resources lists upstream short names, kinds and scopes', async () => {
    const out = await kubectlOk(s, ['api-resources']);
    const rows = out.split('\n').map((l) => l.trim().split(/\s+/));
    const find = (name: string) => rows.find((r) => r[0] === name);
    assert.deepEqual(find('pods'), ['pods', 'po', 'v1', 'true', 'Pod']);
    assert.deepEqual(find('services'), ['services', 'svc', 'v1', 'true', 'Service']);
    assert.deepEqual(find('configmaps'), ['configmaps', 'cm', 'v1', 'true', 'ConfigMap']);
    assert.deepEqual(find('namespaces'), ['namespaces', 'ns', 'v1', 'false', 'Namespace']);
    assert.deepEqual(find('serviceaccounts'), ['serviceaccounts', 'sa', 'v1', 'true', 'ServiceAccount']);
    assert.deepEqual(find('deployments'), ['deployments', 'deploy', 'apps/v1', 'true', 'Deployment']);
    assert.deepEqual(find('flowschemas'), ['flowschemas', 'flowcontrol.apiserver.k8s.io/v1', 'false', 'FlowSchema']);
    const wide = await kubectlOk(s, ['api-resources', '-o', 'wide']);
    assert.match(wide, /^pods\s+po\s+v1\s+true\s+Pod\s+create,delete,deletecollection,get,list,patch,update,watch\s+all$/m);
  });

  it('api-versions lists every served group version', async () => {
    const out = (await kubectlOk(s, ['api-versions'])).trim().split('\n');
    for (const gv of ['v1', 'apps/v1', 'batch/v1', 'autoscaling/v1', 'autoscaling/v2', 'rbac.authorization.k8s.io/v1', 'flowcontrol.apiserver.k8s.io/v1', 'events.k8s.io/v1']) {
      assert.ok(out.includes(gv), `${gv} missing from ${out.join(',')}`);
    }
  });

  it('get prints the config map columns (NAME DATA AGE), and every output format', async () => {
    const table = await kubectlOk(s, ['-n', 'reads', 'get', 'configmaps']);
    assert.match(table, /^NAME\s+DATA\s+AGE\n/);
    assert.match(table, /^alpha\s+1\s+\d+s\n/m);
    const json = JSON.parse(await kubectlOk(s, ['-n', 'reads', 'get', 'cm', 'alpha', '-o', 'json']));
    assert.equal(json.kind, 'ConfigMap');
    assert.equal(json.data.k, 'v1');
    assert.match(json.metadata.resourceVersion, /^\d+$/);
    assert.match(await kubectlOk(s, ['-n', 'reads', 'get', 'cm', 'alpha', '-o', 'yaml']), /^apiVersion: v1\ndata:\n {2}k: v1\nkind: ConfigMap\n/);
    assert.equal(await kubectlOk(s, ['-n', 'reads', 'get', 'cm', '-o', 'name']), 'configmap/alpha\nconfigmap/beta\n');
    assert.match(await kubectlOk(s, ['-n', 'reads', 'get', 'cm', '-o', 'wide']), /^NAME\s+DATA\s+AGE\nalpha/);
    assert.equal(await kubectlOk(s, ['-n', 'reads', 'get', 'cm', 'alpha', '-o', 'jsonpath={.data.k}']), 'v1');
    assert.match(await kubectlOk(s, ['-n', 'reads', 'get', 'cm', '-o', 'custom-columns=N:.metadata.name,V:.data.k']), /^N\s+V\nalpha\s+v1\nbeta\s+v2\n$/);
  });

  it('label and field selectors filter, unknown field selectors are refused', async () => {
    assert.equal(await kubectlOk(s, ['-n', 'reads', 'get', 'cm', '-l', 'tier=front', '-o', 'name']), 'configmap/alpha\n');
    assert.equal(await kubectlOk(s, ['-n', 'reads', 'get', 'cm', '-l', 'tier notin (front)', '-o', 'name']), 'configmap/beta\n');
    assert.equal(await kubectlOk(s, ['-n', 'reads', 'get', 'cm', '--field-selector', 'metadata.name=beta', '-o', 'name']), 'configmap/beta\n');
    const bad = await kubectl(s, ['-n', 'reads', 'get', 'cm', '--field-selector', 'spec.nope=1']);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /"spec\.nope" is not a known field selector: only "metadata\.name", "metadata\.namespace"/);
    // Kinds with their own field labels (pods) answer with upstream's other wording.
    const badPod = await kubectl(s, ['-n', 'reads', 'get', 'pods', '--field-selector', 'spec.nope=1']);
    assert.match(badPod.stderr, /field label not supported: spec\.nope/);
    assert.equal(await kubectlOk(s, ['-n', 'reads', 'get', 'pods', '--field-selector', 'spec.nodeName=n1,status.phase=Running', '-o', 'name']), '');
  });

  it('-A lists across namespaces and get all works', async () => {
    const out = await kubectlOk(s, ['get', 'cm', '-A']);
    assert.match(out, /^NAMESPACE\s+NAME\s+DATA\s+AGE\n/);
    assert.match(out, /^reads\s+alpha\s/m);
    const all = await kubectlOk(s, ['get', 'all', '-n', 'default']);
    assert.match(all, /service\/kubernetes/);
  });

  it('--chunk-size pages through the list', async () => {
    const out = await kubectlOk(s, ['-n', 'reads', 'get', 'cm', '--chunk-size=1', '-o', 'name', '-v=6']);
    assert.equal(out, 'configmap/alpha\nconfigmap/beta\n');
  });

  it('describe shows the object', async () => {
    const out = await kubectlOk(s, ['-n', 'reads', 'describe', 'configmap', 'alpha']);
    assert.match(out, /^Name:\s+alpha$/m);
    assert.match(out, /^Namespace:\s+reads$/m);
    assert.match(out, /^Labels:\s+tier=front$/m);
  });

  it('get --raw serves health, version and metrics', async () => {
    assert.equal(await kubectlOk(s, ['get', '--raw', '/healthz']), 'ok');
    assert.equal(await kubectlOk(s, ['get', '--raw', '/livez']), 'ok');
    assert.equal(await kubectlOk(s, ['get', '--raw', '/readyz']), 'ok');
    assert.match(await kubectlOk(s, ['get', '--raw', '/readyz?verbose']), /\[\+\]etcd ok[\s\S]*readyz check passed/);
    const version = JSON.parse(await kubectlOk(s, ['get', '--raw', '/version']));
    assert.equal(version.major, '1');
    assert.equal(version.minor, '32');
    const metrics = await kubectlOk(s, ['get', '--raw', '/metrics']);
    assert.match(metrics, /^apiserver_request_total\{.*resource="configmaps".*\} \d+/m);
    assert.match(metrics, /^apiserver_request_duration_seconds_bucket\{/m);
    assert.match(metrics, /^apiserver_storage_objects\{resource="configmaps"\} [1-9]/m);
    const kv = await kubectlOk(s, ['version', '-o', 'json']);
    assert.equal(JSON.parse(kv).serverVersion.gitVersion, 'v1.32.0');
  });

  it('default namespaces and the kubernetes Service exist from the start', async () => {
    const ns = await kubectlOk(s, ['get', 'ns', '-o', 'name']);
    for (const n of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) assert.match(ns, new RegExp(`^namespace/${n}$`, 'm'));
    const svc = JSON.parse(await kubectlOk(s, ['get', 'svc', 'kubernetes', '-o', 'json']));
    assert.equal(svc.spec.clusterIP, '10.0.0.1');
    assert.equal(svc.spec.ports[0].port, 443);
    const ep = await api(s, 'GET', '/api/v1/namespaces/default/endpoints/kubernetes');
    assert.equal(ep.status, 200);
    assert.equal(ep.json.subsets[0].ports[0].port, s.securePort); // the secure port this server listens on
    const fs = await kubectlOk(s, ['get', 'flowschemas', '-o', 'name']);
    assert.match(fs, /flowschema\.flowcontrol\.apiserver\.k8s\.io\/exempt/);
    assert.match(fs, /flowschema\.flowcontrol\.apiserver\.k8s\.io\/catch-all/);
  });
});
