import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorMessage } from '../../src/apis/meta/errors.js';
import type { KubeObject } from '../../src/apis/meta/types.js';
import { builtinResources } from '../../src/apis/catalog.js';
import type { RequestContext, Strategy } from '../../src/registry/rest.js';

const ctx: RequestContext = { user: { name: 'alice', uid: 'u-1', groups: ['dev', 'system:authenticated'], extra: { scopes: ['a'] } }, namespace: 'ns', dryRun: false };
const strategy = (group: string, resource: string): Strategy => builtinResources.find((d) => d.group === group && d.resource === resource)!.strategy;
const obj = (fields: Record<string, unknown>, meta: Partial<KubeObject['metadata']> = {}): KubeObject => ({ metadata: { name: 'x', namespace: 'ns', ...meta }, ...fields });

describe('priorityclasses', () => {
  const s = strategy('scheduling.k8s.io', 'priorityclasses');
  const pc = (name: string, fields: Record<string, unknown>) => ({ metadata: { name }, ...fields }) as KubeObject;
  const cases: Array<{ name: string; obj: KubeObject; want: string[] }> = [
    { name: 'user class', obj: pc('high', { value: 1000, preemptionPolicy: 'Never' }), want: [] },
    { name: 'user class at the ceiling', obj: pc('top', { value: 1_000_000_000 }), want: [] },
    { name: 'user class above the ceiling', obj: pc('too-high', { value: 1_000_000_001 }), want: ['value: Forbidden: maximum allowed value of a user defined priority is 1000000000'] },
    { name: 'known system class', obj: pc('system-node-critical', { value: 2000001000 }), want: [] },
    {
      name: 'unknown system- name',
      obj: pc('system-mine', { value: 1 }),
      want: ["metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class"],
    },
    {
      name: 'system class with the wrong value',
      obj: pc('system-cluster-critical', { value: 5 }),
      want: ["metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: value of system-cluster-critical PriorityClass must be 2000000000"],
    },
    {
      name: 'system class as global default',
      obj: pc('system-cluster-critical', { value: 2000000000, globalDefault: true }),
      want: ["metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: globalDefault of system-cluster-critical PriorityClass must be false"],
    },
    { name: 'unknown preemption policy', obj: pc('p', { value: 1, preemptionPolicy: 'Sometimes' }), want: ['preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"'] },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(s.validate!(c.obj, ctx).map((e) => fieldErrorMessage(e)), c.want));

  it('value and preemptionPolicy are immutable', () => {
    const old = pc('p', { value: 1, preemptionPolicy: 'PreemptLowerPriority' });
    const errs = s.validateUpdate!(pc('p', { value: 2, preemptionPolicy: 'Never' }), old, ctx).map((e) => fieldErrorMessage(e));
    assert.deepEqual(errs, ['value: Forbidden: may not be changed in an update.', 'preemptionPolicy: Invalid value: "Never": field is immutable']);
  });

  it('generation is 1 on create and never changes; preemptionPolicy defaults', () => {
    const p = pc('p', { value: 1 });
    s.prepareForCreate!(p, ctx);
    assert.equal(p.metadata.generation, 1);
    assert.equal(p.preemptionPolicy, 'PreemptLowerPriority');
    const next = pc('p', { value: 1, description: 'changed' });
    next.metadata.generation = 9;
    s.prepareForUpdate!(next, p, ctx);
    assert.equal(next.metadata.generation, 1);
    assert.deepEqual(s.validateUpdate!(next, p, ctx), []);
  });
});

describe('apps', () => {
  it('daemonsets: template generation starts at 1 and follows template changes only', () => {
    const s = strategy('apps', 'daemonsets');
    const ds = obj({ spec: { template: { spec: { containers: [{ name: 'a' }] } } }, status: { numberReady: 3 } });
    s.prepareForCreate!(ds, ctx);
    assert.equal(ds.metadata.annotations!['deprecated.daemonset.template.generation'], '1');
    assert.deepEqual(ds.status, {});
    const same = obj({ spec: { template: { spec: { containers: [{ name: 'a' }] } }, minReadySeconds: 5 } }, { annotations: { 'deprecated.daemonset.template.generation': '7' } });
    s.prepareForUpdate!(same, ds, ctx);
    assert.equal(same.metadata.annotations!['deprecated.daemonset.template.generation'], '1');
    const changed = obj({ spec: { template: { spec: { containers: [{ name: 'b' }] } } } });
    s.prepareForUpdate!(changed, same, ctx);
    assert.equal(changed.metadata.annotations!['deprecated.daemonset.template.generation'], '2');
  });

  it('deployments: an annotation change bumps generation once', () => {
    const s = strategy('apps', 'deployments');
    const old = obj({ spec: {} }, { generation: 4, annotations: { a: '1' } });
    s.prepareForCreate!(old, ctx); // stored objects carry their defaults
    const next = obj({ spec: {} }, { generation: 4, annotations: { a: '2' } });
    s.prepareForUpdate!(next, old, ctx);
    assert.equal(next.metadata.generation, 5);
    const unchanged = obj({ spec: {} }, { generation: 4, annotations: { a: '1' } });
    s.prepareForUpdate!(unchanged, old, ctx);
    assert.equal(unchanged.metadata.generation, 4);
  });
});

describe('batch', () => {
  it('jobs: the selector is generated from the uid, user labels are kept', () => {
    const s = strategy('batch', 'jobs');
    const job = obj({ spec: { template: { metadata: { labels: { app: 'x', 'job-name': 'mine' } } } } }, { name: 'pi', uid: 'uid-1' });
    s.prepareForCreate!(job, ctx);
    const spec = job.spec as any;
    assert.deepEqual(spec.template.metadata.labels, {
      app: 'x', 'job-name': 'mine', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'uid-1', 'batch.kubernetes.io/controller-uid': 'uid-1',
    });
    assert.deepEqual(spec.selector, { matchLabels: { 'batch.kubernetes.io/controller-uid': 'uid-1' } });
    assert.deepEqual(s.fieldSelectorAttrs!(obj({ status: { succeeded: 2 } })), { 'status.successful': '2' });
  });

  it('jobs: manualSelector leaves the selector alone', () => {
    const s = strategy('batch', 'jobs');
    const job = obj({ spec: { manualSelector: true, selector: { matchLabels: { a: 'b' } }, template: {} } }, { uid: 'u' });
    s.prepareForCreate!(job, ctx);
    assert.deepEqual((job.spec as any).selector, { matchLabels: { a: 'b' } });
    assert.equal((job.spec as any).template.metadata, undefined); // no generated labels
    assert.equal((job.spec as any).template.spec.restartPolicy, 'Always'); // pod defaults still apply
  });

  it('cronjobs: names longer than 52 characters are refused', () => {
    const s = strategy('batch', 'cronjobs');
    const long = 'c'.repeat(53);
    // A spec that is valid once defaulted, so only the name can be at fault.
    const valid = (name: string) => {
      const cj = obj({ spec: { schedule: '@daily', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } } } }, { name });
      s.prepareForCreate!(cj, ctx);
      return cj;
    };
    assert.deepEqual(s.validate!(valid(long), ctx).map((e) => fieldErrorMessage(e)), [`metadata.name: Invalid value: "${long}": must be no more than 52 characters`]);
    assert.deepEqual(s.validate!(valid('c'.repeat(52)), ctx), []);
  });
});

describe('certificatesigningrequests', () => {
  const s = strategy('certificates.k8s.io', 'certificatesigningrequests');
  it('records the requester and cannot be created approved', () => {
    const csr = obj({ spec: { signerName: 'example.com/x', username: 'mallory', groups: ['system:masters'] }, status: { conditions: [{ type: 'Approved' }] } });
    s.prepareForCreate!(csr, ctx);
    assert.deepEqual(csr.spec, { signerName: 'example.com/x', username: 'alice', uid: 'u-1', groups: ['dev', 'system:authenticated'], extra: { scopes: ['a'] } });
    assert.deepEqual(csr.status, {});
    assert.deepEqual(s.fieldSelectorAttrs!(csr), { 'spec.signerName': 'example.com/x' });
  });

  it('spec and status cannot change through the main resource', () => {
    const old = obj({ spec: { signerName: 'a', username: 'alice' }, status: { conditions: [{ type: 'Approved' }] } });
    const next = obj({ spec: { signerName: 'b', username: 'bob' }, status: {} });
    s.prepareForUpdate!(next, old, ctx);
    assert.deepEqual(next.spec, old.spec);
    assert.deepEqual(next.status, old.status);
  });
});

describe('other groups', () => {
  it('endpointslices: a label change bumps generation', () => {
    const s = strategy('discovery.k8s.io', 'endpointslices');
    const next = obj({}, { generation: 2, labels: { 'kubernetes.io/service-name': 'b' } });
    s.prepareForUpdate!(next, obj({}, { generation: 2, labels: { 'kubernetes.io/service-name': 'a' } }), ctx);
    assert.equal(next.metadata.generation, 3);
  });

  it('status is reset on create and kept on update (hpa, ingress, pdb, volumeattachment, flowschema)', () => {
    for (const [g, r] of [['autoscaling', 'horizontalpodautoscalers'], ['networking.k8s.io', 'ingresses'], ['policy', 'poddisruptionbudgets'],
      ['storage.k8s.io', 'volumeattachments'], ['flowcontrol.apiserver.k8s.io', 'flowschemas']]) {
      const s = strategy(g, r);
      const created = obj({ status: { x: 1 } });
      s.prepareForCreate!(created, ctx);
      assert.deepEqual(created.status, {}, r);
      const updated = obj({ status: { x: 2 } });
      s.prepareForUpdate!(updated, obj({ status: { x: 1 } }), ctx);
      assert.deepEqual(updated.status, { x: 1 }, r);
    }
  });
});
