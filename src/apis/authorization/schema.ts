/**
 * authorization.k8s.io/v1 type table: the four access reviews (kubectl auth can-i sends them)
 * and their specs and statuses, from k8s.io/api/authorization/v1 types.go as of v1.32 (later
 * conditional-authorization fields are left out). Spec strings match src/protobuf/types-groups.ts.
 * FieldSelectorRequirement and LabelSelectorRequirement are meta/v1 types, defined by the meta table.
 */
import type { TypeTable } from '../../schema/format.js';

const authzV1 = (kind: string) => [{ group: 'authorization.k8s.io', version: 'v1', kind }];
const objectMeta = 'Standard object metadata; reviews are never stored, so it is mostly empty.';
const reviewStatus = 'Filled in by the server: whether the action is allowed, and why.';

export const authorizationTypes: TypeTable = {
  SubjectAccessReview: {
    name: 'io.k8s.api.authorization.v1.SubjectAccessReview',
    description: 'Asks whether a given user or group may perform an action.',
    gvk: authzV1('SubjectAccessReview'),
    fields: [
      ['1 metadata ObjectMeta', objectMeta],
      ['2 spec SubjectAccessReviewSpec', 'The user and the action to check.', { required: true }],
      ['3 status SubjectAccessReviewStatus', reviewStatus],
    ],
  },
  SelfSubjectAccessReview: {
    name: 'io.k8s.api.authorization.v1.SelfSubjectAccessReview',
    description: 'Asks whether the caller may perform an action. Anyone may ask about themselves; an empty namespace means all namespaces.',
    gvk: authzV1('SelfSubjectAccessReview'),
    fields: [
      ['1 metadata ObjectMeta', objectMeta],
      ['2 spec SelfSubjectAccessReviewSpec', 'The action to check; the user is the caller.', { required: true }],
      ['3 status SubjectAccessReviewStatus', reviewStatus],
    ],
  },
  LocalSubjectAccessReview: {
    name: 'io.k8s.api.authorization.v1.LocalSubjectAccessReview',
    description: 'A SubjectAccessReview confined to one namespace, so that namespace-scoped RBAC can grant the right to ask.',
    gvk: authzV1('LocalSubjectAccessReview'),
    fields: [
      ['1 metadata ObjectMeta', objectMeta],
      ['2 spec SubjectAccessReviewSpec', 'The user and the action to check; spec.resourceAttributes.namespace must be the request namespace, and is defaulted to it when empty.', { required: true }],
      ['3 status SubjectAccessReviewStatus', reviewStatus],
    ],
  },
  ResourceAttributes: {
    name: 'io.k8s.api.authorization.v1.ResourceAttributes',
    description: 'The attributes of an API resource request, as an authorizer sees them.',
    fields: [
      ['1 namespace', 'Namespace of the action. Empty means all namespaces for namespaced resources, and is right for cluster-scoped ones.'],
      ['2 verb', "The API verb: get, list, watch, create, update, patch, delete, deletecollection, proxy...; '*' means any."],
      ['3 group', "API group of the resource; '*' means any."],
      ['4 version', "API version of the resource; '*' means any."],
      ['5 resource', "The resource (plural name); '*' means any."],
      ['6 subresource', 'The subresource, if any; empty means none.'],
      ['7 name', 'Name of the object acted on; empty means all.'],
      ['8 fieldSelector FieldSelectorAttributes', 'Limits the check to a field selector; it can only narrow access.'],
      ['9 labelSelector LabelSelectorAttributes', 'Limits the check to a label selector; it can only narrow access.'],
    ],
  },
  LabelSelectorAttributes: {
    name: 'io.k8s.api.authorization.v1.LabelSelectorAttributes',
    description: 'A label selector limiting the access asked about. Set rawSelector or requirements, not both; with neither the request is not limited.',
    fields: [
      ['1 rawSelector', 'The selector as it would appear in a query parameter; parsed by the API server when requirements is empty. Webhooks should prefer requirements.'],
      ['2 requirements LabelSelectorRequirement[]', 'The parsed selector; all must match. Since they only narrow access, a webhook may ignore ones it does not understand.', { listType: 'atomic' }],
    ],
  },
  FieldSelectorAttributes: {
    name: 'io.k8s.api.authorization.v1.FieldSelectorAttributes',
    description: 'A field selector limiting the access asked about. Set rawSelector or requirements, not both; with neither the request is not limited.',
    fields: [
      ['1 rawSelector', 'The selector as it would appear in a query parameter; parsed by the API server when requirements is empty. Webhooks should prefer requirements.'],
      ['2 requirements FieldSelectorRequirement[]', 'The parsed selector; all must match. Since they only narrow access, a webhook may ignore ones it does not understand.', { listType: 'atomic' }],
    ],
  },
  NonResourceAttributes: {
    name: 'io.k8s.api.authorization.v1.NonResourceAttributes',
    description: 'The attributes of a request for a non-resource URL such as /healthz.',
    fields: [
      ['1 path', 'The URL path.'],
      ['2 verb', 'The lower-case HTTP verb: get, post, put, delete...'],
    ],
  },
  SubjectAccessReviewSpec: {
    name: 'io.k8s.api.authorization.v1.SubjectAccessReviewSpec',
    description: 'The access to check and for whom. Exactly one of resourceAttributes and nonResourceAttributes is set.',
    fields: [
      ['1 resourceAttributes ResourceAttributes', 'Set for a resource request.'],
      ['2 nonResourceAttributes NonResourceAttributes', 'Set for a non-resource URL request.'],
      ['3 user', 'The user to check for. A user without groups is checked as a member of no group.'],
      ['4 groups []', 'The groups to check for.', { listType: 'atomic' }],
      ['5 extra ExtraValue{}', 'Extra user attributes, as an authenticator would report them; some authorizers use them.'],
      ['6 uid', 'The uid of the user.'],
    ],
  },
  SelfSubjectAccessReviewSpec: {
    name: 'io.k8s.api.authorization.v1.SelfSubjectAccessReviewSpec',
    description: 'The access the caller asks about. Exactly one of resourceAttributes and nonResourceAttributes is set.',
    fields: [
      ['1 resourceAttributes ResourceAttributes', 'Set for a resource request.'],
      ['2 nonResourceAttributes NonResourceAttributes', 'Set for a non-resource URL request.'],
    ],
  },
  SubjectAccessReviewStatus: {
    name: 'io.k8s.api.authorization.v1.SubjectAccessReviewStatus',
    description: 'The decision on an access review. Neither allowed nor denied means no authorizer had an opinion.',
    fields: [
      ['1 allowed b!', 'True when the action would be allowed.', { required: true }],
      ['4 denied b', 'True when an authorizer explicitly denies the action; never true together with allowed.'],
      ['2 reason', 'Why the action was allowed or denied.'],
      ['3 evaluationError', 'An error met while deciding; the decision may still hold, since authorizers can often decide without everything.'],
    ],
  },
  SelfSubjectRulesReview: {
    name: 'io.k8s.api.authorization.v1.SelfSubjectRulesReview',
    description: 'Lists what the caller may do in a namespace (kubectl auth can-i --list). Meant for UIs; the list may be incomplete, so real decisions belong to SubjectAccessReview.',
    gvk: authzV1('SelfSubjectRulesReview'),
    fields: [
      ['1 metadata ObjectMeta', objectMeta],
      ['2 spec SelfSubjectRulesReviewSpec', 'The namespace to list rules for.', { required: true }],
      ['3 status SubjectRulesReviewStatus', 'Filled in by the server: the rules the caller holds.'],
    ],
  },
  SelfSubjectRulesReviewSpec: {
    name: 'io.k8s.api.authorization.v1.SelfSubjectRulesReviewSpec',
    description: 'What a SelfSubjectRulesReview asks about.',
    fields: [
      ['1 namespace', 'The namespace to evaluate rules in; required.'],
    ],
  },
  SubjectRulesReviewStatus: {
    name: 'io.k8s.api.authorization.v1.SubjectRulesReviewStatus',
    description: 'The rules a subject holds. Rules only add permissions, so a listed rule is real even when the list is incomplete.',
    fields: [
      ['1 resourceRules ResourceRule[]!', 'What the subject may do on resources; unordered, may repeat, may be incomplete.', { required: true, listType: 'atomic' }],
      ['2 nonResourceRules NonResourceRule[]!', 'What the subject may do on non-resource URLs; unordered, may repeat, may be incomplete.', { required: true, listType: 'atomic' }],
      ['3 incomplete b!', 'True when some authorizer (often a webhook) cannot list its rules, so the lists miss something.', { required: true }],
      ['4 evaluationError', 'An error met while listing rules, which also makes the lists incomplete.'],
    ],
  },
  ResourceRule: {
    name: 'io.k8s.api.authorization.v1.ResourceRule',
    description: 'Actions a subject may perform on resources.',
    fields: [
      ['1 verbs []!', "API verbs such as get, list, watch, create, update, delete; '*' means all.", { required: true, listType: 'atomic' }],
      ['2 apiGroups []', "API groups of the resources; '*' means all.", { listType: 'atomic' }],
      ['3 resources []', "Resources the rule covers; '*' means all in the groups, '*/foo' the subresource foo of all of them.", { listType: 'atomic' }],
      ['4 resourceNames []', "Object names the rule is limited to; empty or '*' means all.", { listType: 'atomic' }],
    ],
  },
  NonResourceRule: {
    name: 'io.k8s.api.authorization.v1.NonResourceRule',
    description: 'Actions a subject may perform on non-resource URLs.',
    fields: [
      ['1 verbs []!', "HTTP verbs such as get, post, put, delete, patch, head, options; '*' means all.", { required: true, listType: 'atomic' }],
      ['2 nonResourceURLs []', "URL paths; a final '*' matches a prefix, and '*' alone matches all.", { listType: 'atomic' }],
    ],
  },
};
