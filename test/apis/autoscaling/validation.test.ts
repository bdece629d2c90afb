import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { createErrors, strategyOf } from '../strategy-fixture.js';

const hpa = (spec: Record<string, unknown>): KubeObject =>
  ({ metadata: { name: 'web', namespace: 'ns' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5, ...spec } });
const cpu = (target: Record<string, unknown>) => ({ type: 'Resource', resource: { name: 'cpu', target } });

describe('autoscaling/v2 HorizontalPodAutoscaler', () => {
  const s = strategyOf('autoscaling', 'horizontalpodautoscalers');

  it('defaults minReplicas and a CPU metric; no behavior unless asked', () => {
    const o = hpa({});
    assert.deepEqual(createErrors(s, o), []);
    const spec = o.spec as Record<string, unknown>;
    assert.equal(spec.minReplicas, 1);
    assert.deepEqual(spec.metrics, [cpu({ type: 'Utilization', averageUtilization: 80 })]);
    assert.equal(spec.behavior, undefined);
  });

  it('completes a partial behavior with the default rules', () => {
    const o = hpa({ behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } });
    assert.deepEqual(createErrors(s, o), []);
    assert.deepEqual((o.spec as Record<string, unknown>).behavior, {
      scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
      scaleDown: { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }], stabilizationWindowSeconds: 60 },
    });
  });

  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['minReplicas 0', { minReplicas: 0 }, ['spec.minReplicas: Invalid value: 0: must be greater than or equal to 1']],
    ['max below min', { minReplicas: 3, maxReplicas: 2 }, ['spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`']],
    ['no maxReplicas', { maxReplicas: undefined }, [
      'spec.maxReplicas: Invalid value: 0: must be greater than 0',
      'spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`',
    ]],
    ['target without kind', { scaleTargetRef: { name: 'web' } }, ['spec.scaleTargetRef.kind: Required value']],
    ['utilization below 1', { metrics: [cpu({ type: 'Utilization', averageUtilization: 0 })] }, ['spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0']],
    ['target type unknown', { metrics: [cpu({ type: 'Percent', averageUtilization: 50 })] }, ['spec.metrics[0].resource.target.type: Invalid value: "Percent": must be either Utilization, Value, or AverageValue']],
    ['metric without its source', { metrics: [{ type: 'Pods' }] }, ['spec.metrics[0].pods: Required value: must populate information for the given metric source']],
    ['two sources', { metrics: [{ ...cpu({ type: 'Utilization', averageUtilization: 50 }), pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '1' } } }] }, [
      'spec.metrics[0].pods: Forbidden: must populate the given metric source only',
    ]],
    ['bad scaling policy', { behavior: { scaleUp: { policies: [{ type: 'Pods', value: 0, periodSeconds: 1801 }] } } }, [
      'spec.behavior.scaleUp.policies[0].value: Invalid value: 0: must be greater than zero',
      'spec.behavior.scaleUp.policies[0].periodSeconds: Invalid value: 1801: must be less than or equal to 1800',
    ]],
  ];
  for (const [name, spec, want] of cases) it(name, () => assert.deepEqual(createErrors(s, hpa(spec)), want));
});
