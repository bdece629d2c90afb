/**
 * Objects the server makes sure exist at start (created when missing, never overwritten): the
 * default namespaces, each resource's bootstrap objects (flowcontrol, priority classes), and the
 * `kubernetes` Service with its Endpoints and EndpointSlice pointing at this server.
 */
import { networkInterfaces } from 'node:os';
import { ApiError } from '../apis/meta/errors.js';
import type { KubeObject } from '../apis/meta/types.js';
import type { RequestContext } from '../registry/rest.js';
import type { Store } from '../registry/store.js';
import { bootstrapClusterRoleBindings, bootstrapClusterRoles, bootstrapRoleBindings, bootstrapRoles } from '../auth/authz/rbac/bootstrap-policy.js';
import { insecureUser } from '../auth/user.js';

export const defaultNamespaces = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

const systemCtx: RequestContext = { user: insecureUser, namespace: '', dryRun: false };

/** The address other machines reach this server at: the first non-loopback IPv4 interface. */
export function advertiseAddress(): string {
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
 * The `kubernetes` Service (first service IP, port 443 -> the secure port) and its endpoints.
 * Endpoints are rewritten when the address or port changed (the reconciler's job upstream).
 */
export async function ensureKubernetesService(stores: Map<string, Store>, clusterIP: string, address: string, securePort: number): Promise<void> {
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
  const subsets = [{ addresses: [{ ip: address }], ports: [{ name: 'https', port: securePort, protocol: 'TCP' }] }];
  await upsert(stores.get('/endpoints')!, ctx, { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } }, subsets }, (cur) => {
    cur.subsets = subsets;
    return cur;
  });
  const slices = stores.get('discovery.k8s.io/endpointslices');
  if (slices) {
    const endpoints = [{ addresses: [address], conditions: { ready: true } }];
    const ports = [{ name: 'https', port: securePort, protocol: 'TCP' }];
    await upsert(slices, ctx, {
      apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' } },
      addressType: 'IPv4', endpoints, ports,
    }, (cur) => ({ ...cur, endpoints, ports }));
  }
}

async function upsert(store: Store, ctx: RequestContext, obj: KubeObject, update: (cur: KubeObject) => KubeObject): Promise<void> {
  try {
    await store.update(ctx, obj.metadata.name!, update);
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 404) throw e;
    await store.ensure(obj, ctx);
  }
}
