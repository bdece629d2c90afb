import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hpaV1ToV2, hpaV2ToV1 } from '../../../src/apis/autoscaling/conversion.js';

const ref = { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' };

describe('HorizontalPodAutoscaler conversion between autoscaling/v1 and v2', () => {
  it('turns the v1 CPU target into a v2 Resource metric and back', () => {
    const v1 = { apiVersion: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' }, spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 4, targetCPUUtilizationPercentage: 60 } };
    const v2 = hpaV1ToV2(v1);
    assert.deepEqual(v2.spec, { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 4, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }] });
    assert.deepEqual(hpaV2ToV1(v2), v1);
  });
  it('keeps v2-only metrics, behavior and conditions through a v1 round trip', () => {
    const v2 = {
      apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' },
      spec: { scaleTargetRef: ref, maxReplicas: 9, metrics: [{ type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '10' } } }], behavior: { scaleDown: { stabilizationWindowSeconds: 30 } } },
      status: { currentReplicas: 2, desiredReplicas: 3, conditions: [{ type: 'AbleToScale', status: 'True' }], currentMetrics: [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 55 } } }] },
    };
    const v1 = hpaV2ToV1(v2);
    assert.equal((v1.spec as Record<string, unknown>).metrics, undefined);
    assert.equal((v1.status as Record<string, unknown>).currentCPUUtilizationPercentage, 55);
    assert.ok(v1.metadata.annotations?.['autoscaling.alpha.kubernetes.io/metrics']);
    assert.deepEqual(hpaV1ToV2(v1), v2);
  });
});
