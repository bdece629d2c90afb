/**
 * What a ResourceQuota counts (upstream's quota evaluators, for the core resources): object
 * counts (`pods`, `configmaps`, `count/deployments.apps`, ...), compute requests and limits of
 * pods that are not finished, `services.nodeports`/`services.loadbalancers`, and PVC storage.
 * Pure: the caller supplies a way to list a resource in a namespace.
 */
import type { KubeObject } from '../meta/types.js';
import { formatQuantity, parseQuantity } from '../meta/quantity.js';

export type Lister = (groupResource: string, namespace: string) => Promise<KubeObject[]>;

const shortCounts: Record<string, string> = {
  pods: '/pods', services: '/services', configmaps: '/configmaps', secrets: '/secrets',
  persistentvolumeclaims: '/persistentvolumeclaims', replicationcontrollers: '/replicationcontrollers', resourcequotas: '/resourcequotas',
};

const terminal = (p: KubeObject) => ['Succeeded', 'Failed'].includes((p.status as { phase?: string } | undefined)?.phase ?? '');

interface Container { resources?: { requests?: Record<string, string>; limits?: Record<string, string> } }

/** What one object adds to each quota key (only keys it affects). */
export function usageOf(groupResource: string, obj: KubeObject): Record<string, number> {
  const [group, resource] = groupResource.split('/');
  const out: Record<string, number> = { [`count/${group ? `${resource}.${group}` : resource}`]: 1 };
  for (const [key, gr] of Object.entries(shortCounts)) if (gr === groupResource) out[key] = 1;
  if (groupResource === '/pods') {
    if (terminal(obj)) return {};
    const spec = (obj.spec ?? {}) as { containers?: Container[] };
    for (const c of spec.containers ?? []) {
      for (const kind of ['requests', 'limits'] as const) {
        for (const [name, q] of Object.entries(c.resources?.[kind] ?? {})) {
          const v = parseQuantity(q) ?? 0;
          out[`${kind}.${name}`] = (out[`${kind}.${name}`] ?? 0) + v;
          if (kind === 'requests' && (name === 'cpu' || name === 'memory')) out[name] = (out[name] ?? 0) + v;
        }
      }
    }
  }
  if (groupResource === '/services') {
    const spec = (obj.spec ?? {}) as { type?: string; ports?: unknown[] };
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') out['services.nodeports'] = spec.ports?.length ?? 0;
    if (spec.type === 'LoadBalancer') out['services.loadbalancers'] = 1;
  }
  if (groupResource === '/persistentvolumeclaims') {
    const req = (obj.spec as { resources?: { requests?: Record<string, string> } } | undefined)?.resources?.requests?.storage;
    out['requests.storage'] = parseQuantity(req) ?? 0;
  }
  return out;
}

/** Which resource a quota key is counted from. */
export function resourceForKey(key: string): string | null {
  if (key in shortCounts) return shortCounts[key];
  if (key.startsWith('count/')) {
    const name = key.slice('count/'.length);
    const dot = name.indexOf('.');
    return dot < 0 ? `/${name}` : `${name.slice(dot + 1)}/${name.slice(0, dot)}`;
  }
  if (key.startsWith('services.')) return '/services';
  if (key === 'requests.storage') return '/persistentvolumeclaims';
  if (['cpu', 'memory'].includes(key) || key.startsWith('requests.') || key.startsWith('limits.')) return '/pods';
  return null;
}

/** Current usage of every key in hard, in namespace. */
export async function computeUsage(hard: Record<string, string>, namespace: string, list: Lister): Promise<Record<string, number>> {
  const used: Record<string, number> = {};
  const byResource = new Map<string, string[]>();
  for (const key of Object.keys(hard)) {
    const gr = resourceForKey(key);
    if (!gr) continue;
    byResource.set(gr, [...(byResource.get(gr) ?? []), key]);
    used[key] = 0;
  }
  for (const [gr, keys] of byResource) {
    for (const obj of await list(gr, namespace).catch(() => [])) {
      const u = usageOf(gr, obj);
      for (const k of keys) used[k] += u[k] ?? 0;
    }
  }
  return used;
}

export function formatUsage(key: string, n: number): string {
  return `${key}=${key.includes('memory') || key.includes('storage') ? String(Math.round(n)) : formatQuantity(n)}`;
}
