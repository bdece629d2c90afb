/**
 * networking.k8s.io/v1 (pkg/registry/networking): all three set metadata.generation; Ingress
 * status resets on create and is kept on update.
 */
import type { ResourceDef } from '../../registry/rest.js';
import { composeStrategies, defineResource, statusReset, statusSubresource } from '../core/define.js';
import { typedStrategy } from '../apps/typed-strategy.js';
import { defaultIngressClass, defaultNetworkPolicy } from './defaults.js';
import { validateIngress, validateIngressClass, validateIngressClassUpdate } from './validation-ingress.js';
import { validateNetworkPolicy } from './validation-networkpolicy.js';

const networkingV1 = { group: 'networking.k8s.io', versions: ['v1'] };

export const networkingResources: ResourceDef[] = [
  defineResource(networkingV1, 'ingressclasses', 'IngressClass', false, {
    generation: true,
    strategy: typedStrategy({ defaults: defaultIngressClass, validate: validateIngressClass, validateUpdate: validateIngressClassUpdate }),
  }),
  defineResource(networkingV1, 'ingresses', 'Ingress', true, {
    shortNames: ['ing'],
    subresources: [statusSubresource('Ingress')],
    generation: true,
    strategy: composeStrategies(statusReset(), { validate: validateIngress }),
  }),
  defineResource(networkingV1, 'networkpolicies', 'NetworkPolicy', true, {
    shortNames: ['netpol'],
    generation: true,
    strategy: typedStrategy({ defaults: defaultNetworkPolicy, validate: validateNetworkPolicy }),
  }),
];
