/**
 * Pod volumes (validation.go ValidateVolumes and validateVolumeSource): unique DNS-label names,
 * exactly one source, and the checks of the sources users write by hand (emptyDir, hostPath,
 * secret, configMap, persistentVolumeClaim, nfs, downwardAPI, projected, csi, ephemeral).
 */
import { type FieldError, fieldDuplicate, fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import { parseQuantity } from '../meta/quantity.js';
import { isDNS1123Label } from '../meta/validation.js';
import { type Obj, isObj, objAt, objectsAt, str } from './json-shapes.js';
import { validateFileMode, validateLocalNonReservedPath, validateNoBacksteps } from './value-formats.js';

/** validateVolumeSource visits sources in this order: the first one set wins, later ones are forbidden. */
const sourceOrder = [
  'emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'downwardAPI', 'fc', 'flexVolume', 'configMap',
  'azureFile', 'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'projected',
  'scaleIO', 'csi', 'ephemeral', 'image',
] as const;

const hostPathTypes = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

/** validateKeyToPath for each of `items` (secret, configMap and projected sources). */
function validateItems(source: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [item, i] of objectsAt(source, 'items')) {
    const p = `${path}.items[${i}]`;
    if (!str(item.key)) errs.push(fieldRequired(`${p}.key`));
    if (!str(item.path)) errs.push(fieldRequired(`${p}.path`));
    errs.push(...validateLocalNonReservedPath(str(item.path), `${p}.path`), ...validateFileMode(item.mode, `${p}.mode`));
  }
  return errs;
}

function validateDownwardItems(source: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [item, i] of objectsAt(source, 'items')) {
    const p = `${path}.items[${i}]`;
    if (!str(item.path)) errs.push(fieldRequired(`${p}.path`));
    errs.push(...validateLocalNonReservedPath(str(item.path), `${p}.path`), ...validateFileMode(item.mode, `${p}.mode`));
    const refs = ['fieldRef', 'resourceFieldRef'].filter((k) => isObj(item[k]));
    if (refs.length === 0) errs.push(fieldRequired(p, 'one of fieldRef and resourceFieldRef is required'));
    if (refs.length > 1) errs.push(fieldInvalid(p, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
  }
  return errs;
}

const required = (s: Obj, key: string, path: string) => (str(s[key]) ? [] : [fieldRequired(`${path}.${key}`)]);

const sourceChecks: Partial<Record<typeof sourceOrder[number], (s: Obj, path: string) => FieldError[]>> = {
  emptyDir: (s, path) => {
    const limit = s.sizeLimit === undefined || s.sizeLimit === null ? null : parseQuantity(s.sizeLimit);
    return limit !== null && limit < 0 ? [fieldForbidden(`${path}.sizeLimit`, 'SizeLimit field must be a valid resource quantity')] : [];
  },
  hostPath: (s, path) => {
    const errs = required(s, 'path', path);
    errs.push(...validateNoBacksteps(str(s.path), `${path}.path`));
    if (typeof s.type === 'string' && !hostPathTypes.includes(s.type)) errs.push(fieldNotSupported(`${path}.type`, s.type, hostPathTypes));
    return errs;
  },
  secret: (s, path) => [...required(s, 'secretName', path), ...validateFileMode(s.defaultMode, `${path}.defaultMode`), ...validateItems(s, path)],
  configMap: (s, path) => [...required(s, 'name', path), ...validateFileMode(s.defaultMode, `${path}.defaultMode`), ...validateItems(s, path)],
  persistentVolumeClaim: (s, path) => required(s, 'claimName', path),
  nfs: (s, path) => {
    const errs = [...required(s, 'server', path), ...required(s, 'path', path)];
    if (str(s.path) && !str(s.path).startsWith('/')) errs.push(fieldInvalid(`${path}.path`, s.path, 'must be an absolute path'));
    return errs;
  },
  downwardAPI: (s, path) => [...validateFileMode(s.defaultMode, `${path}.defaultMode`), ...validateDownwardItems(s, path)],
  projected: (s, path) => {
    const errs = validateFileMode(s.defaultMode, `${path}.defaultMode`);
    for (const [src, i] of objectsAt(s, 'sources')) {
      const p = `${path}.sources[${i}]`;
      const kinds = ['secret', 'configMap', 'downwardAPI', 'serviceAccountToken', 'clusterTrustBundle'].filter((k) => isObj(src[k]));
      for (const k of kinds.slice(1)) errs.push(fieldForbidden(`${p}.${k}`, 'may not specify more than 1 volume type per source'));
      if (kinds.length === 0) errs.push(fieldRequired(p, 'must specify one volume type'));
      const secret = objAt(src, 'secret');
      if (secret) errs.push(...validateItems(secret, `${p}.secret`));
      const cm = objAt(src, 'configMap');
      if (cm) errs.push(...validateItems(cm, `${p}.configMap`));
      const token = objAt(src, 'serviceAccountToken');
      if (token && typeof token.expirationSeconds === 'number' && token.expirationSeconds < 600) {
        errs.push(fieldInvalid(`${p}.serviceAccountToken.expirationSeconds`, token.expirationSeconds, 'may not specify a duration less than 10 minutes'));
      }
    }
    return errs;
  },
  csi: (s, path) => required(s, 'driver', path),
  ephemeral: (s, path) => (isObj(s.volumeClaimTemplate) ? [] : [fieldRequired(`${path}.volumeClaimTemplate`)]),
};

/** validateVolumeSource: exactly one source, then that source's own checks. */
function validateVolumeSource(volume: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let found = false;
  for (const key of sourceOrder) {
    if (!isObj(volume[key])) continue;
    if (found) { errs.push(fieldForbidden(`${path}.${key}`, 'may not specify more than 1 volume type')); continue; }
    found = true;
    errs.push(...(sourceChecks[key]?.(volume[key] as Obj, `${path}.${key}`) ?? []));
  }
  if (!found) errs.push(fieldRequired(path, 'must specify a volume type'));
  return errs;
}

/**
 * ValidateVolumes over spec.volumes. Returns the errors and the names of the volumes that passed
 * (mounts may only name those, as upstream's returned map).
 */
export function validateVolumes(spec: Obj, path: string): { errs: FieldError[]; names: Set<string> } {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  for (const [v, i] of objectsAt(spec, 'volumes')) {
    const p = `${path}[${i}]`;
    const name = str(v.name);
    const own = validateVolumeSource(v, p);
    if (!name) own.push(fieldRequired(`${p}.name`));
    else own.push(...isDNS1123Label(name).map((m) => fieldInvalid(`${p}.name`, name, m)));
    if (names.has(name)) own.push(fieldDuplicate(`${p}.name`, name));
    if (own.length === 0) names.add(name);
    else errs.push(...own);
  }
  return { errs, names };
}
