/**
 * apps/v1 type table (staging/src/k8s.io/api/apps/v1/types.go): Deployment, ReplicaSet,
 * DaemonSet, StatefulSet, ControllerRevision, their lists and everything they reach that is not
 * core/v1 or meta/v1. Field specs match src/protobuf/types-apps.ts; metadata follows the
 * published OpenAPI v3 document (apis__apps__v1_openapi.json). Data table; format: src/schema/format.ts.
 */
import type { FieldMeta, GroupVersionKind, TypeTable } from '../../schema/format.js';

const gvk = (kind: string): GroupVersionKind[] => [{ group: 'apps', version: 'v1', kind }];
const required: FieldMeta = { required: true };
// Controller conditions are merged by type under both strategic merge patch and apply.
const conditions: FieldMeta = { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] };

const metadata = ['1 metadata ObjectMeta', "The object's standard metadata: name, namespace, labels, annotations and so on."] as const;
const listMetadata = ['1 metadata ListMeta', "The list's metadata: resourceVersion and the continue token for paging."] as const;

/** The four fields every apps controller condition shares after type and status. */
const conditionTail = [
  ['3 lastTransitionTime Time', 'When the condition last changed from one status to another.'],
  ['4 reason', 'A one-word CamelCase reason for the last transition.'],
  ['5 message', 'A human-readable explanation of the last transition.'],
] as const;

export const appsTypes: TypeTable = {
  Deployment: {
    name: 'io.k8s.api.apps.v1.Deployment',
    description: 'A Deployment keeps a set of identical pods running through ReplicaSets and rolls out changes to their template declaratively.',
    gvk: gvk('Deployment'),
    fields: [
      metadata,
      ['2 spec DeploymentSpec', 'The desired state: pod template, replica count and rollout strategy.'],
      ['3 status DeploymentStatus', 'The most recently observed state of the rollout, written by the controller.'],
    ],
  },
  DeploymentList: {
    name: 'io.k8s.api.apps.v1.DeploymentList',
    description: 'A list of Deployments.',
    gvk: gvk('DeploymentList'),
    fields: [listMetadata, ['2 items Deployment[]!', 'The Deployments.', { required: true }]],
  },
  DeploymentSpec: {
    name: 'io.k8s.api.apps.v1.DeploymentSpec',
    description: 'The desired behavior of a Deployment.',
    fields: [
      ['1 replicas i32*', 'How many pods should run. Defaults to 1; unset and 0 are different.'],
      ['2 selector LabelSelector!', "Selects the pods this Deployment owns; must match the template's labels and cannot change.", { required: true }],
      ['3 template PodTemplateSpec', 'The pod template new ReplicaSets are stamped from. Its restartPolicy must be Always.', { required: true }],
      ['4 strategy DeploymentStrategy', 'How old pods are replaced by new ones (RollingUpdate or Recreate).', { patchStrategy: 'retainKeys' }],
      ['5 minReadySeconds i32', 'Seconds a new pod must stay ready, with no container crashing, before it counts as available. Defaults to 0.'],
      ['6 revisionHistoryLimit i32*', 'How many old ReplicaSets to keep for rollback. Defaults to 10.'],
      ['7 paused b', 'When true, template changes are not rolled out until the Deployment is resumed.'],
      ['9 progressDeadlineSeconds i32*', 'Seconds a rollout may go without progress before the Progressing condition reports ProgressDeadlineExceeded. Defaults to 600.'],
      ['10 podReplacementPolicy *', 'When replacement pods are created during a rollout: once old pods start terminating, or only after they are gone. Newer than v1.32.', { enum: ['TerminationComplete', 'TerminationStarted'] }],
    ],
  },
  DeploymentStrategy: {
    name: 'io.k8s.api.apps.v1.DeploymentStrategy',
    description: 'How a Deployment replaces existing pods with new ones.',
    fields: [
      ['1 type', 'Recreate (kill all old pods first) or RollingUpdate (the default).', { enum: ['Recreate', 'RollingUpdate'] }],
      ['2 rollingUpdate RollingUpdateDeployment', 'Rolling update parameters; only allowed when type is RollingUpdate.'],
    ],
  },
  RollingUpdateDeployment: {
    name: 'io.k8s.api.apps.v1.RollingUpdateDeployment',
    description: 'Limits on unavailable and surplus pods during a Deployment rolling update.',
    fields: [
      ['1 maxUnavailable IntOrString', 'How many pods (a number, or a percentage rounded down) may be unavailable during the update. Defaults to 25%; cannot be 0 when maxSurge is 0.'],
      ['2 maxSurge IntOrString', 'How many pods (a number, or a percentage rounded up) may run above the desired count during the update. Defaults to 25%; cannot be 0 when maxUnavailable is 0.'],
    ],
  },
  DeploymentStatus: {
    name: 'io.k8s.api.apps.v1.DeploymentStatus',
    description: 'The observed state of a Deployment.',
    fields: [
      ['1 observedGeneration i64', 'The metadata.generation the controller last acted on.'],
      ['2 replicas i32', 'Non-terminating pods targeted by this Deployment (their labels match the selector).'],
      ['3 updatedReplicas i32', 'Non-terminating pods that already run the current template.'],
      ['7 readyReplicas i32', 'Non-terminating pods with a Ready condition.'],
      ['4 availableReplicas i32', 'Non-terminating pods that have been ready for at least minReadySeconds.'],
      ['5 unavailableReplicas i32', 'Pods still needed to reach full available capacity: running but not yet available, or not created yet.'],
      ['9 terminatingReplicas i32*', 'Pods that are being deleted but have not finished. Newer than v1.32.'],
      ['6 conditions DeploymentCondition[]', 'The latest observations of the rollout (Available, Progressing, ReplicaFailure).', conditions],
      ['8 collisionCount i32*', 'Counts template hash collisions; the controller mixes it into the next ReplicaSet name to avoid clashes.'],
    ],
  },
  DeploymentCondition: {
    name: 'io.k8s.api.apps.v1.DeploymentCondition',
    description: 'One aspect of the state of a Deployment at a point in time.',
    fields: [
      ['1 type !', 'The condition type: Available, Progressing or ReplicaFailure.', required],
      ['2 status !', 'True, False or Unknown.', required],
      ['6 lastUpdateTime Time', 'When the condition was last updated.'],
      ['7 lastTransitionTime Time', 'When the condition last changed from one status to another.'],
      ['4 reason', 'A one-word CamelCase reason for the last transition.'],
      ['5 message', 'A human-readable explanation of the last transition.'],
    ],
  },

  ReplicaSet: {
    name: 'io.k8s.api.apps.v1.ReplicaSet',
    description: 'A ReplicaSet keeps a given number of pods matching its selector running. Usually managed by a Deployment.',
    gvk: gvk('ReplicaSet'),
    fields: [
      metadata,
      ['2 spec ReplicaSetSpec', 'The desired replica count, selector and pod template.'],
      ['3 status ReplicaSetStatus', 'The most recently observed state, written by the controller.'],
    ],
  },
  ReplicaSetList: {
    name: 'io.k8s.api.apps.v1.ReplicaSetList',
    description: 'A list of ReplicaSets.',
    gvk: gvk('ReplicaSetList'),
    fields: [listMetadata, ['2 items ReplicaSet[]!', 'The ReplicaSets.', { required: true }]],
  },
  ReplicaSetSpec: {
    name: 'io.k8s.api.apps.v1.ReplicaSetSpec',
    description: 'The desired behavior of a ReplicaSet.',
    fields: [
      ['1 replicas i32*', 'How many pods should run. Defaults to 1; unset and 0 are different.'],
      ['4 minReadySeconds i32', 'Seconds a new pod must stay ready, with no container crashing, before it counts as available. Defaults to 0.'],
      ['2 selector LabelSelector!', "Selects the pods counted toward replicas; must match the template's labels.", { required: true }],
      ['3 template PodTemplateSpec', 'The pod created whenever fewer than replicas pods match.'],
    ],
  },
  ReplicaSetStatus: {
    name: 'io.k8s.api.apps.v1.ReplicaSetStatus',
    description: 'The observed state of a ReplicaSet.',
    fields: [
      ['1 replicas i32!', 'Non-terminating pods currently matching the selector.', required],
      ['2 fullyLabeledReplicas i32', "Non-terminating pods whose labels match all of the template's labels."],
      ['4 readyReplicas i32', 'Non-terminating pods with a Ready condition.'],
      ['5 availableReplicas i32', 'Non-terminating pods that have been ready for at least minReadySeconds.'],
      ['7 terminatingReplicas i32*', 'Pods that are being deleted but have not finished. Newer than v1.32.'],
      ['3 observedGeneration i64', 'The metadata.generation the controller last acted on.'],
      ['6 conditions ReplicaSetCondition[]', 'The latest observations of the ReplicaSet (e.g. ReplicaFailure).', conditions],
    ],
  },
  ReplicaSetCondition: {
    name: 'io.k8s.api.apps.v1.ReplicaSetCondition',
    description: 'One aspect of the state of a ReplicaSet at a point in time.',
    fields: [
      ['1 type !', 'The condition type, e.g. ReplicaFailure.', required],
      ['2 status !', 'True, False or Unknown.', required],
      ...conditionTail,
    ],
  },

  DaemonSet: {
    name: 'io.k8s.api.apps.v1.DaemonSet',
    description: 'A DaemonSet runs one copy of a pod on every node (or every node its template selects).',
    gvk: gvk('DaemonSet'),
    fields: [
      metadata,
      ['2 spec DaemonSetSpec', 'The desired pod template, selector and update strategy.'],
      ['3 status DaemonSetStatus', 'The most recently observed state, written by the controller.'],
    ],
  },
  DaemonSetList: {
    name: 'io.k8s.api.apps.v1.DaemonSetList',
    description: 'A list of DaemonSets.',
    gvk: gvk('DaemonSetList'),
    fields: [listMetadata, ['2 items DaemonSet[]!', 'The DaemonSets.', { required: true }]],
  },
  DaemonSetSpec: {
    name: 'io.k8s.api.apps.v1.DaemonSetSpec',
    description: 'The desired behavior of a DaemonSet.',
    fields: [
      ['1 selector LabelSelector!', "Selects the pods this DaemonSet owns; must match the template's labels.", { required: true }],
      ['2 template PodTemplateSpec', "The pod to run on each eligible node (nodes matching the template's node selector and affinity). Its restartPolicy must be Always.", { required: true }],
      ['3 updateStrategy DaemonSetUpdateStrategy', 'How existing daemon pods are replaced after a template change.'],
      ['4 minReadySeconds i32', 'Seconds a new pod must stay ready, with no container crashing, before it counts as available. Defaults to 0.'],
      ['6 revisionHistoryLimit i32*', 'How many old ControllerRevisions to keep for rollback. Defaults to 10.'],
    ],
  },
  DaemonSetUpdateStrategy: {
    name: 'io.k8s.api.apps.v1.DaemonSetUpdateStrategy',
    description: 'How a DaemonSet replaces its pods after a template change.',
    fields: [
      ['1 type', 'RollingUpdate (the default) replaces pods automatically; OnDelete waits for old pods to be deleted by hand.', { enum: ['OnDelete', 'RollingUpdate'] }],
      ['2 rollingUpdate RollingUpdateDaemonSet', 'Rolling update parameters; only allowed when type is RollingUpdate.'],
    ],
  },
  RollingUpdateDaemonSet: {
    name: 'io.k8s.api.apps.v1.RollingUpdateDaemonSet',
    description: 'Limits for a DaemonSet rolling update.',
    fields: [
      ['1 maxUnavailable IntOrString', 'How many daemon pods (a number, or a percentage of desiredNumberScheduled rounded up) may be down during the update. Defaults to 1; cannot be 0 when maxSurge is 0.'],
      ['2 maxSurge IntOrString', 'How many nodes may run a new pod beside the old one during the update (a number, or a percentage rounded up). Defaults to 0; cannot be 0 when maxUnavailable is 0.'],
    ],
  },
  DaemonSetStatus: {
    name: 'io.k8s.api.apps.v1.DaemonSetStatus',
    description: 'The observed state of a DaemonSet.',
    fields: [
      ['1 currentNumberScheduled i32!', 'Nodes that run at least one daemon pod and should.', required],
      ['2 numberMisscheduled i32!', 'Nodes that run a daemon pod but should not.', required],
      ['3 desiredNumberScheduled i32!', 'Nodes that should run a daemon pod, whether or not they do.', required],
      ['4 numberReady i32!', 'Nodes that should run the daemon pod and have one with a Ready condition.', required],
      ['5 observedGeneration i64', 'The metadata.generation the controller last acted on.'],
      ['6 updatedNumberScheduled i32', 'Nodes running a daemon pod from the current template.'],
      ['7 numberAvailable i32', 'Nodes that should run the daemon pod and have one available (ready for minReadySeconds).'],
      ['8 numberUnavailable i32', 'Nodes that should run the daemon pod but have none available.'],
      ['9 collisionCount i32*', 'Counts hash collisions; the controller mixes it into the next ControllerRevision name to avoid clashes.'],
      ['10 conditions DaemonSetCondition[]', 'The latest observations of the DaemonSet.', conditions],
    ],
  },
  DaemonSetCondition: {
    name: 'io.k8s.api.apps.v1.DaemonSetCondition',
    description: 'One aspect of the state of a DaemonSet at a point in time.',
    fields: [
      ['1 type !', 'The condition type.', required],
      ['2 status !', 'True, False or Unknown.', required],
      ...conditionTail,
    ],
  },

  StatefulSet: {
    name: 'io.k8s.api.apps.v1.StatefulSet',
    description: 'A StatefulSet runs pods with stable identities: each replica keeps its ordinal name, its DNS hostname and its own volume claims across rescheduling.',
    gvk: gvk('StatefulSet'),
    fields: [
      metadata,
      ['2 spec StatefulSetSpec', 'The desired identities, pod template and volume claim templates.'],
      ['3 status StatefulSetStatus', 'The most recently observed state; may lag behind.'],
    ],
  },
  StatefulSetList: {
    name: 'io.k8s.api.apps.v1.StatefulSetList',
    description: 'A list of StatefulSets.',
    gvk: gvk('StatefulSetList'),
    fields: [listMetadata, ['2 items StatefulSet[]!', 'The StatefulSets.', { required: true }]],
  },
  StatefulSetSpec: {
    name: 'io.k8s.api.apps.v1.StatefulSetSpec',
    description: 'The desired behavior of a StatefulSet.',
    fields: [
      ['1 replicas i32*', 'How many ordinal replicas should exist. Defaults to 1.'],
      ['2 selector LabelSelector!', "Selects the pods this StatefulSet owns; must match the template's labels.", { required: true }],
      ['3 template PodTemplateSpec', 'The pod each replica is created from, named <statefulset>-<ordinal>. Its restartPolicy must be Always.', { required: true }],
      ['4 volumeClaimTemplates PersistentVolumeClaim[]', 'Claims created per replica; each must be mounted by name in a container of the template and wins over a template volume of the same name.', { listType: 'atomic' }],
      // Required in v1.32's OpenAPI; upstream marked it optional in v1.33 (kubernetes#130233).
      ['5 serviceName !', 'The headless Service that gives each pod its DNS name (<pod>.<serviceName>.<namespace>.svc...).', required],
      ['6 podManagementPolicy', 'OrderedReady (the default) creates and removes pods one at a time in ordinal order; Parallel does all at once.', { enum: ['OrderedReady', 'Parallel'] }],
      ['7 updateStrategy StatefulSetUpdateStrategy', 'How pods are replaced after a template change.'],
      ['8 revisionHistoryLimit i32*', 'How many old ControllerRevisions to keep. Defaults to 10.'],
      ['9 minReadySeconds i32', 'Seconds a new pod must stay ready, with no container crashing, before it counts as available. Defaults to 0.'],
      ['10 persistentVolumeClaimRetentionPolicy StatefulSetPersistentVolumeClaimRetentionPolicy', 'Whether claims from volumeClaimTemplates are deleted when the StatefulSet is deleted or scaled down. By default they are kept.'],
      ['11 ordinals StatefulSetOrdinals', 'Where replica numbering starts. By default the first replica is 0.'],
    ],
  },
  StatefulSetUpdateStrategy: {
    name: 'io.k8s.api.apps.v1.StatefulSetUpdateStrategy',
    description: 'How a StatefulSet replaces its pods after a template change.',
    fields: [
      ['1 type', 'RollingUpdate (the default) replaces pods in reverse ordinal order; OnDelete waits for pods to be deleted by hand.', { enum: ['OnDelete', 'RollingUpdate'] }],
      ['2 rollingUpdate RollingUpdateStatefulSetStrategy', 'Rolling update parameters; only allowed when type is RollingUpdate.'],
    ],
  },
  RollingUpdateStatefulSetStrategy: {
    name: 'io.k8s.api.apps.v1.RollingUpdateStatefulSetStrategy',
    description: 'Parameters of a StatefulSet rolling update.',
    fields: [
      ['1 partition i32*', 'Only pods with an ordinal at or above this number are updated; lower ones keep the old revision (canary rollouts). Defaults to 0.'],
      ['2 maxUnavailable IntOrString', 'How many pods (a number, or a percentage rounded up) may be unavailable during the update. Defaults to 1; cannot be 0. Needs the MaxUnavailableStatefulSet feature.'],
    ],
  },
  StatefulSetPersistentVolumeClaimRetentionPolicy: {
    name: 'io.k8s.api.apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy',
    description: 'What happens to the claims created from volumeClaimTemplates.',
    fields: [
      ['1 whenDeleted', 'Retain (the default) keeps the claims when the StatefulSet is deleted; Delete removes them.'],
      ['2 whenScaled', 'Retain (the default) keeps the claims of removed replicas on scale-down; Delete removes them.'],
    ],
  },
  StatefulSetOrdinals: {
    name: 'io.k8s.api.apps.v1.StatefulSetOrdinals',
    description: 'How StatefulSet replicas are numbered.',
    fields: [
      ['1 start i32!', 'The ordinal of the first replica; replicas are numbered start to start+replicas-1. Defaults to 0.'],
    ],
  },
  StatefulSetStatus: {
    name: 'io.k8s.api.apps.v1.StatefulSetStatus',
    description: 'The observed state of a StatefulSet.',
    fields: [
      ['1 observedGeneration i64', 'The metadata.generation the controller last acted on.'],
      ['2 replicas i32!', 'Pods created by the controller.', required],
      ['3 readyReplicas i32', 'Pods with a Ready condition.'],
      ['4 currentReplicas i32', 'Pods running the revision named by currentRevision.'],
      ['5 updatedReplicas i32', 'Pods running the revision named by updateRevision.'],
      ['6 currentRevision', 'The revision that produced the pods with ordinals 0 to currentReplicas-1.'],
      ['7 updateRevision', 'The revision that produces the pods with the highest updatedReplicas ordinals.'],
      ['9 collisionCount i32*', 'Counts hash collisions; the controller mixes it into the next ControllerRevision name to avoid clashes.'],
      ['10 conditions StatefulSetCondition[]', 'The latest observations of the StatefulSet.', conditions],
      ['11 availableReplicas i32!', 'Pods that have been ready for at least minReadySeconds.'],
    ],
  },
  StatefulSetCondition: {
    name: 'io.k8s.api.apps.v1.StatefulSetCondition',
    description: 'One aspect of the state of a StatefulSet at a point in time.',
    fields: [
      ['1 type !', 'The condition type.', required],
      ['2 status !', 'True, False or Unknown.', required],
      ...conditionTail,
    ],
  },

  ControllerRevision: {
    name: 'io.k8s.api.apps.v1.ControllerRevision',
    description: 'An immutable snapshot of a controller\'s template (used by DaemonSets and StatefulSets for rollouts and rollback). Only data is checked for immutability; the object can be deleted.',
    gvk: gvk('ControllerRevision'),
    fields: [
      metadata,
      ['2 data RawExtension', 'The serialized state this revision records.'],
      ['3 revision i64!', 'The revision number of the recorded state.', required],
    ],
  },
  ControllerRevisionList: {
    name: 'io.k8s.api.apps.v1.ControllerRevisionList',
    description: 'A list of ControllerRevisions.',
    gvk: gvk('ControllerRevisionList'),
    fields: [listMetadata, ['2 items ControllerRevision[]!', 'The ControllerRevisions.', { required: true }]],
  },
};
