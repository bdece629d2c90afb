/** apps printers: deployment READY and selector, replica/stateful/daemon set counts, revisions. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { appsPrinters, controllerOf } from '../../../src/apis/apps/printers.js';
import type { KubeObject } from '../../../src/apis/meta/types.js';

const t = { timeout: 10_000 };
const now = Date.parse('2026-03-01T12:00:00Z');
const created = new Date(now - 3 * 3600_000).toISOString();
const cells = (resource: string, obj: Record<string, unknown>) => appsPrinters[resource].cells({ metadata: { name: 'w', creationTimestamp: created }, ...obj } as KubeObject, now);
const header = (resource: string) => appsPrinters[resource].columns.map((c) => `${c.name}${c.priority ? '*' : ''}`);
const template = { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }, { name: 'log', image: 'busybox' }] } };

describe('apps printers', t, () => {
  it('deployments: READY ready/desired, UP-TO-DATE, AVAILABLE, wide containers, images, selector', () => {
    assert.deepEqual(header('deployments'), ['Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers*', 'Images*', 'Selector*']);
    const d = cells('deployments', { spec: { replicas: 3, selector: { matchLabels: { app: 'w' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }] }, template }, status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 } });
    assert.deepEqual(d, ['w', '2/3', 3, 2, '3h', 'web,log', 'nginx:1.27,busybox', 'app=w,tier in (a,b)']);
    // A fresh deployment without status, and an empty selector printed as upstream's String(): ''.
    assert.deepEqual(cells('deployments', { spec: { replicas: 1, selector: {}, template } }).slice(1, 4), ['0/1', 0, 0]);
    assert.equal(cells('deployments', { spec: { selector: {}, template } })[7], '');
  });
  it('replicasets: DESIRED, CURRENT, READY as integers, selector "<none>" when empty', () => {
    assert.deepEqual(header('replicasets'), ['Name', 'Desired', 'Current', 'Ready', 'Age', 'Containers*', 'Images*', 'Selector*']);
    assert.deepEqual(cells('replicasets', { spec: { replicas: 2, selector: { matchLabels: { app: 'w' } }, template }, status: { replicas: 2, readyReplicas: 1 } }), ['w', 2, 2, 1, '3h', 'web,log', 'nginx:1.27,busybox', 'app=w']);
    assert.equal(cells('replicasets', { spec: { selector: {}, template } })[7], '<none>');
  });
  it('statefulsets: READY ready/desired', () => {
    assert.deepEqual(header('statefulsets'), ['Name', 'Ready', 'Age', 'Containers*', 'Images*']);
    assert.deepEqual(cells('statefulsets', { spec: { replicas: 3, template }, status: { readyReplicas: 1 } }), ['w', '1/3', '3h', 'web,log', 'nginx:1.27,busybox']);
  });
  it('daemonsets: five counts and the node selector', () => {
    assert.deepEqual(header('daemonsets'), ['Name', 'Desired', 'Current', 'Ready', 'Up-to-date', 'Available', 'Node Selector', 'Age', 'Containers*', 'Images*', 'Selector*']);
    const ds = cells('daemonsets', {
      spec: { selector: { matchLabels: { app: 'd' } }, template: { spec: { ...template.spec, nodeSelector: { 'kubernetes.io/os': 'linux' } } } },
      status: { desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2, updatedNumberScheduled: 1, numberAvailable: 2 },
    });
    assert.deepEqual(ds, ['w', 3, 3, 2, 1, 2, 'kubernetes.io/os=linux', '3h', 'web,log', 'nginx:1.27,busybox', 'app=d']);
    assert.equal(cells('daemonsets', { spec: { template } })[6], '<none>');
  });
  it('controllerrevisions: CONTROLLER as kind.group/name, REVISION', () => {
    assert.deepEqual(header('controllerrevisions'), ['Name', 'Controller', 'Revision', 'Age']);
    const owned = { metadata: { name: 'w-1', creationTimestamp: created, ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'u0' }, { apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'u', controller: true }] }, revision: 4 };
    assert.deepEqual(cells('controllerrevisions', owned), ['w-1', 'statefulset.apps/web', 4, '3h']);
    assert.equal(controllerOf({ metadata: { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'n', controller: true }] } }), 'node/n');
    assert.equal(controllerOf({ metadata: {} }), '<none>');
  });
});
