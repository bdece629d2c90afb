/**
 * --controllers, as kube-controller-manager reads it: `*` turns on the default set, `foo` turns
 * foo on, `-foo` turns it off.
 */

export const controllerNames = [
  'namespace-controller', 'serviceaccount-controller', 'clusterrole-aggregation-controller', 'resourcequota-controller',
  'root-ca-certificate-publisher-controller', 'serviceaccount-token-controller',
] as const;

/** The enabled set, or throws naming an unknown controller. */
export function enabledControllers(spec: readonly string[]): Set<string> {
  const on = new Set<string>();
  const known = new Set<string>(controllerNames);
  for (const raw of spec) {
    const off = raw.startsWith('-');
    const name = off ? raw.slice(1) : raw;
    if (name !== '*' && !known.has(name)) throw new Error(`"${name}" is not in the list of known controllers`);
  }
  if (spec.includes('*')) for (const n of controllerNames) on.add(n);
  for (const raw of spec) {
    if (raw === '*') continue;
    if (raw.startsWith('-')) on.delete(raw.slice(1));
    else on.add(raw);
  }
  return on;
}
