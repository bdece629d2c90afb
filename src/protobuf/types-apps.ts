/**
 * apps/v1 message tables (staging/src/k8s.io/api/apps/v1/types.go): Deployment, ReplicaSet,
 * DaemonSet, StatefulSet, ControllerRevision. Field syntax: schema.ts.
 */
import type { MessageTable } from './schema.js';

export const appsMessages: MessageTable = {
  StatefulSet: ['1 metadata ObjectMeta', '2 spec StatefulSetSpec', '3 status StatefulSetStatus'],
  StatefulSetUpdateStrategy: ['1 type', '2 rollingUpdate RollingUpdateStatefulSetStrategy'],
  RollingUpdateStatefulSetStrategy: ['1 partition i32*', '2 maxUnavailable IntOrString'],
  StatefulSetPersistentVolumeClaimRetentionPolicy: ['1 whenDeleted', '2 whenScaled'],
  StatefulSetOrdinals: ['1 start i32!'],
  StatefulSetSpec: [
    '1 replicas i32*', '2 selector LabelSelector!', '3 template PodTemplateSpec',
    '4 volumeClaimTemplates PersistentVolumeClaim[]', '5 serviceName !', '6 podManagementPolicy',
    '7 updateStrategy StatefulSetUpdateStrategy', '8 revisionHistoryLimit i32*', '9 minReadySeconds i32',
    '10 persistentVolumeClaimRetentionPolicy StatefulSetPersistentVolumeClaimRetentionPolicy',
    '11 ordinals StatefulSetOrdinals',
  ],
  StatefulSetStatus: [
    '1 observedGeneration i64', '2 replicas i32!', '3 readyReplicas i32', '4 currentReplicas i32',
    '5 updatedReplicas i32', '6 currentRevision', '7 updateRevision', '9 collisionCount i32*',
    '10 conditions StatefulSetCondition[]', '11 availableReplicas i32!',
  ],
  StatefulSetCondition: ['1 type !', '2 status !', '3 lastTransitionTime Time', '4 reason', '5 message'],
  Deployment: ['1 metadata ObjectMeta', '2 spec DeploymentSpec', '3 status DeploymentStatus'],
  DeploymentSpec: [
    '1 replicas i32*', '2 selector LabelSelector!', '3 template PodTemplateSpec',
    '4 strategy DeploymentStrategy', '5 minReadySeconds i32', '6 revisionHistoryLimit i32*', '7 paused b',
    '9 progressDeadlineSeconds i32*', '10 podReplacementPolicy *',
  ],
  DeploymentStrategy: ['1 type', '2 rollingUpdate RollingUpdateDeployment'],
  RollingUpdateDeployment: ['1 maxUnavailable IntOrString', '2 maxSurge IntOrString'],
  DeploymentStatus: [
    '1 observedGeneration i64', '2 replicas i32', '3 updatedReplicas i32', '7 readyReplicas i32',
    '4 availableReplicas i32', '5 unavailableReplicas i32', '9 terminatingReplicas i32*',
    '6 conditions DeploymentCondition[]', '8 collisionCount i32*',
  ],
  DeploymentCondition: [
    '1 type !', '2 status !', '6 lastUpdateTime Time', '7 lastTransitionTime Time', '4 reason', '5 message',
  ],
  DaemonSetUpdateStrategy: ['1 type', '2 rollingUpdate RollingUpdateDaemonSet'],
  RollingUpdateDaemonSet: ['1 maxUnavailable IntOrString', '2 maxSurge IntOrString'],
  DaemonSetSpec: [
    '1 selector LabelSelector!', '2 template PodTemplateSpec', '3 updateStrategy DaemonSetUpdateStrategy',
    '4 minReadySeconds i32', '6 revisionHistoryLimit i32*',
  ],
  DaemonSetStatus: [
    '1 currentNumberScheduled i32!', '2 numberMisscheduled i32!', '3 desiredNumberScheduled i32!',
    '4 numberReady i32!', '5 observedGeneration i64', '6 updatedNumberScheduled i32', '7 numberAvailable i32',
    '8 numberUnavailable i32', '9 collisionCount i32*', '10 conditions DaemonSetCondition[]',
  ],
  DaemonSetCondition: ['1 type !', '2 status !', '3 lastTransitionTime Time', '4 reason', '5 message'],
  DaemonSet: ['1 metadata ObjectMeta', '2 spec DaemonSetSpec', '3 status DaemonSetStatus'],
  ReplicaSet: ['1 metadata ObjectMeta', '2 spec ReplicaSetSpec', '3 status ReplicaSetStatus'],
  ReplicaSetSpec: [
    '1 replicas i32*', '4 minReadySeconds i32', '2 selector LabelSelector!', '3 template PodTemplateSpec',
  ],
  ReplicaSetStatus: [
    '1 replicas i32!', '2 fullyLabeledReplicas i32', '4 readyReplicas i32', '5 availableReplicas i32',
    '7 terminatingReplicas i32*', '3 observedGeneration i64', '6 conditions ReplicaSetCondition[]',
  ],
  ReplicaSetCondition: ['1 type !', '2 status !', '3 lastTransitionTime Time', '4 reason', '5 message'],
  ControllerRevision: ['1 metadata ObjectMeta', '2 data RawExtension', '3 revision i64!'],
};
