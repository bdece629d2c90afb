/**
 * Content negotiation: which encoding (JSON or YAML) and which form (the object itself, a Table,
 * or PartialObjectMetadata) a client asked for in Accept. Protobuf is not served: a client that
 * accepts only protobuf gets 406, one that also accepts JSON gets JSON.
 */
import { ApiError } from '../apis/meta/errors.js';

export type OutputForm = 'object' | 'Table' | 'PartialObjectMetadata' | 'PartialObjectMetadataList' | 'APIGroupDiscoveryList';

export interface Negotiated {
  yaml: boolean;
  form: OutputForm;
  /** Content-Type of the response. */
  contentType: string;
}

interface MediaRange {
  type: string;
  params: Record<string, string>;
  q: number;
}

function parseAccept(header: string): MediaRange[] {
  return header.split(',').map((part) => {
    const [type, ...rest] = part.split(';').map((s) => s.trim());
    const params: Record<string, string> = {};
    for (const p of rest) {
      const eq = p.indexOf('=');
      if (eq > 0) params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim().replace(/^"|"$/g, '');
    }
    const q = params.q !== undefined ? Number(params.q) : 1;
    return { type: type.toLowerCase(), params, q: Number.isFinite(q) ? q : 1 };
  }).filter((m) => m.type !== '' && m.q > 0);
}

const jsonTypes = new Set(['application/json', 'application/*', '*/*']);

/** Which forms this endpoint can produce; `as=` forms the endpoint does not offer are skipped. */
export function negotiate(accept: string | undefined, offered: readonly OutputForm[]): Negotiated {
  if (!accept || accept.trim() === '') return { yaml: false, form: 'object', contentType: 'application/json' };
  const ranges = parseAccept(accept).sort((a, b) => b.q - a.q);
  for (const r of ranges) {
    const as = r.params.as;
    const yaml = r.type === 'application/yaml';
    if (!yaml && !jsonTypes.has(r.type)) continue;
    if (!as) return { yaml, form: 'object', contentType: yaml ? 'application/yaml' : 'application/json' };
    const g = r.params.g;
    const v = r.params.v;
    if (as === 'APIGroupDiscoveryList') {
      if (g === 'apidiscovery.k8s.io' && v === 'v2' && offered.includes('APIGroupDiscoveryList')) {
        return { yaml: false, form: 'APIGroupDiscoveryList', contentType: 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList' };
      }
      continue;
    }
    if (g !== 'meta.k8s.io' || (v !== 'v1' && v !== 'v1beta1')) continue;
    if ((as === 'Table' || as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') && offered.includes(as)) {
      const ct = `${yaml ? 'application/yaml' : 'application/json'};as=${as};g=meta.k8s.io;v=${v}`;
      return { yaml, form: as, contentType: ct };
    }
  }
  throw new ApiError(406, 'NotAcceptable', `only the following media types are accepted: application/json, application/yaml`);
}
