/**
 * apps/v1 (pkg/registry/apps/*): the workload controllers. Each resets status on create and keeps
 * it on update; all have metadata.generation. apps/v1 registers no field label conversions, so
 * only metadata.name/namespace select (ReplicaSet's GetAttrs still lists status.replicas, but
 * the apps/v1 conversion refuses it: `"status.replicas" is not a known field selector`).
 */
import type { FieldError } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import type { ResourceDef, Strategy } from '../../registry/rest.js';
import {
  bumpGeneration, composeStrategies, defineResource, jsonEqual, replicasScale, scaleSubresource, statusReset, statusSubresource,
} from '../core/define.js';
import { defaultDaemonSet, defaultDeployment, defaultReplicaSet, defaultStatefulSet } from './defaults.js';
import {
  validateControllerRevision, validateControllerRevisionUpdate, validateDaemonSet, validateDeployment, validateReplicaSet, validateSelectorUpdate,
} from './validation.js';
import { validateStatefulSet, validateStatefulSetUpdate } from './validation-statefulset.js';
import { typedStrategy } from './typed-strategy.js';
import { validateCollisionCount, validateWorkloadStatus } from './validation-status.js';

/** The status half every workload shares (see validation-status.ts). */
const statusRules = (kind: 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet'): Strategy =>
  ({ validate: validateWorkloadStatus(kind), validateUpdate: validateCollisionCount });

const appsV1 = { group: 'apps', versions: ['v1'] };
const all = ['all'];

const typed = (defaults: (obj: KubeObject) => void, validate: (obj: KubeObject) => FieldError[],
  validateUpdate?: (obj: KubeObject, old: KubeObject) => FieldError[]) => typedStrategy({ defaults, validate, validateUpdate });

/** Deployment PrepareForUpdate: annotation changes bump generation too (they are copied to ReplicaSets). */
const deploymentStrategy: Strategy = composeStrategies(statusReset(), typed(defaultDeployment, validateDeployment, validateSelectorUpdate), statusRules('Deployment'), {
  prepareForUpdate(obj, old) {
    if (!jsonEqual(obj.metadata.annotations ?? {}, old.metadata.annotations ?? {})) bumpGeneration(obj, old);
  },
});

// v1 carries the internal spec.templateGeneration in this annotation (apps/v1 conversion).
const templateGenerationKey = 'deprecated.daemonset.template.generation';

function templateGeneration(obj: KubeObject): number {
  const n = Number.parseInt(obj.metadata.annotations?.[templateGenerationKey] ?? '', 10);
  return Number.isFinite(n) ? n : 0;
}

function setTemplateGeneration(obj: KubeObject, n: number): void {
  obj.metadata.annotations = { ...obj.metadata.annotations, [templateGenerationKey]: String(n) };
}

/**
 * DaemonSet: templateGeneration starts at 1 (or what the client sent, if higher), may not be set
 * by an update, and goes up by one whenever spec.template changes.
 */
const daemonSetStrategy: Strategy = composeStrategies(statusReset(), typed(defaultDaemonSet, validateDaemonSet), statusRules('DaemonSet'), {
  prepareForCreate(ds) {
    setTemplateGeneration(ds, Math.max(templateGeneration(ds), 1));
  },
  prepareForUpdate(ds, old) {
    const oldGen = templateGeneration(old);
    const template = (o: KubeObject) => (o.spec as { template?: unknown } | undefined)?.template ?? null;
    setTemplateGeneration(ds, jsonEqual(template(ds), template(old)) ? oldGen : oldGen + 1);
  },
});

const workload = (resource: string, kind: string, shortName: string, strategy: Strategy, scale: boolean, nameValidation: ResourceDef['nameValidation'] = 'dns1123Subdomain'): ResourceDef =>
  defineResource(appsV1, resource, kind, true, {
    nameValidation,
    shortNames: [shortName],
    categories: all,
    subresources: scale ? [scaleSubresource(), statusSubresource(kind)] : [statusSubresource(kind)],
    generation: true,
    ...(scale ? { scale: replicasScale() } : {}),
    strategy,
  });

export const appsResources: ResourceDef[] = [
  defineResource(appsV1, 'controllerrevisions', 'ControllerRevision', true, {
    strategy: { validate: validateControllerRevision, validateUpdate: validateControllerRevisionUpdate },
  }),
  workload('daemonsets', 'DaemonSet', 'ds', daemonSetStrategy, false),
  workload('deployments', 'Deployment', 'deploy', deploymentStrategy, true),
  workload('replicasets', 'ReplicaSet', 'rs', composeStrategies(statusReset(), typed(defaultReplicaSet, validateReplicaSet, validateSelectorUpdate), statusRules('ReplicaSet')), true),
  // ValidateStatefulSetName: pods are named <set>-<ordinal>, so the set's name must be a DNS label.
  workload('statefulsets', 'StatefulSet', 'sts', composeStrategies(statusReset(), typed(defaultStatefulSet, validateStatefulSet, validateStatefulSetUpdate), statusRules('StatefulSet')), true, 'dns1123Label'),
];
