/**
 * The review APIs, answered per request and never stored: TokenReview and SelfSubjectReview
 * (authentication.k8s.io), SubjectAccessReview, SelfSubjectAccessReview,
 * LocalSubjectAccessReview and SelfSubjectRulesReview (authorization.k8s.io). Each takes the
 * request's body and returns it with `status` filled, as upstream's REST handlers do.
 */
import { badRequest, fieldRequired, invalid } from '../apis/meta/errors.js';
import type { KubeObject } from '../apis/meta/types.js';
import type { Authenticator } from '../auth/authn/authenticator.js';
import type { Attributes, Authorizer, RuleResolver } from '../auth/authz/authorizer.js';
import type { UserInfo } from '../auth/user.js';
import type { RequestContext } from './rest.js';

export type VirtualCreate = (ctx: RequestContext, body: KubeObject) => Promise<KubeObject>;

export interface ReviewDeps {
  authenticator: Authenticator;
  /** The API's own audiences, reported when a TokenReview asks for none. */
  apiAudiences: readonly string[];
  authorizer: Authorizer;
  ruleResolver: RuleResolver;
}

interface ResourceAttributes { namespace?: string; verb?: string; group?: string; version?: string; resource?: string; subresource?: string; name?: string }
interface NonResourceAttributes { path?: string; verb?: string }
interface AccessReviewSpec { resourceAttributes?: ResourceAttributes; nonResourceAttributes?: NonResourceAttributes; user?: string; groups?: string[]; uid?: string; extra?: Record<string, string[]> }

function specOf(body: KubeObject): AccessReviewSpec {
  return (body.spec ?? {}) as AccessReviewSpec;
}

/** upstream authorizationutil.ResourceAttributesFrom / NonResourceAttributesFrom */
function attributesFrom(user: UserInfo, spec: AccessReviewSpec): Attributes {
  if (spec.resourceAttributes) {
    const r = spec.resourceAttributes;
    return { user, verb: r.verb ?? '', resourceRequest: true, path: '', apiGroup: r.group ?? '', apiVersion: r.version ?? '', resource: r.resource ?? '', subresource: r.subresource ?? '', namespace: r.namespace ?? '', name: r.name ?? '' };
  }
  const n = spec.nonResourceAttributes ?? {};
  return { user, verb: n.verb ?? '', resourceRequest: false, path: n.path ?? '', apiGroup: '', apiVersion: '', resource: '', subresource: '', namespace: '', name: '' };
}

function validateAccessSpec(kind: string, spec: AccessReviewSpec, needsUser: boolean): void {
  const errs = [];
  if (!spec.resourceAttributes && !spec.nonResourceAttributes) errs.push({ ...fieldRequired('spec.resourceAttributes', 'exactly one of nonResourceAttributes or resourceAttributes must be specified') });
  if (spec.resourceAttributes && spec.nonResourceAttributes) errs.push({ type: 'FieldValueInvalid' as const, field: 'spec.nonResourceAttributes', badValue: spec.nonResourceAttributes, detail: 'cannot be specified in combination with resourceAttributes' });
  if (needsUser && !spec.user && (spec.groups ?? []).length === 0) errs.push({ type: 'FieldValueInvalid' as const, field: 'spec.user', badValue: spec.user ?? '', detail: 'at least one of user or group must be specified' });
  if (errs.length > 0) throw invalid(kind, 'authorization.k8s.io', '', errs);
}

async function review(deps: ReviewDeps, body: KubeObject, user: UserInfo): Promise<KubeObject> {
  const result = await deps.authorizer.authorize(attributesFrom(user, specOf(body)));
  const status: Record<string, unknown> = { allowed: result.decision === 'allow' };
  if (result.decision === 'deny') status.denied = true;
  if (result.reason) status.reason = result.reason;
  return { ...body, status };
}

export function reviewHandlers(deps: ReviewDeps): Map<string, VirtualCreate> {
  const h = new Map<string, VirtualCreate>();
  h.set('authorization.k8s.io/selfsubjectaccessreviews', async (ctx, body) => {
    validateAccessSpec('SelfSubjectAccessReview', specOf(body), false);
    return review(deps, body, ctx.user);
  });
  h.set('authorization.k8s.io/subjectaccessreviews', async (_ctx, body) => {
    const spec = specOf(body);
    validateAccessSpec('SubjectAccessReview', spec, true);
    return review(deps, body, { name: spec.user ?? '', uid: spec.uid, groups: spec.groups ?? [], extra: spec.extra });
  });
  h.set('authorization.k8s.io/localsubjectaccessreviews', async (ctx, body) => {
    const spec = specOf(body);
    validateAccessSpec('LocalSubjectAccessReview', spec, true);
    if (spec.resourceAttributes && (spec.resourceAttributes.namespace ?? '') !== ctx.namespace) {
      throw invalid('LocalSubjectAccessReview', 'authorization.k8s.io', '', [{ type: 'FieldValueInvalid', field: 'spec.resourceAttributes.namespace', badValue: spec.resourceAttributes.namespace ?? '', detail: 'must match metadata.namespace' }]);
    }
    if (spec.nonResourceAttributes) throw badRequest('disallowed on this kind of request');
    return review(deps, body, { name: spec.user ?? '', uid: spec.uid, groups: spec.groups ?? [], extra: spec.extra });
  });
  h.set('authorization.k8s.io/selfsubjectrulesreviews', async (ctx, body) => {
    const ns = ((body.spec ?? {}) as { namespace?: string }).namespace ?? '';
    const rules = await deps.ruleResolver.rulesFor(ctx.user, ns);
    const status: Record<string, unknown> = { resourceRules: rules.resourceRules, nonResourceRules: rules.nonResourceRules, incomplete: rules.incomplete };
    if (rules.evaluationError) status.evaluationError = rules.evaluationError;
    return { ...body, status };
  });
  h.set('authentication.k8s.io/selfsubjectreviews', async (ctx, body) => {
    const u = ctx.user;
    const userInfo: Record<string, unknown> = { username: u.name, groups: u.groups };
    if (u.uid) userInfo.uid = u.uid;
    if (u.extra && Object.keys(u.extra).length > 0) userInfo.extra = u.extra;
    return { ...body, metadata: { ...body.metadata, creationTimestamp: null as unknown as string }, status: { userInfo } };
  });
  h.set('authentication.k8s.io/tokenreviews', async (_ctx, body) => {
    const spec = (body.spec ?? {}) as { token?: string; audiences?: string[] };
    if (!spec.token) throw invalid('TokenReview', 'authentication.k8s.io', '', [fieldRequired('spec.token')]);
    let user: UserInfo | null = null;
    let error: string | undefined;
    try {
      user = await deps.authenticator.authenticate({ headers: { authorization: `Bearer ${spec.token}` }, audiences: spec.audiences?.length ? spec.audiences : undefined });
    } catch (e) {
      error = e instanceof AggregateError ? e.errors.map((x) => (x as Error).message).join(', ') : (e as Error).message;
    }
    const status: Record<string, unknown> = { authenticated: !!user, user: {} };
    if (user) status.user = { username: user.name, uid: user.uid, groups: user.groups, extra: user.extra };
    // The authenticator checked the token against the requested audiences (or the API's).
    if (user) status.audiences = spec.audiences?.length ? spec.audiences : [...deps.apiAudiences];
    if (error) status.error = error;
    return { ...body, status };
  });
  return h;
}

