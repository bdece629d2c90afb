/**
 * Resource names and quantity rules shared by containers, LimitRanges and ResourceQuotas
 * (pkg/apis/core/helper and validation: IsStandardResourceName, IsExtendedResourceName,
 * ValidateResourceQuantityValue). Messages are upstream's.
 */
import { type FieldError, fieldInvalid } from '../meta/errors.js';
import { parseQuantity } from '../meta/quantity.js';
import { isQualifiedName } from '../meta/validation.js';

const standardResources = new Set([
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'services', 'replicationcontrollers',
  'resourcequotas', 'secrets', 'persistentvolumeclaims', 'configmaps', 'services.nodeports',
  'services.loadbalancers', 'requests.storage',
]);
const integerResources = new Set([
  'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'persistentvolumeclaims',
  'configmaps', 'services.nodeports', 'services.loadbalancers',
]);

export const isHugePageName = (name: string) => name.startsWith('hugepages-');
const isQuotaHugePageName = (name: string) => name.startsWith('requests.hugepages-') || name.startsWith('limits.hugepages-');

/** Native resources have no domain, or live under kubernetes.io. */
export const isNativeResource = (name: string) => !name.includes('/') || name.includes('kubernetes.io/');

/** An extended resource: domain-qualified, not native, usable as `requests.<name>` in quotas. */
export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}

export const isStandardResourceName = (name: string) => standardResources.has(name) || isHugePageName(name) || isQuotaHugePageName(name);
export const isStandardContainerResourceName = (name: string) => name === 'cpu' || name === 'memory' || name === 'ephemeral-storage' || isHugePageName(name);
export const isIntegerResourceName = (name: string) => integerResources.has(name) || isExtendedResourceName(name);
/** Only native resources other than hugepages may be requested below their limit. */
export const isOvercommitAllowed = (name: string) => isNativeResource(name) && !isHugePageName(name);

/** validateResourceName: a qualified name, and a standard one when it has no domain. */
export function validateResourceName(name: string, field: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => fieldInvalid(field, name, m));
  if (!name.includes('/') && !isStandardResourceName(name)) errs.push(fieldInvalid(field, name, 'must be a standard resource type or fully qualified'));
  return errs;
}

/** validateContainerResourceName: what a container may request or limit. */
export function validateContainerResourceName(name: string, field: string): FieldError[] {
  const errs = validateResourceName(name, field);
  if (!name.includes('/')) {
    if (!isStandardContainerResourceName(name)) errs.push(fieldInvalid(field, name, 'must be a standard resource for containers'));
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errs.push(fieldInvalid(field, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

/** The quantity text as clients sent it (our stand-in for Quantity.String()). */
export const quantityText = (v: unknown): string => (typeof v === 'string' ? v : String(v));

/** ValidateResourceQuantityValue: non-negative, and whole for countable resources. */
export function validateQuantityValue(name: string, value: unknown, field: string): FieldError[] {
  const n = parseQuantity(value);
  if (n === null) return [fieldInvalid(field, quantityText(value), "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")];
  const errs: FieldError[] = [];
  if (n < 0) errs.push(fieldInvalid(field, quantityText(value), 'must be greater than or equal to 0'));
  if (isIntegerResourceName(name) && Math.round(n * 1000) % 1000 !== 0) errs.push(fieldInvalid(field, quantityText(value), 'must be an integer'));
  return errs;
}
