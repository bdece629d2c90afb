/**
 * Objects the server makes sure exist at start (created when missing, never overwritten): the
 * default namespaces, each resource's bootstrap objects (flowcontrol, priority classes), and the
 * `kubernetes` Service.
 */
import { networkInterfaces } from 'node:os';
import type { KubeObject } from '../apis/meta/types.js';
import type { RequestContext } from '../registry/rest.js';
import type { Store } from '../registry/store.js';
import { bootstrapClusterRoleBindings, bootstrapClusterRoles, bootstrapRoleBindings, bootstrapRoles } from '../auth/authz/rbac/bootstrap-policy.js';
import { insecureUser } from '../auth/user.js';

export const defaultNamespaces = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

const systemCtx: RequestContext = { user: insecureUser, namespace: '', dryRun: false };

/**
 * --advertise-address when blank, as upstream: the bind address unless it is unspecified
 * (0.0.0.0, ::), else the first non-loopback IPv4 interface.
 */
export function defaultAdvertiseAddress(bindAddress: string): string {
  if (bindAddress && bindAddress !== '0.0.0.0' && bindAddress !== '::') return bindAddress;
  for (const addrs of Object.values(networkInterfaces())) {
    for (const a of addrs ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}

export async function ensureBootstrapObjects(stores: Map<string, Store>): Promise<void> {
  // Concurrent creates share group commits: a fresh start pays a few fsyncs, not one per object.
  const namespaces = stores.get('/namespaces')!;
  await Promise.all(defaultNamespaces.map((name) =>
    namespaces.ensure({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } } }, systemCtx)));
  const pending: Array<Promise<void>> = [];
  for (const store of stores.values()) {
    for (const obj of store.def.bootstrap?.() ?? []) pending.push(store.ensure(obj, systemCtx));
  }
  // upstream's RBAC bootstrap policy (the rbac/bootstrap-roles post-start hook): created when missing.
  const rbac = 'rbac.authorization.k8s.io';
  const policy: Array<[string, KubeObject[]]> = [
    [`${rbac}/clusterroles`, bootstrapClusterRoles()],
    [`${rbac}/clusterrolebindings`, bootstrapClusterRoleBindings()],
    [`${rbac}/roles`, bootstrapRoles()],
    [`${rbac}/rolebindings`, bootstrapRoleBindings()],
  ];
  for (const [key, objects] of policy) for (const obj of objects) pending.push(stores.get(key)!.ensure(obj, systemCtx));
  await Promise.all(pending);
}

/**
 * The `kubernetes` Service (first service IP, port 443 -> the secure port). Its endpoints are the
 * endpoint reconciler's (endpoint-reconciler.ts), as upstream.
 */
export async function ensureKubernetesService(stores: Map<string, Store>, clusterIP: string, securePort: number): Promise<void> {
  const labels = { component: 'apiserver', provider: 'kubernetes' };
  const ctx = { ...systemCtx, namespace: 'default' };
  await stores.get('/services')!.ensure({
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels },
    spec: {
      type: 'ClusterIP', clusterIP, clusterIPs: [clusterIP], sessionAffinity: 'None',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: securePort }],
      ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', internalTrafficPolicy: 'Cluster',
    },
  }, ctx);
}
