/**
 * The clusterrole-aggregation controller's computation (pkg/controller/clusterroleaggregation):
 * an aggregated ClusterRole's rules are the rules of every other ClusterRole whose labels match
 * any of its clusterRoleSelectors. Selectors are taken in order; within one selector the matching
 * roles are sorted by name; a rule already collected (deep-equal, absent lists = empty) is skipped.
 *
 *   admin <- {edit, system:aggregate-to-admin}      (label aggregate-to-admin)
 *   edit  <- {system:aggregate-to-edit, view}       (label aggregate-to-edit)
 *   view  <- {system:aggregate-to-view}             (label aggregate-to-view)
 *
 * Because one aggregated role can feed another (view -> edit -> admin), the controller reaches a
 * fixpoint by requeueing on every change; aggregateAll() does the same in one call.
 */
import type { KubeObject } from '../../../apis/meta/types.js';
import { rulesOf, type PolicyRule } from './evaluator.js';

export interface LabelSelectorRequirement { key: string; operator: string; values?: string[] }
export interface LabelSelector { matchLabels?: Record<string, string>; matchExpressions?: LabelSelectorRequirement[] }

/** metav1.LabelSelectorAsSelector + Matches; an empty selector matches everything. */
export function selectorMatches(sel: LabelSelector, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const req of sel.matchExpressions ?? []) {
    const has = Object.prototype.hasOwnProperty.call(labels, req.key);
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In': if (!has || !values.includes(labels[req.key])) return false; break;
      case 'NotIn': if (has && values.includes(labels[req.key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: return false; // an invalid selector selects nothing (upstream: sync error, rules unchanged)
    }
  }
  return true;
}

/** The selectors of a ClusterRole's aggregationRule, or null when it is not aggregated. */
export function aggregationSelectors(role: KubeObject): LabelSelector[] | null {
  const rule = role.aggregationRule as { clusterRoleSelectors?: unknown } | undefined;
  if (!rule || typeof rule !== 'object') return null;
  const sels = rule.clusterRoleSelectors;
  return Array.isArray(sels) ? sels.filter((s): s is LabelSelector => !!s && typeof s === 'object') : [];
}

/** equality.Semantic.DeepEqual on PolicyRules: nil and empty lists are equal. */
export function sameRule(a: PolicyRule, b: PolicyRule): boolean {
  const eq = (x: readonly string[] | undefined, y: readonly string[] | undefined) => {
    const xs = x ?? [], ys = y ?? [];
    return xs.length === ys.length && xs.every((v, i) => v === ys[i]);
  };
  return eq(a.verbs, b.verbs) && eq(a.apiGroups, b.apiGroups) && eq(a.resources, b.resources) &&
    eq(a.resourceNames, b.resourceNames) && eq(a.nonResourceURLs, b.nonResourceURLs);
}

const nameOf = (r: KubeObject) => r.metadata?.name ?? '';

/**
 * The rules `role` should have given the current ClusterRoles, or null when it has no
 * aggregationRule (then its own rules stand). The role itself never feeds itself.
 */
export function aggregateClusterRole(role: KubeObject, allClusterRoles: readonly KubeObject[]): PolicyRule[] | null {
  const selectors = aggregationSelectors(role);
  if (!selectors) return null;
  const out: PolicyRule[] = [];
  for (const sel of selectors) {
    const matching = allClusterRoles
      .filter((r) => nameOf(r) !== nameOf(role) && selectorMatches(sel, r.metadata?.labels ?? {}))
      .sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
    for (const r of matching) for (const rule of rulesOf(r)) if (!out.some((o) => sameRule(o, rule))) out.push(rule);
  }
  return out;
}

function sameRules(a: readonly PolicyRule[], b: readonly PolicyRule[]): boolean {
  return a.length === b.length && a.every((r, i) => sameRule(r, b[i]));
}

/**
 * Runs aggregation over all ClusterRoles until nothing changes (bounded by the number of roles,
 * as a chain of aggregations is at most that long; a cycle stops there). Returns the roles whose
 * rules changed, keyed by name, with their new rules; the input is not modified.
 */
export function aggregateAll(allClusterRoles: readonly KubeObject[]): Map<string, PolicyRule[]> {
  let current = allClusterRoles.map((r) => ({ ...r }));
  const changed = new Map<string, PolicyRule[]>();
  for (let round = 0; round <= current.length; round++) {
    let any = false;
    const next = current.map((r) => {
      const rules = aggregateClusterRole(r, current);
      if (!rules || sameRules(rules, rulesOf(r))) return r;
      any = true;
      changed.set(nameOf(r), rules);
      return { ...r, rules };
    });
    current = next;
    if (!any) break;
  }
  return changed;
}
