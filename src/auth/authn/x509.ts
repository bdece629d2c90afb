/**
 * x509 client certificates, as upstream's request/x509 with CommonNameUserConversion: the leaf
 * must chain to one of the --client-ca-file certificates through the intermediates the client
 * sent, every certificate must be inside its validity window, and the chain must allow client
 * authentication (a certificate without an extended key usage extension allows any usage, as
 * Go's x509.Verify). User = subject CN, groups = subject O values, extra credential-id =
 * X509SHA256=<hex sha256 of the DER> (upstream since 1.32).
 *
 * Errors copy Go's texts inside upstream's wrapper:
 * `verifying certificate SN=<decimal>, SKID=<AA:BB..>, AKID=<..> failed: x509: certificate signed by unknown authority`.
 * Path building follows Go's buildChains: candidate issuers by name/key id, then signature, then
 * the candidate's own validity; the first failing candidate is the "possibly because of" hint.
 */
import { createHash, X509Certificate } from 'node:crypto';
import type { DetailedPeerCertificate, PeerCertificate } from 'node:tls';
import type { UserInfo } from '../user.js';
import { AuthenticationError, type AuthRequest, type Authenticator } from './authenticator.js';

export interface X509Options {
  /** PEM texts of the client CA bundle(s); each may hold several certificates. */
  caPems: string[];
  /** Optional. The clock; tests move it. Default: the current time. */
  now?: () => Date;
}

export const credentialIdKey = 'authentication.kubernetes.io/credential-id';
const clientAuthEku = '1.3.6.1.5.5.7.3.2';
const anyEku = '2.5.29.37.0';
const maxChainLength = 10;
const maxSignatureChecks = 100; // Go's maxChainSignatureChecks: a bound on hostile intermediates

interface Cert { x: X509Certificate; der: Buffer; f: CertFields }

function parse(der: Buffer): Cert {
  return { x: new X509Certificate(der), der, f: certFields(der) };
}

/** Every certificate in the PEM texts, in order; throws as cert.ParseCertsPEM when there is none. */
function parsePems(pems: string[]): Cert[] {
  const out: Cert[] = [];
  for (const pem of pems) {
    for (const m of pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)) {
      out.push(parse(Buffer.from(m[1].replace(/\s+/g, ''), 'base64')));
    }
  }
  if (out.length === 0) throw new Error('data does not contain any valid RSA or ECDSA certificates');
  return out;
}

/** The DER chain node:tls gives (leaf first), following issuerCertificate until it loops. */
function peerChain(pc: PeerCertificate | undefined): Buffer[] {
  const out: Buffer[] = [];
  let cur = pc as DetailedPeerCertificate | undefined;
  while (cur?.raw && cur.raw.length > 0 && out.length < maxChainLength) {
    const raw = cur.raw;
    if (out.some((b) => b.equals(raw))) break;
    out.push(raw);
    cur = cur.issuerCertificate;
  }
  return out;
}

const goTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Go's CertificateInvalidError{Expired} text, or null when now is inside the window. */
function timeError(c: Cert, now: Date): string | null {
  const prefix = 'x509: certificate has expired or is not yet valid: ';
  if (now < c.f.notBefore) return `${prefix}current time ${goTime(now)} is before ${goTime(c.f.notBefore)}`;
  if (now > c.f.notAfter) return `${prefix}current time ${goTime(now)} is after ${goTime(c.f.notAfter)}`;
  return null;
}

/** What Go's CheckSignatureFrom says when the signature does not verify with this key type. */
function signatureError(issuer: Cert): string {
  switch (issuer.x.publicKey.asymmetricKeyType) {
    case 'ec': return 'x509: ECDSA verification failure';
    case 'ed25519': return 'x509: Ed25519 verification failure';
    default: return 'crypto/rsa: verification error';
  }
}

/** Go's EKU rule: each certificate with an EKU list must name clientAuth or any. */
function allowsClientAuth(chain: Cert[]): boolean {
  return chain.every(({ x }) => {
    const ekus = x.keyUsage; // node: the extended key usage OIDs, undefined when absent
    return !ekus || ekus.length === 0 || ekus.includes(clientAuthEku) || ekus.includes(anyEku);
  });
}

/**
 * Go's CertPool.findPotentialParents: every certificate whose subject is the child's issuer (by
 * DER bytes), those whose key id matches the child's AKID first and mismatching ones last.
 */
function parents(child: Cert, pool: Cert[]): Cert[] {
  const rank = (p: Cert) => (!child.f.akid || !p.f.skid ? 1 : child.f.akid.equals(p.f.skid) ? 0 : 2);
  return pool.filter((p) => p.f.rawSubject.equals(child.f.rawIssuer)).sort((a, b) => rank(a) - rank(b));
}

const colonHex = (b: Buffer | undefined) => (b ? b.toString('hex').toUpperCase().replace(/(..)(?!$)/g, '$1:') : '');

export class X509Authenticator implements Authenticator {
  private readonly roots: Cert[];
  private readonly now: () => Date;

  constructor(opts: X509Options) {
    this.roots = parsePems(opts.caPems);
    this.now = opts.now ?? (() => new Date());
  }

  async authenticate(req: AuthRequest): Promise<UserInfo | null> {
    const ders = peerChain(req.peerCertificate);
    if (ders.length === 0) return null;
    let leaf: Cert;
    try {
      leaf = parse(ders[0]);
    } catch {
      throw new AuthenticationError('x509: malformed certificate');
    }
    const intermediates: Cert[] = [];
    for (const der of ders.slice(1)) {
      try { intermediates.push(parse(der)); } catch { /* unusable: as if not sent */ }
    }
    const problem = this.verify(leaf, intermediates, this.now());
    if (problem) {
      const id = `SN=${leaf.f.serial}, SKID=${colonHex(leaf.f.skid)}, AKID=${colonHex(leaf.f.akid)}`;
      throw new AuthenticationError(`verifying certificate ${id} failed: ${problem}`);
    }
    if (!leaf.f.commonName) return null; // CommonNameUserConversion: no CN, no opinion
    const fp = createHash('sha256').update(leaf.der).digest('hex');
    return { name: leaf.f.commonName, groups: [...leaf.f.organizations], extra: { [credentialIdKey]: [`X509SHA256=${fp}`] } };
  }

  /** Go's Certificate.Verify reduced to what client auth needs; returns its error text or null. */
  private verify(leaf: Cert, intermediates: Cert[], now: Date): string | null {
    const expired = timeError(leaf, now);
    if (expired) return expired;
    let hint: { err: string; cert: Cert } | undefined;
    let limitError: string | undefined;
    let sigChecks = 0;
    const chains: Cert[][] = [];
    const build = (chain: Cert[]) => {
      const c = chain[chain.length - 1];
      const consider = (cand: Cert, isRoot: boolean) => {
        if (limitError || chain.some((p) => p.der.equals(cand.der))) return;
        if (++sigChecks > maxSignatureChecks) {
          limitError = 'x509: signature check attempts limit reached while verifying certificate chain';
          return;
        }
        let ok = false;
        try { ok = c.x.verify(cand.x.publicKey); } catch { ok = false; }
        if (!ok) { hint ??= { err: signatureError(cand), cert: cand }; return; }
        const bad = timeError(cand, now) ?? (!isRoot && !cand.x.ca ? 'x509: certificate is not authorized to sign other certificates' : null);
        if (bad) { hint ??= { err: bad, cert: cand }; return; }
        if (isRoot) chains.push([...chain, cand]);
        else if (chain.length < maxChainLength) build([...chain, cand]);
      };
      for (const r of parents(c, this.roots)) consider(r, true);
      for (const i of parents(c, intermediates)) consider(i, false);
    };
    if (this.roots.some((r) => r.der.equals(leaf.der))) chains.push([leaf]); // Go: a trusted leaf is its own chain
    else build([leaf]);
    if (chains.length === 0) {
      if (limitError) return limitError;
      let s = 'x509: certificate signed by unknown authority';
      if (hint) {
        const name = hint.cert.f.commonName || hint.cert.f.organizations[0] || `serial:${hint.cert.f.serial}`;
        s += ` (possibly because of ${JSON.stringify(hint.err)} while trying to verify candidate authority certificate ${JSON.stringify(name)})`;
      }
      return s;
    }
    if (!chains.some(allowsClientAuth)) return 'x509: certificate specifies an incompatible key usage';
    return null;
  }
}

// --- DER: the few certificate fields node's X509Certificate does not expose as values ---

interface CertFields {
  serial: bigint; notBefore: Date; notAfter: Date;
  commonName: string; organizations: string[]; skid?: Buffer; akid?: Buffer;
  /** The DER of the issuer and subject names: Go matches parents by these bytes. */
  rawIssuer: Buffer; rawSubject: Buffer;
}

interface Tlv { tag: number; off: number; start: number; end: number }

function tlv(b: Buffer, off: number): Tlv {
  const tag = b[off];
  let len = b[off + 1];
  let start = off + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new Error('x509: unsupported DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + b[start + i];
    start += n;
  }
  if (tag === undefined || start + len > b.length) throw new Error('x509: truncated DER');
  return { tag, off, start, end: start + len };
}

function children(b: Buffer, t: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let off = t.start; off < t.end; off = out[out.length - 1].end) out.push(tlv(b, off));
  return out;
}

const oid = (b: Buffer, t: Tlv) => b.subarray(t.start, t.end).toString('hex');

function asString(b: Buffer, t: Tlv): string {
  const v = b.subarray(t.start, t.end);
  if (t.tag === 0x0c) return v.toString('utf8');
  if (t.tag === 0x1e) return Buffer.from(v).swap16().toString('utf16le'); // BMPString is UTF-16BE
  return v.toString('latin1'); // Printable, IA5, T61
}

function asTime(b: Buffer, t: Tlv): Date {
  const s = b.subarray(t.start, t.end).toString('latin1');
  const full = t.tag === 0x17 ? (Number(s.slice(0, 2)) >= 50 ? '19' : '20') + s : s; // UTCTime: YY >= 50 is 19YY
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(full);
  if (!m) throw new Error('x509: malformed validity time');
  return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
}

/** Serial, validity, subject CN (last wins, as pkix.Name) and O values, SKID and AKID key id. */
function certFields(der: Buffer): CertFields {
  const tbs = children(der, tlv(der, 0))[0];
  let parts = children(der, tbs);
  if (parts[0].tag === 0xa0) parts = parts.slice(1); // explicit version
  const [serialT, , issuerT, validityT, subjectT] = parts;
  const serialHex = der.subarray(serialT.start, serialT.end).toString('hex') || '00';
  let serial = BigInt('0x' + serialHex);
  if (der[serialT.start] & 0x80) serial -= 1n << BigInt(serialHex.length * 4); // two's complement
  const [nb, na] = children(der, validityT);
  const raw = (t: Tlv) => der.subarray(t.off, t.end);
  const f: CertFields = {
    serial, notBefore: asTime(der, nb), notAfter: asTime(der, na), commonName: '', organizations: [],
    rawIssuer: raw(issuerT), rawSubject: raw(subjectT),
  };
  for (const rdn of children(der, subjectT)) {
    for (const atv of children(der, rdn)) {
      const [type, value] = children(der, atv);
      if (oid(der, type) === '550403') f.commonName = asString(der, value);
      else if (oid(der, type) === '55040a') f.organizations.push(asString(der, value));
    }
  }
  const exts = parts.find((p) => p.tag === 0xa3);
  for (const ext of exts ? children(der, children(der, exts)[0]) : []) {
    const e = children(der, ext);
    const id = oid(der, e[0]);
    const octets = e[e.length - 1];
    if (id === '551d0e') {
      const inner = tlv(der, octets.start);
      f.skid = der.subarray(inner.start, inner.end);
    } else if (id === '551d23') {
      const keyId = children(der, tlv(der, octets.start)).find((c) => c.tag === 0x80);
      if (keyId) f.akid = der.subarray(keyId.start, keyId.end);
    }
  }
  return f;
}

export function newX509Authenticator(opts: X509Options): X509Authenticator {
  return new X509Authenticator(opts);
}
