/**
 * discovery.k8s.io/v1 (pkg/registry/discovery/endpointslice): metadata.generation goes up on any
 * change outside metadata, and on label changes too (the slice's labels tie it to its Service).
 */
import type { ResourceDef } from '../../registry/rest.js';
import { bumpGeneration, defineResource, jsonEqual } from '../core/define.js';

export const discoveryResources: ResourceDef[] = [
  defineResource({ group: 'discovery.k8s.io', versions: ['v1'] }, 'endpointslices', 'EndpointSlice', true, {
    generation: true,
    strategy: {
      prepareForUpdate(obj, old) {
        if (!jsonEqual(obj.metadata.labels ?? {}, old.metadata.labels ?? {})) bumpGeneration(obj, old);
      },
    },
  }),
];
