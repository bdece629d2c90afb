import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { createErrors, strategyOf, updateErrors } from '../strategy-fixture.js';

const g = 'rbac.authorization.k8s.io';

describe('rbac.authorization.k8s.io/v1 roles', () => {
  const role = strategyOf(g, 'roles');
  const clusterRole = strategyOf(g, 'clusterroles');
  const obj = (rules: unknown[], extra: Record<string, unknown> = {}): KubeObject => ({ metadata: { name: 'r', namespace: 'ns' }, rules, ...extra });
  const cases: Array<[string, KubeObject, string[], boolean?]> = [
    ['valid resource rule', obj([{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }]), []],
    ['verbs required', obj([{ apiGroups: [''], resources: ['pods'] }]), ['rules[0].verbs: Required value: verbs must contain at least one value']],
    ['resource rule without groups or resources', obj([{ verbs: ['get'] }]), [
      'rules[0].apiGroups: Required value: resource rules must supply at least one api group',
      'rules[0].resources: Required value: resource rules must supply at least one resource',
    ]],
    ['namespaced non-resource URLs', obj([{ nonResourceURLs: ['/healthz'], verbs: ['get'] }]), ['rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs']],
  ];
  for (const [name, o, want] of cases) it(name, () => assert.deepEqual(createErrors(role, o), want));
  it('cluster roles may name non-resource URLs, but not with resources', () => {
    assert.deepEqual(createErrors(clusterRole, obj([{ nonResourceURLs: ['/healthz'], verbs: ['get'] }])), []);
    assert.deepEqual(createErrors(clusterRole, obj([{ nonResourceURLs: ['/healthz'], resources: ['pods'], verbs: ['get'] }])),
      ['rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: rules cannot apply to both regular resources and non-resource URLs']);
  });
  it('an aggregation rule needs selectors', () => assert.deepEqual(createErrors(clusterRole, obj([], { aggregationRule: {} })),
    ['aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil']));
});

describe('rbac.authorization.k8s.io/v1 bindings', () => {
  const rb = strategyOf(g, 'rolebindings');
  const crb = strategyOf(g, 'clusterrolebindings');
  const binding = (roleRef: Record<string, unknown>, subjects: unknown[] = [{ kind: 'User', name: 'alice' }]): KubeObject =>
    ({ metadata: { name: 'b', namespace: 'ns' }, roleRef, subjects });

  it('roleRef.apiGroup and User/Group subjects default to the RBAC group', () => {
    const o = binding({ kind: 'Role', name: 'view' }, [{ kind: 'User', name: 'alice' }, { kind: 'ServiceAccount', name: 'default', namespace: 'ns' }]);
    assert.deepEqual(createErrors(rb, o), []);
    assert.deepEqual(o.roleRef, { kind: 'Role', name: 'view', apiGroup: g });
    assert.deepEqual(o.subjects, [{ kind: 'User', name: 'alice', apiGroup: g }, { kind: 'ServiceAccount', name: 'default', namespace: 'ns' }]);
  });
  const cases: Array<[string, KubeObject, string[]]> = [
    ['cluster bindings refer to ClusterRoles only', binding({ kind: 'Role', name: 'view' }), ['roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"']],
    ['roleRef name required', binding({ kind: 'ClusterRole' }), ['roleRef.name: Required value']],
    ['service account needs a namespace in a cluster binding', binding({ kind: 'ClusterRole', name: 'view' }, [{ kind: 'ServiceAccount', name: 'sa' }]), ['subjects[0].namespace: Required value']],
    ['unknown subject kind', binding({ kind: 'ClusterRole', name: 'view' }, [{ kind: 'Robot', name: 'r2' }]), ['subjects[0].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"']],
  ];
  for (const [name, o, want] of cases) it(name, () => assert.deepEqual(createErrors(crb, o), want));
  it('roleRef cannot change', () => {
    const old = binding({ kind: 'ClusterRole', name: 'view' });
    createErrors(crb, old);
    assert.deepEqual(updateErrors(crb, binding({ kind: 'ClusterRole', name: 'edit' }), old),
      ['roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef']);
  });
});
