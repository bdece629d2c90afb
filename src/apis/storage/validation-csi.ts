/**
 * CSINode and CSIStorageCapacity validation (pkg/apis/storage/validation): the per-node driver
 * list a kubelet publishes, and the capacity a CSI driver reports per storage class and topology.
 */
import { type FieldError, fieldDuplicate, fieldInvalid, fieldRequired, fieldTooLong } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import { isDNS1123Subdomain, isQualifiedName } from '../meta/validation.js';
import { parseQuantity } from '../meta/quantity.js';
import { asObj, nonNegative, validateLabelSelector } from '../apps/validation-fields.js';

const str = (v: unknown) => (typeof v === 'string' ? v : '');
/** csiNodeIDMaxLength: node IDs a driver hands out fit in this many bytes. */
const maxNodeIDLength = 192;

/** ValidateCSIDriverName: a DNS subdomain of at most 63 characters (checked lower-cased). */
function csiDriverNameErrors(name: string, field: string): FieldError[] {
  if (name === '') return [fieldRequired(field)];
  const errs: FieldError[] = Buffer.byteLength(name) > 63 ? [fieldTooLong(field, name, 63)] : [];
  for (const m of isDNS1123Subdomain(name.toLowerCase())) errs.push(fieldInvalid(field, name, m));
  return errs;
}

export function validateCSINode(node: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  const drivers = asObj(node.spec).drivers;
  (Array.isArray(drivers) ? drivers : []).forEach((raw, i) => {
    const d = asObj(raw);
    const p = `spec.drivers[${i}]`;
    const name = str(d.name);
    errs.push(...csiDriverNameErrors(name, `${p}.name`));
    if (seen.has(name)) errs.push(fieldDuplicate(`${p}.name`, name));
    seen.add(name);
    const nodeID = str(d.nodeID);
    if (nodeID === '') errs.push(fieldRequired(`${p}.nodeID`));
    else if (Buffer.byteLength(nodeID) > maxNodeIDLength) errs.push(fieldTooLong(`${p}.nodeID`, nodeID, maxNodeIDLength));
    const keys = Array.isArray(d.topologyKeys) ? d.topologyKeys.map(String) : [];
    keys.forEach((k, j) => { for (const m of isQualifiedName(k)) errs.push(fieldInvalid(`${p}.topologyKeys[${j}]`, k, m)); });
    errs.push(...nonNegative(asObj(d.allocatable).count, `${p}.allocatable.count`));
  });
  return errs;
}

export function validateCSIStorageCapacity(cap: KubeObject): FieldError[] {
  const errs = validateLabelSelector(cap.nodeTopology, 'nodeTopology');
  const className = str(cap.storageClassName);
  for (const m of isDNS1123Subdomain(className)) errs.push(fieldInvalid('storageClassName', className, m));
  for (const k of ['capacity', 'maximumVolumeSize']) {
    const q = cap[k];
    if (q !== undefined && q !== null && (parseQuantity(q) ?? 0) < 0) errs.push(fieldInvalid(k, String(q), 'must be greater than or equal to 0'));
  }
  return errs;
}
