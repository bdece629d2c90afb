/**
 * Authorization: the union of authorizers decides; anything but allow is a 403 Status with
 * upstream's message (`pods is forbidden: User "bob" cannot list resource "pods" in API group ""
 * in the namespace "default"`).
 */
import { ApiError } from '../apis/meta/errors.js';
import { parseFieldSelector } from '../apis/meta/fields.js';
import type { Attributes, Authorizer } from '../auth/authz/authorizer.js';
import type { UserInfo } from '../auth/user.js';
import type { RequestInfo } from './request-info.js';
import { addAuditAnnotation } from './audit-annotations.js';
import type { Filter } from './chain.js';

export function attributesFor(user: UserInfo, info: RequestInfo): Attributes {
  const attrs: Attributes = {
    user, verb: info.verb, resourceRequest: info.isResourceRequest, path: info.path,
    apiGroup: info.apiGroup, apiVersion: info.apiVersion, resource: info.resource,
    subresource: info.subresource, namespace: info.namespace, name: info.name,
  };
  if (info.isResourceRequest && (info.verb === 'list' || info.verb === 'watch')) {
    const fs = info.query.get('fieldSelector');
    if (fs) {
      try {
        attrs.fieldSelector = parseFieldSelector(fs).requirements;
      } catch {
        // An unparsable selector is refused by the handler with a 400; authorize without it.
      }
    }
  }
  return attrs;
}

/** upstream responsewriters.forbiddenMessage */
export function forbiddenMessage(a: Attributes): string {
  if (!a.resourceRequest) return `User ${JSON.stringify(a.user.name)} cannot ${a.verb} path ${JSON.stringify(a.path)}`;
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const where = a.namespace ? `in the namespace ${JSON.stringify(a.namespace)}` : 'at the cluster scope';
  return `User ${JSON.stringify(a.user.name)} cannot ${a.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(a.apiGroup)} ${where}`;
}

/** errors.NewForbidden with the attributes' resource: `<resource>[.<group>] ["<name>"] is forbidden: <msg>[: <reason>]`. */
export function forbiddenError(a: Attributes, reason: string): ApiError {
  const msg = forbiddenMessage(a) + (reason ? `: ${reason}` : '');
  if (!a.resourceRequest) return new ApiError(403, 'Forbidden', `forbidden: ${msg}`, {});
  const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const qualified = a.apiGroup ? `${resource}.${a.apiGroup}` : resource;
  const named = a.name ? `${qualified} ${JSON.stringify(a.name)}` : qualified;
  return new ApiError(403, 'Forbidden', `${named} is forbidden: ${msg}`, { name: a.name || undefined, group: a.apiGroup || undefined, kind: resource });
}

export function withAuthorization(authorizer: Authorizer): Filter {
  return (next) => async (r) => {
    const attrs = attributesFor(r.user, r.info);
    const result = await authorizer.authorize(attrs);
    addAuditAnnotation(r, 'authorization.k8s.io/decision', result.decision === 'allow' ? 'allow' : 'forbid');
    if (result.reason) addAuditAnnotation(r, 'authorization.k8s.io/reason', result.reason);
    if (result.decision !== 'allow') throw forbiddenError(attrs, result.reason);
    return next(r);
  };
}
