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
import type { UserInfo } from '../auth/user.js';
import type { Filter } from './chain.js';

export const unauthorized = () => new ApiError(401, 'Unauthorized', 'Unauthorized');

/**
 * Verified client certificates, by SHA-256 fingerprint: verifying the chain costs over a
 * millisecond and a client sends the same certificate on every request. An entry is used only
 * while the certificate is within its validity window; the CA set never changes while running.
 */
const x509Cache = new Map<string, { user: UserInfo; notAfterMs: number }>();
const x509CacheMax = 1000;

export function withAuthentication(authenticator: Authenticator, anonymous: boolean, log: Logger): Filter {
  return (next) => async (r) => {
    const socket = r.req.socket as TLSSocket;
    // getPeerX509Certificate is cheap; the full chain (getPeerCertificate(true)) only when needed.
    const leaf = typeof socket.getPeerX509Certificate === 'function' ? socket.getPeerX509Certificate() : undefined;
    const cached = leaf ? x509Cache.get(leaf.fingerprint256) : undefined;
    if (cached && Date.now() < cached.notAfterMs) {
      r.user = cached.user;
      delete r.req.headers.authorization;
      return next(r);
    }
    const peerCertificate = leaf && typeof socket.getPeerCertificate === 'function' ? socket.getPeerCertificate(true) : undefined;
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
      // Cache only what the certificate itself proved (the x509 authenticator marks its users).
      const fromCert = user.extra?.['authentication.kubernetes.io/credential-id']?.[0]?.startsWith('X509SHA256=');
      if (leaf && fromCert) {
        if (x509Cache.size >= x509CacheMax) x509Cache.delete(x509Cache.keys().next().value!);
        x509Cache.set(leaf.fingerprint256, { user: r.user, notAfterMs: Date.parse(leaf.validTo) });
      }
    }
    // Credentials stop here: nothing below may see or forward them.
    delete r.req.headers.authorization;
    return next(r);
  };
}
