/**
 * LimitRange rules: container items get their default limits and requests filled in
 * (SetDefaults_LimitRangeItem: default <- max, defaultRequest <- default, then <- min), and
 * ValidateLimitRange (known types once each, resource names, and min <= defaultRequest <= default
 * <= max for every resource). Quantities print as sent (upstream prints the canonical form).
 */
import { type FieldError, fieldDuplicate, fieldForbidden, fieldInvalid } from '../meta/errors.js';
import { parseQuantity } from '../meta/quantity.js';
import type { KubeObject } from '../meta/types.js';
import { isQualifiedName } from '../meta/validation.js';
import type { Strategy } from '../../registry/rest.js';
import { section } from './define.js';
import { type Obj, isObj, objAt, objectsAt, str } from './json-shapes.js';
import { canonicalizeResourceList } from './quantity-canonical.js';
import { checkQuantityMap } from './quantity-decode.js';
import { quantityText, validateContainerResourceName, validateQuantityValue, validateResourceName } from './resource-names.js';

const bounds = ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const;

function defaultLimitRange(lr: KubeObject): void {
  for (const [item] of objectsAt(section(lr, 'spec'), 'limits')) {
    for (const b of bounds) { checkQuantityMap(item[b], 'LimitRange', 'v1'); canonicalizeResourceList(item[b]); }
    if (item.type !== 'Container') continue;
    const fill = (target: 'default' | 'defaultRequest', from: Obj | undefined) => {
      for (const [k, v] of Object.entries(from ?? {})) {
        const t = isObj(item[target]) ? item[target] as Obj : (item[target] = {}) as Obj;
        if (!Object.hasOwn(t, k)) t[k] = v;
      }
    };
    fill('default', objAt(item, 'max'));
    fill('defaultRequest', objAt(item, 'default'));
    fill('defaultRequest', objAt(item, 'min'));
  }
}

function validateTypeName(type: string, path: string): FieldError[] {
  const errs = isQualifiedName(type).map((m) => fieldInvalid(path, type, m));
  if (!type.includes('/') && !['Pod', 'Container', 'PersistentVolumeClaim'].includes(type)) errs.push(fieldInvalid(path, type, 'must be a standard limit type or fully qualified'));
  return errs;
}

/** Pairs (lower bound, upper bound, message) that must hold for each resource. */
const orderings: Array<[lo: typeof bounds[number], hi: typeof bounds[number], field: 'min' | 'defaultRequest' | 'default', text: string]> = [
  ['min', 'max', 'min', 'min value %lo is greater than max value %hi'],
  ['min', 'defaultRequest', 'defaultRequest', 'min value %lo is greater than default request value %hi'],
  ['defaultRequest', 'max', 'defaultRequest', 'default request value %lo is greater than max value %hi'],
  ['defaultRequest', 'default', 'defaultRequest', 'default request value %lo is greater than default limit value %hi'],
  ['min', 'default', 'default', 'min value %lo is greater than default value %hi'],
  ['default', 'max', 'default', 'default value %lo is greater than max value %hi'],
];

function validateLimitRange(lr: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  for (const [item, i] of objectsAt(section(lr, 'spec'), 'limits')) {
    const p = `spec.limits[${i}]`;
    const type = str(item.type);
    errs.push(...validateTypeName(type, p));
    if (seen.has(type)) errs.push(fieldDuplicate(`${p}.type`, type));
    seen.add(type);
    const keys = new Set<string>();
    for (const b of bounds) {
      const m = objAt(item, b);
      if (!m) continue;
      if (type === 'Pod' && (b === 'default' || b === 'defaultRequest') && Object.keys(m).length > 0) {
        errs.push(fieldForbidden(`${p}.${b}`, "may not be specified when `type` is 'Pod'"));
      }
      for (const [k, q] of Object.entries(m)) {
        keys.add(k);
        const field = `${p}.${b}[${k}]`;
        errs.push(...(type === 'Container' || type === 'Pod' ? validateContainerResourceName(k, field) : validateResourceName(k, field)));
        if (b !== 'maxLimitRequestRatio') errs.push(...validateQuantityValue(k, q, field));
      }
    }
    for (const k of keys) {
      const val = (b: typeof bounds[number]) => objAt(item, b)?.[k];
      for (const [lo, hi, field, text] of orderings) {
        const [a, z] = [parseQuantity(val(lo)), parseQuantity(val(hi))];
        if (a === null || z === null || a <= z) continue;
        const shown = field === lo ? val(lo) : val(hi);
        errs.push(fieldInvalid(`${p}.${field}[${k}]`, quantityText(shown), text.replace('%lo', quantityText(val(lo))).replace('%hi', quantityText(val(hi)))));
      }
      const ratio = parseQuantity(val('maxLimitRequestRatio'));
      if (ratio !== null && ratio < 1) errs.push(fieldInvalid(`${p}.maxLimitRequestRatio[${k}]`, quantityText(val('maxLimitRequestRatio')), `ratio ${quantityText(val('maxLimitRequestRatio'))} is less than 1`));
    }
  }
  return errs;
}

export const limitRangeStrategy: Strategy = {
  prepareForCreate: defaultLimitRange,
  prepareForUpdate: defaultLimitRange,
  validate: validateLimitRange,
  allowCreateOnUpdate: true,
};
