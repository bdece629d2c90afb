/**
 * flowcontrol.apiserver.k8s.io/v1 (pkg/registry/flowcontrol): status resets on create and is kept
 * on update; metadata.generation is tracked. The mandatory objects are bootstrapped at start.
 */
import type { ResourceDef } from '../../registry/rest.js';
import { composeStrategies, defineResource, statusReset, statusSubresource } from '../core/define.js';
import { typedStrategy } from '../apps/typed-strategy.js';
import { defaultFlowSchema, defaultPriorityLevelConfiguration } from './defaults.js';
import { validateFlowSchema, validatePriorityLevelConfiguration } from './validation.js';
import { mandatoryFlowSchemas, mandatoryPriorityLevelConfigurations } from './bootstrap.js';

const flowcontrolV1 = { group: 'flowcontrol.apiserver.k8s.io', versions: ['v1'] };

export const flowcontrolResources: ResourceDef[] = [
  defineResource(flowcontrolV1, 'flowschemas', 'FlowSchema', false, {
    subresources: [statusSubresource('FlowSchema')],
    generation: true,
    strategy: composeStrategies(statusReset(), typedStrategy({ defaults: defaultFlowSchema, validate: validateFlowSchema })),
    bootstrap: mandatoryFlowSchemas,
  }),
  defineResource(flowcontrolV1, 'prioritylevelconfigurations', 'PriorityLevelConfiguration', false, {
    subresources: [statusSubresource('PriorityLevelConfiguration')],
    generation: true,
    strategy: composeStrategies(statusReset(), typedStrategy({ defaults: defaultPriorityLevelConfiguration, validate: validatePriorityLevelConfiguration })),
    bootstrap: mandatoryPriorityLevelConfigurations,
  }),
];
