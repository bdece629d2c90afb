/** batch printers: job STATUS, COMPLETIONS and DURATION; cron job schedule columns. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { batchPrinters, jobCompletions, jobDuration, jobStatus } from '../../../src/apis/batch/printers.js';
import type { KubeObject } from '../../../src/apis/meta/types.js';

const t = { timeout: 10_000 };
const now = Date.parse('2026-03-01T12:00:00Z');
const ago = (s: number) => new Date(now - s * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
const job = (fields: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) => ({ metadata: { name: 'j', creationTimestamp: ago(120), ...meta }, ...fields });
const cond = (type: string, status = 'True') => ({ type, status });

describe('jobs', t, () => {
  it('columns', () => assert.deepEqual(batchPrinters.jobs.columns.map((c) => c.name), ['Name', 'Status', 'Completions', 'Duration', 'Age', 'Containers', 'Images', 'Selector']));
  const statuses: Array<[string, Record<string, unknown>, Record<string, unknown>, string]> = [
    ['running by default', {}, {}, 'Running'],
    ['complete', { status: { conditions: [cond('Complete')] } }, {}, 'Complete'],
    ['failed', { status: { conditions: [cond('Failed')] } }, {}, 'Failed'],
    ['a false condition does not count', { status: { conditions: [cond('Complete', 'False')] } }, {}, 'Running'],
    ['terminating', {}, { deletionTimestamp: ago(1) }, 'Terminating'],
    ['complete wins over terminating', { status: { conditions: [cond('Complete')] } }, { deletionTimestamp: ago(1) }, 'Complete'],
    ['suspended', { status: { conditions: [cond('Suspended')] } }, {}, 'Suspended'],
    ['failure target', { status: { conditions: [cond('FailureTarget')] } }, {}, 'FailureTarget'],
  ];
  for (const [name, fields, meta, want] of statuses) it(`STATUS: ${name}`, () => assert.equal(jobStatus(job(fields, meta)), want));

  const completions: Array<[Record<string, unknown>, string]> = [
    [{ spec: { completions: 5 }, status: { succeeded: 2 } }, '2/5'],
    [{ spec: { completions: 1 } }, '0/1'],
    [{ spec: { parallelism: 1 }, status: { succeeded: 1 } }, '1/1'],
    [{ spec: { parallelism: 3 }, status: { succeeded: 1 } }, '1/1 of 3'],
  ];
  for (const [fields, want] of completions) it(`COMPLETIONS ${want}`, () => assert.equal(jobCompletions(job(fields)), want));

  it('DURATION: empty before start, running time, then fixed at completion', () => {
    assert.equal(jobDuration(job(), now), '');
    assert.equal(jobDuration(job({ status: { startTime: ago(45) } }), now), '45s');
    assert.equal(jobDuration(job({ status: { startTime: ago(600), completionTime: ago(500) } }), now), '100s');
  });

  it('row with wide cells', () => {
    const j = job({ spec: { completions: 1, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u' } }, template: { spec: { containers: [{ name: 'pi', image: 'perl' }] } } }, status: { succeeded: 1, startTime: ago(100), completionTime: ago(90), conditions: [cond('Complete')] } });
    assert.deepEqual(batchPrinters.jobs.cells(j as KubeObject, now), ['j', 'Complete', '1/1', '10s', '2m', 'pi', 'perl', 'batch.kubernetes.io/controller-uid=u']);
  });
});

describe('cronjobs', t, () => {
  it('columns', () => assert.deepEqual(batchPrinters.cronjobs.columns.map((c) => [c.name, c.priority]),
    [['Name', 0], ['Schedule', 0], ['Timezone', 0], ['Suspend', 0], ['Active', 0], ['Last Schedule', 0], ['Age', 0], ['Containers', 1], ['Images', 1], ['Selector', 1]]));
  const tmpl = { spec: { template: { spec: { containers: [{ name: 'c', image: 'busybox' }] } } } };
  it('a new cron job', () => {
    const cj = job({ spec: { schedule: '*/5 * * * *', suspend: false, jobTemplate: tmpl } });
    assert.deepEqual(batchPrinters.cronjobs.cells(cj as KubeObject, now), ['j', '*/5 * * * *', '<none>', 'False', 0, '<none>', '2m', 'c', 'busybox', '<none>']);
  });
  it('a scheduled one with a time zone and active jobs', () => {
    const cj = job({ spec: { schedule: '@hourly', timeZone: 'Europe/Paris', suspend: true, jobTemplate: tmpl }, status: { active: [{ name: 'a' }, { name: 'b' }], lastScheduleTime: ago(30) } });
    assert.deepEqual(batchPrinters.cronjobs.cells(cj as KubeObject, now).slice(1, 6), ['@hourly', 'Europe/Paris', 'True', 2, '30s']);
    assert.equal(batchPrinters.cronjobs.cells(job({ spec: { schedule: 'x', jobTemplate: tmpl } }) as KubeObject, now)[3], '<unset>');
  });
});
