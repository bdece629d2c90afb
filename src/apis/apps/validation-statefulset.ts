/**
 * StatefulSet validation (ValidateStatefulSetSpec / ValidateStatefulSetUpdate upstream). Apart
 * from a handful of fields, a StatefulSet's spec is fixed at creation: an update that touches
 * anything else is refused with one Forbidden on `spec`.
 */
import { type FieldError, fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import { goValueError, validateAnnotations, validateLabels } from '../meta/validation.js';
import { semanticEqual } from '../../registry/before.js';
import {
  asObj, goIntOrString, goLabelSelector, intOrPercentValue, isEmptySelector, nonNegative, notMoreThan100Percent, positiveIntOrPercent,
  selectorMatches, selectorMismatch, validateLabelSelector,
} from './validation-fields.js';

const retentionPolicies = ['Retain', 'Delete'];

/** %#v of the strategy structs, for the two messages that print them. */
const goRollingUpdate = (ru: Record<string, unknown>) =>
  `&apps.RollingUpdateStatefulSetStrategy{Partition:${typeof ru.partition === 'number' ? ru.partition : 0}, MaxUnavailable:${ru.maxUnavailable === undefined ? '(*intstr.IntOrString)(nil)' : goIntOrString(ru.maxUnavailable)}}`;

function validateUpdateStrategy(strategy: Record<string, unknown>, errs: FieldError[]): void {
  const p = 'spec.updateStrategy';
  const ru = strategy.rollingUpdate;
  switch (strategy.type) {
    case undefined: case null: case '':
      errs.push(fieldRequired(p));
      break;
    case 'OnDelete':
      if (ru !== undefined && ru !== null) errs.push(goValueError('FieldValueInvalid', `${p}.rollingUpdate`, goRollingUpdate(asObj(ru)), "only allowed for updateStrategy 'RollingUpdate'"));
      break;
    case 'RollingUpdate': {
      if (ru === undefined || ru === null) break;
      const r = asObj(ru);
      errs.push(...nonNegative(r.partition, `${p}.rollingUpdate.partition`));
      if (r.maxUnavailable !== undefined && r.maxUnavailable !== null) {
        const f = `${p}.rollingUpdate.maxUnavailable`;
        errs.push(...positiveIntOrPercent(r.maxUnavailable, f));
        if (intOrPercentValue(r.maxUnavailable) === 0) errs.push(goValueError('FieldValueInvalid', f, goIntOrString(r.maxUnavailable), 'cannot be 0'));
        errs.push(...notMoreThan100Percent(r.maxUnavailable, f));
      }
      break;
    }
    default:
      errs.push(goValueError('FieldValueInvalid', p, `apps.StatefulSetUpdateStrategy{Type:${JSON.stringify(String(strategy.type))}, RollingUpdate:${ru === undefined || ru === null ? '(*apps.RollingUpdateStatefulSetStrategy)(nil)' : goRollingUpdate(asObj(ru))}}`,
        "must be 'RollingUpdate' or 'OnDelete'"));
  }
}

export function validateStatefulSet(sts: KubeObject): FieldError[] {
  const spec = asObj(sts.spec);
  const errs: FieldError[] = [];
  const policy = spec.podManagementPolicy;
  if (policy === undefined || policy === null || policy === '') errs.push(fieldRequired('spec.podManagementPolicy'));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel') errs.push(fieldInvalid('spec.podManagementPolicy', policy, "must be 'OrderedReady' or 'Parallel'"));
  validateUpdateStrategy(asObj(spec.updateStrategy), errs);
  if (spec.persistentVolumeClaimRetentionPolicy !== undefined && spec.persistentVolumeClaimRetentionPolicy !== null) {
    const r = asObj(spec.persistentVolumeClaimRetentionPolicy);
    for (const k of ['whenDeleted', 'whenScaled']) {
      if (!retentionPolicies.includes(r[k] as string)) errs.push(fieldNotSupported(`spec.persistentVolumeClaimRetentionPolicy.${k}`, r[k] ?? '', retentionPolicies));
    }
  }
  errs.push(...nonNegative(spec.replicas, 'spec.replicas'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  if (spec.ordinals !== undefined && spec.ordinals !== null) errs.push(...nonNegative(asObj(spec.ordinals).start, 'spec.ordinals.start'));

  let matchable = false;
  if (spec.selector === undefined || spec.selector === null) {
    errs.push(fieldRequired('spec.selector'));
  } else {
    errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
    if (isEmptySelector(spec.selector)) errs.push(goValueError('FieldValueInvalid', 'spec.selector', goLabelSelector(spec.selector), 'empty selector is invalid for statefulset'));
    matchable = selectorMatches(spec.selector, {}) !== null;
    // upstream reports an unparsable selector with an empty detail here.
    if (!matchable) errs.push({ type: 'FieldValueInvalid', field: 'spec.selector', detail: goLabelSelector(spec.selector) });
  }
  const template = asObj(spec.template);
  const labels = asObj(template.metadata).labels;
  if (matchable && !isEmptySelector(spec.selector) && selectorMatches(spec.selector, labels) === false) errs.push(selectorMismatch('spec.template.metadata.labels', labels));
  // upstream checks only the template's labels and annotations here, not its pod spec (a TODO there).
  const meta = asObj(template.metadata);
  errs.push(...validateLabels(meta.labels as Record<string, string> | undefined, 'spec.template.labels'),
    ...validateAnnotations(meta.annotations as Record<string, string> | undefined, 'spec.template.annotations'));
  const podSpec = asObj(template.spec);
  const restart = podSpec.restartPolicy ?? 'Always';
  if (restart !== 'Always') errs.push(fieldNotSupported('spec.template.spec.restartPolicy', restart, ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null) {
    errs.push(fieldForbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported'));
  }
  return errs;
}

/** Fields an update may change; everything else in spec must stay as it was. */
const mutableSpecFields = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy'];

export function validateStatefulSetUpdate(sts: KubeObject, old: KubeObject): FieldError[] {
  const next = { ...asObj(sts.spec) };
  const prev = { ...asObj(old.spec) };
  for (const k of mutableSpecFields) { delete next[k]; delete prev[k]; }
  if (semanticEqual(next, prev)) return [];
  return [fieldForbidden('spec', "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden")];
}
