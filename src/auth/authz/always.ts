/**
 * The trivial authorizers (k8s.io/apiserver/pkg/authorization/authorizerfactory/builtin.go):
 * AlwaysAllow, AlwaysDeny, and the privileged-groups authorizer kube-apiserver puts first in its
 * union so that `system:masters` is allowed everything whatever the modes
 * (pkg/kubeapiserver/authorizer/config.go).
 *
 * Upstream's AlwaysDeny answers noOpinion (not deny) with "Everything is forbidden.", so a later
 * authorizer in the union may still allow; the request is refused only when nobody allows.
 */
import type { UserInfo } from '../user.js';
import type { AuthorizationResult, Authorizer, RuleResolver } from './authorizer.js';

/** AlwaysAllow: every request; its rules are `*` on everything (so `kubectl auth can-i --list` shows that). */
export const alwaysAllow: Authorizer & RuleResolver = {
  async authorize(): Promise<AuthorizationResult> {
    return { decision: 'allow', reason: '' };
  },
  async rulesFor() {
    return {
      resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
      nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
      incomplete: false,
    };
  },
};

/** AlwaysDeny: noOpinion with upstream's reason; no rules. */
export const alwaysDeny: Authorizer & RuleResolver = {
  async authorize(): Promise<AuthorizationResult> {
    return { decision: 'noOpinion', reason: 'Everything is forbidden.' };
  },
  async rulesFor() {
    return { resourceRules: [], nonResourceRules: [], incomplete: false };
  },
};

/** NewPrivilegedGroups: allow members of any of the groups, no opinion otherwise (reason ''). */
export function privilegedGroups(...groups: string[]): Authorizer {
  const set = new Set(groups);
  return {
    async authorize(attrs): Promise<AuthorizationResult> {
      const user: UserInfo | undefined = attrs?.user;
      const member = Array.isArray(user?.groups) && user.groups.some((g) => set.has(g));
      return { decision: member ? 'allow' : 'noOpinion', reason: '' };
    },
  };
}
