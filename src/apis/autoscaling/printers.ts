/**
 * The horizontalpodautoscalers Table (printHorizontalPodAutoscaler upstream), printed from the
 * stored autoscaling/v2 shape whatever version the client asked for: TARGETS pairs each metric's
 * current value (from status.currentMetrics at the same index) with its target.
 */
import { age, col, int, type Loose, nameColumn, ageColumn, type Printer, text } from '../meta/printing.js';

const unknown = '<unknown>';

/** value/target for Object and External metrics: an average value gets " (avg)". */
function valueOrAverage(target: Loose, current: Loose): string {
  if (target?.averageValue !== undefined) {
    const cur = current?.averageValue !== undefined ? text(current.averageValue) : unknown;
    return `${cur}/${text(target.averageValue)} (avg)`;
  }
  return `${current ? text(current.value) : unknown}/${text(target?.value)}`;
}

/** name: current/target for Resource and ContainerResource metrics, as utilization or value. */
function resourceMetric(spec: Loose, current: Loose): string {
  const name = spec?.name ?? '';
  if (spec?.target?.averageValue !== undefined) {
    return `${name}: ${current ? text(current.current?.averageValue) : unknown}/${text(spec.target.averageValue)}`;
  }
  const util = current?.current?.averageUtilization;
  const cur = typeof util === 'number' ? `${util}%` : unknown;
  const target = typeof spec?.target?.averageUtilization === 'number' ? `${spec.target.averageUtilization}%` : '<auto>';
  return `${name}: ${cur}/${target}`;
}

function formatMetric(spec: Loose, status: Loose): string {
  switch (spec?.type) {
    case 'External': return valueOrAverage(spec.external?.target, status?.external?.current);
    case 'Object': return valueOrAverage(spec.object?.target, status?.object?.current);
    case 'Pods': return `${status?.pods ? text(status.pods.current?.averageValue) : unknown}/${text(spec.pods?.target?.averageValue)}`;
    case 'Resource': return resourceMetric(spec.resource, status?.resource);
    case 'ContainerResource': return resourceMetric(spec.containerResource, status?.containerResource);
  }
  return '<unknown type>';
}

/** TARGETS: the first two metrics, then "+ N more..."; "<none>" without metrics. */
export function formatHPAMetrics(specs: Loose, statuses: Loose): string {
  const list: Loose[] = Array.isArray(specs) ? specs : [];
  if (list.length === 0) return '<none>';
  const current: Loose[] = Array.isArray(statuses) ? statuses : [];
  const shown = list.slice(0, 2).map((s, i) => formatMetric(s, current[i]));
  return list.length > 2 ? `${shown.join(', ')} + ${list.length - 2} more...` : shown.join(', ');
}

export const autoscalingPrinters: Record<string, Printer> = {
  horizontalpodautoscalers: {
    columns: [
      nameColumn,
      col('Reference', 'string', 'The workload being scaled, as kind/name.'),
      col('Targets', 'string', 'Each metric\'s current value against its target.'),
      col('MinPods', 'string', 'The fewest replicas the autoscaler scales down to.'),
      col('MaxPods', 'string', 'The most replicas the autoscaler scales up to.'),
      col('Replicas', 'string', 'The replicas the autoscaler last saw.'),
      ageColumn,
    ],
    cells(hpa: Loose, now) {
      const spec = hpa.spec ?? {};
      const ref = spec.scaleTargetRef ?? {};
      const minPods = typeof spec.minReplicas === 'number' ? String(spec.minReplicas) : '<unset>';
      return [
        hpa.metadata.name ?? '', `${ref.kind ?? ''}/${ref.name ?? ''}`, formatHPAMetrics(spec.metrics, hpa.status?.currentMetrics), minPods,
        int(spec.maxReplicas), int(hpa.status?.currentReplicas), age(hpa, now),
      ];
    },
  },
};
