/**
 * certificates.k8s.io/v1 type table: CertificateSigningRequest and its list, from
 * k8s.io/api/certificates/v1 types.go. Format: src/schema/format.ts. The PEM fields are bytes,
 * so their JSON form is base64 of the PEM text; upstream marks them listType atomic.
 */
import type { TypeTable } from '../../schema/format.js';
import { listOf, metadataField } from '../meta/schema-list.js';

const certificatesV1 = (kind: string) => [{ group: 'certificates.k8s.io', version: 'v1', kind }];
const setByServer = 'Set by the API server on creation from the requesting user; immutable.';

export const certificatesTypes: TypeTable = {
  CertificateSigningRequest: {
    name: 'io.k8s.api.certificates.v1.CertificateSigningRequest',
    description: 'A request for an x509 certificate from a named signer, approved or denied through the approval subresource and then issued by the signer. Kubelets get their client and serving certificates this way.',
    gvk: certificatesV1('CertificateSigningRequest'),
    fields: [
      metadataField,
      ['2 spec CertificateSigningRequestSpec', 'The certificate request; immutable after creation. Users set request, signerName, expirationSeconds and usages; the server fills in the requester.', { required: true }],
      ['3 status CertificateSigningRequestStatus', 'Approval conditions and, once issued, the certificate.'],
    ],
  },
  CertificateSigningRequestSpec: {
    name: 'io.k8s.api.certificates.v1.CertificateSigningRequestSpec',
    description: 'The certificate request and who made it.',
    fields: [
      ['1 request bytes!', 'A PEM "CERTIFICATE REQUEST" block (PKCS#10), base64-encoded in JSON and YAML.', { required: true, listType: 'atomic' }],
      ['7 signerName !', 'The signer asked to issue the certificate, a qualified name. Built in: kubernetes.io/kube-apiserver-client, kubernetes.io/kube-apiserver-client-kubelet and kubernetes.io/kubelet-serving. Selectable with the field selector spec.signerName.', { required: true }],
      ['8 expirationSeconds i32*', 'Requested validity of the certificate in seconds, at least 600; the signer may choose another duration.'],
      ['5 usages []', 'Key usages wanted, such as "digital signature", "key encipherment", "client auth" or "server auth".', { listType: 'atomic' }],
      ['2 username', `Name of the user who created the request. ${setByServer}`],
      ['3 uid', `UID of the user who created the request. ${setByServer}`],
      ['4 groups []', `Groups of the user who created the request. ${setByServer}`, { listType: 'atomic' }],
      ['6 extra ExtraValue{}', `Extra attributes of the user who created the request. ${setByServer}`],
    ],
  },
  CertificateSigningRequestStatus: {
    name: 'io.k8s.api.certificates.v1.CertificateSigningRequestStatus',
    description: 'Whether the request is approved, denied or failed, and the issued certificate.',
    fields: [
      ['1 conditions CertificateSigningRequestCondition[]', 'Approved, Denied and Failed conditions, at most one of each type.', { listType: 'map', listMapKeys: ['type'] }],
      ['2 certificate bytes', 'The issued certificate as PEM CERTIFICATE blocks (the first is the leaf, the rest intermediates), base64-encoded in JSON. Set by the signer through the status subresource after approval; immutable once set.', { listType: 'atomic' }],
    ],
  },
  CertificateSigningRequestCondition: {
    name: 'io.k8s.api.certificates.v1.CertificateSigningRequestCondition',
    description: 'One condition of a CertificateSigningRequest.',
    fields: [
      ['1 type !', 'Approved or Denied (added through the approval subresource, mutually exclusive) or Failed (added by the signer through status). None can be removed once added.', { required: true }],
      ['6 status !', 'True, False or Unknown; Approved, Denied and Failed must be True.', { required: true }],
      ['2 reason', 'A short machine-readable reason for the state.'],
      ['3 message', 'A human-readable explanation of the state.'],
      ['4 lastUpdateTime Time', 'When the condition was last updated.'],
      ['5 lastTransitionTime Time', 'When the status last changed; the server sets it to now when left empty on a new or changed condition.'],
    ],
  },
  CertificateSigningRequestList: listOf('io.k8s.api.certificates.v1.CertificateSigningRequestList', 'CertificateSigningRequest', certificatesV1('CertificateSigningRequest'), 'The CertificateSigningRequests.'),
};
