/**
 * Authorizers decide whether a user may do something (upstream's authorizer.Authorizer): allow,
 * deny, or no opinion (let the next one decide). The union returns the first allow or deny.
 */
import type { UserInfo } from '../user.js';

export type Decision = 'allow' | 'deny' | 'noOpinion';

/** upstream authorizer.AttributesRecord. */
export interface Attributes {
  user: UserInfo;
  verb: string;
  resourceRequest: boolean;
  /** For non-resource requests: the URL path. */
  path: string;
  apiGroup: string;
  apiVersion: string;
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
  /** Optional. The field selector of a list/watch (the Node authorizer limits kubelets by it). */
  fieldSelector?: ReadonlyArray<{ field: string; operator: string; value: string }>;
}

export interface AuthorizationResult {
  decision: Decision;
  /** Why, for 403 messages and audit; may be ''. */
  reason: string;
}

export interface Authorizer {
  authorize(attrs: Attributes): Promise<AuthorizationResult>;
}

/** The rules that apply to a user in a namespace (for SelfSubjectRulesReview / `kubectl auth can-i --list`). */
export interface ResourceRule { verbs: string[]; apiGroups: string[]; resources: string[]; resourceNames?: string[] }
export interface NonResourceRule { verbs: string[]; nonResourceURLs: string[] }
export interface RuleResolver {
  rulesFor(user: UserInfo, namespace: string): Promise<{ resourceRules: ResourceRule[]; nonResourceRules: NonResourceRule[]; incomplete: boolean; evaluationError?: string }>;
}

/** First allow or deny wins; noOpinion passes to the next. Nobody allowed -> the caller answers 403. */
export function unionAuthorizer(named: Array<[name: string, authz: Authorizer]>): Authorizer {
  return {
    async authorize(attrs) {
      const reasons: string[] = [];
      for (const [, authz] of named) {
        const r = await authz.authorize(attrs);
        if (r.decision !== 'noOpinion') return r;
        if (r.reason) reasons.push(r.reason);
      }
      return { decision: 'noOpinion', reason: reasons.join('\n') };
    },
  };
}
