import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinSchema } from '../../../src/schema/tables.js';
import { discoveryTypes } from '../../../src/apis/discovery/schema.js';
import { assertDescribed, groupKinds } from '../schema-check.js';

const { types, kinds } = builtinSchema;
const required = (ref: string) => types.get(ref)!.fields.filter((f) => f.meta.required).map((f) => f.name);

test('discovery: EndpointSlice as discovery.k8s.io/v1, fields in Go order with their protobuf numbers', () => {
  assert.deepEqual(groupKinds(kinds, discoveryTypes), ['discovery.k8s.io/v1/EndpointSlice', 'discovery.k8s.io/v1/EndpointSliceList']);
  assertDescribed(discoveryTypes);
  const slice = types.get('EndpointSlice')!;
  assert.deepEqual(slice.fields.map((f) => `${f.number} ${f.name}`), ['0 apiVersion', '0 kind', '1 metadata', '4 addressType', '2 endpoints', '3 ports']);
  assert.deepEqual(required('EndpointSlice'), ['addressType', 'endpoints']);
  assert.deepEqual(required('Endpoint'), ['addresses']);
  assert.deepEqual(required('ForZone'), ['name']);
  assert.equal(types.get('Endpoint')!.fields[0].meta.listType, 'set');
  assert.deepEqual(slice.fields[3].meta.enum, ['FQDN', 'IPv4', 'IPv6']);
});

test('discovery: EndpointPort is prefixed apart from core/v1 EndpointPort and is an atomic struct', () => {
  const port = types.get('DiscoveryV1EndpointPort')!;
  assert.equal(port.name, 'io.k8s.api.discovery.v1.EndpointPort');
  assert.equal(port.structType, 'atomic');
  assert.equal(types.get('EndpointSlice')!.fields[5].type, port);
  assert.ok(port.fields.every((f) => f.pointer));
});
