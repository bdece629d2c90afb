/**
 * Issues certificates and key pairs with @peculiar/x509 over Node's WebCrypto; pki.ts decides
 * which ones a cluster needs, this file only knows how to make one.
 *
 * New keys are ECDSA P-256: a key takes ~3 ms where RSA 2048 takes 0.5-0.7 s on a small VM
 * (start-up time), and Go (kubectl, client-go), OpenSSL (Node TLS) and jose (ES256) all accept it.
 * A CA key placed by the user (say kubeadm's RSA ca.key) is still usable for signing.
 */
import { createPrivateKey, webcrypto } from 'node:crypto';
import { x509 } from './x509-lib.js';

/** A certificate and its private key, both PEM (key: PKCS#8 "PRIVATE KEY"). */
export interface CertKeyPair { cert: string; key: string }

/** The part of a Pki that signs: a CA certificate and its key, PEM. */
export interface SigningCA { caCert: string; caKey: string }

export interface ValidityOptions {
  /** Optional. Lifetime from now (minus the back-dating); default 365. */
  days?: number;
  /** Optional. Overrides the start; tests use it with notAfter to make expired certificates. */
  notBefore?: Date;
  /** Optional. Overrides the end computed from days. */
  notAfter?: Date;
}

export interface CertificateOptions extends ValidityOptions {
  commonName: string;
  /** Optional. Subject O= values; Kubernetes reads them as the user's groups. */
  organizations?: string[];
  usage: 'serverAuth' | 'clientAuth';
  /** Optional. DNS subjectAltNames (serving certificates). */
  dnsNames?: string[];
  /** Optional. IP subjectAltNames, IPv4 or IPv6 without a zone. */
  ips?: string[];
}

const p256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const dayMs = 86_400_000;
// As kubeadm's CertificateBackdate: a peer whose clock is a little behind still accepts the cert.
const backdateMs = 5 * 60_000;

/** A fresh P-256 key pair as PEM (PKCS#8 private, SPKI public): what sa.key/sa.pub hold. */
export async function generateKeyPairPem(): Promise<{ privateKey: string; publicKey: string }> {
  const keys = await newKeys();
  return { privateKey: await privatePem(keys.privateKey), publicKey: await publicPem(keys.publicKey) };
}

/** A self-signed CA, valid 10 years unless told otherwise. pki.ts uses it for the cluster CA;
 * tests use it for a foreign CA (the result signs directly: signClientCertificate(foreign, ...)). */
export async function generateSelfSignedCA(opts: { commonName: string } & ValidityOptions): Promise<SigningCA> {
  const keys = await newKeys();
  const { notBefore, notAfter } = validity({ days: 3650, ...opts });
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: [{ CN: [opts.commonName] }], keys, notBefore, notAfter,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { caCert: cert.toString('pem'), caKey: await privatePem(keys.privateKey) };
}

/** A leaf certificate with a new P-256 key, signed by ca. */
export async function issueCertificate(ca: SigningCA, opts: CertificateOptions): Promise<CertKeyPair> {
  const caCert = new x509.X509Certificate(ca.caCert);
  const [keys, signer] = await Promise.all([newKeys(), importSigningKey(ca.caKey)]);
  const { notBefore, notAfter } = validity(opts);
  const ski = caCert.getExtension(x509.SubjectKeyIdentifierExtension);
  const names: x509.JsonGeneralNames = [
    ...(opts.dnsNames ?? []).map((value) => ({ type: 'dns' as const, value })),
    ...(opts.ips ?? []).map((value) => ({ type: 'ip' as const, value })),
  ];
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    // digitalSignature only: keyEncipherment is meaningless for EC keys (RFC 5480 section 3).
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage[opts.usage]]),
    ski ? new x509.AuthorityKeyIdentifierExtension(ski.keyId)
      : await x509.AuthorityKeyIdentifierExtension.create(caCert.publicKey),
  ];
  if (names.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(names));
  const cert = await x509.X509CertificateGenerator.create({
    // O before CN, as Go's pkix.Name writes them; the order does not change what authn reads.
    subject: [...(opts.organizations ?? []).map((o) => ({ O: [o] })), { CN: [opts.commonName] }],
    // The CA's subject re-encoded from its parsed form: Go matches issuer to subject by bytes.
    issuer: caCert.subjectName,
    publicKey: keys.publicKey, signingKey: signer.key, signingAlgorithm: signer.algorithm,
    notBefore, notAfter, extensions,
  });
  return { cert: cert.toString('pem'), key: await privatePem(keys.privateKey) };
}

/** A client certificate (clientAuth) for user commonName in groups organizations, e.g. a kubelet:
 * CN=system:node:<name>, O=system:nodes. 365 days unless told otherwise. */
export function signClientCertificate(
  ca: SigningCA, opts: { commonName: string; organizations?: string[] } & ValidityOptions,
): Promise<CertKeyPair> {
  return issueCertificate(ca, { ...opts, usage: 'clientAuth' });
}

function newKeys(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(p256, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

function validity(opts: ValidityOptions): { notBefore: Date; notAfter: Date } {
  const now = Date.now();
  const notBefore = opts.notBefore ?? new Date(now - backdateMs);
  return { notBefore, notAfter: opts.notAfter ?? new Date(now + (opts.days ?? 365) * dayMs) };
}

/** WebCrypto needs the algorithm up front; read it from the key so RSA and EC CAs both sign. */
async function importSigningKey(pem: string): Promise<{ key: CryptoKey; algorithm: Algorithm }> {
  const k = createPrivateKey(pem);
  const der = k.export({ type: 'pkcs8', format: 'der' });
  if (k.asymmetricKeyType === 'ec') {
    const curve = k.asymmetricKeyDetails?.namedCurve;
    const namedCurve = curve === 'prime256v1' ? 'P-256' : curve === 'secp384r1' ? 'P-384' : undefined;
    if (!namedCurve) throw new Error(`unsupported CA key curve ${curve}`);
    const hash = namedCurve === 'P-256' ? 'SHA-256' : 'SHA-384';
    const key = await webcrypto.subtle.importKey('pkcs8', der, { name: 'ECDSA', namedCurve }, false, ['sign']);
    return { key: key as CryptoKey, algorithm: { name: 'ECDSA', hash } as EcdsaParams };
  }
  if (k.asymmetricKeyType === 'rsa') {
    const alg = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
    return { key: (await webcrypto.subtle.importKey('pkcs8', der, alg, false, ['sign'])) as CryptoKey, algorithm: alg };
  }
  throw new Error(`unsupported CA key type ${k.asymmetricKeyType}`);
}

async function privatePem(key: CryptoKey): Promise<string> {
  return pem('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', key as webcrypto.CryptoKey));
}

async function publicPem(key: CryptoKey): Promise<string> {
  return pem('PUBLIC KEY', await webcrypto.subtle.exportKey('spki', key as webcrypto.CryptoKey));
}

function pem(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}
