/**
 * scheduling.k8s.io/v1 type table (staging/src/k8s.io/api/scheduling/v1/types.go):
 * PriorityClass. Field specs match src/protobuf/types-groups.ts. Data table; format:
 * src/schema/format.ts.
 */
import type { GroupVersionKind, TypeTable } from '../../schema/format.js';

const gvk = (kind: string): GroupVersionKind[] => [{ group: 'scheduling.k8s.io', version: 'v1', kind }];

export const schedulingTypes: TypeTable = {
  PriorityClass: {
    name: 'io.k8s.api.scheduling.v1.PriorityClass',
    description: 'A PriorityClass maps a name to a pod priority. Pods name it in priorityClassName; higher values are scheduled first and may preempt lower ones.',
    gvk: gvk('PriorityClass'),
    fields: [
      ['1 metadata ObjectMeta', "The object's standard metadata: name, labels, annotations and so on."],
      ['2 value i32!', 'The priority pods of this class get. Values above one billion are reserved for system classes. Immutable.', { required: true }],
      ['3 globalDefault b', 'When true, pods without a priorityClassName get this class. At most one class may set it.'],
      ['4 description', 'Free text telling users when to use this class.'],
      ['5 preemptionPolicy *', 'PreemptLowerPriority (the default) lets these pods evict lower-priority pods; Never keeps them waiting instead.', { enum: ['Never', 'PreemptLowerPriority'] }],
    ],
  },
  PriorityClassList: {
    name: 'io.k8s.api.scheduling.v1.PriorityClassList',
    description: 'A list of PriorityClasses.',
    gvk: gvk('PriorityClassList'),
    fields: [
      ['1 metadata ListMeta', "The list's metadata: resourceVersion and the continue token for paging."],
      ['2 items PriorityClass[]!', 'The PriorityClasses.', { required: true }],
    ],
  },
};
