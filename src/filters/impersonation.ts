/**
 * Impersonation (Impersonate-User, -Group, -Uid, -Extra-<key> headers): each impersonated value
 * must be allowed by the `impersonate` verb on users/groups/uids/userextras (serviceaccounts for
 * service account users), as upstream's WithImpersonation. The request then runs as that user.
 */
import { ApiError, badRequest } from '../apis/meta/errors.js';
import type { Attributes, Authorizer } from '../auth/authz/authorizer.js';
import type { UserInfo } from '../auth/user.js';
import { forbiddenError } from './authorization.js';
import type { Filter } from './chain.js';

const saPrefix = 'system:serviceaccount:';

function headerValues(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');
}

export function withImpersonation(authorizer: Authorizer): Filter {
  return (next) => async (r) => {
    const h = r.req.headers;
    const userName = headerValues(h['impersonate-user'])[0];
    const groups = headerValues(h['impersonate-group']);
    const uid = headerValues(h['impersonate-uid'])[0];
    const extra: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(h)) {
      if (!k.startsWith('impersonate-extra-')) continue;
      const key = decodeURIComponent(k.slice('impersonate-extra-'.length));
      extra[key] = headerValues(v);
    }
    const extraKeys = Object.keys(extra);
    if (userName === undefined) {
      if (groups.length > 0 || uid !== undefined || extraKeys.length > 0) {
        throw badRequest('requested impersonation without impersonating a user');
      }
      return next(r);
    }
    const check = async (a: Partial<Attributes>) => {
      const attrs: Attributes = { user: r.user, verb: 'impersonate', resourceRequest: true, path: '', apiGroup: '', apiVersion: '', resource: '', subresource: '', namespace: '', name: '', ...a };
      const d = await authorizer.authorize(attrs);
      if (d.decision !== 'allow') throw forbiddenError(attrs, d.reason);
    };
    if (userName.startsWith(saPrefix)) {
      const [ns, name] = userName.slice(saPrefix.length).split(':');
      if (!ns || !name) throw new ApiError(400, 'BadRequest', `invalid service account user name ${JSON.stringify(userName)}`);
      await check({ resource: 'serviceaccounts', namespace: ns, name });
    } else {
      await check({ resource: 'users', name: userName });
    }
    for (const g of groups) await check({ resource: 'groups', name: g });
    if (uid !== undefined) await check({ apiGroup: 'authentication.k8s.io', resource: 'uids', name: uid });
    for (const key of extraKeys) for (const v of extra[key]) await check({ apiGroup: 'authentication.k8s.io', resource: 'userextras', subresource: key, name: v });

    const impersonated: UserInfo = { name: userName, groups: [...groups], uid, extra: extraKeys.length > 0 ? extra : undefined };
    if (userName.startsWith(saPrefix)) {
      const ns = userName.slice(saPrefix.length).split(':')[0];
      for (const g of ['system:serviceaccounts', `system:serviceaccounts:${ns}`]) if (!impersonated.groups.includes(g)) impersonated.groups.push(g);
    }
    // upstream: every impersonated user except anonymous is also system:authenticated.
    if (userName !== 'system:anonymous' && !impersonated.groups.includes('system:authenticated')) impersonated.groups.push('system:authenticated');
    else if (userName === 'system:anonymous' && !impersonated.groups.includes('system:unauthenticated')) impersonated.groups.push('system:unauthenticated');
    for (const k of Object.keys(h)) if (k.startsWith('impersonate-')) delete h[k];
    r.user = impersonated;
    return next(r);
  };
}
