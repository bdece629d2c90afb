/**
 * admissionregistration.k8s.io/v1 webhook configurations: category api-extensions, generation
 * set on create and bumped when the webhooks change. The v1 admission policies are not served.
 */
import type { ResourceDef } from '../../registry/rest.js';
import { defineResource } from '../core/define.js';
import { typedStrategy } from '../apps/typed-strategy.js';
import { defaultWebhookConfiguration } from './defaults.js';
import { validateWebhookConfiguration } from './validation.js';

const admissionV1 = { group: 'admissionregistration.k8s.io', versions: ['v1'] };
const opts = (mutating: boolean) => ({
  categories: ['api-extensions'],
  generation: true,
  strategy: typedStrategy({ defaults: defaultWebhookConfiguration(mutating), validate: validateWebhookConfiguration(mutating) }),
});

export const admissionregistrationResources: ResourceDef[] = [
  defineResource(admissionV1, 'mutatingwebhookconfigurations', 'MutatingWebhookConfiguration', false, opts(true)),
  defineResource(admissionV1, 'validatingwebhookconfigurations', 'ValidatingWebhookConfiguration', false, opts(false)),
];
