/**
 * ResourceQuota admission: a create that would take a namespace over one of its quotas is refused
 * with upstream's 403 (`exceeded quota: <name>, requested: pods=1, used: pods=2, limited:
 * pods=2`). Usage is computed from what is stored; the quota controller mirrors it in status.
 */
import { ApiError } from '../../apis/meta/errors.js';
import type { KubeObject } from '../../apis/meta/types.js';
import { parseQuantity } from '../../apis/meta/quantity.js';
import { computeUsage, formatUsage, type Lister, usageOf } from '../../apis/core/quota-usage.js';
import type { AdmissionPlugin } from '../plugin.js';

export function newResourceQuota(list: Lister): AdmissionPlugin {
  return {
    name: 'ResourceQuota',
    handles: (op) => op === 'CREATE',
    async validate(a) {
      if (!a.namespace || a.subresource || !a.object || a.dryRun) return;
      const gr = `${a.resource.group}/${a.resource.resource}`;
      const quotas = await list('/resourcequotas', a.namespace);
      if (quotas.length === 0) return;
      const delta = usageOf(gr, a.object);
      for (const q of quotas as KubeObject[]) {
        const hard = ((q.spec as { hard?: Record<string, string> } | undefined)?.hard) ?? {};
        const keys = Object.keys(hard).filter((k) => (delta[k] ?? 0) > 0).sort();
        if (keys.length === 0) continue;
        const used = await computeUsage(Object.fromEntries(keys.map((k) => [k, hard[k]])), a.namespace, list);
        const over = keys.filter((k) => used[k] + delta[k] > (parseQuantity(hard[k]) ?? Infinity));
        if (over.length === 0) continue;
        const res = a.resource.group ? `${a.resource.resource}.${a.resource.group}` : a.resource.resource;
        throw new ApiError(403, 'Forbidden',
          `${res} "${a.name}" is forbidden: exceeded quota: ${q.metadata.name}, requested: ${over.map((k) => formatUsage(k, delta[k])).join(',')}, used: ${over.map((k) => formatUsage(k, used[k])).join(',')}, limited: ${over.map((k) => `${k}=${hard[k]}`).join(',')}`,
          { name: a.name, group: a.resource.group || undefined, kind: a.resource.resource });
      }
    },
  };
}
