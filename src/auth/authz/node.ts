/**
 * The Node authorizer (plugin/pkg/auth/authorizer/node/node_authorizer.go) for kubelets: users
 * `system:node:<name>` in group `system:nodes`. Secrets, configmaps, PVCs, PVs, resource claims,
 * volume attachments, service account tokens and pods are allowed only when related to the node:
 *
 *   node <- pod <- secret | configmap | pvc | serviceaccount | resourceclaim
 *   node <- pod <- pvc <- pv <- secret          node <- volumeattachment | resourceslice
 *
 * Its own Lease (kube-node-lease), CSINode and Node are matched by name; everything else a node
 * asks for is checked against the static NodeRules() of the bootstrap policy. Upstream walks a
 * graph kept up to date by informers; here a NodeGraph answers the same questions from the
 * pods bound to the node. Non-nodes get noOpinion with reason '', so RBAC decides for them.
 * AuthorizeNodeWithSelectors (beta, on by default in 1.32) is on unless turned off.
 */
import type { KubeObject } from '../../apis/meta/types.js';
import type { UserInfo } from '../user.js';
import type { Attributes, AuthorizationResult, Authorizer, RuleResolver } from './authorizer.js';
import { nodeRules } from './rbac/bootstrap-policy.js';
import { rulesAllow } from './rbac/evaluator.js';

/** What the authorizer needs to know about the cluster; implemented over the watch cache. */
export interface NodeGraph {
  /** Pods whose spec.nodeName is nodeName (mirror pods included). */
  podsOnNode(nodeName: string): Promise<KubeObject[]>;
  getPVC(namespace: string, name: string): Promise<KubeObject | null>;
  getPV(name: string): Promise<KubeObject | null>;
  /** Optional: storage.k8s.io VolumeAttachments; without it they are never related. */
  getVolumeAttachment?(name: string): Promise<KubeObject | null>;
  /** Optional: resource.k8s.io ResourceSlices; without it they are never related. */
  getResourceSlice?(name: string): Promise<KubeObject | null>;
}

/** A parsed field selector requirement (`spec.nodeName=n1`); `=` and `==` both mean equals. */
export interface FieldRequirement { field: string; operator: string; value: string }
/** Attributes plus the request's field selector, which upstream's Attributes carry (AuthorizeWithSelectors). */
export type NodeAttributes = Attributes & { fieldSelector?: readonly FieldRequirement[] };

export interface NodeAuthorizerOptions { authorizeNodeWithSelectors?: boolean }

const nodePrefix = 'system:node:';
const mirrorPodAnnotation = 'kubernetes.io/config.mirror';
const noOpinion = (reason = ''): AuthorizationResult => ({ decision: 'noOpinion', reason });
const allow: AuthorizationResult = { decision: 'allow', reason: '' };

/** nodeidentifier.NodeIdentity: [name, isNode]; a node with an empty name is still a node. */
export function nodeIdentity(user: UserInfo | undefined): [string, boolean] {
  if (!user || typeof user.name !== 'string' || !user.name.startsWith(nodePrefix)) return ['', false];
  if (!Array.isArray(user.groups) || !user.groups.includes('system:nodes')) return ['', false];
  return [user.name.slice(nodePrefix.length), true];
}

type VertexType = 'secret' | 'configmap' | 'pvc' | 'pv' | 'resourceclaim' | 'volumeattachment' | 'serviceaccount' | 'pod' | 'resourceslice';

const rec = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const arr = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.map(rec) : []);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** All containers: init, regular and ephemeral (podutil.VisitContainers with AllContainers). */
function containersOf(pod: KubeObject): Record<string, unknown>[] {
  const spec = rec(pod.spec);
  return [...arr(spec.initContainers), ...arr(spec.containers), ...arr(spec.ephemeralContainers)];
}

/** podutil.VisitPodSecretNames: pull secrets, env/envFrom refs, and volume sources that name a secret. */
function podSecretNames(pod: KubeObject): string[] {
  const out = arr(rec(pod.spec).imagePullSecrets).map((r) => str(r.name));
  for (const c of containersOf(pod)) {
    for (const e of arr(c.envFrom)) if (e.secretRef) out.push(str(rec(e.secretRef).name));
    for (const e of arr(c.env)) { const ref = rec(e.valueFrom).secretKeyRef; if (ref) out.push(str(rec(ref).name)); }
  }
  for (const v of arr(rec(pod.spec).volumes)) {
    if (v.azureFile) out.push(str(rec(v.azureFile).secretName));
    else if (v.cephfs) out.push(str(rec(rec(v.cephfs).secretRef).name));
    else if (v.cinder) out.push(str(rec(rec(v.cinder).secretRef).name));
    else if (v.flexVolume) out.push(str(rec(rec(v.flexVolume).secretRef).name));
    else if (v.projected) for (const s of arr(rec(v.projected).sources)) { if (s.secret) out.push(str(rec(s.secret).name)); }
    else if (v.rbd) out.push(str(rec(rec(v.rbd).secretRef).name));
    else if (v.secret) out.push(str(rec(v.secret).secretName));
    else if (v.scaleIO) out.push(str(rec(rec(v.scaleIO).secretRef).name));
    else if (v.iscsi) out.push(str(rec(rec(v.iscsi).secretRef).name));
    else if (v.storageos) out.push(str(rec(rec(v.storageos).secretRef).name));
    else if (v.csi) out.push(str(rec(rec(v.csi).nodePublishSecretRef).name));
  }
  return out.filter((n) => n !== '');
}

/** podutil.VisitPodConfigmapNames: env/envFrom refs, configMap and projected configMap volumes. */
function podConfigMapNames(pod: KubeObject): string[] {
  const out: string[] = [];
  for (const c of containersOf(pod)) {
    for (const e of arr(c.envFrom)) if (e.configMapRef) out.push(str(rec(e.configMapRef).name));
    for (const e of arr(c.env)) { const ref = rec(e.valueFrom).configMapKeyRef; if (ref) out.push(str(rec(ref).name)); }
  }
  for (const v of arr(rec(pod.spec).volumes)) {
    if (v.projected) { for (const s of arr(rec(v.projected).sources)) if (s.configMap) out.push(str(rec(s.configMap).name)); }
    else if (v.configMap) out.push(str(rec(v.configMap).name));
  }
  return out.filter((n) => n !== '');
}

/** pvutil.VisitPVSecretNames: secrets a PV names; refs without a namespace use the claim's (older PVs). */
function pvSecretRefs(pv: KubeObject): Array<{ namespace: string; name: string; kubeletVisible: boolean }> {
  const spec = rec(pv.spec);
  const claimNs = str(rec(spec.claimRef).namespace);
  const out: Array<{ namespace: string; name: string; kubeletVisible: boolean }> = [];
  const ref = (r: unknown, visible = true, fallback = claimNs) => {
    const o = rec(r);
    if (r) out.push({ namespace: str(o.namespace) || fallback, name: str(o.name), kubeletVisible: visible });
  };
  if (spec.azureFile) {
    const a = rec(spec.azureFile);
    if (str(a.secretName)) out.push({ namespace: str(a.secretNamespace) || claimNs, name: str(a.secretName), kubeletVisible: true });
  } else if (spec.cephfs) ref(rec(spec.cephfs).secretRef);
  else if (spec.cinder) ref(rec(spec.cinder).secretRef, true, '');
  else if (spec.flexVolume) ref(rec(spec.flexVolume).secretRef);
  else if (spec.rbd) ref(rec(spec.rbd).secretRef);
  else if (spec.scaleIO) ref(rec(spec.scaleIO).secretRef);
  else if (spec.iscsi) ref(rec(spec.iscsi).secretRef);
  else if (spec.storageos) ref(rec(spec.storageos).secretRef, true, '');
  else if (spec.csi) {
    const c = rec(spec.csi);
    ref(c.controllerPublishSecretRef, false, ''); ref(c.controllerExpandSecretRef, false, '');
    ref(c.nodePublishSecretRef, true, ''); ref(c.nodeStageSecretRef, true, ''); ref(c.nodeExpandSecretRef, true, '');
  }
  return out.filter((s) => s.name !== '');
}

/** PVC names a pod uses: persistentVolumeClaim volumes and generic ephemeral volumes (`<pod>-<volume>`). */
function podClaimNames(pod: KubeObject): string[] {
  const out: string[] = [];
  for (const v of arr(rec(pod.spec).volumes)) {
    const claim = str(rec(v.persistentVolumeClaim).claimName);
    if (claim) out.push(claim);
    else if (v.ephemeral) out.push(`${pod.metadata.name ?? ''}-${str(v.name)}`);
  }
  return out;
}

/** resourceclaim.Name: a direct claim name, or the generated one recorded in status.resourceClaimStatuses. */
function podResourceClaimNames(pod: KubeObject): string[] {
  const statuses = arr(rec(pod.status).resourceClaimStatuses);
  const out: string[] = [];
  for (const c of arr(rec(pod.spec).resourceClaims)) {
    if (str(c.resourceClaimName)) out.push(str(c.resourceClaimName));
    else if (str(c.resourceClaimTemplateName)) {
      const generated = str(statuses.find((s) => str(s.name) === str(c.name))?.resourceClaimName);
      if (generated) out.push(generated);
    }
  }
  return out;
}

export function newNodeAuthorizer(graph: NodeGraph, opts: NodeAuthorizerOptions = {}): Authorizer & RuleResolver {
  const withSelectors = opts.authorizeNodeWithSelectors ?? true;
  const rules = nodeRules();

  /** hasPathFrom: is there a path from the object to the node? */
  async function hasPath(node: string, type: VertexType, namespace: string, name: string): Promise<boolean> {
    if (type === 'volumeattachment') return str(rec((await graph.getVolumeAttachment?.(name))?.spec).nodeName) === node;
    if (type === 'resourceslice') return str(rec((await graph.getResourceSlice?.(name))?.spec).nodeName) === node;
    if (type === 'pv') {
      const ref = rec(rec((await graph.getPV(name))?.spec).claimRef);
      return !!str(ref.name) && (await hasPath(node, 'pvc', str(ref.namespace), str(ref.name)));
    }
    const pods = (await graph.podsOnNode(node)).filter((p) => rec(p.spec).nodeName === node);
    if (type === 'pod') return pods.some((p) => p.metadata.namespace === namespace && p.metadata.name === name);
    // mirror pods never grant access to other objects (defense in depth, as AddPod)
    const real = pods.filter((p) => !(mirrorPodAnnotation in (p.metadata.annotations ?? {})));
    const inNs = real.filter((p) => p.metadata.namespace === namespace);
    switch (type) {
      case 'configmap': return inNs.some((p) => podConfigMapNames(p).includes(name));
      case 'serviceaccount': return inNs.some((p) => str(rec(p.spec).serviceAccountName) === name);
      case 'pvc': return inNs.some((p) => podClaimNames(p).includes(name));
      case 'resourceclaim': return inNs.some((p) => podResourceClaimNames(p).includes(name));
      case 'secret': {
        if (inNs.some((p) => podSecretNames(p).includes(name))) return true;
        // secret <- pv <- pvc <- pod: PVs bound (claimRef) to a claim of a pod on this node
        for (const p of real) for (const claim of podClaimNames(p)) {
          const pvName = str(rec((await graph.getPVC(p.metadata.namespace ?? '', claim))?.spec).volumeName);
          const pv = pvName ? await graph.getPV(pvName) : null;
          const ref = rec(rec(pv?.spec).claimRef);
          if (!pv || str(ref.name) !== claim || str(ref.namespace) !== p.metadata.namespace) continue;
          if (pvSecretRefs(pv).some((s) => s.kubeletVisible && s.namespace === namespace && s.name === name)) return true;
        }
        return false;
      }
      default: return false;
    }
  }

  async function authorizeRelated(node: string, type: VertexType, a: Attributes): Promise<AuthorizationResult> {
    if (!a.name) return noOpinion('No Object name found');
    let ok = false;
    try { ok = await hasPath(node, type, a.namespace, a.name); } catch { ok = false; }
    return ok ? allow : noOpinion(`no relationship found between node '${node}' and this object`);
  }
  function authorizeGet(node: string, type: VertexType, a: Attributes) {
    if (a.verb !== 'get') return noOpinion('can only get individual resources of this type');
    if (a.subresource) return noOpinion('cannot get subresource');
    return authorizeRelated(node, type, a);
  }
  function authorizeReadNamespaced(node: string, type: VertexType, a: Attributes) {
    if (!['get', 'list', 'watch'].includes(a.verb)) return noOpinion('can only read resources of this type');
    if (a.subresource) return noOpinion('cannot read subresource');
    if (!a.namespace) return noOpinion('can only read namespaced object of this type');
    return authorizeRelated(node, type, a);
  }
  const selects = (a: NodeAttributes, field: string, value: string) =>
    (a.fieldSelector ?? []).some((r) => r.field === field && (r.operator === '=' || r.operator === '==') && r.value === value);

  function authorizeLease(node: string, a: Attributes, what: string, inNamespace?: string) {
    if (!['get', 'create', 'update', 'patch', 'delete'].includes(a.verb)) return noOpinion(`can only get, create, update, patch, or delete a ${what}`);
    if (inNamespace === undefined && a.subresource) return noOpinion('cannot authorize CSINode subresources');
    if (inNamespace !== undefined && a.namespace !== inNamespace) return noOpinion(`can only access leases in the ${JSON.stringify(inNamespace)} system namespace`);
    // create is checked by the NodeRestriction admission plugin: the name is not known here
    if (a.verb !== 'create' && a.name !== node) return noOpinion(`can only access ${inNamespace === undefined ? 'CSINode' : 'node lease'} with the same name as the requesting node`);
    return allow;
  }

  function authorizeNode(node: string, a: Attributes): AuthorizationResult {
    if (a.subresource === '' && ['create', 'update', 'patch'].includes(a.verb)) return allow;
    if (a.subresource === '' && ['get', 'list', 'watch'].includes(a.verb)) {
      if (a.name === node) return allow;
      return noOpinion(a.name === '' ? `node '${node}' cannot read all nodes, only its own Node object`
        : `node '${node}' cannot read '${a.name}', only its own Node object`);
    }
    if (a.subresource === 'status' && ['update', 'patch'].includes(a.verb)) return allow;
    return noOpinion();
  }

  async function authorizePod(node: string, a: NodeAttributes): Promise<AuthorizationResult> {
    if (a.subresource === '') {
      if (a.verb === 'get') return authorizeGet(node, 'pod', a);
      if (a.verb === 'list' || a.verb === 'watch') {
        if (selects(a, 'spec.nodeName', node)) return allow;
        if (a.name) return authorizeRelated(node, 'pod', a);
        return noOpinion('can only list/watch pods with spec.nodeName field selector');
      }
      if (a.verb === 'create' || a.verb === 'delete') return allow; // mirror pods; NodeRestriction limits them
    }
    if (a.subresource === 'status' && (a.verb === 'update' || a.verb === 'patch')) return allow;
    if (a.subresource === 'eviction' && a.verb === 'create') return allow;
    return noOpinion();
  }

  async function authorizeResourceSlice(node: string, a: NodeAttributes): Promise<AuthorizationResult> {
    if (a.subresource) return noOpinion('cannot authorize ResourceSlice subresources');
    switch (a.verb) {
      case 'create': return allow;
      case 'get': case 'update': case 'patch': case 'delete': return authorizeRelated(node, 'resourceslice', a);
      case 'watch': case 'list': case 'deletecollection':
        if (!withSelectors || selects(a, 'nodeName', node)) return allow;
        return noOpinion('can only list/watch/deletecollection resourceslices with nodeName field selector');
      default:
        return noOpinion('only the following verbs are allowed for a ResourceSlice: get, watch, list, create, update, patch, delete, deletecollection');
    }
  }

  async function authorize(a: NodeAttributes): Promise<AuthorizationResult> {
    const [node, isNode] = nodeIdentity(a?.user);
    if (!isNode) return noOpinion();
    if (!node) return noOpinion(`unknown node for user ${JSON.stringify(a.user.name)}`);
    if (a.resourceRequest) {
      switch (`${a.resource}.${a.apiGroup}`) {
        case 'secrets.': return authorizeReadNamespaced(node, 'secret', a);
        case 'configmaps.': return authorizeReadNamespaced(node, 'configmap', a);
        case 'persistentvolumeclaims.':
          if (a.subresource === 'status') {
            if (a.verb !== 'update' && a.verb !== 'patch') return noOpinion('can only get/update/patch this type');
            return authorizeRelated(node, 'pvc', a);
          }
          return authorizeGet(node, 'pvc', a);
        case 'persistentvolumes.': return authorizeGet(node, 'pv', a);
        case 'resourceclaims.resource.k8s.io': return authorizeGet(node, 'resourceclaim', a);
        case 'volumeattachments.storage.k8s.io': return authorizeGet(node, 'volumeattachment', a);
        case 'serviceaccounts.':
          if (a.verb !== 'create' || !a.name) return noOpinion('can only create tokens for individual service accounts');
          if (a.subresource !== 'token') return noOpinion('can only create token subresource of serviceaccount');
          return authorizeRelated(node, 'serviceaccount', a);
        case 'leases.coordination.k8s.io': return authorizeLease(node, a, 'node lease', 'kube-node-lease');
        case 'csinodes.storage.k8s.io': return authorizeLease(node, a, 'CSINode');
        case 'resourceslices.resource.k8s.io': return authorizeResourceSlice(node, a);
        case 'nodes.': if (withSelectors) return authorizeNode(node, a); break;
        case 'pods.': if (withSelectors) return authorizePod(node, a); break;
      }
    }
    // not subdivided: the statically defined node rules
    return rulesAllow(a, rules) ? allow : noOpinion();
  }

  return {
    async authorize(a: Attributes) {
      try { return await authorize(a); } catch { return noOpinion(); }
    },
    /** Nodes' permissions are not enumerable: incomplete, with upstream's error. */
    async rulesFor(user: UserInfo) {
      if (nodeIdentity(user)[1]) return { resourceRules: [], nonResourceRules: [], incomplete: true, evaluationError: 'node authorizer does not support user rule resolution' };
      return { resourceRules: [], nonResourceRules: [], incomplete: false };
    },
  };
}
