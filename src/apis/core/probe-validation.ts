/**
 * Probes and lifecycle hooks (validation.go validateProbe, validateHandler and the actions they
 * hold): exactly one handler, ports by number or IANA name, non-negative timings.
 */
import { type FieldError, fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import { type Obj, isObj, listAt, objAt, str } from './json-shapes.js';
import { isValidPortName, isValidPortNum, validateNonnegative } from './value-formats.js';

/** validatePortNumOrName: an IntOrString naming a port. */
export function validatePortNumOrName(port: unknown, field: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => fieldInvalid(field, port, m));
  if (typeof port === 'string') return isValidPortName(port).map((m) => fieldInvalid(field, port, m));
  return isValidPortNum(0).map((m) => fieldInvalid(field, 0, m)); // a missing port is the int 0
}

const actions: Record<string, (a: Obj, path: string) => FieldError[]> = {
  exec: (a, path) => (listAt(a, 'command').length === 0 ? [fieldRequired(`${path}.command`)] : []),
  httpGet: (a, path) => {
    const errs: FieldError[] = [];
    if (!str(a.path)) errs.push(fieldRequired(`${path}.path`));
    errs.push(...validatePortNumOrName(a.port, `${path}.port`));
    const scheme = str(a.scheme);
    if (scheme !== 'HTTP' && scheme !== 'HTTPS') errs.push(fieldNotSupported(`${path}.scheme`, scheme, ['HTTP', 'HTTPS']));
    return errs;
  },
  tcpSocket: (a, path) => validatePortNumOrName(a.port, `${path}.port`),
  grpc: (a, path) => isValidPortNum(a.port).map((m) => fieldInvalid(`${path}.port`, a.port ?? 0, m)),
  sleep: (a, path) => (typeof a.seconds === 'number' && a.seconds >= 0 ? [] : [fieldInvalid(`${path}.seconds`, a.seconds ?? 0, 'must be non-negative')]),
};

/** validateHandler: the first handler set counts; any further one is forbidden. */
export function validateHandler(handler: Obj, path: string, kinds: readonly string[]): FieldError[] {
  const errs: FieldError[] = [];
  let found = 0;
  for (const kind of kinds) {
    const a = objAt(handler, kind);
    if (!a) continue;
    if (found > 0) { errs.push(fieldForbidden(`${path}.${kind}`, 'may not specify more than 1 handler type')); continue; }
    found++;
    errs.push(...actions[kind](a, `${path}.${kind}`));
  }
  if (found === 0) errs.push(fieldRequired(path, 'must specify a handler type'));
  return errs;
}

const probeHandlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'] as const;
const hookHandlers = ['exec', 'httpGet', 'tcpSocket', 'sleep'] as const;

export function validateProbe(probe: Obj, path: string): FieldError[] {
  const errs = validateHandler(probe, path, probeHandlers);
  for (const k of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...validateNonnegative(probe[k], `${path}.${k}`));
  }
  const grace = probe.terminationGracePeriodSeconds;
  if (typeof grace === 'number' && grace <= 0) errs.push(fieldInvalid(`${path}.terminationGracePeriodSeconds`, grace, 'must be greater than 0'));
  return errs;
}

/** validateLifecycle: postStart and preStop; tcpSocket is accepted by decoding but deprecated. */
export function validateLifecycle(lifecycle: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop']) {
    if (isObj(lifecycle[hook])) errs.push(...validateHandler(lifecycle[hook] as Obj, `${path}.${hook}`, hookHandlers));
  }
  return errs;
}

/** Probe rules that depend on which probe it is (validateContainerCommon's per-probe checks). */
export function validateContainerProbes(c: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = objAt(c, key);
    if (!probe) continue;
    errs.push(...validateProbe(probe, `${path}.${key}`));
    if (key !== 'readinessProbe' && probe.successThreshold !== 1) {
      errs.push(fieldInvalid(`${path}.${key}.successThreshold`, probe.successThreshold ?? 0, 'must be 1'));
    }
    if (key === 'readinessProbe' && probe.terminationGracePeriodSeconds !== undefined && probe.terminationGracePeriodSeconds !== null) {
      errs.push(fieldInvalid(`${path}.${key}.terminationGracePeriodSeconds`, probe.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
    }
  }
  const lifecycle = objAt(c, 'lifecycle');
  if (lifecycle) errs.push(...validateLifecycle(lifecycle, `${path}.lifecycle`));
  return errs;
}
