/**
 * Ingress and IngressClass validation (pkg/apis/networking/validation, v1 rules): every path
 * names its pathType, every backend is exactly one service (by port name or number) or resource,
 * hosts are DNS names (optionally `*.`-wildcards), and an IngressClass's controller is fixed.
 */
import { type FieldError, fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired, fieldTooLong } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import { goValueError, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isValidPathSegmentName } from '../meta/validation.js';
import { type Obj, asObj } from '../apps/validation-fields.js';
import { ipFamily, isValidPortName, isValidPortNum } from './addresses.js';

const pathTypes = ['Exact', 'ImplementationSpecific', 'Prefix'];
const invalidPathSequences = ['//', '/./', '/../', '%2f', '%2F'];
const invalidPathSuffixes = ['/..', '/.'];
const wildcardFmt = '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const wildcardRe = new RegExp(`^${wildcardFmt}$`);
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const isSet = (v: unknown) => v !== undefined && v !== null;

function isWildcardDNS1123Subdomain(v: string): string[] {
  const errs = Buffer.byteLength(v) > 253 ? ['must be no more than 253 characters'] : [];
  if (!wildcardRe.test(v)) {
    errs.push(`a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '${wildcardFmt}')`);
  }
  return errs;
}

const hostErrors = (host: string) => (host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host));

/** A TypedLocalObjectReference: a resource backend, or an IngressClass's parameters. */
function validateTypedReference(ref: Obj, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isSet(ref.apiGroup)) for (const m of isDNS1123Subdomain(str(ref.apiGroup))) errs.push(fieldInvalid(`${p}.apiGroup`, ref.apiGroup, m));
  for (const k of ['kind', 'name']) {
    const v = str(ref[k]);
    if (v === '') errs.push(fieldRequired(`${p}.${k}`, `${k} is required`));
    else for (const m of isValidPathSegmentName(v)) errs.push(fieldInvalid(`${p}.${k}`, v, m));
  }
  return errs;
}

function validateBackend(backend: Obj, p: string): FieldError[] {
  const hasResource = isSet(backend.resource);
  const hasService = isSet(backend.service);
  if (hasResource && hasService) return [fieldInvalid(p, '', 'cannot set both resource and service backends')];
  if (hasResource) return validateTypedReference(asObj(backend.resource), `${p}.resource`);
  if (!hasService) return [fieldInvalid(p, '', 'resource or service backend is required')];
  const service = asObj(backend.service);
  const errs: FieldError[] = [];
  const name = str(service.name);
  if (name === '') errs.push(fieldRequired(`${p}.service.name`));
  else for (const m of isDNS1035Label(name)) errs.push(fieldInvalid(`${p}.service.name`, name, m));
  const port = asObj(service.port);
  const portName = str(port.name);
  const portNumber = typeof port.number === 'number' ? port.number : 0;
  if (portName !== '' && portNumber !== 0) errs.push(fieldInvalid(p, '', 'cannot set both port name & port number'));
  else if (portName !== '') for (const m of isValidPortName(portName)) errs.push(fieldInvalid(`${p}.service.port.name`, portName, m));
  else if (portNumber !== 0) for (const m of isValidPortNum(portNumber)) errs.push(fieldInvalid(`${p}.service.port.number`, portNumber, m));
  else errs.push(fieldRequired(p, 'port name or number is required'));
  return errs;
}

function validatePath(path: Obj, p: string): FieldError[] {
  if (!isSet(path.pathType)) return [fieldRequired(`${p}.pathType`, 'pathType must be specified')];
  const errs: FieldError[] = [];
  const value = str(path.path);
  if (path.pathType === 'Exact' || path.pathType === 'Prefix') {
    if (!value.startsWith('/')) errs.push(fieldInvalid(`${p}.path`, value, 'must be an absolute path'));
    for (const seq of invalidPathSequences) if (value.includes(seq)) errs.push(fieldInvalid(`${p}.path`, value, `must not contain '${seq}'`));
    for (const suffix of invalidPathSuffixes) if (value.endsWith(suffix)) errs.push(fieldInvalid(`${p}.path`, value, `cannot end with '${suffix}'`));
  } else if (path.pathType === 'ImplementationSpecific') {
    if (value !== '' && !value.startsWith('/')) errs.push(fieldInvalid(`${p}.path`, value, 'must be an absolute path'));
  } else {
    errs.push(fieldNotSupported(`${p}.pathType`, path.pathType, pathTypes));
  }
  errs.push(...validateBackend(asObj(path.backend), `${p}.backend`));
  return errs;
}

function validateRules(rules: unknown[]): FieldError[] {
  const errs: FieldError[] = [];
  rules.forEach((raw, i) => {
    const rule = asObj(raw);
    const p = `spec.rules[${i}]`;
    const host = str(rule.host);
    if (host !== '') {
      if (ipFamily(host) !== 0) errs.push(fieldInvalid(`${p}.host`, host, 'must be a DNS name, not an IP address'));
      for (const m of hostErrors(host)) errs.push(fieldInvalid(`${p}.host`, host, m));
    }
    if (isSet(rule.http)) {
      const paths = asObj(rule.http).paths;
      if (!Array.isArray(paths) || paths.length === 0) errs.push(fieldRequired(`${p}.http.paths`));
      else paths.forEach((path, j) => errs.push(...validatePath(asObj(path), `${p}.http.paths[${j}]`)));
    }
  });
  return errs;
}

export function validateIngress(ing: KubeObject): FieldError[] {
  const spec = asObj(ing.spec);
  const rules = Array.isArray(spec.rules) ? spec.rules : [];
  const errs: FieldError[] = [];
  if (rules.length === 0 && !isSet(spec.defaultBackend)) {
    errs.push(goValueError('FieldValueInvalid', 'spec', Array.isArray(spec.rules) ? '[]networking.IngressRule{}' : '[]networking.IngressRule(nil)', 'either `defaultBackend` or `rules` must be specified'));
  }
  if (isSet(spec.defaultBackend)) errs.push(...validateBackend(asObj(spec.defaultBackend), 'spec.defaultBackend'));
  errs.push(...validateRules(rules));
  (Array.isArray(spec.tls) ? spec.tls : []).forEach((tls, i) => {
    const hosts = asObj(tls).hosts;
    (Array.isArray(hosts) ? hosts : []).forEach((h, j) => { for (const m of hostErrors(str(h))) errs.push(fieldInvalid(`spec.tls[${i}].hosts[${j}]`, str(h), m)); });
  });
  if (isSet(spec.ingressClassName)) for (const m of isDNS1123Subdomain(str(spec.ingressClassName))) errs.push(fieldInvalid('spec.ingressClassName', spec.ingressClassName, m));
  return errs;
}

const httpPathFmt = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const httpPathRe = new RegExp(`^${httpPathFmt}$`);

/** IsDomainPrefixedPath: `example.com/path`. */
function domainPrefixedPath(field: string, v: string): FieldError[] {
  if (v === '') return [fieldRequired(field)];
  const slash = v.indexOf('/');
  if (slash <= 0 || slash === v.length - 1) return [fieldInvalid(field, v, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const host = v.slice(0, slash);
  const errs = isDNS1123Subdomain(host).map((m) => fieldInvalid(field, host, m));
  const path = v.slice(slash + 1);
  if (!httpPathRe.test(path)) errs.push(fieldInvalid(field, path, `must be a valid path (regex used for validation is '${httpPathFmt}')`));
  return errs;
}

export function validateIngressClass(ic: KubeObject): FieldError[] {
  const spec = asObj(ic.spec);
  const controller = str(spec.controller);
  const errs: FieldError[] = Buffer.byteLength(controller) > 250 ? [fieldTooLong('spec.controller', controller, 250)] : [];
  errs.push(...domainPrefixedPath('spec.controller', controller));
  if (isSet(spec.parameters)) {
    const params = asObj(spec.parameters);
    const p = 'spec.parameters';
    errs.push(...validateTypedReference(params, p));
    const scope = params.scope;
    if (!isSet(scope)) errs.push(fieldRequired(`${p}.scope`));
    else if (scope !== 'Cluster' && scope !== 'Namespace') errs.push(fieldNotSupported(`${p}.scope`, scope, ['Cluster', 'Namespace']));
    else if (scope === 'Namespace') {
      if (!isSet(params.namespace)) errs.push(fieldRequired(`${p}.namespace`, "`parameters.scope` is set to 'Namespace'"));
      else for (const m of isDNS1123Label(str(params.namespace))) errs.push(fieldInvalid(`${p}.namespace`, params.namespace, m));
    } else if (isSet(params.namespace)) {
      errs.push(fieldForbidden(`${p}.namespace`, "`parameters.scope` is set to 'Cluster'"));
    }
  }
  return errs;
}

export function validateIngressClassUpdate(ic: KubeObject, old: KubeObject): FieldError[] {
  const controller = str(asObj(ic.spec).controller);
  return controller === str(asObj(old.spec).controller) ? [] : [fieldInvalid('spec.controller', controller, 'field is immutable')];
}
