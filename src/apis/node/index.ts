/** node.k8s.io/v1 (pkg/registry/node/runtimeclass): PUT may create (AllowCreateOnUpdate). */
import type { ResourceDef } from '../../registry/rest.js';
import { defineResource } from '../core/define.js';
import { validateRuntimeClass, validateRuntimeClassUpdate } from './validation.js';

export const nodeResources: ResourceDef[] = [
  defineResource({ group: 'node.k8s.io', versions: ['v1'] }, 'runtimeclasses', 'RuntimeClass', false, {
    strategy: { allowCreateOnUpdate: true, validate: validateRuntimeClass, validateUpdate: validateRuntimeClassUpdate },
  }),
];
