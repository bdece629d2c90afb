import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileTables } from '../../../src/schema/compile.js';
import type { TypeTable } from '../../../src/schema/format.js';
import { parseField } from '../../../src/protobuf/schema.js';
import { wellKnownTypes } from '../../../src/protobuf/schema.js';
import { metaTypes } from '../../../src/apis/meta/schema.js';
import { coreTypes } from '../../../src/apis/core/schema.js';

// Types the pod tables (schema-pod.ts, schema-volumes.ts) own; until they land in main, empty
// stand-ins with these names let the core table compile on its own.
const podOwned = [
  'AWSElasticBlockStoreVolumeSource', 'AzureDiskVolumeSource', 'FCVolumeSource', 'FlockerVolumeSource',
  'GCEPersistentDiskVolumeSource', 'HostPathVolumeSource', 'NFSVolumeSource', 'NodeSelector',
  'PhotonPersistentDiskVolumeSource', 'PodTemplateSpec', 'PortworxVolumeSource', 'QuobyteVolumeSource',
  'VsphereVirtualDiskVolumeSource',
];

function missingRefs(tables: TypeTable[]): string[] {
  const defined = new Set<string>([...wellKnownTypes, ...tables.flatMap((t) => Object.keys(t))]);
  const missing = new Set<string>();
  for (const t of tables) {
    for (const [ref, def] of Object.entries(t)) {
      for (const [spec] of def.fields) {
        const f = parseField(ref, spec);
        if (f.kind === 'message' && !defined.has(f.typeName)) missing.add(f.typeName);
      }
    }
  }
  return [...missing].sort();
}

const standIns: TypeTable = Object.fromEntries(podOwned.map((n) => [n, { name: `io.k8s.api.core.v1.${n}`, description: 'stand-in', fields: [] }]));
const { types, kinds } = compileTables([metaTypes, coreTypes, standIns]);

const t = (ref: string) => { const x = types.get(ref); assert.ok(x, ref); return x; };
const f = (ref: string, name: string) => { const x = t(ref).fields.find((y) => y.name === name); assert.ok(x, `${ref}.${name}`); return x; };
const required = (ref: string) => t(ref).fields.filter((x) => x.meta.required).map((x) => x.name);

test('core refers only to meta, itself and the pod-owned types', () => {
  assert.deepEqual(missingRefs([metaTypes, coreTypes]), podOwned);
});

test('every core kind and its list is served at v1 with TypeMeta', () => {
  const served = ['Namespace', 'Service', 'Endpoints', 'ConfigMap', 'Secret', 'ServiceAccount', 'Node', 'Event',
    'LimitRange', 'ResourceQuota', 'PersistentVolume', 'ReplicationController', 'PodTemplate', 'ComponentStatus'];
  for (const kind of served) {
    assert.equal(kinds.get(`/v1/${kind}`)?.ref, kind);
    const list = kinds.get(`/v1/${kind}List`)!;
    assert.deepEqual(list.fields.map((x) => x.name), ['apiVersion', 'kind', 'metadata', 'items']);
    assert.equal(list.fields[3].type?.ref, kind);
    assert.equal(list.name, `io.k8s.api.core.v1.${kind}List`);
  }
  assert.equal(kinds.get('/v1/Binding')?.ref, 'Binding');
  assert.equal(kinds.get('/v1/Pod'), undefined, 'Pod belongs to the pod table');
});

test('field numbers and order of the big types follow types.go', () => {
  assert.deepEqual(t('ServiceSpec').fields.map((x) => x.number), [1, 2, 3, 18, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 19, 17, 20, 21, 22, 23]);
  assert.equal(t('NodeStatus').fields.length, 13);
  assert.equal(t('NodeSystemInfo').fields.length, 11);
  assert.equal(t('PersistentVolumeSource').fields.length, 22);
  assert.equal(t('PersistentVolumeSpec').fields.length, 10);
  assert.equal(t('Event').fields.length, 17); // 15 + apiVersion, kind
  assert.equal(f('PersistentVolumeSpec', '').inline, true);
  assert.equal(f('DaemonEndpoint', 'Port').kind, 'int32');
  assert.equal(f('Secret', 'data').kind, 'bytes');
  assert.equal(f('Secret', 'data').map, true);
  assert.equal(f('ResourceQuotaSpec', 'hard').type?.wellKnown, 'Quantity');
});

test('patch strategies and list types match upstream', () => {
  const ports = f('ServiceSpec', 'ports').meta;
  assert.equal(ports.patchMergeKey, 'port');
  assert.deepEqual(ports.listMapKeys, ['port', 'protocol']);
  assert.equal(f('ServiceAccount', 'secrets').meta.patchMergeKey, 'name');
  assert.deepEqual(f('NodeStatus', 'addresses').meta.listMapKeys, ['type']);
  assert.equal(f('NodeStatus', 'conditions').meta.patchStrategy, 'merge');
  assert.equal(f('NodeSpec', 'podCIDRs').meta.listType, 'set');
  assert.equal(f('NodeSpec', 'taints').meta.listType, 'atomic');
  assert.equal(f('ServiceSpec', 'selector').meta.mapType, 'atomic');
  assert.equal(f('ReplicationControllerSpec', 'selector').meta.mapType, 'atomic');
  assert.equal(f('PersistentVolumeSpec', 'claimRef').meta.mapType, 'granular');
  assert.equal(f('Endpoints', 'subsets').meta.listType, 'atomic');
  for (const ref of ['ObjectReference', 'LocalObjectReference', 'TypedLocalObjectReference', 'SecretReference', 'EndpointAddress', 'EndpointPort', 'ScopeSelector']) {
    assert.equal(t(ref).structType, 'atomic', ref);
  }
  assert.equal(t('TypedObjectReference').structType, undefined);
});

test('required lists, enums and defaults match upstream OpenAPI', () => {
  assert.deepEqual(required('ServicePort'), ['port']);
  assert.deepEqual(required('Event'), ['metadata', 'involvedObject']);
  assert.deepEqual(required('NodeSystemInfo').length, 10);
  assert.deepEqual(required('TypedLocalObjectReference'), ['kind', 'name']);
  assert.deepEqual(required('CSIPersistentVolumeSource'), ['driver', 'volumeHandle']);
  assert.deepEqual(required('ScaleIOPersistentVolumeSource'), ['gateway', 'system', 'secretRef']);
  assert.deepEqual(required('Taint'), ['key', 'effect']);
  assert.deepEqual(required('LimitRangeSpec'), ['limits']);
  assert.deepEqual(required('Namespace'), []);
  assert.deepEqual(f('ServiceSpec', 'type').meta.enum, ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
  assert.deepEqual(f('Taint', 'effect').meta.enum, ['NoExecute', 'NoSchedule', 'PreferNoSchedule']);
  assert.deepEqual(f('PersistentVolumeSpec', 'persistentVolumeReclaimPolicy').meta.enum, ['Delete', 'Recycle', 'Retain']);
  assert.equal(f('ServicePort', 'protocol').meta.default, 'TCP');
  assert.equal(f('LocalObjectReference', 'name').meta.default, '');
  assert.equal(f('ISCSIPersistentVolumeSource', 'iscsiInterface').meta.default, 'default');
});

test('Go json tags: pointers and fields without omitempty', () => {
  assert.equal(f('TypedLocalObjectReference', 'apiGroup').pointer, true);
  assert.equal(f('TypedLocalObjectReference', 'apiGroup').always, true);
  assert.equal(f('Event', 'reportingComponent').always, true);
  assert.equal(f('ScaleIOPersistentVolumeSource', 'secretRef').always, true, 'a pointer without omitempty is emitted as null');
  assert.equal(f('ReplicationControllerStatus', 'replicas').always, true);
  assert.equal(f('ConfigMap', 'immutable').pointer, true);
});

test('every core type and field is described', () => {
  for (const ref of Object.keys(coreTypes)) {
    const x = t(ref);
    assert.ok(x.description.length > 10, ref);
    assert.match(x.name, /^io\.k8s\.api\.core\.v1\./);
    for (const y of x.fields) assert.ok(y.description.length > 5, `${ref}.${y.name}`);
  }
});
