import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { coreResources } from '../../../src/apis/core/index.js';
import { coreEventStrategy, eventsV1Strategy } from '../../../src/apis/core/events.js';

const def = (resource: string) => coreResources.find((d) => d.resource === resource)!;
const obj = (fields: Record<string, unknown>): KubeObject => ({ metadata: { name: 'x', namespace: 'ns' }, ...fields });

describe('core field selectors (v1 field label conversions)', () => {
  const keys: Array<[string, string[]]> = [
    ['nodes', ['spec.unschedulable']],
    ['replicationcontrollers', ['status.replicas']],
    ['secrets', ['type']],
    ['services', ['spec.clusterIP', 'spec.type']],
    ['namespaces', ['status.phase']],
    ['configmaps', []],
    ['endpoints', []],
    ['persistentvolumes', []],
  ];
  for (const [resource, want] of keys) {
    it(`${resource} accepts ${want.join(', ') || 'only metadata fields'}`, () => assert.deepEqual([...(def(resource).strategy.fieldSelectorKeys ?? [])], want));
  }

  const attrs: Array<[string, KubeObject, Record<string, string>]> = [
    ['nodes', obj({ spec: { unschedulable: true } }), { 'spec.unschedulable': 'true' }],
    ['nodes', obj({}), { 'spec.unschedulable': 'false' }],
    ['replicationcontrollers', obj({ status: { replicas: 3 } }), { 'status.replicas': '3' }],
    ['replicationcontrollers', obj({}), { 'status.replicas': '0' }],
    ['services', obj({ spec: { clusterIP: '10.0.0.1', type: 'NodePort' } }), { 'spec.clusterIP': '10.0.0.1', 'spec.type': 'NodePort' }],
    ['services', obj({ spec: {} }), { 'spec.clusterIP': '', 'spec.type': 'ClusterIP' }],
  ];
  for (const [resource, o, want] of attrs) {
    it(`${resource} ${JSON.stringify(o.spec ?? o.status ?? {})}`, () => assert.deepEqual(def(resource).strategy.fieldSelectorAttrs!(o), want));
  }
});

describe('event field selectors', () => {
  it('core/v1: involvedObject.*, reason, reportingComponent, source, type', () => {
    const e = obj({
      involvedObject: { kind: 'Pod', namespace: 'ns', name: 'p', uid: 'u1', apiVersion: 'v1', resourceVersion: '7', fieldPath: 'spec.containers{c}' },
      reason: 'Started', reportingComponent: 'kubelet', type: 'Normal',
    });
    assert.deepEqual(coreEventStrategy.fieldSelectorAttrs!(e), {
      'involvedObject.kind': 'Pod', 'involvedObject.namespace': 'ns', 'involvedObject.name': 'p', 'involvedObject.uid': 'u1',
      'involvedObject.apiVersion': 'v1', 'involvedObject.resourceVersion': '7', 'involvedObject.fieldPath': 'spec.containers{c}',
      reason: 'Started', reportingComponent: 'kubelet', source: 'kubelet', type: 'Normal',
    });
  });

  it('core/v1: source.component wins over reportingComponent', () => {
    const e = obj({ source: { component: 'scheduler' }, reportingComponent: 'other' });
    assert.equal(coreEventStrategy.fieldSelectorAttrs!(e).source, 'scheduler');
  });

  it('events.k8s.io/v1: regarding.* and reportingController', () => {
    const e = obj({ regarding: { kind: 'Node', name: 'n1' }, reportingController: 'kubelet', reason: 'Ready', type: 'Normal' });
    const a = eventsV1Strategy.fieldSelectorAttrs!(e);
    assert.equal(a['regarding.kind'], 'Node');
    assert.equal(a['regarding.name'], 'n1');
    assert.equal(a['regarding.namespace'], '');
    assert.equal(a.reportingController, 'kubelet');
    assert.equal(a.source, 'kubelet');
    assert.deepEqual([...eventsV1Strategy.fieldSelectorKeys!].sort(), [
      'reason', 'regarding.apiVersion', 'regarding.fieldPath', 'regarding.kind', 'regarding.name', 'regarding.namespace',
      'regarding.resourceVersion', 'regarding.uid', 'reportingController', 'source', 'type',
    ]);
  });
});
