/**
 * Tables for services and endpoints (printService, printEndpoints upstream): where a service can
 * be reached (CLUSTER-IP, EXTERNAL-IP, PORT(S)) and which addresses back it.
 */
import { age, col, formatLabels, listWithMore, type Loose, nameColumn, ageColumn, type Printer } from '../meta/printing.js';

/** Load balancer ingress points as a sorted, de-duplicated list (IPs, else hostnames). */
export function loadBalancerAddresses(lb: Loose): string[] {
  const out = new Set<string>();
  for (const ing of Array.isArray(lb?.ingress) ? lb.ingress : []) {
    if (ing?.ip) out.add(ing.ip);
    else if (ing?.hostname) out.add(ing.hostname);
  }
  return [...out].sort();
}

/**
 * EXTERNAL-IP by service type. The server prints the wide form, so load balancer addresses are
 * never clipped here (upstream clips only for non-wide output).
 */
export function serviceExternalIP(svc: Loose): string {
  const spec = svc.spec ?? {};
  const externalIPs: string[] = Array.isArray(spec.externalIPs) ? spec.externalIPs : [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerAddresses(svc.status?.loadBalancer);
      if (externalIPs.length > 0) return [...lb, ...externalIPs].join(',');
      return lb.length > 0 ? lb.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
  }
  return '<unknown>';
}

/** PORT(S): port/protocol, or port:nodePort/protocol when a node port is allocated. */
export function servicePorts(ports: Loose): string {
  const list: Loose[] = Array.isArray(ports) ? ports : [];
  if (list.length === 0) return '<none>';
  // protocol defaults to TCP on write; an object stored before defaulting prints the same.
  return list.map((p) => {
    const protocol = p.protocol || 'TCP';
    return p.nodePort > 0 ? `${p.port}:${p.nodePort}/${protocol}` : `${p.port}/${protocol}`;
  }).join(',');
}

export const servicePrinter: Printer = {
  columns: [
    nameColumn,
    col('Type', 'string', 'How the service is exposed: ClusterIP, NodePort, LoadBalancer or ExternalName.'),
    col('Cluster-IP', 'string', 'The virtual IP inside the cluster that balances over the service\'s endpoints.'),
    col('External-IP', 'string', 'Addresses outside the cluster that reach the service.'),
    col('Port(s)', 'string', 'The ports the service exposes.'),
    ageColumn,
    col('Selector', 'string', 'The labels of the pods the service routes to.', 1),
  ],
  cells(svc, now) {
    const spec: Loose = svc.spec ?? {};
    const clusterIP = Array.isArray(spec.clusterIPs) && spec.clusterIPs.length > 0 ? spec.clusterIPs[0] : '<none>';
    return [svc.metadata.name ?? '', spec.type ?? '', clusterIP, serviceExternalIP(svc), servicePorts(spec.ports), age(svc, now), formatLabels(spec.selector)];
  },
};

/**
 * ENDPOINTS: ip:port pairs (bare IPs for subsets without ports), the first three then a count of
 * the rest; "<none>" when there are no subsets at all.
 */
export function formatEndpoints(subsets: Loose): string {
  const list: Loose[] = Array.isArray(subsets) ? subsets : [];
  if (list.length === 0) return '<none>';
  const shown: string[] = [];
  let total = 0;
  for (const ss of list) {
    const addrs: Loose[] = Array.isArray(ss?.addresses) ? ss.addresses : [];
    const ports: Loose[] = Array.isArray(ss?.ports) ? ss.ports : [];
    if (ports.length === 0) {
      total += addrs.length;
      for (const a of addrs) if (shown.length < 3) shown.push(a.ip);
      continue;
    }
    for (const p of ports) {
      total += addrs.length;
      for (const a of addrs) if (shown.length < 3) shown.push(hostPort(a.ip, p.port));
    }
  }
  return listWithMore(shown, 3, total);
}

/** net.JoinHostPort: IPv6 addresses go in brackets. */
const hostPort = (ip: string, port: unknown) => (String(ip).includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

export const endpointsPrinter: Printer = {
  columns: [nameColumn, col('Endpoints', 'string', 'The addresses and ports that back the service.'), ageColumn],
  cells: (ep, now) => [ep.metadata.name ?? '', formatEndpoints(ep.subsets), age(ep, now)],
};
