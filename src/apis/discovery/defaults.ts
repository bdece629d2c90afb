/** discovery.k8s.io/v1 defaulting (pkg/apis/discovery/v1/defaults.go): each port has a name ("") and a protocol (TCP). */
import type { KubeObject } from '../meta/types.js';
import { asObj, setDefault } from '../apps/validation-fields.js';

export function defaultEndpointSlice(slice: KubeObject): void {
  if (!Array.isArray(slice.ports)) return;
  for (const raw of slice.ports) {
    const port = asObj(raw);
    setDefault(port, 'name', '');
    setDefault(port, 'protocol', 'TCP');
  }
}
