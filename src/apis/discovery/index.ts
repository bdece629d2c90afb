/**
 * discovery.k8s.io/v1 (pkg/registry/discovery/endpointslice): metadata.generation goes up on any
 * change outside metadata, and on label changes too (the slice's labels tie it to its Service).
 */
import type { ResourceDef } from '../../registry/rest.js';
import { bumpGeneration, composeStrategies, defineResource, jsonEqual } from '../core/define.js';
import { typedStrategy } from '../apps/typed-strategy.js';
import { defaultEndpointSlice } from './defaults.js';
import { validateEndpointSlice, validateEndpointSliceUpdate } from './validation.js';

export const discoveryResources: ResourceDef[] = [
  defineResource({ group: 'discovery.k8s.io', versions: ['v1'] }, 'endpointslices', 'EndpointSlice', true, {
    generation: true,
    strategy: composeStrategies(typedStrategy({ defaults: defaultEndpointSlice, validate: validateEndpointSlice, validateUpdate: validateEndpointSliceUpdate }), {
      prepareForUpdate(obj, old) {
        if (!jsonEqual(obj.metadata.labels ?? {}, old.metadata.labels ?? {})) bumpGeneration(obj, old);
      },
    }),
  }),
];
