/**
 * RBAC escalation prevention (upstream's rbac registry policybased storage): a user may create or
 * update a Role/ClusterRole only with permissions they already hold, unless allowed the
 * `escalate` verb on it; and may bind a role only if they hold all of its permissions, unless
 * allowed the `bind` verb on it. Refusals are 403 with upstream's message.
 */
import { ApiError, forbidden } from '../../apis/meta/errors.js';
import type { KubeObject } from '../../apis/meta/types.js';
import type { Authorizer } from '../../auth/authz/authorizer.js';
import { checkEscalation, escalationAllowed, type PolicyRule, type PolicyRuleResolver, rulesOf } from '../../auth/authz/rbac/evaluator.js';
import type { AdmissionAttributes, AdmissionPlugin } from '../plugin.js';

const group = 'rbac.authorization.k8s.io';

/** Filled in once the secure port's policy exists; until then (or without RBAC) nothing is checked. */
export interface RbacPolicyHolder {
  authorizer?: Authorizer;
  resolver?: PolicyRuleResolver;
}

async function allowedVerb(a: AdmissionAttributes, authorizer: Authorizer, verb: string, resource: string, namespace: string, name: string): Promise<boolean> {
  const r = await authorizer.authorize({ user: a.user, verb, resourceRequest: true, path: '', apiGroup: group, apiVersion: 'v1', resource, subresource: '', namespace, name });
  return r.decision === 'allow';
}

export function newRbacEscalation(holder: RbacPolicyHolder, getRole: (kind: 'Role' | 'ClusterRole', namespace: string, name: string) => Promise<KubeObject | null>): AdmissionPlugin {
  return {
    name: 'RBACEscalation',
    handles: (op) => op === 'CREATE' || op === 'UPDATE',
    async validate(a) {
      const { authorizer, resolver } = holder;
      if (!authorizer || !resolver || a.resource.group !== group || a.subresource || !a.object || escalationAllowed(a.user)) return;
      const res = a.resource.resource;
      let rules: PolicyRule[];
      if (res === 'roles' || res === 'clusterroles') {
        if (await allowedVerb(a, authorizer, 'escalate', res, a.namespace, a.name)) return;
        rules = rulesOf(a.object);
      } else if (res === 'rolebindings' || res === 'clusterrolebindings') {
        const ref = (a.object.roleRef ?? {}) as { kind?: string; name?: string };
        const refResource = ref.kind === 'Role' ? 'roles' : 'clusterroles';
        if (await allowedVerb(a, authorizer, 'bind', refResource, ref.kind === 'Role' ? a.namespace : '', ref.name ?? '')) return;
        const role = await getRole(ref.kind === 'Role' ? 'Role' : 'ClusterRole', a.namespace, ref.name ?? '');
        if (!role) throw forbidden(a.resource, a.name, `${ref.kind === 'Role' ? 'roles' : 'clusterroles'}.${group} "${ref.name}" not found`);
        rules = rulesOf(role);
      } else {
        return;
      }
      const check = await checkEscalation(a.user, rules, a.namespace, resolver);
      if (check) throw new ApiError(403, 'Forbidden', `${res}.${group} "${a.name}" is forbidden: ${check.message}`, { name: a.name, group, kind: res });
    },
  };
}
