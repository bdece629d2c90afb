/**
 * ReplicationController rules: v1 defaults (SetDefaults_ReplicationController: selector and object
 * labels from the template's labels, replicas 1, PodTemplateSpec defaults) and
 * ValidateReplicationControllerSpec (a non-empty selector matching the template labels, a template
 * that restarts Always and has no deadline).
 */
import { type FieldError, fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import type { Strategy } from '../../registry/rest.js';
import { section } from './define.js';
import { type Obj, isObj, objAt } from './json-shapes.js';
import { defaultPodTemplateSpec } from './pod-defaults.js';
import { validatePodTemplateSpec } from './pod-validation.js';
import { checkPodSpecQuantities } from './quantity-decode.js';
import { validateNonnegative } from './value-formats.js';

/** %#v of a map[string]string, keys sorted as Go's fmt prints maps. */
export function goStringMap(m: Obj | undefined): string {
  if (!m) return 'map[string]string(nil)';
  const entries = Object.keys(m).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(m[k])}`);
  return `map[string]string{${entries.join(', ')}}`;
}

const nonEmpty = (m: Obj | undefined): m is Obj => !!m && Object.keys(m).length > 0;

function defaultReplicationController(rc: KubeObject): void {
  const spec = section(rc, 'spec');
  const template = objAt(spec, 'template');
  const labels = template && objAt(objAt(template, 'metadata') ?? {}, 'labels');
  if (labels) {
    if (!nonEmpty(objAt(spec, 'selector'))) spec.selector = { ...labels };
    if (!nonEmpty(rc.metadata.labels)) rc.metadata.labels = { ...labels } as Record<string, string>;
  }
  if (typeof spec.replicas !== 'number') spec.replicas = 1;
  if (template) {
    checkPodSpecQuantities(template.spec, 'ReplicationController', 'v1');
    defaultPodTemplateSpec(template);
  }
}

/** ValidatePodTemplateSpecForRC. */
function validateTemplate(spec: Obj): FieldError[] {
  const template = objAt(spec, 'template');
  if (!template) return [fieldRequired('spec.template')];
  const errs: FieldError[] = [];
  const selector = objAt(spec, 'selector');
  const labels = objAt(objAt(template, 'metadata') ?? {}, 'labels');
  if (nonEmpty(selector) && !Object.entries(selector).every(([k, v]) => labels?.[k] === v)) {
    errs.push({ type: 'FieldValueInvalid', field: 'spec.template.metadata.labels', detail: `${goStringMap(labels)}: \`selector\` does not match template \`labels\`` });
  }
  errs.push(...validatePodTemplateSpec(template, 'spec.template'));
  const podSpec = objAt(template, 'spec') ?? {};
  if (podSpec.restartPolicy !== 'Always') errs.push(fieldNotSupported('spec.template.spec.restartPolicy', podSpec.restartPolicy ?? '', ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null) {
    errs.push(fieldForbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicationController is not Supported'));
  }
  return errs;
}

function validateReplicationController(rc: KubeObject): FieldError[] {
  const spec = isObj(rc.spec) ? rc.spec : {};
  const errs = validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds');
  if (!nonEmpty(objAt(spec, 'selector'))) errs.push(fieldRequired('spec.selector'));
  errs.push(...validateNonnegative(spec.replicas, 'spec.replicas'));
  if (spec.replicas !== undefined && typeof spec.replicas !== 'number') errs.push(fieldInvalid('spec.replicas', spec.replicas, 'must be an integer'));
  errs.push(...validateTemplate(spec));
  return errs;
}

/** Defaults and validation; status reset and field selectors are composed in by index.ts. */
export const replicationControllerRules: Strategy = {
  prepareForCreate: defaultReplicationController,
  prepareForUpdate: defaultReplicationController,
  validate: validateReplicationController,
};
