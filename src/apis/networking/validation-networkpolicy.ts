/**
 * NetworkPolicy validation (ValidateNetworkPolicySpec upstream): selectors, ports (numbers,
 * names, ranges), peers (exactly one kind when ipBlock is used) and policyTypes.
 */
import { type FieldError, fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import { goValueError } from '../meta/validation.js';
import { type Obj, asObj, validateLabelSelector } from '../apps/validation-fields.js';
import { isStrictSubset, isValidPortName, isValidPortNum, parseCIDR, validCIDRMessage } from './addresses.js';

const protocols = ['TCP', 'UDP', 'SCTP'];
const isSet = (v: unknown) => v !== undefined && v !== null;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function validatePort(port: Obj, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isSet(port.protocol) && !protocols.includes(port.protocol as string)) errs.push(fieldNotSupported(`${p}.protocol`, port.protocol, protocols));
  if (typeof port.port === 'number') {
    for (const m of isValidPortNum(port.port)) errs.push(fieldInvalid(`${p}.port`, port.port, m));
    if (typeof port.endPort === 'number') {
      // (sic) upstream reports the start port as the bad value here.
      if (port.endPort < port.port) errs.push(fieldInvalid(`${p}.endPort`, port.port, 'must be greater than or equal to `port`'));
      for (const m of isValidPortNum(port.endPort)) errs.push(fieldInvalid(`${p}.endPort`, port.endPort, m));
    }
  } else if (typeof port.port === 'string') {
    if (isSet(port.endPort)) errs.push(fieldInvalid(`${p}.endPort`, port.endPort, 'may not be specified when `port` is non-numeric'));
    for (const m of isValidPortName(port.port)) errs.push(fieldInvalid(`${p}.port`, port.port, m));
  } else if (isSet(port.endPort)) {
    errs.push(fieldInvalid(`${p}.endPort`, port.endPort, 'may not be specified when `port` is not specified'));
  }
  return errs;
}

function validateIPBlock(block: Obj, p: string): FieldError[] {
  const cidrText = typeof block.cidr === 'string' ? block.cidr : '';
  if (cidrText === '') return [fieldRequired(`${p}.cidr`)];
  const cidr = parseCIDR(cidrText);
  if (!cidr) return [fieldInvalid(`${p}.cidr`, cidrText, validCIDRMessage)];
  const errs: FieldError[] = [];
  list(block.except).forEach((raw, i) => {
    const text = typeof raw === 'string' ? raw : '';
    const except = parseCIDR(text);
    if (!except) errs.push(fieldInvalid(`${p}.except[${i}]`, text, validCIDRMessage));
    else if (!isStrictSubset(cidr, except)) errs.push(fieldInvalid(`${p}.except[${i}]`, text, 'must be a strict subset of `cidr`'));
  });
  return errs;
}

function validatePeer(peer: Obj, p: string): FieldError[] {
  const errs: FieldError[] = [];
  let peers = 0;
  for (const k of ['podSelector', 'namespaceSelector']) {
    if (isSet(peer[k])) {
      peers++;
      errs.push(...validateLabelSelector(peer[k], `${p}.${k}`));
    }
  }
  if (isSet(peer.ipBlock)) {
    peers++;
    errs.push(...validateIPBlock(asObj(peer.ipBlock), `${p}.ipBlock`));
  }
  if (peers === 0) errs.push(fieldRequired(p, 'must specify a peer'));
  else if (peers > 1 && isSet(peer.ipBlock)) errs.push(fieldForbidden(p, 'may not specify both ipBlock and another peer'));
  return errs;
}

export function validateNetworkPolicy(np: KubeObject): FieldError[] {
  const spec = asObj(np.spec);
  const errs = validateLabelSelector(spec.podSelector, 'spec.podSelector');
  list(spec.ingress).forEach((raw, i) => {
    const rule = asObj(raw);
    list(rule.ports).forEach((port, j) => errs.push(...validatePort(asObj(port), `spec.ingress[${i}].ports[${j}]`)));
    list(rule.from).forEach((peer, j) => errs.push(...validatePeer(asObj(peer), `spec.ingress[${i}].from[${j}]`)));
  });
  list(spec.egress).forEach((raw, i) => {
    const rule = asObj(raw);
    list(rule.to).forEach((peer, j) => errs.push(...validatePeer(asObj(peer), `spec.egress[${i}].to[${j}]`)));
    list(rule.ports).forEach((port, j) => errs.push(...validatePort(asObj(port), `spec.egress[${i}].ports[${j}]`)));
  });
  const types = list(spec.policyTypes);
  if (types.length > 2) {
    errs.push(goValueError('FieldValueInvalid', 'spec.policyTypes', `[]networking.PolicyType{${types.map((t) => JSON.stringify(String(t))).join(', ')}}`, 'may not specify more than two policyTypes'));
    return errs;
  }
  types.forEach((t, i) => { if (t !== 'Ingress' && t !== 'Egress') errs.push(fieldNotSupported(`spec.policyTypes[${i}]`, t, ['Ingress', 'Egress'])); });
  return errs;
}
