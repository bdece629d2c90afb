/**
 * node.k8s.io/v1 type table (staging/src/k8s.io/api/node/v1/types.go): RuntimeClass, which
 * picks a container runtime handler for pods and adds its overhead and scheduling constraints.
 * Data table; format: src/schema/format.ts.
 */
import type { GroupVersionKind, TypeTable } from '../../schema/format.js';

const gvk = (kind: string): GroupVersionKind[] => [{ group: 'node.k8s.io', version: 'v1', kind }];

export const nodeTypes: TypeTable = {
  RuntimeClass: {
    name: 'io.k8s.api.node.v1.RuntimeClass',
    description: 'A RuntimeClass names a container runtime configuration (e.g. a sandboxed runtime). Pods choose it with runtimeClassName.',
    gvk: gvk('RuntimeClass'),
    fields: [
      ['1 metadata ObjectMeta', "The object's standard metadata: name, labels, annotations and so on."],
      ['2 handler !', 'The runtime handler the CRI implementation runs pods of this class with. A lowercase DNS label; immutable.', { required: true }],
      ['3 overhead Overhead', 'Resources a pod of this class costs beyond its containers, e.g. for the sandbox VM.'],
      ['4 scheduling Scheduling', 'Restricts pods of this class to nodes that support it. Unset means every node does.'],
    ],
  },
  RuntimeClassList: {
    name: 'io.k8s.api.node.v1.RuntimeClassList',
    description: 'A list of RuntimeClasses.',
    gvk: gvk('RuntimeClassList'),
    fields: [
      ['1 metadata ListMeta', "The list's metadata: resourceVersion and the continue token for paging."],
      ['2 items RuntimeClass[]!', 'The RuntimeClasses.', { required: true }],
    ],
  },
  Overhead: {
    name: 'io.k8s.api.node.v1.Overhead',
    description: 'The resources a pod of a RuntimeClass uses beyond its containers.',
    fields: [['1 podFixed Quantity{}', 'A fixed amount per pod, by resource name (e.g. cpu, memory); added to the pod\'s spec.overhead at admission.']],
  },
  Scheduling: {
    name: 'io.k8s.api.node.v1.Scheduling',
    description: 'The nodes that can run pods of a RuntimeClass.',
    fields: [
      ['1 nodeSelector s{}', 'Labels the node must have; merged into each pod\'s nodeSelector at admission (a conflict rejects the pod).', { mapType: 'atomic' }],
      ['2 tolerations Toleration[]', 'Tolerations added to each pod of this class at admission, skipping ones the pod already has.', { listType: 'atomic' }],
    ],
  },
};
