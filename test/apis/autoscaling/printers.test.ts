/** The HPA printer: REFERENCE, TARGETS for every metric type, MINPODS/MAXPODS/REPLICAS. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { autoscalingPrinters, formatHPAMetrics } from '../../../src/apis/autoscaling/printers.js';
import type { KubeObject } from '../../../src/apis/meta/types.js';

const t = { timeout: 10_000 };
const cpu = (target: object) => ({ type: 'Resource', resource: { name: 'cpu', target } });

describe('horizontalpodautoscalers', t, () => {
  const cases: Array<[string, unknown, unknown, string]> = [
    ['no metrics', undefined, undefined, '<none>'],
    ['utilization, not measured yet', [cpu({ type: 'Utilization', averageUtilization: 80 })], undefined, 'cpu: <unknown>/80%'],
    ['utilization, measured', [cpu({ type: 'Utilization', averageUtilization: 80 })], [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 35, averageValue: '120m' } } }], 'cpu: 35%/80%'],
    ['no utilization target', [cpu({ type: 'Utilization' })], undefined, 'cpu: <unknown>/<auto>'],
    ['average value', [{ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '500Mi' } } }], [{ type: 'Resource', resource: { name: 'memory', current: { averageValue: '200Mi' } } }], 'memory: 200Mi/500Mi'],
    ['container resource', [{ type: 'ContainerResource', containerResource: { name: 'cpu', container: 'app', target: { type: 'Utilization', averageUtilization: 60 } } }], undefined, 'cpu: <unknown>/60%'],
    ['pods', [{ type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } }], [{ type: 'Pods', pods: { current: { averageValue: '7' } } }], '7/10'],
    ['object value', [{ type: 'Object', object: { metric: { name: 'rps' }, target: { type: 'Value', value: '100' } } }], undefined, '<unknown>/100'],
    ['object average', [{ type: 'Object', object: { target: { type: 'AverageValue', averageValue: '5' } } }], [{ type: 'Object', object: { current: { averageValue: '3' } } }], '3/5 (avg)'],
    ['external value', [{ type: 'External', external: { target: { type: 'Value', value: '2k' } } }], [{ type: 'External', external: { current: { value: '1k' } } }], '1k/2k'],
    ['three metrics: two shown', [cpu({ averageUtilization: 50 }), cpu({ averageUtilization: 60 }), cpu({ averageUtilization: 70 })], undefined, 'cpu: <unknown>/50%, cpu: <unknown>/60% + 1 more...'],
    ['unknown type', [{ type: 'Magic' }], undefined, '<unknown type>'],
  ];
  for (const [name, specs, statuses, want] of cases) it(`TARGETS: ${name}`, () => assert.equal(formatHPAMetrics(specs, statuses), want));

  it('row', () => {
    const hpa = {
      metadata: { name: 'web', creationTimestamp: new Date(Date.parse('2026-03-01T12:00:00Z') - 60_000).toISOString() },
      spec: { scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' }, minReplicas: 2, maxReplicas: 10, metrics: [cpu({ type: 'Utilization', averageUtilization: 80 })] },
      status: { currentReplicas: 3 },
    };
    assert.deepEqual(autoscalingPrinters.horizontalpodautoscalers.columns.map((c) => c.name), ['Name', 'Reference', 'Targets', 'MinPods', 'MaxPods', 'Replicas', 'Age']);
    assert.deepEqual(autoscalingPrinters.horizontalpodautoscalers.cells(hpa as KubeObject, Date.parse('2026-03-01T12:00:00Z')), ['web', 'Deployment/web', 'cpu: <unknown>/80%', '2', 10, 3, '60s']);
    assert.equal(autoscalingPrinters.horizontalpodautoscalers.cells({ metadata: {}, spec: { maxReplicas: 1 } } as KubeObject, 0)[3], '<unset>');
  });
});
