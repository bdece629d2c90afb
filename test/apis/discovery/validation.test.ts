import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { createErrors, strategyOf, updateErrors } from '../strategy-fixture.js';

const slice = (fields: Record<string, unknown>): KubeObject =>
  ({ metadata: { name: 'web-abc', namespace: 'ns' }, addressType: 'IPv4', endpoints: [{ addresses: ['10.1.2.3'] }], ports: [{ port: 80 }], ...fields });

describe('discovery.k8s.io/v1 EndpointSlice', () => {
  const s = strategyOf('discovery.k8s.io', 'endpointslices');
  it('ports get an empty name and TCP', () => {
    const o = slice({});
    assert.deepEqual(createErrors(s, o), []);
    assert.deepEqual(o.ports, [{ port: 80, name: '', protocol: 'TCP' }]);
  });
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['addressType required', { addressType: '' }, ['addressType: Required value']],
    ['unknown addressType', { addressType: 'IPX' }, ['addressType: Unsupported value: "IPX": supported values: "FQDN", "IPv4", "IPv6"']],
    ['endpoint without addresses', { endpoints: [{ addresses: [] }] }, ['endpoints[0].addresses: Required value: must contain at least 1 address']],
    ['IPv6 address in an IPv4 slice', { endpoints: [{ addresses: ['fd00::1'] }] }, ['endpoints[0].addresses[0]: Invalid value: "fd00::1": must be a valid IPv4 address']],
    ['unspecified address', { endpoints: [{ addresses: ['0.0.0.0'] }] }, ['endpoints[0].addresses[0]: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)']],
    ['loopback IPv4', { endpoints: [{ addresses: ['127.0.0.1'] }] }, ['endpoints[0].addresses[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)']],
    ['loopback IPv6', { addressType: 'IPv6', endpoints: [{ addresses: ['::1'] }] }, ['endpoints[0].addresses[0]: Invalid value: "::1": may not be in the loopback range (127.0.0.0/8, ::1/128)']],
    ['link-local IPv6', { addressType: 'IPv6', endpoints: [{ addresses: ['fe80::1'] }] }, ['endpoints[0].addresses[0]: Invalid value: "fe80::1": may not be in the link-local range (169.254.0.0/16, fe80::/10)']],
    ['FQDN with one label', { addressType: 'FQDN', endpoints: [{ addresses: ['localhost'] }] }, ['endpoints[0].addresses[0]: Invalid value: "localhost": should be a domain with at least two segments separated by dots']],
    ['duplicate port names', { ports: [{ name: 'http', port: 80 }, { name: 'http', port: 81 }] }, ['ports[1].name: Duplicate value: "http"']],
    ['unknown protocol', { ports: [{ port: 80, protocol: 'ICMP' }] }, ['ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"']],
  ];
  for (const [name, fields, want] of cases) it(name, () => assert.deepEqual(createErrors(s, slice(fields)), want));
  it('addressType is immutable', () => assert.deepEqual(updateErrors(s, slice({ addressType: 'IPv6', endpoints: [] }), slice({})), ['addressType: Invalid value: "IPv6": field is immutable']));
});
