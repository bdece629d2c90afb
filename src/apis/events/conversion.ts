/**
 * Conversion between the two shapes of Event (pkg/apis/events/v1/conversion.go upstream). Both
 * are stored once, as core/v1 Events under /registry/events, so an event written through one API
 * is read through the other: regarding <-> involvedObject, note <-> message, reportingController
 * <-> reportingComponent, deprecated* <-> source/firstTimestamp/lastTimestamp/count.
 */
import type { KubeObject } from '../meta/types.js';

// [events.k8s.io/v1 name, core/v1 name]; fields with the same name in both are copied as they are.
const renamed: Array<[string, string]> = [
  ['regarding', 'involvedObject'],
  ['note', 'message'],
  ['reportingController', 'reportingComponent'],
  ['deprecatedSource', 'source'],
  ['deprecatedFirstTimestamp', 'firstTimestamp'],
  ['deprecatedLastTimestamp', 'lastTimestamp'],
  ['deprecatedCount', 'count'],
];

function rename(obj: KubeObject, pairs: Array<[string, string]>, apiVersion: string): KubeObject {
  const out: KubeObject = { ...obj, apiVersion, kind: 'Event' };
  for (const [from, to] of pairs) {
    delete out[from];
    if (obj[from] !== undefined) out[to] = obj[from];
  }
  return out;
}

/** events.k8s.io/v1 Event -> core/v1 Event (what is stored). */
export function eventsV1ToCore(obj: KubeObject): KubeObject {
  return rename(obj, renamed, 'v1');
}

/** core/v1 Event -> events.k8s.io/v1 Event. */
export function coreToEventsV1(obj: KubeObject): KubeObject {
  return rename(obj, renamed.map(([a, b]) => [b, a]), 'events.k8s.io/v1');
}
