/**
 * --max-requests-inflight / --max-mutating-requests-inflight: past the limit a request gets 429
 * with Retry-After instead of queueing. Long-running requests are not counted; an exempt user
 * (system:masters on the secure port, as upstream) never waits.
 */
import { tooManyRequests } from '../apis/meta/errors.js';
import type { UserInfo } from '../auth/user.js';
import { writeError } from '../endpoints/status.js';
import { type Filter, isLongRunning } from './chain.js';

const mutatingVerbs = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);

export function withMaxInFlight(readOnlyLimit: number, mutatingLimit: number, exempt: (u: UserInfo) => boolean): Filter {
  let readOnly = 0;
  let mutating = 0;
  return (next) => async (r) => {
    if (isLongRunning(r.info) || exempt(r.user)) return next(r);
    const isMutating = mutatingVerbs.has(r.info.verb) || (!r.info.isResourceRequest && r.req.method !== 'GET' && r.req.method !== 'HEAD');
    const limit = isMutating ? mutatingLimit : readOnlyLimit;
    if (limit <= 0) return next(r); // 0 means unlimited, as upstream
    if ((isMutating ? mutating : readOnly) >= limit) {
      writeError(r.res, tooManyRequests('Too many requests, please try again later.', 1));
      return;
    }
    if (isMutating) mutating++; else readOnly++;
    try {
      await next(r);
    } finally {
      if (isMutating) mutating--; else readOnly--;
    }
  };
}
