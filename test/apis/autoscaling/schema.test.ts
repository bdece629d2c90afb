import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinSchema } from '../../../src/schema/tables.js';
import { autoscalingTypes } from '../../../src/apis/autoscaling/schema.js';
import { assertDescribed, groupKinds } from '../schema-check.js';

const { types, kinds } = builtinSchema;
const required = (ref: string) => types.get(ref)!.fields.filter((f) => f.meta.required).map((f) => f.name);

test('autoscaling: HPA is served as v1 and v2 by two types; Scale as v1', () => {
  assert.equal(kinds.get('autoscaling/v1/HorizontalPodAutoscaler')?.ref, 'AutoscalingV1HorizontalPodAutoscaler');
  assert.equal(kinds.get('autoscaling/v2/HorizontalPodAutoscaler')?.ref, 'AutoscalingV2HorizontalPodAutoscaler');
  assert.equal(kinds.get('autoscaling/v2/HorizontalPodAutoscalerList')?.name, 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerList');
  assert.equal(kinds.get('autoscaling/v1/Scale')?.name, 'io.k8s.api.autoscaling.v1.Scale');
  assert.equal(groupKinds(kinds, autoscalingTypes).length, 5);
  assertDescribed(autoscalingTypes);
});

test('autoscaling: required fields, atomic references and merge keys as upstream', () => {
  assert.deepEqual(required('AutoscalingV1HorizontalPodAutoscalerSpec'), ['scaleTargetRef', 'maxReplicas']);
  assert.deepEqual(required('AutoscalingV1HorizontalPodAutoscalerStatus'), ['currentReplicas', 'desiredReplicas']);
  assert.deepEqual(required('AutoscalingV2HorizontalPodAutoscalerSpec'), ['scaleTargetRef', 'maxReplicas']);
  assert.deepEqual(required('AutoscalingV2HorizontalPodAutoscalerStatus'), ['desiredReplicas']);
  assert.deepEqual(required('ScaleStatus'), ['replicas']);
  assert.deepEqual(required('HPAScalingPolicy'), ['type', 'value', 'periodSeconds']);
  assert.deepEqual(required('ObjectMetricSource'), ['describedObject', 'target', 'metric']);
  assert.deepEqual(required('ContainerResourceMetricStatus'), ['name', 'current', 'container']);
  for (const v of ['V1', 'V2']) {
    const ref = types.get(`Autoscaling${v}CrossVersionObjectReference`)!;
    assert.equal(ref.structType, 'atomic');
    assert.deepEqual(required(ref.ref), ['kind', 'name']);
  }
  const conditions = types.get('AutoscalingV2HorizontalPodAutoscalerStatus')!.fields.find((f) => f.name === 'conditions')!;
  assert.deepEqual(conditions.meta, { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] });
  // MetricSpec: containerResource (7) sits between resource (4) and external (5), as in Go.
  assert.deepEqual(types.get('MetricSpec')!.fields.map((f) => f.number), [1, 2, 3, 4, 7, 5]);
  assert.deepEqual(types.get('HPAScalingRules')!.fields.map((f) => f.number), [3, 1, 2]);
  assert.equal(types.get('MetricTarget')!.fields.find((f) => f.name === 'averageValue')!.type?.wellKnown, 'Quantity');
});
