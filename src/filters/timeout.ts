/**
 * Bounds every short request by --request-timeout (or a smaller ?timeout=): when it passes, the
 * client gets upstream's 504 Timeout Status and the handler's later writes are dropped.
 */
import { parseDuration } from '../apis/meta/duration.js';
import { ApiError } from '../apis/meta/errors.js';
import { writeError } from '../endpoints/status.js';
import { type Filter, isLongRunning } from './chain.js';

export function withTimeout(requestTimeoutMs: number): Filter {
  return (next) => async (r) => {
    if (isLongRunning(r.info) || requestTimeoutMs <= 0) return next(r);
    let ms = requestTimeoutMs;
    const asked = r.info.query.get('timeout');
    if (asked) {
      let parsed: number;
      try {
        parsed = parseDuration(asked);
      } catch (e) {
        writeError(r.res, new ApiError(400, 'BadRequest', `invalid timeout specified in the request URL - ${(e as Error).message}`));
        return;
      }
      if (parsed > 0 && parsed < ms) ms = parsed;
    }
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), ms); });
    const work = next(r).then(() => 'done' as const);
    const winner = await Promise.race([work, timedOut]);
    clearTimeout(timer);
    if (winner === 'timeout') {
      writeError(r.res, new ApiError(504, 'Timeout', 'Timeout: request did not complete within requested timeout - context deadline exceeded', {}));
      work.catch(() => {}); // the handler may still fail later; nobody is listening any more
    }
  };
}
