/**
 * Authentication on the secure port: the union of authenticators decides who is calling. A bad
 * credential is a 401 Status, never a fall back to anonymous; no credential at all is
 * system:anonymous when --anonymous-auth is on (upstream's WithAuthentication + anonymous).
 */
import { ApiError } from '../apis/meta/errors.js';
import type { TLSSocket } from 'node:tls';
import { anonymousUser, withAuthenticatedGroup } from '../auth/authn/anonymous.js';
import type { Authenticator } from '../auth/authn/authenticator.js';
import type { Logger } from '../endpoints/status.js';
import type { Filter } from './chain.js';

export const unauthorized = () => new ApiError(401, 'Unauthorized', 'Unauthorized');

export function withAuthentication(authenticator: Authenticator, anonymous: boolean, log: Logger): Filter {
  return (next) => async (r) => {
    const socket = r.req.socket as TLSSocket;
    const peerCertificate = typeof socket.getPeerCertificate === 'function' ? socket.getPeerCertificate(true) : undefined;
    let user;
    try {
      user = await authenticator.authenticate({
        headers: r.req.headers,
        peerCertificate: peerCertificate && Object.keys(peerCertificate).length > 0 ? peerCertificate : undefined,
        peerAuthorized: socket.authorized,
      });
    } catch (e) {
      // The reason is logged for the operator; the client only learns "Unauthorized", as upstream.
      log.info('unable to authenticate the request', { error: e instanceof AggregateError ? e.errors.map((x) => String((x as Error).message)).join('; ') : String((e as Error).message) });
      throw unauthorized();
    }
    if (!user) {
      if (!anonymous) throw unauthorized();
      r.user = anonymousUser;
    } else {
      r.user = withAuthenticatedGroup(user);
    }
    // Credentials stop here: nothing below may see or forward them.
    delete r.req.headers.authorization;
    return next(r);
  };
}
