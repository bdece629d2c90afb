import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { createErrors, strategyOf } from '../strategy-fixture.js';

const pem = (type: string) => Buffer.from(`-----BEGIN ${type}-----\nMIIBAA==\n-----END ${type}-----\n`).toString('base64');
const csr = (spec: Record<string, unknown>): KubeObject =>
  ({ metadata: { name: 'alice' }, spec: { request: pem('CERTIFICATE REQUEST'), signerName: 'example.com/signer', usages: ['client auth'], ...spec } });

describe('certificates.k8s.io/v1 CertificateSigningRequest', () => {
  const s = strategyOf('certificates.k8s.io', 'certificatesigningrequests');
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['valid', {}, []],
    ['signerName required', { signerName: '' }, ['spec.signerName: Required value']],
    ['signerName without a path', { signerName: 'example.com' }, ["spec.signerName: Invalid value: \"example.com\": must be a fully qualified domain and path of the form 'example.com/signer-name'"]],
    ['legacy signer', { signerName: 'kubernetes.io/legacy-unknown' }, ['spec.signerName: Invalid value: "kubernetes.io/legacy-unknown": the legacy signerName is not allowed via this API version']],
    ['usages required', { usages: [] }, ['spec.usages: Required value: usages must be provided']],
    ['duplicate usage', { usages: ['client auth', 'client auth'] }, ['spec.usages[1]: Duplicate value: "client auth"']],
    ['short lifetime', { expirationSeconds: 60 }, ['spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 600 seconds (10 minutes)']],
  ];
  for (const [name, spec, want] of cases) it(name, () => assert.deepEqual(createErrors(s, csr(spec)), want));

  it('the request must be a CERTIFICATE REQUEST PEM block', () => {
    const errs = createErrors(s, csr({ request: pem('CERTIFICATE') }));
    assert.equal(errs.length, 1);
    assert.match(errs[0], /^spec\.request: Invalid value: \[\]byte\{0x2d, 0x2d, .*\}: PEM block type must be CERTIFICATE REQUEST$/);
  });

  it('an unknown usage lists the known ones', () => {
    const [err] = createErrors(s, csr({ usages: ['teleport'] }));
    assert.match(err, /^spec\.usages\[0\]: Unsupported value: "teleport": supported values: "any", "cert sign", .* "timestamping"$/);
  });
});
