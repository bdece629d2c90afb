/**
 * Admission plugins by name, the default set, and --enable/--disable-admission-plugins. The chain
 * runs them in upstream's recommended order whatever order the flags list them in.
 */
import type { KubeObject } from '../apis/meta/types.js';
import type { Lister } from '../apis/core/quota-usage.js';
import type { Storage } from '../storage/storage.js';
import { StorageMirror } from './mirror.js';
import { newAdmissionChain, type Admission, type AdmissionPlugin } from './plugin.js';
import { newDefaultStorageClassAdmission } from './plugins/default-storage-class.js';
import { newLimitRanger } from './plugins/limit-ranger.js';
import { newNamespaceLifecycle } from './plugins/namespace-lifecycle.js';
import { newNodeRestriction } from './plugins/node-restriction.js';
import { newPriorityAdmission } from './plugins/priority.js';
import { newRbacEscalation, type RbacPolicyHolder } from './plugins/rbac-escalation.js';
import { newResourceQuota } from './plugins/resource-quota.js';
import { newServiceAccountAdmission } from './plugins/service-account.js';

/** Reads the plugins need, over whatever store the server has. */
export interface AdmissionLookups {
  get(groupResource: string, namespace: string, name: string): Promise<KubeObject | null>;
  list: Lister;
  /** The RBAC policy, once known (escalation checks need it). */
  rbac: RbacPolicyHolder;
  /**
   * Optional. The storage whose namespaces and resource quotas admission reads from memory
   * (mirror.ts) instead of on every create. SQLite tells its watchers of a write before
   * acknowledging it, so its mirrors are never behind what a client saw acknowledged; etcd's are
   * behind by the watch delay, like the informer listers upstream's plugins read (a namespace
   * not in the mirror yet, or one with quotas, is still read from storage).
   */
  mirrorFrom?: Storage;
}

/** Upstream's order (pkg/kubeapiserver/options/plugins.go AllOrderedPlugins), for the plugins kubets has. */
export const orderedPlugins = ['NamespaceLifecycle', 'LimitRanger', 'ServiceAccount', 'NodeRestriction', 'Priority', 'DefaultStorageClass', 'ResourceQuota'] as const;

export const defaultOnPlugins: readonly string[] = orderedPlugins;

/** The enabled set, or an error message naming the unknown plugin as upstream does. */
export function enabledPlugins(enable: readonly string[], disable: readonly string[]): string[] {
  for (const [flag, names] of [['enable-admission-plugins', enable], ['disable-admission-plugins', disable]] as const) {
    for (const n of names) if (!(orderedPlugins as readonly string[]).includes(n)) throw new Error(`${flag} plugin "${n}" is unknown`);
  }
  return orderedPlugins.filter((p) => (defaultOnPlugins.includes(p) || enable.includes(p)) && !disable.includes(p));
}

/**
 * Lookups that answer the per-create reads from mirrors: a namespace found in memory, and "no
 * quota in this namespace". Anything else (a namespace not mirrored yet, a namespace that has
 * quotas, whose usage must be exact) reads storage as before.
 */
function withMirrors(names: readonly string[], l: AdmissionLookups, storage: Storage): AdmissionLookups {
  const namespaces = names.includes('NamespaceLifecycle') ? new StorageMirror(storage, '/registry/namespaces/') : undefined;
  const quotas = names.includes('ResourceQuota') ? new StorageMirror(storage, '/registry/resourcequotas/') : undefined;
  return {
    ...l,
    async get(gr, ns, name) {
      const o = gr === '/namespaces' && namespaces?.ready ? namespaces.get(`${namespaces.prefix}${name}`) : undefined;
      return o ?? l.get(gr, ns, name);
    },
    async list(gr, ns) {
      if (gr === '/resourcequotas' && ns && quotas?.ready && !quotas.hasAny(`${quotas.prefix}${ns}/`)) return [];
      return l.list(gr, ns);
    },
  };
}

export function buildAdmission(names: readonly string[], lookups: AdmissionLookups): Admission {
  const l = lookups.mirrorFrom ? withMirrors(names, lookups, lookups.mirrorFrom) : lookups;
  const factories: Record<string, () => AdmissionPlugin> = {
    NamespaceLifecycle: () => newNamespaceLifecycle((name) => l.get('/namespaces', '', name)),
    LimitRanger: () => newLimitRanger((ns) => l.list('/limitranges', ns)),
    ServiceAccount: () => newServiceAccountAdmission((ns, name) => l.get('/serviceaccounts', ns, name)),
    NodeRestriction: () => newNodeRestriction(),
    Priority: () => newPriorityAdmission((name) => l.get('scheduling.k8s.io/priorityclasses', '', name), () => l.list('scheduling.k8s.io/priorityclasses', '')),
    DefaultStorageClass: () => newDefaultStorageClassAdmission(() => l.list('storage.k8s.io/storageclasses', '')),
    ResourceQuota: () => newResourceQuota(l.list),
  };
  // Escalation prevention is part of RBAC itself upstream (not a plugin one can turn off): always on.
  const escalation = newRbacEscalation(l.rbac, (kind, ns, name) => (kind === 'Role'
    ? l.get('rbac.authorization.k8s.io/roles', ns, name) : l.get('rbac.authorization.k8s.io/clusterroles', '', name)));
  return newAdmissionChain([...names.map((n) => factories[n]()), escalation]);
}
