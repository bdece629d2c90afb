import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createErrors, strategyOf } from '../strategy-fixture.js';

describe('coordination.k8s.io/v1 Lease', () => {
  const s = strategyOf('coordination.k8s.io', 'leases');
  const lease = (spec: Record<string, unknown>) => ({ metadata: { name: 'l', namespace: 'ns' }, spec });
  it('valid', () => assert.deepEqual(createErrors(s, lease({ holderIdentity: 'a', leaseDurationSeconds: 15, leaseTransitions: 0 })), []));
  it('duration must be positive, transitions non-negative', () => assert.deepEqual(createErrors(s, lease({ leaseDurationSeconds: 0, leaseTransitions: -1 })), [
    'spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
    'spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0',
  ]));
});
