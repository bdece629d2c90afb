/**
 * events.k8s.io/v1: the newer shape of Events. Upstream serves it from the same storage as core
 * v1 events (one etcd key space, /registry/events), converting between regarding/note and
 * involvedObject/message; the field selectors use the events.k8s.io names.
 */
import type { ResourceDef } from '../../registry/rest.js';
import { defineResource } from '../core/define.js';
import { eventsV1Strategy } from '../core/events.js';

export const eventsResources: ResourceDef[] = [
  defineResource({ group: 'events.k8s.io', versions: ['v1'] }, 'events', 'Event', true, { shortNames: ['ev'], strategy: eventsV1Strategy }),
];
