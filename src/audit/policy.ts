/**
 * The audit policy (--audit-policy-file): an audit.k8s.io/v1 Policy read from YAML or JSON,
 * validated as upstream's LoadPolicyFromBytes + ValidatePolicy, and evaluated per request with
 * the first matching rule deciding (pkg/audit/policy/checker.go). No match means level None.
 */
import { readFile } from 'node:fs/promises';
import type { UserInfo } from '../auth/user.js';
import { type Level, levels, type Stage, stages } from './event.js';

export interface GroupResources { group: string; resources: string[]; resourceNames: string[] }

export interface PolicyRule {
  level: Level;
  users: string[];
  userGroups: string[];
  verbs: string[];
  resources: GroupResources[];
  namespaces: string[];
  nonResourceURLs: string[];
  /** Already the union with the policy-wide omitStages, as NewPolicyRuleEvaluator makes it. */
  omitStages: Stage[];
  /** Optional. Overrides the policy-wide omitManagedFields when set. */
  omitManagedFields?: boolean;
}

/** What a rule is matched against: upstream's authorizer attributes (authz Attributes fit). */
export interface PolicyAttributes {
  /** Optional: absent for requests that failed authentication. */
  user?: UserInfo;
  verb: string;
  resourceRequest: boolean;
  path: string;
  apiGroup: string;
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
}

/** auditinternal.RequestAuditConfig: how one request is audited. */
export interface RequestAuditConfig { level: Level; omitStages: readonly Stage[]; omitManagedFields: boolean }

export class AuditPolicy {
  constructor(readonly rules: readonly PolicyRule[], readonly omitStages: readonly Stage[] = [], readonly omitManagedFields = false) {}

  /** EvaluatePolicyRule: the first rule that matches decides; none matching is None with the policy's stages. */
  levelFor(attrs: PolicyAttributes): RequestAuditConfig {
    for (const rule of this.rules) {
      if (ruleMatches(rule, attrs)) {
        return { level: rule.level, omitStages: rule.omitStages, omitManagedFields: rule.omitManagedFields ?? this.omitManagedFields };
      }
    }
    return { level: 'None', omitStages: this.omitStages, omitManagedFields: this.omitManagedFields };
  }
}

function ruleMatches(r: PolicyRule, a: PolicyAttributes): boolean {
  if (r.users.length > 0 && (!a.user || !r.users.includes(a.user.name))) return false;
  if (r.userGroups.length > 0 && (!a.user || !a.user.groups.some((g) => r.userGroups.includes(g)))) return false;
  if (r.verbs.length > 0 && !r.verbs.includes(a.verb)) return false;
  if (r.namespaces.length > 0 || r.resources.length > 0) return resourceMatches(r, a);
  if (r.nonResourceURLs.length > 0) return !a.resourceRequest && r.nonResourceURLs.some((spec) => pathMatches(a.path, spec));
  return true;
}

function pathMatches(path: string, spec: string): boolean {
  if (spec === '*' || spec === path) return true;
  // strings.TrimRight(spec, "*"): every trailing star goes.
  return spec.endsWith('*') && path.startsWith(spec.replace(/\*+$/, ''));
}

function resourceMatches(r: PolicyRule, a: PolicyAttributes): boolean {
  if (!a.resourceRequest) return false;
  // Cluster-scoped resources have namespace "", which a rule selects with "".
  if (r.namespaces.length > 0 && !r.namespaces.includes(a.namespace)) return false;
  if (r.resources.length === 0) return true;
  const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  for (const gr of r.resources) {
    if (gr.group !== a.apiGroup) continue;
    if (gr.resources.length === 0) return true;
    if (gr.resourceNames.length > 0 && !gr.resourceNames.includes(a.name)) continue;
    for (const res of gr.resources) {
      if (res === combined || res === '*') return true;
      if (a.subresource && res.startsWith('*/') && res.slice(2) === a.subresource) return true;
      if (res.endsWith('/*') && res.slice(0, -2) === a.resource) return true;
    }
  }
  return false;
}

// ---- loading and validation ----

const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const goList = (v: unknown[]) => `[]string{${v.map((s) => JSON.stringify(s)).join(', ')}}`;

function strings(v: unknown, path: string, errs: string[]): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) {
    errs.push(`${path}: Invalid value: ${JSON.stringify(v)}: must be a list of strings`);
    return [];
  }
  return v as string[];
}

function omitStagesOf(v: unknown, path: string, errs: string[]): Stage[] {
  const list = strings(v, path, errs);
  list.forEach((s, i) => {
    if (!stages.includes(s as Stage)) errs.push(`${path}[${i}]: Invalid value: ${JSON.stringify(s)}: allowed stages are ${stages.join(',')}`);
  });
  return list as Stage[];
}

function parseRule(raw: unknown, path: string, errs: string[]): PolicyRule {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const level = r.level;
  if (level === undefined || level === '') errs.push(`${path}.level: Required value`);
  else if (!levels.includes(level as Level)) errs.push(`${path}.level: Unsupported value: ${JSON.stringify(level)}: supported values: ${levels.map((l) => JSON.stringify(l)).join(', ')}`);
  const nonResourceURLs = strings(r.nonResourceURLs, `${path}.nonResourceURLs`, errs);
  nonResourceURLs.forEach((url, i) => {
    if (url === '*') return;
    if (!url.startsWith('/')) errs.push(`${path}.nonResourceURLs[${i}]: Invalid value: ${JSON.stringify(url)}: non-resource URL rules must begin with a '/' character`);
    if (url !== '' && url.slice(0, -1).includes('*')) errs.push(`${path}.nonResourceURLs[${i}]: Invalid value: ${JSON.stringify(url)}: non-resource URL wildcards '*' must be the final character of the rule`);
  });
  const resources: GroupResources[] = [];
  const rawResources = r.resources ?? [];
  if (!Array.isArray(rawResources)) errs.push(`${path}.resources: Invalid value: ${JSON.stringify(rawResources)}: must be a list`);
  else for (const g of rawResources as Array<Record<string, unknown>>) {
    const group = typeof g?.group === 'string' ? g.group : '';
    const gr: GroupResources = { group, resources: strings(g?.resources, `${path}.resources.resources`, errs), resourceNames: strings(g?.resourceNames, `${path}.resources.resourceNames`, errs) };
    // As upstream, these two paths name the list without an index.
    if (group !== '' && (group.length > 253 || !dnsSubdomain.test(group))) {
      errs.push(`${path}.resources.group: Invalid value: ${JSON.stringify(group)}: a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`);
    }
    if (gr.resourceNames.length > 0 && gr.resources.length === 0) errs.push(`${path}.resources.resourceNames: Invalid value: ${goList(gr.resourceNames)}: using resourceNames requires at least one resource`);
    resources.push(gr);
  }
  const namespaces = strings(r.namespaces, `${path}.namespaces`, errs);
  if (nonResourceURLs.length > 0 && (resources.length > 0 || namespaces.length > 0)) {
    errs.push(`${path}.nonResourceURLs: Invalid value: ${goList(nonResourceURLs)}: rules cannot apply to both regular resources and non-resource URLs`);
  }
  const rule: PolicyRule = {
    level: level as Level, users: strings(r.users, `${path}.users`, errs), userGroups: strings(r.userGroups, `${path}.userGroups`, errs),
    verbs: strings(r.verbs, `${path}.verbs`, errs), resources, namespaces, nonResourceURLs,
    omitStages: omitStagesOf(r.omitStages, `${path}.omitStages`, errs),
  };
  if (typeof r.omitManagedFields === 'boolean') rule.omitManagedFields = r.omitManagedFields;
  return rule;
}

/** LoadPolicyFromBytes: JSON is YAML, so one parser reads both. Throws with upstream's texts. */
export async function parsePolicy(text: string): Promise<AuditPolicy> {
  const { parse } = await import('yaml');
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 100 });
  } catch (e) {
    throw new Error(`failed decoding: ${(e as Error).message}`);
  }
  const p = (doc && typeof doc === 'object' && !Array.isArray(doc) ? doc : {}) as Record<string, unknown>;
  const apiVersion = typeof p.apiVersion === 'string' ? p.apiVersion : '';
  const kind = typeof p.kind === 'string' ? p.kind : '';
  if (kind === '') throw new Error(`failed decoding: Object 'Kind' is missing in '${text.trim().slice(0, 200)}'`);
  if (apiVersion !== 'audit.k8s.io/v1' || kind !== 'Policy') {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
    throw new Error(`unknown group version field ${group}/${version}, Kind=${kind} in policy`);
  }
  const errs: string[] = [];
  const omitStages = omitStagesOf(p.omitStages, 'omitStages', errs);
  const rawRules = p.rules ?? [];
  if (!Array.isArray(rawRules)) throw new Error(`failed decoding: rules: expected a list, got ${JSON.stringify(rawRules)}`);
  const rules = rawRules.map((r, i) => parseRule(r, `rules[${i}]`, errs));
  // field.ErrorList.ToAggregate: one error alone, several in brackets.
  if (errs.length === 1) throw new Error(errs[0]);
  if (errs.length > 1) throw new Error(`[${errs.join(', ')}]`);
  if (rules.length === 0) throw new Error('loaded illegal policy with 0 rules');
  for (const rule of rules) rule.omitStages = [...new Set([...omitStages, ...rule.omitStages])];
  return new AuditPolicy(rules, omitStages, p.omitManagedFields === true);
}

/** LoadPolicyFromFile: the CLI exits 2 with this error's message. */
export async function loadPolicyFile(path: string): Promise<AuditPolicy> {
  if (path === '') throw new Error('loading audit policy file: file path not specified');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new Error(`loading audit policy file: failed to read file path ${JSON.stringify(path)}: ${(e as Error).message}`);
  }
  try {
    return await parsePolicy(text);
  } catch (e) {
    throw new Error(`loading audit policy file: ${(e as Error).message}: from file ${path}`);
  }
}
