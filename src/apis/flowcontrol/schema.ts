/**
 * flowcontrol.apiserver.k8s.io/v1 type table: FlowSchema and PriorityLevelConfiguration (API
 * Priority and Fairness) with their lists, from k8s.io/api/flowcontrol/v1 types.go.
 * Format: src/schema/format.ts. Its Subject clashes with rbac's, hence FlowcontrolV1Subject.
 * Several int and list fields lack omitempty upstream, so Go always emits them (the `!`).
 */
import type { FieldMeta, TypeTable } from '../../schema/format.js';
import { listOf, metadataField } from '../meta/schema-list.js';

const flowcontrolV1 = (kind: string) => [{ group: 'flowcontrol.apiserver.k8s.io', version: 'v1', kind }];
const conditionsByType: FieldMeta = { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] };
const requiredSet: FieldMeta = { required: true, listType: 'set' };

export const flowcontrolTypes: TypeTable = {
  FlowSchema: {
    name: 'io.k8s.api.flowcontrol.v1.FlowSchema',
    description: 'Sorts incoming API requests into flows and assigns them a priority level. A flow is the FlowSchema name plus a distinguisher (user or namespace).',
    gvk: flowcontrolV1('FlowSchema'),
    fields: [
      metadataField,
      ['2 spec FlowSchemaSpec', 'Which requests match, at what precedence, and which priority level they go to.'],
      ['3 status FlowSchemaStatus', 'Current conditions of the FlowSchema.'],
    ],
  },
  FlowSchemaList: listOf('io.k8s.api.flowcontrol.v1.FlowSchemaList', 'FlowSchema', flowcontrolV1('FlowSchema'), 'The FlowSchemas.'),
  FlowSchemaSpec: {
    name: 'io.k8s.api.flowcontrol.v1.FlowSchemaSpec',
    description: 'What a FlowSchema matches and where it sends the matched requests.',
    fields: [
      ['1 priorityLevelConfiguration PriorityLevelConfigurationReference', 'The priority level matched requests are handled at; when it does not exist the FlowSchema is ignored and marked invalid.', { required: true }],
      ['2 matchingPrecedence i32!', 'Among matching FlowSchemas the lowest value wins; 1 to 10000, defaulting to 1000.'],
      ['3 distinguisherMethod FlowDistinguisherMethod', 'How matched requests are split into flows; unset puts them all in one flow.'],
      ['4 rules PolicyRulesWithSubjects[]', 'The FlowSchema matches a request when any rule does; an empty list matches nothing.', { listType: 'atomic' }],
    ],
  },
  FlowDistinguisherMethod: {
    name: 'io.k8s.api.flowcontrol.v1.FlowDistinguisherMethod',
    description: 'How requests of a FlowSchema are told apart into flows.',
    fields: [
      ['1 type !', 'ByUser (one flow per user) or ByNamespace (one flow per namespace acted on; empty for cluster-scoped and non-resource requests).', { required: true }],
    ],
  },
  PriorityLevelConfigurationReference: {
    name: 'io.k8s.api.flowcontrol.v1.PriorityLevelConfigurationReference',
    description: 'Names the priority level a FlowSchema uses.',
    fields: [
      ['1 name !', 'Name of the PriorityLevelConfiguration.', { required: true }],
    ],
  },
  PolicyRulesWithSubjects: {
    name: 'io.k8s.api.flowcontrol.v1.PolicyRulesWithSubjects',
    description: 'A request test: it matches when some subject matches the requester and some rule matches the action.',
    fields: [
      ['1 subjects FlowcontrolV1Subject[]!', 'Users, groups or service accounts; at least one. system:authenticated together with system:unauthenticated matches everyone.', { required: true, listType: 'atomic' }],
      ['2 resourceRules ResourcePolicyRule[]', 'Rules on verbs and resources; this or nonResourceRules must be non-empty.', { listType: 'atomic' }],
      ['3 nonResourceRules NonResourcePolicyRule[]', 'Rules on verbs and non-resource URLs.', { listType: 'atomic' }],
    ],
  },
  FlowcontrolV1Subject: {
    name: 'io.k8s.api.flowcontrol.v1.Subject',
    description: 'Matches who made a request: a user, a group or a service account; kind says which field is set.',
    fields: [
      ['1 kind !', 'User, Group or ServiceAccount.', { required: true }],
      ['2 user UserSubject', 'Set when kind is User.'],
      ['3 group GroupSubject', 'Set when kind is Group.'],
      ['4 serviceAccount ServiceAccountSubject', 'Set when kind is ServiceAccount.'],
    ],
  },
  UserSubject: {
    name: 'io.k8s.api.flowcontrol.v1.UserSubject',
    description: 'Matches requests by user name.',
    fields: [
      ['1 name !', "The user name, or '*' for every user.", { required: true }],
    ],
  },
  GroupSubject: {
    name: 'io.k8s.api.flowcontrol.v1.GroupSubject',
    description: 'Matches requests by user group.',
    fields: [
      ['1 name !', "The group, such as system:authenticated, or '*' for every group.", { required: true }],
    ],
  },
  ServiceAccountSubject: {
    name: 'io.k8s.api.flowcontrol.v1.ServiceAccountSubject',
    description: 'Matches requests made by service accounts.',
    fields: [
      ['1 namespace !', 'Namespace of the service accounts.', { required: true }],
      ['2 name !', "Name of the service account, or '*' for all in the namespace.", { required: true }],
    ],
  },
  ResourcePolicyRule: {
    name: 'io.k8s.api.flowcontrol.v1.ResourcePolicyRule',
    description: 'Matches resource requests when verb, API group and resource each match an entry, and the namespace matches (or the request has none and clusterScope is true).',
    fields: [
      ['1 verbs []!', "Verbs to match, not empty; '*' (alone) matches all.", requiredSet],
      ['2 apiGroups []!', "API groups to match, not empty; '*' (alone) matches all.", requiredSet],
      ['3 resources []!', "Resources (lower-case plural, optionally with /subresource) to match, not empty; '*' (alone) matches all.", requiredSet],
      ['4 clusterScope b', 'Also match requests without a namespace (cluster-scoped resources, or all namespaces at once). When false, namespaces must not be empty.'],
      ['5 namespaces []!', "Namespaces to match; '*' matches any namespace but not requests without one. May be empty only with clusterScope.", { listType: 'set' }],
    ],
  },
  NonResourcePolicyRule: {
    name: 'io.k8s.api.flowcontrol.v1.NonResourcePolicyRule',
    description: 'Matches non-resource requests when the verb and URL each match an entry.',
    fields: [
      ['1 verbs []!', "Verbs to match, not empty; '*' (alone) matches all.", requiredSet],
      ['6 nonResourceURLs []!', "URL prefixes to match, not empty, such as /healthz or /healthz/*; '*' (alone) matches all.", requiredSet],
    ],
  },
  FlowSchemaStatus: {
    name: 'io.k8s.api.flowcontrol.v1.FlowSchemaStatus',
    description: 'Observed state of a FlowSchema.',
    fields: [
      ['1 conditions FlowSchemaCondition[]', 'Current conditions, such as Dangling when the priority level is missing.', conditionsByType],
    ],
  },
  FlowSchemaCondition: {
    name: 'io.k8s.api.flowcontrol.v1.FlowSchemaCondition',
    description: 'One condition of a FlowSchema.',
    fields: [
      ['1 type', 'The kind of condition.'],
      ['2 status', 'True, False or Unknown.'],
      ['3 lastTransitionTime Time', 'When the status last changed.'],
      ['4 reason', 'One CamelCase word saying why the status last changed.'],
      ['5 message', 'A human-readable explanation of the last change.'],
    ],
  },
  PriorityLevelConfiguration: {
    name: 'io.k8s.api.flowcontrol.v1.PriorityLevelConfiguration',
    description: 'A priority level: the share of the server\'s concurrency its requests get and what happens to those that must wait.',
    gvk: flowcontrolV1('PriorityLevelConfiguration'),
    fields: [
      metadataField,
      ['2 spec PriorityLevelConfigurationSpec', 'Whether requests at this level are limited, and how.'],
      ['3 status PriorityLevelConfigurationStatus', 'Current conditions of the priority level.'],
    ],
  },
  PriorityLevelConfigurationList: listOf('io.k8s.api.flowcontrol.v1.PriorityLevelConfigurationList', 'PriorityLevelConfiguration', flowcontrolV1('PriorityLevelConfiguration'), 'The PriorityLevelConfigurations.'),
  PriorityLevelConfigurationSpec: {
    name: 'io.k8s.api.flowcontrol.v1.PriorityLevelConfigurationSpec',
    description: 'How requests at a priority level are handled; type says which of limited and exempt applies.',
    fields: [
      ['1 type !', 'Exempt (never limited or queued, and takes nothing from other levels) or Limited (gets its own share of the server\'s capacity).', { required: true }],
      ['2 limited LimitedPriorityLevelConfiguration', 'Settings of a Limited level; set exactly when type is Limited.'],
      ['3 exempt ExemptPriorityLevelConfiguration', 'Settings of an Exempt level; must be empty for Limited, defaulted when empty for Exempt.'],
    ],
  },
  LimitedPriorityLevelConfiguration: {
    name: 'io.k8s.api.flowcontrol.v1.LimitedPriorityLevelConfiguration',
    description: 'The limits of a Limited priority level and what happens to requests over them.',
    fields: [
      ['1 nominalConcurrencyShares i32*!', "This level's share of the server's concurrency limit, relative to the shares of all levels; defaults to 30. Zero makes a level that holds requests without running them."],
      ['2 limitResponse LimitResponse', 'What to do with requests that cannot run now: queue or reject.'],
      ['3 lendablePercent i32*', 'Percentage (0-100, default 0) of this level\'s seats other levels may borrow.'],
      ['4 borrowingLimitPercent i32*', 'Most seats this level may borrow from others, as a percentage of its own nominal limit (may exceed 100); unset means no limit.'],
    ],
  },
  ExemptPriorityLevelConfiguration: {
    name: 'io.k8s.api.flowcontrol.v1.ExemptPriorityLevelConfiguration',
    description: 'The adjustable settings of an Exempt priority level; they shape how much others may borrow, never its own dispatching.',
    fields: [
      ['1 nominalConcurrencyShares i32*', 'Seats nominally reserved for this level, relative to the shares of all levels; defaults to 0.'],
      ['2 lendablePercent i32*', 'Percentage (0-100, default 0) of those seats other levels may borrow.'],
    ],
  },
  LimitResponse: {
    name: 'io.k8s.api.flowcontrol.v1.LimitResponse',
    description: 'What a Limited level does with requests it cannot run at once.',
    fields: [
      ['1 type !', 'Queue (hold requests until they can run or a queue limit is hit) or Reject (refuse them with 429).', { required: true }],
      ['2 queuing QueuingConfiguration', 'Queue settings; only with type Queue.'],
    ],
  },
  QueuingConfiguration: {
    name: 'io.k8s.api.flowcontrol.v1.QueuingConfiguration',
    description: 'Queues of a priority level, with shuffle sharding of flows onto them.',
    fields: [
      ['1 queues i32!', 'Number of queues at each API server, positive (default 64); 1 turns shuffle sharding off.'],
      ['2 handSize i32!', 'How many queues each flow is dealt (default 8); the request joins the shortest. At most queues, and much smaller is better.'],
      ['3 queueLengthLimit i32!', 'Most requests waiting in one queue, positive (default 50); more are rejected.'],
    ],
  },
  PriorityLevelConfigurationStatus: {
    name: 'io.k8s.api.flowcontrol.v1.PriorityLevelConfigurationStatus',
    description: 'Observed state of a priority level.',
    fields: [
      ['1 conditions PriorityLevelConfigurationCondition[]', 'Current conditions of the priority level.', conditionsByType],
    ],
  },
  PriorityLevelConfigurationCondition: {
    name: 'io.k8s.api.flowcontrol.v1.PriorityLevelConfigurationCondition',
    description: 'One condition of a priority level.',
    fields: [
      ['1 type', 'The kind of condition.'],
      ['2 status', 'True, False or Unknown.'],
      ['3 lastTransitionTime Time', 'When the status last changed.'],
      ['4 reason', 'One CamelCase word saying why the status last changed.'],
      ['5 message', 'A human-readable explanation of the last change.'],
    ],
  },
};
