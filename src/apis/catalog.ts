/**
 * Every built-in resource kubets serves, emulating Kubernetes v1.32, in the order discovery lists
 * them: groups as upstream's /apis orders them (aggregator group priorities: core 18000, apps
 * 17800, events.k8s.io 17750, ... flowcontrol 16100), resources alphabetically within a group.
 */
import type { ResourceDef } from '../registry/rest.js';
import { admissionregistrationResources } from './admissionregistration/index.js';
import { appsResources } from './apps/index.js';
import { authenticationResources } from './authentication/index.js';
import { authorizationResources } from './authorization/index.js';
import { autoscalingResources } from './autoscaling/index.js';
import { batchResources } from './batch/index.js';
import { certificatesResources } from './certificates/index.js';
import { coordinationResources } from './coordination/index.js';
import { coreResources } from './core/index.js';
import { discoveryResources } from './discovery/index.js';
import { eventsResources } from './events/index.js';
import { flowcontrolResources } from './flowcontrol/index.js';
import { networkingResources } from './networking/index.js';
import { nodeResources } from './node/index.js';
import { policyResources } from './policy/index.js';
import { rbacResources } from './rbac/index.js';
import { schedulingResources } from './scheduling/index.js';
import { storageResources } from './storage/index.js';

/**
 * Upstream's group order ('' first for /api). Groups kubets does not serve yet keep their place
 * (apiregistration, apiextensions) so they slot in when added;
 * admissionregistration and apiextensions tie at 16700 and sort by name.
 */
export const groupOrder: readonly string[] = [
  '',
  'apiregistration.k8s.io',
  'apps',
  'events.k8s.io',
  'authentication.k8s.io',
  'authorization.k8s.io',
  'autoscaling',
  'batch',
  'certificates.k8s.io',
  'networking.k8s.io',
  'policy',
  'rbac.authorization.k8s.io',
  'storage.k8s.io',
  'admissionregistration.k8s.io',
  'apiextensions.k8s.io',
  'scheduling.k8s.io',
  'coordination.k8s.io',
  'node.k8s.io',
  'discovery.k8s.io',
  'flowcontrol.apiserver.k8s.io',
];

const byGroup = [
  coreResources, appsResources, eventsResources, authenticationResources, authorizationResources, autoscalingResources, batchResources, certificatesResources,
  networkingResources, policyResources, rbacResources, storageResources, admissionregistrationResources,
  schedulingResources, coordinationResources, nodeResources, discoveryResources, flowcontrolResources,
];

const rank = (group: string) => groupOrder.indexOf(group);
// Resource names are lower-case ASCII, so code-unit order is alphabetical order; localeCompare
// would give the same order but loads ICU's collator at import, ~10 ms of every start-up.
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const builtinResources: ResourceDef[] = byGroup
  .flat()
  .sort((a, b) => rank(a.group) - rank(b.group) || byName(a.resource, b.resource));
