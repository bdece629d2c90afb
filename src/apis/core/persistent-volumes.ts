/**
 * PersistentVolume and PersistentVolumeClaim rules: v1 defaults (reclaim policy Retain, volume
 * mode Filesystem, source defaults), ValidatePersistentVolumeSpec / ValidatePersistentVolumeClaimSpec
 * and their update rules (a PV's source and either's volume mode are immutable; a claim's spec is
 * immutable except binding it to a volume once and resizing a bound claim upwards).
 */
import { type FieldError, fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import { parseQuantity } from '../meta/quantity.js';
import type { KubeObject } from '../meta/types.js';
import { isDNS1123Subdomain } from '../meta/validation.js';
import type { Strategy } from '../../registry/rest.js';
import { semanticEqual } from '../../registry/before.js';
import { section } from './define.js';
import { type Obj, defaultNil, defaultZero, isObj, listAt, objAt, str } from './json-shapes.js';
import { specDiff } from './spec-diff.js';
import { checkQuantityMap } from './quantity-decode.js';
import { quantityText } from './resource-names.js';
import { canonicalizeResourceList } from './quantity-canonical.js';
import { defaultClaimSpec, defaultVolumeSources } from './volume-defaults.js';

const accessModes = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const volumeModes = ['Block', 'Filesystem'];
const pvSources = [
  'gcePersistentDisk', 'awsElasticBlockStore', 'hostPath', 'glusterfs', 'nfs', 'rbd', 'quobyte', 'iscsi', 'cinder', 'cephfs',
  'fc', 'flocker', 'flexVolume', 'azureFile', 'vsphereVolume', 'azureDisk', 'photonPersistentDisk', 'portworxVolume',
  'scaleIO', 'local', 'storageos', 'csi',
] as const;

const specOf = (o: KubeObject): Obj => (isObj(o.spec) ? o.spec : {});

function validateAccessModes(spec: Obj, required: FieldError): FieldError[] {
  const modes = listAt(spec, 'accessModes').map(str);
  if (modes.length === 0) return [required];
  const errs = modes.filter((m) => !accessModes.includes(m)).map((m) => fieldNotSupported('spec.accessModes', m, accessModes));
  if (modes.includes('ReadWriteOncePod') && modes.some((m) => m !== 'ReadWriteOncePod')) {
    errs.push(fieldForbidden('spec.accessModes', 'may not use ReadWriteOncePod with other access modes'));
  }
  return errs;
}

function validateCommon(spec: Obj, storageClass: unknown): FieldError[] {
  const errs: FieldError[] = [];
  const cls = str(storageClass);
  if (cls) errs.push(...isDNS1123Subdomain(cls).map((m) => fieldInvalid('spec.storageClassName', cls, m)));
  if (typeof spec.volumeMode === 'string' && !volumeModes.includes(spec.volumeMode)) errs.push(fieldNotSupported('spec.volumeMode', spec.volumeMode, volumeModes));
  return errs;
}

const positive = (q: unknown, field: string): FieldError[] => {
  const n = parseQuantity(q);
  return n !== null && n <= 0 ? [fieldInvalid(field, quantityText(q), 'must be greater than zero')] : [];
};

const sourceRequired: Partial<Record<typeof pvSources[number], string[]>> = {
  hostPath: ['path'], nfs: ['server', 'path'], local: ['path'], csi: ['driver', 'volumeHandle'], iscsi: ['targetPortal', 'iqn'],
  rbd: ['image'], cephfs: [], glusterfs: ['endpoints', 'path'],
};

function validatePVSpec(pv: KubeObject): FieldError[] {
  const spec = specOf(pv);
  const errs = validateAccessModes(spec, fieldRequired('spec.accessModes'));
  const capacity = objAt(spec, 'capacity');
  const keys = Object.keys(capacity ?? {});
  if (keys.length === 0) errs.push(fieldRequired('spec.capacity'));
  if (!keys.includes('storage') || keys.length > 1) {
    const shown = capacity ? `core.ResourceList{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(quantityText(capacity[k]))}`).join(', ')}}` : 'core.ResourceList(nil)';
    errs.push({ type: 'FieldValueNotSupported', field: 'spec.capacity', detail: `${shown}: supported values: "storage"` });
  }
  for (const k of keys) errs.push(...positive(capacity![k], `spec.capacity[${k}]`));
  const reclaim = str(spec.persistentVolumeReclaimPolicy);
  if (reclaim && !['Delete', 'Recycle', 'Retain'].includes(reclaim)) errs.push(fieldNotSupported('spec.persistentVolumeReclaimPolicy', reclaim, ['Delete', 'Recycle', 'Retain']));
  errs.push(...validateCommon(spec, spec.storageClassName));
  let found = false;
  for (const key of pvSources) {
    const src = objAt(spec, key);
    if (!src) continue;
    if (found) { errs.push(fieldForbidden(`spec.${key}`, 'may not specify more than 1 volume type')); continue; }
    found = true;
    for (const f of sourceRequired[key] ?? []) if (!str(src[f])) errs.push(fieldRequired(`spec.${key}.${f}`));
    if (key === 'local' && !isObj(spec.nodeAffinity)) errs.push(fieldRequired('spec.nodeAffinity', 'Local volume requires node affinity'));
  }
  if (!found) errs.push(fieldRequired('spec', 'must specify a volume type'));
  return errs;
}

const volumeModeImmutable = (spec: Obj, old: Obj): FieldError[] =>
  (str(spec.volumeMode) !== str(old.volumeMode) ? [fieldInvalid('volumeMode', spec.volumeMode ?? null, 'field is immutable')] : []);

function validatePVUpdate(pv: KubeObject, old: KubeObject): FieldError[] {
  const pick = (s: Obj) => Object.fromEntries(pvSources.filter((k) => s[k] !== undefined).map((k) => [k, s[k]]));
  const errs: FieldError[] = [];
  const [a, b] = [pick(specOf(old)), pick(specOf(pv))];
  if (!semanticEqual(a, b)) errs.push(fieldForbidden('spec.persistentvolumesource', `spec.persistentvolumesource is immutable after creation\n${specDiff(a, b, 'spec')}`));
  return [...errs, ...volumeModeImmutable(specOf(pv), specOf(old))];
}

function defaultPV(pv: KubeObject): void {
  const spec = section(pv, 'spec');
  checkQuantityMap(spec.capacity, 'PersistentVolume', 'v1');
  canonicalizeResourceList(spec.capacity);
  defaultZero(spec, 'persistentVolumeReclaimPolicy', 'Retain');
  defaultNil(spec, 'volumeMode', 'Filesystem');
  defaultVolumeSources(spec);
}

export const persistentVolumeRules: Strategy = {
  prepareForCreate: defaultPV, prepareForUpdate: defaultPV, validate: validatePVSpec, validateUpdate: validatePVUpdate,
};

function validateClaimSpec(pvc: KubeObject): FieldError[] {
  const spec = specOf(pvc);
  const errs = validateAccessModes(spec, fieldRequired('spec.accessModes', 'at least 1 access mode is required'));
  const requests = objAt(objAt(spec, 'resources') ?? {}, 'requests') ?? {};
  if (!Object.hasOwn(requests, 'storage')) errs.push(fieldRequired('spec.resources[storage]'));
  else errs.push(...positive(requests.storage, 'spec.resources[storage]'));
  return [...errs, ...validateCommon(spec, spec.storageClassName)];
}

function validateClaimUpdate(pvc: KubeObject, old: KubeObject): FieldError[] {
  const next: Obj = structuredClone(specOf(pvc));
  const prev: Obj = structuredClone(specOf(old));
  if (!str(prev.volumeName)) prev.volumeName = next.volumeName; // binding happens once
  const nextRequests = objAt(objAt(next, 'resources') ?? {}, 'requests');
  const status = isObj(pvc.status) ? pvc.status : {};
  // Only a bound claim may be resized; compare the rest with the old size put back.
  if (status.phase === 'Bound' && nextRequests) nextRequests.storage = objAt(objAt(prev, 'resources') ?? {}, 'requests')?.storage;
  const errs: FieldError[] = [];
  if (!semanticEqual(next, prev)) {
    errs.push(fieldForbidden('spec', `spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims\n${specDiff(prev, next, 'spec')}`));
  }
  const oldSize = parseQuantity(objAt(objAt(specOf(old), 'resources') ?? {}, 'requests')?.storage);
  const newSize = parseQuantity(objAt(objAt(specOf(pvc), 'resources') ?? {}, 'requests')?.storage);
  if (oldSize !== null && newSize !== null && newSize < oldSize) errs.push(fieldForbidden('spec.resources.requests.storage', 'field can not be less than previous value'));
  return [...errs, ...volumeModeImmutable(specOf(pvc), specOf(old))];
}

function defaultClaim(pvc: KubeObject): void {
  const spec = section(pvc, 'spec');
  const resources = objAt(spec, 'resources');
  if (resources) { checkQuantityMap(resources.requests, 'PersistentVolumeClaim', 'v1'); checkQuantityMap(resources.limits, 'PersistentVolumeClaim', 'v1'); }
  defaultClaimSpec(spec);
}

export const persistentVolumeClaimRules: Strategy = {
  prepareForCreate: defaultClaim, prepareForUpdate: defaultClaim, validate: validateClaimSpec, validateUpdate: validateClaimUpdate,
};
