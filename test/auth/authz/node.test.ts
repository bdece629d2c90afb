/** The Node authorizer: kubelets reach only what pods bound to their node reference, and their own Node/Lease. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import type { Attributes } from '../../../src/auth/authz/authorizer.js';
import { unionAuthorizer } from '../../../src/auth/authz/authorizer.js';
import { newNodeAuthorizer, nodeIdentity, type NodeAttributes, type NodeGraph } from '../../../src/auth/authz/node.js';
import type { UserInfo } from '../../../src/auth/user.js';
import { attrs, nonResource, runAuthorizerContract } from './contract.js';

const pod = (ns: string, name: string, node: string, spec: Record<string, unknown>, extra: Partial<KubeObject> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: ns, name, ...(extra.metadata ?? {}) }, spec: { nodeName: node, ...spec }, ...(extra.status ? { status: extra.status } : {}) });

const pods: KubeObject[] = [
  pod('ns1', 'web', 'n1', {
    serviceAccountName: 'web-sa',
    imagePullSecrets: [{ name: 'regcred' }],
    initContainers: [{ name: 'init', env: [{ name: 'X', valueFrom: { secretKeyRef: { name: 'init-secret', key: 'k' } } }] }],
    containers: [{
      name: 'app',
      env: [{ name: 'A', valueFrom: { secretKeyRef: { name: 'env-secret', key: 'k' } } }, { name: 'B', valueFrom: { configMapKeyRef: { name: 'env-cm-key', key: 'k' } } }],
      envFrom: [{ configMapRef: { name: 'env-cm' } }, { secretRef: { name: 'envfrom-secret' } }],
    }],
    ephemeralContainers: [{ name: 'debug', envFrom: [{ secretRef: { name: 'debug-secret' } }] }],
    volumes: [
      { name: 'sec', secret: { secretName: 'web-secret' } },
      { name: 'cfg', configMap: { name: 'web-config' } },
      { name: 'proj', projected: { sources: [{ secret: { name: 'proj-secret' } }, { configMap: { name: 'proj-cm' } }, { serviceAccountToken: { path: 't' } }] } },
      { name: 'data', persistentVolumeClaim: { claimName: 'web-data' } },
      { name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: {} } } },
      { name: 'csi', csi: { driver: 'd', nodePublishSecretRef: { name: 'inline-csi-secret' } } },
    ],
    resourceClaims: [{ name: 'gpu', resourceClaimName: 'gpu-claim' }, { name: 't', resourceClaimTemplateName: 'tmpl' }, { name: 'u', resourceClaimTemplateName: 'tmpl' }],
  }, { status: { resourceClaimStatuses: [{ name: 't', resourceClaimName: 'web-t-abc' }] } }),
  pod('ns1', 'db', 'n2', { serviceAccountName: 'db-sa', volumes: [{ name: 's', secret: { secretName: 'db-secret' } }, { name: 'd', persistentVolumeClaim: { claimName: 'db-data' } }] }),
  pod('ns1', 'static-n1', 'n1', { volumes: [{ name: 's', secret: { secretName: 'mirror-secret' } }], serviceAccountName: 'mirror-sa' },
    { metadata: { annotations: { 'kubernetes.io/config.mirror': 'abc' } } }),
];
const pvcs: KubeObject[] = [
  { metadata: { namespace: 'ns1', name: 'web-data' }, spec: { volumeName: 'pv-web' } },
  { metadata: { namespace: 'ns1', name: 'db-data' }, spec: { volumeName: 'pv-db' } },
];
const pvs: KubeObject[] = [
  { metadata: { name: 'pv-web' }, spec: { claimRef: { namespace: 'ns1', name: 'web-data' }, csi: { driver: 'd', volumeHandle: 'h', nodePublishSecretRef: { name: 'csi-secret', namespace: 'storage' }, controllerPublishSecretRef: { name: 'ctrl-secret', namespace: 'storage' } } } },
  { metadata: { name: 'pv-db' }, spec: { claimRef: { namespace: 'ns1', name: 'db-data' }, rbd: { monitors: [], image: 'i', secretRef: { name: 'rbd-secret' } } } },
];
const byName = (list: KubeObject[], name: string) => list.find((o) => o.metadata.name === name) ?? null;
const graph: NodeGraph = {
  async podsOnNode(node) { return pods.filter((p) => (p.spec as { nodeName: string }).nodeName === node); },
  async getPVC(ns, name) { return pvcs.find((p) => p.metadata.namespace === ns && p.metadata.name === name) ?? null; },
  async getPV(name) { return byName(pvs, name); },
  async getVolumeAttachment(name) { return byName([{ metadata: { name: 'va-1' }, spec: { nodeName: 'n1' } }, { metadata: { name: 'va-2' }, spec: { nodeName: 'n2' } }], name); },
  async getResourceSlice(name) { return byName([{ metadata: { name: 'slice-1' }, spec: { nodeName: 'n1' } }], name); },
};

const n1: UserInfo = { name: 'system:node:n1', groups: ['system:nodes', 'system:authenticated'] };
const n3: UserInfo = { name: 'system:node:n3', groups: ['system:nodes', 'system:authenticated'] };
const r = (user: UserInfo, verb: string, resource: string, namespace: string, name = '', extra: Partial<NodeAttributes> = {}): NodeAttributes => {
  const [res, sub = ''] = resource.split('/');
  const [plain, group = ''] = res.split(/\.(.*)/s);
  return { ...attrs(user, { verb, resource: plain, apiGroup: group, subresource: sub, namespace, name }), ...extra };
};
const sel = (field: string, value: string) => ({ fieldSelector: [{ field, operator: '=', value }] });
const noRel = (node = 'n1') => `no relationship found between node '${node}' and this object`;

type Case = [what: string, a: Attributes, allowed: boolean, reason?: string];
const cases: Case[] = [
  ['reads a secret its pod mounts', r(n1, 'get', 'secrets', 'ns1', 'web-secret'), true],
  ['not a secret only another node\'s pod mounts', r(n1, 'get', 'secrets', 'ns1', 'db-secret'), false, noRel()],
  ['not the same secret name in another namespace', r(n1, 'get', 'secrets', 'ns2', 'web-secret'), false, noRel()],
  ['watches a single referenced secret', r(n1, 'watch', 'secrets', 'ns1', 'web-secret'), true],
  ['cannot list all secrets', r(n1, 'list', 'secrets', 'ns1'), false, 'No Object name found'],
  ['cannot create secrets', r(n1, 'create', 'secrets', 'ns1', 'x'), false, 'can only read resources of this type'],
  ['cannot read secret subresources', r(n1, 'get', 'secrets/x', 'ns1', 'web-secret'), false, 'cannot read subresource'],
  ['cannot read cluster-scoped secrets', r(n1, 'get', 'secrets', '', 'web-secret'), false, 'can only read namespaced object of this type'],
  ['image pull secret', r(n1, 'get', 'secrets', 'ns1', 'regcred'), true],
  ['init container env secret', r(n1, 'get', 'secrets', 'ns1', 'init-secret'), true],
  ['env secretKeyRef', r(n1, 'get', 'secrets', 'ns1', 'env-secret'), true],
  ['envFrom secretRef', r(n1, 'get', 'secrets', 'ns1', 'envfrom-secret'), true],
  ['ephemeral container secret', r(n1, 'get', 'secrets', 'ns1', 'debug-secret'), true],
  ['projected secret', r(n1, 'get', 'secrets', 'ns1', 'proj-secret'), true],
  ['inline CSI nodePublishSecretRef', r(n1, 'get', 'secrets', 'ns1', 'inline-csi-secret'), true],
  ['mirror pods grant nothing', r(n1, 'get', 'secrets', 'ns1', 'mirror-secret'), false, noRel()],
  ['PV nodePublishSecretRef through pod -> pvc -> pv', r(n1, 'get', 'secrets', 'storage', 'csi-secret'), true],
  ['PV controllerPublishSecretRef is not kubelet-visible', r(n1, 'get', 'secrets', 'storage', 'ctrl-secret'), false],
  ['another node\'s PV secret', r(n1, 'get', 'secrets', 'ns1', 'rbd-secret'), false],
  ['configMap volume', r(n1, 'get', 'configmaps', 'ns1', 'web-config'), true],
  ['envFrom configMapRef', r(n1, 'get', 'configmaps', 'ns1', 'env-cm'), true],
  ['env configMapKeyRef', r(n1, 'get', 'configmaps', 'ns1', 'env-cm-key'), true],
  ['projected configMap', r(n1, 'get', 'configmaps', 'ns1', 'proj-cm'), true],
  ['unrelated configMap', r(n1, 'get', 'configmaps', 'ns1', 'kube-root-ca.crt'), false, noRel()],
  ['its pod\'s PVC', r(n1, 'get', 'persistentvolumeclaims', 'ns1', 'web-data'), true],
  ['generic ephemeral volume PVC (<pod>-<volume>)', r(n1, 'get', 'persistentvolumeclaims', 'ns1', 'web-scratch'), true],
  ['another node\'s PVC', r(n1, 'get', 'persistentvolumeclaims', 'ns1', 'db-data'), false, noRel()],
  ['cannot list PVCs', r(n1, 'list', 'persistentvolumeclaims', 'ns1'), false, 'can only get individual resources of this type'],
  ['updates its PVC status', r(n1, 'patch', 'persistentvolumeclaims/status', 'ns1', 'web-data'), true],
  ['cannot get PVC status', r(n1, 'get', 'persistentvolumeclaims/status', 'ns1', 'web-data'), false, 'can only get/update/patch this type'],
  ['its PV', r(n1, 'get', 'persistentvolumes', '', 'pv-web'), true],
  ['another node\'s PV', r(n1, 'get', 'persistentvolumes', '', 'pv-db'), false, noRel()],
  ['resource claim by name', r(n1, 'get', 'resourceclaims.resource.k8s.io', 'ns1', 'gpu-claim'), true],
  ['generated resource claim from status', r(n1, 'get', 'resourceclaims.resource.k8s.io', 'ns1', 'web-t-abc'), true],
  ['unrelated resource claim', r(n1, 'get', 'resourceclaims.resource.k8s.io', 'ns1', 'tmpl'), false],
  ['its volume attachment', r(n1, 'get', 'volumeattachments.storage.k8s.io', '', 'va-1'), true],
  ['another node\'s volume attachment', r(n1, 'get', 'volumeattachments.storage.k8s.io', '', 'va-2'), false, noRel()],
  ['token for its pod\'s service account', r(n1, 'create', 'serviceaccounts/token', 'ns1', 'web-sa'), true],
  ['no token for another node\'s service account', r(n1, 'create', 'serviceaccounts/token', 'ns1', 'db-sa'), false, noRel()],
  ['no token for a mirror pod\'s service account', r(n1, 'create', 'serviceaccounts/token', 'ns1', 'mirror-sa'), false],
  ['cannot get service accounts', r(n1, 'get', 'serviceaccounts', 'ns1', 'web-sa'), false, 'can only create tokens for individual service accounts'],
  ['token subresource only', r(n1, 'create', 'serviceaccounts', 'ns1', 'web-sa'), false, 'can only create token subresource of serviceaccount'],
  ['gets its own lease', r(n1, 'get', 'leases.coordination.k8s.io', 'kube-node-lease', 'n1'), true],
  ['updates its own lease', r(n1, 'update', 'leases.coordination.k8s.io', 'kube-node-lease', 'n1'), true],
  ['creates a lease (name checked by NodeRestriction)', r(n1, 'create', 'leases.coordination.k8s.io', 'kube-node-lease'), true],
  ['not another node\'s lease', r(n1, 'update', 'leases.coordination.k8s.io', 'kube-node-lease', 'n2'), false, 'can only access node lease with the same name as the requesting node'],
  ['leases only in kube-node-lease', r(n1, 'get', 'leases.coordination.k8s.io', 'default', 'n1'), false, 'can only access leases in the "kube-node-lease" system namespace'],
  ['cannot list leases', r(n1, 'list', 'leases.coordination.k8s.io', 'kube-node-lease'), false, 'can only get, create, update, patch, or delete a node lease'],
  ['gets its own Node', r(n1, 'get', 'nodes', '', 'n1'), true],
  ['not another Node', r(n1, 'get', 'nodes', '', 'n2'), false, "node 'n1' cannot read 'n2', only its own Node object"],
  ['cannot list Nodes', r(n1, 'list', 'nodes', ''), false, "node 'n1' cannot read all nodes, only its own Node object"],
  ['updates its own Node', r(n1, 'update', 'nodes', '', 'n1'), true],
  ['patches Node status', r(n1, 'patch', 'nodes/status', '', 'n1'), true],
  ['cannot delete Nodes', r(n1, 'delete', 'nodes', '', 'n1'), false, ''],
  ['gets a pod bound to it', r(n1, 'get', 'pods', 'ns1', 'web'), true],
  ['gets its mirror pod', r(n1, 'get', 'pods', 'ns1', 'static-n1'), true],
  ['not a pod on another node', r(n1, 'get', 'pods', 'ns1', 'db'), false, noRel()],
  ['lists pods with spec.nodeName=<self>', r(n1, 'list', 'pods', '', '', sel('spec.nodeName', 'n1')), true],
  ['not with another node name', r(n1, 'watch', 'pods', '', '', sel('spec.nodeName', 'n2')), false, 'can only list/watch pods with spec.nodeName field selector'],
  ['not without a field selector', r(n1, 'list', 'pods', 'ns1'), false, 'can only list/watch pods with spec.nodeName field selector'],
  ['creates (mirror) pods', r(n1, 'create', 'pods', 'ns1'), true],
  ['updates pod status', r(n1, 'update', 'pods/status', 'ns1', 'web'), true],
  ['evicts pods', r(n1, 'create', 'pods/eviction', 'ns1', 'web'), true],
  ['cannot update pods', r(n1, 'update', 'pods', 'ns1', 'web'), false, ''],
  ['its own CSINode', r(n1, 'get', 'csinodes.storage.k8s.io', '', 'n1'), true],
  ['not another CSINode', r(n1, 'get', 'csinodes.storage.k8s.io', '', 'n2'), false, 'can only access CSINode with the same name as the requesting node'],
  ['its resource slice', r(n1, 'get', 'resourceslices.resource.k8s.io', '', 'slice-1'), true],
  ['lists resource slices with nodeName=<self>', r(n1, 'list', 'resourceslices.resource.k8s.io', '', '', sel('nodeName', 'n1')), true],
  ['not resource slices without the selector', r(n1, 'list', 'resourceslices.resource.k8s.io', ''), false, 'can only list/watch/deletecollection resourceslices with nodeName field selector'],
  ['static node rules: create events', r(n1, 'create', 'events', 'ns1'), true],
  ['static node rules: watch services', r(n1, 'watch', 'services', ''), true],
  ['static node rules: create tokenreviews', r(n1, 'create', 'tokenreviews.authentication.k8s.io', ''), true],
  ['static node rules: get runtimeclasses', r(n1, 'get', 'runtimeclasses.node.k8s.io', '', 'runc'), true],
  ['nothing else: delete namespaces', r(n1, 'delete', 'namespaces', '', 'ns1'), false, ''],
  ['nothing else: non-resource paths', nonResource(n1, '/healthz'), false, ''],
  ['a node with no pods has no relationships', r(n3, 'get', 'secrets', 'ns1', 'web-secret'), false, noRel('n3')],
  ['non-nodes: no opinion, empty reason', r({ name: 'alice', groups: ['system:authenticated'] }, 'get', 'secrets', 'ns1', 'web-secret'), false, ''],
  ['a node name without the system:nodes group is not a node', r({ name: 'system:node:n1', groups: [] }, 'get', 'secrets', 'ns1', 'web-secret'), false, ''],
  ['an empty node name', r({ name: 'system:node:', groups: ['system:nodes'] }, 'get', 'secrets', 'ns1', 'web-secret'), false, 'unknown node for user "system:node:"'],
];

describe('Node authorizer', () => {
  const authz = newNodeAuthorizer(graph);
  for (const [what, a, allowed, reason] of cases) {
    it(what, async () => {
      const res = await authz.authorize(a);
      assert.equal(res.decision, allowed ? 'allow' : 'noOpinion', res.reason);
      if (allowed) assert.equal(res.reason, '');
      else if (reason !== undefined) assert.equal(res.reason, reason);
    });
  }

  it('without AuthorizeNodeWithSelectors, nodes and pods fall back to the static rules', async () => {
    const old = newNodeAuthorizer(graph, { authorizeNodeWithSelectors: false });
    assert.equal((await old.authorize(r(n1, 'list', 'pods', ''))).decision, 'allow');
    assert.equal((await old.authorize(r(n1, 'get', 'nodes', '', 'n2'))).decision, 'allow');
    assert.equal((await old.authorize(r(n1, 'list', 'resourceslices.resource.k8s.io', ''))).decision, 'allow');
    assert.equal((await old.authorize(r(n1, 'update', 'pods', 'ns1', 'web'))).decision, 'noOpinion');
  });

  it('identifies nodes as upstream and does not enumerate their rules', async () => {
    assert.deepEqual(nodeIdentity(n1), ['n1', true]);
    assert.deepEqual(nodeIdentity({ name: 'system:node:', groups: ['system:nodes'] }), ['', true]);
    assert.deepEqual(nodeIdentity({ name: 'system:nodes', groups: ['system:nodes'] }), ['', false]);
    const rules = await authz.rulesFor(n1, 'ns1');
    assert.deepEqual(rules, { resourceRules: [], nonResourceRules: [], incomplete: true, evaluationError: 'node authorizer does not support user rule resolution' });
    assert.equal((await authz.rulesFor({ name: 'alice', groups: [] }, 'ns1')).incomplete, false);
  });

  it('a failing graph is no relationship, not an error', async () => {
    const broken = newNodeAuthorizer({ ...graph, async podsOnNode() { throw new Error('cache not synced'); } });
    assert.deepEqual(await broken.authorize(r(n1, 'get', 'secrets', 'ns1', 'web-secret')), { decision: 'noOpinion', reason: noRel() });
  });

  it('in a Node,RBAC union a kubelet\'s denial keeps the node reason', async () => {
    const union = unionAuthorizer([['Node', authz], ['RBAC', { async authorize() { return { decision: 'noOpinion', reason: '' }; } }]]);
    assert.deepEqual(await union.authorize(r(n1, 'get', 'secrets', 'ns1', 'db-secret')), { decision: 'noOpinion', reason: noRel() });
  });
});

runAuthorizerContract('Node', () => newNodeAuthorizer(graph), {
  allowed: [r(n1, 'get', 'secrets', 'ns1', 'web-secret'), r(n1, 'update', 'leases.coordination.k8s.io', 'kube-node-lease', 'n1')],
  notAllowed: [r(n1, 'get', 'secrets', 'ns1', 'db-secret'), r(n1, 'update', 'leases.coordination.k8s.io', 'kube-node-lease', 'n2')],
});
