/**
 * Issuing service account tokens, as upstream's serviceaccount.Claims / LegacyClaims signed by
 * JWTTokenGenerator: RS256 for RSA keys, ES256/384/512 by curve, and the key id upstream derives
 * from the public key. Payload keys are written in sorted order, as Go's JSON of a map is, so our
 * tokens read like upstream's. Verification lives in service-account.ts.
 */
import { createHash, createPublicKey, KeyObject, randomUUID, type webcrypto } from 'node:crypto';
import { CompactSign } from 'jose';

export type SigningKey = KeyObject | webcrypto.CryptoKey;

export const legacyIssuer = 'kubernetes/serviceaccount';
export const legacyClaim = {
  namespace: 'kubernetes.io/serviceaccount/namespace',
  secretName: 'kubernetes.io/serviceaccount/secret.name',
  name: 'kubernetes.io/serviceaccount/service-account.name',
  uid: 'kubernetes.io/serviceaccount/service-account.uid',
} as const;

export const serviceAccountUsername = (namespace: string, name: string) => `system:serviceaccount:${namespace}:${name}`;

const toKeyObject = (k: SigningKey) => (k instanceof KeyObject ? k : KeyObject.from(k));

/** Upstream's key id: base64url(sha256(DER SubjectPublicKeyInfo)), for signing and JWKS alike. */
export function keyIdOf(key: SigningKey): string {
  const k = toKeyObject(key);
  const pub = k.type === 'public' ? k : createPublicKey(k);
  return createHash('sha256').update(pub.export({ type: 'spki', format: 'der' })).digest('base64url');
}

/** JWTTokenGenerator's choice of algorithm, with its errors for keys it cannot use. */
function algorithmFor(key: KeyObject): string {
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ec') {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    if (curve === 'prime256v1' || curve === 'P-256') return 'ES256';
    if (curve === 'secp384r1' || curve === 'P-384') return 'ES384';
    if (curve === 'secp521r1' || curve === 'P-521') return 'ES512';
    throw new Error('unknown private key curve, must be 256, 384, or 521');
  }
  throw new Error(`unknown private key type ${key.asymmetricKeyType ?? key.type}, must be an RSA or ECDSA private key`);
}

async function sign(privateKey: SigningKey, keyId: string | undefined, payload: Record<string, unknown>): Promise<string> {
  const key = toKeyObject(privateKey);
  if (key.type !== 'private') throw new Error('a service account signing key must be a private key');
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({ alg: algorithmFor(key), kid: keyId ?? keyIdOf(key) })
    .sign(key);
}

export interface IssueOptions {
  /** --service-account-signing-key-file's key. */
  privateKey: SigningKey;
  /** Optional. Default: keyIdOf(privateKey), as upstream. */
  keyId?: string;
  /** The first --service-account-issuer. */
  issuer: string;
  audiences: string[];
  namespace: string;
  serviceAccount: { name: string; uid: string };
  /** Optional. The object whose deletion revokes the token; a Pod may name its node too. */
  boundObject?: { kind: 'Pod' | 'Secret' | 'Node'; name: string; uid: string; node?: { name: string; uid: string } };
  /** Optional. Default 3600; at least 600 and at most 2^32, as TokenRequest validation. */
  expirationSeconds?: number;
  /** Optional. The issue time; tests move it. */
  now?: Date;
}

/** A bound token for the TokenRequest API (serviceaccounts/<name>/token). */
export async function issueServiceAccountToken(o: IssueOptions): Promise<{ token: string; expirationTimestamp: string }> {
  const seconds = o.expirationSeconds ?? 3600;
  if (!Number.isInteger(seconds) || seconds < 600) throw new RangeError('may not specify a duration less than 10 minutes');
  if (seconds > 2 ** 32) throw new RangeError('may not specify a duration larger than 2^32 seconds');
  const now = o.now ?? new Date();
  const iat = Math.floor(now.getTime() / 1000);
  const expTime = new Date(now.getTime() + seconds * 1000);
  const kubernetes: Record<string, unknown> = { namespace: o.namespace };
  const b = o.boundObject;
  const bound = (x: { name: string; uid: string }) => ({ name: x.name, uid: x.uid });
  if (b?.kind === 'Node') kubernetes.node = bound(b);
  if (b?.kind === 'Pod' && b.node) kubernetes.node = bound(b.node); // ServiceAccountTokenPodNodeInfo
  if (b?.kind === 'Pod') kubernetes.pod = bound(b);
  if (b?.kind === 'Secret') kubernetes.secret = bound(b);
  kubernetes.serviceaccount = bound(o.serviceAccount);
  const payload: Record<string, unknown> = {};
  if (o.audiences.length > 0) payload.aud = [...o.audiences];
  Object.assign(payload, {
    exp: Math.floor(expTime.getTime() / 1000),
    iat,
    iss: o.issuer,
    jti: randomUUID(),
    'kubernetes.io': kubernetes,
    nbf: iat,
    sub: serviceAccountUsername(o.namespace, o.serviceAccount.name),
  });
  const token = await sign(o.privateKey, o.keyId, payload);
  return { token, expirationTimestamp: expTime.toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

export interface LegacyIssueOptions {
  privateKey: SigningKey;
  /** Optional. Default: keyIdOf(privateKey). */
  keyId?: string;
  namespace: string;
  serviceAccount: { name: string; uid: string };
  /** The kubernetes.io/service-account-token Secret that will hold the token. */
  secretName: string;
}

/** The never-expiring token of a kubernetes.io/service-account-token Secret (LegacyClaims). */
export function issueLegacySecretToken(o: LegacyIssueOptions): Promise<string> {
  return sign(o.privateKey, o.keyId, {
    iss: legacyIssuer,
    [legacyClaim.namespace]: o.namespace,
    [legacyClaim.secretName]: o.secretName,
    [legacyClaim.name]: o.serviceAccount.name,
    [legacyClaim.uid]: o.serviceAccount.uid,
    sub: serviceAccountUsername(o.namespace, o.serviceAccount.name),
  });
}
