import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildOpenApiV2, buildOpenApiV3, canonicalJson } from '../../src/schema/openapi.js';
import { checkOpenApi } from './openapi-check.js';
import { fixtureSource } from './openapi-fixture.js';

type Json = Record<string, any>;

describe('OpenAPI v2 from the schema tables', () => {
  const doc = buildOpenApiV2(fixtureSource) as Json;
  const defs = doc.definitions;

  it('is structurally valid: refs resolve, operation ids unique, parameters well formed', () => {
    assert.deepEqual(checkOpenApi(doc), []);
  });

  it('writes fields as upstream: scalars, maps, lists, well-known types, inline flattened', () => {
    const spec = defs['io.k8s.api.core.v1.WidgetSpec'];
    assert.deepEqual(Object.keys(spec.properties), ['byName', 'data', 'mode', 'note', 'parts', 'port', 'ratio', 'replicas', 'size']);
    assert.deepEqual(spec.properties.replicas, { description: 'How many.', type: 'integer', format: 'int32', default: 1 });
    assert.deepEqual(spec.properties.ratio, { description: 'A ratio.', type: 'number', format: 'double' });
    assert.deepEqual(spec.properties.data, { description: 'Binary data.', type: 'object', additionalProperties: { type: 'string', format: 'byte' } });
    assert.deepEqual(spec.properties.mode.enum, ['Fast', 'Slow']);
    assert.deepEqual(spec.properties.port, { $ref: '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString', description: 'Port number or name.' });
    assert.deepEqual(spec.required, ['note'], 'the inline type brings its required field');
    assert.deepEqual(spec.properties.parts, {
      type: 'array', description: 'Its parts.',
      items: { $ref: '#/definitions/io.k8s.api.core.v1.Part', default: {} },
      'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'],
      'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge',
    });
    assert.deepEqual(defs['io.k8s.api.core.v1.Part'].properties.name, { description: 'Part name.', type: 'string', default: '' });
    assert.deepEqual(defs['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].format, 'int-or-string');
    assert.equal(defs['io.k8s.apimachinery.pkg.apis.meta.v1.Time'].format, 'date-time');
    assert.equal(defs['io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference']['x-kubernetes-map-type'], 'atomic');
  });

  it('marks kinds with their group-version-kind and synthesizes list kinds', () => {
    assert.deepEqual(defs['io.k8s.api.core.v1.Widget']['x-kubernetes-group-version-kind'], [{ group: '', kind: 'Widget', version: 'v1' }]);
    assert.deepEqual(defs['io.k8s.api.core.v1.Widget'].properties.metadata, { $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', description: 'Standard metadata.' });
    const list = defs['io.k8s.api.core.v1.WidgetList'];
    assert.deepEqual(list['x-kubernetes-group-version-kind'], [{ group: '', kind: 'WidgetList', version: 'v1' }]);
    assert.deepEqual(Object.keys(list.properties), ['apiVersion', 'items', 'kind', 'metadata']);
    assert.equal(list.properties.items.items.$ref, '#/definitions/io.k8s.api.core.v1.Widget');
  });

  it('has upstream paths and operation ids for every verb, subresource and watch form', () => {
    const ops: string[] = [];
    for (const [path, item] of Object.entries<Json>(doc.paths)) {
      for (const m of ['get', 'put', 'post', 'delete', 'patch']) if (item[m]) ops.push(`${m} ${path} ${item[m].operationId} ${item[m]['x-kubernetes-action']}`);
    }
    for (const want of [
      'get /api/v1/namespaces/{namespace}/widgets listCoreV1NamespacedWidget list',
      'post /api/v1/namespaces/{namespace}/widgets createCoreV1NamespacedWidget post',
      'delete /api/v1/namespaces/{namespace}/widgets deleteCoreV1CollectionNamespacedWidget deletecollection',
      'get /api/v1/namespaces/{namespace}/widgets/{name} readCoreV1NamespacedWidget get',
      'put /api/v1/namespaces/{namespace}/widgets/{name} replaceCoreV1NamespacedWidget put',
      'patch /api/v1/namespaces/{namespace}/widgets/{name} patchCoreV1NamespacedWidget patch',
      'delete /api/v1/namespaces/{namespace}/widgets/{name} deleteCoreV1NamespacedWidget delete',
      'get /api/v1/widgets listCoreV1WidgetForAllNamespaces list',
      'get /api/v1/watch/namespaces/{namespace}/widgets watchCoreV1NamespacedWidgetList watchlist',
      'get /api/v1/watch/namespaces/{namespace}/widgets/{name} watchCoreV1NamespacedWidget watch',
      'get /api/v1/watch/widgets watchCoreV1WidgetListForAllNamespaces watchlist',
      'patch /api/v1/namespaces/{namespace}/widgets/{name}/status patchCoreV1NamespacedWidgetStatus patch',
      'get /api/v1/namespaces/{namespace}/widgets/{name}/scale readCoreV1NamespacedWidgetScale get',
      'post /api/v1/namespaces/{namespace}/widgets/{name}/binding createCoreV1NamespacedWidgetBinding post',
      'get /apis/example.k8s.io/v1/gadgets listExampleV1Gadget list',
      'get /apis/example.k8s.io/v1/watch/gadgets/{name} watchExampleV1Gadget watch',
      'post /apis/example.k8s.io/v1/reviews createExampleV1Review post',
    ]) assert.ok(ops.includes(want), `missing ${want}`);
    assert.ok(!ops.some((o) => o.includes('/reviews/{name}') || o.includes('watch/reviews')), 'a create-only resource has no item or watch paths');
    assert.ok(!ops.some((o) => o.includes('missings')), 'a kind no table describes is left out');
    const scalePatch = doc.paths['/api/v1/namespaces/{namespace}/widgets/{name}/scale'].patch;
    assert.deepEqual(scalePatch['x-kubernetes-group-version-kind'], { group: 'autoscaling', kind: 'Scale', version: 'v1' });
    assert.deepEqual(scalePatch.consumes, ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json']);
  });

  it('gives writes dryRun, fieldManager and fieldValidation, and lists the list options', () => {
    const names = (op: Json) => op.parameters.map((p: Json) => p.name);
    const coll = doc.paths['/api/v1/namespaces/{namespace}/widgets'];
    assert.deepEqual(names(coll.post), ['dryRun', 'fieldManager', 'fieldValidation', 'body']);
    assert.deepEqual(names(coll.get), ['allowWatchBookmarks', 'continue', 'fieldSelector', 'labelSelector', 'limit', 'resourceVersion', 'resourceVersionMatch', 'sendInitialEvents', 'timeoutSeconds', 'watch']);
    assert.deepEqual(coll.parameters.map((p: Json) => p.name), ['namespace', 'pretty']);
    const everywhere = doc.paths['/api/v1/widgets'];
    assert.equal(everywhere.get.parameters, undefined, 'the all-namespaces list keeps its options on the path');
    assert.ok(everywhere.parameters.some((p: Json) => p.name === 'labelSelector'));
    assert.deepEqual(defs['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'].properties.labels.additionalProperties, { default: '', type: 'string' });
    const item = doc.paths['/api/v1/namespaces/{namespace}/widgets/{name}'];
    assert.deepEqual(names(item.patch), ['dryRun', 'fieldManager', 'fieldValidation', 'force', 'body']);
    assert.ok(names(item.delete).includes('propagationPolicy') && names(item.delete).includes('gracePeriodSeconds'));
    assert.deepEqual(Object.keys(coll.post.responses), ['200', '201', '202', '401']);
    assert.ok(coll.get.produces.includes('application/json;stream=watch'));
  });
});

describe('OpenAPI v3 from the schema tables', () => {
  const docs = buildOpenApiV3(fixtureSource);

  it('has one document per served group-version and the discovery documents, each structurally valid', () => {
    assert.deepEqual([...docs.keys()].sort(), ['api', 'api/v1', 'apis', 'apis/example.k8s.io', 'apis/example.k8s.io/v1', 'version']);
    for (const [gv, doc] of docs) assert.deepEqual(checkOpenApi(doc), [], gv);
    const ids = (key: string) => Object.values<Json>((docs.get(key) as Json).paths).flatMap((item) => Object.values<Json>(item).map((op) => op.operationId)).filter(Boolean);
    assert.ok(ids('api/v1').includes('getCoreV1APIResources'));
    assert.deepEqual(ids('apis/example.k8s.io'), ['getExampleAPIGroup']);
    assert.deepEqual(ids('api'), ['getCoreAPIVersions']);
    assert.deepEqual(ids('apis'), ['getAPIVersions']);
    assert.deepEqual(ids('version'), ['getCodeVersion']);
  });

  it('holds only the schemas its paths reach, including other groups\' (Scale)', () => {
    const schemas = (docs.get('apis/example.k8s.io/v1') as Json).components.schemas;
    assert.ok(!('io.k8s.api.core.v1.Widget' in schemas));
    assert.ok('io.k8s.api.example.v1.Gadget' in schemas && 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' in schemas);
    const core = (docs.get('api/v1') as Json).components.schemas;
    assert.ok('io.k8s.api.autoscaling.v1.Scale' in core && 'io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent' in core);
  });

  it('wraps a $ref with a description or default in allOf, and writes int-or-string the v3 way', () => {
    const core = (docs.get('api/v1') as Json).components.schemas;
    assert.deepEqual(core['io.k8s.api.core.v1.Widget'].properties.metadata, {
      allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }], description: 'Standard metadata.',
    });
    assert.deepEqual(core['io.k8s.api.core.v1.WidgetSpec'].properties.replicas, { description: 'How many.', type: 'integer', format: 'int32', default: 1 });
    assert.deepEqual(core['io.k8s.api.core.v1.WidgetSpec'].properties.parts.items, { allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.Part' }], default: {} });
    assert.deepEqual(core['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].oneOf, [{ type: 'integer' }, { type: 'string' }]);
    assert.equal(core['io.k8s.apimachinery.pkg.util.intstr.IntOrString'].format, 'int-or-string');
  });

  it('carries fieldValidation on the patch operation of each kind, which kubectl checks before validating server-side', () => {
    const doc = docs.get('api/v1') as Json;
    const patch = doc.paths['/api/v1/namespaces/{namespace}/widgets/{name}'].patch;
    assert.deepEqual(patch['x-kubernetes-group-version-kind'], { group: '', kind: 'Widget', version: 'v1' });
    assert.ok(patch.parameters.some((p: Json) => p.name === 'fieldValidation' && p.in === 'query'));
    assert.deepEqual(Object.keys(patch.requestBody.content).sort(), ['application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json']);
  });

  it('serializes with sorted keys, byte-stable across builds', () => {
    const a = canonicalJson(buildOpenApiV3(fixtureSource).get('api/v1'));
    assert.equal(a, canonicalJson(docs.get('api/v1')));
    assert.ok(a.startsWith('{"components":'));
  });
});
