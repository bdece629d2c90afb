/**
 * NodeRestriction: a kubelet (system:node:<name> in system:nodes) may only change what belongs to
 * its own node: its Node object (never the node-restriction.kubernetes.io/ labels), mirror pods
 * bound to it, the status of its own pods, and evictions/deletions of its own pods. The Node
 * authorizer decides reads; this plugin checks the objects being written (upstream's plugin).
 */
import { ApiError } from '../../apis/meta/errors.js';
import type { KubeObject } from '../../apis/meta/types.js';
import type { AdmissionAttributes, AdmissionPlugin } from '../plugin.js';

const mirrorAnnotation = 'kubernetes.io/config.mirror';
const restrictedLabelPrefix = 'node-restriction.kubernetes.io/';

function nodeName(a: AdmissionAttributes): string | null {
  const u = a.user;
  if (!u.groups.includes('system:nodes') || !u.name.startsWith('system:node:')) return null;
  return u.name.slice('system:node:'.length);
}

function forbidden(a: AdmissionAttributes, msg: string): ApiError {
  const res = a.resource.group ? `${a.resource.resource}.${a.resource.group}` : a.resource.resource;
  return new ApiError(403, 'Forbidden', `${res} "${a.name}" is forbidden: ${msg}`, { name: a.name, group: a.resource.group || undefined, kind: a.resource.resource });
}

const podNode = (p: KubeObject | undefined) => (p?.spec as { nodeName?: string } | undefined)?.nodeName ?? '';

function restrictedLabels(obj: KubeObject | undefined): string[] {
  return Object.keys(obj?.metadata.labels ?? {}).filter((k) => k.startsWith(restrictedLabelPrefix));
}

export function newNodeRestriction(): AdmissionPlugin {
  return {
    name: 'NodeRestriction',
    handles: (op) => op === 'CREATE' || op === 'UPDATE' || op === 'DELETE',
    async validate(a) {
      const node = nodeName(a);
      if (node === null || a.resource.group !== '') return;
      if (a.resource.resource === 'pods') {
        if (a.operation === 'CREATE' && a.subresource === '') {
          if (a.object?.metadata.annotations?.[mirrorAnnotation] === undefined) throw forbidden(a, `pod does not have "${mirrorAnnotation}" annotation, node "${node}" can only create mirror pods`);
          if (podNode(a.object) !== node) throw forbidden(a, `node "${node}" can only create pods with spec.nodeName set to itself`);
          return;
        }
        if (a.operation === 'UPDATE') {
          if (a.subresource !== 'status') throw forbidden(a, `node "${node}" can only update pod status`);
          if (podNode(a.oldObject) !== node) throw forbidden(a, `node "${node}" can only update pod status for pods with spec.nodeName set to itself`);
          return;
        }
        if (a.operation === 'DELETE' && podNode(a.oldObject) !== node) throw forbidden(a, `node "${node}" can only delete pods with spec.nodeName set to itself`);
        return;
      }
      if (a.resource.resource === 'nodes') {
        if (a.name !== node) throw forbidden(a, `node "${node}" is not allowed to modify node "${a.name}"`);
        const before = new Set(restrictedLabels(a.oldObject).map((k) => `${k}=${a.oldObject!.metadata.labels![k]}`));
        const changed = restrictedLabels(a.object).filter((k) => !before.has(`${k}=${a.object!.metadata.labels![k]}`));
        if (a.operation !== 'DELETE' && changed.length > 0) {
          throw forbidden(a, `is not allowed to modify labels: ${changed.sort().join(', ')}`);
        }
      }
    },
  };
}
