// Core v1 defaulting and validation as kubectl users meet them: what a created Pod and Service
// look like, and the 422 texts for invalid objects and forbidden pod updates.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, eventually, kubectl, kubectlCreate, kubectlOk, namespaceObj, skipWithoutKubectl, startServer, type TestServer } from './harness.js';

describe('core v1 defaults and validation', { skip: skipWithoutKubectl, timeout: 120_000 }, () => {
  let s: TestServer;
  const ns = ['-n', 'cv'];
  before(async () => {
    s = await startServer();
    await kubectlCreate(s, namespaceObj('cv'));
    // The ServiceAccount admission needs the namespace's default account, which a controller makes.
    await eventually(async () => (await api(s, 'GET', '/api/v1/namespaces/cv/serviceaccounts/default')).status === 200, 15_000, 'the default service account');
  });
  after(async () => { await s?.stop(); s?.cleanup(); });

  it('kubectl run: the pod comes back defaulted, Pending, BestEffort', async () => {
    await kubectlOk(s, [...ns, 'run', 'web', '--image=nginx', '--port=80']);
    const pod = JSON.parse(await kubectlOk(s, [...ns, 'get', 'pod', 'web', '-o', 'json']));
    assert.equal(pod.spec.restartPolicy, 'Always');
    assert.equal(pod.spec.dnsPolicy, 'ClusterFirst');
    assert.equal(pod.spec.terminationGracePeriodSeconds, 30);
    assert.equal(pod.spec.schedulerName, 'default-scheduler');
    assert.equal(pod.spec.enableServiceLinks, true);
    assert.deepEqual(pod.spec.securityContext, {});
    const c = pod.spec.containers[0];
    assert.equal(c.imagePullPolicy, 'Always');
    assert.equal(c.terminationMessagePath, '/dev/termination-log');
    assert.equal(c.terminationMessagePolicy, 'File');
    assert.deepEqual(c.ports, [{ containerPort: 80, protocol: 'TCP' }]);
    assert.deepEqual(pod.status, { phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('a pod with limits only is Guaranteed, its requests copied from the limits', async () => {
    await kubectlCreate(s, {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'g' },
      spec: { containers: [{ name: 'c', image: 'nginx:1.27', resources: { limits: { cpu: '500m', memory: '128Mi' } } }] },
    }, 'cv');
    const pod = JSON.parse(await kubectlOk(s, [...ns, 'get', 'pod', 'g', '-o', 'json']));
    assert.deepEqual(pod.spec.containers[0].resources.requests, { cpu: '500m', memory: '128Mi' });
    assert.equal(pod.spec.containers[0].imagePullPolicy, 'IfNotPresent');
    assert.equal(pod.status.qosClass, 'Guaranteed');
  });

  it('an invalid pod is one 422 with a cause per field', async () => {
    const r = await api(s, 'POST', '/api/v1/namespaces/cv/pods', {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bad' },
      spec: { containers: [{ name: 'a', image: 'x' }, { name: 'a' }], restartPolicy: 'Sometimes' },
    });
    assert.equal(r.status, 422);
    assert.equal(r.json.message, 'Pod "bad" is invalid: [spec.containers[1].image: Required value, spec.containers[1].name: Duplicate value: "a", '
      + 'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"]');
    assert.deepEqual(r.json.details.causes.map((c: { field: string }) => c.field), ['spec.containers[1].image', 'spec.containers[1].name', 'spec.restartPolicy']);
  });

  it('pod updates: a new image is fine, a new port is Forbidden with upstream\'s text', async () => {
    await kubectlOk(s, [...ns, 'set', 'image', 'pod/web', 'web=nginx:1.27']);
    const r = await kubectl(s, [...ns, 'patch', 'pod', 'web', '-p', '{"spec":{"containers":[{"name":"web","ports":[{"containerPort":81}]}]}}']);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,`spec.initContainers\[\*\].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` \(only additions to existing tolerations\),`spec.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)/);
  });

  it('only pods/binding may set an unbound pod\'s nodeName; a plain patch may not', async () => {
    await kubectlOk(s, [...ns, 'run', 'unbound', '--image=nginx']);
    const r = await kubectl(s, [...ns, 'patch', 'pod', 'unbound', '-p', '{"spec":{"nodeName":"n1"}}']);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /The Pod "unbound" is invalid: spec: Forbidden: pod updates may not change fields other than/);
    const bound = await api(s, 'POST', '/api/v1/namespaces/cv/pods/unbound/binding',
      { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'unbound' }, target: { kind: 'Node', name: 'n1' } });
    assert.equal(bound.status, 201, bound.text);
    assert.equal((await api(s, 'GET', '/api/v1/namespaces/cv/pods/unbound')).json.spec.nodeName, 'n1');
  });

  it('kubectl create service nodeport: defaults and allocations', async () => {
    await kubectlOk(s, [...ns, 'create', 'service', 'nodeport', 'np', '--tcp=80:8080']);
    const svc = JSON.parse(await kubectlOk(s, [...ns, 'get', 'svc', 'np', '-o', 'json']));
    assert.equal(svc.spec.type, 'NodePort');
    assert.equal(svc.spec.sessionAffinity, 'None');
    assert.equal(svc.spec.externalTrafficPolicy, 'Cluster');
    assert.equal(svc.spec.internalTrafficPolicy, 'Cluster');
    assert.equal(svc.spec.ports[0].protocol, 'TCP');
    assert.equal(svc.spec.ports[0].targetPort, 8080);
    assert.ok(svc.spec.ports[0].nodePort >= 30000);
    assert.deepEqual(svc.spec.clusterIPs, [svc.spec.clusterIP]);
  });

  it('a service of unknown type, and a claim without storage, are refused', async () => {
    const svc = await api(s, 'POST', '/api/v1/namespaces/cv/services', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'x' }, spec: { type: 'Magic', ports: [{ port: 80 }] } });
    assert.equal(svc.status, 422);
    assert.equal(svc.json.message, 'Service "x" is invalid: spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"');
    const pvc = await api(s, 'POST', '/api/v1/namespaces/cv/persistentvolumeclaims', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: { accessModes: ['ReadWriteOnce'] } });
    assert.equal(pvc.status, 422);
    assert.equal(pvc.json.message, 'PersistentVolumeClaim "c" is invalid: spec.resources[storage]: Required value');
  });

  it('a quantity that does not parse is a 400 from decoding', async () => {
    const r = await api(s, 'POST', '/api/v1/namespaces/cv/pods', {
      apiVersion: 'v1', kind: 'Pod', metadata: { name: 'q' }, spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: 'lots' } } }] },
    });
    assert.equal(r.status, 400);
    assert.equal(r.json.message, `Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
  });
});
