/**
 * Patch metadata for built-in kinds. A kind the schema tables describe gets it from them
 * (schema-patch-meta.ts). The hand tables below are the stand-in for kinds no schema table covers
 * yet: the `patchStrategy`/`patchMergeKey` struct tags of the commonly patched lists, copied from
 * k8s.io/api core/v1, apps/v1 and batch/v1 types.go (v1.32) and meta/v1 ObjectMeta. Data only.
 * Fields not listed here behave as untagged fields: maps merge, lists are replaced.
 * Tables are compiled once at startup into one Map per kind; a lookup is one Map.get.
 */
import { builtinSchema } from '../schema/tables.js';
import { schemaPatchMeta } from './schema-patch-meta.js';
import type { PatchMeta, PatchMetaEntry } from './strategic-merge.js';

type Fields = Record<string, PatchMetaEntry>;

const byKey = (patchMergeKey: string, patchStrategy = 'merge'): PatchMetaEntry => ({ patchStrategy, patchMergeKey, isList: true });
const set: PatchMetaEntry = { patchStrategy: 'merge', isList: true, isPrimitiveList: true };
const conditions: Fields = { 'status.conditions': byKey('type') };

const objectMeta: Fields = { finalizers: set, ownerReferences: byKey('uid') };

/** Container and EphemeralContainerCommon. */
const container: Fields = {
  ports: byKey('containerPort'), env: byKey('name'), volumeMounts: byKey('mountPath'), volumeDevices: byKey('devicePath'),
};

const podSpec: Fields = {
  volumes: byKey('name', 'merge,retainKeys'),
  imagePullSecrets: byKey('name'),
  hostAliases: byKey('ip'),
  topologySpreadConstraints: byKey('topologyKey'),
  schedulingGates: byKey('name'),
  resourceClaims: byKey('name', 'merge,retainKeys'),
};
for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
  podSpec[list] = byKey('name');
  for (const [field, entry] of Object.entries(container)) podSpec[`${list}.${field}`] = entry;
}

/** Where a kind embeds PodSpecs and extra ObjectMetas (dotted paths), plus its own tagged fields. */
interface KindShape { podSpecs?: string[]; objectMetas?: string[]; fields?: Fields }

const workload = (extra: Fields = {}): KindShape =>
  ({ podSpecs: ['spec.template.spec'], objectMetas: ['spec.template.metadata'], fields: { ...conditions, ...extra } });

/** Keyed by "group/Kind"; the core group is "". */
const kinds: Record<string, KindShape> = {
  '/Pod': {
    podSpecs: ['spec'],
    fields: {
      ...conditions, 'status.podIPs': byKey('ip'), 'status.hostIPs': byKey('ip'),
      'status.resourceClaimStatuses': byKey('name', 'merge,retainKeys'),
    },
  },
  '/PodTemplate': { podSpecs: ['template.spec'], objectMetas: ['template.metadata'] },
  '/ReplicationController': workload(),
  '/Service': { fields: { 'spec.ports': byKey('port'), ...conditions } },
  '/Node': { fields: { 'spec.podCIDRs': set, ...conditions, 'status.addresses': byKey('type') } },
  '/Namespace': { fields: conditions },
  '/PersistentVolumeClaim': { fields: conditions },
  'apps/Deployment': workload({ 'spec.strategy': { patchStrategy: 'retainKeys' } }),
  'apps/ReplicaSet': workload(),
  'apps/DaemonSet': workload(),
  'apps/StatefulSet': { ...workload(), objectMetas: ['spec.template.metadata', 'spec.volumeClaimTemplates.metadata'] },
  'batch/Job': workload(),
  'batch/CronJob': {
    podSpecs: ['spec.jobTemplate.spec.template.spec'],
    objectMetas: ['spec.jobTemplate.metadata', 'spec.jobTemplate.spec.template.metadata'],
  },
};

const sep = '\u0000';

function compile(shapes: KindShape[]): PatchMeta {
  const table = new Map<string, PatchMetaEntry>();
  const put = (prefix: string, fields: Fields) => {
    for (const [rel, entry] of Object.entries(fields)) {
      table.set((prefix ? `${prefix}.${rel}` : rel).split('.').join(sep), entry);
    }
  };
  for (const shape of shapes) {
    put('metadata', objectMeta);
    for (const at of shape.objectMetas ?? []) put(at, objectMeta);
    for (const at of shape.podSpecs ?? []) put(at, podSpec);
    put('', shape.fields ?? {});
  }
  return { lookup: (path) => table.get(path.join(sep)) };
}

const perKind = new Map(Object.entries(kinds).map(([key, shape]) => [key, compile([shape])]));
const metadataOnly = compile([{}]);

const fromSchema = new Map<string, PatchMeta>();
for (const [gvk, t] of builtinSchema.kinds) fromSchema.set(gvk, schemaPatchMeta(t));

/**
 * Metadata for one built-in kind: from its schema table when there is one, else from the hand
 * tables. Kinds in neither still get ObjectMeta's tags (finalizers, ownerReferences), which
 * every built-in object has.
 */
export function builtinPatchMetaFor(apiVersion: string, kind: string): PatchMeta {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = apiVersion.slice(slash + 1);
  return fromSchema.get(`${group}/${version}/${kind}`) ?? perKind.get(`${group}/${kind}`) ?? metadataOnly;
}

/**
 * Kind-agnostic union of every table above, for callers that do not know the kind. The tables
 * do not disagree on any path, so the union is safe for all listed kinds.
 */
export const builtinPatchMeta: PatchMeta = compile(Object.values(kinds));
