/**
 * Endpoints rules: ports default to TCP (SetDefaults_EndpointPort) and validateEndpointSubsets
 * (each subset has addresses, addresses are usable IPs, ports are valid and named when several).
 */
import { type FieldError, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from '../meta/validation.js';
import type { Strategy } from '../../registry/rest.js';
import { isIPv4 } from 'node:net';
import { type Obj, defaultZero, objectsAt, str } from './json-shapes.js';
import { isValidIP, isValidPortNum } from './value-formats.js';

function defaultEndpoints(ep: KubeObject): void {
  for (const [subset] of objectsAt(ep as Obj, 'subsets')) for (const [port] of objectsAt(subset, 'ports')) defaultZero(port, 'protocol', 'TCP');
}

/** ValidateNonSpecialIP: addresses a client could never reach through a Service. */
function specialIPErrors(ip: string): string[] {
  const v4 = isIPv4(ip);
  const lower = ip.toLowerCase();
  if (ip === '0.0.0.0' || lower === '::') return [`may not be unspecified (${ip})`];
  if ((v4 && ip.startsWith('127.')) || lower === '::1') return ['may not be in the loopback range (127.0.0.0/8, ::1/128)'];
  if ((v4 && ip.startsWith('169.254.')) || /^fe[89ab][0-9a-f]:/.test(lower)) return ['may not be in the link-local range (169.254.0.0/16, fe80::/10)'];
  if ((v4 && ip.startsWith('224.0.0.')) || lower.startsWith('ff02:')) return ['may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'];
  return [];
}

function validateAddress(a: Obj, path: string): FieldError[] {
  const ip = str(a.ip);
  const format = isValidIP(ip);
  const errs = format.map((m) => fieldInvalid(`${path}.ip`, ip, m));
  const hostname = str(a.hostname);
  if (hostname) errs.push(...isDNS1123Label(hostname).map((m) => fieldInvalid(`${path}.hostname`, hostname, m)));
  if (typeof a.nodeName === 'string') errs.push(...isDNS1123Subdomain(a.nodeName).map((m) => fieldInvalid(`${path}.nodeName`, a.nodeName, m)));
  if (format.length === 0) errs.push(...specialIPErrors(ip).map((m) => fieldInvalid(`${path}.ip`, ip, m)));
  return errs;
}

function validatePort(p: Obj, path: string, requireName: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(p.name);
  if (requireName && !name) errs.push(fieldRequired(`${path}.name`));
  else if (name) errs.push(...isDNS1123Label(name).map((m) => fieldInvalid(`${path}.name`, name, m)));
  errs.push(...isValidPortNum(p.port).map((m) => fieldInvalid(`${path}.port`, p.port ?? 0, m)));
  const protocol = str(p.protocol);
  if (!protocol) errs.push(fieldRequired(`${path}.protocol`));
  else if (!['SCTP', 'TCP', 'UDP'].includes(protocol)) errs.push(fieldNotSupported(`${path}.protocol`, protocol, ['SCTP', 'TCP', 'UDP']));
  if (typeof p.appProtocol === 'string') errs.push(...isQualifiedName(p.appProtocol).map((m) => fieldInvalid(`${path}.appProtocol`, p.appProtocol, m)));
  return errs;
}

function validateEndpoints(ep: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  for (const [subset, i] of objectsAt(ep as Obj, 'subsets')) {
    const p = `subsets[${i}]`;
    const ready = objectsAt(subset, 'addresses');
    const notReady = objectsAt(subset, 'notReadyAddresses');
    if (ready.length === 0 && notReady.length === 0) errs.push(fieldRequired(p, 'must specify `addresses` or `notReadyAddresses`'));
    for (const [a, j] of ready) errs.push(...validateAddress(a, `${p}.addresses[${j}]`));
    for (const [a, j] of notReady) errs.push(...validateAddress(a, `${p}.notReadyAddresses[${j}]`));
    const ports = objectsAt(subset, 'ports');
    for (const [port, j] of ports) errs.push(...validatePort(port, `${p}.ports[${j}]`, ports.length > 1));
  }
  return errs;
}

export const endpointsStrategy: Strategy = {
  prepareForCreate: defaultEndpoints,
  prepareForUpdate: defaultEndpoints,
  validate: validateEndpoints,
  allowCreateOnUpdate: true,
};
