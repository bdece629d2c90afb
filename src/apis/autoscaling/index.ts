/**
 * autoscaling (pkg/registry/autoscaling/horizontalpodautoscaler): served as v2 (preferred) and
 * v1, as upstream. Status resets on create and is kept on update. In 1.32 the HPA strategy sets no
 * metadata.generation (that came with the HPAGeneration feature gate, much later).
 */
import type { ResourceDef } from '../../registry/rest.js';
import { composeStrategies, defineResource, statusReset, statusSubresource } from '../core/define.js';
import { typedStrategy } from '../apps/typed-strategy.js';
import { defaultHorizontalPodAutoscaler } from './defaults.js';
import { validateHorizontalPodAutoscaler } from './validation.js';
import { hpaV1ToV2, hpaV2ToV1 } from './conversion.js';

export const autoscalingResources: ResourceDef[] = [
  defineResource({ group: 'autoscaling', versions: ['v2', 'v1'] }, 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true, {
    shortNames: ['hpa'],
    categories: ['all'],
    subresources: [statusSubresource('HorizontalPodAutoscaler')],
    strategy: composeStrategies(statusReset(), typedStrategy({ defaults: defaultHorizontalPodAutoscaler, validate: validateHorizontalPodAutoscaler })),
    convertVersion: (obj, from, to) => (from === to ? obj : to === 'v1' ? hpaV2ToV1(obj) : hpaV1ToV2(obj)),
  }),
];
