/**
 * Server-side printers of networking.k8s.io (printIngress, printIngressClass, printNetworkPolicy
 * upstream).
 */
import { nameAgePrinter } from '../meta/printer-shapes.js';
import { col, formatSelector, listWithMore, type Loose, type Printer } from '../meta/printing.js';
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
  return listWithMore(hosts, 3, more ? list.length : hosts.length);
}

export const networkingPrinters: Record<string, Printer> = {
  ingresses: nameAgePrinter({
    columns: [
      col('Class', 'string', 'The ingress class that handles this ingress.'),
      col('Hosts', 'string', 'The host names the rules match.'),
      col('Address', 'string', 'Where the load balancer serving the ingress can be reached.'),
      col('Ports', 'string', 'The ports the ingress serves: 80, and 443 when TLS is set.'),
    ],
    cells(ing: Loose) {
      const spec = ing.spec ?? {};
      const tls = Array.isArray(spec.tls) && spec.tls.length > 0;
      return [spec.ingressClassName ?? '<none>', ingressHosts(spec.rules), loadBalancerAddresses(ing.status?.loadBalancer).join(','), tls ? '80, 443' : '80'];
    },
  }),
  ingressclasses: nameAgePrinter({
    columns: [
      col('Controller', 'string', 'The controller that implements this class.'),
      col('Parameters', 'string', 'The object holding the class\'s extra settings, as kind.group/name.'),
    ],
    cells(ic: Loose) {
      const p = ic.spec?.parameters;
      const params = p ? `${p.kind ?? ''}${p.apiGroup !== undefined && p.apiGroup !== null ? `.${p.apiGroup}` : ''}/${p.name ?? ''}` : '<none>';
      return [ic.spec?.controller ?? '', params];
    },
  }),
  networkpolicies: nameAgePrinter({
    columns: [col('Pod-Selector', 'string', 'The pods the policy applies to.')],
    cells: (np: Loose) => [formatSelector(np.spec?.podSelector ?? {})],
  }),
};
