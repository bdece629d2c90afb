/**
 * The ten tables of apps, autoscaling, batch, coordination, discovery, events, networking, node,
 * policy and scheduling together: listed in builtinTables, resolved against the meta and core
 * tables, and covering every kind (with its List) and subresource body the catalog serves.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinResources } from '../../src/apis/catalog.js';
import { builtinSchema, builtinTables } from '../../src/schema/tables.js';
import { appsTypes } from '../../src/apis/apps/schema.js';
import { autoscalingTypes } from '../../src/apis/autoscaling/schema.js';
import { batchTypes } from '../../src/apis/batch/schema.js';
import { coordinationTypes } from '../../src/apis/coordination/schema.js';
import { discoveryTypes } from '../../src/apis/discovery/schema.js';
import { eventsTypes } from '../../src/apis/events/schema.js';
import { networkingTypes } from '../../src/apis/networking/schema.js';
import { nodeTypes } from '../../src/apis/node/schema.js';
import { policyTypes } from '../../src/apis/policy/schema.js';
import { schedulingTypes } from '../../src/apis/scheduling/schema.js';

const tables = [appsTypes, autoscalingTypes, batchTypes, coordinationTypes, discoveryTypes, eventsTypes, networkingTypes, nodeTypes, policyTypes, schedulingTypes];
const groups = new Set([
  'apps', 'autoscaling', 'batch', 'coordination.k8s.io', 'discovery.k8s.io', 'events.k8s.io', 'networking.k8s.io',
  'node.k8s.io', 'policy', 'scheduling.k8s.io',
]);

/** What these tables reference in the meta and core tables, with upstream's definition names. */
const foreign: Record<string, string> = {
  ObjectMeta: 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
  ListMeta: 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta',
  LabelSelector: 'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector',
  Condition: 'io.k8s.apimachinery.pkg.apis.meta.v1.Condition',
  DeleteOptions: 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions',
  PodTemplateSpec: 'io.k8s.api.core.v1.PodTemplateSpec',
  PersistentVolumeClaim: 'io.k8s.api.core.v1.PersistentVolumeClaim',
  ObjectReference: 'io.k8s.api.core.v1.ObjectReference',
  TypedLocalObjectReference: 'io.k8s.api.core.v1.TypedLocalObjectReference',
  EventSource: 'io.k8s.api.core.v1.EventSource',
  Toleration: 'io.k8s.api.core.v1.Toleration',
};

test('the ten tables are listed in builtinTables and resolve against the meta and core tables', () => {
  for (const t of tables) assert.ok(builtinTables.includes(t));
  const mine = new Set(tables.flatMap((t) => Object.keys(t)));
  const reached = new Map<string, string>();
  for (const ref of mine) {
    for (const f of builtinSchema.types.get(ref)!.fields) {
      if (f.type && !f.type.wellKnown && !mine.has(f.type.ref)) reached.set(f.type.ref, f.type.name);
    }
  }
  assert.deepEqual(Object.fromEntries([...reached].sort()), Object.fromEntries(Object.entries(foreign).sort()));
});

test('OpenAPI definition names are unique and the kinds are the 38 these groups serve', () => {
  const names = tables.flatMap((t) => Object.values(t).map((d) => d.name));
  assert.equal(new Set(names).size, names.length);
  const mine = new Set(tables.flatMap((t) => Object.keys(t)));
  const kinds = [...builtinSchema.kinds.values()].filter((t) => mine.has(t.ref)).flatMap((t) => t.gvk);
  assert.equal(kinds.length, 10 + 5 + 4 + 2 + 2 + 2 + 6 + 2 + 3 + 2);
});

test('meta.default appears only for +default markers, and these groups have none', () => {
  // upstream's implicit `{}`, '' and 0 OpenAPI defaults are derived from the specs instead.
  const defaulted = tables.flatMap((t) => Object.entries(t).flatMap(([ref, d]) => d.fields.filter(([, , m]) => m?.default !== undefined).map(([spec]) => `${ref} ${spec}`)));
  assert.deepEqual(defaulted, []);
});

test('every kind the catalog serves in these groups has a schema kind and its List, and so does every subresource body', () => {
  const { kinds } = builtinSchema;
  const missing: string[] = [];
  let seen = 0;
  for (const def of builtinResources) {
    for (const version of def.versions) {
      if (groups.has(def.group)) {
        seen++;
        for (const kind of [def.kind, `${def.kind}List`]) if (!kinds.has(`${def.group}/${version}/${kind}`)) missing.push(`${def.group}/${version}/${kind}`);
      }
      // Bodies such as the workloads' autoscaling/v1 Scale and pods/eviction's policy/v1 Eviction.
      for (const sub of def.subresources ?? []) {
        const key = `${sub.group ?? def.group}/${sub.version ?? version}/${sub.kind}`;
        if (groups.has(sub.group ?? def.group) && !kinds.has(key)) missing.push(key);
      }
    }
  }
  assert.ok(seen >= 17, `expected the catalog to serve these groups' kinds, saw ${seen}`);
  assert.deepEqual(missing, []);
});
