/** Small printers of single-resource groups: priority classes, leases, runtime classes, webhooks. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { admissionregistrationPrinters } from '../../../src/apis/admissionregistration/printers.js';
import { coordinationPrinters } from '../../../src/apis/coordination/printers.js';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { nodePrinters } from '../../../src/apis/node/printers.js';
import { schedulingPrinters } from '../../../src/apis/scheduling/printers.js';

const now = Date.parse('2026-03-01T12:00:00Z');
const obj = (fields: Record<string, unknown>) => ({ metadata: { name: 'o', creationTimestamp: '2026-03-01T11:59:58Z' }, ...fields }) as KubeObject;

describe('single-resource group printers', { timeout: 10_000 }, () => {
  it('priorityclasses: PREEMPTIONPOLICY is a normal column', () => {
    assert.deepEqual(schedulingPrinters.priorityclasses.columns.map((c) => [c.name, c.priority]), [['Name', 0], ['Value', 0], ['Global-Default', 0], ['Age', 0], ['PreemptionPolicy', 0]]);
    assert.deepEqual(schedulingPrinters.priorityclasses.cells(obj({ value: 1000, preemptionPolicy: 'Never' }), now), ['o', 1000, false, '2s', 'Never']);
    assert.deepEqual(schedulingPrinters.priorityclasses.cells(obj({ value: 2000000000, globalDefault: true }), now), ['o', 2000000000, true, '2s', '']);
  });
  it('leases', () => {
    assert.deepEqual(coordinationPrinters.leases.cells(obj({ spec: { holderIdentity: 'node-1' } }), now), ['o', 'node-1', '2s']);
    assert.deepEqual(coordinationPrinters.leases.cells(obj({ spec: {} }), now), ['o', '', '2s']);
  });
  it('runtimeclasses', () => assert.deepEqual(nodePrinters.runtimeclasses.cells(obj({ handler: 'runc' }), now), ['o', 'runc', '2s']));
  it('webhook configurations count their webhooks', () => {
    for (const p of Object.values(admissionregistrationPrinters)) {
      assert.deepEqual(p.columns.map((c) => c.name), ['Name', 'Webhooks', 'Age']);
      assert.deepEqual(p.cells(obj({ webhooks: [{ name: 'a.example.com' }, { name: 'b.example.com' }] }), now), ['o', 2, '2s']);
      assert.deepEqual(p.cells(obj({}), now), ['o', 0, '2s']);
    }
  });
});
