/**
 * PodSpec and PodTemplateSpec validation (validation.go ValidatePodSpec, ValidatePodTemplateSpec)
 * for pods and for every workload that embeds a template. Expects v1 defaults to have been
 * applied (pod-defaults.ts), as upstream validates the defaulted object.
 */
import { type FieldError, fieldDuplicate, fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, validateAnnotations, validateLabels } from '../meta/validation.js';
import { validateAffinity, validateTopologySpread } from './affinity-validation.js';
import { validateContainerLists } from './container-validation.js';
import { type Obj, isObj, listAt, objAt, objectsAt, str } from './json-shapes.js';
import { validatePodSecurityContext } from './security-context-validation.js';
import { validateTolerations } from './toleration-validation.js';
import { inclusiveRangeError, isValidIP } from './value-formats.js';
import { validateVolumes } from './volume-validation.js';

const restartPolicies = ['Always', 'OnFailure', 'Never'];
const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const maxUint32 = 4294967295;

function validateEnum(value: unknown, field: string, allowed: string[]): FieldError[] {
  const v = str(value);
  if (v === '') return [fieldRequired(field)];
  return allowed.includes(v) ? [] : [fieldNotSupported(field, v, allowed)];
}

/** validatePodHostNetworkDeps: on the host network a container port is its host port. */
function validateHostNetworkPorts(spec: Obj, path: string): FieldError[] {
  if (spec.hostNetwork !== true) return [];
  const errs: FieldError[] = [];
  for (const list of ['containers', 'initContainers']) {
    for (const [c, i] of objectsAt(spec, list)) {
      for (const [port, j] of objectsAt(c, 'ports')) {
        if ((port.hostPort ?? 0) !== (port.containerPort ?? 0)) {
          errs.push(fieldInvalid(`${path}.${list}[${i}].ports[${j}].hostPort`, port.hostPort ?? 0, 'must match `containerPort` when `hostNetwork` is true'));
        }
      }
    }
  }
  return errs;
}

/** validatePodDNSConfig: dnsPolicy None needs nameservers; at most 3, each an IP. */
function validateDNSConfig(spec: Obj, path: string): FieldError[] {
  const config = objAt(spec, 'dnsConfig');
  if (spec.dnsPolicy === 'None') {
    if (!config) return [fieldRequired(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (listAt(config, 'nameservers').length === 0) return [fieldRequired(`${path}.nameservers`, 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!config) return [];
  const errs: FieldError[] = [];
  const servers = listAt(config, 'nameservers').map(str);
  if (servers.length > 3) errs.push({ type: 'FieldValueInvalid', field: `${path}.nameservers`, detail: `[]string{${servers.map((s) => JSON.stringify(s)).join(', ')}}: must not have more than 3 nameservers` });
  servers.forEach((s, i) => errs.push(...isValidIP(s).map((m) => fieldInvalid(`${path}.nameservers[${i}]`, s, m))));
  for (const [opt, i] of objectsAt(config, 'options')) if (!str(opt.name)) errs.push(fieldRequired(`${path}.options[${i}]`, 'Option.Name must not be empty'));
  return errs;
}

/** validateReadinessGates and validateSchedulingGates: qualified names, gates unique. */
function validateGates(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [g, i] of objectsAt(spec, 'readinessGates')) {
    const t = str(g.conditionType);
    errs.push(...isQualifiedName(t).map((m) => fieldInvalid(`${path}.readinessGates[${i}].conditionType`, t, m)));
  }
  const seen = new Set<string>();
  for (const [g, i] of objectsAt(spec, 'schedulingGates')) {
    const name = str(g.name);
    errs.push(...isQualifiedName(name).map((m) => fieldInvalid(`${path}.schedulingGates[${i}]`, name, m)));
    if (seen.has(name)) errs.push(fieldDuplicate(`${path}.schedulingGates[${i}]`, name));
    seen.add(name);
  }
  return errs;
}

/** A name field that must be a DNS subdomain (or label) when it is set. */
function optionalName(spec: Obj, key: string, path: string, check: (v: string) => string[]): FieldError[] {
  const v = str(spec[key]);
  return v ? check(v).map((m) => fieldInvalid(`${path}.${key}`, v, m)) : [];
}

/** ValidatePodSpec. `path` is where the spec sits ('spec', 'spec.template.spec', ...). */
export function validatePodSpec(specValue: unknown, path: string): FieldError[] {
  const spec = isObj(specValue) ? specValue : {};
  const { errs, names } = validateVolumes(spec, `${path}.volumes`);
  errs.push(...validateContainerLists(spec, path, names));
  errs.push(...validateHostNetworkPorts(spec, path));
  errs.push(...validateEnum(spec.restartPolicy, `${path}.restartPolicy`, restartPolicies));
  errs.push(...validateEnum(spec.dnsPolicy, `${path}.dnsPolicy`, dnsPolicies));
  if (isObj(spec.nodeSelector)) errs.push(...validateLabels(spec.nodeSelector as Record<string, string>, `${path}.nodeSelector`));
  errs.push(...validatePodSecurityContext(spec, path));
  errs.push(...validateAffinity(spec, `${path}.affinity`));
  errs.push(...validateDNSConfig(spec, `${path}.dnsConfig`));
  errs.push(...validateGates(spec, path));
  errs.push(...validateTopologySpread(spec, `${path}.topologySpreadConstraints`));
  errs.push(...optionalName(spec, 'serviceAccountName', path, isDNS1123Subdomain));
  errs.push(...optionalName(spec, 'nodeName', path, isDNS1123Subdomain));
  const deadline = spec.activeDeadlineSeconds;
  if (deadline !== undefined && deadline !== null && (typeof deadline !== 'number' || deadline < 1 || deadline > maxUint32)) {
    errs.push(fieldInvalid(`${path}.activeDeadlineSeconds`, deadline, inclusiveRangeError(1, maxUint32)));
  }
  errs.push(...optionalName(spec, 'hostname', path, isDNS1123Label));
  errs.push(...optionalName(spec, 'subdomain', path, isDNS1123Label));
  errs.push(...validateTolerations(spec, `${path}.tolerations`));
  for (const [alias, i] of objectsAt(spec, 'hostAliases')) {
    const ip = str(alias.ip);
    errs.push(...isValidIP(ip).map((m) => fieldInvalid(`${path}.hostAliases[${i}].ip`, ip, m)));
    listAt(alias, 'hostnames').map(str).forEach((h, j) => errs.push(...isDNS1123Subdomain(h).map((m) => fieldInvalid(`${path}.hostAliases[${i}].hostnames[${j}]`, h, m))));
  }
  errs.push(...optionalName(spec, 'priorityClassName', path, isDNS1123Subdomain));
  const preemption = spec.preemptionPolicy;
  if (typeof preemption === 'string' && preemption !== 'PreemptLowerPriority' && preemption !== 'Never') {
    errs.push(fieldNotSupported(`${path}.preemptionPolicy`, preemption, ['Never', 'PreemptLowerPriority']));
  }
  return errs;
}

/**
 * ValidatePodTemplateSpec. `path` is the template's path ('spec.template'); as upstream, the
 * template's labels and annotations are reported at `<path>.labels` and `<path>.annotations`.
 */
export function validatePodTemplateSpec(templateValue: unknown, path: string): FieldError[] {
  const template = isObj(templateValue) ? templateValue : {};
  const meta = objAt(template, 'metadata') ?? {};
  const errs = [
    ...validateLabels(objAt(meta, 'labels') as Record<string, string> | undefined, `${path}.labels`),
    ...validateAnnotations(objAt(meta, 'annotations') as Record<string, string> | undefined, `${path}.annotations`),
    ...validatePodSpec(template.spec, `${path}.spec`),
  ];
  if (listAt(objAt(template, 'spec') ?? {}, 'ephemeralContainers').length > 0) {
    errs.push(fieldForbidden(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

/** What ValidatePodCreate adds for Pod objects: no ephemeral containers yet, images trimmed. */
export function validatePodCreateOnly(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const list of ['containers', 'initContainers']) {
    for (const [c, i] of objectsAt(spec, list)) {
      const image = str(c.image);
      if (image !== image.trim()) errs.push(fieldInvalid(`${path}.${list}[${i}].image`, image, 'must not have leading or trailing whitespace'));
    }
  }
  if (listAt(spec, 'ephemeralContainers').length > 0) errs.push(fieldForbidden(`${path}.ephemeralContainers`, 'cannot be set on create'));
  return errs;
}
