/**
 * Tables for nodes and events (printNode, printEvent upstream). Events print the same way through
 * core/v1 and events.k8s.io/v1, since both are stored as core/v1 Events.
 */
import { age, col, condition, type Loose, nameColumn, ageColumn, type Printer, since } from '../meta/printing.js';
import type { KubeObject } from '../meta/types.js';

const rolePrefix = 'node-role.kubernetes.io/';
const roleLabel = 'kubernetes.io/role';

/** ROLES: node-role.kubernetes.io/<role> label keys and the kubernetes.io/role value, sorted. */
export function nodeRoles(node: KubeObject): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(rolePrefix) && k.length > rolePrefix.length) roles.add(k.slice(rolePrefix.length));
    else if (k === roleLabel && v !== '') roles.add(v);
  }
  return roles.size === 0 ? '<none>' : [...roles].sort().join(',');
}

/** STATUS: Ready/NotReady from the Ready condition (Unknown without one), then SchedulingDisabled. */
export function nodeStatus(node: KubeObject): string {
  const ready = condition((node.status as Loose)?.conditions, 'Ready');
  const parts = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if ((node.spec as Loose)?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

const nodeAddress = (node: Loose, type: string): string =>
  (Array.isArray(node.status?.addresses) ? node.status.addresses : []).find((a: Loose) => a?.type === type)?.address ?? '<none>';

export const nodePrinter: Printer = {
  columns: [
    nameColumn,
    col('Status', 'string', 'Whether the node is ready for pods, and whether scheduling onto it is disabled.'),
    col('Roles', 'string', 'The roles the node\'s labels give it.'),
    ageColumn,
    col('Version', 'string', 'The kubelet version the node reports.'),
    col('Internal-IP', 'string', 'The node\'s first internal address.', 1),
    col('External-IP', 'string', 'The node\'s first external address.', 1),
    col('OS-Image', 'string', 'The operating system image the node reports.', 1),
    col('Kernel-Version', 'string', 'The kernel version the node reports.', 1),
    col('Container-Runtime', 'string', 'The container runtime and version the node reports.', 1),
  ],
  cells(node, now) {
    const info: Loose = (node.status as Loose)?.nodeInfo ?? {};
    return [
      node.metadata.name ?? '', nodeStatus(node), nodeRoles(node), age(node, now), info.kubeletVersion ?? '',
      nodeAddress(node, 'InternalIP'), nodeAddress(node, 'ExternalIP'),
      info.osImage || '<unknown>', info.kernelVersion || '<unknown>', info.containerRuntimeVersion || '<unknown>',
    ];
  },
};

/** SOURCE: component (or reporting controller), then ", host" (or reporting instance) when known. */
function eventSource(ev: Loose): string {
  const component = ev.source?.component || ev.reportingComponent || '';
  const host = ev.source?.host || ev.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

/** LAST SEEN, FIRST SEEN and COUNT, falling back to the newer eventTime/series fields. */
export function eventTimes(ev: Loose, now: number): { first: string; last: string; count: number } {
  const first = ev.firstTimestamp ? since(ev.firstTimestamp, now) : since(ev.eventTime, now);
  let last = ev.lastTimestamp ? since(ev.lastTimestamp, now) : first;
  let count: number = ev.count ?? 0;
  if (ev.series) {
    last = since(ev.series.lastObservedTime, now);
    count = ev.series.count ?? 0;
  } else if (count === 0) {
    count = 1; // events written through events.k8s.io without a series happened once
  }
  return { first, last, count };
}

export const eventPrinter: Printer = {
  columns: [
    col('Last Seen', 'string', 'How long ago the event was last observed.'),
    col('Type', 'string', 'Normal or Warning.'),
    col('Reason', 'string', 'A short machine-readable cause of the event.'),
    col('Object', 'string', 'The object the event is about, as kind/name.'),
    col('Subobject', 'string', 'The part of the object the event is about, such as one container.', 1),
    col('Source', 'string', 'The component (and host) that reported the event.', 1),
    col('Message', 'string', 'What happened, in words.'),
    col('First Seen', 'string', 'How long ago the event was first observed.', 1),
    col('Count', 'string', 'How many times the event has been observed.', 1),
    col('Name', 'string', 'The event object\'s own name.', 1, 'name'),
  ],
  cells(ev: Loose, now) {
    const t = eventTimes(ev, now);
    const involved = ev.involvedObject ?? {};
    const kind = String(involved.kind ?? '').toLowerCase();
    const target = involved.name ? `${kind}/${involved.name}` : kind;
    return [t.last, ev.type ?? '', ev.reason ?? '', target, involved.fieldPath ?? '', eventSource(ev), String(ev.message ?? '').trim(), t.first, t.count, ev.metadata.name ?? ''];
  },
};
