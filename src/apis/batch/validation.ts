/**
 * Job validation (pkg/apis/batch/validation: ValidateJob, ValidateJobSpecUpdate). The spec rules
 * are shared with a CronJob's jobTemplate (validateJobSpecFields). ObjectMeta is the Store's.
 */
import { type FieldError, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import { goValueError, isDNS1123Label } from '../meta/validation.js';
import { semanticEqual } from '../../registry/before.js';
import { validatePodTemplateSpec } from '../core/pod-validation.js';
import {
  type Obj, asObj, goLabelSelector, goStringMap, immutable, nonNegative, selectorMatches, selectorMismatch, validateLabelSelector,
} from '../apps/validation-fields.js';

export const legacyJobNameLabel = 'job-name';
export const jobNameLabel = 'batch.kubernetes.io/job-name';
export const legacyControllerUidLabel = 'controller-uid';
export const controllerUidLabel = 'batch.kubernetes.io/controller-uid';

/** Indexed Jobs may not run more pods at once than this. */
const maxParallelismForIndexedJob = 100_000;
const isSet = (v: unknown) => v !== undefined && v !== null;

/** validateJobSpec: the rules a Job and a CronJob's jobTemplate share. `p` is the spec's path. */
export function validateJobSpecFields(spec: Obj, p: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes']) {
    errs.push(...nonNegative(spec[k], `${p}.${k}`));
  }
  const mode = spec.completionMode;
  if (isSet(spec.backoffLimitPerIndex) && mode !== 'Indexed') errs.push(fieldInvalid(`${p}.backoffLimitPerIndex`, spec.backoffLimitPerIndex, 'requires indexed completion mode'));
  if (isSet(mode)) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(fieldNotSupported(`${p}.completionMode`, mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed') {
      if (!isSet(spec.completions)) errs.push(fieldRequired(`${p}.completions`, 'when completion mode is Indexed'));
      if (typeof spec.parallelism === 'number' && spec.parallelism > maxParallelismForIndexedJob) {
        errs.push(fieldInvalid(`${p}.parallelism`, spec.parallelism, `must be less than or equal to ${maxParallelismForIndexedJob} when completion mode is Indexed`));
      }
    }
  }
  const replacement = spec.podReplacementPolicy;
  if (isSet(replacement)) {
    if (isSet(spec.podFailurePolicy)) {
      if (replacement !== 'Failed') errs.push(fieldNotSupported(`${p}.podReplacementPolicy`, replacement, ['Failed']));
    } else if (replacement !== 'Failed' && replacement !== 'TerminatingOrFailed') {
      errs.push(fieldNotSupported(`${p}.podReplacementPolicy`, replacement, ['Failed', 'TerminatingOrFailed']));
    }
  }
  errs.push(...validatePodTemplateSpec(spec.template, `${p}.template`));
  // Pod defaulting turns an absent restartPolicy into Always, so both read as "not chosen".
  const restart = asObj(asObj(spec.template).spec).restartPolicy;
  const rp = `${p}.template.spec.restartPolicy`;
  if (restart === undefined || restart === null || restart === '' || restart === 'Always') errs.push(fieldRequired(rp, 'valid values: "OnFailure", "Never"'));
  else if (restart !== 'OnFailure' && restart !== 'Never') errs.push(fieldNotSupported(rp, restart, ['OnFailure', 'Never']));
  else if (isSet(spec.podFailurePolicy) && restart !== 'Never') errs.push(fieldInvalid(rp, restart, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

/** ValidateHasLabel: the template must carry key=value. */
function hasLabel(labels: Obj, key: string, value: string): FieldError[] {
  const field = `spec.template.metadata.labels[${key}]`;
  if (!(key in labels)) return [fieldRequired(field, value)];
  return labels[key] === value ? [] : [goValueError('FieldValueInvalid', field, goStringMap(labels), `must be '${value}'`)];
}

/** validateGeneratedSelector: a generated selector and labels must be the job's own. */
function validateGeneratedSelector(job: KubeObject): FieldError[] {
  const spec = asObj(job.spec);
  if (spec.manualSelector === true || !isSet(spec.selector)) return [];
  const uid = job.metadata.uid ?? '';
  const name = job.metadata.name ?? '';
  const errs: FieldError[] = uid === '' ? [fieldRequired('metadata.uid')] : [];
  const labels = asObj(asObj(asObj(spec.template).metadata).labels);
  const expected: Record<string, string> = {
    [legacyControllerUidLabel]: uid, [legacyJobNameLabel]: name, [controllerUidLabel]: uid, [jobNameLabel]: name,
  };
  for (const [k, v] of Object.entries(expected)) errs.push(...hasLabel(labels, k, v));
  if (selectorMatches(spec.selector, expected) === false) {
    errs.push(goValueError('FieldValueInvalid', 'spec.selector', goLabelSelector(spec.selector), '`selector` not auto-generated'));
  }
  return errs;
}

/** ValidateJobSpec: the shared rules plus a required, valid selector that matches the template. */
function validateJobSpec(spec: Obj): FieldError[] {
  const errs = validateJobSpecFields(spec, 'spec');
  if (!isSet(spec.selector)) errs.push(fieldRequired('spec.selector'));
  else errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  const labels = asObj(asObj(spec.template).metadata).labels;
  // A nil selector selects nothing, so it mismatches too (upstream reports both).
  if (selectorMatches(spec.selector, labels) === false) errs.push(selectorMismatch('spec.template.metadata.labels', labels));
  return errs;
}

export function validateJob(job: KubeObject): FieldError[] {
  const spec = asObj(job.spec);
  const errs = [...validateGeneratedSelector(job), ...validateJobSpec(spec)];
  if (spec.completionMode === 'Indexed' && typeof spec.completions === 'number' && spec.completions > 0) {
    // Pods of an Indexed Job are named <job>-<index>; the highest index must still make a DNS label.
    const hostname = `${job.metadata.name ?? ''}-${spec.completions - 1}`;
    if (isDNS1123Label(hostname).length > 0) errs.push(fieldInvalid('metadata.name', job.metadata.name ?? '', `will not able to create pod with invalid DNS label: ${hostname}`));
  }
  return errs;
}

/** The scheduling fields a suspended Job that never started may still change (JobMutableNodeSchedulingDirectives). */
function withoutSchedulingDirectives(template: unknown): Obj {
  const t = structuredClone(asObj(template));
  const meta = asObj(t.metadata);
  delete meta.labels;
  delete meta.annotations;
  const spec = asObj(t.spec);
  for (const k of ['nodeSelector', 'tolerations', 'affinity', 'schedulingGates']) delete spec[k];
  return t;
}

export function validateJobUpdate(job: KubeObject, old: KubeObject): FieldError[] {
  const spec = asObj(job.spec);
  const prev = asObj(old.spec);
  const errs: FieldError[] = [];
  if (!semanticEqual(spec.completions, prev.completions)) {
    // Elastic Indexed Jobs may change completions, but only together with parallelism.
    if (spec.completionMode !== 'Indexed') errs.push(fieldInvalid('spec.completions', spec.completions ?? null, 'field is immutable'));
    else if (isSet(spec.completions) && spec.completions !== spec.parallelism) errs.push(fieldInvalid('spec.completions', spec.completions, 'can only be modified in tandem with spec.parallelism'));
  }
  errs.push(...immutable(spec.selector, prev.selector, 'spec.selector', semanticEqual, goLabelSelector));
  const mayReschedule = prev.suspend === true && !isSet(asObj(old.status).startTime);
  const same = mayReschedule ? semanticEqual(withoutSchedulingDirectives(spec.template), withoutSchedulingDirectives(prev.template)) : semanticEqual(spec.template, prev.template);
  // upstream prints the whole core.PodTemplateSpec with Go's %#v (pointer addresses included); JSON stands in.
  if (!same) errs.push(fieldInvalid('spec.template', spec.template ?? null, 'field is immutable'));
  for (const k of ['completionMode', 'podFailurePolicy', 'backoffLimitPerIndex']) {
    errs.push(...immutable(spec[k], prev[k], `spec.${k}`, semanticEqual));
  }
  return errs;
}

/** ValidateJobStatus: the pod counters are never negative (upstream checks more once the Job is finished). */
export function validateJobStatus(job: KubeObject): FieldError[] {
  const status = asObj(job.status);
  return ['active', 'succeeded', 'failed', 'ready', 'terminating'].flatMap((k) => nonNegative(status[k], `status.${k}`));
}
