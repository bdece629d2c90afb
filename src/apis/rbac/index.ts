/**
 * rbac.authorization.k8s.io/v1 (pkg/registry/rbac): names are path segments (ValidateRBACName),
 * so `system:kube-scheduler` is a valid ClusterRole name. PUT may create (AllowCreateOnUpdate).
 * The escalation checks of upstream's RBAC storage belong to the authorizer, not here.
 */
import type { ResourceDef } from '../../registry/rest.js';
import { defineResource } from '../core/define.js';

const rbacV1 = { group: 'rbac.authorization.k8s.io', versions: ['v1'] };
const opts = { nameValidation: 'pathSegment' as const, strategy: { allowCreateOnUpdate: true } };

export const rbacResources: ResourceDef[] = [
  defineResource(rbacV1, 'clusterrolebindings', 'ClusterRoleBinding', false, opts),
  defineResource(rbacV1, 'clusterroles', 'ClusterRole', false, opts),
  defineResource(rbacV1, 'rolebindings', 'RoleBinding', true, opts),
  defineResource(rbacV1, 'roles', 'Role', true, opts),
];
