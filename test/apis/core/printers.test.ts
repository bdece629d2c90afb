/**
 * Core printers, table-driven: pod READY/STATUS/RESTARTS by upstream's printPod rules, service
 * EXTERNAL-IP and PORT(S), node STATUS and ROLES, event columns, endpoints, volumes and quotas.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { corePrinters, quotaColumns } from '../../../src/apis/core/printers.js';
import type { KubeObject } from '../../../src/apis/meta/types.js';

const t = { timeout: 10_000 };
const now = Date.parse('2026-03-01T12:00:00Z');
const ago = (s: number) => new Date(now - s * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
const cells = (resource: string, obj: Record<string, unknown>) =>
  corePrinters[resource].cells({ metadata: { name: 'x', creationTimestamp: ago(30) }, ...obj } as KubeObject, now);
const header = (resource: string) => corePrinters[resource].columns.map((c) => c.name);

const running = { running: { startedAt: ago(60) } };
const waiting = (reason: string) => ({ waiting: { reason } });
const terminated = (exitCode: number, reason?: string, signal?: number) => ({ terminated: { exitCode, ...(reason ? { reason } : {}), ...(signal ? { signal } : {}) } });
const cs = (name: string, state: object, extra: object = {}) => ({ name, state, ready: false, restartCount: 0, ...extra });
const spec = (containers: string[], init: Array<{ name: string; restartPolicy?: string }> = []) =>
  ({ containers: containers.map((name) => ({ name, image: 'i' })), ...(init.length > 0 ? { initContainers: init.map((c) => ({ image: 'i', ...c })) } : {}) });

describe('pods: READY, STATUS and RESTARTS', t, () => {
  const cases: Array<[string, Record<string, unknown>, string, string, string]> = [
    ['pending, nothing reported yet', { spec: spec(['a']), status: { phase: 'Pending' } }, '0/1', 'Pending', '0'],
    ['container being created', { spec: spec(['a']), status: { phase: 'Pending', containerStatuses: [cs('a', waiting('ContainerCreating'))] } }, '0/1', 'ContainerCreating', '0'],
    ['image pull back-off', { spec: spec(['a']), status: { phase: 'Pending', containerStatuses: [cs('a', waiting('ImagePullBackOff'))] } }, '0/1', 'ImagePullBackOff', '0'],
    ['running and ready', { spec: spec(['a', 'b']), status: { phase: 'Running', containerStatuses: [cs('a', running, { ready: true }), cs('b', running, { ready: true })] } }, '2/2', 'Running', '0'],
    ['running, one not ready', { spec: spec(['a', 'b']), status: { phase: 'Running', containerStatuses: [cs('a', running, { ready: true }), cs('b', running)] } }, '1/2', 'Running', '0'],
    ['crash loop with restarts', {
      spec: spec(['a']),
      status: { phase: 'Running', containerStatuses: [cs('a', waiting('CrashLoopBackOff'), { restartCount: 5, lastState: { terminated: { exitCode: 1, finishedAt: ago(300) } } })] },
    }, '0/1', 'CrashLoopBackOff', '5 (5m ago)'],
    ['restarts without a termination time print the count only', { spec: spec(['a']), status: { phase: 'Running', containerStatuses: [cs('a', running, { ready: true, restartCount: 2 })] } }, '1/1', 'Running', '2'],
    ['completed', { spec: spec(['a']), status: { phase: 'Succeeded', containerStatuses: [cs('a', terminated(0, 'Completed'))] } }, '0/1', 'Completed', '0'],
    ['error', { spec: spec(['a']), status: { phase: 'Failed', containerStatuses: [cs('a', terminated(1, 'Error'))] } }, '0/1', 'Error', '0'],
    ['terminated without reason: exit code', { spec: spec(['a']), status: { phase: 'Failed', containerStatuses: [cs('a', terminated(137))] } }, '0/1', 'ExitCode:137', '0'],
    ['terminated without reason: signal', { spec: spec(['a']), status: { phase: 'Failed', containerStatuses: [cs('a', terminated(0, undefined, 9))] } }, '0/1', 'Signal:9', '0'],
    ['the first container\'s reason wins', { spec: spec(['a', 'b']), status: { phase: 'Pending', containerStatuses: [cs('a', waiting('ErrImagePull')), cs('b', waiting('ContainerCreating'))] } }, '0/2', 'ErrImagePull', '0'],
    ['pod reason over phase', { spec: spec(['a']), status: { phase: 'Failed', reason: 'Evicted' } }, '0/1', 'Evicted', '0'],
    ['scheduling gated', { spec: spec(['a']), status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] } }, '0/1', 'SchedulingGated', '0'],
    ['second init container running', {
      spec: spec(['a'], [{ name: 'i1' }, { name: 'i2' }]),
      status: { phase: 'Pending', initContainerStatuses: [cs('i1', terminated(0, 'Completed')), cs('i2', running)], containerStatuses: [cs('a', waiting('PodInitializing'))] },
    }, '0/1', 'Init:1/2', '0'],
    ['init container waiting for init', { spec: spec(['a'], [{ name: 'i1' }]), status: { phase: 'Pending', initContainerStatuses: [cs('i1', waiting('PodInitializing'))] } }, '0/1', 'Init:0/1', '0'],
    ['init container failed', { spec: spec(['a'], [{ name: 'i1' }]), status: { phase: 'Pending', initContainerStatuses: [cs('i1', terminated(1, 'Error'), { restartCount: 3 })] } }, '0/1', 'Init:Error', '3'],
    ['init container failed without reason', { spec: spec(['a'], [{ name: 'i1' }]), status: { phase: 'Pending', initContainerStatuses: [cs('i1', terminated(2))] } }, '0/1', 'Init:ExitCode:2', '0'],
    ['init container crash looping', { spec: spec(['a'], [{ name: 'i1' }]), status: { phase: 'Pending', initContainerStatuses: [cs('i1', waiting('CrashLoopBackOff'))] } }, '0/1', 'Init:CrashLoopBackOff', '0'],
    ['sidecar counts as a container once started', {
      spec: spec(['a'], [{ name: 'side', restartPolicy: 'Always' }]),
      status: {
        phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }],
        initContainerStatuses: [cs('side', running, { ready: true, started: true, restartCount: 1 })], containerStatuses: [cs('a', running, { ready: true })],
      },
    }, '2/2', 'Running', '1'],
    ['completed container beside a running one, pod ready', {
      spec: spec(['a', 'b']),
      status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [cs('a', running, { ready: true }), cs('b', terminated(0, 'Completed'))] },
    }, '1/2', 'Running', '0'],
    ['completed container beside a running one, pod not ready', {
      spec: spec(['a', 'b']), status: { phase: 'Running', containerStatuses: [cs('a', running, { ready: true }), cs('b', terminated(0, 'Completed'))] },
    }, '1/2', 'NotReady', '0'],
    ['being deleted', { metadata: { name: 'x', deletionTimestamp: ago(1) }, spec: spec(['a']), status: { phase: 'Running', containerStatuses: [cs('a', running, { ready: true })] } }, '1/1', 'Terminating', '0'],
    ['deleted on a lost node', { metadata: { name: 'x', deletionTimestamp: ago(1) }, spec: spec(['a']), status: { phase: 'Running', reason: 'NodeLost' } }, '0/1', 'Unknown', '0'],
    ['a finished pod being deleted stays finished', { metadata: { name: 'x', deletionTimestamp: ago(1) }, spec: spec(['a']), status: { phase: 'Succeeded', containerStatuses: [cs('a', terminated(0, 'Completed'))] } }, '0/1', 'Completed', '0'],
  ];
  for (const [name, pod, ready, status, restarts] of cases) {
    it(name, () => assert.deepEqual(cells('pods', pod).slice(1, 4), [ready, status, restarts]));
  }

  it('columns, and the wide cells: IP, node, nominated node, readiness gates', () => {
    assert.deepEqual(header('pods'), ['Name', 'Ready', 'Status', 'Restarts', 'Age', 'IP', 'Node', 'Nominated Node', 'Readiness Gates']);
    assert.deepEqual(corePrinters.pods.columns.map((c) => c.priority), [0, 0, 0, 0, 0, 1, 1, 1, 1]);
    assert.deepEqual(cells('pods', { spec: spec(['a']), status: { phase: 'Pending' } }), ['x', '0/1', 'Pending', '0', '30s', '<none>', '<none>', '<none>', '<none>']);
    const pod = {
      spec: { ...spec(['a']), nodeName: 'n1', readinessGates: [{ conditionType: 'g1' }, { conditionType: 'g2' }] },
      status: { phase: 'Running', podIPs: [{ ip: '10.0.0.5' }, { ip: 'fd00::5' }], nominatedNodeName: 'n2', conditions: [{ type: 'g1', status: 'True' }, { type: 'g2', status: 'False' }] },
    };
    assert.deepEqual(cells('pods', pod).slice(5), ['10.0.0.5', 'n1', 'n2', '1/2']);
  });

  it('finished pods carry a Completed row condition', () => {
    const cond = (phase: string) => corePrinters.pods.conditions!({ metadata: {}, status: { phase } } as KubeObject);
    assert.equal(cond('Running'), undefined);
    assert.deepEqual((cond('Succeeded') as Array<{ type: string; reason: string }>).map((c) => [c.type, c.reason]), [['Completed', 'Succeeded']]);
    assert.deepEqual((cond('Failed') as Array<{ type: string; reason: string }>).map((c) => [c.type, c.reason]), [['Completed', 'Failed']]);
  });
});

describe('services: TYPE, CLUSTER-IP, EXTERNAL-IP, PORT(S)', t, () => {
  const svc = (s: object, status: object = {}) => cells('services', { spec: s, status });
  const cases: Array<[string, unknown[], unknown[]]> = [
    ['cluster IP', svc({ type: 'ClusterIP', clusterIPs: ['10.0.0.10'], ports: [{ port: 80, protocol: 'TCP' }], selector: { b: '2', a: '1' } }), ['ClusterIP', '10.0.0.10', '<none>', '80/TCP', '30s', 'a=1,b=2']],
    ['a port stored without protocol is TCP', svc({ type: 'ClusterIP', clusterIPs: ['10.0.0.9'], ports: [{ port: 8080 }] }), ['ClusterIP', '10.0.0.9', '<none>', '8080/TCP', '30s', '<none>']],
    ['headless without ports', svc({ type: 'ClusterIP', clusterIPs: ['None'] }), ['ClusterIP', 'None', '<none>', '<none>', '30s', '<none>']],
    ['external IPs', svc({ type: 'ClusterIP', clusterIPs: ['10.0.0.1'], externalIPs: ['1.2.3.4', '5.6.7.8'], ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }), ['ClusterIP', '10.0.0.1', '1.2.3.4,5.6.7.8', '53/UDP,53/TCP', '30s', '<none>']],
    ['node port', svc({ type: 'NodePort', clusterIPs: ['10.0.0.2'], ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] }), ['NodePort', '10.0.0.2', '<none>', '80:30080/TCP', '30s', '<none>']],
    ['load balancer waiting for an address', svc({ type: 'LoadBalancer', clusterIPs: ['10.0.0.3'], ports: [{ port: 443, nodePort: 31443, protocol: 'TCP' }] }), ['LoadBalancer', '10.0.0.3', '<pending>', '443:31443/TCP', '30s', '<none>']],
    ['load balancer addresses, sorted and unclipped', svc({ type: 'LoadBalancer', clusterIPs: ['10.0.0.3'] }, { loadBalancer: { ingress: [{ ip: '203.0.113.9' }, { hostname: 'a-very-long-load-balancer.example.com' }, { ip: '203.0.113.9' }] } }),
      ['LoadBalancer', '10.0.0.3', '203.0.113.9,a-very-long-load-balancer.example.com', '<none>', '30s', '<none>']],
    ['load balancer plus external IPs', svc({ type: 'LoadBalancer', clusterIPs: ['10.0.0.3'], externalIPs: ['9.9.9.9'] }, { loadBalancer: { ingress: [{ ip: '1.1.1.1' }] } }), ['LoadBalancer', '10.0.0.3', '1.1.1.1,9.9.9.9', '<none>', '30s', '<none>']],
    ['external name', svc({ type: 'ExternalName', externalName: 'db.example.com' }), ['ExternalName', '<none>', 'db.example.com', '<none>', '30s', '<none>']],
  ];
  for (const [name, got, want] of cases) it(name, () => assert.deepEqual(got.slice(1), want));
  it('columns', () => assert.deepEqual(header('services'), ['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', 'Selector']));
});

describe('nodes: STATUS and ROLES', t, () => {
  const node = (labels: Record<string, string>, conditions: object[], unschedulable = false) =>
    cells('nodes', { metadata: { name: 'n', labels, creationTimestamp: ago(90) }, spec: { unschedulable }, status: { conditions, nodeInfo: { kubeletVersion: 'v1.32.0' } } });
  const ready = [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: 'True' }];
  const cases: Array<[string, unknown[], string, string]> = [
    ['ready worker without roles', node({}, ready), 'Ready', '<none>'],
    ['not ready', node({}, [{ type: 'Ready', status: 'False' }]), 'NotReady', '<none>'],
    ['ready unknown counts as not ready', node({}, [{ type: 'Ready', status: 'Unknown' }]), 'NotReady', '<none>'],
    ['no Ready condition', node({}, []), 'Unknown', '<none>'],
    ['cordoned', node({}, ready, true), 'Ready,SchedulingDisabled', '<none>'],
    ['roles from labels, sorted', node({ 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'infra', 'node-role.kubernetes.io/': 'x' }, ready), 'Ready', 'control-plane,infra,worker'],
    ['an empty kubernetes.io/role is no role', node({ 'kubernetes.io/role': '' }, ready), 'Ready', '<none>'],
  ];
  for (const [name, got, status, roles] of cases) it(name, () => assert.deepEqual(got.slice(1, 3), [status, roles]));
  it('columns and wide cells', () => {
    assert.deepEqual(header('nodes'), ['Name', 'Status', 'Roles', 'Age', 'Version', 'Internal-IP', 'External-IP', 'OS-Image', 'Kernel-Version', 'Container-Runtime']);
    const n = cells('nodes', { status: { addresses: [{ type: 'Hostname', address: 'h' }, { type: 'InternalIP', address: '192.168.1.2' }], nodeInfo: { kubeletVersion: 'v1.32.0', osImage: 'Debian', containerRuntimeVersion: 'containerd://1.7' } } });
    assert.deepEqual(n.slice(3), ['30s', 'v1.32.0', '192.168.1.2', '<none>', 'Debian', '<unknown>', 'containerd://1.7']);
  });
});

describe('events', t, () => {
  it('columns', () => assert.deepEqual(header('events'), ['Last Seen', 'Type', 'Reason', 'Object', 'Subobject', 'Source', 'Message', 'First Seen', 'Count', 'Name']));
  const ev = (fields: object) => cells('events', { metadata: { name: 'x.1' }, type: 'Normal', reason: 'Pulled', message: ' pulled \n', involvedObject: { kind: 'Pod', name: 'web' }, ...fields });
  const cases: Array<[string, unknown[], unknown[]]> = [
    ['old-style event with counts', ev({ firstTimestamp: ago(600), lastTimestamp: ago(60), count: 4, source: { component: 'kubelet', host: 'n1' }, involvedObject: { kind: 'Pod', name: 'web', fieldPath: 'spec.containers{a}' } }),
      ['60s', 'Normal', 'Pulled', 'pod/web', 'spec.containers{a}', 'kubelet, n1', 'pulled', '10m', 4, 'x.1']],
    ['no last timestamp: first seen twice, count 1', ev({ firstTimestamp: ago(30) }), ['30s', 'Normal', 'Pulled', 'pod/web', '', '', 'pulled', '30s', 1, 'x.1']],
    ['new-style event: eventTime, reporting controller and series', ev({ eventTime: '2026-03-01T11:50:00.000000Z', reportingComponent: 'sched', reportingInstance: 'sched-1', series: { count: 7, lastObservedTime: '2026-03-01T11:59:00.000000Z' } }),
      ['60s', 'Normal', 'Pulled', 'pod/web', '', 'sched, sched-1', 'pulled', '10m', 7, 'x.1']],
    ['object without a name prints its kind', ev({ involvedObject: { kind: 'Node' }, firstTimestamp: ago(5) }), ['5s', 'Normal', 'Pulled', 'node', '', '', 'pulled', '5s', 1, 'x.1']],
    ['no times at all', ev({}), ['<unknown>', 'Normal', 'Pulled', 'pod/web', '', '', 'pulled', '<unknown>', 1, 'x.1']],
  ];
  for (const [name, got, want] of cases) it(name, () => assert.deepEqual(got, want));
});

describe('endpoints, volumes, quotas and small kinds', t, () => {
  const ep = (subsets: unknown) => cells('endpoints', { subsets })[1];
  it('endpoints: <none>, ip:port pairs, bare IPs, IPv6 brackets, the first three then a count', () => {
    assert.equal(ep(undefined), '<none>');
    assert.equal(ep([{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }]), '10.0.0.1:80');
    assert.equal(ep([{ addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }] }]), '10.0.0.1,10.0.0.2');
    assert.equal(ep([{ addresses: [{ ip: 'fd00::1' }], ports: [{ port: 53 }] }]), '[fd00::1]:53');
    assert.equal(ep([{ addresses: [{ ip: 'a' }, { ip: 'b' }], ports: [{ port: 1 }, { port: 2 }] }, { addresses: [{ ip: 'c' }] }]), 'a:1,b:1,a:2 + 2 more...');
    assert.equal(ep([{ notReadyAddresses: [{ ip: 'a' }], ports: [{ port: 1 }] }]), '');
  });
  it('persistent volumes and claims', () => {
    const pv = cells('persistentvolumes', {
      spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', claimRef: { namespace: 'ns', name: 'c' }, storageClassName: 'fast' },
      status: { phase: 'Bound' },
    });
    assert.deepEqual(pv.slice(1), ['10Gi', 'RWO,RWX', 'Retain', 'Bound', 'ns/c', 'fast', '<unset>', '', '30s', '<unset>']);
    const pending = cells('persistentvolumeclaims', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'fast' }, status: { phase: 'Pending' } });
    assert.deepEqual(pending.slice(1), ['Pending', '', '', '', 'fast', '<unset>', '30s', '<unset>']);
    const bound = cells('persistentvolumeclaims', {
      metadata: { name: 'x', deletionTimestamp: ago(1), annotations: { 'volume.beta.kubernetes.io/storage-class': 'old' } },
      spec: { volumeName: 'pv1', volumeMode: 'Filesystem', storageClassName: 'fast' }, status: { phase: 'Bound', capacity: { storage: '2Gi' }, accessModes: ['ReadWriteOncePod'] },
    });
    assert.deepEqual(bound.slice(1, 6), ['Terminating', 'pv1', '2Gi', 'RWOP', 'old']);
    assert.equal(bound[8], 'Filesystem');
  });
  it('resource quotas: requests and limits split, sorted, missing usage is 0', () => {
    assert.deepEqual(quotaColumns({ hard: { 'limits.cpu': '2', pods: '10', 'requests.cpu': '1', 'limits.memory': '1Gi' }, used: { pods: '3', 'limits.cpu': '500m' } }),
      ['pods: 3/10, requests.cpu: 0/1', 'limits.cpu: 500m/2, limits.memory: 0/1Gi']);
    assert.deepEqual(quotaColumns(undefined), ['', '']);
    assert.deepEqual(header('resourcequotas'), ['Name', 'Age', 'Request', 'Limit']);
    assert.deepEqual(cells('resourcequotas', { status: { hard: { pods: '2' }, used: { pods: '1' } } }), ['x', '30s', 'pods: 1/2', '']);
  });
  it('config maps, secrets, service accounts, namespaces, pod templates, replication controllers', () => {
    assert.deepEqual(cells('configmaps', { data: { a: '1', b: '2' }, binaryData: { c: '' } }), ['x', 3, '30s']);
    assert.deepEqual(cells('configmaps', {}), ['x', 0, '30s']);
    assert.deepEqual(cells('secrets', { type: 'Opaque', data: { a: 'eA==' } }), ['x', 'Opaque', 1, '30s']);
    assert.deepEqual(cells('serviceaccounts', { secrets: [{ name: 's' }] }), ['x', 1, '30s']);
    assert.deepEqual(cells('namespaces', { status: { phase: 'Active' } }), ['x', 'Active', '30s']);
    assert.deepEqual(cells('podtemplates', { template: { metadata: { labels: { app: 'w' } }, spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'busybox' }] } } }), ['x', 'a,b', 'nginx,busybox', 'app=w']);
    assert.deepEqual(cells('replicationcontrollers', { spec: { replicas: 3, selector: { app: 'w' }, template: { spec: { containers: [{ name: 'a', image: 'nginx' }] } } }, status: { replicas: 2, readyReplicas: 1 } }),
      ['x', 3, 2, 1, '30s', 'a', 'nginx', 'app=w']);
    assert.equal(corePrinters.limitranges, undefined);
  });
});
