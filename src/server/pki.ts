/**
 * The secure port's certificates: on first start, generates under certDir a cluster CA, a serving
 * certificate, an admin client certificate and the service account key pair; on later starts,
 * loads and checks them. Existing files are never overwritten.
 *
 *   ca.crt/ca.key             CN=kubernetes, CA, 10 years (kubeadm's name and lifetime)
 *   apiserver.crt/.key        CN=kube-apiserver, serverAuth, 1 year, SANs below
 *   admin.crt/.key            CN=kubernetes-admin, O=system:masters, clientAuth, 1 year
 *   sa.key/sa.pub             P-256, PKCS#8 / SPKI: signs and verifies service account JWTs (ES256)
 *
 * A missing pair is issued from the existing CA (as kubeadm does: delete apiserver.* to reissue it
 * with new SANs). Half a pair, leaves without their CA, a leaf the CA did not sign, a key that does
 * not match its certificate or an expired certificate throw a PkiError naming the file: guessing
 * would hand clients a certificate chain they do not trust.
 */
import { X509Certificate, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { type CertKeyPair, generateKeyPairPem, generateSelfSignedCA, issueCertificate } from './pki-certs.js';

export { generateSelfSignedCA, signClientCertificate } from './pki-certs.js';
export type { CertKeyPair, SigningCA, ValidityOptions } from './pki-certs.js';

export interface PkiOptions {
  /** Created with mode 0700 when missing; kube-apiserver's --cert-dir, default <data-dir>/pki. */
  certDir: string;
  /** Extra DNS names for the serving certificate (localhost and os.hostname() are always in). */
  hostnames: string[];
  /** Extra IPs for the serving certificate, usually localAddresses(); 127.0.0.1 and ::1 are always in. */
  ips: string[];
  /** The first IP of --service-cluster-ip-range: pods reach the API there. */
  serviceIP: string;
  /** Optional. The CA's common name; default "kubernetes", as kubeadm. */
  clusterName?: string;
  /** Optional. Cluster DNS domain for kubernetes.default.svc.<domain>; default "cluster.local". */
  dnsDomain?: string;
}

const fileNames = {
  caCert: 'ca.crt', caKey: 'ca.key',
  servingCert: 'apiserver.crt', servingKey: 'apiserver.key',
  adminCert: 'admin.crt', adminKey: 'admin.key',
  saPrivateKey: 'sa.key', saPublicKey: 'sa.pub',
} as const;
type FileId = keyof typeof fileNames;
/** Keys before certificates and the CA before the rest: the order files are written in. */
const fileIds: FileId[] = ['caKey', 'caCert', 'servingKey', 'servingCert', 'adminKey', 'adminCert', 'saPrivateKey', 'saPublicKey'];
const pairs = [['caCert', 'caKey'], ['servingCert', 'servingKey'], ['adminCert', 'adminKey'], ['saPublicKey', 'saPrivateKey']] as const;
const privateFiles = new Set<FileId>(['caKey', 'servingKey', 'adminKey', 'saPrivateKey']);

export type PkiPaths = Record<FileId, string> & { dir: string };

/** PEM contents of every file, their paths, and what this call had to do. */
export type Pki = Record<FileId, string> & {
  paths: PkiPaths;
  /** JWS algorithm for sa.key: "ES256" for generated keys; "RS256" if the user placed an RSA key. */
  saAlgorithm: 'ES256' | 'ES384' | 'RS256';
  /** File names written by this call, in write order; empty on a restart. */
  generated: string[];
  /** Names and IPs the serving certificate should cover but does not (an old apiserver.crt after
   * a host rename or a new interface); worth a warning, never an error. Empty when fresh. */
  servingCertMissingNames: string[];
};

/** Thrown when the files on disk are unusable; path names the file to look at. */
export class PkiError extends Error {
  constructor(readonly path: string, message: string) {
    super(message);
    this.name = 'PkiError';
  }
}

export async function ensurePki(opts: PkiOptions): Promise<Pki> {
  const dir = opts.certDir;
  // mkdir's mode is filtered by umask; chmod only a directory we created, never the user's own.
  if ((await mkdir(dir, { recursive: true, mode: 0o700 })) !== undefined) await chmod(dir, 0o700);
  const paths = { dir, ...mapFiles((id) => join(dir, fileNames[id])) } as PkiPaths;
  const pem: Partial<Record<FileId, string>> = Object.fromEntries(await Promise.all(
    fileIds.map(async (id) => [id, await readOptional(paths[id])] as const)));
  for (const [cert, key] of pairs) {
    if ((pem[cert] === undefined) !== (pem[key] === undefined)) {
      const [have, lack] = pem[cert] === undefined ? [key, cert] : [cert, key];
      throw new PkiError(paths[lack], `${paths[have]} exists but ${paths[lack]} does not: restore ` +
        `${fileNames[lack]}, or delete ${fileNames[have]} to have a new pair generated`);
    }
  }
  const { dnsNames, ips } = servingNames(opts);
  const now = Date.now();
  const fresh = new Set<FileId>();
  const keep = (cert: FileId, key: FileId) => (pair: CertKeyPair) => {
    pem[cert] = pair.cert; pem[key] = pair.key; fresh.add(cert).add(key);
  };

  let ca: X509Certificate;
  if (pem.caCert === undefined) {
    const orphan = pem.servingCert !== undefined ? 'servingCert' : pem.adminCert !== undefined ? 'adminCert' : undefined;
    if (orphan) {
      throw new PkiError(paths.caCert, `${paths.caCert} is missing but ${paths[orphan]} exists: the CA that ` +
        'signed it is gone; restore ca.crt and ca.key, or delete ca.*, apiserver.* and admin.* to start a new CA');
    }
    const created = await generateSelfSignedCA({ commonName: opts.clusterName ?? 'kubernetes', days: 3650 });
    keep('caCert', 'caKey')({ cert: created.caCert, key: created.caKey });
    ca = new X509Certificate(pem.caCert!);
  } else {
    ca = loadPair(paths, 'caCert', 'caKey', pem, now).cert;
    if (!ca.ca) throw new PkiError(paths.caCert, `${paths.caCert} is not a CA certificate (basicConstraints CA:FALSE)`);
  }
  const signer = { caCert: pem.caCert!, caKey: pem.caKey! };

  // Missing pieces are generated concurrently: WebCrypto runs key generation on the thread pool.
  const issuing: Array<Promise<void>> = [];
  let servingCertMissingNames: string[] = [];
  if (pem.servingCert === undefined) {
    issuing.push(issueCertificate(signer, { commonName: 'kube-apiserver', usage: 'serverAuth', dnsNames, ips, days: 365 })
      .then(keep('servingCert', 'servingKey')));
  } else {
    const serving = loadLeaf(paths, 'servingCert', 'servingKey', pem, ca, now);
    servingCertMissingNames = [...dnsNames.filter((n) => serving.checkHost(n) === undefined),
      ...ips.filter((ip) => serving.checkIP(ip) === undefined)];
  }
  if (pem.adminCert === undefined) {
    issuing.push(issueCertificate(signer, {
      commonName: 'kubernetes-admin', organizations: ['system:masters'], usage: 'clientAuth', days: 365,
    }).then(keep('adminCert', 'adminKey')));
  } else {
    loadLeaf(paths, 'adminCert', 'adminKey', pem, ca, now);
  }
  if (pem.saPrivateKey === undefined) {
    issuing.push(generateKeyPairPem().then((p) => keep('saPublicKey', 'saPrivateKey')({ cert: p.publicKey, key: p.privateKey })));
  } else {
    checkSaPair(paths, pem);
  }
  await Promise.all(issuing);

  // fileIds order puts the CA first: a crash part-way leaves a CA whose leaves the next start issues.
  const generated = fileIds.filter((id) => fresh.has(id));
  for (const id of generated) await writeFileAtomic(paths[id], pem[id]!, privateFiles.has(id) ? 0o600 : 0o644);

  return {
    ...(pem as Record<FileId, string>), paths, generated: generated.map((id) => fileNames[id]),
    saAlgorithm: jwsAlgorithm(createPrivateKey(pem.saPrivateKey!), paths.saPrivateKey), servingCertMissingNames,
  };
}

/** The machine's interface addresses for the serving certificate, without IPv6 link-local ones
 * (fe80::/10 is unusable without a zone, and a zone cannot be put in a certificate). */
export function localAddresses(): string[] {
  const out = new Set<string>();
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (!/^fe[89ab]/i.test(a.address) && !a.address.includes('%')) out.add(a.address);
  }
  return [...out];
}

/** Every name a client may dial: loopback, this host, in-cluster service names and IPs. */
function servingNames(opts: PkiOptions): { dnsNames: string[]; ips: string[] } {
  const domain = opts.dnsDomain ?? 'cluster.local';
  const dnsNames = ['localhost', hostname().toLowerCase(), ...opts.hostnames.map((h) => h.toLowerCase()),
    'kubernetes', 'kubernetes.default', 'kubernetes.default.svc', `kubernetes.default.svc.${domain}`];
  const ips = ['127.0.0.1', '::1', opts.serviceIP, ...opts.ips];
  for (const ip of ips) if (isIP(ip) === 0 || ip.includes('%')) throw new Error(`not an IP address for the serving certificate: "${ip}"`);
  return { dnsNames: [...new Set(dnsNames.filter((n) => n !== ''))], ips: [...new Set(ips)] };
}

type Pems = Partial<Record<FileId, string>>;

function loadPair(paths: PkiPaths, certId: FileId, keyId: FileId, pem: Pems, now: number) {
  const cert = attempt(paths[certId], 'is not a PEM certificate', () => new X509Certificate(pem[certId]!));
  const key = attempt(paths[keyId], 'is not a PEM private key', () => createPrivateKey(pem[keyId]!));
  if (!cert.checkPrivateKey(key)) throw new PkiError(paths[keyId], `${paths[keyId]} does not match the certificate ${paths[certId]}`);
  if (Date.parse(cert.validTo) <= now) {
    const remedy = certId === 'caCert' ? 'delete ca.*, apiserver.* and admin.* to start a new CA'
      : `delete ${fileNames[certId]} and ${fileNames[keyId]} to have a new one issued`;
    throw new PkiError(paths[certId], `${paths[certId]} expired on ${cert.validTo}; ${remedy}`);
  }
  return { cert, key };
}

function loadLeaf(paths: PkiPaths, certId: FileId, keyId: FileId, pem: Pems, ca: X509Certificate,
  now: number): X509Certificate {
  const { cert } = loadPair(paths, certId, keyId, pem, now);
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) {
    throw new PkiError(paths[certId], `${paths[certId]} is not signed by the cluster CA ${paths.caCert}; restore the ` +
      `matching ca.crt and ca.key, or delete ${fileNames[certId]} and ${fileNames[keyId]} to have a new one issued`);
  }
  return cert;
}

function checkSaPair(paths: PkiPaths, pem: Pems): void {
  const key = attempt(paths.saPrivateKey, 'is not a PEM private key', () => createPrivateKey(pem.saPrivateKey!));
  const pub = attempt(paths.saPublicKey, 'is not a PEM public key', () => createPublicKey(pem.saPublicKey!));
  const der = (k: KeyObject) => (k.type === 'private' ? createPublicKey(k) : k).export({ type: 'spki', format: 'der' });
  if (!der(key).equals(der(pub))) throw new PkiError(paths.saPublicKey, `${paths.saPublicKey} is not the public half of ${paths.saPrivateKey}`);
}

function jwsAlgorithm(key: KeyObject, path: string): Pki['saAlgorithm'] {
  const curve = key.asymmetricKeyDetails?.namedCurve;
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (curve === 'prime256v1') return 'ES256';
  if (curve === 'secp384r1') return 'ES384';
  throw new PkiError(path, `${path}: unsupported service account key (${key.asymmetricKeyType} ${curve ?? ''})`);
}

function attempt<T>(path: string, what: string, f: () => T): T {
  try { return f(); } catch (e) { throw new PkiError(path, `${path} ${what}: ${(e as Error).message}`); }
}

async function readOptional(path: string): Promise<string | undefined> {
  try { return await readFile(path, 'utf8'); } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function mapFiles(f: (id: FileId) => string): Record<FileId, string> {
  return Object.fromEntries(fileIds.map((id) => [id, f(id)])) as Record<FileId, string>;
}
