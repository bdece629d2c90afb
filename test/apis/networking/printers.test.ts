/** networking printers: ingress CLASS/HOSTS/ADDRESS/PORTS, ingress class PARAMETERS, policies. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { ingressHosts, networkingPrinters } from '../../../src/apis/networking/printers.js';

const t = { timeout: 10_000 };
const now = Date.parse('2026-03-01T12:00:00Z');
const cells = (resource: string, obj: Record<string, unknown>) => networkingPrinters[resource].cells({ metadata: { name: 'n', creationTimestamp: '2026-03-01T11:59:00Z' }, ...obj } as KubeObject, now);

describe('networking printers', t, () => {
  const hosts: Array<[unknown, string]> = [
    [undefined, '*'],
    [[{ http: {} }], '*'],
    [[{ host: 'a' }, { host: 'b' }], 'a,b'],
    [[{}, { host: 'a' }, { host: 'b' }, { host: 'c' }], 'a,b,c'],
    [[{ host: 'a' }, { host: 'b' }, { host: 'c' }, { host: 'd' }, { host: 'e' }], 'a,b,c + 2 more...'],
  ];
  for (const [rules, want] of hosts) it(`HOSTS ${want}`, () => assert.equal(ingressHosts(rules), want));

  it('ingresses', () => {
    assert.deepEqual(networkingPrinters.ingresses.columns.map((c) => c.name), ['Name', 'Class', 'Hosts', 'Address', 'Ports', 'Age']);
    assert.deepEqual(cells('ingresses', { spec: { rules: [{ host: 'x.example.com' }] } }), ['n', '<none>', 'x.example.com', '', '80', '60s']);
    assert.deepEqual(cells('ingresses', { spec: { ingressClassName: 'nginx', tls: [{ hosts: ['x'] }] }, status: { loadBalancer: { ingress: [{ ip: '10.1.1.2' }, { hostname: 'lb.example.com' }] } } }),
      ['n', 'nginx', '*', '10.1.1.2,lb.example.com', '80, 443', '60s']);
  });
  it('ingressclasses', () => {
    assert.deepEqual(cells('ingressclasses', { spec: { controller: 'k8s.io/ingress-nginx' } }), ['n', 'k8s.io/ingress-nginx', '<none>', '60s']);
    assert.deepEqual(cells('ingressclasses', { spec: { controller: 'c', parameters: { apiGroup: 'k8s.example.com', kind: 'Params', name: 'p' } } })[2], 'Params.k8s.example.com/p');
    assert.deepEqual(cells('ingressclasses', { spec: { controller: 'c', parameters: { kind: 'ConfigMap', name: 'p' } } })[2], 'ConfigMap/p');
  });
  it('networkpolicies', () => {
    assert.deepEqual(networkingPrinters.networkpolicies.columns.map((c) => c.name), ['Name', 'Pod-Selector', 'Age']);
    assert.deepEqual(cells('networkpolicies', { spec: { podSelector: {} } }), ['n', '<none>', '60s']);
    assert.deepEqual(cells('networkpolicies', { spec: { podSelector: { matchLabels: { app: 'db' } } } })[1], 'app=db');
  });
});
