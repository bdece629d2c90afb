/**
 * Node rules: the v1 round trip of podCIDR/podCIDRs, allocatable defaulted from capacity
 * (SetDefaults_NodeStatus), ValidateNode (taints, pod CIDRs) and ValidateNodeUpdate (podCIDRs
 * and providerID may only go from unset to set).
 */
import { type FieldError, fieldForbidden, fieldInvalid } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import type { Strategy } from '../../registry/rest.js';
import { type Obj, isObj, listAt, str } from './json-shapes.js';
import { goStrings, goValueError } from '../meta/validation.js';
import { canonicalizeResourceList } from './quantity-canonical.js';
import { validateTaints } from './toleration-validation.js';
import { isValidIP } from './value-formats.js';

const specOf = (n: KubeObject): Obj => (isObj(n.spec) ? n.spec : {});

/** Conversion keeps the singular field as the first of the plural one, both ways. */
function defaultNode(node: KubeObject): void {
  if (isObj(node.spec)) {
    const spec = node.spec;
    const cidr = str(spec.podCIDR);
    const cidrs = listAt(spec, 'podCIDRs').map(str);
    if (cidr && cidrs.length === 0) spec.podCIDRs = [cidr];
    else if (cidrs.length > 0) spec.podCIDR = cidrs[0];
  }
  const status = isObj(node.status) ? node.status : undefined;
  if (status && isObj(status.capacity) && (status.allocatable === undefined || status.allocatable === null)) {
    status.allocatable = { ...status.capacity };
  }
  if (status) { canonicalizeResourceList(status.capacity); canonicalizeResourceList(status.allocatable); }
}

/** ValidateCIDR: an address and a prefix length that fits it. */
function cidrErrors(cidr: string): string[] {
  const slash = cidr.indexOf('/');
  const ip = slash < 0 ? '' : cidr.slice(0, slash);
  const bits = slash < 0 ? NaN : Number(cidr.slice(slash + 1));
  const max = ip.includes(':') ? 128 : 32;
  const ok = isValidIP(ip).length === 0 && /^\d+$/.test(cidr.slice(slash + 1)) && bits <= max;
  return ok ? [] : ['must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'];
}

function validateNode(node: KubeObject): FieldError[] {
  const spec = specOf(node);
  const errs = validateTaints(spec, 'spec.taints');
  const cidrs = listAt(spec, 'podCIDRs').map(str);
  cidrs.forEach((c, i) => errs.push(...cidrErrors(c).map((m) => fieldInvalid(`spec.podCIDRs[${i}]`, c, m))));
  if (cidrs.length > 2) errs.push(goValueError('FieldValueInvalid', 'spec.podCIDRs', goStrings(cidrs), 'may specify no more than one CIDR for each IP family'));
  return errs;
}

const changeMsg = (field: string) => `node updates may not change ${field} except from "" to valid`;

function validateNodeUpdate(node: KubeObject, old: KubeObject): FieldError[] {
  const spec = specOf(node);
  const prev = specOf(old);
  const errs: FieldError[] = [];
  const oldCIDRs = listAt(prev, 'podCIDRs').map(str);
  const cidrs = listAt(spec, 'podCIDRs').map(str);
  if (oldCIDRs.length > 0) {
    if (oldCIDRs.length !== cidrs.length) errs.push(fieldForbidden('spec.podCIDRs', changeMsg('podCIDR')));
    else oldCIDRs.forEach((c, i) => { if (c !== cidrs[i]) errs.push(fieldForbidden('spec.podCIDRs', changeMsg('podCIDR'))); });
  }
  if (str(prev.providerID) && str(prev.providerID) !== str(spec.providerID)) errs.push(fieldForbidden('spec.providerID', changeMsg('providerID')));
  return errs;
}

export const nodeRules: Strategy = {
  prepareForCreate: defaultNode,
  prepareForUpdate: defaultNode,
  validate: validateNode,
  validateUpdate: validateNodeUpdate,
};
