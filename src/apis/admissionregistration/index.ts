/**
 * admissionregistration.k8s.io/v1 webhook configurations: category api-extensions, generation
 * set on create and bumped when the webhooks change. The v1 admission policies are not served.
 */
import type { ResourceDef } from '../../registry/rest.js';
import { defineResource } from '../core/define.js';

const admissionV1 = { group: 'admissionregistration.k8s.io', versions: ['v1'] };
const opts = { categories: ['api-extensions'], generation: true };

export const admissionregistrationResources: ResourceDef[] = [
  defineResource(admissionV1, 'mutatingwebhookconfigurations', 'MutatingWebhookConfiguration', false, opts),
  defineResource(admissionV1, 'validatingwebhookconfigurations', 'ValidatingWebhookConfiguration', false, opts),
];
