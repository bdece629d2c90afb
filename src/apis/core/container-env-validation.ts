/**
 * A container's environment (validation.go ValidateEnv, validateEnvVarValueFrom, ValidateEnvFrom):
 * variable names, and the one source a valueFrom or envFrom entry names.
 */
import { type FieldError, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import { isDNS1123Subdomain } from '../meta/validation.js';
import { configMapKeyErrors } from './configmaps.js';
import { type Obj, objAt, objectsAt, str } from './json-shapes.js';
import { isRelaxedEnvVarName } from './value-formats.js';

/** Fields a fieldRef may read in an env var (validEnvDownwardAPIFieldPathExpressions), sorted as upstream lists them. */
const envFieldPaths = [
  'metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName',
  'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs',
];

/** validateObjectFieldSelector for env vars; labels and annotations are read one key at a time. */
function validateFieldRef(ref: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const apiVersion = str(ref.apiVersion);
  const fieldPath = str(ref.fieldPath);
  if (!apiVersion) errs.push(fieldRequired(`${path}.apiVersion`));
  if (!fieldPath) { errs.push(fieldRequired(`${path}.fieldPath`)); return errs; }
  const subscript = /^(metadata\.(?:labels|annotations))\['(.*)'\]$/.exec(fieldPath);
  if (subscript) return errs;
  if (!envFieldPaths.includes(fieldPath) || fieldPath === 'metadata.labels' || fieldPath === 'metadata.annotations') {
    errs.push(fieldNotSupported(`${path}.fieldPath`, fieldPath, envFieldPaths));
  }
  return errs;
}

/** validateConfigMapKeySelector / validateSecretKeySelector: a valid object name and key. */
function validateKeySelector(sel: Obj, path: string): FieldError[] {
  const name = str(sel.name);
  const key = str(sel.key);
  const errs = isDNS1123Subdomain(name).map((m) => fieldInvalid(`${path}.name`, name, m));
  if (!key) errs.push(fieldRequired(`${path}.key`));
  else errs.push(...configMapKeyErrors(key).map((m) => fieldInvalid(`${path}.key`, key, m)));
  return errs;
}

function validateValueFrom(env: Obj, path: string): FieldError[] {
  const from = objAt(env, 'valueFrom');
  if (!from) return [];
  const errs: FieldError[] = [];
  let sources = 0;
  const fieldRef = objAt(from, 'fieldRef');
  if (fieldRef) { sources++; errs.push(...validateFieldRef(fieldRef, `${path}.fieldRef`)); }
  const resourceRef = objAt(from, 'resourceFieldRef');
  if (resourceRef) {
    sources++;
    if (!str(resourceRef.resource)) errs.push(fieldRequired(`${path}.resourceFieldRef.resource`));
  }
  for (const kind of ['configMapKeyRef', 'secretKeyRef']) {
    const sel = objAt(from, kind);
    if (sel) { sources++; errs.push(...validateKeySelector(sel, `${path}.${kind}`)); }
  }
  if (sources === 0) errs.push(fieldInvalid(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  else if (str(env.value) !== '') errs.push(fieldInvalid(path, '', 'may not be specified when `value` is not empty'));
  else if (sources > 1) errs.push(fieldInvalid(path, '', 'may not have more than one field specified at a time'));
  return errs;
}

export function validateEnv(c: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [env, i] of objectsAt(c, 'env')) {
    const p = `${path}[${i}]`;
    const name = str(env.name);
    if (!name) errs.push(fieldRequired(`${p}.name`));
    errs.push(...isRelaxedEnvVarName(name).map((m) => fieldInvalid(`${p}.name`, name, m)));
    errs.push(...validateValueFrom(env, `${p}.valueFrom`));
  }
  return errs;
}

export function validateEnvFrom(c: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [src, i] of objectsAt(c, 'envFrom')) {
    const p = `${path}[${i}]`;
    const prefix = str(src.prefix);
    if (prefix) errs.push(...isRelaxedEnvVarName(prefix).map((m) => fieldInvalid(`${p}.prefix`, prefix, m)));
    let sources = 0;
    for (const kind of ['configMapRef', 'secretRef']) {
      const ref = objAt(src, kind);
      if (!ref) continue;
      sources++;
      const name = str(ref.name);
      errs.push(...isDNS1123Subdomain(name).map((m) => fieldInvalid(`${p}.${kind}.name`, name, m)));
    }
    if (sources === 0) errs.push(fieldInvalid(p, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (sources > 1) errs.push(fieldInvalid(p, '', 'may not have more than one field specified at a time'));
  }
  return errs;
}
