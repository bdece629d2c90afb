/**
 * Service account tokens (JWTs), as upstream's pkg/serviceaccount: bound tokens from the
 * TokenRequest API (iss = --service-account-issuer, with aud/exp and a `kubernetes.io` claim naming
 * the service account and an optional bound pod, secret or node) and legacy tokens stored in
 * kubernetes.io/service-account-token Secrets (iss "kubernetes/serviceaccount", flat claims).
 *
 * A token is this authenticator's only when its (unverified) iss is one of ours; then the signature
 * is checked with the key whose id matches the header's kid, the audiences intersected with the
 * API's, times checked with Go's one-minute leeway, and the named objects looked up: a token
 * outlives neither its service account nor the object it is bound to (same name *and* uid).
 * Issuing lives in service-account-issue.ts (re-exported here).
 */
import { createPublicKey, KeyObject, timingSafeEqual } from 'node:crypto';
import { compactVerify, decodeProtectedHeader } from 'jose';
import type { UserInfo } from '../user.js';
import { AuthenticationError, type AuthRequest, type Authenticator } from './authenticator.js';
import { newBearerTokenAuthenticator, type TokenAuthenticator } from './bearer-token.js';
import { keyIdOf, legacyClaim, legacyIssuer, serviceAccountUsername, type SigningKey } from './service-account-issue.js';

export { issueLegacySecretToken, issueServiceAccountToken, keyIdOf, legacyIssuer, serviceAccountUsername } from './service-account-issue.js';
export type { IssueOptions, LegacyIssueOptions } from './service-account-issue.js';

/** What the authenticator needs to know of a looked-up object. deletionTimestamp is optional. */
export interface ObjectIdentity { uid: string; deletionTimestamp?: string }

/** Reads over storage; null when the object does not exist. */
export interface ServiceAccountLookup {
  getServiceAccount(namespace: string, name: string): Promise<ObjectIdentity | null>;
  /** token is optional: the Secret's data.token, decoded; when given, a legacy token must equal it. */
  getSecret(namespace: string, name: string): Promise<(ObjectIdentity & { token?: string }) | null>;
  getPod(namespace: string, name: string): Promise<(ObjectIdentity & { nodeName?: string }) | null>;
  /** Optional. Without it, node-bound tokens (no pod) are rejected as invalidated. */
  getNode?(name: string): Promise<ObjectIdentity | null>;
}

export interface ServiceAccountAuthenticatorOptions {
  /** --service-account-key-file keys (private keys are accepted; their public half is used). */
  publicKeys: SigningKey[];
  /** --service-account-issuer values accepted for bound tokens. */
  issuers: string[];
  /** --api-audiences: the implicit audiences; empty accepts any audience, as upstream. */
  audiences: string[];
  lookup: ServiceAccountLookup;
  /** Optional. The clock; tests move it. */
  now?: () => Date;
}

export const extraKeys = {
  podName: 'authentication.kubernetes.io/pod-name',
  podUid: 'authentication.kubernetes.io/pod-uid',
  nodeName: 'authentication.kubernetes.io/node-name',
  nodeUid: 'authentication.kubernetes.io/node-uid',
  credentialId: 'authentication.kubernetes.io/credential-id',
} as const;
const leewayMs = 60_000; // jwt.DefaultLeeway
const algorithms = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const cryptoFailure = 'go-jose/go-jose: error in cryptographic primitive';
const invalidated = 'service account token has been invalidated';

export const serviceAccountGroups = (namespace: string) => ['system:serviceaccounts', `system:serviceaccounts:${namespace}`];

type Claims = Record<string, unknown>;
interface Ref { name?: string; uid?: string }
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const ref = (v: unknown): Ref | undefined => (v && typeof v === 'object' ? (v as Ref) : undefined);
const goQuote = (xs: readonly string[]) => `[${xs.map((x) => JSON.stringify(x)).join(' ')}]`;
const deletedBefore = (o: ObjectIdentity, t: number) => o.deletionTimestamp !== undefined && Date.parse(o.deletionTimestamp) < t;
const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const fail = (msg: string): never => { throw new AuthenticationError(msg); };

/** The unverified payload's iss, or null for anything that is not a compact JWS (hasCorrectIssuer). */
function unverifiedIssuer(token: string): string | null {
  if (token.trim().startsWith('{')) return null;
  const parts = token.split('.');
  if (parts.length !== 3 || !/^[A-Za-z0-9_-]*$/.test(parts[1])) return null;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    const iss = claims && typeof claims === 'object' ? (claims as Claims).iss : undefined;
    return iss === undefined ? '' : typeof iss === 'string' ? iss : null;
  } catch {
    return null;
  }
}

/** utilerrors.NewAggregate(...).Error(): one message as is, several deduplicated in brackets. */
function aggregate(msgs: string[]): string {
  const uniq = [...new Set(msgs)];
  return uniq.length === 1 ? uniq[0] : `[${uniq.join(', ')}]`;
}

export class ServiceAccountAuthenticator implements TokenAuthenticator, Authenticator {
  private readonly keys: Array<{ kid: string; key: KeyObject }>;
  private readonly issuers: Set<string>;
  private readonly implicit: readonly string[];
  private readonly request: Authenticator;

  constructor(private readonly opts: ServiceAccountAuthenticatorOptions) {
    this.keys = opts.publicKeys.map((k) => {
      const key = k instanceof KeyObject ? k : KeyObject.from(k);
      const pub = key.type === 'public' ? key : createPublicKey(key);
      return { kid: keyIdOf(pub), key: pub };
    });
    this.issuers = new Set(opts.issuers);
    this.implicit = opts.audiences;
    this.request = newBearerTokenAuthenticator([this]);
  }

  authenticate(req: AuthRequest): Promise<UserInfo | null> {
    return this.request.authenticate(req);
  }

  async authenticateToken(token: string, audiences?: readonly string[]): Promise<UserInfo | null> {
    const iss = unverifiedIssuer(token);
    if (iss === null || (iss !== legacyIssuer && !this.issuers.has(iss))) return null;
    let kid = '';
    try {
      kid = str(decodeProtectedHeader(token).kid);
    } catch {
      return null; // jwt.ParseSigned failed: not a JWT after all
    }
    const keys = kid ? this.keys.filter((k) => k.kid === kid) : this.keys;
    if (keys.length === 0) fail('invalid signature, no keys found');
    let claims: Claims | undefined;
    const errors: string[] = [];
    for (const { key } of keys) {
      try {
        const { payload } = await compactVerify(token, key, { algorithms });
        claims = JSON.parse(new TextDecoder().decode(payload)) as Claims;
        break;
      } catch (e) {
        const code = (e as { code?: string }).code;
        errors.push(code === 'ERR_JOSE_ALG_NOT_ALLOWED' || code === 'ERR_JOSE_NOT_SUPPORTED' ? 'go-jose/go-jose: unknown/unsupported algorithm' : cryptoFailure);
      }
    }
    if (!claims) return fail(aggregate(errors));

    const aud = claims.aud;
    let tokenAuds: readonly string[] = typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.map(str) : [];
    if (tokenAuds.length === 0) tokenAuds = this.implicit; // legacy tokens: API audiences only
    const requested = audiences ?? this.implicit;
    if (this.implicit.length > 0 && !tokenAuds.some((a) => requested.includes(a))) {
      fail(`token audiences ${goQuote(tokenAuds)} is invalid for the target audiences ${goQuote(requested)}`);
    }
    const bound = iss !== legacyIssuer || (this.issuers.has(iss) && ref(claims['kubernetes.io']) !== undefined);
    return bound ? this.validateBound(claims) : this.validateLegacy(token, claims);
  }

  /** claims.go validator.Validate. */
  private async validateBound(c: Claims): Promise<UserInfo> {
    const now = (this.opts.now ?? (() => new Date()))().getTime();
    const at = (k: string) => (typeof c[k] === 'number' ? (c[k] as number) * 1000 : undefined);
    const [nbf, exp, iat] = [at('nbf'), at('exp'), at('iat')];
    if (nbf !== undefined && now + leewayMs < nbf) fail('service account token is not valid yet');
    if (exp !== undefined && now - leewayMs > exp) fail('service account token has expired');
    if (iat !== undefined && now + leewayMs < iat) fail('service account token is issued in the future');

    const k = ref(c['kubernetes.io']) as { namespace?: string; serviceaccount?: Ref; pod?: Ref; secret?: Ref; node?: Ref } | undefined;
    const namespace = str(k?.namespace);
    const sa = ref(k?.serviceaccount) ?? {};
    const [saName, saUid] = [str(sa.name), str(sa.uid)];
    const cutoff = now - leewayMs; // deleted before now-leeway: invalid
    const { lookup } = this.opts;
    const found = await lookup.getServiceAccount(namespace, saName);
    if (!found) fail(`serviceaccounts "${saName}" not found`);
    if (found!.uid !== saUid) fail(`service account UID (${found!.uid}) does not match claim (${saUid})`);
    if (deletedBefore(found!, cutoff)) fail(`service account ${namespace}/${saName} has been deleted`);

    const user: UserInfo = { name: serviceAccountUsername(namespace, saName), uid: saUid, groups: serviceAccountGroups(namespace) };
    const extra: Record<string, string[]> = {};
    const secret = ref(k?.secret);
    if (secret) {
      const s = await lookup.getSecret(namespace, str(secret.name));
      if (!s) fail(invalidated);
      if (s!.uid !== str(secret.uid)) fail(`secret UID (${s!.uid}) does not match service account secret ref claim (${str(secret.uid)})`);
      if (deletedBefore(s!, cutoff)) fail(invalidated);
    }
    const pod = ref(k?.pod);
    if (pod) {
      const p = await lookup.getPod(namespace, str(pod.name));
      if (!p) fail(invalidated);
      if (p!.uid !== str(pod.uid)) fail(`pod UID (${p!.uid}) does not match service account pod ref claim (${str(pod.uid)})`);
      if (deletedBefore(p!, cutoff)) fail(invalidated);
      if (pod.name && pod.uid) Object.assign(extra, { [extraKeys.podName]: [pod.name], [extraKeys.podUid]: [pod.uid] });
    }
    const node = ref(k?.node);
    if (node && !pod) {
      const n = lookup.getNode ? await lookup.getNode(str(node.name)) : null;
      if (!n) fail(invalidated);
      if (n!.uid !== str(node.uid)) fail(`node UID (${n!.uid}) does not match service account node ref claim (${str(node.uid)})`);
      if (deletedBefore(n!, cutoff)) fail(invalidated);
    }
    const jti = str(c.jti);
    if (jti) extra[extraKeys.credentialId] = [`JTI=${jti}`];
    if (node?.name) {
      extra[extraKeys.nodeName] = [node.name];
      if (node.uid) extra[extraKeys.nodeUid] = [node.uid];
    }
    if (Object.keys(extra).length > 0) user.extra = extra;
    return user;
  }

  /** legacy.go legacyValidator.Validate, with --service-account-lookup on (the default). */
  private async validateLegacy(token: string, c: Claims): Promise<UserInfo> {
    const sub = str(c.sub);
    const [namespace, secretName, saName, saUid] = [legacyClaim.namespace, legacyClaim.secretName, legacyClaim.name, legacyClaim.uid].map((key) => str(c[key]));
    if (!sub) fail('sub claim is missing');
    if (!namespace) fail('namespace claim is missing');
    if (!secretName) fail('secretName claim is missing');
    if (!saName) fail('serviceAccountName claim is missing');
    if (!saUid) fail('serviceAccountUID claim is missing');
    const parts = sub.startsWith('system:serviceaccount:') ? sub.slice('system:serviceaccount:'.length).split(':') : [];
    const validName = (n: string) => n.length <= 253 && n.split('.').every((l) => dnsLabel.test(l));
    if (parts.length !== 2 || parts[0] !== namespace || parts[1] !== saName || parts[0].length > 63 || !dnsLabel.test(parts[0]) || !validName(parts[1])) {
      fail('sub claim is invalid');
    }
    const { lookup } = this.opts;
    const secret = await lookup.getSecret(namespace, secretName);
    if (!secret || secret.deletionTimestamp !== undefined) fail('Token has been invalidated');
    if (secret!.token !== undefined) {
      const [a, b] = [Buffer.from(secret!.token, 'utf8'), Buffer.from(token, 'utf8')];
      if (a.length !== b.length || !timingSafeEqual(a, b)) fail("Token does not match server's copy");
    }
    const sa = await lookup.getServiceAccount(namespace, saName);
    if (!sa) fail(`serviceaccounts "${saName}" not found`);
    if (sa!.deletionTimestamp !== undefined) fail(`ServiceAccount ${namespace}/${saName} has been deleted`);
    if (sa!.uid !== saUid) fail(`ServiceAccount UID (${sa!.uid}) does not match claim (${saUid})`);
    return { name: serviceAccountUsername(namespace, saName), uid: saUid, groups: serviceAccountGroups(namespace) };
  }
}

export function newServiceAccountAuthenticator(opts: ServiceAccountAuthenticatorOptions): ServiceAccountAuthenticator {
  return new ServiceAccountAuthenticator(opts);
}
