/**
 * ResourceQuota rules (validation.go ValidateResourceQuota): spec.hard names are quota resources
 * (standard ones, or qualified like `count/deployments.apps` and extended resources) with
 * non-negative quantities, and scopes are known ones.
 */
import { type FieldError, fieldInvalid } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import type { Strategy } from '../../registry/rest.js';
import { type Obj, isObj, listAt, objAt, str } from './json-shapes.js';
import { canonicalizeResourceList } from './quantity-canonical.js';
import { checkQuantityMap } from './quantity-decode.js';
import { validateQuantityValue, validateResourceName } from './resource-names.js';

const quotaResources = new Set([
  'pods', 'services', 'replicationcontrollers', 'resourcequotas', 'secrets', 'configmaps', 'persistentvolumeclaims',
  'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.storage', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'services.nodeports', 'services.loadbalancers',
]);
const scopes = ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'];

const isQuotaResource = (name: string) => quotaResources.has(name) || name.startsWith('requests.hugepages-') || name.startsWith('hugepages-');

function validateQuota(rq: KubeObject): FieldError[] {
  const spec: Obj = isObj(rq.spec) ? rq.spec : {};
  const errs: FieldError[] = [];
  for (const [name, q] of Object.entries(objAt(spec, 'hard') ?? {})) {
    const field = `spec.hard[${name}]`;
    errs.push(...validateResourceName(name, field));
    if (!name.includes('/') && !isQuotaResource(name)) errs.push(fieldInvalid(field, name, 'must be a standard resource for quota'));
    errs.push(...validateQuantityValue(name, q, field));
  }
  for (const scope of listAt(spec, 'scopes').map(str)) {
    if (!scopes.includes(scope)) errs.push(fieldInvalid('spec.scopes', scope, 'unsupported scope'));
  }
  return errs;
}

function decode(rq: KubeObject): void {
  const hard = objAt(isObj(rq.spec) ? rq.spec : {}, 'hard');
  checkQuantityMap(hard, 'ResourceQuota', 'v1');
  canonicalizeResourceList(hard);
}

export const resourceQuotaRules: Strategy = { prepareForCreate: decode, prepareForUpdate: decode, validate: validateQuota };
