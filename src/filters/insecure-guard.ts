/**
 * Guards the unauthenticated insecure port against the two ways a browser on the same machine can
 * be turned against it: DNS rebinding (a foreign name resolving to 127.0.0.1: refused by checking
 * Host) and cross-site requests (refused by checking Origin). Both answer 403 with a Status.
 */
import { ApiError } from '../apis/meta/errors.js';
import type { Filter } from './chain.js';

function hostOnly(hostHeader: string): string {
  const h = hostHeader.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']'));
  const colon = h.lastIndexOf(':');
  return colon >= 0 && h.indexOf(':') === colon ? h.slice(0, colon) : h;
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '0:0:0:0:0:0:0:1';
}

/** `allowedHosts`: besides loopback names, the address the port was explicitly bound to. */
export function withInsecureGuard(allowedHosts: readonly string[]): Filter {
  const allowed = new Set(allowedHosts.map((h) => h.toLowerCase()));
  const ok = (host: string) => isLoopbackHost(host) || allowed.has(host);
  return (next) => async (r) => {
    const host = r.req.headers.host;
    if (host !== undefined && !ok(hostOnly(host))) {
      throw new ApiError(403, 'Forbidden', `forbidden: the insecure port only answers requests addressed to a loopback host, not ${JSON.stringify(host)}`, {});
    }
    const origin = r.req.headers.origin;
    if (origin !== undefined && origin !== 'null') {
      let originHost = '';
      try { originHost = new URL(origin).hostname.replace(/^\[|\]$/g, ''); } catch { /* malformed: refused below */ }
      if (!ok(originHost)) throw new ApiError(403, 'Forbidden', `forbidden: cross-origin requests from ${JSON.stringify(origin)} are not allowed on the insecure port`, {});
    } else if (origin === 'null') {
      throw new ApiError(403, 'Forbidden', 'forbidden: cross-origin requests from an opaque origin are not allowed on the insecure port', {});
    }
    return next(r);
  };
}
