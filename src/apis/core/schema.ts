/**
 * Type table for core/v1 (staging/src/k8s.io/api/core/v1/types.go), every kind but Pod and
 * PersistentVolumeClaim (schema-pod.ts, schema-volumes.ts): this file holds the small kinds and
 * the reference types every group shares; Service and Endpoints, Node, and PersistentVolume live
 * in schema-service.ts, schema-node.ts and schema-pv.ts, merged into `coreTypes` here.
 * A data table, so longer than our usual files.
 */
import type { TypeTable } from '../../schema/format.js';
import { conditionTail, listOf, metadataField } from '../meta/schema-list.js';
import { atomic, byType, c, conditionStatus, v1 } from './schema-names.js';
import { coreNodeTypes } from './schema-node.js';
import { corePersistentVolumeTypes } from './schema-pv.js';
import { coreServiceTypes } from './schema-service.js';

const references: TypeTable = {
  ObjectReference: {
    name: c('ObjectReference'),
    description: 'Identifies an object by kind, namespace and name (and optionally uid, version and a field within it).',
    structType: 'atomic',
    fields: [
      ['1 kind', 'Kind of the referenced object.'],
      ['2 namespace', 'Namespace of the referenced object.'],
      ['3 name', 'Name of the referenced object.'],
      ['4 uid', 'UID of the referenced object.'],
      ['5 apiVersion', 'API version of the referenced object.'],
      ['6 resourceVersion', 'The resourceVersion of the object this reference was made to, if it matters.'],
      ['7 fieldPath', 'A part of the object rather than the whole, e.g. spec.containers{web} for one container of a pod.'],
    ],
  },
  LocalObjectReference: {
    name: c('LocalObjectReference'),
    description: 'Names an object in the same namespace as the referrer.',
    structType: 'atomic',
    fields: [['1 name', 'Name of the referenced object. Effectively required; an empty name is almost certainly a mistake.', { default: '' }]],
  },
  TypedLocalObjectReference: {
    name: c('TypedLocalObjectReference'),
    description: 'Names an object of a given group and kind in the same namespace as the referrer.',
    structType: 'atomic',
    fields: [
      ['1 apiGroup *!', 'API group of the referenced object; empty means the core group. Required for any other group.'],
      ['2 kind !', 'Kind of the referenced object.', { required: true }],
      ['3 name !', 'Name of the referenced object.', { required: true }],
    ],
  },
  TypedObjectReference: {
    name: c('TypedObjectReference'),
    description: 'Names an object of a given group and kind, possibly in another namespace.',
    fields: [
      ['1 apiGroup *!', 'API group of the referenced object; empty means the core group. Required for any other group.'],
      ['2 kind !', 'Kind of the referenced object.', { required: true }],
      ['3 name !', 'Name of the referenced object.', { required: true }],
      ['4 namespace *', 'Namespace of the referenced object, when it differs from the referrer\'s; the target namespace must allow it with a ReferenceGrant. Needs the CrossNamespaceVolumeDataSource feature.'],
    ],
  },
  Taint: {
    name: c('Taint'),
    description: 'A mark on a node that repels pods which do not tolerate it.',
    fields: [
      ['1 key !', 'The taint key.', { required: true }],
      ['2 value', 'The taint value, matched by tolerations with operator Equal.'],
      ['3 effect !', 'What happens to pods that do not tolerate the taint: NoSchedule (not scheduled), PreferNoSchedule (avoided), NoExecute (also evicted if running).', { required: true, enum: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'] }],
      ['4 timeAdded Time', 'When a NoExecute taint was added; set by the system.'],
    ],
  },
};

const namespaces: TypeTable = {
  Namespace: {
    name: c('Namespace'),
    description: 'A scope for names: most objects live in a namespace, and deleting it deletes them.',
    gvk: v1('Namespace'),
    fields: [
      metadataField,
      ['2 spec NamespaceSpec', 'Desired state of the namespace.'],
      ['3 status NamespaceStatus', 'Observed state of the namespace, maintained by the system.'],
    ],
  },
  NamespaceSpec: {
    name: c('NamespaceSpec'),
    description: 'Desired state of a namespace.',
    fields: [['1 finalizers []', 'Values that must be removed before the namespace is finally deleted; "kubernetes" is the content-deletion step.', atomic]],
  },
  NamespaceStatus: {
    name: c('NamespaceStatus'),
    description: 'Observed state of a namespace.',
    fields: [
      ['1 phase', 'Active, or Terminating while the namespace and its content are being deleted.', { enum: ['Active', 'Terminating'] }],
      ['2 conditions NamespaceCondition[]', 'Latest observations of the namespace, mostly about problems while deleting it.', byType],
    ],
  },
  NamespaceCondition: {
    name: c('NamespaceCondition'),
    description: 'One observation of a namespace\'s state, e.g. NamespaceContentRemaining while it is deleted.',
    fields: [
      ['1 type !', 'Condition type, e.g. NamespaceDeletionDiscoveryFailure or NamespaceContentRemaining.', { required: true }],
      ['2 status !', conditionStatus, { required: true }],
      ...conditionTail(4),
    ],
  },
  NamespaceList: listOf(c('NamespaceList'), 'Namespace', v1('Namespace'), 'The namespaces.'),
};

const config: TypeTable = {
  ConfigMap: {
    name: c('ConfigMap'),
    description: 'Non-confidential configuration for pods to consume as environment variables, command arguments or files.',
    gvk: v1('ConfigMap'),
    fields: [
      metadataField,
      ['4 immutable b*', 'When true, data and binaryData can never change again (only metadata can); delete and recreate instead. Unset means mutable.'],
      ['2 data {}', 'UTF-8 configuration entries. Keys are alphanumerics, "-", "_" or "." and must not appear in binaryData.'],
      ['3 binaryData bytes{}', 'Binary entries, base64 in JSON. Keys follow the same rules as data and must not appear there.'],
    ],
  },
  ConfigMapList: listOf(c('ConfigMapList'), 'ConfigMap', v1('ConfigMap'), 'The config maps.'),
  Secret: {
    name: c('Secret'),
    description: 'Sensitive data such as passwords, tokens or keys, kept apart from pod specs. The total size of the values must stay under 1 MiB.',
    gvk: v1('Secret'),
    fields: [
      metadataField,
      ['5 immutable b*', 'When true, data can never change again (only metadata can). Unset means mutable.'],
      ['2 data bytes{}', 'The secret entries, base64 in JSON. Keys are alphanumerics, "-", "_" or ".".'],
      ['4 stringData {}', 'Write-only convenience: plain-text entries merged into data on write (winning over data). Never returned on reads.'],
      ['3 type', 'How the data is meant to be used, e.g. Opaque (the default), kubernetes.io/tls, kubernetes.io/dockerconfigjson, kubernetes.io/service-account-token; some types require certain keys.'],
    ],
  },
  SecretList: listOf(c('SecretList'), 'Secret', v1('Secret'), 'The secrets.'),
  ServiceAccount: {
    name: c('ServiceAccount'),
    description: 'An identity for processes in pods, with the secrets they may use and the credentials for pulling their images.',
    gvk: v1('ServiceAccount'),
    fields: [
      metadataField,
      ['2 secrets ObjectReference[]', 'Secrets in the same namespace that pods using this account may use; enforced only with the kubernetes.io/enforce-mountable-secrets annotation. Not the place to find tokens: request them with TokenRequest.', { patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }],
      ['3 imagePullSecrets LocalObjectReference[]', 'Secrets in the same namespace used to pull images of pods that run as this account; added to those pods\' own.', atomic],
      ['4 automountServiceAccountToken b*', 'Whether pods running as this account get an API token mounted; a pod may override it.'],
    ],
  },
  ServiceAccountList: listOf(c('ServiceAccountList'), 'ServiceAccount', v1('ServiceAccount'), 'The service accounts.'),
};

const events: TypeTable = {
  Event: {
    name: c('Event'),
    description: 'A report of something that happened to an object (a pod scheduled, an image pulled, a failure). Events are best-effort and expire after a while.',
    gvk: v1('Event'),
    fields: [
      ['1 metadata ObjectMeta', 'Standard object metadata.', { required: true }],
      ['2 involvedObject ObjectReference', 'The object the event is about.', { required: true }],
      ['3 reason', 'Short machine-readable CamelCase cause, e.g. Scheduled, Pulled, BackOff.'],
      ['4 message', 'Human-readable description.'],
      ['5 source EventSource', 'The component (and node) that reported the event.'],
      ['6 firstTimestamp Time', 'When the event was first recorded.'],
      ['7 lastTimestamp Time', 'When the most recent occurrence was recorded.'],
      ['8 count i32', 'How many times the event has occurred.'],
      ['9 type', 'Normal or Warning; more types may come.'],
      ['10 eventTime MicroTime', 'When the event was first observed, with microseconds.'],
      ['11 series EventSeries', 'Data on the series this event belongs to; absent for a one-off event.'],
      ['12 action', 'What was done, or failed, to the involved object.'],
      ['13 related ObjectReference', 'A second object involved, for more complex actions.'],
      ['14 reportingComponent !', 'The controller that emitted the event, e.g. kubernetes.io/kubelet.'],
      ['15 reportingInstance !', 'The instance of that controller, e.g. kubelet-node1.'],
    ],
  },
  EventSource: {
    name: c('EventSource'),
    description: 'Where an event comes from.',
    fields: [
      ['1 component', 'The component that generated the event.'],
      ['2 host', 'The node the event was generated on.'],
    ],
  },
  EventSeries: {
    name: c('EventSeries'),
    description: 'A repeating event: how often it happened and when last.',
    fields: [
      ['1 count i32', 'Occurrences in the series so far.'],
      ['2 lastObservedTime MicroTime', 'When the last occurrence was seen.'],
    ],
  },
  EventList: listOf(c('EventList'), 'Event', v1('Event'), 'The events.'),
};

const quota: TypeTable = {
  LimitRange: {
    name: c('LimitRange'),
    description: 'Per-object resource limits in a namespace: minimum, maximum and defaults for containers, pods and claims.',
    gvk: v1('LimitRange'),
    fields: [metadataField, ['2 spec LimitRangeSpec', 'The limits enforced.']],
  },
  LimitRangeSpec: {
    name: c('LimitRangeSpec'),
    description: 'The limits a LimitRange enforces.',
    fields: [['1 limits LimitRangeItem[]!', 'One entry per kind of object limited.', { required: true, listType: 'atomic' }]],
  },
  LimitRangeItem: {
    name: c('LimitRangeItem'),
    description: 'Limits for one kind of object (Container, Pod or PersistentVolumeClaim), by resource name.',
    fields: [
      ['1 type !', 'What the limits apply to: Container, Pod, PersistentVolumeClaim, or a resource name.', { required: true }],
      ['2 max Quantity{}', 'Largest allowed usage, by resource.'],
      ['3 min Quantity{}', 'Smallest allowed usage, by resource.'],
      ['4 default Quantity{}', 'Limit applied to containers that set none, by resource.'],
      ['5 defaultRequest Quantity{}', 'Request applied to containers that set none, by resource.'],
      ['6 maxLimitRequestRatio Quantity{}', 'Largest allowed limit/request ratio, by resource; both must then be set and non-zero.'],
    ],
  },
  LimitRangeList: listOf(c('LimitRangeList'), 'LimitRange', v1('LimitRange'), 'The limit ranges.'),
  ResourceQuota: {
    name: c('ResourceQuota'),
    description: 'Caps on the total resources and object counts in a namespace.',
    gvk: v1('ResourceQuota'),
    fields: [
      metadataField,
      ['2 spec ResourceQuotaSpec', 'The desired limits.'],
      ['3 status ResourceQuotaStatus', 'The enforced limits and current usage, maintained by the system.'],
    ],
  },
  ResourceQuotaSpec: {
    name: c('ResourceQuotaSpec'),
    description: 'The limits a quota enforces and which objects it counts.',
    fields: [
      ['1 hard Quantity{}', 'Hard limit per resource name, e.g. pods, requests.cpu, limits.memory, count/deployments.apps.'],
      ['2 scopes []', 'Filters every counted object must match: Terminating, NotTerminating, BestEffort, NotBestEffort, PriorityClass, CrossNamespacePodAffinity. Unset counts everything.', { ...atomic, enum: ['BestEffort', 'CrossNamespacePodAffinity', 'NotBestEffort', 'NotTerminating', 'PriorityClass', 'Terminating'] }],
      ['3 scopeSelector ScopeSelector', 'Scope filters written as requirements with operators; objects must match both these and scopes.'],
    ],
  },
  ScopeSelector: {
    name: c('ScopeSelector'),
    description: 'The AND of scope requirements.',
    structType: 'atomic',
    fields: [['1 matchExpressions ScopedResourceSelectorRequirement[]', 'The requirements.', atomic]],
  },
  ScopedResourceSelectorRequirement: {
    name: c('ScopedResourceSelectorRequirement'),
    description: 'One scope requirement: a scope name, an operator and values.',
    fields: [
      ['1 scopeName !', 'The quota scope tested.', { required: true, enum: ['BestEffort', 'CrossNamespacePodAffinity', 'NotBestEffort', 'NotTerminating', 'PriorityClass', 'Terminating'] }],
      ['2 operator !', 'In, NotIn, Exists or DoesNotExist.', { required: true, enum: ['DoesNotExist', 'Exists', 'In', 'NotIn'] }],
      ['3 values []', 'Values for In and NotIn (must be non-empty); must be empty for Exists and DoesNotExist.', atomic],
    ],
  },
  ResourceQuotaStatus: {
    name: c('ResourceQuotaStatus'),
    description: 'The limits in force and what is used.',
    fields: [
      ['1 hard Quantity{}', 'The hard limits being enforced.'],
      ['2 used Quantity{}', 'Current usage in the namespace, per resource.'],
    ],
  },
  ResourceQuotaList: listOf(c('ResourceQuotaList'), 'ResourceQuota', v1('ResourceQuota'), 'The quotas.'),
};

const workloads: TypeTable = {
  ReplicationController: {
    name: c('ReplicationController'),
    description: 'Keeps a number of pod replicas running (the predecessor of ReplicaSet and Deployment).',
    gvk: v1('ReplicationController'),
    fields: [
      ['1 metadata ObjectMeta', 'Standard object metadata. Labels default to the pod template\'s when empty.'],
      ['2 spec ReplicationControllerSpec', 'Desired behavior: how many pods, which ones, from what template.'],
      ['3 status ReplicationControllerStatus', 'Most recently observed state; may lag. Maintained by the system.'],
    ],
  },
  ReplicationControllerSpec: {
    name: c('ReplicationControllerSpec'),
    description: 'Desired state of a replication controller.',
    fields: [
      ['1 replicas i32*', 'Desired number of pods. Defaults to 1.'],
      ['4 minReadySeconds i32', 'Seconds a new pod must be ready, without crashing, to count as available. Defaults to 0.'],
      ['2 selector {}', 'Labels the managed pods must carry; defaults to the template\'s labels when empty.', { mapType: 'atomic' }],
      ['3 template PodTemplateSpec', 'The pod created when replicas are missing. Its restartPolicy must be Always.'],
    ],
  },
  ReplicationControllerStatus: {
    name: c('ReplicationControllerStatus'),
    description: 'Observed state of a replication controller.',
    fields: [
      ['1 replicas i32!', 'Number of pods most recently observed.', { required: true }],
      ['2 fullyLabeledReplicas i32', 'Pods carrying every label of the template.'],
      ['4 readyReplicas i32', 'Pods that are ready.'],
      ['5 availableReplicas i32', 'Pods ready for at least minReadySeconds.'],
      ['3 observedGeneration i64', 'The generation last acted on by the controller.'],
      ['6 conditions ReplicationControllerCondition[]', 'Latest observations, e.g. ReplicaFailure.', byType],
    ],
  },
  ReplicationControllerCondition: {
    name: c('ReplicationControllerCondition'),
    description: 'One observation of a replication controller\'s state.',
    fields: [
      ['1 type !', 'Condition type, e.g. ReplicaFailure.', { required: true }],
      ['2 status !', conditionStatus, { required: true }],
      ...conditionTail(3),
    ],
  },
  ReplicationControllerList: listOf(c('ReplicationControllerList'), 'ReplicationController', v1('ReplicationController'), 'The replication controllers.'),
  PodTemplate: {
    name: c('PodTemplate'),
    description: 'A stored pod template that tools and controllers can create copies of.',
    gvk: v1('PodTemplate'),
    fields: [metadataField, ['2 template PodTemplateSpec', 'The pods created from this template.']],
  },
  PodTemplateList: listOf(c('PodTemplateList'), 'PodTemplate', v1('PodTemplate'), 'The pod templates.'),
  Binding: {
    name: c('Binding'),
    description: 'Binds an object to another, e.g. a pod to a node; sent by schedulers to pods/binding. The bare bindings resource is deprecated.',
    gvk: v1('Binding'),
    fields: [
      metadataField,
      ['2 target ObjectReference', 'The object to bind to, e.g. a Node.', { required: true }],
    ],
  },
  ComponentStatus: {
    name: c('ComponentStatus'),
    description: 'Deprecated: health of a control-plane component (scheduler, controller manager, etcd).',
    gvk: v1('ComponentStatus'),
    fields: [
      metadataField,
      ['2 conditions ComponentCondition[]', 'The observed conditions of the component.', byType],
    ],
  },
  ComponentCondition: {
    name: c('ComponentCondition'),
    description: 'One condition of a component, e.g. Healthy.',
    fields: [
      ['1 type !', 'Condition type; only Healthy is defined.', { required: true }],
      ['2 status !', conditionStatus, { required: true }],
      ['3 message', 'Details, e.g. the health check output.'],
      ['4 error', 'Error code of the check, if it failed.'],
    ],
  },
  ComponentStatusList: listOf(c('ComponentStatusList'), 'ComponentStatus', v1('ComponentStatus'), 'The component statuses.'),
};

export const coreTypes: TypeTable = {
  ...references, ...namespaces, ...config, ...events, ...quota, ...workloads,
  ...coreServiceTypes, ...coreNodeTypes, ...corePersistentVolumeTypes,
};
