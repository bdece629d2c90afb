/**
 * Server-side printers of storage.k8s.io (printStorageClass, printCSIDriver, printCSINode,
 * printVolumeAttachment, printCSIStorageCapacity upstream). Booleans that default when unset print
 * their default, as upstream reads them from defaulted internal objects.
 */
import { age, col, type Loose, nameColumn, ageColumn, type Printer, text } from '../meta/printing.js';

const defaultClassAnnotations = ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class'];

/** NAME gets " (default)" for the class marked default by either annotation. */
export function storageClassName(sc: Loose): string {
  const ann = sc.metadata.annotations ?? {};
  const isDefault = defaultClassAnnotations.some((a) => ann[a] === 'true');
  return `${sc.metadata.name ?? ''}${isDefault ? ' (default)' : ''}`;
}

const flag = (v: unknown, dflt: boolean) => (typeof v === 'boolean' ? v : dflt);

export const storagePrinters: Record<string, Printer> = {
  storageclasses: {
    columns: [
      nameColumn,
      col('Provisioner', 'string', 'The volume plugin or CSI driver that provisions volumes of this class.'),
      col('ReclaimPolicy', 'string', 'What happens to a provisioned volume when its claim is released.'),
      col('VolumeBindingMode', 'string', 'Whether volumes are bound at once or when a pod first uses the claim.'),
      col('AllowVolumeExpansion', 'string', 'Whether claims of this class may grow.'),
      ageColumn,
    ],
    cells: (sc: Loose, now) => [
      storageClassName(sc), sc.provisioner ?? '', sc.reclaimPolicy ?? 'Delete', sc.volumeBindingMode ?? 'Immediate', flag(sc.allowVolumeExpansion, false), age(sc, now),
    ],
  },
  csidrivers: {
    columns: [
      nameColumn,
      col('AttachRequired', 'boolean', 'Whether volumes need an attach step before mounting.'),
      col('PodInfoOnMount', 'boolean', 'Whether the driver gets pod details when mounting.'),
      col('StorageCapacity', 'boolean', 'Whether the scheduler considers the driver\'s reported capacity.'),
      col('TokenRequests', 'string', 'Audiences of the service account tokens handed to the driver.'),
      col('RequiresRepublish', 'boolean', 'Whether the driver wants NodePublishVolume called again periodically.'),
      col('Modes', 'string', 'The volume lifecycle modes the driver supports.'),
      ageColumn,
    ],
    cells(d: Loose, now) {
      const spec = d.spec ?? {};
      const tokens = Array.isArray(spec.tokenRequests) ? spec.tokenRequests.map((t: Loose) => t?.audience ?? '').join(',') : '<unset>';
      const modes = Array.isArray(spec.volumeLifecycleModes) && spec.volumeLifecycleModes.length > 0 ? spec.volumeLifecycleModes.join(',') : '<none>';
      return [
        d.metadata.name ?? '', flag(spec.attachRequired, true), flag(spec.podInfoOnMount, false), flag(spec.storageCapacity, false),
        tokens, flag(spec.requiresRepublish, false), modes, age(d, now),
      ];
    },
  },
  csinodes: {
    columns: [nameColumn, col('Drivers', 'integer', 'How many CSI drivers are registered on the node.'), ageColumn],
    cells: (n: Loose, now) => [n.metadata.name ?? '', Array.isArray(n.spec?.drivers) ? n.spec.drivers.length : 0, age(n, now)],
  },
  volumeattachments: {
    columns: [
      nameColumn,
      col('Attacher', 'string', 'The driver that attaches the volume.', 0, 'name'),
      col('PV', 'string', 'The persistent volume being attached.'),
      col('Node', 'string', 'The node the volume is attached to.'),
      col('Attached', 'boolean', 'Whether the attach has succeeded.'),
      ageColumn,
    ],
    cells: (va: Loose, now) => [
      va.metadata.name ?? '', va.spec?.attacher ?? '', va.spec?.source?.persistentVolumeName ?? '', va.spec?.nodeName ?? '', va.status?.attached === true, age(va, now),
    ],
  },
  csistoragecapacities: {
    columns: [
      nameColumn,
      col('StorageClassName', 'string', 'The storage class the capacity applies to.'),
      col('Capacity', 'string', 'The capacity the driver reports for its topology segment.'),
    ],
    cells: (c: Loose) => [c.metadata.name ?? '', c.storageClassName ?? '', c.capacity === undefined || c.capacity === null ? '<unset>' : text(c.capacity)],
  },
};
