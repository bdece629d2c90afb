/**
 * Webhook configuration validation (pkg/apis/admissionregistration/validation, v1 rules): names
 * are fully qualified and unique, rules are well-formed, enums are known, v1 requires
 * sideEffects and admissionReviewVersions, and the client config is exactly one of a URL or a
 * service.
 */
import { type FieldError, fieldDuplicate, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import { goStrings, goValueError, isDNS1035Label, isDNS1123Subdomain } from '../meta/validation.js';
import { type Obj, asObj, validateLabelSelector } from '../apps/validation-fields.js';
import { isValidPortNum } from '../networking/addresses.js';

const operations = ['*', 'CONNECT', 'CREATE', 'DELETE', 'UPDATE'];
const scopes = ['*', 'Cluster', 'Namespaced'];
const reviewVersions = ['v1', 'v1beta1'];
const urlForm = '; desired format: https://host[/path]';
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : []);
const isSet = (v: unknown) => v !== undefined && v !== null;

/** IsFullyQualifiedName: a DNS subdomain of three labels at least. */
function fullyQualifiedName(field: string, name: string): FieldError[] {
  if (name === '') return [fieldRequired(field)];
  const errs = isDNS1123Subdomain(name);
  if (errs.length > 0) return [fieldInvalid(field, name, errs.join(','))];
  return name.split('.').length < 3 ? [fieldInvalid(field, name, 'should be a domain with at least three segments separated by dots')] : [];
}

function validateResources(resources: string[], p: string): FieldError[] {
  const errs: FieldError[] = resources.length === 0 ? [fieldRequired(p)] : [];
  const wildcardSubresources = new Set<string>();
  const wildcardResources = new Set<string>();
  let doubleWildcard = false;
  let singleWildcard = false;
  let plainResource = false;
  resources.forEach((r, i) => {
    if (r === '') { errs.push(fieldRequired(`${p}[${i}]`)); return; }
    if (r === '*/*') doubleWildcard = true;
    if (r === '*') singleWildcard = true;
    const slash = r.indexOf('/');
    if (slash < 0) { plainResource = r !== '*'; return; }
    const res = r.slice(0, slash);
    const sub = r.slice(slash + 1);
    if (wildcardSubresources.has(res)) errs.push(fieldInvalid(`${p}[${i}]`, r, `if '${res}/*' is present, must not specify ${r}`));
    if (wildcardResources.has(sub)) errs.push(fieldInvalid(`${p}[${i}]`, r, `if '*/${sub}' is present, must not specify ${r}`));
    if (sub === '*') wildcardSubresources.add(res);
    if (res === '*') wildcardResources.add(sub);
  });
  if (resources.length > 1 && doubleWildcard) errs.push(goValueError('FieldValueInvalid', p, goStrings(resources), "if '*/*' is present, must not specify other resources"));
  if (singleWildcard && plainResource) errs.push(goValueError('FieldValueInvalid', p, goStrings(resources), "if '*' is present, must not specify other resources without subresources"));
  return errs;
}

function validateRule(rule: Obj, p: string): FieldError[] {
  const errs: FieldError[] = [];
  const ops = strings(rule.operations);
  if (ops.length === 0) errs.push(fieldRequired(`${p}.operations`));
  if (ops.length > 1 && ops.includes('*')) {
    errs.push(goValueError('FieldValueInvalid', `${p}.operations`, `[]admissionregistration.OperationType{${ops.map((o) => JSON.stringify(o)).join(', ')}}`, "if '*' is present, must not specify other operations"));
  }
  ops.forEach((o, i) => { if (!operations.includes(o)) errs.push(fieldNotSupported(`${p}.operations[${i}]`, o, operations)); });
  const groups = strings(rule.apiGroups);
  if (groups.length === 0) errs.push(fieldRequired(`${p}.apiGroups`));
  if (groups.length > 1 && groups.includes('*')) errs.push(goValueError('FieldValueInvalid', `${p}.apiGroups`, goStrings(groups), "if '*' is present, must not specify other API groups"));
  const versions = strings(rule.apiVersions);
  if (versions.length === 0) errs.push(fieldRequired(`${p}.apiVersions`));
  if (versions.length > 1 && versions.includes('*')) errs.push(goValueError('FieldValueInvalid', `${p}.apiVersions`, goStrings(versions), "if '*' is present, must not specify other API versions"));
  versions.forEach((v, i) => { if (v === '') errs.push(fieldRequired(`${p}.apiVersions[${i}]`)); });
  errs.push(...validateResources(strings(rule.resources), `${p}.resources`));
  if (isSet(rule.scope) && !scopes.includes(str(rule.scope))) errs.push(fieldNotSupported(`${p}.scope`, rule.scope, scopes));
  return errs;
}

function validateURL(field: string, raw: string): FieldError[] {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return [fieldRequired(field, `url must be a valid URL: parse ${JSON.stringify(raw)}: invalid URI for request${urlForm}`)];
  }
  const errs: FieldError[] = [];
  if (u.protocol !== 'https:') errs.push(fieldInvalid(field, u.protocol.replace(/:$/, ''), `'https' is the only allowed URL scheme${urlForm}`));
  if (u.host === '') errs.push(fieldInvalid(field, u.host, `host must be specified${urlForm}`));
  if (u.username || u.password) errs.push(fieldInvalid(field, u.password ? `${u.username}:${u.password}` : u.username, 'user information is not permitted in the URL'));
  if (u.hash.length > 1) errs.push(fieldInvalid(field, u.hash.slice(1), 'fragments are not permitted in the URL'));
  if (u.search.length > 1) errs.push(fieldInvalid(field, u.search.slice(1), 'query parameters are not permitted in the URL'));
  return errs;
}

function validateService(service: Obj, p: string): FieldError[] {
  const errs: FieldError[] = [];
  if (str(service.name) === '') errs.push(fieldRequired(`${p}.name`, 'service name is required'));
  if (str(service.namespace) === '') errs.push(fieldRequired(`${p}.namespace`, 'service namespace is required'));
  const port = typeof service.port === 'number' ? service.port : 443;
  const portErrs = isValidPortNum(port);
  if (portErrs.length > 0) errs.push(fieldInvalid(`${p}.port`, port, `port is not valid: ${portErrs.join(', ')}`));
  const path = service.path;
  if (typeof path !== 'string' || path === '' || path === '/') return errs;
  if (path === '//') return [...errs, fieldInvalid(`${p}.path`, path, 'segment[0] may not be empty')];
  if (!path.startsWith('/')) errs.push(fieldInvalid(`${p}.path`, path, "must start with a '/'"));
  let check = path.slice(1);
  if (check.endsWith('/')) check = check.slice(0, -1);
  check.split('/').forEach((step, i) => {
    if (step === '') errs.push(fieldInvalid(`${p}.path`, path, `segment[${i}] may not be empty`));
    else for (const m of isDNS1123Subdomain(step)) errs.push(fieldInvalid(`${p}.path`, path, `segment[${i}]: ${m}`));
  });
  return errs;
}

function validateReviewVersions(versions: unknown, p: string): FieldError[] {
  const list = strings(versions);
  if (list.length === 0) return [fieldRequired(p, `must specify one of ${reviewVersions.join(', ')}`)];
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  list.forEach((v, i) => {
    if (seen.has(v)) { errs.push(fieldInvalid(`${p}[${i}]`, v, 'duplicate version')); return; }
    seen.add(v);
    for (const m of isDNS1035Label(v)) errs.push(fieldInvalid(`${p}[${i}]`, v, m));
  });
  if (!list.some((v) => reviewVersions.includes(v))) errs.push(goValueError('FieldValueInvalid', p, goStrings(list), `must include at least one of ${reviewVersions.join(', ')}`));
  return errs;
}

function validateWebhook(hook: Obj, p: string, mutating: boolean): FieldError[] {
  const errs = fullyQualifiedName(`${p}.name`, str(hook.name));
  (Array.isArray(hook.rules) ? hook.rules : []).forEach((r, i) => errs.push(...validateRule(asObj(r), `${p}.rules[${i}]`)));
  if (isSet(hook.failurePolicy) && !['Fail', 'Ignore'].includes(str(hook.failurePolicy))) errs.push(fieldNotSupported(`${p}.failurePolicy`, hook.failurePolicy, ['Fail', 'Ignore']));
  if (isSet(hook.matchPolicy) && !['Equivalent', 'Exact'].includes(str(hook.matchPolicy))) errs.push(fieldNotSupported(`${p}.matchPolicy`, hook.matchPolicy, ['Equivalent', 'Exact']));
  if (!isSet(hook.sideEffects)) errs.push(fieldRequired(`${p}.sideEffects`, 'must specify one of None, NoneOnDryRun'));
  else if (!['None', 'NoneOnDryRun'].includes(str(hook.sideEffects))) errs.push(fieldNotSupported(`${p}.sideEffects`, hook.sideEffects, ['None', 'NoneOnDryRun']));
  const timeout = hook.timeoutSeconds;
  if (typeof timeout === 'number' && (timeout > 30 || timeout < 1)) errs.push(fieldInvalid(`${p}.timeoutSeconds`, timeout, 'the timeout value must be between 1 and 30 seconds'));
  errs.push(...validateLabelSelector(hook.namespaceSelector, `${p}.namespaceSelector`), ...validateLabelSelector(hook.objectSelector, `${p}.objectSelector`));
  if (mutating && isSet(hook.reinvocationPolicy) && !['IfNeeded', 'Never'].includes(str(hook.reinvocationPolicy))) {
    errs.push(fieldNotSupported(`${p}.reinvocationPolicy`, hook.reinvocationPolicy, ['IfNeeded', 'Never']));
  }
  const cc = asObj(hook.clientConfig);
  if (isSet(cc.url) === isSet(cc.service)) errs.push(fieldRequired(`${p}.clientConfig`, 'exactly one of url or service is required'));
  else if (isSet(cc.url)) errs.push(...validateURL(`${p}.clientConfig.url`, str(cc.url)));
  else errs.push(...validateService(asObj(cc.service), `${p}.clientConfig.service`));
  return errs;
}

export const validateWebhookConfiguration = (mutating: boolean) => (config: KubeObject): FieldError[] => {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (Array.isArray(config.webhooks) ? config.webhooks : []).forEach((raw, i) => {
    const hook = asObj(raw);
    const p = `webhooks[${i}]`;
    errs.push(...validateWebhook(hook, p, mutating), ...validateReviewVersions(hook.admissionReviewVersions, `${p}.admissionReviewVersions`));
    const name = str(hook.name);
    if (name !== '') {
      if (names.has(name)) errs.push(fieldDuplicate(`${p}.name`, name));
      names.add(name);
    }
  });
  return errs;
};
