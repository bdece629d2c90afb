import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorMessage } from '../../../src/apis/meta/errors.js';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { replicationControllerRules } from '../../../src/apis/core/replication-controllers.js';
import { podTemplateStrategy } from '../../../src/apis/core/pod-templates.js';
import type { RequestContext } from '../../../src/registry/rest.js';

const ctx: RequestContext = { user: { name: 'alice', groups: [] }, namespace: 'ns', dryRun: false };
const rc = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'r', namespace: 'ns' }, spec });
const template = (labels: Record<string, string>, spec: Record<string, unknown> = {}) => ({ metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } });
function check(obj: KubeObject): string[] {
  replicationControllerRules.prepareForCreate!(obj, ctx);
  return replicationControllerRules.validate!(obj, ctx).map((e) => fieldErrorMessage(e));
}

describe('ReplicationController defaults', () => {
  it('selector, object labels and replicas come from the template', () => {
    const obj = rc({ template: template({ app: 'web' }) });
    assert.deepEqual(check(obj), []);
    const spec = obj.spec as Record<string, unknown>;
    assert.deepEqual(spec.selector, { app: 'web' });
    assert.equal(spec.replicas, 1);
    assert.deepEqual(obj.metadata.labels, { app: 'web' });
    assert.equal(((spec.template as Record<string, unknown>).spec as Record<string, unknown>).restartPolicy, 'Always');
  });

  it('keeps explicit replicas, including 0', () => {
    const obj = rc({ replicas: 0, template: template({ app: 'web' }) });
    check(obj);
    assert.equal((obj.spec as Record<string, unknown>).replicas, 0);
  });
});

describe('ReplicationController validation', () => {
  const cases: Array<{ name: string; obj: KubeObject; want: string[] }> = [
    { name: 'no template, no selector', obj: rc({}), want: ['spec.selector: Required value', 'spec.template: Required value'] },
    {
      name: 'selector not matching the template',
      obj: rc({ selector: { app: 'a' }, template: template({ app: 'b', tier: 'x' }) }),
      want: ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"b", "tier":"x"}: `selector` does not match template `labels`'],
    },
    {
      name: 'template restarting Never with a deadline, negative replicas',
      obj: rc({ replicas: -1, template: template({ app: 'a' }, { restartPolicy: 'Never', activeDeadlineSeconds: 5 }) }),
      want: [
        'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
        'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
        'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicationController is not Supported',
      ],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(check(c.obj), c.want));
});

describe('PodTemplate', () => {
  it('defaults and validates the template under `template`', () => {
    const pt: KubeObject = { metadata: { name: 'p', namespace: 'ns' }, template: { spec: { containers: [{ name: 'c' }] } } };
    podTemplateStrategy.prepareForCreate!(pt, ctx);
    assert.equal(((pt.template as Record<string, unknown>).spec as Record<string, unknown>).dnsPolicy, 'ClusterFirst');
    assert.deepEqual(podTemplateStrategy.validate!(pt, ctx).map((e) => fieldErrorMessage(e)), ['template.spec.containers[0].image: Required value']);
  });
});
