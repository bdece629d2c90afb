/**
 * Server-side printers of networking.k8s.io (printIngress, printIngressClass, printNetworkPolicy
 * upstream).
 */
import { age, col, formatSelector, type Loose, nameColumn, ageColumn, type Printer } from '../meta/printing.js';
import { loadBalancerAddresses } from '../core/service-printers.js';

/**
 * HOSTS: rule hosts until three are collected; once three are in hand any further rule adds
 * "+ N more..." (N counts rules, not hosts, as upstream); "*" when no rule names a host.
 */
export function ingressHosts(rules: Loose): string {
  const list: Loose[] = Array.isArray(rules) ? rules : [];
  const hosts: string[] = [];
  let more = false;
  for (const r of list) {
    if (hosts.length === 3) more = true;
    if (!more && typeof r?.host === 'string' && r.host !== '') hosts.push(r.host);
  }
  if (hosts.length === 0) return '*';
  return more ? `${hosts.join(',')} + ${list.length - 3} more...` : hosts.join(',');
}

export const networkingPrinters: Record<string, Printer> = {
  ingresses: {
    columns: [
      nameColumn,
      col('Class', 'string', 'The ingress class that handles this ingress.'),
      col('Hosts', 'string', 'The host names the rules match.'),
      col('Address', 'string', 'Where the load balancer serving the ingress can be reached.'),
      col('Ports', 'string', 'The ports the ingress serves: 80, and 443 when TLS is set.'),
      ageColumn,
    ],
    cells(ing: Loose, now) {
      const spec = ing.spec ?? {};
      const tls = Array.isArray(spec.tls) && spec.tls.length > 0;
      return [ing.metadata.name ?? '', spec.ingressClassName ?? '<none>', ingressHosts(spec.rules), loadBalancerAddresses(ing.status?.loadBalancer).join(','), tls ? '80, 443' : '80', age(ing, now)];
    },
  },
  ingressclasses: {
    columns: [
      nameColumn,
      col('Controller', 'string', 'The controller that implements this class.'),
      col('Parameters', 'string', 'The object holding the class\'s extra settings, as kind.group/name.'),
      ageColumn,
    ],
    cells(ic: Loose, now) {
      const p = ic.spec?.parameters;
      const params = p ? `${p.kind ?? ''}${p.apiGroup !== undefined && p.apiGroup !== null ? `.${p.apiGroup}` : ''}/${p.name ?? ''}` : '<none>';
      return [ic.metadata.name ?? '', ic.spec?.controller ?? '', params, age(ic, now)];
    },
  },
  networkpolicies: {
    columns: [nameColumn, col('Pod-Selector', 'string', 'The pods the policy applies to.'), ageColumn],
    cells: (np: Loose, now) => [np.metadata.name ?? '', formatSelector(np.spec?.podSelector ?? {}), age(np, now)],
  },
};
