/**
 * Priority admission: a pod's priorityClassName resolves to spec.priority (and preemptionPolicy);
 * without one it gets the global default class, else priority 0. An unknown class is refused.
 */
import { ApiError } from '../../apis/meta/errors.js';
import type { KubeObject } from '../../apis/meta/types.js';
import type { AdmissionPlugin } from '../plugin.js';

interface PriorityClass extends KubeObject { value?: number; globalDefault?: boolean; preemptionPolicy?: string }

export function newPriorityAdmission(getClass: (name: string) => Promise<KubeObject | null>, listClasses: () => Promise<KubeObject[]>): AdmissionPlugin {
  return {
    name: 'Priority',
    handles: (op) => op === 'CREATE',
    async admit(a) {
      if (a.resource.group !== '' || a.resource.resource !== 'pods' || a.subresource || !a.object) return;
      const spec = ((a.object.spec ??= {}) as { priorityClassName?: string; priority?: number; preemptionPolicy?: string });
      let cls: PriorityClass | null = null;
      if (spec.priorityClassName) {
        cls = await getClass(spec.priorityClassName) as PriorityClass | null;
        if (!cls) {
          throw new ApiError(403, 'Forbidden', `pods "${a.object.metadata.name ?? ''}" is forbidden: no PriorityClass with name ${spec.priorityClassName} was found`, { name: a.object.metadata.name, kind: 'pods' });
        }
      } else {
        const defaults = (await listClasses() as PriorityClass[]).filter((c) => c.globalDefault);
        // The lowest-valued global default wins when there are several, as upstream.
        cls = defaults.sort((x, y) => (x.value ?? 0) - (y.value ?? 0))[0] ?? null;
        if (cls) spec.priorityClassName = cls.metadata.name;
      }
      const value = cls?.value ?? 0;
      if (spec.priority !== undefined && spec.priority !== value) {
        throw new ApiError(403, 'Forbidden', `pods "${a.object.metadata.name ?? ''}" is forbidden: the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${value} from the given PriorityClass name`, { name: a.object.metadata.name, kind: 'pods' });
      }
      spec.priority = value;
      spec.preemptionPolicy = cls?.preemptionPolicy ?? spec.preemptionPolicy ?? 'PreemptLowerPriority';
    },
  };
}
