/** API priority and fairness printers. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { flowcontrolPrinters } from '../../../src/apis/flowcontrol/printers.js';
import type { KubeObject } from '../../../src/apis/meta/types.js';

const t = { timeout: 10_000 };
const now = Date.parse('2026-03-01T12:00:00Z');
const meta = { name: 'f', creationTimestamp: '2026-03-01T11:00:00Z' };

describe('flowcontrol printers', t, () => {
  it('flowschemas', () => {
    const p = flowcontrolPrinters.flowschemas;
    assert.deepEqual(p.columns.map((c) => c.name), ['Name', 'PriorityLevel', 'MatchingPrecedence', 'DistinguisherMethod', 'Age', 'MissingPL']);
    assert.deepEqual(p.cells({ metadata: meta, spec: { priorityLevelConfiguration: { name: 'workload-low' }, matchingPrecedence: 9000, distinguisherMethod: { type: 'ByUser' } }, status: { conditions: [{ type: 'Dangling', status: 'False' }] } } as KubeObject, now),
      ['f', 'workload-low', 9000, 'ByUser', '60m', 'False']);
    assert.deepEqual(p.cells({ metadata: meta, spec: { priorityLevelConfiguration: { name: 'exempt' }, matchingPrecedence: 1 } } as KubeObject, now), ['f', 'exempt', 1, '<none>', '60m', '?']);
  });
  it('prioritylevelconfigurations', () => {
    const p = flowcontrolPrinters.prioritylevelconfigurations;
    assert.deepEqual(p.columns.map((c) => c.name), ['Name', 'Type', 'NominalConcurrencyShares', 'Queues', 'HandSize', 'QueueLengthLimit', 'Age']);
    assert.deepEqual(p.cells({ metadata: meta, spec: { type: 'Exempt', exempt: {} } } as KubeObject, now), ['f', 'Exempt', '<none>', '<none>', '<none>', '<none>', '60m']);
    assert.deepEqual(p.cells({ metadata: meta, spec: { type: 'Limited', limited: { nominalConcurrencyShares: 30, limitResponse: { type: 'Reject' } } } } as KubeObject, now), ['f', 'Limited', 30, '<none>', '<none>', '<none>', '60m']);
    assert.deepEqual(p.cells({ metadata: meta, spec: { type: 'Limited', limited: { nominalConcurrencyShares: 100, limitResponse: { type: 'Queue', queuing: { queues: 64, handSize: 6, queueLengthLimit: 50 } } } } } as KubeObject, now),
      ['f', 'Limited', 100, 64, 6, 50, '60m']);
  });
});
