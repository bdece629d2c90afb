/**
 * policy/v1 type table (staging/src/k8s.io/api/policy/v1/types.go): PodDisruptionBudget, its
 * list, and Eviction (the body POSTed to pods/<name>/eviction). Field specs match
 * src/protobuf/types-groups.ts. Data table; format: src/schema/format.ts.
 */
import type { FieldMeta, GroupVersionKind, TypeTable } from '../../schema/format.js';

const gvk = (kind: string): GroupVersionKind[] => [{ group: 'policy', version: 'v1', kind }];
const required: FieldMeta = { required: true };

export const policyTypes: TypeTable = {
  PodDisruptionBudget: {
    name: 'io.k8s.api.policy.v1.PodDisruptionBudget',
    description: 'A PodDisruptionBudget limits how many of a set of pods may be down at once through voluntary disruptions such as evictions during a node drain.',
    gvk: gvk('PodDisruptionBudget'),
    fields: [
      ['1 metadata ObjectMeta', "The object's standard metadata: name, namespace, labels, annotations and so on."],
      ['2 spec PodDisruptionBudgetSpec', 'Which pods are protected and how many must stay available.'],
      ['3 status PodDisruptionBudgetStatus', 'The disruption controller\'s latest view; it may lag behind the cluster.'],
    ],
  },
  PodDisruptionBudgetList: {
    name: 'io.k8s.api.policy.v1.PodDisruptionBudgetList',
    description: 'A list of PodDisruptionBudgets.',
    gvk: gvk('PodDisruptionBudgetList'),
    fields: [
      ['1 metadata ListMeta', "The list's metadata: resourceVersion and the continue token for paging."],
      ['2 items PodDisruptionBudget[]!', 'The PodDisruptionBudgets.', { required: true }],
    ],
  },
  PodDisruptionBudgetSpec: {
    name: 'io.k8s.api.policy.v1.PodDisruptionBudgetSpec',
    description: 'The pods a PodDisruptionBudget protects and the availability it demands. Set minAvailable or maxUnavailable, not both.',
    fields: [
      ['1 minAvailable IntOrString', 'An eviction is allowed only if at least this many selected pods (a number or a percentage) stay available afterwards. "100%" blocks every eviction.'],
      ['2 selector LabelSelector', 'The pods this budget covers. A null selector matches nothing; an empty one matches every pod in the namespace.', { patchStrategy: 'replace' }],
      ['3 maxUnavailable IntOrString', 'An eviction is allowed only if at most this many selected pods (a number or a percentage) are unavailable afterwards. 0 blocks every eviction.'],
      ['4 unhealthyPodEvictionPolicy *', 'When running but not-ready pods may be evicted: IfHealthyBudget (the default) only while the application is not disrupted; AlwaysAllow regardless of the budget.', { enum: ['AlwaysAllow', 'IfHealthyBudget'] }],
    ],
  },
  PodDisruptionBudgetStatus: {
    name: 'io.k8s.api.policy.v1.PodDisruptionBudgetStatus',
    description: 'The observed state of a PodDisruptionBudget. Only trust it when observedGeneration equals metadata.generation.',
    fields: [
      ['1 observedGeneration i64', 'The metadata.generation this status was computed for.'],
      ['2 disruptedPods Time{}', 'Pods whose eviction the API server accepted but the controller has not yet seen deleted, by pod name, with the time of the eviction. Normally empty.'],
      ['3 disruptionsAllowed i32!', 'How many pods may be disrupted right now.', required],
      ['4 currentHealthy i32!', 'How many selected pods are healthy now.', required],
      ['5 desiredHealthy i32!', 'The fewest healthy pods the budget allows.', required],
      ['6 expectedPods i32!', 'How many pods the budget counts in total.', required],
      ['7 conditions Condition[]', 'The DisruptionAllowed condition, with reason SufficientPods, InsufficientPods or SyncFailed.', { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
    ],
  },
  Eviction: {
    name: 'io.k8s.api.policy.v1.Eviction',
    description: 'A request to evict a pod, honoring PodDisruptionBudgets: POST it to the pod\'s eviction subresource.',
    gvk: gvk('Eviction'),
    fields: [
      ['1 metadata ObjectMeta', 'Names the pod to evict (name and namespace).'],
      ['2 deleteOptions DeleteOptions', 'Options for the deletion that carries out the eviction, such as a grace period or preconditions.'],
    ],
  },
};
