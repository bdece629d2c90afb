/**
 * flowcontrol.apiserver.k8s.io/v1 (pkg/registry/flowcontrol): status resets on create and is kept
 * on update; metadata.generation is tracked. The mandatory objects are bootstrapped at start.
 */
import type { ResourceDef } from '../../registry/rest.js';
import { defineResource, statusReset, statusSubresource } from '../core/define.js';
import { mandatoryFlowSchemas, mandatoryPriorityLevelConfigurations } from './bootstrap.js';

const flowcontrolV1 = { group: 'flowcontrol.apiserver.k8s.io', versions: ['v1'] };

export const flowcontrolResources: ResourceDef[] = [
  defineResource(flowcontrolV1, 'flowschemas', 'FlowSchema', false, {
    subresources: [statusSubresource('FlowSchema')],
    generation: true,
    strategy: statusReset(),
    bootstrap: mandatoryFlowSchemas,
  }),
  defineResource(flowcontrolV1, 'prioritylevelconfigurations', 'PriorityLevelConfiguration', false, {
    subresources: [statusSubresource('PriorityLevelConfiguration')],
    generation: true,
    strategy: statusReset(),
    bootstrap: mandatoryPriorityLevelConfigurations,
  }),
];
