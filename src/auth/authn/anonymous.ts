/**
 * The anonymous identity and the system:authenticated group, as upstream's
 * request/anonymous and group.AuthenticatedGroupAdder.
 *
 * Order matters (authenticatorfactory / kube-apiserver's authenticator config): the union of real
 * authenticators runs first, its user gets system:authenticated, and only when it answers "no
 * credential" (null, never an error) does --anonymous-auth make the caller system:anonymous.
 */
import type { UserInfo } from '../user.js';

export const anonymousUserName = 'system:anonymous';
export const unauthenticatedGroup = 'system:unauthenticated';
export const authenticatedGroup = 'system:authenticated';

/** Who a request without credentials is when --anonymous-auth is on. Frozen: copy before changing. */
export const anonymousUser: UserInfo = Object.freeze({
  name: anonymousUserName,
  groups: Object.freeze([unauthenticatedGroup]) as string[],
});

/**
 * The user with system:authenticated appended, as AuthenticatedGroupAdder: not for
 * system:anonymous, and not when the groups already hold system:authenticated or
 * system:unauthenticated. Returns a new object; the argument is not changed.
 */
export function withAuthenticatedGroup(user: UserInfo): UserInfo {
  if (user.name === anonymousUserName) return user;
  for (const g of user.groups) {
    if (g === authenticatedGroup || g === unauthenticatedGroup) return user;
  }
  return { ...user, groups: [...user.groups, authenticatedGroup] };
}
