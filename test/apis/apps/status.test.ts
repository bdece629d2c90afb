import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { fieldErrorMessage } from '../../../src/apis/meta/errors.js';
import { validateCollisionCount, validateWorkloadStatus } from '../../../src/apis/apps/validation-status.js';

const withStatus = (status: Record<string, unknown>): KubeObject => ({ metadata: { name: 'web' }, status });
const messages = (errs: Array<Parameters<typeof fieldErrorMessage>[0]>) => errs.map((e) => fieldErrorMessage(e));

describe('apps/v1 workload status', () => {
  const cases: Array<[string, 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet', Record<string, unknown>, string[]]> = [
    ['consistent deployment status', 'Deployment', { replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2 }, []],
    ['negative counter', 'DaemonSet', { numberMisscheduled: -1 }, ['status.numberMisscheduled: Invalid value: -1: must be greater than or equal to 0']],
    ['negative replicas: every count is above it then', 'Deployment', { replicas: -1 }, [
      'status.replicas: Invalid value: -1: must be greater than or equal to 0',
      'status.updatedReplicas: Invalid value: 0: cannot be greater than status.replicas',
      'status.readyReplicas: Invalid value: 0: cannot be greater than status.replicas',
      'status.availableReplicas: Invalid value: 0: cannot be greater than status.replicas',
    ]],
    ['more ready than replicas', 'ReplicaSet', { replicas: 1, readyReplicas: 2, availableReplicas: 2 }, [
      'status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas',
      'status.availableReplicas: Invalid value: 2: cannot be greater than status.replicas',
    ]],
    ['available above ready', 'StatefulSet', { replicas: 3, readyReplicas: 1, availableReplicas: 2 }, ['status.availableReplicas: Invalid value: 2: cannot be greater than status.readyReplicas']],
    ['daemonset counters', 'DaemonSet', { numberReady: -2 }, ['status.numberReady: Invalid value: -2: must be greater than or equal to 0']],
  ];
  for (const [name, kind, status, want] of cases) it(name, () => assert.deepEqual(messages(validateWorkloadStatus(kind)(withStatus(status))), want));

  it('collisionCount cannot go down', () => {
    assert.deepEqual(messages(validateCollisionCount(withStatus({ collisionCount: 1 }), withStatus({ collisionCount: 2 }))), ['status.collisionCount: Invalid value: 1: cannot be decremented']);
    assert.deepEqual(validateCollisionCount(withStatus({ collisionCount: 3 }), withStatus({ collisionCount: 2 })), []);
    assert.deepEqual(validateCollisionCount(withStatus({}), withStatus({})), []);
  });
});
