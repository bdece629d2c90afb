/**
 * events.k8s.io/v1 type table (staging/src/k8s.io/api/events/v1/types.go): the newer Event
 * shape. Named EventsV1* because core/v1 already has Event and EventSeries (format.ts prefix
 * rule). Field specs match src/protobuf/types-groups.ts. Data table; format: src/schema/format.ts.
 */
import type { GroupVersionKind, TypeTable } from '../../schema/format.js';

const gvk = (kind: string): GroupVersionKind[] => [{ group: 'events.k8s.io', version: 'v1', kind }];

export const eventsTypes: TypeTable = {
  EventsV1Event: {
    name: 'io.k8s.api.events.v1.Event',
    description: 'An Event reports something that happened to an object, such as a state change or an error. Events are kept only for a short time (an hour by default) and are advisory.',
    gvk: gvk('Event'),
    fields: [
      ['1 metadata ObjectMeta', "The object's standard metadata: name, namespace, labels, annotations and so on."],
      ['2 eventTime MicroTime', 'When the event first happened.', { required: true }],
      ['3 series EventsV1EventSeries', 'Set when the event repeated: how often and when it was last seen.'],
      ['4 reportingController', 'The controller that reported the event, e.g. kubernetes.io/kubelet. Required for new events.'],
      ['5 reportingInstance', 'Which instance of the controller reported it, e.g. kubelet-node1. Required for new events.'],
      ['6 action', 'What was done, or what failed, e.g. Binding or Pulling. At most 128 characters.'],
      ['7 reason', 'Why the action happened, as a short CamelCase word, e.g. FailedScheduling. At most 128 characters.'],
      ['8 regarding ObjectReference', 'The object the event is about, usually the one the action acted on.'],
      ['9 related ObjectReference', 'A second object involved, e.g. the node a pod was bound to.'],
      ['10 note', 'A human-readable description of what happened. At most 1 kB.'],
      ['11 type', 'Normal or Warning.'],
      ['12 deprecatedSource EventSource', 'The core/v1 source field, kept for compatibility.'],
      ['13 deprecatedFirstTimestamp Time', 'The core/v1 firstTimestamp field, kept for compatibility.'],
      ['14 deprecatedLastTimestamp Time', 'The core/v1 lastTimestamp field, kept for compatibility.'],
      ['15 deprecatedCount i32', 'The core/v1 count field, kept for compatibility.'],
    ],
  },
  EventsV1EventList: {
    name: 'io.k8s.api.events.v1.EventList',
    description: 'A list of Events.',
    gvk: gvk('EventList'),
    fields: [
      ['1 metadata ListMeta', "The list's metadata: resourceVersion and the continue token for paging."],
      ['2 items EventsV1Event[]!', 'The Events.', { required: true }],
    ],
  },
  EventsV1EventSeries: {
    name: 'io.k8s.api.events.v1.EventSeries',
    description: 'A run of repeats of the same event, updated from time to time rather than on every repeat.',
    fields: [
      ['1 count i32!', 'How many times the event has happened so far.', { required: true }],
      ['2 lastObservedTime MicroTime', 'When the event was last seen.', { required: true }],
    ],
  },
};
