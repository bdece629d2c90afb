/**
 * DefaultStorageClass admission: a PersistentVolumeClaim that names no storage class gets the
 * cluster's default one (annotated storageclass.kubernetes.io/is-default-class=true; the newest
 * when several are marked, as upstream since 1.28).
 */
import type { KubeObject } from '../../apis/meta/types.js';
import type { AdmissionPlugin } from '../plugin.js';

const defaultAnnotation = 'storageclass.kubernetes.io/is-default-class';

export function newDefaultStorageClassAdmission(listClasses: () => Promise<KubeObject[]>): AdmissionPlugin {
  return {
    name: 'DefaultStorageClass',
    handles: (op) => op === 'CREATE',
    async admit(a) {
      if (a.resource.group !== '' || a.resource.resource !== 'persistentvolumeclaims' || !a.object) return;
      const spec = ((a.object.spec ??= {}) as { storageClassName?: string | null });
      if (spec.storageClassName !== undefined && spec.storageClassName !== null) return;
      if (a.object.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] !== undefined) return;
      const defaults = (await listClasses()).filter((c) => c.metadata.annotations?.[defaultAnnotation] === 'true');
      if (defaults.length === 0) return;
      defaults.sort((x, y) => (y.metadata.creationTimestamp ?? '').localeCompare(x.metadata.creationTimestamp ?? '') || (x.metadata.name ?? '').localeCompare(y.metadata.name ?? ''));
      spec.storageClassName = defaults[0].metadata.name;
    },
  };
}
