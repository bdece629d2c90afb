/** storage.k8s.io/v1 defaulting (pkg/apis/storage/v1/defaults.go), applied on create and update. */
import type { KubeObject } from '../meta/types.js';
import { child, setDefault } from '../apps/validation-fields.js';

export function defaultStorageClass(sc: KubeObject): void {
  const o = sc as unknown as Record<string, unknown>;
  setDefault(o, 'reclaimPolicy', 'Delete');
  setDefault(o, 'volumeBindingMode', 'Immediate');
}

/**
 * CSIDriver: the conservative choices (attach, no pod info, no capacity tracking, persistent
 * volumes only). seLinuxMount is defaulted because SELinuxMountReadWriteOncePod is on in 1.32.
 */
export function defaultCSIDriver(d: KubeObject): void {
  const spec = child(d, 'spec');
  setDefault(spec, 'attachRequired', true);
  setDefault(spec, 'podInfoOnMount', false);
  setDefault(spec, 'storageCapacity', false);
  setDefault(spec, 'fsGroupPolicy', 'ReadWriteOnceWithFSType');
  if (!Array.isArray(spec.volumeLifecycleModes) || spec.volumeLifecycleModes.length === 0) spec.volumeLifecycleModes = ['Persistent'];
  setDefault(spec, 'requiresRepublish', false);
  setDefault(spec, 'seLinuxMount', false);
}
