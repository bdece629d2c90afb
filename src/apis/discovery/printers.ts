/**
 * The endpointslices Table (printEndpointSlice upstream): up to three ports and addresses, then
 * a count of the rest, "<unset>" when a slice has none.
 */
import { age, col, listWithMore, type Loose, nameColumn, ageColumn, type Printer } from '../meta/printing.js';

const orUnset = (s: string) => (s === '' ? '<unset>' : s);

/** PORTS: port numbers, else port names, else "*" for a port that matches any. */
export function slicePorts(ports: Loose): string {
  const list: Loose[] = Array.isArray(ports) ? ports : [];
  const shown = list.slice(0, 3).map((p) => (typeof p?.port === 'number' ? String(p.port) : typeof p?.name === 'string' ? p.name : '*'));
  return orUnset(listWithMore(shown, 3, list.length));
}

export function sliceEndpoints(endpoints: Loose): string {
  const addrs: string[] = [];
  for (const ep of Array.isArray(endpoints) ? endpoints : []) for (const a of Array.isArray(ep?.addresses) ? ep.addresses : []) addrs.push(a);
  return orUnset(listWithMore(addrs, 3));
}

export const discoveryPrinters: Record<string, Printer> = {
  endpointslices: {
    columns: [
      nameColumn,
      col('AddressType', 'string', 'IPv4, IPv6 or FQDN.'),
      col('Ports', 'string', 'The ports every endpoint in the slice serves.'),
      col('Endpoints', 'string', 'The addresses in the slice.'),
      ageColumn,
    ],
    cells: (s: Loose, now) => [s.metadata.name ?? '', s.addressType ?? '', slicePorts(s.ports), sliceEndpoints(s.endpoints), age(s, now)],
  },
};
