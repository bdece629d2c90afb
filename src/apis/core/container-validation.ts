/**
 * Containers and init containers of a PodSpec (validation.go validateContainers,
 * validateInitContainers, validateContainerCommon): names unique across both lists, required
 * image, enums, ports, env, volume mounts naming existing volumes, and resources.
 */
import { type FieldError, fieldDuplicate, fieldForbidden, fieldInvalid, fieldNotFound, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import { isDNS1123Label } from '../meta/validation.js';
import { validateEnv, validateEnvFrom } from './container-env-validation.js';
import { type Obj, objAt, objectsAt, str } from './json-shapes.js';
import { validateContainerProbes } from './probe-validation.js';
import { isOvercommitAllowed, quantityText, validateContainerResourceName, validateQuantityValue } from './resource-names.js';
import { parseQuantity } from '../meta/quantity.js';
import { validateContainerSecurityContext } from './security-context-validation.js';
import { isValidPortName, isValidPortNum, validateLocalDescendingPath } from './value-formats.js';

function validatePorts(c: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  for (const [port, i] of objectsAt(c, 'ports')) {
    const p = `${path}[${i}]`;
    const name = str(port.name);
    if (name) {
      errs.push(...isValidPortName(name).map((m) => fieldInvalid(`${p}.name`, name, m)));
      if (names.has(name)) errs.push(fieldDuplicate(`${p}.name`, name));
      else names.add(name);
    }
    if (!port.containerPort) errs.push(fieldRequired(`${p}.containerPort`));
    else errs.push(...isValidPortNum(port.containerPort).map((m) => fieldInvalid(`${p}.containerPort`, port.containerPort, m)));
    if (port.hostPort) errs.push(...isValidPortNum(port.hostPort).map((m) => fieldInvalid(`${p}.hostPort`, port.hostPort, m)));
    const protocol = str(port.protocol);
    if (!protocol) errs.push(fieldRequired(`${p}.protocol`));
    else if (!['SCTP', 'TCP', 'UDP'].includes(protocol)) errs.push(fieldNotSupported(`${p}.protocol`, protocol, ['SCTP', 'TCP', 'UDP']));
  }
  return errs;
}

function validateMounts(c: Obj, path: string, volumes: ReadonlySet<string>): FieldError[] {
  const errs: FieldError[] = [];
  const mountPaths = new Set<string>();
  for (const [m, i] of objectsAt(c, 'volumeMounts')) {
    const p = `${path}[${i}]`;
    const name = str(m.name);
    const mountPath = str(m.mountPath);
    if (!name) errs.push(fieldRequired(`${p}.name`));
    if (!volumes.has(name)) errs.push(fieldNotFound(`${p}.name`, name));
    if (!mountPath) errs.push(fieldRequired(`${p}.mountPath`));
    if (mountPaths.has(mountPath)) errs.push(fieldInvalid(`${p}.mountPath`, mountPath, 'must be unique'));
    mountPaths.add(mountPath);
    // upstream reports subPath problems on the list's path, not the entry's (kept as it is).
    const subPath = str(m.subPath);
    if (subPath) errs.push(...validateLocalDescendingPath(subPath, `${path}.subPath`));
    const subPathExpr = str(m.subPathExpr);
    if (subPathExpr) {
      if (subPath) errs.push(fieldInvalid(`${p}.subPathExpr`, subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
      errs.push(...validateLocalDescendingPath(subPathExpr, `${path}.subPathExpr`));
    }
    const propagation = m.mountPropagation;
    if (propagation !== undefined && propagation !== null && !['Bidirectional', 'HostToContainer', 'None'].includes(str(propagation))) {
      errs.push(fieldNotSupported(`${p}.mountPropagation`, propagation, ['Bidirectional', 'HostToContainer', 'None']));
    }
  }
  return errs;
}

/** ValidateResourceRequirements (container form): names, quantities, requests within limits. */
export function validateResources(resources: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits = objAt(resources, 'limits') ?? {};
  const requests = objAt(resources, 'requests') ?? {};
  for (const [name, q] of Object.entries(limits)) {
    errs.push(...validateContainerResourceName(name, `${path}.limits[${name}]`), ...validateQuantityValue(name, q, `${path}.limits[${name}]`));
  }
  for (const [name, q] of Object.entries(requests)) {
    errs.push(...validateContainerResourceName(name, `${path}.requests[${name}]`), ...validateQuantityValue(name, q, `${path}.requests[${name}]`));
    const req = parseQuantity(q);
    if (!Object.hasOwn(limits, name)) {
      if (!isOvercommitAllowed(name)) errs.push(fieldRequired(`${path}.limits`, 'Limit must be set for non overcommitable resources'));
      continue;
    }
    const lim = parseQuantity(limits[name]);
    if (req === null || lim === null) continue;
    if (req !== lim && !isOvercommitAllowed(name)) {
      errs.push(fieldInvalid(`${path}.requests`, quantityText(q), `must be equal to ${name} limit of ${quantityText(limits[name])}`));
    } else if (req > lim) {
      errs.push(fieldInvalid(`${path}.requests`, quantityText(q), `must be less than or equal to ${name} limit of ${quantityText(limits[name])}`));
    }
  }
  return errs;
}

/** validateContainerCommon: the rules every kind of container shares. */
function validateContainerCommon(c: Obj, path: string, volumes: ReadonlySet<string>): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(c.name);
  if (!name) errs.push(fieldRequired(`${path}.name`));
  else errs.push(...isDNS1123Label(name).map((m) => fieldInvalid(`${path}.name`, name, m)));
  if (!str(c.image)) errs.push(fieldRequired(`${path}.image`));
  const tmp = str(c.terminationMessagePolicy);
  if (!tmp) errs.push(fieldRequired(`${path}.terminationMessagePolicy`));
  else if (tmp !== 'File' && tmp !== 'FallbackToLogsOnError') errs.push(fieldNotSupported(`${path}.terminationMessagePolicy`, tmp, ['File', 'FallbackToLogsOnError']));
  errs.push(...validatePorts(c, `${path}.ports`), ...validateEnv(c, `${path}.env`), ...validateEnvFrom(c, `${path}.envFrom`),
    ...validateMounts(c, `${path}.volumeMounts`, volumes));
  const pull = str(c.imagePullPolicy);
  if (!pull) errs.push(fieldRequired(`${path}.imagePullPolicy`));
  else if (!['Always', 'IfNotPresent', 'Never'].includes(pull)) errs.push(fieldNotSupported(`${path}.imagePullPolicy`, pull, ['Always', 'IfNotPresent', 'Never']));
  const resources = objAt(c, 'resources');
  if (resources) errs.push(...validateResources(resources, `${path}.resources`));
  errs.push(...validateContainerSecurityContext(c, path));
  return errs;
}

const initOnlyMsg = 'may not be set for init containers without restartPolicy=Always';

/** validateContainers + validateInitContainers over one PodSpec; `path` is the spec's path. */
export function validateContainerLists(spec: Obj, path: string, volumes: ReadonlySet<string>): FieldError[] {
  const errs: FieldError[] = [];
  const containers = objectsAt(spec, 'containers');
  if (containers.length === 0) errs.push(fieldRequired(`${path}.containers`));
  const names = new Set<string>();
  for (const [c, i] of containers) {
    const p = `${path}.containers[${i}]`;
    errs.push(...validateContainerCommon(c, p, volumes));
    const name = str(c.name);
    if (names.has(name)) errs.push(fieldDuplicate(`${p}.name`, name));
    else names.add(name);
    errs.push(...validateContainerProbes(c, p));
    if (c.restartPolicy !== undefined && c.restartPolicy !== null) errs.push(fieldForbidden(`${p}.restartPolicy`, 'may not be set for non-init containers'));
  }
  for (const [c, i] of objectsAt(spec, 'initContainers')) {
    const p = `${path}.initContainers[${i}]`;
    errs.push(...validateContainerCommon(c, p, volumes));
    let restartAlways = false;
    if (c.restartPolicy !== undefined && c.restartPolicy !== null) {
      if (c.restartPolicy !== 'Always') errs.push(fieldNotSupported(`${p}.restartPolicy`, c.restartPolicy, ['Always']));
      restartAlways = c.restartPolicy === 'Always';
    }
    const name = str(c.name);
    if (names.has(name)) errs.push(fieldDuplicate(`${p}.name`, name));
    else if (name) names.add(name);
    if (restartAlways) {
      errs.push(...validateContainerProbes(c, p));
    } else {
      for (const k of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (c[k] !== undefined && c[k] !== null) errs.push(fieldForbidden(`${p}.${k}`, initOnlyMsg));
      }
    }
  }
  return errs;
}
