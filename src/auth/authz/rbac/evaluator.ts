/**
 * RBAC: the authorizer over Roles, ClusterRoles and their bindings (plugin/pkg/auth/authorizer/rbac/
 * rbac.go), the rule resolver it walks (pkg/registry/rbac/validation/rule.go), and the escalation
 * check the RBAC registry runs before a role or binding is written (validation.ConfirmNoEscalation,
 * policy_comparator.go, policy_compact.go).
 *
 * Objects come from an RbacLister as stored; they are read defensively (a malformed role grants
 * nothing) so that authorize() never throws. Reasons and messages copy upstream's texts.
 */
import type { KubeObject } from '../../../apis/meta/types.js';
import type { UserInfo } from '../../user.js';
import type { Attributes, AuthorizationResult, Authorizer, NonResourceRule, ResourceRule, RuleResolver } from '../authorizer.js';

/** rbac/v1 PolicyRule; absent lists are empty. */
export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}
export interface Subject { kind: string; apiGroup?: string; name: string; namespace?: string }
export interface RoleRef { apiGroup: string; kind: string; name: string }

/** Where the evaluator reads RBAC objects from (a watch cache in the server). May throw; errors become reasons. */
export interface RbacLister {
  listClusterRoleBindings(): Promise<KubeObject[]>;
  listRoleBindings(namespace: string): Promise<KubeObject[]>;
  /** null when there is no such ClusterRole. */
  getClusterRole(name: string): Promise<KubeObject | null>;
  /** null when there is no such Role. */
  getRole(namespace: string, name: string): Promise<KubeObject | null>;
}

/** The rules a user holds in a namespace, with the errors met on the way (validation.AuthorizationRuleResolver). */
export interface PolicyRuleResolver {
  policyRulesFor(user: UserInfo, namespace: string): Promise<{ rules: PolicyRule[]; errors: string[] }>;
}

export type RbacAuthorizer = Authorizer & RuleResolver & PolicyRuleResolver;

const serviceAccountPrefix = 'system:serviceaccount:';
const privilegedGroup = 'system:masters';

// ---- reading stored objects -------------------------------------------------------------------

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

function opt(v: unknown): string[] | undefined {
  const s = strings(v);
  return s.length > 0 ? s : undefined;
}

/** The rules of a Role or ClusterRole; anything malformed is dropped. */
export function rulesOf(role: KubeObject | null | undefined): PolicyRule[] {
  const raw = role?.rules;
  if (!Array.isArray(raw)) return [];
  const out: PolicyRule[] = [];
  for (const r of raw) {
    if (!r || typeof r !== 'object') continue;
    const o = r as Record<string, unknown>;
    const rule: PolicyRule = { verbs: strings(o.verbs) };
    const apiGroups = opt(o.apiGroups), resources = opt(o.resources), resourceNames = opt(o.resourceNames), urls = opt(o.nonResourceURLs);
    if (apiGroups) rule.apiGroups = apiGroups;
    if (resources) rule.resources = resources;
    if (resourceNames) rule.resourceNames = resourceNames;
    if (urls) rule.nonResourceURLs = urls;
    out.push(rule);
  }
  return out;
}

function subjectsOf(binding: KubeObject): Subject[] {
  const raw = binding.subjects;
  if (!Array.isArray(raw)) return [];
  return raw.filter((s): s is Subject => !!s && typeof s === 'object' && typeof (s as Subject).kind === 'string' && typeof (s as Subject).name === 'string');
}

function roleRefOf(binding: KubeObject): RoleRef | null {
  const r = binding.roleRef as RoleRef | undefined;
  return r && typeof r === 'object' && typeof r.kind === 'string' && typeof r.name === 'string' ? r : null;
}

// ---- matching (pkg/apis/rbac/v1/evaluation_helpers.go) ----------------------------------------

export function verbMatches(rule: PolicyRule, verb: string): boolean {
  return rule.verbs.some((v) => v === '*' || v === verb);
}
export function apiGroupMatches(rule: PolicyRule, group: string): boolean {
  return (rule.apiGroups ?? []).some((g) => g === '*' || g === group);
}
/** `*`, an exact `resource/subresource`, or `*\/subresource` when a subresource is asked for. */
export function resourceMatches(rule: PolicyRule, combined: string, subresource: string): boolean {
  for (const r of rule.resources ?? []) {
    if (r === '*' || r === combined) return true;
    if (subresource && r.length === subresource.length + 2 && r.startsWith('*/') && r.endsWith(subresource)) return true;
  }
  return false;
}
/** An empty resourceNames list matches every name (also the empty name of list/create). */
export function resourceNameMatches(rule: PolicyRule, name: string): boolean {
  const names = rule.resourceNames ?? [];
  return names.length === 0 || names.includes(name);
}
export function nonResourceURLMatches(rule: PolicyRule, path: string): boolean {
  for (const u of rule.nonResourceURLs ?? []) {
    if (u === '*' || u === path) return true;
    if (u.endsWith('*') && path.startsWith(u.replace(/\*+$/, ''))) return true;
  }
  return false;
}

/** rbac.RuleAllows: resource rules only match resource requests, URL rules only the others. */
export function ruleAllows(a: Attributes, rule: PolicyRule): boolean {
  if (a.resourceRequest) {
    const combined = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
    return verbMatches(rule, a.verb) && apiGroupMatches(rule, a.apiGroup) &&
      resourceMatches(rule, combined, a.subresource) && resourceNameMatches(rule, a.name);
  }
  return verbMatches(rule, a.verb) && nonResourceURLMatches(rule, a.path);
}

export function rulesAllow(a: Attributes, rules: readonly PolicyRule[]): boolean {
  return rules.some((r) => ruleAllows(a, r));
}

// ---- resolving a user's rules (rule.go VisitRulesFor) -----------------------------------------

/** appliesToUser: an SA subject without namespace means the binding's namespace. */
function appliesToUser(user: UserInfo, s: Subject, namespace: string): boolean {
  switch (s.kind) {
    case 'User': return user.name === s.name;
    case 'Group': return Array.isArray(user.groups) && user.groups.includes(s.name);
    case 'ServiceAccount': {
      const ns = s.namespace || namespace;
      return ns !== '' && user.name === `${serviceAccountPrefix}${ns}:${s.name}`;
    }
    default: return false;
  }
}

function describeSubject(s: Subject, bindingNamespace: string): string {
  if (s.kind === 'ServiceAccount') return `${s.kind} ${JSON.stringify(`${s.name}/${s.namespace || bindingNamespace}`)}`;
  return `${s.kind} ${JSON.stringify(s.name)}`;
}

/** clusterRoleBindingDescriber / roleBindingDescriber (note upstream's `name/namespace` order). */
function describeBinding(b: KubeObject, ref: RoleRef, s: Subject): string {
  const ns = b.metadata?.namespace ?? '';
  if (!ns) return `ClusterRoleBinding ${JSON.stringify(b.metadata?.name ?? '')} of ${ref.kind} ${JSON.stringify(ref.name)} to ${describeSubject(s, '')}`;
  return `RoleBinding ${JSON.stringify(`${b.metadata?.name ?? ''}/${ns}`)} of ${ref.kind} ${JSON.stringify(ref.name)} to ${describeSubject(s, ns)}`;
}

/** Return false to stop visiting. source is lazy: only an allow needs its text. */
type Visitor = (source: (() => string) | null, rule: PolicyRule | null, err: string | null) => boolean;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function roleReferenceRules(lister: RbacLister, ref: RoleRef, namespace: string): Promise<PolicyRule[]> {
  switch (ref.kind) {
    case 'Role': {
      const role = await lister.getRole(namespace, ref.name);
      if (!role) throw new Error(`role.rbac.authorization.k8s.io ${JSON.stringify(ref.name)} not found`);
      return rulesOf(role);
    }
    case 'ClusterRole': {
      const role = await lister.getClusterRole(ref.name);
      if (!role) throw new Error(`clusterrole.rbac.authorization.k8s.io ${JSON.stringify(ref.name)} not found`);
      return rulesOf(role);
    }
    default:
      throw new Error(`unsupported role reference kind: ${JSON.stringify(ref.kind)}`);
  }
}

/** Cluster-wide bindings first, then the namespace's RoleBindings, as upstream. */
async function visitRulesFor(lister: RbacLister, user: UserInfo, namespace: string, visit: Visitor): Promise<void> {
  const scopes: Array<[bindingNamespace: string, list: () => Promise<KubeObject[]>]> = [['', () => lister.listClusterRoleBindings()]];
  if (namespace) scopes.push([namespace, () => lister.listRoleBindings(namespace)]);
  for (const [bindingNamespace, list] of scopes) {
    let bindings: KubeObject[];
    try { bindings = await list(); } catch (e) { if (!visit(null, null, message(e))) return; continue; }
    for (const b of bindings) {
      const subject = subjectsOf(b).find((s) => appliesToUser(user, s, bindingNamespace));
      const ref = roleRefOf(b);
      if (!subject || !ref) continue;
      let rules: PolicyRule[];
      try { rules = await roleReferenceRules(lister, ref, bindingNamespace); } catch (e) { if (!visit(null, null, message(e))) return; continue; }
      const source = () => describeBinding(b, ref, subject);
      for (const r of rules) if (!visit(source, r, null)) return;
    }
  }
}

/** utilerrors.NewAggregate(errs).Error(): one message as is, several de-duplicated in brackets. */
export function aggregateMessage(errors: readonly string[]): string {
  const seen = [...new Set(errors)];
  return seen.length === 1 ? seen[0] : seen.length === 0 ? '' : `[${seen.join(', ')}]`;
}

/** newRbacAuthorizer: allow when some bound rule matches; otherwise noOpinion ("" or `RBAC: <errors>`). */
export function newRbacAuthorizer(lister: RbacLister): RbacAuthorizer {
  async function policyRulesFor(user: UserInfo, namespace: string) {
    const rules: PolicyRule[] = [], errors: string[] = [];
    await visitRulesFor(lister, user, namespace, (_s, rule, err) => {
      if (rule) rules.push(rule);
      if (err) errors.push(err);
      return true;
    });
    return { rules, errors };
  }
  return {
    async authorize(attrs: Attributes): Promise<AuthorizationResult> {
      let allowedBy = '';
      const errors: string[] = [];
      try {
        await visitRulesFor(lister, attrs.user, attrs.namespace, (source, rule, err) => {
          if (rule && source && ruleAllows(attrs, rule)) { allowedBy = source(); return false; }
          if (err) errors.push(err);
          return true;
        });
      } catch (e) { errors.push(message(e)); }
      if (allowedBy) return { decision: 'allow', reason: `RBAC: allowed by ${allowedBy}` };
      return { decision: 'noOpinion', reason: errors.length > 0 ? `RBAC: ${aggregateMessage(errors)}` : '' };
    },
    async rulesFor(user: UserInfo, namespace: string) {
      const { rules, errors } = await policyRulesFor(user, namespace);
      const resourceRules: ResourceRule[] = [], nonResourceRules: NonResourceRule[] = [];
      for (const r of rules) {
        if ((r.resources ?? []).length > 0) {
          const rr: ResourceRule = { verbs: r.verbs, apiGroups: r.apiGroups ?? [], resources: r.resources ?? [] };
          if (r.resourceNames) rr.resourceNames = r.resourceNames;
          resourceRules.push(rr);
        }
        if ((r.nonResourceURLs ?? []).length > 0) nonResourceRules.push({ verbs: r.verbs, nonResourceURLs: r.nonResourceURLs ?? [] });
      }
      return { resourceRules, nonResourceRules, incomplete: false, ...(errors.length > 0 ? { evaluationError: aggregateMessage(errors) } : {}) };
    },
    policyRulesFor,
  };
}

// ---- escalation (validation.ConfirmNoEscalation) ----------------------------------------------

/** BreakdownRule: one verb, one resource, one name (or one URL and one verb) per rule. */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) for (const resource of rule.resources ?? []) for (const verb of rule.verbs) {
    if ((rule.resourceNames ?? []).length > 0) {
      for (const name of rule.resourceNames ?? []) out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [name] });
    } else out.push({ verbs: [verb], apiGroups: [group], resources: [resource] });
  }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of rule.verbs) out.push({ verbs: [verb], nonResourceURLs: [url] });
  return out;
}

const hasAll = (set: readonly string[], wanted: readonly string[]) => wanted.every((w) => set.includes(w));

function resourceCoversAll(owner: readonly string[], wanted: readonly string[]): boolean {
  if (owner.includes('*') || hasAll(owner, wanted)) return true;
  return wanted.every((path) => {
    if (owner.includes(path)) return true;
    const slash = path.indexOf('/');
    return slash >= 0 && owner.includes(`*/${path.slice(slash + 1)}`);
  });
}

function nonResourceURLsCoverAll(owner: readonly string[], wanted: readonly string[]): boolean {
  return wanted.every((p) => owner.some((o) => o === p || (o.endsWith('*') && p.startsWith(o.replace(/\*+$/, '')))));
}

/** ruleCovers: the owner rule grants everything the (broken down) sub-rule does. */
export function ruleCovers(owner: PolicyRule, sub: PolicyRule): boolean {
  const ownerNames = owner.resourceNames ?? [], subNames = sub.resourceNames ?? [];
  const namesMatch = subNames.length === 0 ? ownerNames.length === 0 : ownerNames.length === 0 || hasAll(ownerNames, subNames);
  return (owner.verbs.includes('*') || hasAll(owner.verbs, sub.verbs)) &&
    ((owner.apiGroups ?? []).includes('*') || hasAll(owner.apiGroups ?? [], sub.apiGroups ?? [])) &&
    resourceCoversAll(owner.resources ?? [], sub.resources ?? []) &&
    nonResourceURLsCoverAll(owner.nonResourceURLs ?? [], sub.nonResourceURLs ?? []) && namesMatch;
}

/** Covers: whether ownerRules grant all of servantRules, and the broken-down rules they miss. */
export function covers(ownerRules: readonly PolicyRule[], servantRules: readonly PolicyRule[]): { covered: boolean; missing: PolicyRule[] } {
  const missing = servantRules.flatMap(breakdownRule).filter((sub) => !ownerRules.some((o) => ruleCovers(o, sub)));
  return { covered: missing.length === 0, missing };
}

/** CompactRules: merge single-group, single-resource (at most one name) rules that differ only in verbs. */
export function compactRules(rules: readonly PolicyRule[]): PolicyRule[] {
  const out: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const r of rules) {
    const names = r.resourceNames ?? [];
    const isSimple = names.length <= 1 && (r.nonResourceURLs ?? []).length === 0 && (r.apiGroups ?? []).length === 1 && (r.resources ?? []).length === 1;
    if (!isSimple) { out.push(r); continue; }
    const key = JSON.stringify([r.apiGroups, r.resources, names]);
    const existing = simple.get(key);
    if (existing) { for (const v of r.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v); }
    else simple.set(key, { ...r, verbs: [...r.verbs] });
  }
  return [...out, ...simple.values()];
}

/** rbacv1helpers.CompactString: `{APIGroups:[""], Resources:["pods"], Verbs:["get" "list"]}`. */
export function compactString(r: PolicyRule): string {
  const q = (xs: readonly string[]) => `[${xs.map((x) => JSON.stringify(x)).join(' ')}]`;
  const parts: string[] = [];
  if ((r.apiGroups ?? []).length > 0) parts.push(`APIGroups:${q(r.apiGroups ?? [])}`);
  if ((r.resources ?? []).length > 0) parts.push(`Resources:${q(r.resources ?? [])}`);
  if ((r.nonResourceURLs ?? []).length > 0) parts.push(`NonResourceURLs:${q(r.nonResourceURLs ?? [])}`);
  if ((r.resourceNames ?? []).length > 0) parts.push(`ResourceNames:${q(r.resourceNames ?? [])}`);
  if (r.verbs.length > 0) parts.push(`Verbs:${q(r.verbs)}`);
  return `{${parts.join(', ')}}`;
}

/** rbacregistry.EscalationAllowed: system:masters may always grant anything. */
export function escalationAllowed(user: UserInfo): boolean {
  return Array.isArray(user.groups) && user.groups.includes(privilegedGroup);
}

export interface EscalationCheck {
  /** The broken-down rules the user does not hold, compacted. */
  missing: PolicyRule[];
  /** Upstream's text, for a 403 Forbidden on the role or binding. */
  message: string;
}

/**
 * The escalation half of ConfirmNoEscalation: null when the user already holds every rule in
 * `namespace` ('' for cluster-wide), else what is missing and upstream's message.
 */
export async function checkEscalation(user: UserInfo, rules: readonly PolicyRule[], namespace: string, resolver: PolicyRuleResolver): Promise<EscalationCheck | null> {
  const { rules: owned, errors } = await resolver.policyRulesFor(user, namespace);
  const { covered, missing } = covers(owned, rules);
  if (covered) return null;
  const compact = compactRules(missing);
  const lines = [...new Set(compact.map(compactString))].sort();
  let msg = `user ${JSON.stringify(user.name)} (groups=[${(user.groups ?? []).map((g) => JSON.stringify(g)).join(' ')}]) is attempting to grant RBAC permissions not currently held:\n${lines.join('\n')}`;
  if (errors.length > 0) msg += `; resolution errors: [${aggregateMessage(errors)}]`;
  return { missing: compact, message: msg };
}

export class EscalationError extends Error {
  constructor(readonly check: EscalationCheck) {
    super(check.message);
    this.name = 'EscalationError';
  }
}

/** ConfirmNoEscalation: throws EscalationError (wrap it as a 403) when the user lacks some rule. */
export async function confirmNoEscalation(user: UserInfo, rules: readonly PolicyRule[], namespace: string, resolver: PolicyRuleResolver): Promise<void> {
  const check = await checkEscalation(user, rules, namespace, resolver);
  if (check) throw new EscalationError(check);
}
