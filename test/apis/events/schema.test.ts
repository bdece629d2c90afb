import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinSchema } from '../../../src/schema/tables.js';
import { eventsTypes } from '../../../src/apis/events/schema.js';
import { assertDescribed, groupKinds } from '../schema-check.js';

test('events: the events.k8s.io/v1 Event is named apart from core/v1 Event but served under its own kind', () => {
  const { types, kinds } = builtinSchema;
  assert.equal(kinds.get('events.k8s.io/v1/Event')?.ref, 'EventsV1Event');
  assert.equal(kinds.get('events.k8s.io/v1/EventList')?.name, 'io.k8s.api.events.v1.EventList');
  assert.equal(groupKinds(kinds, eventsTypes).length, 2);
  assertDescribed(eventsTypes);
  const event = types.get('EventsV1Event')!;
  assert.deepEqual(event.fields.filter((f) => f.meta.required).map((f) => f.name), ['eventTime']);
  assert.equal(event.fields.length, 17); // apiVersion, kind + 15
  const series = types.get('EventsV1EventSeries')!;
  assert.deepEqual(series.fields.filter((f) => f.meta.required).map((f) => f.name), ['count', 'lastObservedTime']);
});
