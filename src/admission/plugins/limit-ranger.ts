/**
 * LimitRanger: LimitRanges of type Container in a pod's namespace give its containers default
 * requests and limits, and refuse containers outside their min/max (upstream's plugin, for the
 * Container type; Pod and PersistentVolumeClaim types are not enforced yet).
 */
import { ApiError } from '../../apis/meta/errors.js';
import type { KubeObject } from '../../apis/meta/types.js';
import { parseQuantity } from '../../apis/meta/quantity.js';
import type { AdmissionPlugin } from '../plugin.js';

type ResourceList = Record<string, string>;
interface LimitItem { type?: string; default?: ResourceList; defaultRequest?: ResourceList; min?: ResourceList; max?: ResourceList }
interface Container { resources?: { requests?: ResourceList; limits?: ResourceList } }

export function newLimitRanger(listLimitRanges: (ns: string) => Promise<KubeObject[]>): AdmissionPlugin {
  return {
    name: 'LimitRanger',
    handles: (op) => op === 'CREATE',
    async admit(a) {
      if (a.resource.group !== '' || a.resource.resource !== 'pods' || a.subresource || !a.object) return;
      const items = (await listLimitRanges(a.namespace)).flatMap((lr) => ((lr.spec as { limits?: LimitItem[] } | undefined)?.limits ?? []).filter((l) => l.type === 'Container'));
      if (items.length === 0) return;
      const spec = (a.object.spec ?? {}) as { containers?: Container[]; initContainers?: Container[] };
      const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
      for (const c of containers) {
        const res = (c.resources ??= {});
        for (const item of items) {
          // Defaults first: limits from `default`, requests from `defaultRequest` (else the limit).
          for (const [name, value] of Object.entries(item.default ?? {})) (res.limits ??= {})[name] ??= value;
          for (const [name, value] of Object.entries(item.defaultRequest ?? item.default ?? {})) (res.requests ??= {})[name] ??= (res.limits?.[name] ?? value);
        }
      }
      const problems: string[] = [];
      for (const c of containers) {
        for (const item of items) {
          for (const [name, max] of Object.entries(item.max ?? {})) {
            const limit = c.resources?.limits?.[name];
            if (limit === undefined) problems.push(`maximum ${name} usage per Container is ${max}.  No limit is specified`);
            else if ((parseQuantity(limit) ?? 0) > (parseQuantity(max) ?? Infinity)) problems.push(`maximum ${name} usage per Container is ${max}, but limit is ${limit}`);
          }
          for (const [name, min] of Object.entries(item.min ?? {})) {
            const request = c.resources?.requests?.[name];
            if (request === undefined) problems.push(`minimum ${name} usage per Container is ${min}.  No request is specified`);
            else if ((parseQuantity(request) ?? 0) < (parseQuantity(min) ?? 0)) problems.push(`minimum ${name} usage per Container is ${min}, but request is ${request}`);
          }
        }
      }
      if (problems.length > 0) {
        throw new ApiError(403, 'Forbidden', `pods "${a.object.metadata.name ?? ''}" is forbidden: [${problems.join(', ')}]`.replace(/: \[([^,\]]*)\]$/, ': $1'), { name: a.object.metadata.name, kind: 'pods' });
      }
    },
  };
}
