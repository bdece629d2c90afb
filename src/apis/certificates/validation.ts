/**
 * CertificateSigningRequest validation (pkg/apis/certificates/validation, v1 create rules): the
 * request is a PEM "CERTIFICATE REQUEST" block, usages are known and unique, the signer name is
 * `<domain>/<path>`, and a requested lifetime is at least ten minutes. The CSR's signature is not
 * checked here (that needs an asynchronous crypto call; the signers check it).
 */
import { type FieldError, fieldDuplicate, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import { goValueError, isDNS1123Label, isDNS1123Subdomain } from '../meta/validation.js';
import { asObj } from '../apps/validation-fields.js';

const keyUsages = [
  'any', 'cert sign', 'client auth', 'code signing', 'content commitment', 'crl sign', 'data encipherment', 'decipher only',
  'digital signature', 'email protection', 'encipher only', 'ipsec end system', 'ipsec tunnel', 'ipsec user', 'key agreement',
  'key encipherment', 'microsoft sgc', 'netscape sgc', 'ocsp signing', 's/mime', 'server auth', 'signing', 'timestamping',
];
const legacyUnknownSigner = 'kubernetes.io/legacy-unknown';
const minExpirationSeconds = 600;

/** %#v of a []byte, which is how upstream prints the request in its error. */
const goBytes = (b: Buffer) => `[]byte{${[...b].map((x) => `0x${x.toString(16)}`).join(', ')}}`;

/** pem.Decode: the first block's type, or null when there is no PEM block at all. */
function firstPemType(text: string): string | null {
  const m = /-----BEGIN ([^-\r\n]*)-----\r?\n[\s\S]*?-----END \1-----/.exec(text);
  return m ? m[1] : null;
}

function validateSignerName(name: string): FieldError[] {
  const f = 'spec.signerName';
  if (name === '') return [fieldRequired(f)];
  const segments = name.split('/');
  if (segments.length !== 2) return [fieldInvalid(f, name, "must be a fully qualified domain and path of the form 'example.com/signer-name'")];
  // IsFullyQualifiedDomainName on the domain part.
  const domain = segments[0].endsWith('.') ? segments[0].slice(0, -1) : segments[0];
  if (domain === '') return [fieldRequired(f)];
  const sub = isDNS1123Subdomain(domain);
  if (sub.length > 0) return [fieldInvalid(f, domain, sub.join(','))];
  if (domain.split('.').length < 2) return [fieldInvalid(f, domain, 'should be a domain with at least two segments separated by dots')];
  for (const label of domain.split('.')) {
    const errs = isDNS1123Label(label);
    if (errs.length > 0) return [fieldInvalid(f, label, errs.join(','))];
  }
  return [];
}

export function validateCertificateSigningRequest(csr: KubeObject): FieldError[] {
  const spec = asObj(csr.spec);
  const errs: FieldError[] = [];
  const request = Buffer.from(typeof spec.request === 'string' ? spec.request : '', 'base64');
  if (firstPemType(request.toString('latin1')) !== 'CERTIFICATE REQUEST') {
    errs.push(goValueError('FieldValueInvalid', 'spec.request', goBytes(request), 'PEM block type must be CERTIFICATE REQUEST'));
  }
  const usages = Array.isArray(spec.usages) ? spec.usages.map(String) : [];
  if (usages.length === 0) errs.push(fieldRequired('spec.usages', 'usages must be provided'));
  usages.forEach((u, i) => { if (!keyUsages.includes(u)) errs.push(fieldNotSupported(`spec.usages[${i}]`, u, keyUsages)); });
  usages.forEach((u, i) => { if (usages.indexOf(u) < i) errs.push(fieldDuplicate(`spec.usages[${i}]`, u)); });
  const signer = typeof spec.signerName === 'string' ? spec.signerName : '';
  if (signer === legacyUnknownSigner) errs.push(fieldInvalid('spec.signerName', signer, 'the legacy signerName is not allowed via this API version'));
  else errs.push(...validateSignerName(signer));
  if (typeof spec.expirationSeconds === 'number' && spec.expirationSeconds < minExpirationSeconds) {
    errs.push(fieldInvalid('spec.expirationSeconds', spec.expirationSeconds, 'may not specify a duration less than 600 seconds (10 minutes)'));
  }
  return errs;
}
