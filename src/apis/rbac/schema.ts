/**
 * rbac.authorization.k8s.io/v1 type table: Role, ClusterRole, their bindings and lists, from
 * k8s.io/api/rbac/v1 types.go. Spec strings match src/protobuf/types-groups.ts; format: src/schema/format.ts.
 * `rules` carries no omitempty upstream (an empty Role prints `rules: null`), hence the `!`.
 */
import type { TypeTable } from '../../schema/format.js';
import { listOf, metadataField } from '../meta/schema-list.js';

const rbacV1 = (kind: string) => [{ group: 'rbac.authorization.k8s.io', version: 'v1', kind }];

export const rbacTypes: TypeTable = {
  PolicyRule: {
    name: 'io.k8s.api.rbac.v1.PolicyRule',
    description: 'One grant of permission: which verbs on which resources (or non-resource URLs). It says nothing about who receives it; bindings do that.',
    fields: [
      ['1 verbs []!', "The verbs allowed, such as get, list, watch, create, update, patch, delete; '*' allows every verb.", { required: true }],
      ['2 apiGroups []', "API groups holding the resources; '' is the core group and '*' matches any group."],
      ['3 resources []', "Resource names (plural, lower case, optionally 'resource/subresource') the rule covers; '*' matches all."],
      ['4 resourceNames []', 'Restricts the rule to objects with these names; empty means every object.'],
      ['5 nonResourceURLs []', "URL paths that are not API resources (such as /healthz); a trailing '*' matches a prefix. Only meaningful in a ClusterRole bound by a ClusterRoleBinding, and never mixed with resources."],
    ],
  },
  Subject: {
    name: 'io.k8s.api.rbac.v1.Subject',
    description: 'Who a binding grants its role to: a user, a group or a service account.',
    structType: 'atomic',
    fields: [
      ['1 kind !', 'User, Group or ServiceAccount.', { required: true }],
      ['2 apiGroup', "Group of the subject's kind: '' for ServiceAccount, rbac.authorization.k8s.io for User and Group (the defaults)."],
      ['3 name !', 'Name of the user, group or service account.', { required: true }],
      ['4 namespace', 'Namespace of a ServiceAccount subject; must be empty for users and groups.'],
    ],
  },
  RoleRef: {
    name: 'io.k8s.api.rbac.v1.RoleRef',
    description: 'The role a binding grants. It cannot be changed once the binding exists.',
    structType: 'atomic',
    fields: [
      ['1 apiGroup !', 'Group of the referenced role: rbac.authorization.k8s.io.', { required: true }],
      ['2 kind !', 'Role or ClusterRole.', { required: true }],
      ['3 name !', 'Name of the role.', { required: true }],
    ],
  },
  Role: {
    name: 'io.k8s.api.rbac.v1.Role',
    description: 'A set of permission rules valid inside one namespace, granted to subjects by RoleBindings.',
    gvk: rbacV1('Role'),
    fields: [
      metadataField,
      ['2 rules PolicyRule[]!', 'The permissions this role grants.'],
    ],
  },
  RoleList: listOf('io.k8s.api.rbac.v1.RoleList', 'Role', rbacV1('Role'), 'The Roles.'),
  RoleBinding: {
    name: 'io.k8s.api.rbac.v1.RoleBinding',
    description: "Grants a Role of its own namespace, or a ClusterRole, to subjects; the permissions hold only in the binding's namespace.",
    gvk: rbacV1('RoleBinding'),
    fields: [
      metadataField,
      ['2 subjects Subject[]', 'The users, groups and service accounts receiving the role.'],
      ['3 roleRef RoleRef', 'The Role in this namespace or the ClusterRole being granted; an unresolvable reference grants nothing.', { required: true }],
    ],
  },
  RoleBindingList: listOf('io.k8s.api.rbac.v1.RoleBindingList', 'RoleBinding', rbacV1('RoleBinding'), 'The RoleBindings.'),
  ClusterRole: {
    name: 'io.k8s.api.rbac.v1.ClusterRole',
    description: 'A cluster-wide set of permission rules, granted by ClusterRoleBindings everywhere or by RoleBindings in one namespace.',
    gvk: rbacV1('ClusterRole'),
    fields: [
      metadataField,
      ['2 rules PolicyRule[]!', 'The permissions this role grants. With an aggregationRule, a controller owns this list and overwrites edits.'],
      ['3 aggregationRule AggregationRule', 'Optional: builds the rules from every ClusterRole matching its selectors.'],
    ],
  },
  AggregationRule: {
    name: 'io.k8s.api.rbac.v1.AggregationRule',
    description: 'Selects the ClusterRoles whose rules are merged into an aggregated ClusterRole.',
    fields: [
      ['1 clusterRoleSelectors LabelSelector[]', 'Label selectors over ClusterRoles; the rules of a role matching any of them are added.'],
    ],
  },
  ClusterRoleList: listOf('io.k8s.api.rbac.v1.ClusterRoleList', 'ClusterRole', rbacV1('ClusterRole'), 'The ClusterRoles.'),
  ClusterRoleBinding: {
    name: 'io.k8s.api.rbac.v1.ClusterRoleBinding',
    description: 'Grants a ClusterRole to subjects across the whole cluster.',
    gvk: rbacV1('ClusterRoleBinding'),
    fields: [
      metadataField,
      ['2 subjects Subject[]', 'The users, groups and service accounts receiving the role.'],
      ['3 roleRef RoleRef', 'The ClusterRole being granted; an unresolvable reference grants nothing.', { required: true }],
    ],
  },
  ClusterRoleBindingList: listOf('io.k8s.api.rbac.v1.ClusterRoleBindingList', 'ClusterRoleBinding', rbacV1('ClusterRoleBinding'), 'The ClusterRoleBindings.'),
};
