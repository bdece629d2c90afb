import { test } from 'node:test';
import assert from 'node:assert/strict';
import { certificatesTypes } from '../../../src/apis/certificates/schema.js';
import { compileGroup, field, requiredOf, undescribed } from '../compile-group.js';

const schema = compileGroup(certificatesTypes, ['ObjectMeta', 'ListMeta']);
const csr = schema.kinds.get('certificates.k8s.io/v1/CertificateSigningRequest');

test('certificates: CertificateSigningRequest and its list as upstream', () => {
  assert.equal(csr?.name, 'io.k8s.api.certificates.v1.CertificateSigningRequest');
  assert.deepEqual(requiredOf(csr), ['spec']);
  assert.deepEqual(requiredOf(schema.kinds.get('certificates.k8s.io/v1/CertificateSigningRequestList')), ['items']);
  const spec = schema.types.get('CertificateSigningRequestSpec');
  assert.deepEqual(requiredOf(spec), ['request', 'signerName']);
  assert.equal(field(spec, 'request').kind, 'bytes');
  assert.equal(field(spec, 'signerName').number, 7);
  assert.equal(spec?.fields.length, 8);
});

test('certificates: conditions are a map keyed by type', () => {
  const conditions = field(schema.types.get('CertificateSigningRequestStatus'), 'conditions');
  assert.equal(conditions.meta.listType, 'map');
  assert.deepEqual(conditions.meta.listMapKeys, ['type']);
  assert.deepEqual(requiredOf(conditions.type), ['type', 'status']);
});

test('certificates: every type and field carries a description', () => {
  assert.deepEqual(undescribed(certificatesTypes), []);
});
