/**
 * autoscaling type table: v1 (staging/src/k8s.io/api/autoscaling/v1/types.go: the CPU-only
 * HorizontalPodAutoscaler and Scale, the body of every scale subresource) and v2 (the metrics
 * HorizontalPodAutoscaler, .../autoscaling/v2/types.go). Names both versions share get an
 * AutoscalingV1 / AutoscalingV2 prefix (format.ts prefix rule); the rest keep their Go names.
 * Data table; format: src/schema/format.ts.
 */
import type { FieldMeta, GroupVersionKind, TypeTable } from '../../schema/format.js';

const v1 = (kind: string): GroupVersionKind[] => [{ group: 'autoscaling', version: 'v1', kind }];
const v2 = (kind: string): GroupVersionKind[] => [{ group: 'autoscaling', version: 'v2', kind }];
const required: FieldMeta = { required: true };
const metadata = ['1 metadata ObjectMeta', "The object's standard metadata: name, namespace, labels, annotations and so on."] as const;
const listMetadata = ['1 metadata ListMeta', "The list's metadata: resourceVersion and the continue token for paging."] as const;

/** The same reference type in both versions, differing only in its package. */
const crossVersionObjectReference = (version: string) => ({
  name: `io.k8s.api.autoscaling.${version}.CrossVersionObjectReference`,
  description: 'Identifies an object by kind and name (and optionally apiVersion), in the referrer\'s namespace.',
  structType: 'atomic' as const,
  fields: [
    ['1 kind !', 'The kind of the object, e.g. Deployment.', required],
    ['2 name !', 'The name of the object.', required],
    ['3 apiVersion', 'The API version of the object, e.g. apps/v1.'],
  ] as const,
});

export const autoscalingTypes: TypeTable = {
  // autoscaling/v1
  Scale: {
    name: 'io.k8s.api.autoscaling.v1.Scale',
    description: 'The scale subresource of a scalable object: its desired and observed replica counts.',
    gvk: v1('Scale'),
    fields: [
      ['1 metadata ObjectMeta', 'The metadata of the scaled object (name, namespace, resourceVersion).'],
      ['2 spec ScaleSpec', 'The desired scale.'],
      ['3 status ScaleStatus', 'The observed scale; read-only.'],
    ],
  },
  ScaleSpec: {
    name: 'io.k8s.api.autoscaling.v1.ScaleSpec',
    description: 'The desired scale of an object.',
    fields: [['1 replicas i32', 'The desired number of replicas.']],
  },
  ScaleStatus: {
    name: 'io.k8s.api.autoscaling.v1.ScaleStatus',
    description: 'The observed scale of an object.',
    fields: [
      ['1 replicas i32!', 'The number of replicas observed.', required],
      ['2 selector', 'The label selector of the counted pods, in query-string form (e.g. app=web,tier!=db).'],
    ],
  },
  AutoscalingV1HorizontalPodAutoscaler: {
    name: 'io.k8s.api.autoscaling.v1.HorizontalPodAutoscaler',
    description: 'A HorizontalPodAutoscaler adjusts the replica count of a scalable object from its pods\' CPU use (v1 supports CPU only; use v2 for other metrics).',
    gvk: v1('HorizontalPodAutoscaler'),
    fields: [
      metadata,
      ['2 spec AutoscalingV1HorizontalPodAutoscalerSpec', 'The target and the replica bounds.'],
      ['3 status AutoscalingV1HorizontalPodAutoscalerStatus', 'What the autoscaler last observed and decided.'],
    ],
  },
  AutoscalingV1HorizontalPodAutoscalerList: {
    name: 'io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerList',
    description: 'A list of HorizontalPodAutoscalers.',
    gvk: v1('HorizontalPodAutoscalerList'),
    fields: [listMetadata, ['2 items AutoscalingV1HorizontalPodAutoscaler[]!', 'The HorizontalPodAutoscalers.', { required: true }]],
  },
  AutoscalingV1HorizontalPodAutoscalerSpec: {
    name: 'io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerSpec',
    description: 'What a v1 HorizontalPodAutoscaler scales and within which bounds.',
    fields: [
      ['1 scaleTargetRef AutoscalingV1CrossVersionObjectReference', 'The object to scale; its pods supply the CPU metric.', required],
      ['2 minReplicas i32*', 'The fewest replicas to scale down to. Defaults to 1; 0 only with the HPAScaleToZero feature and an object or external metric.'],
      ['3 maxReplicas i32!', 'The most replicas to scale up to; at least minReplicas.', required],
      ['4 targetCPUUtilizationPercentage i32*', 'The average CPU use to aim for, as a percentage of requested CPU. Unset uses the default policy.'],
    ],
  },
  AutoscalingV1HorizontalPodAutoscalerStatus: {
    name: 'io.k8s.api.autoscaling.v1.HorizontalPodAutoscalerStatus',
    description: 'The observed state of a v1 HorizontalPodAutoscaler.',
    fields: [
      ['1 observedGeneration i64*', 'The metadata.generation the autoscaler last acted on.'],
      ['2 lastScaleTime Time', 'When the autoscaler last changed the replica count.'],
      ['3 currentReplicas i32!', 'The replica count last seen.', required],
      ['4 desiredReplicas i32!', 'The replica count last computed.', required],
      ['5 currentCPUUtilizationPercentage i32*', 'The average CPU use last seen, as a percentage of requested CPU.'],
    ],
  },
  AutoscalingV1CrossVersionObjectReference: crossVersionObjectReference('v1'),

  // autoscaling/v2
  AutoscalingV2HorizontalPodAutoscaler: {
    name: 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler',
    description: 'A HorizontalPodAutoscaler adjusts the replica count of a scalable object (one with a scale subresource) to keep the given metrics near their targets.',
    gvk: v2('HorizontalPodAutoscaler'),
    fields: [
      metadata,
      ['2 spec AutoscalingV2HorizontalPodAutoscalerSpec', 'The target, replica bounds, metrics and scaling behavior.'],
      ['3 status AutoscalingV2HorizontalPodAutoscalerStatus', 'What the autoscaler last observed and decided.'],
    ],
  },
  AutoscalingV2HorizontalPodAutoscalerList: {
    name: 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerList',
    description: 'A list of HorizontalPodAutoscalers.',
    gvk: v2('HorizontalPodAutoscalerList'),
    fields: [listMetadata, ['2 items AutoscalingV2HorizontalPodAutoscaler[]!', 'The HorizontalPodAutoscalers.', { required: true }]],
  },
  AutoscalingV2HorizontalPodAutoscalerSpec: {
    name: 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerSpec',
    description: 'What a HorizontalPodAutoscaler scales, on which metrics and how fast.',
    fields: [
      ['1 scaleTargetRef AutoscalingV2CrossVersionObjectReference', 'The object to scale; its pods supply per-pod metrics.', required],
      ['2 minReplicas i32*', 'The fewest replicas to scale down to. Defaults to 1; 0 only with the HPAScaleToZero feature and an object or external metric.'],
      ['3 maxReplicas i32!', 'The most replicas to scale up to; at least minReplicas.', required],
      ['4 metrics MetricSpec[]', 'The metrics to track; each proposes a replica count and the largest wins. Defaults to 80% average CPU utilization.', { listType: 'atomic' }],
      ['5 behavior HorizontalPodAutoscalerBehavior', 'Rate limits and stabilization for scaling up and down. Unset uses the defaults.'],
    ],
  },
  HorizontalPodAutoscalerBehavior: {
    name: 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerBehavior',
    description: 'How fast a HorizontalPodAutoscaler may scale in each direction.',
    fields: [
      ['1 scaleUp HPAScalingRules', 'Rules for scaling up. Defaults to the larger of +4 pods or doubling per 15 seconds, with no stabilization.'],
      ['2 scaleDown HPAScalingRules', 'Rules for scaling down. Defaults to allowing any decrease, using the highest recommendation of the last 300 seconds.'],
    ],
  },
  HPAScalingRules: {
    name: 'io.k8s.api.autoscaling.v2.HPAScalingRules',
    description: 'Limits on scaling in one direction: rate policies and a stabilization window that damps flapping.',
    fields: [
      ['3 stabilizationWindowSeconds i32*', 'Seconds of past recommendations to consider, 0 to 3600; the most conservative one is used. Defaults to 0 up and 300 down.'],
      ['1 selectPolicy *', 'Which policy applies when several allow different changes: Max (the default), Min, or Disabled to forbid scaling in this direction.'],
      ['2 policies HPAScalingPolicy[]', 'Rate limits on the change. Unset uses the direction\'s defaults.', { listType: 'atomic' }],
    ],
  },
  HPAScalingPolicy: {
    name: 'io.k8s.api.autoscaling.v2.HPAScalingPolicy',
    description: 'One rate limit: at most this much change within a period.',
    fields: [
      ['1 type !', 'Pods (an absolute count) or Percent (of the current replicas).', required],
      ['2 value i32!', 'The allowed change; greater than zero.', required],
      ['3 periodSeconds i32!', 'The window the limit applies to, 1 to 1800 seconds.', required],
    ],
  },
  MetricSpec: {
    name: 'io.k8s.api.autoscaling.v2.MetricSpec',
    description: 'One metric to scale on; set type and the one matching field.',
    fields: [
      ['1 type !', 'The metric source: ContainerResource, External, Object, Pods or Resource.', required],
      ['2 object ObjectMetricSource', 'A metric of one Kubernetes object, e.g. requests per second on an Ingress.'],
      ['3 pods PodsMetricSource', 'A metric of each pod of the target, averaged across them.'],
      ['4 resource ResourceMetricSource', 'A resource (cpu, memory) from requests and limits, averaged across the target\'s pods.'],
      ['7 containerResource ContainerResourceMetricSource', 'A resource of one container in each of the target\'s pods, averaged across them.'],
      ['5 external ExternalMetricSource', 'A metric from outside the cluster, e.g. a queue length.'],
    ],
  },
  ObjectMetricSource: {
    name: 'io.k8s.api.autoscaling.v2.ObjectMetricSource',
    description: 'Scale on a metric describing one Kubernetes object.',
    fields: [
      ['1 describedObject AutoscalingV2CrossVersionObjectReference', 'The object the metric describes.', required],
      ['2 target MetricTarget', 'The value to aim for.', required],
      ['3 metric MetricIdentifier', 'The metric, by name and selector.', required],
    ],
  },
  PodsMetricSource: {
    name: 'io.k8s.api.autoscaling.v2.PodsMetricSource',
    description: 'Scale on a metric of each pod of the target, averaged before comparing; only AverageValue targets.',
    fields: [
      ['1 metric MetricIdentifier', 'The metric, by name and selector.', required],
      ['2 target MetricTarget', 'The value to aim for.', required],
    ],
  },
  ResourceMetricSource: {
    name: 'io.k8s.api.autoscaling.v2.ResourceMetricSource',
    description: 'Scale on a resource known from requests and limits (e.g. cpu), averaged across the target\'s pods.',
    fields: [
      ['1 name !', 'The resource name, e.g. cpu or memory.', required],
      ['2 target MetricTarget', 'The value or utilization to aim for.', required],
    ],
  },
  ContainerResourceMetricSource: {
    name: 'io.k8s.api.autoscaling.v2.ContainerResourceMetricSource',
    description: 'Scale on a resource of one container in each of the target\'s pods, averaged across them.',
    fields: [
      ['1 name !', 'The resource name, e.g. cpu or memory.', required],
      ['2 target MetricTarget', 'The value or utilization to aim for.', required],
      ['3 container !', 'The container, by name, in the target\'s pods.', required],
    ],
  },
  ExternalMetricSource: {
    name: 'io.k8s.api.autoscaling.v2.ExternalMetricSource',
    description: 'Scale on a metric not tied to any Kubernetes object, e.g. a cloud queue length.',
    fields: [
      ['1 metric MetricIdentifier', 'The metric, by name and selector.', required],
      ['2 target MetricTarget', 'The value to aim for.', required],
    ],
  },
  MetricIdentifier: {
    name: 'io.k8s.api.autoscaling.v2.MetricIdentifier',
    description: 'Names a metric, optionally narrowed by labels.',
    fields: [
      ['1 name !', 'The metric name.', required],
      ['2 selector LabelSelector', 'Labels passed to the metrics server to narrow the metric; unset uses the name alone.'],
    ],
  },
  MetricTarget: {
    name: 'io.k8s.api.autoscaling.v2.MetricTarget',
    description: 'The target of a metric: a value, an average value, or an average utilization.',
    fields: [
      ['1 type !', 'Which field holds the target: Value, AverageValue or Utilization.', required],
      ['2 value Quantity', 'The target value of the metric as a whole.'],
      ['3 averageValue Quantity', 'The target value of the metric averaged over the pods.'],
      ['4 averageUtilization i32*', 'The target average use, as a percentage of the pods\' requests; resource metrics only.'],
    ],
  },
  AutoscalingV2HorizontalPodAutoscalerStatus: {
    name: 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus',
    description: 'The observed state of a HorizontalPodAutoscaler.',
    fields: [
      ['1 observedGeneration i64*', 'The metadata.generation the autoscaler last acted on.'],
      ['2 lastScaleTime Time', 'When the autoscaler last changed the replica count.'],
      ['3 currentReplicas i32', 'The replica count last seen.'],
      ['4 desiredReplicas i32!', 'The replica count last computed.', required],
      ['5 currentMetrics MetricStatus[]', 'The metric values last read.', { listType: 'atomic' }],
      ['6 conditions HorizontalPodAutoscalerCondition[]', 'Whether the autoscaler can scale and whether it is limited: AbleToScale, ScalingActive, ScalingLimited.', { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
    ],
  },
  HorizontalPodAutoscalerCondition: {
    name: 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerCondition',
    description: 'One aspect of the state of a HorizontalPodAutoscaler at a point in time.',
    fields: [
      ['1 type !', 'AbleToScale, ScalingActive or ScalingLimited.', required],
      ['2 status !', 'True, False or Unknown.', required],
      ['3 lastTransitionTime Time', 'When the condition last changed from one status to another.'],
      ['4 reason', 'A one-word CamelCase reason for the last transition.'],
      ['5 message', 'A human-readable explanation of the last transition.'],
    ],
  },
  MetricStatus: {
    name: 'io.k8s.api.autoscaling.v2.MetricStatus',
    description: 'The last value read for one metric; type says which field is set.',
    fields: [
      ['1 type !', 'The metric source: ContainerResource, External, Object, Pods or Resource.', required],
      ['2 object ObjectMetricStatus', 'The value of an object metric.'],
      ['3 pods PodsMetricStatus', 'The value of a per-pod metric.'],
      ['4 resource ResourceMetricStatus', 'The value of a resource metric.'],
      ['7 containerResource ContainerResourceMetricStatus', 'The value of a container resource metric.'],
      ['5 external ExternalMetricStatus', 'The value of an external metric.'],
    ],
  },
  ObjectMetricStatus: {
    name: 'io.k8s.api.autoscaling.v2.ObjectMetricStatus',
    description: 'The last value of a metric describing one Kubernetes object.',
    fields: [
      ['1 metric MetricIdentifier', 'The metric, by name and selector.', required],
      ['2 current MetricValueStatus', 'The value read.', required],
      ['3 describedObject AutoscalingV2CrossVersionObjectReference', 'The object the metric describes.', required],
    ],
  },
  PodsMetricStatus: {
    name: 'io.k8s.api.autoscaling.v2.PodsMetricStatus',
    description: 'The last value of a per-pod metric, averaged over the target\'s pods.',
    fields: [
      ['1 metric MetricIdentifier', 'The metric, by name and selector.', required],
      ['2 current MetricValueStatus', 'The value read.', required],
    ],
  },
  ResourceMetricStatus: {
    name: 'io.k8s.api.autoscaling.v2.ResourceMetricStatus',
    description: 'The last value of a resource metric, averaged over the target\'s pods.',
    fields: [
      ['1 name !', 'The resource name, e.g. cpu.', required],
      ['2 current MetricValueStatus', 'The value read.', required],
    ],
  },
  ContainerResourceMetricStatus: {
    name: 'io.k8s.api.autoscaling.v2.ContainerResourceMetricStatus',
    description: 'The last value of a container resource metric, averaged over the target\'s pods.',
    fields: [
      ['1 name !', 'The resource name, e.g. cpu.', required],
      ['2 current MetricValueStatus', 'The value read.', required],
      ['3 container !', 'The container, by name.', required],
    ],
  },
  ExternalMetricStatus: {
    name: 'io.k8s.api.autoscaling.v2.ExternalMetricStatus',
    description: 'The last value of an external metric.',
    fields: [
      ['1 metric MetricIdentifier', 'The metric, by name and selector.', required],
      ['2 current MetricValueStatus', 'The value read.', required],
    ],
  },
  MetricValueStatus: {
    name: 'io.k8s.api.autoscaling.v2.MetricValueStatus',
    description: 'A metric reading, in the form its target used.',
    fields: [
      ['1 value Quantity', 'The value of the metric as a whole.'],
      ['2 averageValue Quantity', 'The value averaged over the pods.'],
      ['3 averageUtilization i32*', 'The average use, as a percentage of the pods\' requests.'],
    ],
  },
  AutoscalingV2CrossVersionObjectReference: crossVersionObjectReference('v2'),
};
