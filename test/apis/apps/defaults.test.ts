import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultStatefulSet } from '../../../src/apis/apps/defaults.js';

const obj = (spec: Record<string, unknown> = {}): KubeObject => ({ metadata: { name: 'x' }, spec });

describe('apps/v1 defaults', () => {
  const cases: Array<{ name: string; fn: (o: KubeObject) => void; spec: Record<string, unknown>; want: Record<string, unknown> }> = [
    {
      name: 'deployment: everything', fn: defaultDeployment, spec: {},
      want: { replicas: 1, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 },
    },
    {
      name: 'deployment: Recreate gets no rollingUpdate; set values kept', fn: defaultDeployment,
      spec: { replicas: 0, strategy: { type: 'Recreate' }, revisionHistoryLimit: 2, progressDeadlineSeconds: 60 },
      want: { replicas: 0, strategy: { type: 'Recreate' }, revisionHistoryLimit: 2, progressDeadlineSeconds: 60 },
    },
    {
      name: 'deployment: a half-filled rollingUpdate', fn: defaultDeployment, spec: { strategy: { rollingUpdate: { maxSurge: 1 } } },
      want: { replicas: 1, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: 1 } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 },
    },
    { name: 'replicaset', fn: defaultReplicaSet, spec: {}, want: { replicas: 1 } },
    {
      name: 'daemonset', fn: defaultDaemonSet, spec: {},
      want: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, revisionHistoryLimit: 10 },
    },
    {
      name: 'statefulset', fn: defaultStatefulSet, spec: { volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }] },
      want: {
        podManagementPolicy: 'OrderedReady',
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
        replicas: 1,
        revisionHistoryLimit: 10,
        volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' }, status: { phase: 'Pending' } }],
      },
    },
    {
      name: 'statefulset: explicit RollingUpdate without rollingUpdate stays so', fn: defaultStatefulSet, spec: { updateStrategy: { type: 'RollingUpdate' } },
      want: {
        podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate' },
        persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' }, replicas: 1, revisionHistoryLimit: 10,
      },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const o = obj(c.spec);
      c.fn(o);
      // The pod template gets core's pod defaults (tested with them); the rest is the workload's.
      const { template, ...rest } = o.spec as { template: { spec: Record<string, unknown> } };
      assert.deepEqual(rest, c.want);
      assert.equal(template.spec.restartPolicy, 'Always');
      assert.equal(template.spec.terminationGracePeriodSeconds, 30);
    });
  }
});
