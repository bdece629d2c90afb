/**
 * Content negotiation (endpoints/negotiation.ts) with the Accept headers real clients send:
 * kubectl's Table request, client-go's aggregated discovery request, protobuf-first clients,
 * wildcards, YAML and q-values. Protobuf is not served: protobuf-only gets 406.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src/apis/meta/errors.js';
import { negotiate, type OutputForm } from '../../src/endpoints/negotiation.js';

const t = { timeout: 10_000 };

const kubectlTable = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
const aggregatedDiscovery = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';
const protobufFirst = 'application/vnd.kubernetes.protobuf,application/json';
// client-go's protobuf clients with Table support (e.g. kube-controller-manager's metadata informers)
const partialMetadata = 'application/vnd.kubernetes.protobuf;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json';

const objectForms: OutputForm[] = ['object', 'Table', 'PartialObjectMetadata'];
const listForms: OutputForm[] = ['object', 'Table', 'PartialObjectMetadataList'];
const discoveryForms: OutputForm[] = ['object', 'APIGroupDiscoveryList'];

/** The Content-Type as type + params, so parameter order does not matter. */
function parseType(ct: string) {
  const [type, ...rest] = ct.split(';').map((s) => s.trim());
  const params: Record<string, string> = {};
  for (const p of rest) { const [k, v] = p.split('='); params[k] = v; }
  return { type, params };
}

function notAcceptable(e: unknown): boolean {
  assert.ok(e instanceof ApiError, `not an ApiError: ${String(e)}`);
  assert.equal(e.code, 406);
  assert.equal(e.reason, 'NotAcceptable');
  // upstream errNotAcceptable: "only the following media types are accepted: <list>"
  assert.match(e.message, /^only the following media types are accepted: application\/json, application\/yaml/);
  return true;
}

describe('negotiate: what kubectl and client-go send', t, () => {
  it('kubectl get: Table v1 first', () => {
    const n = negotiate(kubectlTable, listForms);
    assert.equal(n.form, 'Table');
    assert.equal(n.yaml, false);
    assert.deepEqual(parseType(n.contentType), { type: 'application/json', params: { as: 'Table', g: 'meta.k8s.io', v: 'v1' } });
  });
  it('kubectl get on an endpoint without Table falls back to plain JSON', () => {
    const n = negotiate(kubectlTable, ['object']);
    assert.equal(n.form, 'object');
    assert.equal(n.contentType, 'application/json');
  });
  it('a client that only knows Table v1beta1 gets v1beta1', () => {
    const n = negotiate('application/json;as=Table;v=v1beta1;g=meta.k8s.io', listForms);
    assert.equal(n.form, 'Table');
    assert.equal(parseType(n.contentType).params.v, 'v1beta1');
  });
  it('aggregated discovery: apidiscovery.k8s.io/v2 APIGroupDiscoveryList', () => {
    const n = negotiate(aggregatedDiscovery, discoveryForms);
    assert.equal(n.form, 'APIGroupDiscoveryList');
    assert.deepEqual(parseType(n.contentType), { type: 'application/json', params: { g: 'apidiscovery.k8s.io', v: 'v2', as: 'APIGroupDiscoveryList' } });
  });
  it('aggregated discovery Accept on a resource endpoint gets the object', () => {
    const n = negotiate(aggregatedDiscovery, objectForms);
    assert.equal(n.form, 'object');
    assert.equal(n.contentType, 'application/json');
  });
  it('legacy discovery clients (plain JSON) get the object on discovery endpoints', () => {
    assert.equal(negotiate('application/json', discoveryForms).form, 'object');
  });
  it('protobuf first, JSON second: JSON', () => {
    const n = negotiate(protobufFirst, objectForms);
    assert.equal(n.form, 'object');
    assert.equal(n.contentType, 'application/json');
  });
  it('protobuf metadata-only informers fall through to JSON PartialObjectMetadataList', () => {
    const n = negotiate(partialMetadata, listForms);
    assert.equal(n.form, 'PartialObjectMetadataList');
    assert.deepEqual(parseType(n.contentType), { type: 'application/json', params: { as: 'PartialObjectMetadataList', g: 'meta.k8s.io', v: 'v1' } });
  });
});

describe('negotiate: defaults and wildcards', t, () => {
  const jsonCases: Array<[string, string | undefined]> = [
    ['no Accept header', undefined],
    ['empty Accept', ''],
    ['blank Accept', '   '],
    ['*/*', '*/*'],
    ['application/*', 'application/*'],
    ['application/json', 'application/json'],
    ['application/json with charset', 'application/json; charset=utf-8'],
    ['browser Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'],
    ['curl', '*/*'],
  ];
  for (const [name, accept] of jsonCases) {
    it(`${name} -> JSON object`, () => {
      const n = negotiate(accept, objectForms);
      assert.equal(n.form, 'object');
      assert.equal(n.yaml, false);
      assert.equal(n.contentType, 'application/json');
    });
  }
  it('application/yaml -> YAML object', () => {
    const n = negotiate('application/yaml', objectForms);
    assert.equal(n.yaml, true);
    assert.equal(n.form, 'object');
    assert.equal(n.contentType, 'application/yaml');
  });
  it('YAML Table', () => {
    const n = negotiate('application/yaml;as=Table;g=meta.k8s.io;v=v1', listForms);
    assert.equal(n.yaml, true);
    assert.equal(n.form, 'Table');
    assert.equal(parseType(n.contentType).type, 'application/yaml');
  });
  it('parameter values may be quoted', () => {
    const n = negotiate('application/json;as="Table";g="meta.k8s.io";v="v1"', listForms);
    assert.equal(n.form, 'Table');
  });
});

describe('negotiate: q-values', t, () => {
  it('the higher q wins regardless of order', () => {
    assert.equal(negotiate('application/yaml;q=0.5,application/json;q=0.9', objectForms).yaml, false);
    assert.equal(negotiate('application/json;q=0.5,application/yaml;q=0.9', objectForms).yaml, true);
  });
  it('q=0 means "not acceptable"', () => {
    assert.equal(negotiate('application/yaml;q=0,application/json', objectForms).yaml, false);
    assert.throws(() => negotiate('application/json;q=0', objectForms), notAcceptable);
  });
  it('a Table clause with lower q loses to plain JSON', () => {
    const n = negotiate('application/json;as=Table;g=meta.k8s.io;v=v1;q=0.1,application/json;q=0.9', listForms);
    assert.equal(n.form, 'object');
  });
  it('equal q keeps the client order', () => {
    assert.equal(negotiate('application/yaml,application/json', objectForms).yaml, true);
    assert.equal(negotiate('application/json,application/yaml', objectForms).yaml, false);
  });
});

describe('negotiate: 406 NotAcceptable', t, () => {
  const cases: Array<[string, string, OutputForm[]]> = [
    ['protobuf only', 'application/vnd.kubernetes.protobuf', objectForms],
    ['protobuf watch stream only', 'application/vnd.kubernetes.protobuf;stream=watch', objectForms],
    ['protobuf Table only', 'application/vnd.kubernetes.protobuf;as=Table;v=v1;g=meta.k8s.io', listForms],
    ['text/html', 'text/html', objectForms],
    ['text/plain', 'text/plain', objectForms],
    ['CBOR', 'application/cbor', objectForms],
    ['Table v2 does not exist', 'application/json;as=Table;g=meta.k8s.io;v=v2', listForms],
    ['Table in another group', 'application/json;as=Table;g=example.com;v=v1', listForms],
    ['unknown as=', 'application/json;as=Bogus;g=meta.k8s.io;v=v1', listForms],
    ['Table on an endpoint that has none', 'application/json;as=Table;g=meta.k8s.io;v=v1', discoveryForms],
    ['PartialObjectMetadata (single) on a list', 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1', listForms],
    ['discovery v2beta1 only (not served)', 'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList', discoveryForms],
    ['discovery list on a resource', 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList', objectForms],
  ];
  for (const [name, accept, offered] of cases) {
    it(name, () => assert.throws(() => negotiate(accept, offered), notAcceptable));
  }
});
