/**
 * ServiceAccount admission: a pod runs as a service account (`default` unless it names one),
 * which must exist, and unless automounting is turned off it gets the projected
 * `kube-api-access-*` volume (bound token, cluster CA, namespace) mounted in every container at
 * /var/run/secrets/kubernetes.io/serviceaccount, as upstream's plugin does.
 */
import { randomInt } from 'node:crypto';
import { ApiError } from '../../apis/meta/errors.js';
import type { KubeObject } from '../../apis/meta/types.js';
import type { AdmissionPlugin } from '../plugin.js';

export const serviceAccountMountPath = '/var/run/secrets/kubernetes.io/serviceaccount';
const mirrorAnnotation = 'kubernetes.io/config.mirror';
const alphabet = 'bcdfghjklmnpqrstvwxz2456789';

interface Container { volumeMounts?: Array<{ name: string; mountPath: string; readOnly?: boolean }> }
interface PodSpec {
  serviceAccountName?: string; serviceAccount?: string; automountServiceAccountToken?: boolean;
  volumes?: Array<{ name: string; projected?: unknown }>;
  containers?: Container[]; initContainers?: Container[]; ephemeralContainers?: Container[];
}

function projectedVolume(name: string) {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  };
}

/** getServiceAccount returns null when it does not exist. */
export function newServiceAccountAdmission(getServiceAccount: (ns: string, name: string) => Promise<KubeObject | null>): AdmissionPlugin {
  return {
    name: 'ServiceAccount',
    handles: (op) => op === 'CREATE',
    async admit(a) {
      if (a.resource.group !== '' || a.resource.resource !== 'pods' || a.subresource || !a.object) return;
      const pod = a.object;
      if (pod.metadata.annotations?.[mirrorAnnotation] !== undefined) return; // mirror pods: kubelet-owned, no token
      const spec = ((pod.spec ??= {}) as PodSpec);
      spec.serviceAccountName ||= spec.serviceAccount || 'default';
      spec.serviceAccount = spec.serviceAccountName;
      const sa = await getServiceAccount(a.namespace, spec.serviceAccountName);
      if (!sa) {
        throw new ApiError(403, 'Forbidden', `pods "${pod.metadata.name ?? ''}" is forbidden: error looking up service account ${a.namespace}/${spec.serviceAccountName}: serviceaccount "${spec.serviceAccountName}" not found`,
          { name: pod.metadata.name, kind: 'pods' });
      }
      const automount = spec.automountServiceAccountToken ?? (sa as { automountServiceAccountToken?: boolean }).automountServiceAccountToken ?? true;
      if (!automount) return;
      const containers = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
      if (containers.some((c) => c.volumeMounts?.some((m) => m.mountPath === serviceAccountMountPath))) return;
      let suffix = '';
      for (let i = 0; i < 5; i++) suffix += alphabet[randomInt(alphabet.length)];
      const volumeName = `kube-api-access-${suffix}`;
      spec.volumes = [...(spec.volumes ?? []), projectedVolume(volumeName)];
      for (const c of containers) c.volumeMounts = [...(c.volumeMounts ?? []), { name: volumeName, readOnly: true, mountPath: serviceAccountMountPath }];
    },
  };
}
