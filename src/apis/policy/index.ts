/** policy/v1 (pkg/registry/policy/poddisruptionbudget): status resets on create; generation is tracked. */
import type { ResourceDef } from '../../registry/rest.js';
import { composeStrategies, defineResource, statusReset, statusSubresource } from '../core/define.js';
import { validatePodDisruptionBudget } from './validation.js';

export const policyResources: ResourceDef[] = [
  defineResource({ group: 'policy', versions: ['v1'] }, 'poddisruptionbudgets', 'PodDisruptionBudget', true, {
    shortNames: ['pdb'],
    subresources: [statusSubresource('PodDisruptionBudget')],
    generation: true,
    strategy: composeStrategies(statusReset(), { validate: validatePodDisruptionBudget }),
  }),
];
