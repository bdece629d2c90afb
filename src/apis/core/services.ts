/**
 * Service rules (pkg/registry/core/service/strategy.go): v1 defaults on every write, the
 * strategy's normalization (clusterIPs follow clusterIP, allocated values kept when a body omits
 * them, type-dependent fields dropped on a type change), ValidateService, and the cluster IP being
 * immutable. Allocation itself is registry/services.ts's job, after validation.
 */
import type { FieldError } from '../meta/errors.js';
import { goStrings, goValueError } from '../meta/validation.js';
import type { KubeObject } from '../meta/types.js';
import type { Strategy } from '../../registry/rest.js';
import { composeStrategies, fieldSelectors, fieldString, section, statusReset } from './define.js';
import { type Obj, isObj, listAt, str } from './json-shapes.js';
import { defaultServiceSpec, dropTypeDependentFields, normalizeClusterIPs } from './service-defaults.js';
import { validateServiceSpec } from './service-validation.js';

/** patchAllocatedValues (cluster IPs; node ports are matched by registry/services.ts) and IP families. */
function keepAllocated(spec: Obj, old: Obj): void {
  if (spec.type === 'ExternalName' || old.type === 'ExternalName') return;
  if (!str(spec.clusterIP) && str(old.clusterIP)) {
    spec.clusterIP = old.clusterIP;
    if (listAt(spec, 'clusterIPs').length === 0 && old.clusterIPs !== undefined) spec.clusterIPs = structuredClone(old.clusterIPs);
  }
  if (listAt(spec, 'ipFamilies').length === 0 && old.ipFamilies !== undefined) spec.ipFamilies = structuredClone(old.ipFamilies);
  if ((spec.ipFamilyPolicy === undefined || spec.ipFamilyPolicy === null) && old.ipFamilyPolicy !== undefined) spec.ipFamilyPolicy = old.ipFamilyPolicy;
}

/**
 * validateUpgradeDowngradeClusterIPs: cluster IPs never change once set, ExternalName and
 * headless-to-headless aside. The value shown is the whole new list, as upstream prints it.
 */
function clusterIPImmutable(spec: Obj, old: Obj): FieldError[] {
  if (spec.type === 'ExternalName' || old.type === 'ExternalName') return [];
  if (str(spec.clusterIP) === 'None' && str(old.clusterIP) === 'None') return [];
  const oldIPs = listAt(old, 'clusterIPs').map(str);
  const ips = listAt(spec, 'clusterIPs').map(str);
  const err = (i: number, detail: string) => goValueError('FieldValueInvalid', `spec.clusterIPs[${i}]`, goStrings(ips.length ? ips : null), detail);
  if (oldIPs.length === ips.length) return oldIPs.flatMap((ip, i) => (ip !== ips[i] ? [err(i, 'may not change once set')] : []));
  if (ips.length === 0) return [err(0, 'primary clusterIP can not be unset')];
  return oldIPs.length > 0 && ips[0] !== oldIPs[0] ? [err(0, 'may not change once set')] : [];
}

const specOf = (svc: KubeObject): Obj => (isObj(svc.spec) ? svc.spec : {});

export const serviceStrategy: Strategy = composeStrategies(
  statusReset(),
  {
    prepareForCreate(svc) {
      const spec = section(svc, 'spec');
      defaultServiceSpec(spec);
      normalizeClusterIPs(spec);
    },
    prepareForUpdate(svc, old) {
      const spec = section(svc, 'spec');
      defaultServiceSpec(spec);
      dropTypeDependentFields(spec, specOf(old));
      keepAllocated(spec, specOf(old));
      normalizeClusterIPs(spec);
    },
    validate: (svc) => validateServiceSpec(svc.spec),
    validateUpdate: (svc, old) => clusterIPImmutable(specOf(svc), specOf(old)),
    allowCreateOnUpdate: true,
  },
  fieldSelectors({
    'spec.clusterIP': (s) => fieldString(s, 'spec.clusterIP'),
    'spec.type': (s) => fieldString(s, 'spec.type') || 'ClusterIP', // the v1 default, for objects stored before defaulting
  }),
);
