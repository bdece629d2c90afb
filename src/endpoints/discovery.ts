/**
 * Discovery documents, built once at start from the served resources: the legacy /api, /apis,
 * /apis/<group>, /api/v1, /apis/<group>/<version> forms, and aggregated discovery
 * (apidiscovery.k8s.io/v2 APIGroupDiscoveryList), which kubectl asks for first.
 */
import { allVerbs, type ResourceDef } from '../registry/rest.js';
import { apiVersionOf } from '../apis/meta/types.js';

export interface DiscoveryDocs {
  apiVersions: object;
  groupList: object;
  groups: Map<string, object>;
  resourceLists: Map<string, object>;
  aggregatedCore: object;
  aggregatedApis: object;
}

interface GroupInfo { name: string; versions: string[]; defs: ResourceDef[] }

function groupsOf(defs: readonly ResourceDef[], groupOrder: readonly string[]): GroupInfo[] {
  const byName = new Map<string, GroupInfo>();
  for (const d of defs) {
    let g = byName.get(d.group);
    if (!g) byName.set(d.group, (g = { name: d.group, versions: [], defs: [] }));
    for (const v of d.versions) if (!g.versions.includes(v)) g.versions.push(v);
    g.defs.push(d);
  }
  const rank = (n: string) => { const i = groupOrder.indexOf(n); return i < 0 ? groupOrder.length : i; };
  return [...byName.values()].sort((a, b) => rank(a.name) - rank(b.name));
}

function versionEntry(group: string, version: string) {
  return { groupVersion: apiVersionOf(group, version), version };
}

function legacyResources(g: GroupInfo, version: string) {
  const out: object[] = [];
  for (const d of g.defs.filter((x) => x.versions.includes(version))) {
    const r: Record<string, unknown> = { name: d.resource, singularName: d.singularName, namespaced: d.namespaced, kind: d.kind, verbs: [...(d.verbs ?? allVerbs)] };
    if (d.shortNames?.length) r.shortNames = d.shortNames;
    if (d.categories?.length) r.categories = d.categories;
    out.push(r);
    for (const s of d.subresources ?? []) {
      const sr: Record<string, unknown> = { name: `${d.resource}/${s.name}`, singularName: '', namespaced: d.namespaced, kind: s.kind, verbs: s.verbs };
      if (s.group !== undefined && s.group !== d.group) { sr.group = s.group; sr.version = s.version; }
      out.push(sr);
    }
  }
  return out;
}

function aggregatedGroup(g: GroupInfo) {
  return {
    metadata: { name: g.name, creationTimestamp: null },
    versions: g.versions.map((version) => ({
      version,
      resources: g.defs.filter((d) => d.versions.includes(version)).map((d) => {
        const r: Record<string, unknown> = {
          resource: d.resource,
          responseKind: { group: d.group, version, kind: d.kind },
          scope: d.namespaced ? 'Namespaced' : 'Cluster',
          singularResource: d.singularName,
          verbs: [...(d.verbs ?? allVerbs)],
        };
        if (d.shortNames?.length) r.shortNames = d.shortNames;
        if (d.categories?.length) r.categories = d.categories;
        if (d.subresources?.length) {
          r.subresources = d.subresources.map((s) => ({
            subresource: s.name,
            responseKind: { group: s.group ?? d.group, version: s.version ?? version, kind: s.kind },
            verbs: s.verbs,
          }));
        }
        return r;
      }),
      freshness: 'Current',
    })),
  };
}

export function buildDiscovery(defs: readonly ResourceDef[], groupOrder: readonly string[], serverAddress: string): DiscoveryDocs {
  const groups = groupsOf(defs, groupOrder);
  const core = groups.find((g) => g.name === '');
  const named = groups.filter((g) => g.name !== '');
  const groupDoc = (g: GroupInfo) => ({
    name: g.name,
    versions: g.versions.map((v) => versionEntry(g.name, v)),
    preferredVersion: versionEntry(g.name, g.versions[0]),
  });
  const resourceLists = new Map<string, object>();
  for (const g of groups) {
    for (const v of g.versions) {
      resourceLists.set(apiVersionOf(g.name, v), { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf(g.name, v), resources: legacyResources(g, v) });
    }
  }
  return {
    apiVersions: { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] },
    groupList: { kind: 'APIGroupList', apiVersion: 'v1', groups: named.map(groupDoc) },
    groups: new Map(named.map((g) => [g.name, { kind: 'APIGroup', apiVersion: 'v1', ...groupDoc(g) }])),
    resourceLists,
    aggregatedCore: { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items: core ? [aggregatedGroup(core)] : [] },
    aggregatedApis: { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items: named.map(aggregatedGroup) },
  };
}
