/**
 * Pod and container security contexts (validation.go validatePodSpecSecurityContext,
 * ValidateSecurityContext, validateSysctls, validateSeccompProfileField): user and group IDs in
 * range, sysctl names, seccomp profile shapes, and privilege settings that contradict each other.
 */
import { type FieldError, fieldDuplicate, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import { type Obj, isObj, listAt, objAt, objectsAt, str } from './json-shapes.js';
import { inclusiveRangeError } from './value-formats.js';

const maxID = 2147483647;
// SysctlContainSlashFmt: dot- or slash-separated segments.
const sysctlSegment = '[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const sysctlFmt = `(${sysctlSegment}[\\./])*${sysctlSegment}`;
const sysctlRe = new RegExp(`^${sysctlFmt}$`);

/** IsValidUserID / IsValidGroupID for the optional ID fields of a context. */
function idErrors(ctx: Obj, keys: string[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of keys) {
    const v = ctx[k];
    if (typeof v === 'number' && (v < 0 || v > maxID)) errs.push(fieldInvalid(`${path}.${k}`, v, inclusiveRangeError(0, maxID)));
  }
  return errs;
}

function validateSeccomp(ctx: Obj, path: string): FieldError[] {
  const profile = objAt(ctx, 'seccompProfile');
  if (!profile) return [];
  const p = `${path}.seccompProfile`;
  const type = str(profile.type);
  const local = profile.localhostProfile;
  if (type === 'Localhost') return typeof local === 'string' && local ? [] : [fieldRequired(`${p}.localhostProfile`, 'must be set when seccomp type is Localhost')];
  const errs = ['Localhost', 'RuntimeDefault', 'Unconfined'].includes(type) ? [] : [fieldNotSupported(`${p}.type`, type, ['Localhost', 'RuntimeDefault', 'Unconfined'])];
  if (local !== undefined && local !== null) errs.push(fieldInvalid(`${p}.localhostProfile`, local, 'can only be set when seccomp type is Localhost'));
  return errs;
}

/** The pod-level securityContext of a PodSpec at `path` ('spec'). */
export function validatePodSecurityContext(spec: Obj, path: string): FieldError[] {
  const sc = objAt(spec, 'securityContext');
  if (!sc) return [];
  const p = `${path}.securityContext`;
  const errs = idErrors(sc, ['fsGroup', 'runAsUser', 'runAsGroup'], p);
  listAt(sc, 'supplementalGroups').forEach((g, i) => {
    if (typeof g === 'number' && (g < 0 || g > maxID)) errs.push(fieldInvalid(`${p}.supplementalGroups[${i}]`, g, inclusiveRangeError(0, maxID)));
  });
  if (sc.shareProcessNamespace === true && spec.hostPID === true) {
    errs.push(fieldInvalid(`${p}.shareProcessNamespace`, true, 'ShareProcessNamespace and HostPID cannot both be enabled'));
  }
  const names = new Set<string>();
  for (const [s, i] of objectsAt(sc, 'sysctls')) {
    const name = str(s.name);
    const field = `${p}.sysctls[${i}].name`;
    if (!name) errs.push(fieldRequired(field));
    else if (name.length > 253 || !sysctlRe.test(name)) errs.push(fieldInvalid(field, name, `must have at most 253 characters and match regex ${sysctlFmt}`));
    else if (names.has(name)) errs.push(fieldDuplicate(field, name));
    names.add(name);
  }
  const policy = sc.fsGroupChangePolicy;
  if (typeof policy === 'string' && policy !== 'OnRootMismatch' && policy !== 'Always') {
    errs.push(fieldNotSupported(`${p}.fsGroupChangePolicy`, policy, ['OnRootMismatch', 'Always']));
  }
  return [...errs, ...validateSeccomp(sc, p)];
}

/** A container's securityContext at `path` ('spec.containers[0]'). */
export function validateContainerSecurityContext(c: Obj, path: string): FieldError[] {
  const sc = objAt(c, 'securityContext');
  if (!sc) return [];
  const p = `${path}.securityContext`;
  const errs = idErrors(sc, ['runAsUser', 'runAsGroup'], p);
  if (typeof sc.procMount === 'string' && !['Default', 'Unmasked'].includes(sc.procMount)) {
    errs.push(fieldNotSupported(`${p}.procMount`, sc.procMount, ['Default', 'Unmasked']));
  }
  errs.push(...validateSeccomp(sc, p));
  if (sc.allowPrivilegeEscalation === false) {
    // upstream shows the whole context struct as the value; ours is its JSON.
    if (sc.privileged === true) errs.push(fieldInvalid(p, sc, 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'));
    const caps = isObj(sc.capabilities) ? listAt(sc.capabilities, 'add').map(str) : [];
    if (caps.includes('CAP_SYS_ADMIN')) errs.push(fieldInvalid(p, sc, 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN'));
  }
  return errs;
}
