import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { podStrategy } from '../../../src/apis/core/pods.js';
import type { RequestContext } from '../../../src/registry/rest.js';

const ctx: RequestContext = { user: { name: 'alice', groups: [] }, namespace: 'ns', dryRun: false };
const pod = (fields: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'ns' }, ...fields });

describe('podStrategy create/update', () => {
  it('a new pod is Pending (with its QoS class) whatever status it was sent with', () => {
    const p = pod({ spec: { containers: [] }, status: { phase: 'Running', podIP: '10.0.0.1' } });
    podStrategy.prepareForCreate!(p, ctx);
    assert.deepEqual(p.status, { phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('a pod with scheduling gates starts PodScheduled=False/SchedulingGated', () => {
    const p = pod({ spec: { schedulingGates: [{ name: 'example.com/gate' }] } });
    podStrategy.prepareForCreate!(p, ctx);
    assert.deepEqual(p.status, {
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' }],
      qosClass: 'BestEffort',
    });
  });

  it('an update keeps the stored status', () => {
    const old = pod({ status: { phase: 'Running' } });
    const p = pod({ status: { phase: 'Failed' } });
    podStrategy.prepareForUpdate!(p, old, ctx);
    assert.deepEqual(p.status, { phase: 'Running' });
  });
});

describe('pod field selectors', () => {
  it('accepts the keys of the v1 label conversion', () => {
    assert.deepEqual([...podStrategy.fieldSelectorKeys!].sort(), [
      'spec.host', 'spec.hostNetwork', 'spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName',
      'status.nominatedNodeName', 'status.phase', 'status.podIP', 'status.podIPs',
    ]);
  });

  const cases: Array<{ name: string; obj: KubeObject; want: Record<string, string> }> = [
    {
      name: 'a bare pod reads defaults and empty values',
      obj: pod({}),
      want: {
        'spec.nodeName': '', 'spec.restartPolicy': 'Always', 'spec.schedulerName': 'default-scheduler', 'spec.serviceAccountName': '',
        'spec.hostNetwork': 'false', 'status.phase': '', 'status.podIP': '', 'status.podIPs': '', 'status.nominatedNodeName': '', 'spec.host': '',
      },
    },
    {
      name: 'a scheduled, running pod',
      obj: pod({
        spec: { nodeName: 'n1', restartPolicy: 'Never', schedulerName: 'mine', serviceAccount: 'old-sa', hostNetwork: true },
        status: { phase: 'Running', podIP: '10.0.0.9', podIPs: [{ ip: '10.0.0.1' }, { ip: 'fd00::1' }], nominatedNodeName: 'n2' },
      }),
      want: {
        'spec.nodeName': 'n1', 'spec.restartPolicy': 'Never', 'spec.schedulerName': 'mine', 'spec.serviceAccountName': 'old-sa',
        'spec.hostNetwork': 'true', 'status.phase': 'Running', 'status.podIP': '10.0.0.1', 'status.podIPs': '', 'status.nominatedNodeName': 'n2', 'spec.host': 'n1',
      },
    },
    {
      name: 'serviceAccountName wins over the deprecated alias; podIP alone is used',
      obj: pod({ spec: { serviceAccountName: 'new-sa', serviceAccount: 'old-sa' }, status: { podIP: '10.0.0.7' } }),
      want: {
        'spec.nodeName': '', 'spec.restartPolicy': 'Always', 'spec.schedulerName': 'default-scheduler', 'spec.serviceAccountName': 'new-sa',
        'spec.hostNetwork': 'false', 'status.phase': '', 'status.podIP': '10.0.0.7', 'status.podIPs': '', 'status.nominatedNodeName': '', 'spec.host': '',
      },
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(podStrategy.fieldSelectorAttrs!(c.obj), c.want));
});
