/**
 * core/v1 schema table for scheduling affinity: node affinity with its node selector terms
 * (NodeSelector is also what PersistentVolume node affinity and RuntimeClass scheduling use),
 * and inter-pod affinity and anti-affinity. Facts follow upstream v1.32
 * (staging/src/k8s.io/api/core/v1/types.go).
 */
import type { FieldEntry, TypeTable } from '../../schema/format.js';

const req = { required: true } as const;
const atomic = { listType: 'atomic' } as const;

const requiredPodTerms = 'Terms every candidate node must satisfy at scheduling time, all of them at once. If they stop holding later the pod may or may not be evicted.';
const preferredPodTerms = 'Weighted terms the scheduler tries to satisfy: nodes score the sum of the weights of the terms they meet, and the highest score wins.';

/** PodAffinity and PodAntiAffinity have the same two term lists upstream; only their meaning differs. */
const podAffinityFields: FieldEntry[] = [
  ['1 requiredDuringSchedulingIgnoredDuringExecution PodAffinityTerm[]', requiredPodTerms, atomic],
  ['2 preferredDuringSchedulingIgnoredDuringExecution WeightedPodAffinityTerm[]', preferredPodTerms, atomic],
];

export const coreAffinityTypes: TypeTable = {
  Affinity: {
    name: 'io.k8s.api.core.v1.Affinity',
    description: "The pod's affinity scheduling rules.",
    fields: [
      ['1 nodeAffinity NodeAffinity', 'Which nodes the pod may or should be placed on, by node labels and fields.'],
      ['2 podAffinity PodAffinity', 'Pods this pod should run near (same node, zone, ...).'],
      ['3 podAntiAffinity PodAntiAffinity', 'Pods this pod should stay away from.'],
    ],
  },
  NodeAffinity: {
    name: 'io.k8s.api.core.v1.NodeAffinity',
    description: 'Node affinity scheduling rules.',
    fields: [
      ['1 requiredDuringSchedulingIgnoredDuringExecution NodeSelector', 'A node must match this selector for the pod to be scheduled onto it; a later mismatch may or may not evict the pod.'],
      ['2 preferredDuringSchedulingIgnoredDuringExecution PreferredSchedulingTerm[]', 'Weighted node preferences: nodes score the sum of the weights of the terms they match, and the highest score wins.', atomic],
    ],
  },
  NodeSelector: {
    name: 'io.k8s.api.core.v1.NodeSelector',
    description: 'A node query made of terms ORed together.',
    structType: 'atomic',
    fields: [['1 nodeSelectorTerms NodeSelectorTerm[]!', 'The terms; a node matches when it matches any of them.', { ...req, ...atomic }]],
  },
  NodeSelectorTerm: {
    name: 'io.k8s.api.core.v1.NodeSelectorTerm',
    description: 'Requirements ANDed together; a null or empty term matches no node.',
    structType: 'atomic',
    fields: [
      ['1 matchExpressions NodeSelectorRequirement[]', 'Requirements on node labels.', atomic],
      ['2 matchFields NodeSelectorRequirement[]', 'Requirements on node fields (metadata.name).', atomic],
    ],
  },
  NodeSelectorRequirement: {
    name: 'io.k8s.api.core.v1.NodeSelectorRequirement',
    description: 'One requirement: a key, an operator and values.',
    fields: [
      ['1 key !', 'The label key (or field name) the requirement applies to.', req],
      ['2 operator !', 'How the key relates to the values: In, NotIn, Exists, DoesNotExist, Gt or Lt.', { ...req, enum: ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'] }],
      ['3 values []', 'The values: non-empty for In and NotIn, empty for Exists and DoesNotExist, a single integer for Gt and Lt.', atomic],
    ],
  },
  PreferredSchedulingTerm: {
    name: 'io.k8s.api.core.v1.PreferredSchedulingTerm',
    description: 'A node selector term with a weight. An empty term matches every node with weight 0; a null one matches none.',
    fields: [
      ['1 weight i32!', 'The weight, 1-100.', req],
      ['2 preference NodeSelectorTerm', 'The term nodes are matched against.', req],
    ],
  },
  PodAffinity: {
    name: 'io.k8s.api.core.v1.PodAffinity',
    description: 'Inter-pod affinity rules: place this pod in the same topology domain as certain pods.',
    fields: podAffinityFields,
  },
  PodAntiAffinity: {
    name: 'io.k8s.api.core.v1.PodAntiAffinity',
    description: 'Inter-pod anti-affinity rules: keep this pod out of the topology domains of certain pods.',
    fields: podAffinityFields,
  },
  WeightedPodAffinityTerm: {
    name: 'io.k8s.api.core.v1.WeightedPodAffinityTerm',
    description: 'A pod affinity term with a weight; each matching node adds the weight to its score.',
    fields: [
      ['1 weight i32!', 'The weight, 1-100.', req],
      ['2 podAffinityTerm PodAffinityTerm', 'The term.', req],
    ],
  },
  PodAffinityTerm: {
    name: 'io.k8s.api.core.v1.PodAffinityTerm',
    description: 'A set of pods (selected by labels in some namespaces) and the topology key defining "near": nodes with the same value of that label count as one domain.',
    fields: [
      ['1 labelSelector LabelSelector', 'Selects the pods; null matches none.'],
      ['2 namespaces []', 'Namespaces the selector applies in, united with namespaceSelector; both empty means the pod\'s own namespace.', atomic],
      ['3 topologyKey !', 'The node label that defines the domains; must not be empty.', req],
      ['4 namespaceSelector LabelSelector', 'Selects namespaces the term applies in, united with namespaces; {} matches every namespace.'],
      ['5 matchLabelKeys []', "Label keys whose values, taken from the incoming pod, are added to labelSelector as key in (value). Needs labelSelector.", atomic],
      ['6 mismatchLabelKeys []', "Label keys whose values, taken from the incoming pod, are added to labelSelector as key notin (value). Needs labelSelector.", atomic],
    ],
  },
};
