import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinSchema } from '../../../src/schema/tables.js';
import { networkingTypes } from '../../../src/apis/networking/schema.js';
import { assertDescribed, groupKinds } from '../schema-check.js';

const { types, kinds } = builtinSchema;
const field = (ref: string, name: string) => {
  const f = types.get(ref)!.fields.find((x) => x.name === name);
  assert.ok(f, `${ref}.${name} exists`);
  return f;
};
const required = (ref: string) => types.get(ref)!.fields.filter((f) => f.meta.required).map((f) => f.name);

test('networking: Ingress, IngressClass, NetworkPolicy and lists are served as networking.k8s.io/v1', () => {
  const served = ['Ingress', 'IngressClass', 'NetworkPolicy'].flatMap((k) => [k, `${k}List`]).map((k) => `networking.k8s.io/v1/${k}`);
  assert.deepEqual(groupKinds(kinds, networkingTypes), served.sort());
});

test('networking: every field is described', () => {
  const nonLists = Object.keys(networkingTypes).filter((k) => !k.endsWith('List'));
  assertDescribed(networkingTypes);
});

test('networking: required fields, list types and the inline rule value as upstream', () => {
  assert.deepEqual(required('HTTPIngressPath'), ['pathType', 'backend']);
  assert.deepEqual(required('HTTPIngressRuleValue'), ['paths']);
  assert.deepEqual(required('IngressServiceBackend'), ['name']);
  assert.deepEqual(required('IngressClassParametersReference'), ['kind', 'name']);
  assert.deepEqual(required('IPBlock'), ['cidr']);
  assert.deepEqual(required('IngressPortStatus'), ['port', 'protocol']);
  assert.deepEqual(required('NetworkPolicySpec'), ['podSelector']);
  assert.equal(types.get('ServiceBackendPort')!.structType, 'atomic');
  for (const [ref, name] of [['IngressSpec', 'rules'], ['IngressSpec', 'tls'], ['NetworkPolicySpec', 'ingress'], ['NetworkPolicySpec', 'egress'], ['NetworkPolicyIngressRule', 'from'], ['NetworkPolicyEgressRule', 'to']]) {
    assert.equal(field(ref, name).meta.listType, 'atomic', `${ref}.${name}`);
  }
  const inline = types.get('IngressRule')!.fields[1];
  assert.equal(inline.inline, true);
  assert.equal(inline.type?.ref, 'IngressRuleValue');
  assert.deepEqual(field('HTTPIngressPath', 'pathType').meta.enum, ['Exact', 'ImplementationSpecific', 'Prefix']);
  assert.equal(field('IngressBackend', 'resource').type?.ref, 'TypedLocalObjectReference');
});
