/**
 * The core ("") group, v1: every resource kubets serves under /api/v1, as upstream's
 * pkg/registry/core/<resource>/storage and strategy.go define them (names, scope, short names,
 * categories, subresources, name rules, generation, field selectors). Not served: bindings,
 * componentstatuses, the connect subresources (exec, log, attach, portforward, proxy) and
 * pods/ephemeralcontainers.
 */
import { type KubeObject, nowTimestamp } from '../meta/types.js';
import type { ResourceDef, Strategy, SubresourceDef } from '../../registry/rest.js';
import { configMapStrategy } from './configmaps.js';
import {
  composeStrategies, defineResource, fieldSelectors, fieldString, scaleSubresource, statusReset, statusSubresource, valueAt,
} from './define.js';
import { endpointsStrategy } from './endpoints.js';
import { coreEventStrategy } from './events.js';
import { limitRangeStrategy } from './limit-ranges.js';
import { nodeRules } from './nodes.js';
import { persistentVolumeClaimRules, persistentVolumeRules } from './persistent-volumes.js';
import { podTemplateStrategy } from './pod-templates.js';
import { replicationControllerRules } from './replication-controllers.js';
import { resourceQuotaRules } from './resource-quotas.js';
import { namespaceStrategy } from './namespaces.js';
import { podStrategy } from './pods.js';
import { secretStrategy } from './secrets.js';
import { serviceStrategy } from './services.js';

const v1 = { group: '', versions: ['v1'] };
const all = ['all'];

const podSubresources: SubresourceDef[] = [
  { name: 'binding', kind: 'Binding', verbs: ['create'] },
  { name: 'eviction', kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
  statusSubresource('Pod'),
];

/** ServiceAccount PrepareForCreate/Update (cleanSecretReferences): secret references keep only their name. */
const serviceAccountStrategy: Strategy = {
  prepareForCreate: (sa) => cleanSecretReferences(sa),
  prepareForUpdate: (sa) => cleanSecretReferences(sa),
  allowCreateOnUpdate: true,
};

function cleanSecretReferences(sa: KubeObject): void {
  if (!Array.isArray(sa.secrets)) return;
  sa.secrets = sa.secrets.map((s) => ({ name: fieldString(s, 'name') }));
}

export const coreResources: ResourceDef[] = [
  defineResource(v1, 'configmaps', 'ConfigMap', true, { shortNames: ['cm'], strategy: configMapStrategy }),
  defineResource(v1, 'endpoints', 'Endpoints', true, { shortNames: ['ep'], singularName: 'endpoints', strategy: endpointsStrategy }),
  defineResource(v1, 'events', 'Event', true, { shortNames: ['ev'], strategy: coreEventStrategy }),
  defineResource(v1, 'limitranges', 'LimitRange', true, { shortNames: ['limits'], strategy: limitRangeStrategy }),
  defineResource(v1, 'namespaces', 'Namespace', false, {
    shortNames: ['ns'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    subresources: [{ name: 'finalize', kind: 'Namespace', verbs: ['update'] }, statusSubresource('Namespace')],
    nameValidation: 'dns1123Label',
    strategy: namespaceStrategy,
  }),
  // Nodes keep the status they are created with (the kubelet registers with one); the Store keeps
  // it across updates of the main resource.
  defineResource(v1, 'nodes', 'Node', false, {
    shortNames: ['no'],
    subresources: [statusSubresource('Node')],
    strategy: composeStrategies(nodeRules, fieldSelectors({ 'spec.unschedulable': (n) => String(valueAt(n, 'spec.unschedulable') === true) })),
  }),
  defineResource(v1, 'persistentvolumeclaims', 'PersistentVolumeClaim', true, {
    shortNames: ['pvc'],
    subresources: [statusSubresource('PersistentVolumeClaim')],
    // status.phase Pending is what v1 defaulting gives the reset status.
    strategy: composeStrategies(statusReset(() => ({ phase: 'Pending' })), persistentVolumeClaimRules),
  }),
  defineResource(v1, 'persistentvolumes', 'PersistentVolume', false, {
    shortNames: ['pv'],
    subresources: [statusSubresource('PersistentVolume')],
    // PersistentVolumeLastPhaseTransitionTime is GA (1.31): a new PV is Pending since now.
    strategy: composeStrategies(statusReset(() => ({ phase: 'Pending', lastPhaseTransitionTime: nowTimestamp() })), persistentVolumeRules),
  }),
  defineResource(v1, 'pods', 'Pod', true, { shortNames: ['po'], categories: all, subresources: podSubresources, strategy: podStrategy }),
  defineResource(v1, 'podtemplates', 'PodTemplate', true, { generation: true, strategy: podTemplateStrategy }),
  defineResource(v1, 'replicationcontrollers', 'ReplicationController', true, {
    shortNames: ['rc'],
    categories: all,
    subresources: [scaleSubresource(), statusSubresource('ReplicationController')],
    generation: true,
    scale: { specReplicasPath: 'spec.replicas', statusReplicasPath: 'status.replicas', selectorPath: 'spec.selector', selectorIsMap: true },
    strategy: composeStrategies(statusReset(), replicationControllerRules, fieldSelectors({ 'status.replicas': (rc) => fieldString(rc, 'status.replicas', '0') })),
  }),
  defineResource(v1, 'resourcequotas', 'ResourceQuota', true, {
    shortNames: ['quota'],
    subresources: [statusSubresource('ResourceQuota')],
    strategy: composeStrategies(statusReset(), resourceQuotaRules),
  }),
  defineResource(v1, 'secrets', 'Secret', true, { strategy: secretStrategy }),
  defineResource(v1, 'serviceaccounts', 'ServiceAccount', true, {
    shortNames: ['sa'], strategy: serviceAccountStrategy,
    subresources: [{ name: 'token', kind: 'TokenRequest', group: 'authentication.k8s.io', version: 'v1', verbs: ['create'] }],
  }),
  // Cluster IP allocation is the Store hooks' job (registry/services.ts), not the strategy's.
  defineResource(v1, 'services', 'Service', true, {
    shortNames: ['svc'],
    categories: all,
    subresources: [statusSubresource('Service')],
    nameValidation: 'dns1035Label',
    strategy: serviceStrategy,
  }),
];
