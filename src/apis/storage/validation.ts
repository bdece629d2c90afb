/**
 * storage.k8s.io/v1 validation (pkg/apis/storage/validation): StorageClass, CSIDriver and
 * VolumeAttachment. Most of a StorageClass and a VolumeAttachment's spec are fixed at creation.
 */
import { type FieldError, fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired, fieldTooLong } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import { goValueError, isDNS1123Subdomain, isQualifiedName } from '../meta/validation.js';
import { semanticEqual } from '../../registry/before.js';
import { asObj } from '../apps/validation-fields.js';

const maxParameterCount = 512;
const maxParameterBytes = 256 * 1024;
const reclaimPolicies = ['Delete', 'Retain'];
const bindingModes = ['Immediate', 'WaitForFirstConsumer'];
const fsGroupPolicies = ['File', 'None', 'ReadWriteOnceWithFSType'];
const lifecycleModes = ['Ephemeral', 'Persistent'];
const str = (v: unknown) => (typeof v === 'string' ? v : '');

function validateParameters(params: Record<string, unknown>): FieldError[] {
  const keys = Object.keys(params);
  if (keys.length > maxParameterCount) return [fieldTooLong('parameters', 'Provisioner Parameters exceeded max allowed', maxParameterCount)];
  const errs: FieldError[] = [];
  let size = 0;
  for (const k of keys) {
    if (k.length < 1) errs.push(fieldInvalid('parameters', k, 'field can not be empty.'));
    size += Buffer.byteLength(k) + Buffer.byteLength(str(params[k]));
  }
  if (size > maxParameterBytes) errs.push(fieldTooLong('parameters', '', maxParameterBytes));
  return errs;
}

export function validateStorageClass(sc: KubeObject): FieldError[] {
  const provisioner = str(sc.provisioner);
  const errs: FieldError[] = [];
  if (provisioner === '') errs.push(fieldRequired('provisioner'));
  else for (const m of isQualifiedName(provisioner.toLowerCase())) errs.push(fieldInvalid('provisioner', provisioner, m));
  errs.push(...validateParameters(asObj(sc.parameters)));
  const reclaim = str(sc.reclaimPolicy);
  if (reclaim !== '' && !reclaimPolicies.includes(reclaim)) errs.push(fieldNotSupported('reclaimPolicy', reclaim, reclaimPolicies));
  if (sc.volumeBindingMode === undefined || sc.volumeBindingMode === null) errs.push(fieldRequired('volumeBindingMode'));
  else if (!bindingModes.includes(str(sc.volumeBindingMode))) errs.push(fieldNotSupported('volumeBindingMode', sc.volumeBindingMode, bindingModes));
  return errs;
}

export function validateStorageClassUpdate(sc: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (!semanticEqual(sc.parameters, old.parameters)) errs.push(fieldForbidden('parameters', 'updates to parameters are forbidden.'));
  if (str(sc.provisioner) !== str(old.provisioner)) errs.push(fieldForbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (sc.reclaimPolicy !== old.reclaimPolicy) errs.push(fieldForbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (sc.volumeBindingMode !== old.volumeBindingMode) errs.push(fieldInvalid('volumeBindingMode', sc.volumeBindingMode ?? null, 'field is immutable'));
  return errs;
}

/** validateCSIDriverSpec; "attachedRequired" (sic) is upstream's path for attachRequired. */
export function validateCSIDriver(d: KubeObject): FieldError[] {
  const spec = asObj(d.spec);
  const errs: FieldError[] = [];
  const required: Array<[string, string]> = [['attachRequired', 'attachedRequired'], ['podInfoOnMount', 'podInfoOnMount'], ['storageCapacity', 'storageCapacity'], ['requiresRepublish', 'requiresRepublish']];
  for (const [k, path] of required) if (spec[k] === undefined || spec[k] === null) errs.push(fieldRequired(`spec.${path}`));
  if (spec.fsGroupPolicy !== undefined && spec.fsGroupPolicy !== null && !fsGroupPolicies.includes(str(spec.fsGroupPolicy))) {
    errs.push(fieldNotSupported('spec.fsGroupPolicy', spec.fsGroupPolicy, fsGroupPolicies));
  }
  for (const m of Array.isArray(spec.volumeLifecycleModes) ? spec.volumeLifecycleModes : []) {
    if (!lifecycleModes.includes(str(m))) errs.push(fieldNotSupported('spec.volumeLifecycleModes', m, lifecycleModes));
  }
  return errs;
}

const goLifecycleModes = (v: unknown) => `[]storage.VolumeLifecycleMode{${(Array.isArray(v) ? v : []).map((m) => JSON.stringify(String(m))).join(', ')}}`;

export function validateCSIDriverUpdate(d: KubeObject, old: KubeObject): FieldError[] {
  const spec = asObj(d.spec);
  const prev = asObj(old.spec);
  const errs: FieldError[] = [];
  if (spec.attachRequired !== prev.attachRequired) errs.push(fieldInvalid('spec.attachedRequired', spec.attachRequired ?? null, 'field is immutable'));
  if (!semanticEqual(spec.volumeLifecycleModes, prev.volumeLifecycleModes)) {
    errs.push(goValueError('FieldValueInvalid', 'spec.volumeLifecycleModes', goLifecycleModes(spec.volumeLifecycleModes), 'field is immutable'));
  }
  return errs;
}

export function validateVolumeAttachment(va: KubeObject): FieldError[] {
  const spec = asObj(va.spec);
  const errs: FieldError[] = [];
  const attacher = str(spec.attacher);
  if (attacher === '') errs.push(fieldRequired('spec.attacher'));
  const source = asObj(spec.source);
  const inline = source.inlineVolumeSpec !== undefined && source.inlineVolumeSpec !== null;
  const pv = source.persistentVolumeName !== undefined && source.persistentVolumeName !== null;
  const one = 'must specify exactly one of inlineVolumeSpec and persistentVolumeName';
  if (!inline && !pv) errs.push(fieldRequired('spec.source', one));
  else if (inline && pv) errs.push(fieldForbidden('spec.source', one));
  else if (pv && source.persistentVolumeName === '') errs.push(fieldRequired('spec.source.persistentVolumeName', 'must specify non empty persistentVolumeName'));
  // ValidateNodeName: node names are DNS subdomains.
  const node = str(spec.nodeName);
  for (const m of isDNS1123Subdomain(node)) errs.push(fieldInvalid('spec.nodeName', node, m));
  return errs;
}

/** The spec is read-only: a change would have to bump generation, which VolumeAttachments lack. */
export function validateVolumeAttachmentUpdate(va: KubeObject, old: KubeObject): FieldError[] {
  // upstream prints the spec struct with %#v; JSON stands in.
  return semanticEqual(va.spec, old.spec) ? [] : [fieldInvalid('spec', va.spec ?? null, 'field is immutable')];
}
