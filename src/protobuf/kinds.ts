/**
 * Which message decodes a body, by the envelope's apiVersion and kind: the schema table type
 * that serves that group/version/kind (src/schema/tables.ts). The option kinds (DeleteOptions,
 * ...) are registered in every group version upstream (metav1.AddToGroupVersion), so any
 * apiVersion may carry them.
 */
import { builtinSchema } from '../schema/tables.js';

const optionKinds = new Set(['DeleteOptions', 'CreateOptions', 'UpdateOptions', 'PatchOptions']);

/** "apiVersion/Kind" ("v1/Pod", "apps/v1/Deployment") -> message name. */
const known = new Map([...builtinSchema.kinds].map(([gvk, t]) => [gvk.startsWith('/') ? gvk.slice(1) : gvk, t.ref] as const));

/** The message name for this apiVersion+kind, or undefined when we cannot decode it. */
export function messageForKind(apiVersion: string, kind: string): string | undefined {
  if (optionKinds.has(kind) && apiVersion !== '') return builtinSchema.types.has(kind) ? kind : undefined;
  return known.get(`${apiVersion}/${kind}`);
}

/** Every decodable "apiVersion/Kind" with its message, for tests. */
export const decodableKinds: ReadonlyMap<string, string> = known;
