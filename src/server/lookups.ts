/**
 * Read-only views of stored objects that authenticators and authorizers need (service accounts
 * and their bound objects, RBAC objects, what is scheduled on a node). They read through the
 * Stores, so they see exactly what the API serves.
 */
import { ApiError } from '../apis/meta/errors.js';
import type { KubeObject } from '../apis/meta/types.js';
import type { ServiceAccountLookup } from '../auth/authn/service-account.js';
import type { NodeGraph } from '../auth/authz/node.js';
import type { RbacLister } from '../auth/authz/rbac/evaluator.js';
import type { Route } from '../endpoints/resource-handler.js';

export type Routes = Map<string, Route>;

/** The stored object, or null when it does not exist. */
export async function getOrNull(routes: Routes, groupResource: string, namespace: string, name: string): Promise<KubeObject | null> {
  try {
    return await routes.get(groupResource)!.store.get(namespace, name);
  } catch (e) {
    if (e instanceof ApiError && e.code === 404) return null;
    throw e;
  }
}

export async function listAll(routes: Routes, groupResource: string, namespace = '', fieldSelector?: string): Promise<KubeObject[]> {
  return (await routes.get(groupResource)!.store.list(namespace, { fieldSelector })).items;
}

const identity = (o: KubeObject | null) => (o ? { uid: o.metadata.uid ?? '', deletionTimestamp: o.metadata.deletionTimestamp } : null);

export function serviceAccountLookup(routes: Routes): ServiceAccountLookup {
  return {
    getServiceAccount: async (ns, name) => identity(await getOrNull(routes, '/serviceaccounts', ns, name)),
    getSecret: async (ns, name) => {
      const s = await getOrNull(routes, '/secrets', ns, name);
      if (!s) return null;
      const token = (s.data as Record<string, string> | undefined)?.token;
      return { ...identity(s)!, token: token ? Buffer.from(token, 'base64').toString('utf8') : undefined };
    },
    getPod: async (ns, name) => {
      const p = await getOrNull(routes, '/pods', ns, name);
      return p ? { ...identity(p)!, nodeName: (p.spec as { nodeName?: string } | undefined)?.nodeName } : null;
    },
    getNode: async (name) => identity(await getOrNull(routes, '/nodes', '', name)),
  };
}

export function rbacLister(routes: Routes): RbacLister {
  const group = 'rbac.authorization.k8s.io';
  return {
    listClusterRoleBindings: () => listAll(routes, `${group}/clusterrolebindings`),
    listRoleBindings: (ns) => listAll(routes, `${group}/rolebindings`, ns),
    getClusterRole: (name) => getOrNull(routes, `${group}/clusterroles`, '', name),
    getRole: (ns, name) => getOrNull(routes, `${group}/roles`, ns, name),
  };
}

export function nodeGraph(routes: Routes): NodeGraph {
  return {
    podsOnNode: (node) => listAll(routes, '/pods', '', `spec.nodeName=${node}`),
    getPVC: (ns, name) => getOrNull(routes, '/persistentvolumeclaims', ns, name),
    getPV: (name) => getOrNull(routes, '/persistentvolumes', '', name),
    getVolumeAttachment: (name) => getOrNull(routes, 'storage.k8s.io/volumeattachments', '', name),
  };
}
