/**
 * A pod's quality-of-service class (pkg/apis/core/helper/qos ComputePodQOS), stored in
 * status.qosClass when the pod is created. Only cpu and memory count; zero quantities are
 * ignored. Runs after defaulting, so requests already include the ones copied from limits.
 */
import { parseQuantity } from '../meta/quantity.js';
import { type Obj, objAt, objectsAt } from './json-shapes.js';

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const computeResources = new Set(['cpu', 'memory']);

/** The positive cpu/memory quantities of a resource list. */
function positive(list: Obj | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, q] of Object.entries(list ?? {})) {
    if (!computeResources.has(name)) continue;
    const n = parseQuantity(q);
    if (n !== null && n > 0) out.set(name, n);
  }
  return out;
}

const add = (sum: Map<string, number>, part: Map<string, number>) => {
  for (const [k, v] of part) sum.set(k, (sum.get(k) ?? 0) + v);
};

// Sums of float quantities: equal within a rounding error counts as equal.
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

export function podQOSClass(spec: Obj): QOSClass {
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  for (const list of ['containers', 'initContainers']) {
    for (const [c] of objectsAt(spec, list)) {
      const resources = objAt(c, 'resources') ?? {};
      add(requests, positive(objAt(resources, 'requests')));
      const lim = positive(objAt(resources, 'limits'));
      add(limits, lim);
      // Every container must limit both cpu and memory for the pod to be Guaranteed.
      if (!lim.has('cpu') || !lim.has('memory')) guaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (lim === undefined || !same(lim, req)) { guaranteed = false; break; }
    }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
