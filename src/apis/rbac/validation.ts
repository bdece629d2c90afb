/**
 * rbac.authorization.k8s.io/v1 defaulting and validation (pkg/apis/rbac/v1/defaults.go,
 * pkg/apis/rbac/validation): rules name verbs and either resources or non-resource URLs, role
 * references point at RBAC roles and never change, subjects are well-formed per kind.
 */
import { type FieldError, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import { goStrings, goValueError, isDNS1123Subdomain, isValidPathSegmentName } from '../meta/validation.js';
import { type Obj, asObj, selectorMatches, validateLabelSelector } from '../apps/validation-fields.js';

const rbacGroup = 'rbac.authorization.k8s.io';
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);

/** Bindings: roleRef.apiGroup and User/Group subjects default to the RBAC group. */
export function defaultBinding(binding: KubeObject): void {
  const ref = asObj(binding.roleRef);
  if (binding.roleRef !== undefined && !str(ref.apiGroup)) ref.apiGroup = rbacGroup;
  for (const raw of Array.isArray(binding.subjects) ? binding.subjects : []) {
    const s = asObj(raw);
    if (!str(s.apiGroup) && (s.kind === 'User' || s.kind === 'Group')) s.apiGroup = rbacGroup;
  }
}

/** ValidatePolicyRule. */
function validateRule(rule: Obj, namespaced: boolean, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (strings(rule.verbs).length === 0) errs.push(fieldRequired(`${p}.verbs`, 'verbs must contain at least one value'));
  const urls = strings(rule.nonResourceURLs);
  if (urls.length > 0) {
    if (namespaced) errs.push(goValueError('FieldValueInvalid', `${p}.nonResourceURLs`, goStrings(urls), 'namespaced rules cannot apply to non-resource URLs'));
    if (strings(rule.apiGroups).length + strings(rule.resources).length + strings(rule.resourceNames).length > 0) {
      errs.push(goValueError('FieldValueInvalid', `${p}.nonResourceURLs`, goStrings(urls), 'rules cannot apply to both regular resources and non-resource URLs'));
    }
    return errs;
  }
  if (strings(rule.apiGroups).length === 0) errs.push(fieldRequired(`${p}.apiGroups`, 'resource rules must supply at least one api group'));
  if (strings(rule.resources).length === 0) errs.push(fieldRequired(`${p}.resources`, 'resource rules must supply at least one resource'));
  return errs;
}

export const validateRole = (namespaced: boolean) => (role: KubeObject): FieldError[] => {
  const errs: FieldError[] = [];
  (Array.isArray(role.rules) ? role.rules : []).forEach((r, i) => errs.push(...validateRule(asObj(r), namespaced, `rules[${i}]`)));
  if (!namespaced && role.aggregationRule !== undefined && role.aggregationRule !== null) {
    const selectors = asObj(role.aggregationRule).clusterRoleSelectors;
    const list = Array.isArray(selectors) ? selectors : [];
    if (list.length === 0) errs.push(fieldRequired('aggregationRule.clusterRoleSelectors', 'at least one clusterRoleSelector required if aggregationRule is non-nil'));
    list.forEach((sel, i) => {
      const p = `aggregationRule.clusterRoleSelectors[${i}]`;
      errs.push(...validateLabelSelector(sel, p));
      if (selectorMatches(sel, {}) === null) errs.push(fieldInvalid(p, sel, 'invalid label selector.'));
    });
  }
  return errs;
};

function validateSubject(s: Obj, namespaced: boolean, p: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(s.name);
  if (name === '') errs.push(fieldRequired(`${p}.name`));
  const apiGroup = str(s.apiGroup);
  switch (s.kind) {
    case 'ServiceAccount':
      if (name !== '') for (const m of isDNS1123Subdomain(name)) errs.push(fieldInvalid(`${p}.name`, name, m));
      if (apiGroup !== '') errs.push(fieldNotSupported(`${p}.apiGroup`, apiGroup, ['']));
      if (!namespaced && str(s.namespace) === '') errs.push(fieldRequired(`${p}.namespace`));
      break;
    case 'User': case 'Group':
      if (apiGroup !== rbacGroup) errs.push(fieldNotSupported(`${p}.apiGroup`, apiGroup, [rbacGroup]));
      break;
    default:
      errs.push(fieldNotSupported(`${p}.kind`, str(s.kind), ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

export const validateBinding = (namespaced: boolean) => (binding: KubeObject): FieldError[] => {
  const ref = asObj(binding.roleRef);
  const errs: FieldError[] = [];
  if (str(ref.apiGroup) !== rbacGroup) errs.push(fieldNotSupported('roleRef.apiGroup', str(ref.apiGroup), [rbacGroup]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(str(ref.kind))) errs.push(fieldNotSupported('roleRef.kind', str(ref.kind), kinds));
  const name = str(ref.name);
  if (name === '') errs.push(fieldRequired('roleRef.name'));
  else for (const m of isValidPathSegmentName(name)) errs.push(fieldInvalid('roleRef.name', name, m));
  (Array.isArray(binding.subjects) ? binding.subjects : []).forEach((s, i) => errs.push(...validateSubject(asObj(s), namespaced, `subjects[${i}]`)));
  return errs;
};

/** %#v of an rbac.RoleRef. */
const goRoleRef = (ref: Obj) => `rbac.RoleRef{APIGroup:${JSON.stringify(str(ref.apiGroup))}, Kind:${JSON.stringify(str(ref.kind))}, Name:${JSON.stringify(str(ref.name))}}`;

export function validateBindingUpdate(binding: KubeObject, old: KubeObject): FieldError[] {
  const ref = asObj(binding.roleRef);
  const prev = asObj(old.roleRef);
  const same = ['apiGroup', 'kind', 'name'].every((k) => str(ref[k]) === str(prev[k]));
  return same ? [] : [goValueError('FieldValueInvalid', 'roleRef', goRoleRef(ref), 'cannot change roleRef')];
}
