/** The certificatesigningrequests Table (printCertificateSigningRequest upstream). */
import { age, col, humanDuration, type Loose, nameColumn, ageColumn, type Printer } from '../meta/printing.js';

/** CONDITION: Denied, else Approved, else Pending; then ",Failed" and ",Issued" when they apply. */
export function csrCondition(csr: Loose): string {
  const types = new Set((Array.isArray(csr.status?.conditions) ? csr.status.conditions : []).map((c: Loose) => c?.type));
  let s = types.has('Denied') ? 'Denied' : types.has('Approved') ? 'Approved' : 'Pending';
  if (types.has('Failed')) s += ',Failed';
  if (typeof csr.status?.certificate === 'string' && csr.status.certificate.length > 0) s += ',Issued';
  return s;
}

export const certificatesPrinters: Record<string, Printer> = {
  certificatesigningrequests: {
    columns: [
      nameColumn, ageColumn,
      col('SignerName', 'string', 'The signer asked to sign the certificate.'),
      col('Requestor', 'string', 'The user who created the request.'),
      col('RequestedDuration', 'string', 'How long the certificate is asked to be valid.'),
      col('Condition', 'string', 'Pending, Approved or Denied, with Failed and Issued when they apply.'),
    ],
    cells(csr: Loose, now) {
      const spec = csr.spec ?? {};
      const duration = typeof spec.expirationSeconds === 'number' ? humanDuration(spec.expirationSeconds * 1000) : '<none>';
      return [csr.metadata.name ?? '', age(csr, now), spec.signerName || '<none>', spec.username ?? '', duration, csrCondition(csr)];
    },
  },
};
