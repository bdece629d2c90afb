/**
 * The group-b schema tables as a whole. Against what the catalog serves: every kind of rbac, storage,
 * certificates, admissionregistration, flowcontrol, authentication and authorization (and every
 * subresource body in those groups, such as serviceaccounts/token's TokenRequest) has a schema
 * kind, stored kinds have their List, and the seven tables compile together without name clashes.
 * And their required lists agree with the Go json tags.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinResources } from '../../src/apis/catalog.js';
import { admissionregistrationTypes } from '../../src/apis/admissionregistration/schema.js';
import { authenticationTypes } from '../../src/apis/authentication/schema.js';
import { authorizationTypes } from '../../src/apis/authorization/schema.js';
import { certificatesTypes } from '../../src/apis/certificates/schema.js';
import { flowcontrolTypes } from '../../src/apis/flowcontrol/schema.js';
import { rbacTypes } from '../../src/apis/rbac/schema.js';
import { storageTypes } from '../../src/apis/storage/schema.js';
import { compileGroup } from './compile-group.js';

const groups = new Set([
  'rbac.authorization.k8s.io', 'storage.k8s.io', 'certificates.k8s.io', 'admissionregistration.k8s.io',
  'flowcontrol.apiserver.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io',
]);
const tables = [admissionregistrationTypes, authenticationTypes, authorizationTypes, certificatesTypes, flowcontrolTypes, rbacTypes, storageTypes];

test('the seven group-b tables use distinct reference names', () => {
  const total = tables.reduce((n, t) => n + Object.keys(t).length, 0);
  assert.equal(new Set(tables.flatMap((t) => Object.keys(t))).size, total);
});

test('every kind served in the group-b groups has a schema, and stored kinds their List', () => {
  const { kinds } = compileGroup(tables, ['ObjectMeta', 'ListMeta', 'LabelSelector', 'LabelSelectorRequirement', 'FieldSelectorRequirement', 'PersistentVolumeSpec']);
  const missing: string[] = [];
  let seen = 0;
  for (const def of builtinResources) {
    for (const version of def.versions) {
      if (groups.has(def.group)) {
        seen++;
        if (!kinds.has(`${def.group}/${version}/${def.kind}`)) missing.push(`${def.group}/${version}/${def.kind}`);
        if (!def.virtual && !kinds.has(`${def.group}/${version}/${def.kind}List`)) missing.push(`${def.group}/${version}/${def.kind}List`);
      }
      for (const sub of def.subresources ?? []) {
        const group = sub.group ?? def.group;
        if (groups.has(group) && !kinds.has(`${group}/${sub.version ?? version}/${sub.kind}`)) missing.push(`${group}/${sub.version ?? version}/${sub.kind}`);
      }
    }
  }
  assert.ok(seen >= 17, `expected the catalog to serve the group-b kinds, saw ${seen}`);
  assert.deepEqual(missing, []);
});

test("required follows the Go tags: no omitempty means required, except upstream's +optional ones", () => {
  // `json:"x"` without omitempty, yet marked +optional upstream (so not in the OpenAPI required list).
  const optionalWithoutOmitempty = new Set([
    'Role.rules', 'ClusterRole.rules', 'TokenRequestSpec.expirationSeconds', 'TokenRequestSpec.boundObjectRef',
    'CSINodeDriver.topologyKeys', 'FlowSchemaSpec.matchingPrecedence', 'ResourcePolicyRule.namespaces',
    'LimitedPriorityLevelConfiguration.nominalConcurrencyShares', 'QueuingConfiguration.queues',
    'QueuingConfiguration.handSize', 'QueuingConfiguration.queueLengthLimit',
  ]);
  const wrong: string[] = [];
  for (const table of tables) {
    for (const [ref, def] of Object.entries(table)) {
      for (const [spec, , meta] of def.fields) {
        const name = spec.split(' ')[1];
        if (name === '...') continue;
        const key = `${ref}.${name}`;
        const always = spec.endsWith('!');
        if (always && !meta?.required && !optionalWithoutOmitempty.has(key)) wrong.push(`${key} has no omitempty but is not required`);
        if (always && meta?.required && optionalWithoutOmitempty.has(key)) wrong.push(`${key} is +optional upstream`);
        // Non-pointer structs carry no '!' (Go always emits them) yet may be required.
        if (meta?.required && !always && !/^\d+ \w+ [A-Z]\w+$/.test(spec)) wrong.push(`${key} is required but has omitempty`);
      }
    }
  }
  assert.deepEqual(wrong, []);
});
