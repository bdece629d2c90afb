/** The CSR printer: CONDITION precedence and REQUESTEDDURATION. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { certificatesPrinters, csrCondition } from '../../../src/apis/certificates/printers.js';
import type { KubeObject } from '../../../src/apis/meta/types.js';

const t = { timeout: 10_000 };
const conds = (...types: string[]) => ({ status: { conditions: types.map((type) => ({ type, status: 'True' })) } });

describe('certificatesigningrequests', t, () => {
  const cases: Array<[Record<string, unknown>, string]> = [
    [{}, 'Pending'],
    [conds('Approved'), 'Approved'],
    [conds('Approved', 'Denied'), 'Denied'],
    [conds('Approved', 'Failed'), 'Approved,Failed'],
    [{ status: { conditions: [{ type: 'Approved', status: 'True' }], certificate: 'LS0t' } }, 'Approved,Issued'],
  ];
  for (const [obj, want] of cases) it(`CONDITION ${want}`, () => assert.equal(csrCondition({ metadata: {}, ...obj }), want));
  it('row', () => {
    const p = certificatesPrinters.certificatesigningrequests;
    assert.deepEqual(p.columns.map((c) => c.name), ['Name', 'Age', 'SignerName', 'Requestor', 'RequestedDuration', 'Condition']);
    const csr = { metadata: { name: 'c', creationTimestamp: '2026-03-01T11:59:00Z' }, spec: { signerName: 'kubernetes.io/kube-apiserver-client', username: 'alice', expirationSeconds: 86400 } };
    assert.deepEqual(p.cells(csr as KubeObject, Date.parse('2026-03-01T12:00:00Z')), ['c', '60s', 'kubernetes.io/kube-apiserver-client', 'alice', '24h', 'Pending']);
    assert.equal(p.cells({ metadata: {}, spec: {} } as KubeObject, 0)[4], '<none>');
  });
});
