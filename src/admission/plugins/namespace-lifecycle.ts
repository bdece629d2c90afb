/**
 * NamespaceLifecycle: nothing is created in a namespace that does not exist or is terminating,
 * and the namespaces the system relies on cannot be deleted (upstream plugin of the same name).
 */
import { ApiError, forbidden, notFound } from '../../apis/meta/errors.js';
import type { KubeObject } from '../../apis/meta/types.js';
import type { AdmissionPlugin } from '../plugin.js';

export const immortalNamespaces = ['default', 'kube-system', 'kube-public'];

/** getNamespace returns null when the namespace does not exist. */
export function newNamespaceLifecycle(getNamespace: (name: string) => Promise<KubeObject | null>): AdmissionPlugin {
  return {
    name: 'NamespaceLifecycle',
    handles: (op) => op === 'CREATE' || op === 'DELETE',
    // A mutating-phase plugin upstream: it must refuse before ServiceAccount and friends look things up.
    async admit(a) {
      if (a.operation === 'DELETE') {
        if (a.resource.group === '' && a.resource.resource === 'namespaces' && immortalNamespaces.includes(a.name)) {
          throw forbidden(a.resource, a.name, 'this namespace may not be deleted');
        }
        return;
      }
      if (!a.namespace || (a.resource.group === '' && a.resource.resource === 'namespaces')) return;
      // Events about a terminating namespace's contents are still accepted, as upstream.
      const ns = await getNamespace(a.namespace);
      if (!ns) throw notFound({ group: '', resource: 'namespaces' }, a.namespace);
      const phase = (ns.status as { phase?: string } | undefined)?.phase;
      if (phase === 'Terminating' && !(a.resource.group === '' && a.resource.resource === 'events') && !(a.resource.group === 'events.k8s.io')) {
        throw new ApiError(403, 'Forbidden', `${a.resource.group ? `${a.resource.resource}.${a.resource.group}` : a.resource.resource} "${a.name}" is forbidden: unable to create new content in namespace ${a.namespace} because it is being terminated`,
          { name: a.name, group: a.resource.group || undefined, kind: a.resource.resource, causes: [{ reason: 'NamespaceTerminating', message: `namespace ${a.namespace} is being terminated`, field: 'metadata.namespace' }] });
      }
    },
  };
}
