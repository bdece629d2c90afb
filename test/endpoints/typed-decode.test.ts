/**
 * typedDecode over the schema tables: every kind with a table gets the full walk (type errors,
 * unknown fields), including kinds the old protobuf tables never described; kinds without a
 * table get their metadata checked only.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { typedDecode, typedDescFor } from '../../src/endpoints/typed-decode.js';
import '../../src/schema/tables.js'; // registers the built-in schema (the server loads it after start-up)

const check = (apiVersion: string, kind: string, body: Record<string, unknown>) =>
  typedDecode(body, typedDescFor(apiVersion, kind));

describe('typedDecode: every kind with a schema table', { timeout: 10_000 }, () => {
  it('reports and drops an unknown field in a Service spec', () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, bogus: 1 }], clusterIp: 'None' } };
    const r = check('v1', 'Service', svc);
    assert.deepEqual(r, { error: undefined, strict: ['unknown field "spec.ports[0].bogus"', 'unknown field "spec.clusterIp"'] });
    assert.deepEqual(svc.spec, { ports: [{ port: 80 }] });
  });

  it('walks kinds that had no hand-written table: StorageClass, HorizontalPodAutoscaler v2, FlowSchema', () => {
    assert.deepEqual(check('storage.k8s.io/v1', 'StorageClass', { provisioner: 'x', reclaimpolicy: 'Retain' }).strict, ['unknown field "reclaimpolicy"']);
    assert.equal(check('autoscaling/v2', 'HorizontalPodAutoscaler', { spec: { scaleTargetRef: [] } }).error,
      'json: cannot unmarshal array into Go struct field HorizontalPodAutoscalerSpec.spec.scaleTargetRef of type v2.CrossVersionObjectReference');
    assert.equal(check('autoscaling/v2', 'HorizontalPodAutoscaler', { spec: { maxReplicas: 'ten' } }).error,
      'json: cannot unmarshal string into Go struct field HorizontalPodAutoscalerSpec.spec.maxReplicas of type int32');
    assert.deepEqual(check('flowcontrol.apiserver.k8s.io/v1', 'FlowSchema', { spec: { matchingPrecedence: 10, rules: [{ subjects: [{ kind: 'User', extra: 1 }] }] } }).strict,
      ['unknown field "spec.rules[0].subjects[0].extra"']);
  });

  it('uses the Go struct and package names of upstream\'s types', () => {
    assert.equal(check('events.k8s.io/v1', 'Event', { series: { count: 'x' } }).error,
      'json: cannot unmarshal string into Go struct field EventSeries.series.count of type int32');
    assert.equal(check('v1', 'Pod', { spec: { containers: [{ ports: 'x' }] } }).error,
      'json: cannot unmarshal string into Go struct field Container.spec.containers.ports of type []v1.ContainerPort');
    assert.equal(check('apps/v1', 'Deployment', { spec: { strategy: { rollingUpdate: { maxSurge: true } } } }).error,
      'json: cannot unmarshal bool into Go struct field RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge of type int32');
  });

  it('accepts apiVersion and kind wherever Go embeds TypeMeta, and only there', () => {
    const eviction = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: 'p' }, deleteOptions: { apiVersion: 'v1', kind: 'DeleteOptions', dryRun: ['All'] } };
    assert.deepEqual(check('policy/v1', 'Eviction', eviction), { error: undefined, strict: [] });
    const list = { apiVersion: 'v1', kind: 'ConfigMapList', metadata: {}, items: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }] };
    assert.deepEqual(check('v1', 'ConfigMapList', list), { error: undefined, strict: [] });
    assert.deepEqual(check('v1', 'Pod', { spec: { containers: [{ name: 'c', kind: 'x' }] } }).strict, ['unknown field "spec.containers[0].kind"']);
  });

  it('checks only the metadata of a kind without a table', () => {
    const widget = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w', bogus: 1 }, spec: { anything: [1] } };
    assert.deepEqual(check('example.com/v1', 'Widget', widget), { error: undefined, strict: ['unknown field "metadata.bogus"'] });
    assert.equal(check('example.com/v1', 'Widget', { metadata: { name: 5 } }).error,
      'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string');
  });
});
