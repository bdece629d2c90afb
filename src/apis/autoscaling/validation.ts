/**
 * autoscaling/v2 HorizontalPodAutoscaler validation (pkg/apis/autoscaling/validation): replica
 * bounds, the scale target reference, each metric (exactly its own source, a sensible target)
 * and the scaling behavior's policies.
 */
import { type FieldError, fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import { isValidPathSegmentName } from '../meta/validation.js';
import { parseQuantity } from '../meta/quantity.js';
import { type Obj, asObj, validateLabelSelector } from '../apps/validation-fields.js';

const sourceTypes = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
/** Metric type -> the field holding its source. */
const sourceField: Record<string, string> = { Object: 'object', Pods: 'pods', Resource: 'resource', External: 'external', ContainerResource: 'containerResource' };
const maxStabilizationWindowSeconds = 3600;
const maxPeriodSeconds = 1800;
const isSet = (v: unknown) => v !== undefined && v !== null;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

function validateReference(ref: Obj, p: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of ['kind', 'name']) {
    const v = str(ref[k]);
    if (v === '') errs.push(fieldRequired(`${p}.${k}`));
    else for (const m of isValidPathSegmentName(v)) errs.push(fieldInvalid(`${p}.${k}`, v, m));
  }
  return errs;
}

function validateTarget(t: Obj, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!t.type) errs.push(fieldRequired(`${p}.type`, 'must specify a metric target type'));
  if (t.type !== 'Utilization' && t.type !== 'Value' && t.type !== 'AverageValue') errs.push(fieldInvalid(`${p}.type`, str(t.type), 'must be either Utilization, Value, or AverageValue'));
  for (const k of ['value', 'averageValue']) {
    if (isSet(t[k]) && !((parseQuantity(t[k]) ?? 0) > 0)) errs.push(fieldInvalid(`${p}.${k}`, t[k], 'must be positive'));
  }
  if (typeof t.averageUtilization === 'number' && t.averageUtilization < 1) errs.push(fieldInvalid(`${p}.averageUtilization`, t.averageUtilization, 'must be greater than 0'));
  return errs;
}

/** MetricIdentifier: a name, and a valid selector when one is given. */
function validateMetricIdentifier(m: Obj, p: string): FieldError[] {
  const errs = str(m.name) === '' ? [fieldRequired(`${p}.name`, 'must specify a metric name')] : [];
  return [...errs, ...validateLabelSelector(m.selector, `${p}.selector`)];
}

function validateSource(type: string, src: Obj, p: string): FieldError[] {
  const target = asObj(src.target);
  const errs: FieldError[] = [];
  switch (type) {
    case 'resource': case 'containerResource':
      if (str(src.name) === '') errs.push(fieldRequired(`${p}.name`, 'must specify a resource name'));
      if (type === 'containerResource' && str(src.container) === '') errs.push(fieldRequired(`${p}.container`, 'must specify a container'));
      errs.push(...validateTarget(target, `${p}.target`));
      if (!isSet(target.averageUtilization) && !isSet(target.averageValue)) errs.push(fieldRequired(`${p}.target.averageUtilization`, 'must set either a target raw value or a target utilization'));
      if (isSet(target.averageUtilization) && isSet(target.averageValue)) errs.push(fieldForbidden(`${p}.target.averageValue`, 'may not set both a target raw value and a target utilization'));
      break;
    case 'pods':
      errs.push(...validateMetricIdentifier(asObj(src.metric), `${p}.metric`), ...validateTarget(target, `${p}.target`));
      if (!isSet(target.averageValue)) errs.push(fieldRequired(`${p}.target.averageValue`, 'must specify a positive target averageValue'));
      break;
    case 'object':
      errs.push(...validateReference(asObj(src.describedObject), `${p}.describedObject`), ...validateMetricIdentifier(asObj(src.metric), `${p}.metric`), ...validateTarget(target, `${p}.target`));
      if (!isSet(target.value) && !isSet(target.averageValue)) errs.push(fieldRequired(`${p}.target.value`, 'must set either a target value or averageValue'));
      break;
    case 'external':
      errs.push(...validateMetricIdentifier(asObj(src.metric), `${p}.metric`), ...validateTarget(target, `${p}.target`));
      if (!isSet(target.value) && !isSet(target.averageValue)) errs.push(fieldRequired(`${p}.target.value`, 'must set either a target value for metric or a per-pod target'));
      if (isSet(target.value) && isSet(target.averageValue)) errs.push(fieldForbidden(`${p}.target.value`, 'may not set both a target value for metric and a per-pod target'));
      break;
  }
  return errs;
}

function validateMetric(metric: Obj, p: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = str(metric.type);
  if (type === '') errs.push(fieldRequired(`${p}.type`, 'must specify a metric source type'));
  if (!sourceTypes.includes(type)) errs.push(fieldNotSupported(`${p}.type`, type, sourceTypes));
  // Only the first source present (in upstream's order) is validated further.
  const present = ['object', 'external', 'pods', 'resource', 'containerResource'].filter((k) => isSet(metric[k]));
  if (present.length > 0) errs.push(...validateSource(present[0], asObj(metric[present[0]]), `${p}.${present[0]}`));
  const expected = sourceField[type];
  if (expected === undefined) errs.push(fieldNotSupported(`${p}.type`, type, sourceTypes));
  else if (!isSet(metric[expected])) errs.push(fieldRequired(`${p}.${expected}`, 'must populate information for the given metric source'));
  if (present.length !== 1) for (const k of present) if (k !== expected) errs.push(fieldForbidden(`${p}.${k}`, 'must populate the given metric source only'));
  return errs;
}

function validateScalingRules(rules: unknown, p: string): FieldError[] {
  if (!isSet(rules)) return [];
  const r = asObj(rules);
  const errs: FieldError[] = [];
  const window = r.stabilizationWindowSeconds;
  if (typeof window === 'number' && window < 0) errs.push(fieldInvalid(`${p}.stabilizationWindowSeconds`, window, 'must be greater than or equal to zero'));
  if (typeof window === 'number' && window > maxStabilizationWindowSeconds) errs.push(fieldInvalid(`${p}.stabilizationWindowSeconds`, window, `must be less than or equal to ${maxStabilizationWindowSeconds}`));
  if (isSet(r.selectPolicy) && !['Disabled', 'Max', 'Min'].includes(str(r.selectPolicy))) errs.push(fieldNotSupported(`${p}.selectPolicy`, r.selectPolicy, ['Disabled', 'Max', 'Min']));
  const policies = Array.isArray(r.policies) ? r.policies : [];
  if (policies.length === 0) errs.push(fieldRequired(`${p}.policies`, 'must specify at least one Policy'));
  policies.forEach((raw, i) => {
    const policy = asObj(raw);
    const pp = `${p}.policies[${i}]`;
    if (policy.type !== 'Pods' && policy.type !== 'Percent') errs.push(fieldNotSupported(`${pp}.type`, str(policy.type), ['Percent', 'Pods']));
    const value = typeof policy.value === 'number' ? policy.value : 0;
    const period = typeof policy.periodSeconds === 'number' ? policy.periodSeconds : 0;
    if (value <= 0) errs.push(fieldInvalid(`${pp}.value`, value, 'must be greater than zero'));
    if (period <= 0) errs.push(fieldInvalid(`${pp}.periodSeconds`, period, 'must be greater than zero'));
    if (period > maxPeriodSeconds) errs.push(fieldInvalid(`${pp}.periodSeconds`, period, `must be less than or equal to ${maxPeriodSeconds}`));
  });
  return errs;
}

export function validateHorizontalPodAutoscaler(hpa: KubeObject): FieldError[] {
  const spec = asObj(hpa.spec);
  const errs: FieldError[] = [];
  const min = spec.minReplicas;
  const max = typeof spec.maxReplicas === 'number' ? spec.maxReplicas : 0;
  // Scale-to-zero (minReplicas 0) needs the HPAScaleToZero gate, off in 1.32.
  if (typeof min === 'number' && min < 1) errs.push(fieldInvalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  if (max < 1) errs.push(fieldInvalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (typeof min === 'number' && max < min) errs.push(fieldInvalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  errs.push(...validateReference(asObj(spec.scaleTargetRef), 'spec.scaleTargetRef'));
  (Array.isArray(spec.metrics) ? spec.metrics : []).forEach((m, i) => errs.push(...validateMetric(asObj(m), `spec.metrics[${i}]`)));
  if (isSet(spec.behavior)) {
    const b = asObj(spec.behavior);
    errs.push(...validateScalingRules(b.scaleUp, 'spec.behavior.scaleUp'), ...validateScalingRules(b.scaleDown, 'spec.behavior.scaleDown'));
  }
  return errs;
}
