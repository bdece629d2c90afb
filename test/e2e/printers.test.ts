/**
 * Server-side printing with the real kubectl: one object of every printed kind is created through
 * the API, then `kubectl get <resource>` and `kubectl get <resource> -o wide` must show upstream's
 * header lines, and a few cells must carry the values upstream prints. A kubectl watch prints
 * rows with the same columns after the first event, which alone carries the column definitions.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { api, eventually, kubectlOk, kubectlPath, skipWithoutKubectl, startServer, type TestServer } from './harness.js';

const ns = 'printing';
const containers = [{ name: 'c', image: 'nginx:1.27' }];
const podTemplate = (app: string, restartPolicy?: string) => ({ metadata: { labels: { app } }, spec: { containers, ...(restartPolicy ? { restartPolicy } : {}) } });
const meta = (name: string) => ({ metadata: { name } });

interface Case {
  /** What kubectl is asked for (plural name, group-qualified where it is ambiguous). */
  get: string;
  /** Collection path to POST the object to; omitted for kinds the server bootstraps. */
  path?: string;
  obj?: Record<string, unknown>;
  header: string[];
  /** Columns -o wide adds after the normal ones (none when -o wide prints the same header). */
  wide?: string[];
  /** The wide header when the priority-1 columns sit between normal ones (events). */
  wideHeader?: string[];
  clusterScoped?: boolean;
}

const core = (res: string) => `/api/v1/namespaces/${ns}/${res}`;
const group = (gv: string, res: string, namespaced = true) => `/apis/${gv}/${namespaced ? `namespaces/${ns}/` : ''}${res}`;
const age = 'AGE';
const workload = ['CONTAINERS', 'IMAGES', 'SELECTOR'];

function csrPem(): string {
  // A real PKCS#10 request, so the case keeps working once requests are parsed and validated.
  return execFileSync('openssl', ['req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=printer-test', '-keyout', '/dev/null'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
}

const cases = (): Case[] => [
  { get: 'pods', path: core('pods'), obj: { ...meta('p'), spec: { containers } }, header: ['NAME', 'READY', 'STATUS', 'RESTARTS', age], wide: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'] },
  { get: 'services', path: core('services'), obj: { ...meta('s'), spec: { ports: [{ port: 80 }], selector: { app: 'd' } } }, header: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', age], wide: ['SELECTOR'] },
  { get: 'endpoints', path: core('endpoints'), obj: { ...meta('ep'), subsets: [{ addresses: [{ ip: '10.9.9.9' }], ports: [{ port: 80 }] }] }, header: ['NAME', 'ENDPOINTS', age] },
  {
    get: 'events', path: core('events'),
    obj: { ...meta('ev'), involvedObject: { kind: 'Pod', name: 'p', namespace: ns }, reason: 'Tested', message: 'hello', type: 'Normal', source: { component: 'printers-test' }, firstTimestamp: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), count: 1 },
    header: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    wideHeader: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'],
  },
  {
    get: 'events.events.k8s.io', header: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    wideHeader: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'SUBOBJECT', 'SOURCE', 'MESSAGE', 'FIRST SEEN', 'COUNT', 'NAME'],
  },
  { get: 'limitranges', path: core('limitranges'), obj: { ...meta('lr'), spec: { limits: [{ type: 'Container', default: { cpu: '100m' } }] } }, header: ['NAME', 'CREATED AT'] },
  { get: 'resourcequotas', path: core('resourcequotas'), obj: { ...meta('q'), spec: { hard: { pods: '10' } } }, header: ['NAME', age, 'REQUEST', 'LIMIT'] },
  {
    get: 'persistentvolumes', path: '/api/v1/persistentvolumes', clusterScoped: true,
    obj: { ...meta('pv1'), spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/tmp/pv1' } } },
    header: ['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'REASON', age], wide: ['VOLUMEMODE'],
  },
  {
    get: 'persistentvolumeclaims', path: core('persistentvolumeclaims'), obj: { ...meta('pvc'), spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } },
    header: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', age], wide: ['VOLUMEMODE'],
  },
  { get: 'podtemplates', path: core('podtemplates'), obj: { ...meta('pt'), template: podTemplate('pt') }, header: ['NAME', 'CONTAINERS', 'IMAGES', 'POD LABELS'] },
  {
    get: 'replicationcontrollers', path: core('replicationcontrollers'), obj: { ...meta('rc'), spec: { replicas: 1, selector: { app: 'rc' }, template: podTemplate('rc') } },
    header: ['NAME', 'DESIRED', 'CURRENT', 'READY', age], wide: workload,
  },
  {
    get: 'nodes', path: '/api/v1/nodes', clusterScoped: true, obj: { ...meta('n1'), metadata: { name: 'n1', labels: { 'node-role.kubernetes.io/worker': '' } } },
    header: ['NAME', 'STATUS', 'ROLES', age, 'VERSION'], wide: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  },
  { get: 'namespaces', clusterScoped: true, header: ['NAME', 'STATUS', age] },
  { get: 'configmaps', path: core('configmaps'), obj: { ...meta('cm'), data: { a: '1', b: '2' } }, header: ['NAME', 'DATA', age] },
  { get: 'secrets', path: core('secrets'), obj: { ...meta('sec'), type: 'Opaque', data: { k: 'dg==' } }, header: ['NAME', 'TYPE', 'DATA', age] },
  { get: 'serviceaccounts', path: core('serviceaccounts'), obj: meta('sa'), header: ['NAME', 'SECRETS', age] },
  {
    get: 'deployments', path: group('apps/v1', 'deployments'), obj: { ...meta('d'), spec: { replicas: 2, selector: { matchLabels: { app: 'd' } }, template: podTemplate('d') } },
    header: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', age], wide: workload,
  },
  {
    get: 'replicasets', path: group('apps/v1', 'replicasets'), obj: { ...meta('rs'), spec: { replicas: 1, selector: { matchLabels: { app: 'rs' } }, template: podTemplate('rs') } },
    header: ['NAME', 'DESIRED', 'CURRENT', 'READY', age], wide: workload,
  },
  {
    get: 'statefulsets', path: group('apps/v1', 'statefulsets'), obj: { ...meta('ss'), spec: { serviceName: 's', selector: { matchLabels: { app: 'ss' } }, template: podTemplate('ss') } },
    header: ['NAME', 'READY', age], wide: ['CONTAINERS', 'IMAGES'],
  },
  {
    get: 'daemonsets', path: group('apps/v1', 'daemonsets'), obj: { ...meta('ds'), spec: { selector: { matchLabels: { app: 'ds' } }, template: podTemplate('ds') } },
    header: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', age], wide: workload,
  },
  { get: 'controllerrevisions', path: group('apps/v1', 'controllerrevisions'), obj: { ...meta('cr'), revision: 1, data: {} }, header: ['NAME', 'CONTROLLER', 'REVISION', age] },
  {
    get: 'jobs', path: group('batch/v1', 'jobs'), obj: { ...meta('j'), spec: { template: { spec: { containers, restartPolicy: 'Never' } } } },
    header: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', age], wide: workload,
  },
  {
    get: 'cronjobs', path: group('batch/v1', 'cronjobs'), obj: { ...meta('cj'), spec: { schedule: '*/5 * * * *', suspend: false, jobTemplate: { spec: { template: { spec: { containers, restartPolicy: 'OnFailure' } } } } } },
    header: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', age], wide: workload,
  },
  {
    get: 'horizontalpodautoscalers', path: group('autoscaling/v2', 'horizontalpodautoscalers'),
    obj: { ...meta('hpa'), spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'd' }, minReplicas: 1, maxReplicas: 3, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] } },
    header: ['NAME', 'REFERENCE', 'TARGETS', 'MINPODS', 'MAXPODS', 'REPLICAS', age],
  },
  {
    get: 'ingresses', path: group('networking.k8s.io/v1', 'ingresses'),
    obj: { ...meta('ing'), spec: { rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 's', port: { number: 80 } } } }] } }] } },
    header: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', age],
  },
  { get: 'ingressclasses', path: group('networking.k8s.io/v1', 'ingressclasses', false), clusterScoped: true, obj: { ...meta('ic'), spec: { controller: 'example.com/ingress' } }, header: ['NAME', 'CONTROLLER', 'PARAMETERS', age] },
  { get: 'networkpolicies', path: group('networking.k8s.io/v1', 'networkpolicies'), obj: { ...meta('np'), spec: { podSelector: {} } }, header: ['NAME', 'POD-SELECTOR', age] },
  {
    get: 'poddisruptionbudgets', path: group('policy/v1', 'poddisruptionbudgets'), obj: { ...meta('pdb'), spec: { minAvailable: 1, selector: { matchLabels: { app: 'd' } } } },
    header: ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', age],
  },
  { get: 'roles', path: group('rbac.authorization.k8s.io/v1', 'roles'), obj: { ...meta('r'), rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] }, header: ['NAME', 'CREATED AT'] },
  {
    get: 'rolebindings', path: group('rbac.authorization.k8s.io/v1', 'rolebindings'),
    obj: { ...meta('rb'), roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' }, subjects: [{ kind: 'User', name: 'alice', apiGroup: 'rbac.authorization.k8s.io' }] },
    header: ['NAME', 'ROLE', age], wide: ['USERS', 'GROUPS', 'SERVICEACCOUNTS'],
  },
  { get: 'clusterroles', clusterScoped: true, header: ['NAME', 'CREATED AT'] },
  { get: 'clusterrolebindings', clusterScoped: true, header: ['NAME', 'ROLE', age], wide: ['USERS', 'GROUPS', 'SERVICEACCOUNTS'] },
  {
    get: 'storageclasses', path: group('storage.k8s.io/v1', 'storageclasses', false), clusterScoped: true, obj: { ...meta('sc'), provisioner: 'example.com/p' },
    header: ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', age],
  },
  {
    get: 'csidrivers', path: group('storage.k8s.io/v1', 'csidrivers', false), clusterScoped: true, obj: { ...meta('csi.example.com'), spec: {} },
    header: ['NAME', 'ATTACHREQUIRED', 'PODINFOONMOUNT', 'STORAGECAPACITY', 'TOKENREQUESTS', 'REQUIRESREPUBLISH', 'MODES', age],
  },
  { get: 'csinodes', path: group('storage.k8s.io/v1', 'csinodes', false), clusterScoped: true, obj: { ...meta('n1'), spec: { drivers: [] } }, header: ['NAME', 'DRIVERS', age] },
  {
    get: 'volumeattachments', path: group('storage.k8s.io/v1', 'volumeattachments', false), clusterScoped: true,
    obj: { ...meta('va'), spec: { attacher: 'csi.example.com', nodeName: 'n1', source: { persistentVolumeName: 'pv1' } } },
    header: ['NAME', 'ATTACHER', 'PV', 'NODE', 'ATTACHED', age],
  },
  { get: 'csistoragecapacities', path: group('storage.k8s.io/v1', 'csistoragecapacities'), obj: { ...meta('cap'), storageClassName: 'sc', capacity: '10Gi' }, header: ['NAME', 'STORAGECLASSNAME', 'CAPACITY'] },
  { get: 'mutatingwebhookconfigurations', path: group('admissionregistration.k8s.io/v1', 'mutatingwebhookconfigurations', false), clusterScoped: true, obj: { ...meta('mw'), webhooks: [] }, header: ['NAME', 'WEBHOOKS', age] },
  { get: 'validatingwebhookconfigurations', path: group('admissionregistration.k8s.io/v1', 'validatingwebhookconfigurations', false), clusterScoped: true, obj: { ...meta('vw'), webhooks: [] }, header: ['NAME', 'WEBHOOKS', age] },
  { get: 'priorityclasses', path: group('scheduling.k8s.io/v1', 'priorityclasses', false), clusterScoped: true, obj: { ...meta('pc'), value: 1000 }, header: ['NAME', 'VALUE', 'GLOBAL-DEFAULT', age, 'PREEMPTIONPOLICY'] },
  { get: 'leases', path: group('coordination.k8s.io/v1', 'leases'), obj: { ...meta('l'), spec: { holderIdentity: 'me' } }, header: ['NAME', 'HOLDER', age] },
  { get: 'runtimeclasses', path: group('node.k8s.io/v1', 'runtimeclasses', false), clusterScoped: true, obj: { ...meta('rt'), handler: 'runc' }, header: ['NAME', 'HANDLER', age] },
  {
    get: 'endpointslices', path: group('discovery.k8s.io/v1', 'endpointslices'), obj: { ...meta('es'), addressType: 'IPv4', endpoints: [{ addresses: ['10.1.2.3'] }], ports: [{ port: 80 }] },
    header: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', age],
  },
  { get: 'flowschemas', clusterScoped: true, header: ['NAME', 'PRIORITYLEVEL', 'MATCHINGPRECEDENCE', 'DISTINGUISHERMETHOD', age, 'MISSINGPL'] },
  { get: 'prioritylevelconfigurations', clusterScoped: true, header: ['NAME', 'TYPE', 'NOMINALCONCURRENCYSHARES', 'QUEUES', 'HANDSIZE', 'QUEUELENGTHLIMIT', age] },
  {
    get: 'certificatesigningrequests', path: group('certificates.k8s.io/v1', 'certificatesigningrequests', false), clusterScoped: true,
    obj: { ...meta('csr'), spec: { request: Buffer.from(csrPem()).toString('base64'), signerName: 'kubernetes.io/kube-apiserver-client', usages: ['client auth'], expirationSeconds: 3600 } },
    header: ['NAME', age, 'SIGNERNAME', 'REQUESTOR', 'REQUESTEDDURATION', 'CONDITION'],
  },
];

/** kubectl separates columns by at least three spaces; names themselves hold single spaces. */
const columnsOf = (line: string) => line.trim().split(/\s{2,}/);
const rowOf = (out: string, name: string) => out.split('\n').map(columnsOf).find((r) => r[0] === name);

describe('server-side printing with kubectl', { skip: skipWithoutKubectl, timeout: 240_000 }, () => {
  let s: TestServer;
  const all = cases();
  before(async () => {
    s = await startServer();
    const created = await api(s, 'POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    assert.equal(created.status, 201, created.text);
    // Pods are admitted only once the namespace's default service account exists.
    await eventually(async () => (await api(s, 'GET', core('serviceaccounts/default'))).status === 200, 15_000, 'the default service account');
    for (const c of all) {
      if (!c.path) continue;
      const r = await api(s, 'POST', c.path, c.obj);
      assert.equal(r.status, 201, `creating ${c.get}: ${r.text}`);
    }
  });
  after(async () => { await s?.stop(); s?.cleanup(); });

  for (const c of all) {
    it(`kubectl get ${c.get} and -o wide print upstream's headers`, async () => {
      const scope = c.clusterScoped ? [] : ['-n', ns];
      const out = await kubectlOk(s, [...scope, 'get', c.get]);
      assert.deepEqual(columnsOf(out.split('\n')[0]), c.header, out);
      const wide = await kubectlOk(s, [...scope, 'get', c.get, '-o', 'wide']);
      assert.deepEqual(columnsOf(wide.split('\n')[0]), c.wideHeader ?? [...c.header, ...(c.wide ?? [])], wide);
    });
  }

  it('cells carry upstream\'s values', async () => {
    const get = (...args: string[]) => kubectlOk(s, ['-n', ns, 'get', ...args]);
    assert.deepEqual(rowOf(await get('pods'), 'p')?.slice(1, 4), ['0/1', 'Pending', '0']);
    const svc = rowOf(await get('services', '-o', 'wide'), 's')!;
    assert.equal(svc[1], 'ClusterIP');
    assert.match(svc[2], /^\d+\.\d+\.\d+\.\d+$/, 'an allocated cluster IP');
    assert.deepEqual(svc.slice(3, 5), ['<none>', '80/TCP']);
    assert.equal(svc[6], 'app=d');
    assert.equal(rowOf(await get('configmaps'), 'cm')?.[1], '2');
    assert.deepEqual(rowOf(await get('secrets'), 'sec')?.slice(1, 3), ['Opaque', '1']);
    assert.deepEqual(rowOf(await get('deployments', '-o', 'wide'), 'd')?.filter((_, i) => i !== 4), ['d', '0/2', '0', '0', 'c', 'nginx:1.27', 'app=d']);
    assert.deepEqual(rowOf(await get('jobs'), 'j')?.slice(1, 3), ['Running', '0/1']);
    assert.deepEqual(rowOf(await get('cronjobs'), 'cj')?.slice(1, 6), ['*/5 * * * *', '<none>', 'False', '0', '<none>']);
    assert.deepEqual(rowOf(await get('hpa'), 'hpa')?.slice(1, 6), ['Deployment/d', 'cpu: <unknown>/50%', '1', '3', '0']);
    assert.deepEqual(rowOf(await get('endpoints'), 'ep')?.[1], '10.9.9.9:80');
    // Empty cells (ADDRESS, SUBOBJECT) leave no column of their own once split on blanks.
    assert.deepEqual(rowOf(await get('ingress'), 'ing')?.slice(1, 4), ['<none>', 'a.example.com', '80']);
    const event = (await get('events', '-o', 'wide')).split('\n').map(columnsOf).find((r) => r.at(-1) === 'ev')!;
    assert.deepEqual(event.slice(1, 6), ['Normal', 'Tested', 'pod/p', 'printers-test', 'hello']);
    assert.equal(event[7], '1');
    const node = rowOf(await kubectlOk(s, ['get', 'nodes', '-o', 'wide']), 'n1')!;
    assert.deepEqual(node.slice(1, 3), ['Unknown', 'worker']);
    assert.match(rowOf(await kubectlOk(s, ['get', 'clusterroles']), 'cluster-admin')?.[1] ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const csr = rowOf(await kubectlOk(s, ['get', 'csr']), 'csr')!;
    assert.deepEqual([csr[2], csr[4], csr[5]], ['kubernetes.io/kube-apiserver-client', '60m', 'Pending']);
  });

  it('a Table watch sends column definitions with its first event only, rows as includeObject asks', { timeout: 30_000 }, async () => {
    const listed = await api(s, 'GET', core('configmaps'));
    const rv = listed.json.metadata.resourceVersion;
    const abort = new AbortController();
    const res = await fetch(`${s.url}${core('configmaps')}?watch=1&resourceVersion=${rv}&timeoutSeconds=20&includeObject=Object`, {
      headers: { Accept: 'application/json;as=Table;g=meta.k8s.io;v=v1' }, signal: abort.signal,
    });
    assert.equal(res.status, 200);
    const events: Array<{ type: string; object: { columnDefinitions: unknown; rows: Array<{ cells: unknown[]; object: { kind: string } }> } }> = [];
    const reading = (async () => {
      let buf = '';
      const decoder = new TextDecoder();
      for await (const chunk of res.body!) {
        buf += decoder.decode(chunk as Uint8Array, { stream: true });
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          events.push(JSON.parse(buf.slice(0, nl)));
          buf = buf.slice(nl + 1);
        }
        if (events.length >= 2) break;
      }
    })();
    try {
      for (const name of ['wa', 'wb']) assert.equal((await api(s, 'POST', core('configmaps'), { ...meta(name), data: { k: 'v' } })).status, 201);
      await eventually(async () => events.length >= 2, 15_000, 'two watch events');
    } finally {
      abort.abort();
      await reading.catch(() => undefined);
    }
    const [first, second] = events;
    assert.deepEqual([first.type, second.type], ['ADDED', 'ADDED']);
    assert.deepEqual((first.object.columnDefinitions as Array<{ name: string }>).map((c) => c.name), ['Name', 'Data', 'Age']);
    assert.equal(second.object.columnDefinitions, null);
    assert.deepEqual([first.object.rows[0].cells.slice(0, 2), second.object.rows[0].cells.slice(0, 2)], [['wa', 1], ['wb', 1]]);
    assert.equal(second.object.rows[0].object.kind, 'ConfigMap');
  });

  it('kubectl get -w prints rows with the same columns after the first event', { timeout: 40_000 }, async () => {
    const child = spawn(kubectlPath!, ['-s', s.url, '-n', ns, 'get', 'configmaps', '-w'], {
      env: { ...process.env, KUBECONFIG: join(tmpdir(), 'kubets-no-kubeconfig') }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    try {
      await eventually(async () => rowOf(stdout, 'cm'), 15_000, `the listed row (${stderr})`);
      const r = await api(s, 'POST', core('configmaps'), { ...meta('watched'), data: { x: '1', y: '2', z: '3' } });
      assert.equal(r.status, 201, r.text);
      const row = await eventually(async () => rowOf(stdout, 'watched'), 15_000, `the watched row in:\n${stdout}\n${stderr}`);
      assert.deepEqual(row.slice(0, 2), ['watched', '3']);
      assert.match(row[2], /^\d+s$/);
      assert.equal(stdout.split('\n').filter((l) => /^NAME\s/.test(l)).length, 1, stdout);
    } finally {
      child.kill();
    }
  });
});
