/** The PDB printer: int-or-string bounds, "N/A" for the unused one. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { policyPrinters } from '../../../src/apis/policy/printers.js';

describe('poddisruptionbudgets', { timeout: 10_000 }, () => {
  const p = policyPrinters.poddisruptionbudgets;
  const row = (spec: object, status: object = {}) => p.cells({ metadata: { name: 'b', creationTimestamp: '2026-03-01T11:59:00Z' }, spec, status } as KubeObject, Date.parse('2026-03-01T12:00:00Z'));
  it('columns', () => assert.deepEqual(p.columns.map((c) => c.name), ['Name', 'Min Available', 'Max Unavailable', 'Allowed Disruptions', 'Age']));
  it('min available as a number', () => assert.deepEqual(row({ minAvailable: 2 }, { disruptionsAllowed: 1 }), ['b', '2', 'N/A', 1, '60s']));
  it('max unavailable as a percentage', () => assert.deepEqual(row({ maxUnavailable: '25%' }), ['b', 'N/A', '25%', 0, '60s']));
});
