/**
 * batch/v1 defaulting (pkg/apis/batch/v1/defaults.go). Applied on create and on every update, as
 * upstream's decode-time defaulting is. A CronJob's jobTemplate is not a Job: its spec gets none
 * of the Job defaults (only pod defaults, which core owns).
 */
import type { KubeObject } from '../meta/types.js';
import { asObj, child, setDefault } from '../apps/validation-fields.js';
import { defaultTemplate } from '../apps/defaults.js';

/** math.MaxInt32: the backoffLimit of a Job that limits failures per index instead. */
const maxInt32 = 2_147_483_647;

export function defaultJob(job: KubeObject): void {
  const spec = child(job, 'spec');
  // A non-parallel Job may leave both unset: then both are 1.
  if ((spec.completions === undefined || spec.completions === null) && (spec.parallelism === undefined || spec.parallelism === null)) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setDefault(spec, 'parallelism', 1);
  const perIndex = spec.backoffLimitPerIndex !== undefined && spec.backoffLimitPerIndex !== null;
  setDefault(spec, 'backoffLimit', perIndex ? maxInt32 : 6);
  copyTemplateLabels(job);
  setDefault(spec, 'completionMode', 'NonIndexed');
  setDefault(spec, 'suspend', false);
  const failurePolicy = spec.podFailurePolicy;
  for (const rule of Array.isArray(asObj(failurePolicy).rules) ? asObj(failurePolicy).rules as unknown[] : []) {
    const patterns = asObj(rule).onPodConditions;
    if (Array.isArray(patterns)) for (const p of patterns) { const o = asObj(p); if (!o.status) o.status = 'True'; }
  }
  setDefault(spec, 'podReplacementPolicy', failurePolicy !== undefined && failurePolicy !== null ? 'Failed' : 'TerminatingOrFailed');
  setDefault(spec, 'manualSelector', false);
  defaultTemplate(spec);
}

/**
 * A Job without labels of its own takes its template's. Upstream does this while decoding, which
 * also happens when the stored Job is read back: so the labels the selector generation adds to
 * the template land on the Job too. Callers run it again after generating the selector.
 */
export function copyTemplateLabels(job: KubeObject): void {
  const labels = asObj(asObj(asObj(job.spec).template).metadata).labels;
  const own = job.metadata.labels;
  if (labels !== undefined && labels !== null && (own === undefined || Object.keys(own).length === 0)) {
    job.metadata.labels = { ...(labels as Record<string, string>) };
  }
}

export function defaultCronJob(cj: KubeObject): void {
  const spec = child(cj, 'spec');
  if (!spec.concurrencyPolicy) spec.concurrencyPolicy = 'Allow';
  setDefault(spec, 'suspend', false);
  setDefault(spec, 'successfulJobsHistoryLimit', 3);
  setDefault(spec, 'failedJobsHistoryLimit', 1);
  defaultTemplate(child(child(spec, 'jobTemplate'), 'spec'));
}
