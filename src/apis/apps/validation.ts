/**
 * apps/v1 validation (pkg/apis/apps/validation/validation.go and the update rules of
 * pkg/registry/apps/*): the workload-level rules, with core's ValidatePodTemplateSpec for the
 * template. ObjectMeta is validated by the Store. Messages and value renderings are upstream's.
 */
import { type FieldError, fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import { goValueError } from '../meta/validation.js';
import { semanticEqual } from '../../registry/before.js';
import { validatePodTemplateSpec } from '../core/pod-validation.js';
import {
  asObj, goIntOrString, goLabelSelector, immutable, intOrPercentValue, isEmptySelector, nonNegative, notMoreThan100Percent,
  positiveIntOrPercent, selectorMatches, selectorMismatch, validateLabelSelector,
} from './validation-fields.js';

/**
 * spec.selector of a Deployment, ReplicaSet or StatefulSet: required, valid, not empty. Returns
 * whether the template may be matched against it (LabelSelectorAsSelector succeeded).
 */
function requiredSelector(spec: Record<string, unknown>, kindWord: string, errs: FieldError[], badSelectorText = 'invalid label selector'): boolean {
  if (spec.selector === undefined || spec.selector === null) {
    errs.push(fieldRequired('spec.selector'));
    return false;
  }
  errs.push(...validateLabelSelector(spec.selector, 'spec.selector'));
  if (isEmptySelector(spec.selector)) errs.push(goValueError('FieldValueInvalid', 'spec.selector', goLabelSelector(spec.selector), `empty selector is invalid for ${kindWord}`));
  if (selectorMatches(spec.selector, {}) === null) {
    errs.push(goValueError('FieldValueInvalid', 'spec.selector', goLabelSelector(spec.selector), badSelectorText));
    return false;
  }
  return true;
}

/** Template rules every long-running controller shares: labels match, restartPolicy Always, no deadline. */
function templateForController(spec: Record<string, unknown>, kind: string, matchable: boolean, errs: FieldError[]): void {
  const template = asObj(spec.template);
  const labels = asObj(template.metadata).labels;
  if (matchable && !isEmptySelector(spec.selector) && selectorMatches(spec.selector, labels) === false) {
    errs.push(selectorMismatch('spec.template.metadata.labels', labels));
  }
  errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
  const podSpec = asObj(template.spec);
  // An absent restartPolicy is defaulted to Always by pod defaulting, which passes.
  const restart = podSpec.restartPolicy ?? 'Always';
  if (restart !== 'Always') errs.push(fieldNotSupported('spec.template.spec.restartPolicy', restart, ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null) {
    errs.push(fieldForbidden('spec.template.spec.activeDeadlineSeconds', `activeDeadlineSeconds in ${kind} is not Supported`));
  }
}

export function validateReplicaSet(rs: KubeObject): FieldError[] {
  const spec = asObj(rs.spec);
  const errs = [...nonNegative(spec.replicas, 'spec.replicas'), ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds')];
  // "deployment" (sic): upstream's ReplicaSet check reuses the Deployment text.
  const matchable = requiredSelector(spec, 'deployment', errs);
  templateForController(spec, 'ReplicaSet', matchable, errs);
  return errs;
}

function validateDeploymentStrategy(strategy: Record<string, unknown>, errs: FieldError[]): void {
  const p = 'spec.strategy';
  if (strategy.type === 'Recreate') {
    if (strategy.rollingUpdate !== undefined && strategy.rollingUpdate !== null) {
      errs.push(fieldForbidden(`${p}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'"));
    }
  } else if (strategy.type === 'RollingUpdate') {
    if (strategy.rollingUpdate === undefined || strategy.rollingUpdate === null) {
      errs.push(fieldRequired(`${p}.rollingUpdate`, 'this should be defaulted and never be nil'));
      return;
    }
    const ru = asObj(strategy.rollingUpdate);
    errs.push(...positiveIntOrPercent(ru.maxUnavailable, `${p}.rollingUpdate.maxUnavailable`), ...positiveIntOrPercent(ru.maxSurge, `${p}.rollingUpdate.maxSurge`));
    if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
      errs.push(goValueError('FieldValueInvalid', `${p}.rollingUpdate.maxUnavailable`, goIntOrString(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
    }
    errs.push(...notMoreThan100Percent(ru.maxUnavailable, `${p}.rollingUpdate.maxUnavailable`));
  } else {
    errs.push(fieldNotSupported(p, strategy.type ?? '', ['Recreate', 'RollingUpdate']));
  }
}

export function validateDeployment(d: KubeObject): FieldError[] {
  const spec = asObj(d.spec);
  const errs = nonNegative(spec.replicas, 'spec.replicas');
  const matchable = requiredSelector(spec, 'deployment', errs);
  templateForController(spec, 'ReplicaSet', matchable, errs);
  validateDeploymentStrategy(asObj(spec.strategy), errs);
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'), ...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  const deadline = spec.progressDeadlineSeconds;
  if (typeof deadline === 'number') {
    errs.push(...nonNegative(deadline, 'spec.progressDeadlineSeconds'));
    if (deadline <= (typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0)) {
      errs.push(fieldInvalid('spec.progressDeadlineSeconds', deadline, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

/** Deployment and ReplicaSet in apps/v1: the selector is fixed once created. */
export function validateSelectorUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  return immutable(asObj(obj.spec).selector, asObj(old.spec).selector, 'spec.selector', semanticEqual, goLabelSelector);
}

export function validateDaemonSet(ds: KubeObject): FieldError[] {
  const spec = asObj(ds.spec);
  const errs = validateLabelSelector(spec.selector, 'spec.selector');
  const labels = asObj(asObj(spec.template).metadata).labels;
  // DaemonSets match even a nil selector (which selects nothing) against the template.
  if (selectorMatches(spec.selector, labels) === false) errs.push(selectorMismatch('spec.template.metadata.labels', labels));
  if (spec.selector !== undefined && spec.selector !== null && isEmptySelector(spec.selector)) {
    errs.push(goValueError('FieldValueInvalid', 'spec.selector', goLabelSelector(spec.selector), 'empty selector is invalid for daemonset'));
  }
  templateForController({ ...spec, selector: undefined }, 'DaemonSet', false, errs);
  errs.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  validateDaemonSetStrategy(asObj(spec.updateStrategy), errs);
  errs.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errs;
}

function validateDaemonSetStrategy(strategy: Record<string, unknown>, errs: FieldError[]): void {
  const p = 'spec.updateStrategy';
  if (strategy.type === 'OnDelete') return;
  if (strategy.type !== 'RollingUpdate') {
    errs.push(fieldNotSupported(p, strategy.type ?? '', ['RollingUpdate', 'OnDelete']));
    return;
  }
  if (strategy.rollingUpdate === undefined || strategy.rollingUpdate === null) {
    errs.push(fieldRequired(`${p}.rollingUpdate`));
    return;
  }
  const ru = asObj(strategy.rollingUpdate);
  const mu = `${p}.rollingUpdate.maxUnavailable`;
  const ms = `${p}.rollingUpdate.maxSurge`;
  errs.push(...positiveIntOrPercent(ru.maxUnavailable, mu), ...positiveIntOrPercent(ru.maxSurge, ms),
    ...notMoreThan100Percent(ru.maxUnavailable, mu), ...notMoreThan100Percent(ru.maxSurge, ms));
  const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
  if (hasUnavailable && hasSurge) errs.push(goValueError('FieldValueInvalid', ms, goIntOrString(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
  else if (!hasUnavailable && !hasSurge) errs.push(fieldRequired(mu, 'cannot be 0 when maxSurge is 0'));
}

export function validateControllerRevision(cr: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (cr.data === undefined || cr.data === null) errs.push(fieldRequired('data', 'data is mandatory'));
  errs.push(...nonNegative(cr.revision, 'revision'));
  return errs;
}

export function validateControllerRevisionUpdate(cr: KubeObject, old: KubeObject): FieldError[] {
  // The value is a runtime.RawExtension upstream; its %#v is not reproducible, so JSON stands in.
  return immutable(cr.data, old.data, 'data', semanticEqual);
}
