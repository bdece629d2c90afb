import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorMessage } from '../../../src/apis/meta/errors.js';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { builtinResources } from '../../../src/apis/catalog.js';
import type { RequestContext, Strategy } from '../../../src/registry/rest.js';

const ctx: RequestContext = { user: { name: 'alice', groups: [] }, namespace: 'ns', dryRun: false };
const strategy = (resource: string): Strategy => builtinResources.find((d) => d.group === 'apps' && d.resource === resource)!.strategy;
const template = (labels: Record<string, string> | undefined, spec: Record<string, unknown> = {}) =>
  ({ metadata: labels ? { labels } : {}, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } });
const workload = (spec: Record<string, unknown>): KubeObject =>
  ({ metadata: { name: 'web', namespace: 'ns', generation: 1 }, spec: { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }), ...spec } });

/** Defaults then validation, as the Store runs them on create. */
function create(resource: string, obj: KubeObject): string[] {
  const s = strategy(resource);
  s.prepareForCreate!(obj, ctx);
  return s.validate!(obj, ctx).map((e) => fieldErrorMessage(e));
}

const selectorX = 'v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}';

describe('apps/v1 validation', () => {
  const cases: Array<{ resource: string; name: string; spec: Record<string, unknown>; want: string[] }> = [
    { resource: 'deployments', name: 'valid deployment', spec: {}, want: [] },
    { resource: 'deployments', name: 'selector required', spec: { selector: undefined }, want: ['spec.selector: Required value'] },
    {
      resource: 'deployments', name: 'selector must match template labels', spec: { selector: { matchLabels: { app: 'x' } } },
      want: ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
    },
    {
      resource: 'deployments', name: 'empty selector', spec: { selector: {} },
      want: ['spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment'],
    },
    {
      resource: 'deployments', name: 'bad selector operator',
      spec: { selector: { matchExpressions: [{ key: 'app', operator: 'Near', values: ['web'] }] } },
      want: [
        'spec.selector.matchExpressions[0].operator: Invalid value: "Near": not a valid selector operator',
        'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:"app", Operator:"Near", Values:[]string{"web"}}}}: invalid label selector',
      ],
    },
    {
      resource: 'deployments', name: 'restartPolicy must be Always', spec: { template: template({ app: 'web' }, { restartPolicy: 'Never' }) },
      want: ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    },
    { resource: 'deployments', name: 'negative replicas', spec: { replicas: -1 }, want: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'] },
    {
      resource: 'deployments', name: 'both rolling-update bounds zero',
      spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '0%' } } },
      want: ['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:""}: may not be 0 when `maxSurge` is 0'],
    },
    {
      resource: 'deployments', name: 'bad percent and over 100%',
      spec: { strategy: { rollingUpdate: { maxUnavailable: '150%', maxSurge: 'lots' } } },
      want: [
        "spec.strategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"lots\"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
        'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%',
      ],
    },
    { resource: 'deployments', name: 'Recreate with rollingUpdate', spec: { strategy: { type: 'Recreate', rollingUpdate: {} } }, want: ["spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'"] },
    { resource: 'deployments', name: 'deadline not above minReadySeconds', spec: { minReadySeconds: 30, progressDeadlineSeconds: 30 }, want: ['spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds'] },
    { resource: 'replicasets', name: 'valid replicaset', spec: {}, want: [] },
    {
      resource: 'replicasets', name: 'activeDeadlineSeconds forbidden', spec: { template: template({ app: 'web' }, { activeDeadlineSeconds: 5 }) },
      want: ['spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported'],
    },
    { resource: 'daemonsets', name: 'valid daemonset', spec: {}, want: [] },
    {
      resource: 'daemonsets', name: 'daemonset surge and unavailable both set',
      spec: { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 1 } } },
      want: ['spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:0, IntVal:1, StrVal:""}: may not be set when maxUnavailable is non-zero'],
    },
    {
      resource: 'daemonsets', name: 'daemonset without selector', spec: { selector: undefined },
      want: ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
    },
    { resource: 'statefulsets', name: 'valid statefulset', spec: { serviceName: 'web' }, want: [] },
    { resource: 'statefulsets', name: 'bad pod management policy', spec: { podManagementPolicy: 'Random' }, want: ['spec.podManagementPolicy: Invalid value: "Random": must be \'OrderedReady\' or \'Parallel\''] },
    {
      resource: 'statefulsets', name: 'bad retention policy', spec: { persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Keep' } },
      want: ['spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"'],
    },
    {
      resource: 'statefulsets', name: 'statefulset selector mismatch', spec: { selector: { matchLabels: { app: 'x' } } },
      want: ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`'],
    },
  ];
  for (const c of cases) it(`${c.resource}: ${c.name}`, () => assert.deepEqual(create(c.resource, workload(c.spec)), c.want));

  it('controllerrevisions: data is mandatory, revision non-negative, data immutable', () => {
    const s = strategy('controllerrevisions');
    const cr = (data: unknown, revision: number): KubeObject => ({ metadata: { name: 'r', namespace: 'ns' }, data, revision });
    assert.deepEqual(s.validate!(cr(undefined, -1), ctx).map((e) => fieldErrorMessage(e)),
      ['data: Required value: data is mandatory', 'revision: Invalid value: -1: must be greater than or equal to 0']);
    assert.deepEqual(s.validateUpdate!(cr({ a: 2 }, 1), cr({ a: 1 }, 1), ctx).map((e) => fieldErrorMessage(e)), ['data: Invalid value: {"a":2}: field is immutable']);
  });
});

describe('apps/v1 updates', () => {
  it('deployment and replicaset selectors are immutable', () => {
    for (const resource of ['deployments', 'replicasets']) {
      const old = workload({});
      strategy(resource).prepareForCreate!(old, ctx);
      const next = workload({ selector: { matchLabels: { app: 'x' } }, template: template({ app: 'x' }) });
      assert.deepEqual(strategy(resource).validateUpdate!(next, old, ctx).map((e) => fieldErrorMessage(e)), [`spec.selector: Invalid value: ${selectorX}: field is immutable`]);
    }
  });

  it('statefulset: only some spec fields may change', () => {
    const s = strategy('statefulsets');
    const old = workload({ serviceName: 'web' });
    s.prepareForCreate!(old, ctx);
    const scaled = workload({ serviceName: 'web', replicas: 5, minReadySeconds: 3 });
    s.prepareForUpdate!(scaled, old, ctx);
    assert.deepEqual(s.validateUpdate!(scaled, old, ctx), []);
    const renamed = workload({ serviceName: 'other' });
    s.prepareForUpdate!(renamed, old, ctx);
    assert.deepEqual(s.validateUpdate!(renamed, old, ctx).map((e) => fieldErrorMessage(e)),
      ["spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"]);
  });

  it('a PUT of the same bare manifest does not bump generation once defaults fill it', () => {
    const s = strategy('deployments');
    const old = workload({});
    s.prepareForCreate!(old, ctx);
    const bare = workload({});
    bare.metadata.generation = 2; // what the Store set: it saw the missing defaults as a spec change
    s.prepareForUpdate!(bare, old, ctx);
    assert.equal(bare.metadata.generation, 1);
    const scaled = workload({ replicas: 3 });
    scaled.metadata.generation = 2;
    s.prepareForUpdate!(scaled, old, ctx);
    assert.equal(scaled.metadata.generation, 2);
  });
});
