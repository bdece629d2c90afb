/**
 * Bearer tokens: `Authorization: Bearer <token>` handed to token authenticators (static token
 * file, service account JWTs), as upstream's request/bearertoken wraps its token union.
 *
 * Two levels, as upstream: a TokenAuthenticator answers null for a token that is not its own; the
 * request-level wrapper turns "a bearer token was presented and nobody accepted it" into an
 * error, so that an unknown token is a 401 and never falls through to anonymous.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { UserInfo } from '../user.js';
import { AuthenticationError, type Authenticator } from './authenticator.js';

/** One kind of token (upstream's authenticator.Token). */
export interface TokenAuthenticator {
  /**
   * Called with the raw token (never logged). Returns null when the token is not of this kind or
   * unknown, a user when valid, and throws AuthenticationError when it is of this kind but bad.
   * audiences is optional: the audiences the caller asked for (TokenReview); default the API's.
   */
  authenticateToken(token: string, audiences?: readonly string[]): Promise<UserInfo | null>;
}

/**
 * The token in an Authorization header, or null: as bearertoken.AuthenticateRequest, the header is
 * trimmed, split on single spaces, the scheme compared case-insensitively, and an empty token is
 * no token at all ("Bearer  x", with two spaces, has an empty second part and is no token).
 */
export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const raw = headers.authorization;
  if (typeof raw !== 'string') return null;
  const auth = raw.trim();
  if (auth === '') return null;
  const parts = auth.split(' ', 3);
  if (parts.length < 2 || parts[0].toLowerCase() !== 'bearer') return null;
  return parts[1] === '' ? null : parts[1];
}

/** Upstream's default error when no token authenticator recognized the token. */
export const invalidBearerToken = 'invalid bearer token';

/**
 * A request authenticator over token authenticators: the first user wins; errors are collected;
 * a presented token nobody recognizes is an AuthenticationError("invalid bearer token").
 */
export function newBearerTokenAuthenticator(tokens: readonly TokenAuthenticator[]): Authenticator {
  return {
    async authenticate(req) {
      const token = bearerToken(req.headers);
      if (token === null) return null;
      const errors: unknown[] = [];
      for (const t of tokens) {
        try {
          const user = await t.authenticateToken(token, req.audiences);
          if (user) return user;
        } catch (e) {
          errors.push(e);
        }
      }
      if (errors.length === 1) throw errors[0];
      if (errors.length > 1) throw new AggregateError(errors, errors.map((e) => (e as Error).message).join(', '));
      throw new AuthenticationError(invalidBearerToken);
    },
  };
}

/**
 * Tokens that carry no audience (static token file) are good only for the API's own audiences:
 * a TokenReview asking for others does not authenticate them (upstream WrapAudienceAgnosticToken).
 */
export function audienceAgnostic(t: TokenAuthenticator, apiAudiences: readonly string[]): TokenAuthenticator {
  return {
    async authenticateToken(token, audiences) {
      if (audiences && audiences.length > 0 && apiAudiences.length > 0 && !audiences.some((a) => apiAudiences.includes(a))) return null;
      return t.authenticateToken(token);
    },
  };
}
