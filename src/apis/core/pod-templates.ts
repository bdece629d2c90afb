/**
 * PodTemplate rules: the template gets PodTemplateSpec defaults and ValidatePodTemplate's checks,
 * reported under `template` (the object's own field).
 */
import type { Strategy } from '../../registry/rest.js';
import { isObj } from './json-shapes.js';
import { defaultPodTemplateSpec } from './pod-defaults.js';
import { validatePodTemplateSpec } from './pod-validation.js';
import { checkPodSpecQuantities } from './quantity-decode.js';
import type { KubeObject } from '../meta/types.js';

/** The template is a struct, not a pointer, upstream: a missing one is defaulted like an empty one. */
function decodePodTemplate(pt: KubeObject): void {
  if (!isObj(pt.template)) pt.template = {};
  const template = pt.template as Record<string, unknown>;
  checkPodSpecQuantities(template.spec, 'PodTemplate', 'v1');
  defaultPodTemplateSpec(template);
}

export const podTemplateStrategy: Strategy = {
  prepareForCreate: decodePodTemplate,
  prepareForUpdate: decodePodTemplate,
  validate: (pt) => validatePodTemplateSpec(pt.template, 'template'),
};
