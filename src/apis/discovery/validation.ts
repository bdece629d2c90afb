/**
 * EndpointSlice validation (pkg/apis/discovery/validation): addresses of the slice's one
 * addressType (which is fixed once created), node names, hostnames, and uniquely named ports.
 */
import { type FieldError, fieldDuplicate, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, validateLabels } from '../meta/validation.js';
import { asObj } from '../apps/validation-fields.js';
import { ipFamily, parseCIDR } from '../networking/addresses.js';

const addressTypes = ['FQDN', 'IPv4', 'IPv6'];
const protocols = ['SCTP', 'TCP', 'UDP'];
const maxEndpoints = 1000;
const maxAddresses = 100;
const maxPorts = 20000;
const maxTopologyLabels = 16;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const tooMany = (field: string, n: number, max: number): FieldError => ({ type: 'FieldValueTooMany', field, detail: `${n}: must have at most ${max} items` });

/**
 * ValidateEndpointIP: addresses a Service could never usefully route to. (The API servers' own
 * `kubernetes` slice, which may name a loopback address, is written by the endpoint reconciler
 * straight to storage, not through this strategy.)
 */
function endpointIPErrors(ip: string, family: 4 | 6): string[] {
  if (family === 4) {
    const [a, b, c] = ip.split('.').map(Number);
    if (ip.split('.').every((o) => Number(o) === 0)) return ['may not be unspecified (0.0.0.0)'];
    if (a === 127) return ['may not be in the loopback range (127.0.0.0/8, ::1/128)'];
    if (a === 169 && b === 254) return ['may not be in the link-local range (169.254.0.0/16, fe80::/10)'];
    if (a === 224 && b === 0 && c === 0) return ['may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'];
    return [];
  }
  const bits = parseCIDR(`${ip}/128`)?.bits ?? -1n;
  if (bits === 0n) return ['may not be unspecified (::)'];
  if (bits === 1n) return ['may not be in the loopback range (127.0.0.0/8, ::1/128)'];
  if (bits >> 118n === 0x3fan) return ['may not be in the link-local range (169.254.0.0/16, fe80::/10)'];
  if (((bits >> 112n) & 0xff0fn) === 0xff02n) return ['may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'];
  return [];
}

/** IsFullyQualifiedDomainName: a DNS subdomain of two labels at least (a trailing dot is allowed). */
function fqdnErrors(field: string, value: string): FieldError[] {
  if (value === '') return [fieldRequired(field)];
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  const sub = isDNS1123Subdomain(name);
  if (sub.length > 0) return [fieldInvalid(field, name, sub.join(','))];
  const labels = name.split('.');
  if (labels.length < 2) return [fieldInvalid(field, name, 'should be a domain with at least two segments separated by dots')];
  for (const label of labels) {
    const errs = isDNS1123Label(label);
    if (errs.length > 0) return [fieldInvalid(field, label, errs.join(','))];
  }
  return [];
}

function validateAddress(address: string, type: string, field: string): FieldError[] {
  if (type === 'FQDN') return fqdnErrors(field, address);
  const want = type === 'IPv4' ? 4 : type === 'IPv6' ? 6 : 0;
  if (want === 0) return []; // unknown types are reported once, on addressType
  if (ipFamily(address) !== want) return [fieldInvalid(field, address, `must be a valid IPv${want} address`)];
  return endpointIPErrors(address, want).map((m) => fieldInvalid(field, address, m));
}

function validateEndpoints(endpoints: unknown[], type: string): FieldError[] {
  if (endpoints.length > maxEndpoints) return [tooMany('endpoints', endpoints.length, maxEndpoints)];
  const errs: FieldError[] = [];
  endpoints.forEach((raw, i) => {
    const ep = asObj(raw);
    const p = `endpoints[${i}]`;
    const addresses = list(ep.addresses);
    if (addresses.length === 0) errs.push(fieldRequired(`${p}.addresses`, 'must contain at least 1 address'));
    else if (addresses.length > maxAddresses) errs.push(tooMany(`${p}.addresses`, addresses.length, maxAddresses));
    addresses.forEach((a, j) => errs.push(...validateAddress(str(a), type, `${p}.addresses[${j}]`)));
    if (ep.nodeName !== undefined && ep.nodeName !== null) for (const m of isDNS1123Subdomain(str(ep.nodeName))) errs.push(fieldInvalid(`${p}.nodeName`, ep.nodeName, m));
    const topology = asObj(ep.deprecatedTopology);
    if (Object.keys(topology).length > maxTopologyLabels) errs.push(tooMany(`${p}.deprecatedTopology`, Object.keys(topology).length, maxTopologyLabels));
    errs.push(...validateLabels(topology as Record<string, string>, `${p}.deprecatedTopology`));
    if (ep.hostname !== undefined && ep.hostname !== null) for (const m of isDNS1123Label(str(ep.hostname))) errs.push(fieldInvalid(`${p}.hostname`, ep.hostname, m));
  });
  return errs;
}

function validatePorts(ports: unknown[]): FieldError[] {
  if (ports.length > maxPorts) return [tooMany('ports', ports.length, maxPorts)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((raw, i) => {
    const port = asObj(raw);
    const p = `ports[${i}]`;
    const name = str(port.name);
    if (name !== '') for (const m of isDNS1123Label(name)) errs.push(fieldInvalid(`${p}.name`, name, m));
    if (names.has(name)) errs.push(fieldDuplicate(`${p}.name`, name));
    names.add(name);
    if (port.protocol === undefined || port.protocol === null) errs.push(fieldRequired(`${p}.protocol`));
    else if (!protocols.includes(str(port.protocol))) errs.push(fieldNotSupported(`${p}.protocol`, port.protocol, protocols));
    if (port.appProtocol !== undefined && port.appProtocol !== null) for (const m of isQualifiedName(str(port.appProtocol))) errs.push(fieldInvalid(`${p}.appProtocol`, port.appProtocol, m));
  });
  return errs;
}

export function validateEndpointSlice(slice: KubeObject): FieldError[] {
  const type = str(slice.addressType);
  const errs = [...validateEndpoints(list(slice.endpoints), type), ...validatePorts(list(slice.ports))];
  if (type === '') errs.push(fieldRequired('addressType'));
  else if (!addressTypes.includes(type)) errs.push(fieldNotSupported('addressType', type, addressTypes));
  return errs;
}

export function validateEndpointSliceUpdate(slice: KubeObject, old: KubeObject): FieldError[] {
  return str(slice.addressType) === str(old.addressType) ? [] : [fieldInvalid('addressType', str(slice.addressType), 'field is immutable')];
}
