import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileTables } from '../../src/schema/compile.js';
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
import { builtinResources } from '../../src/apis/catalog.js';
import { standIns } from './schema-check.js';

/** The references these ten tables make to types that the core, meta and pod tables own. */
const foreign = [
  'ObjectMeta', 'ListMeta', 'LabelSelector', 'Condition', 'DeleteOptions', 'PodTemplateSpec', 'PersistentVolumeClaim',
  'ObjectReference', 'TypedLocalObjectReference', 'EventSource', 'Toleration',
];

test('the apps..scheduling tables compile together: names and kinds unique, every reference resolved', () => {
  const tables = [appsTypes, autoscalingTypes, batchTypes, coordinationTypes, discoveryTypes, eventsTypes, networkingTypes, nodeTypes, policyTypes, schedulingTypes];
  const { types, kinds } = compileTables([...tables, standIns(foreign)]);
  const used = new Set([...types.values()].flatMap((t) => t.fields.map((f) => f.type?.ref).filter((r) => r !== undefined)));
  for (const name of foreign) assert.ok(used.has(name), `${name} is referenced`);
  const definitionNames = new Set(tables.flatMap((t) => Object.values(t).map((d) => d.name)));
  assert.equal(definitionNames.size, tables.reduce((n, t) => n + Object.keys(t).length, 0), 'OpenAPI names are unique');
  assert.equal(kinds.size, 10 + 4 + 3 + 6 + 2 + 2 + 2 + 2 + 2 + 5);
  // meta.default is for +default markers (values the server fills in), and these groups have none;
  // the `{}`, '' and 0 defaults of upstream's OpenAPI are derived from the field specs instead.
  const defaulted = tables.flatMap((t) => Object.entries(t).flatMap(([ref, d]) => d.fields.filter(([, , m]) => m?.default !== undefined).map(([spec]) => `${ref} ${spec}`)));
  assert.deepEqual(defaulted, []);
});

const groupsA = new Set([
  'apps', 'autoscaling', 'batch', 'coordination.k8s.io', 'discovery.k8s.io', 'events.k8s.io', 'networking.k8s.io',
  'node.k8s.io', 'policy', 'scheduling.k8s.io',
]);

test('every kind the catalog serves in these groups has a schema kind and its List, and so does every subresource body', () => {
  const tables = [appsTypes, autoscalingTypes, batchTypes, coordinationTypes, discoveryTypes, eventsTypes, networkingTypes, nodeTypes, policyTypes, schedulingTypes];
  const { kinds } = compileTables([...tables, standIns(foreign)]);
  const missing: string[] = [];
  let seen = 0;
  for (const def of builtinResources) {
    for (const version of def.versions) {
      if (groupsA.has(def.group)) {
        seen++;
        for (const kind of [def.kind, `${def.kind}List`]) if (!kinds.has(`${def.group}/${version}/${kind}`)) missing.push(`${def.group}/${version}/${kind}`);
      }
      // Bodies such as apps' autoscaling/v1 Scale and pods/eviction's policy/v1 Eviction.
      for (const sub of def.subresources ?? []) {
        const key = `${sub.group ?? def.group}/${sub.version ?? version}/${sub.kind}`;
        if (groupsA.has(sub.group ?? def.group) && !kinds.has(key)) missing.push(key);
      }
    }
  }
  assert.ok(seen >= 17, `expected the catalog to serve these groups' kinds, saw ${seen}`);
  assert.deepEqual(missing, []);
});
