/**
 * networking.k8s.io/v1 (pkg/registry/networking): all three set metadata.generation; Ingress
 * status resets on create and is kept on update.
 */
import type { ResourceDef } from '../../registry/rest.js';
import { defineResource, statusReset, statusSubresource } from '../core/define.js';

const networkingV1 = { group: 'networking.k8s.io', versions: ['v1'] };

export const networkingResources: ResourceDef[] = [
  defineResource(networkingV1, 'ingressclasses', 'IngressClass', false, { generation: true }),
  defineResource(networkingV1, 'ingresses', 'Ingress', true, {
    shortNames: ['ing'],
    subresources: [statusSubresource('Ingress')],
    generation: true,
    strategy: statusReset(),
  }),
  defineResource(networkingV1, 'networkpolicies', 'NetworkPolicy', true, { shortNames: ['netpol'], generation: true }),
];
