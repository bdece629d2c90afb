import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coreToEventsV1, eventsV1ToCore } from '../../../src/apis/events/conversion.js';

describe('Event conversion between events.k8s.io/v1 and core/v1', () => {
  const v1 = {
    apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'e', namespace: 'ns' },
    eventTime: '2026-01-01T00:00:00.000000Z', reportingController: 'ctl', reportingInstance: 'ctl-1', action: 'Act', reason: 'Why', type: 'Warning',
    regarding: { kind: 'Pod', name: 'p', namespace: 'ns' }, related: { kind: 'Node', name: 'n' }, note: 'text',
    series: { count: 2, lastObservedTime: '2026-01-01T00:00:01.000000Z' },
    deprecatedSource: { component: 'kubelet', host: 'h' }, deprecatedFirstTimestamp: '2026-01-01T00:00:00Z', deprecatedLastTimestamp: '2026-01-01T00:00:05Z', deprecatedCount: 3,
  };
  it('maps every renamed field to its core name', () => {
    const core = eventsV1ToCore(v1);
    assert.equal(core.apiVersion, 'v1');
    assert.deepEqual(core.involvedObject, v1.regarding);
    assert.equal(core.message, 'text');
    assert.equal(core.reportingComponent, 'ctl');
    assert.deepEqual(core.source, v1.deprecatedSource);
    assert.equal(core.firstTimestamp, v1.deprecatedFirstTimestamp);
    assert.equal(core.lastTimestamp, v1.deprecatedLastTimestamp);
    assert.equal(core.count, 3);
    for (const gone of ['regarding', 'note', 'reportingController', 'deprecatedSource', 'deprecatedCount']) assert.equal(core[gone], undefined, gone);
    assert.deepEqual(core.series, v1.series);
  });
  it('round-trips without loss', () => {
    assert.deepEqual(coreToEventsV1(eventsV1ToCore(v1)), v1);
  });
});
