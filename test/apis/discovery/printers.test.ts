/** The endpointslices printer: ports and addresses, three at most, "<unset>" when none. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { slicePorts, sliceEndpoints } from '../../../src/apis/discovery/printers.js';

const t = { timeout: 10_000 };

describe('endpointslices', t, () => {
  it('PORTS', () => {
    assert.equal(slicePorts(undefined), '<unset>');
    assert.equal(slicePorts([{ port: 80 }, { name: 'metrics' }, {}]), '80,metrics,*');
    assert.equal(slicePorts([{ port: 1 }, { port: 2 }, { port: 3 }, { port: 4 }, { port: 5 }]), '1,2,3 + 2 more...');
  });
  it('ENDPOINTS', () => {
    assert.equal(sliceEndpoints([]), '<unset>');
    assert.equal(sliceEndpoints([{ addresses: ['10.0.0.1'] }, { addresses: ['10.0.0.2', '10.0.0.3'] }]), '10.0.0.1,10.0.0.2,10.0.0.3');
    assert.equal(sliceEndpoints([{ addresses: ['a', 'b'] }, { addresses: ['c', 'd'] }]), 'a,b,c + 1 more...');
  });
});
