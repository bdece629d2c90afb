/** RBAC printers: bindings print ROLE and, wide, their subjects split by kind. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { rbacPrinters, subjectColumns } from '../../../src/apis/rbac/printers.js';

const t = { timeout: 10_000 };

describe('rbac printers', t, () => {
  it('subjects by kind', () => {
    assert.deepEqual(subjectColumns([
      { kind: 'User', name: 'alice' }, { kind: 'Group', name: 'devs' }, { kind: 'ServiceAccount', namespace: 'kube-system', name: 'sa' },
      { kind: 'User', name: 'bob' }, { kind: 'Other', name: 'x' },
    ]), ['alice, bob', 'devs', 'kube-system/sa']);
    assert.deepEqual(subjectColumns(undefined), ['', '', '']);
  });
  for (const resource of ['rolebindings', 'clusterrolebindings']) {
    it(resource, () => {
      const p = rbacPrinters[resource];
      assert.deepEqual(p.columns.map((c) => [c.name, c.priority]), [['Name', 0], ['Role', 0], ['Age', 0], ['Users', 1], ['Groups', 1], ['ServiceAccounts', 1]]);
      const b = { metadata: { name: 'b', creationTimestamp: '2026-03-01T11:00:00Z' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'Group', name: 'g' }] };
      assert.deepEqual(p.cells(b as KubeObject, Date.parse('2026-03-01T12:00:00Z')), ['b', 'ClusterRole/view', '60m', '', 'g', '']);
    });
  }
  it('roles and cluster roles have no printer (the default table applies)', () => {
    assert.equal(rbacPrinters.roles, undefined);
    assert.equal(rbacPrinters.clusterroles, undefined);
  });
});
