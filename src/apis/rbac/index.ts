/**
 * rbac.authorization.k8s.io/v1 (pkg/registry/rbac): names are path segments (ValidateRBACName),
 * so `system:kube-scheduler` is a valid ClusterRole name. PUT may create (AllowCreateOnUpdate).
 * The escalation checks of upstream's RBAC storage belong to the authorizer, not here.
 */
import type { ResourceDef } from '../../registry/rest.js';
import type { Strategy } from '../../registry/rest.js';
import { defineResource } from '../core/define.js';
import { typedStrategy } from '../apps/typed-strategy.js';
import { defaultBinding, validateBinding, validateBindingUpdate, validateRole } from './validation.js';

const rbacV1 = { group: 'rbac.authorization.k8s.io', versions: ['v1'] };
const opts = (strategy: Strategy) => ({ nameValidation: 'pathSegment' as const, strategy: { ...strategy, allowCreateOnUpdate: true } });
const role = (namespaced: boolean) => opts(typedStrategy({ validate: validateRole(namespaced) }));
const binding = (namespaced: boolean) => opts(typedStrategy({ defaults: defaultBinding, validate: validateBinding(namespaced), validateUpdate: validateBindingUpdate }));

export const rbacResources: ResourceDef[] = [
  defineResource(rbacV1, 'clusterrolebindings', 'ClusterRoleBinding', false, binding(false)),
  defineResource(rbacV1, 'clusterroles', 'ClusterRole', false, role(false)),
  defineResource(rbacV1, 'rolebindings', 'RoleBinding', true, binding(true)),
  defineResource(rbacV1, 'roles', 'Role', true, role(true)),
];
