/**
 * The pods Table: READY, STATUS and RESTARTS as kubectl users read them (printPod upstream).
 * STATUS is the pod's phase refined by its containers: the first failing or waiting init
 * container ("Init:1/3", "Init:CrashLoopBackOff"), else the last container with a waiting or
 * terminated reason, then Terminating/Unknown for pods being deleted.
 */
import { age, col, condition, humanDuration, type Loose, nameColumn, ageColumn, type Printer } from '../meta/printing.js';
import type { KubeObject } from '../meta/types.js';

const columns = [
  nameColumn,
  col('Ready', 'string', 'How many of the pod\'s containers (sidecars included) are ready, out of how many.'),
  col('Status', 'string', 'A one-word summary of the pod: its phase, or what its containers are doing or waiting for.'),
  col('Restarts', 'string', 'Container restarts in total, and how long ago the most recent one ended.'),
  ageColumn,
  col('IP', 'string', 'The pod\'s first IP address.', 1),
  col('Node', 'string', 'The node the pod is bound to.', 1),
  col('Nominated Node', 'string', 'The node the scheduler means to run the pod on once preemption frees room.', 1),
  col('Readiness Gates', 'string', 'How many of the extra readiness conditions the pod lists are true, out of how many.', 1),
];

const completed = (reason: string, message: string) => [{ type: 'Completed', status: 'True', reason, message }];
const succeededConditions = completed('Succeeded', 'The pod ran to completion.');
const failedConditions = completed('Failed', 'The pod ended in failure.');

/** A sidecar: an init container with restartPolicy Always, counted with the regular containers. */
const isSidecar = (c: Loose) => c?.restartPolicy === 'Always';

/** Keeps the latest lastState.terminated.finishedAt seen (ms since epoch; 0 when none). */
function lastTerminated(status: Loose, latest: number): number {
  const at = status?.lastState?.terminated?.finishedAt;
  const t = typeof at === 'string' ? Date.parse(at) : NaN;
  return !Number.isNaN(t) && t > latest ? t : latest;
}

function terminatedReason(term: Loose, prefix: string): string {
  if (term.reason) return prefix + term.reason;
  return term.signal ? `${prefix}Signal:${term.signal}` : `${prefix}ExitCode:${term.exitCode ?? 0}`;
}

export interface PodSummary { ready: number; total: number; reason: string; restarts: number; lastRestart: number }

/** READY, STATUS and RESTARTS of a pod, computed together as they share one pass. */
export function summarizePod(pod: KubeObject): PodSummary {
  const spec: Loose = pod.spec ?? {};
  const status: Loose = pod.status ?? {};
  const initSpecs: Loose[] = Array.isArray(spec.initContainers) ? spec.initContainers : [];
  const sidecars = new Set(initSpecs.filter(isSidecar).map((c) => c.name));
  const total = (Array.isArray(spec.containers) ? spec.containers.length : 0) + sidecars.size;
  let ready = 0;
  let restarts = 0, lastRestart = 0;
  let sidecarRestarts = 0, sidecarLastRestart = 0;

  let reason: string = status.reason || status.phase || '';
  if (Array.isArray(status.conditions) && status.conditions.some((c: Loose) => c?.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  let initializing = false;
  const initStatuses: Loose[] = Array.isArray(status.initContainerStatuses) ? status.initContainerStatuses : [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i] ?? {};
    const state = c.state ?? {};
    restarts += c.restartCount ?? 0;
    lastRestart = lastTerminated(c, lastRestart);
    const sidecar = sidecars.has(c.name);
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      sidecarLastRestart = lastTerminated(c, sidecarLastRestart);
    }
    if (state.terminated && (state.terminated.exitCode ?? 0) === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready) ready++;
      continue;
    }
    if (state.terminated) reason = terminatedReason(state.terminated, 'Init:');
    else if (state.waiting?.reason && state.waiting.reason !== 'PodInitializing') reason = `Init:${state.waiting.reason}`;
    else reason = `Init:${i}/${initSpecs.length}`;
    initializing = true;
    break;
  }

  const initialized = condition(status.conditions, 'Initialized')?.status === 'True';
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = sidecarLastRestart;
    let hasRunning = false;
    const statuses: Loose[] = Array.isArray(status.containerStatuses) ? status.containerStatuses : [];
    // Walk backwards so the first container's reason is the one left standing, as upstream.
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i] ?? {};
      const state = c.state ?? {};
      restarts += c.restartCount ?? 0;
      lastRestart = lastTerminated(c, lastRestart);
      if (state.waiting?.reason) reason = state.waiting.reason;
      else if (state.terminated) reason = terminatedReason(state.terminated, '');
      else if (c.ready && state.running) {
        hasRunning = true;
        ready++;
      }
    }
    // A pod whose finished containers say Completed while others still run is not complete.
    if (reason === 'Completed' && hasRunning) reason = condition(status.conditions, 'Ready')?.status === 'True' ? 'Running' : 'NotReady';
  }

  if (pod.metadata.deletionTimestamp) {
    if (status.reason === 'NodeLost') reason = 'Unknown';
    else if (status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';
  }
  return { ready, total, reason, restarts, lastRestart };
}

function readinessGates(spec: Loose, status: Loose): string {
  const gates: Loose[] = Array.isArray(spec.readinessGates) ? spec.readinessGates : [];
  if (gates.length === 0) return '<none>';
  const trueCount = gates.filter((g) => condition(status.conditions, g?.conditionType)?.status === 'True').length;
  return `${trueCount}/${gates.length}`;
}

export const podPrinter: Printer = {
  columns,
  cells(pod, now) {
    const s = summarizePod(pod);
    const spec: Loose = pod.spec ?? {};
    const status: Loose = pod.status ?? {};
    const restarts = s.restarts !== 0 && s.lastRestart > 0 ? `${s.restarts} (${humanDuration(now - s.lastRestart)} ago)` : String(s.restarts);
    return [
      pod.metadata.name ?? '', `${s.ready}/${s.total}`, s.reason, restarts, age(pod, now),
      status.podIPs?.[0]?.ip || '<none>', spec.nodeName || '<none>', status.nominatedNodeName || '<none>', readinessGates(spec, status),
    ];
  },
  conditions(pod) {
    const phase = (pod.status as Loose)?.phase;
    return phase === 'Succeeded' ? succeededConditions : phase === 'Failed' ? failedConditions : undefined;
  },
};
