import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorMessage } from '../../../src/apis/meta/errors.js';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { builtinResources } from '../../../src/apis/catalog.js';
import type { RequestContext, Strategy } from '../../../src/registry/rest.js';

const ctx: RequestContext = { user: { name: 'alice', groups: [] }, namespace: 'ns', dryRun: false };
const strategy = (resource: string): Strategy => builtinResources.find((d) => d.group === 'batch' && d.resource === resource)!.strategy;
const podTemplate = (spec: Record<string, unknown> = { restartPolicy: 'Never' }, labels?: Record<string, string>) =>
  ({ metadata: labels ? { labels } : {}, spec: { containers: [{ name: 'c', image: 'busybox' }], ...spec } });
const job = (spec: Record<string, unknown>): KubeObject => ({ metadata: { name: 'pi', namespace: 'ns', uid: 'u-1' }, spec: { template: podTemplate(), ...spec } });

function create(resource: string, obj: KubeObject): string[] {
  const s = strategy(resource);
  s.prepareForCreate!(obj, ctx);
  return s.validate!(obj, ctx).map((e) => fieldErrorMessage(e));
}

describe('batch/v1 Job', () => {
  it('defaults and the generated selector', () => {
    const j = job({});
    assert.deepEqual(create('jobs', j), []);
    const labels = { 'batch.kubernetes.io/controller-uid': 'u-1', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'u-1', 'job-name': 'pi' };
    const { template, ...rest } = j.spec as { template: { metadata: unknown; spec: Record<string, unknown> } };
    assert.deepEqual(template.metadata, { labels });
    assert.equal(template.spec.terminationGracePeriodSeconds, 30); // core's pod defaults reach the template
    assert.deepEqual(rest, {
      completions: 1, parallelism: 1, backoffLimit: 6, completionMode: 'NonIndexed', suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed', manualSelector: false,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } },
    });
    assert.deepEqual(j.metadata.labels, labels);
  });

  const cases: Array<{ name: string; spec: Record<string, unknown>; want: string[] }> = [
    { name: 'restartPolicy left to its default', spec: { template: podTemplate({}) }, want: ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"'] },
    {
      name: 'restartPolicy unknown', spec: { template: podTemplate({ restartPolicy: 'Sometimes' }) },
      want: [
        'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
        'spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"',
      ],
    },
    { name: 'negative backoffLimit', spec: { backoffLimit: -1 }, want: ['spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0'] },
    { name: 'indexed without completions', spec: { completionMode: 'Indexed', parallelism: 2 }, want: ['spec.completions: Required value: when completion mode is Indexed'] },
    { name: 'unknown completion mode', spec: { completionMode: 'Sorted' }, want: ['spec.completionMode: Unsupported value: "Sorted": supported values: "NonIndexed", "Indexed"'] },
    {
      name: 'manual selector that does not match', spec: { manualSelector: true, selector: { matchLabels: { app: 'x' } }, template: podTemplate(undefined, { app: 'y' }) },
      want: ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"y"}: `selector` does not match template `labels`'],
    },
    {
      name: 'a user label that conflicts with the generated one', spec: { template: podTemplate(undefined, { 'job-name': 'other' }) },
      want: ['spec.template.metadata.labels[job-name]: Invalid value: map[string]string{"batch.kubernetes.io/controller-uid":"u-1", "batch.kubernetes.io/job-name":"pi", "controller-uid":"u-1", "job-name":"other"}: must be \'pi\''],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(create('jobs', job(c.spec)), c.want));

  it('template, selector and completions are immutable', () => {
    const s = strategy('jobs');
    const old = job({});
    s.prepareForCreate!(old, ctx);
    const next = structuredClone(old);
    (next.spec as { completions: number }).completions = 3;
    (next.spec as { template: { spec: { restartPolicy: string } } }).template.spec.restartPolicy = 'OnFailure';
    const errs = s.validateUpdate!(next, old, ctx).map((e) => e.field + ': ' + e.detail);
    assert.deepEqual(errs, ['spec.completions: field is immutable', 'spec.template: field is immutable']);
  });

  it('status counters are non-negative', () => {
    const s = strategy('jobs');
    const j = job({});
    s.prepareForCreate!(j, ctx);
    j.status = { active: -1, succeeded: 2 };
    assert.deepEqual(s.validate!(j, ctx).map((e) => fieldErrorMessage(e)), ['status.active: Invalid value: -1: must be greater than or equal to 0']);
  });

  it('a suspended job that never started may change its node selector', () => {
    const s = strategy('jobs');
    const old = job({ suspend: true });
    s.prepareForCreate!(old, ctx);
    const next = structuredClone(old);
    (next.spec as { template: { spec: Record<string, unknown> } }).template.spec.nodeSelector = { zone: 'a' };
    assert.deepEqual(s.validateUpdate!(next, old, ctx), []);
  });
});

describe('batch/v1 CronJob', () => {
  const cronJob = (spec: Record<string, unknown>, name = 'nightly'): KubeObject =>
    ({ metadata: { name, namespace: 'ns' }, spec: { schedule: '0 3 * * *', jobTemplate: { spec: { template: podTemplate() } }, ...spec } });

  it('defaults', () => {
    const cj = cronJob({});
    assert.deepEqual(create('cronjobs', cj), []);
    const spec = cj.spec as Record<string, unknown>;
    assert.deepEqual([spec.concurrencyPolicy, spec.suspend, spec.successfulJobsHistoryLimit, spec.failedJobsHistoryLimit], ['Allow', false, 3, 1]);
    // The job template gets pod defaults but none of the Job defaults.
    const jobSpec = (spec.jobTemplate as { spec: Record<string, unknown> }).spec;
    assert.deepEqual(Object.keys(jobSpec), ['template']);
    assert.equal((jobSpec.template as { spec: Record<string, unknown> }).spec.dnsPolicy, 'ClusterFirst');
  });

  const cases: Array<{ name: string; spec: Record<string, unknown>; want: string[]; objName?: string }> = [
    { name: 'schedule required', spec: { schedule: '' }, want: ['spec.schedule: Required value'] },
    { name: 'bad schedule', spec: { schedule: '0 25 * * *' }, want: ['spec.schedule: Invalid value: "0 25 * * *": end of range (25) above maximum (23): 25'] },
    { name: 'TZ in schedule', spec: { schedule: 'TZ=UTC 0 3 * * *' }, want: ['spec.schedule: Invalid value: "TZ=UTC 0 3 * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead'] },
    { name: 'known time zone', spec: { timeZone: 'Europe/Paris' }, want: [] },
    { name: 'unknown time zone', spec: { timeZone: 'Mars/Olympus' }, want: ['spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus'] },
    { name: 'bad concurrency policy', spec: { concurrencyPolicy: 'Sometimes' }, want: ['spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"'] },
    {
      name: 'jobTemplate selector and restart policy',
      spec: { jobTemplate: { spec: { selector: { matchLabels: { a: 'b' } }, template: podTemplate({ restartPolicy: 'Always' }) } } },
      want: [
        'spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
        'spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"a":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated',
      ],
    },
    { name: 'name too long', spec: {}, objName: 'n'.repeat(53), want: [`metadata.name: Invalid value: "${'n'.repeat(53)}": must be no more than 52 characters`] },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(create('cronjobs', cronJob(c.spec, c.objName)), c.want));
});
