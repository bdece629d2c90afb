/**
 * meta/v1 message tables (k8s.io/apimachinery/pkg/apis/meta/v1/types.go): ObjectMeta and what
 * it reaches, LabelSelector, Condition and the option kinds. Time, MicroTime, Duration and
 * FieldsV1 are well-known types (well-known.ts). Field syntax: schema.ts.
 */
import type { MessageTable } from './schema.js';

export const metaMessages: MessageTable = {
  ObjectMeta: [
    '1 name', '2 generateName', '3 namespace', '4 selfLink', '5 uid', '6 resourceVersion', '7 generation i64',
    '8 creationTimestamp Time', '9 deletionTimestamp Time', '10 deletionGracePeriodSeconds i64*',
    '11 labels {}', '12 annotations {}', '13 ownerReferences OwnerReference[]', '14 finalizers []',
    '17 managedFields ManagedFieldsEntry[]',
  ],
  OwnerReference: [
    '5 apiVersion !', '1 kind !', '3 name !', '4 uid !', '6 controller b*', '7 blockOwnerDeletion b*',
  ],
  ListMeta: ['1 selfLink', '2 resourceVersion', '3 continue', '4 remainingItemCount i64*'],
  ManagedFieldsEntry: [
    '1 manager', '2 operation', '3 apiVersion', '4 time Time', '6 fieldsType', '7 fieldsV1 FieldsV1',
    '8 subresource',
  ],
  LabelSelector: ['1 matchLabels {}', '2 matchExpressions LabelSelectorRequirement[]'],
  LabelSelectorRequirement: ['1 key !', '2 operator !', '3 values []'],
  Condition: [
    '1 type !', '2 status !', '3 observedGeneration i64', '4 lastTransitionTime Time', '5 reason !',
    '6 message !',
  ],
  Preconditions: ['1 uid *', '2 resourceVersion *'],
  DeleteOptions: [
    '1 gracePeriodSeconds i64*', '2 preconditions Preconditions', '3 orphanDependents b*',
    '4 propagationPolicy *', '5 dryRun []',
  ],
  CreateOptions: ['1 dryRun []', '3 fieldManager', '4 fieldValidation'],
  UpdateOptions: ['1 dryRun []', '2 fieldManager', '3 fieldValidation'],
  PatchOptions: ['1 dryRun []', '2 force b*', '3 fieldManager', '4 fieldValidation'],
};
