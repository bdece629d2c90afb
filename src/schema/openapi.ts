/**
 * The OpenAPI documents kubets publishes, derived from the schema tables and the served
 * resources: one v2 document for everything (/openapi/v2) and one v3 document per
 * group-version (/openapi/v3/api/v1, /openapi/v3/apis/<group>/<version>) holding that
 * group-version's paths and only the schemas they reach. Resources whose kind no table
 * describes yet are left out rather than described wrongly.
 */
import type { ResourceDef } from '../registry/rest.js';
import { gvkKey, type CompiledSchema, type SchemaType } from './compile.js';
import type { GroupVersionKind } from './format.js';
import {
  extraDefinitions, listDefinition, refPrefix, typeDefinition, versionInfoName, type Dialect, type Json,
} from './openapi-definitions.js';
import {
  groupPascal, groupVersionRootPath, gvPrefix, plainGet, renderPathItem, resourcePaths, type KindNames, type PathItem,
} from './openapi-paths.js';

const meta = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

export interface OpenApiSource {
  schema: CompiledSchema;
  resources: readonly ResourceDef[];
  /** The emulated server version for info.version, e.g. 'v1.32.0'. */
  serverVersion: string;
}

interface Collected {
  /**
   * Document key -> its path items: 'api/v1' and 'apis/<group>/<version>' (discovery root, then
   * resources in catalog order), and the small discovery documents 'api', 'apis',
   * 'apis/<group>' and 'version', as upstream's v3 index lists them.
   */
  byDocument: Map<string, PathItem[]>;
  /** Synthesized `<Kind>List` definitions: name -> item type and list kinds. */
  lists: Map<string, { item: SchemaType; gvk: GroupVersionKind[] }>;
}

function collect(src: OpenApiSource): Collected {
  const tableNames = new Set([...src.schema.types.values()].map((t) => t.name));
  const lists: Collected['lists'] = new Map();
  const names: KindNames = {
    kind: (g) => src.schema.kinds.get(gvkKey(g))?.name,
    list(g) {
      const t = src.schema.kinds.get(gvkKey(g));
      if (!t) return undefined;
      const name = `${t.name}List`;
      if (tableNames.has(name)) return name;
      let entry = lists.get(name);
      if (!entry) lists.set(name, (entry = { item: t, gvk: [] }));
      const listGvk = { ...g, kind: `${g.kind}List` };
      if (!entry.gvk.some((x) => gvkKey(x) === gvkKey(listGvk))) entry.gvk.push(listGvk);
      return name;
    },
  };
  const byDocument = new Map<string, PathItem[]>();
  const groups = new Set<string>();
  for (const def of src.resources) {
    for (const version of def.versions) {
      const items = resourcePaths(def, version, names);
      if (items.length === 0) continue;
      const key = gvPrefix(def.group, version).slice(1);
      if (!byDocument.has(key)) byDocument.set(key, tableNames.has(meta + 'APIResourceList') ? [groupVersionRootPath(def.group, version, meta + 'APIResourceList')] : []);
      byDocument.get(key)!.push(...items);
      groups.add(def.group);
    }
  }
  const small = (key: string, item: PathItem, ref: string) => { if (tableNames.has(ref) || ref === versionInfoName) byDocument.set(key, [item]); };
  if (groups.has('')) small('api', plainGet('/api/', 'getCoreAPIVersions', 'core', 'get the versions of the core API', meta + 'APIVersions'), meta + 'APIVersions');
  small('apis', plainGet('/apis/', 'getAPIVersions', 'apis', 'get the API groups and their versions', meta + 'APIGroupList'), meta + 'APIGroupList');
  for (const g of groups) {
    if (g === '') continue;
    const tag = groupPascal(g).charAt(0).toLowerCase() + groupPascal(g).slice(1);
    small(`apis/${g}`, plainGet(`/apis/${g}/`, `get${groupPascal(g)}APIGroup`, tag, `get the versions of the ${g} group`, meta + 'APIGroup'), meta + 'APIGroup');
  }
  small('version', plainGet('/version/', 'getCodeVersion', 'version', 'get the version of the server', versionInfoName), versionInfoName);
  return { byDocument, lists };
}

function definitions(src: OpenApiSource, c: Collected, d: Dialect): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const t of src.schema.types.values()) {
    if (t.wellKnown === 'ExtraValue') continue; // written inline where used
    out[t.name] = typeDefinition(t, d);
  }
  for (const [name, l] of c.lists) out[name] = listDefinition(l.item, l.gvk, d);
  const tableNames = new Set(Object.keys(out));
  Object.assign(out, extraDefinitions(tableNames, d));
  return out;
}

const info = (src: OpenApiSource) => ({ title: 'Kubernetes', version: src.serverVersion });
const bearer = { type: 'apiKey', name: 'authorization', in: 'header', description: 'A bearer token: send `Authorization: Bearer <token>`.' };

export function buildOpenApiV2(src: OpenApiSource): Json {
  const c = collect(src);
  const paths: Json = {};
  for (const items of c.byDocument.values()) for (const p of items) paths[p.path] = renderPathItem(p, 'v2');
  return {
    swagger: '2.0',
    info: info(src),
    paths,
    definitions: definitions(src, c, 'v2'),
    securityDefinitions: { BearerToken: bearer },
    security: [{ BearerToken: [] }],
  };
}

/** Every v3 document, keyed as the index lists them ('api/v1', 'apis/apps/v1', 'apis/apps', 'version', ...). */
export function buildOpenApiV3(src: OpenApiSource): Map<string, Json> {
  const c = collect(src);
  const all = definitions(src, c, 'v3');
  const docs = new Map<string, Json>();
  for (const [gv, items] of c.byDocument) {
    const paths: Json = {};
    for (const p of items) paths[p.path] = renderPathItem(p, 'v3');
    docs.set(gv, {
      openapi: '3.0.0',
      info: info(src),
      paths,
      components: { schemas: reachable(paths, all), securitySchemes: { BearerToken: bearer } },
      security: [{ BearerToken: [] }],
    });
  }
  return docs;
}

/** The schemas a document refers to, followed transitively through the schemas themselves. */
export function reachable(root: unknown, all: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = {};
  const prefix = refPrefix.v3;
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const v = pending.pop();
    if (Array.isArray(v)) { pending.push(...v); continue; }
    if (v === null || typeof v !== 'object') continue;
    for (const [k, child] of Object.entries(v)) {
      if (k === '$ref' && typeof child === 'string' && child.startsWith(prefix)) {
        const name = child.slice(prefix.length);
        if (!(name in out) && name in all) { out[name] = all[name]; pending.push(all[name]); }
      } else {
        pending.push(child);
      }
    }
  }
  return out;
}

/** JSON with object keys sorted at every level, as Go's encoder writes maps (upstream's byte order). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}
