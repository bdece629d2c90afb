/** coordination.k8s.io/v1 (pkg/registry/coordination/lease): leader election and node heartbeats. */
import type { ResourceDef } from '../../registry/rest.js';
import { defineResource } from '../core/define.js';
import { validateLease } from './validation.js';

export const coordinationResources: ResourceDef[] = [
  defineResource({ group: 'coordination.k8s.io', versions: ['v1'] }, 'leases', 'Lease', true, { strategy: { allowCreateOnUpdate: true, validate: validateLease } }),
];
