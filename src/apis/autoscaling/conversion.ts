/**
 * HorizontalPodAutoscaler between autoscaling/v2 (stored) and autoscaling/v1
 * (pkg/apis/autoscaling/v1/conversion.go upstream): v1 has only a CPU utilization target; the v2
 * fields it cannot express travel in annotations so a v1 round trip loses nothing.
 * Difference from upstream: the annotations hold v2-shaped JSON (upstream uses v2beta1 shapes).
 */
import type { KubeObject } from '../meta/types.js';

const metricsAnnotation = 'autoscaling.alpha.kubernetes.io/metrics';
const currentMetricsAnnotation = 'autoscaling.alpha.kubernetes.io/current-metrics';
const conditionsAnnotation = 'autoscaling.alpha.kubernetes.io/conditions';
const behaviorAnnotation = 'autoscaling.alpha.kubernetes.io/behavior';

interface Metric { type?: string; resource?: { name?: string; target?: { type?: string; averageUtilization?: number }; current?: { averageUtilization?: number } } }
type Rec = Record<string, unknown>;

const isCpuUtilization = (m: Metric) => m.type === 'Resource' && m.resource?.name === 'cpu' && m.resource.target?.type === 'Utilization';

function parseAnnotation(annotations: Record<string, string>, key: string): unknown[] | Rec | undefined {
  const raw = annotations[key];
  delete annotations[key];
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as unknown[] | Rec;
  } catch {
    return undefined; // a hand-edited annotation that is not JSON is dropped, as upstream ignores it
  }
}

export function hpaV2ToV1(obj: KubeObject): KubeObject {
  const spec = { ...((obj.spec ?? {}) as Rec) };
  const status = obj.status ? { ...(obj.status as Rec) } : undefined;
  const annotations: Record<string, string> = { ...(obj.metadata.annotations ?? {}) };
  const metrics = (spec.metrics as Metric[] | undefined) ?? [];
  const cpu = metrics.find(isCpuUtilization);
  const others = metrics.filter((m) => m !== cpu);
  delete spec.metrics;
  if (cpu?.resource?.target?.averageUtilization !== undefined) spec.targetCPUUtilizationPercentage = cpu.resource.target.averageUtilization;
  if (others.length > 0) annotations[metricsAnnotation] = JSON.stringify(others);
  if (spec.behavior !== undefined) {
    annotations[behaviorAnnotation] = JSON.stringify(spec.behavior);
    delete spec.behavior;
  }
  if (status) {
    const current = (status.currentMetrics as Metric[] | undefined) ?? [];
    const cpuNow = current.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu');
    if (cpuNow?.resource?.current?.averageUtilization !== undefined) status.currentCPUUtilizationPercentage = cpuNow.resource.current.averageUtilization;
    const rest = current.filter((m) => m !== cpuNow);
    if (rest.length > 0) annotations[currentMetricsAnnotation] = JSON.stringify(rest);
    if (Array.isArray(status.conditions) && status.conditions.length > 0) annotations[conditionsAnnotation] = JSON.stringify(status.conditions);
    delete status.currentMetrics;
    delete status.conditions;
  }
  const metadata: KubeObject['metadata'] = { ...obj.metadata, annotations };
  if (Object.keys(annotations).length === 0) delete metadata.annotations;
  const out: KubeObject = { ...obj, apiVersion: 'autoscaling/v1', metadata, spec };
  if (status) out.status = status;
  return out;
}

export function hpaV1ToV2(obj: KubeObject): KubeObject {
  const spec = { ...((obj.spec ?? {}) as Rec) };
  const status = obj.status ? { ...(obj.status as Rec) } : undefined;
  const annotations: Record<string, string> = { ...(obj.metadata.annotations ?? {}) };
  const metrics: unknown[] = [];
  const target = spec.targetCPUUtilizationPercentage;
  delete spec.targetCPUUtilizationPercentage;
  if (typeof target === 'number') metrics.push({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } });
  const extra = parseAnnotation(annotations, metricsAnnotation);
  if (Array.isArray(extra)) metrics.push(...extra);
  if (metrics.length > 0) spec.metrics = metrics;
  const behavior = parseAnnotation(annotations, behaviorAnnotation);
  if (behavior !== undefined) spec.behavior = behavior;
  const currentExtra = parseAnnotation(annotations, currentMetricsAnnotation);
  const conditions = parseAnnotation(annotations, conditionsAnnotation);
  if (status) {
    const current: unknown[] = [];
    const cpuNow = status.currentCPUUtilizationPercentage;
    delete status.currentCPUUtilizationPercentage;
    if (typeof cpuNow === 'number') current.push({ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: cpuNow } } });
    if (Array.isArray(currentExtra)) current.push(...currentExtra);
    if (current.length > 0) status.currentMetrics = current;
    if (Array.isArray(conditions)) status.conditions = conditions;
  }
  const metadata: KubeObject['metadata'] = { ...obj.metadata, annotations };
  if (Object.keys(annotations).length === 0) delete metadata.annotations;
  const out: KubeObject = { ...obj, apiVersion: 'autoscaling/v2', metadata, spec };
  if (status) out.status = status;
  return out;
}
