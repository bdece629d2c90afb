import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { createErrors, strategyOf, updateErrors } from '../strategy-fixture.js';

const backend = (port: Record<string, unknown> = { number: 80 }) => ({ service: { name: 'web', port } });
const ingress = (spec: Record<string, unknown>): KubeObject => ({ metadata: { name: 'web', namespace: 'ns' }, spec });
const rule = (path: Record<string, unknown>, host = 'example.com') => ({ host, http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend(), ...path }] } });

describe('networking.k8s.io/v1 Ingress', () => {
  const s = strategyOf('networking.k8s.io', 'ingresses');
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['valid rule', { rules: [rule({})] }, []],
    ['valid default backend with a wildcard TLS host', { defaultBackend: backend({ name: 'http' }), tls: [{ hosts: ['*.example.com'] }] }, []],
    ['neither rules nor default backend', {}, ['spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified']],
    ['pathType required', { rules: [rule({ pathType: undefined })] }, ['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified']],
    ['unknown pathType', { rules: [rule({ pathType: 'Regex' })] }, ['spec.rules[0].http.paths[0].pathType: Unsupported value: "Regex": supported values: "Exact", "ImplementationSpecific", "Prefix"']],
    ['relative path', { rules: [rule({ path: 'api' })] }, ['spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path']],
    ['path with //', { rules: [rule({ path: '/a//b' })] }, ["spec.rules[0].http.paths[0].path: Invalid value: \"/a//b\": must not contain '//'"]],
    ['host is an IP', { rules: [rule({}, '10.0.0.1')] }, ['spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address']],
    ['backend without a port', { rules: [rule({ backend: backend({}) })] }, ['spec.rules[0].http.paths[0].backend: Required value: port name or number is required']],
    ['backend with both ports', { rules: [rule({ backend: backend({ name: 'http', number: 80 }) })] }, ['spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both port name & port number']],
    ['no backend at all', { rules: [rule({ backend: {} })] }, ['spec.rules[0].http.paths[0].backend: Invalid value: "": resource or service backend is required']],
    ['port out of range', { rules: [rule({ backend: backend({ number: 70000 }) })] }, ['spec.rules[0].http.paths[0].backend.service.port.number: Invalid value: 70000: must be between 1 and 65535, inclusive']],
  ];
  for (const [name, spec, want] of cases) it(name, () => assert.deepEqual(createErrors(s, ingress(spec)), want));
});

describe('networking.k8s.io/v1 IngressClass', () => {
  const s = strategyOf('networking.k8s.io', 'ingressclasses');
  const ic = (spec: Record<string, unknown>): KubeObject => ({ metadata: { name: 'nginx' }, spec });
  it('parameters scope defaults to Cluster', () => {
    const o = ic({ controller: 'k8s.io/ingress-nginx', parameters: { kind: 'Config', name: 'c' } });
    assert.deepEqual(createErrors(s, o), []);
    assert.equal((o.spec as { parameters: { scope: string } }).parameters.scope, 'Cluster');
  });
  it('controller must be a domain-prefixed path', () => assert.deepEqual(createErrors(s, ic({ controller: 'nginx' })), ['spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")']));
  it('namespace-scoped parameters need a namespace', () => assert.deepEqual(createErrors(s, ic({ controller: 'a.io/b', parameters: { kind: 'C', name: 'c', scope: 'Namespace' } })),
    ["spec.parameters.namespace: Required value: `parameters.scope` is set to 'Namespace'"]));
  it('controller is immutable', () => assert.deepEqual(updateErrors(s, ic({ controller: 'a.io/c' }), ic({ controller: 'a.io/b' })), ['spec.controller: Invalid value: "a.io/c": field is immutable']));
});

describe('networking.k8s.io/v1 NetworkPolicy', () => {
  const s = strategyOf('networking.k8s.io', 'networkpolicies');
  const np = (spec: Record<string, unknown>): KubeObject => ({ metadata: { name: 'deny', namespace: 'ns' }, spec: { podSelector: {}, ...spec } });
  it('policyTypes and port protocols are defaulted', () => {
    const o = np({ ingress: [{ ports: [{ port: 80 }] }], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] }] });
    assert.deepEqual(createErrors(s, o), []);
    const spec = o.spec as { policyTypes: string[]; ingress: Array<{ ports: Array<{ protocol: string }> }> };
    assert.deepEqual(spec.policyTypes, ['Ingress', 'Egress']);
    assert.equal(spec.ingress[0].ports[0].protocol, 'TCP');
  });
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['ingress only by default', {}, []],
    ['bad protocol', { ingress: [{ ports: [{ protocol: 'ICMP', port: 1 }] }] }, ['spec.ingress[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "TCP", "UDP", "SCTP"']],
    ['endPort below port', { ingress: [{ ports: [{ port: 90, endPort: 80 }] }] }, ['spec.ingress[0].ports[0].endPort: Invalid value: 90: must be greater than or equal to `port`']],
    ['bad port name', { ingress: [{ ports: [{ port: 'HTTP' }] }] }, ['spec.ingress[0].ports[0].port: Invalid value: "HTTP": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']],
    ['empty peer', { ingress: [{ from: [{}] }] }, ['spec.ingress[0].from[0]: Required value: must specify a peer']],
    ['ipBlock with another peer', { egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' }, podSelector: {} }] }] }, ['spec.egress[0].to[0]: Forbidden: may not specify both ipBlock and another peer']],
    ['except outside the cidr', { egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/16', except: ['10.1.0.0/24'] } }] }] }, ['spec.egress[0].to[0].ipBlock.except[0]: Invalid value: "10.1.0.0/24": must be a strict subset of `cidr`']],
    ['bad cidr', { egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0' } }] }] }, ['spec.egress[0].to[0].ipBlock.cidr: Invalid value: "10.0.0.0": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']],
    ['unknown policy type', { policyTypes: ['Sideways'] }, ['spec.policyTypes[0]: Unsupported value: "Sideways": supported values: "Ingress", "Egress"']],
  ];
  for (const [name, spec, want] of cases) it(name, () => assert.deepEqual(createErrors(s, np(spec)), want));
});
