/**
 * v1 defaulting of pod volumes (pkg/apis/core/v1/defaults.go SetDefaults_Volume and the
 * per-source SetDefaults_* functions). Also used for PersistentVolumeClaim specs, which an
 * ephemeral volume embeds.
 */
import { type Obj, defaultNil, defaultZero, isObj, objAt, objectsAt } from './json-shapes.js';
import { canonicalQuantity, canonicalizeResourceList } from './quantity-canonical.js';

/** Every v1 VolumeSource member; a volume with none of them set becomes an emptyDir. */
export const volumeSourceKeys = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc',
  'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected',
  'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
] as const;

/** 0644: the file mode secret, configMap, downwardAPI and projected volumes get by default. */
const defaultFileMode = 0o644;

/** ObjectFieldSelector: a fieldRef without apiVersion means v1. */
export function defaultFieldRef(holder: Obj): void {
  const ref = objAt(holder, 'fieldRef');
  if (ref) defaultZero(ref, 'apiVersion', 'v1');
}

function defaultDownwardItems(source: Obj): void {
  for (const [item] of objectsAt(source, 'items')) defaultFieldRef(item);
}

/** SetDefaults_PersistentVolumeClaimSpec (volumeMode Filesystem) and its resource lists. */
export function defaultClaimSpec(spec: Obj): void {
  defaultNil(spec, 'volumeMode', 'Filesystem');
  const resources = objAt(spec, 'resources');
  if (resources) { canonicalizeResourceList(resources.requests); canonicalizeResourceList(resources.limits); }
}

const sourceDefaults: Partial<Record<typeof volumeSourceKeys[number], (s: Obj) => void>> = {
  hostPath: (s) => defaultNil(s, 'type', ''),
  emptyDir: (s) => { const q = canonicalQuantity(s.sizeLimit); if (q !== undefined) s.sizeLimit = q; },
  secret: (s) => defaultNil(s, 'defaultMode', defaultFileMode),
  configMap: (s) => defaultNil(s, 'defaultMode', defaultFileMode),
  downwardAPI: (s) => { defaultNil(s, 'defaultMode', defaultFileMode); defaultDownwardItems(s); },
  projected: (s) => {
    defaultNil(s, 'defaultMode', defaultFileMode);
    for (const [p] of objectsAt(s, 'sources')) {
      const token = objAt(p, 'serviceAccountToken');
      if (token) defaultNil(token, 'expirationSeconds', 3600);
      const downward = objAt(p, 'downwardAPI');
      if (downward) defaultDownwardItems(downward);
    }
  },
  iscsi: (s) => defaultZero(s, 'iscsiInterface', 'default'),
  rbd: (s) => { defaultZero(s, 'pool', 'rbd'); defaultZero(s, 'user', 'admin'); defaultZero(s, 'keyring', '/etc/ceph/keyring'); },
  azureDisk: (s) => {
    defaultNil(s, 'cachingMode', 'ReadWrite');
    defaultNil(s, 'fsType', 'ext4');
    defaultNil(s, 'readOnly', false);
    defaultNil(s, 'kind', 'Shared');
  },
  scaleIO: (s) => { defaultZero(s, 'storageMode', 'ThinProvisioned'); defaultZero(s, 'fsType', 'xfs'); },
  ephemeral: (s) => {
    const spec = objAt(objAt(s, 'volumeClaimTemplate') ?? {}, 'spec');
    if (spec) defaultClaimSpec(spec);
  },
};

/** The per-source defaults alone (a PersistentVolume's source has no emptyDir fallback). */
export function defaultVolumeSources(holder: Obj): void {
  for (const k of volumeSourceKeys) if (isObj(holder[k])) sourceDefaults[k]?.(holder[k] as Obj);
}

/** SetDefaults_Volume plus the defaults of whichever source it holds. */
export function defaultVolume(volume: Obj): void {
  const present = volumeSourceKeys.filter((k) => isObj(volume[k]));
  if (present.length === 0) {
    for (const k of volumeSourceKeys) delete volume[k]; // nulls are nil pointers: drop them
    volume.emptyDir = {};
    return;
  }
  for (const k of present) sourceDefaults[k]?.(volume[k] as Obj);
}
