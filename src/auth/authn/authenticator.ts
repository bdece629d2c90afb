/**
 * Authenticators: each recognizes one kind of credential. The contract (upstream's
 * authenticator.Request): return null for "not my kind of credential", a user for a valid one,
 * and throw for a credential of its kind that is bad (expired, unknown CA, bad signature). The
 * union tries each in upstream's order; a thrown error means 401, never anonymous.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { PeerCertificate } from 'node:tls';
import type { UserInfo } from '../user.js';

/** What an authenticator may look at: headers and the TLS client certificate chain, nothing else. */
export interface AuthRequest {
  headers: IncomingHttpHeaders;
  /** The verified-or-not peer certificate (with issuerCertificate chain), when the client sent one over TLS. */
  peerCertificate?: PeerCertificate;
  /** Optional. Whether Node's TLS layer verified the chain against the client CA (socket.authorized). */
  peerAuthorized?: boolean;
  /** Optional. Audiences a TokenReview asked for; requests to the API use the API's own. */
  audiences?: readonly string[];
}

export interface Authenticator {
  authenticate(req: AuthRequest): Promise<UserInfo | null>;
}

/** A bad credential of the authenticator's own kind; the message is logged, never the secret. */
export class AuthenticationError extends Error {}

/** Like upstream's union: first user wins; errors are collected, and fail the request if no one succeeds. */
export function unionAuthenticator(all: Authenticator[]): Authenticator {
  if (all.length === 1) return all[0];
  return {
    async authenticate(req) {
      const errors: unknown[] = [];
      for (const a of all) {
        try {
          const user = await a.authenticate(req);
          if (user) return user;
        } catch (e) {
          errors.push(e);
        }
      }
      if (errors.length > 0) throw new AggregateError(errors, 'authentication failed');
      return null;
    },
  };
}
