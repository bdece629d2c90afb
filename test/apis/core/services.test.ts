import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorMessage } from '../../../src/apis/meta/errors.js';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { serviceStrategy } from '../../../src/apis/core/services.js';
import type { RequestContext } from '../../../src/registry/rest.js';

const ctx: RequestContext = { user: { name: 'alice', groups: [] }, namespace: 'ns', dryRun: false };
const svc = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'ns' }, spec });
function created(spec: Record<string, unknown>): KubeObject {
  const s = svc(spec);
  serviceStrategy.prepareForCreate!(s, ctx);
  return s;
}
const errors = (s: KubeObject) => serviceStrategy.validate!(s, ctx).map((e) => fieldErrorMessage(e));

describe('Service defaults', () => {
  it('a ClusterIP service gets type, affinity, protocol, targetPort and internal policy', () => {
    assert.deepEqual(created({ ports: [{ port: 80 }, { port: 443, targetPort: 'https', name: 'https' }] }).spec, {
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }, { port: 443, targetPort: 'https', name: 'https', protocol: 'TCP' }],
      sessionAffinity: 'None', type: 'ClusterIP', internalTrafficPolicy: 'Cluster',
    });
  });

  it('NodePort and LoadBalancer are externally accessible', () => {
    const lb = created({ type: 'LoadBalancer', ports: [{ port: 80 }] }).spec as Record<string, unknown>;
    assert.equal(lb.externalTrafficPolicy, 'Cluster');
    assert.equal(lb.allocateLoadBalancerNodePorts, true);
    const np = created({ type: 'NodePort', ports: [{ port: 80 }] }).spec as Record<string, unknown>;
    assert.equal(np.externalTrafficPolicy, 'Cluster');
    assert.equal(np.allocateLoadBalancerNodePorts, undefined);
  });

  it('ClientIP affinity gets the 3 hour timeout; None drops the config', () => {
    assert.deepEqual((created({ sessionAffinity: 'ClientIP', ports: [{ port: 1 }] }).spec as Record<string, unknown>).sessionAffinityConfig, { clientIP: { timeoutSeconds: 10800 } });
    assert.equal((created({ sessionAffinityConfig: { clientIP: {} }, ports: [{ port: 1 }] }).spec as Record<string, unknown>).sessionAffinityConfig, undefined);
  });

  it('an ExternalName service gets no internal traffic policy', () => {
    const spec = created({ type: 'ExternalName', externalName: 'example.com' }).spec as Record<string, unknown>;
    assert.equal(spec.internalTrafficPolicy, undefined);
  });
});

describe('Service validation', () => {
  const cases: Array<{ name: string; spec: Record<string, unknown>; want: string[] }> = [
    { name: 'valid', spec: { ports: [{ port: 80 }], selector: { app: 'x' } }, want: [] },
    { name: 'headless without ports', spec: { clusterIP: 'None' }, want: [] },
    { name: 'ports required', spec: {}, want: ['spec.ports: Required value'] },
    {
      name: 'several ports need names, unique ones',
      spec: { ports: [{ port: 80 }, { port: 81, name: 'a' }, { port: 82, name: 'a' }] },
      want: ['spec.ports[0].name: Required value', 'spec.ports[2].name: Duplicate value: "a"'],
    },
    {
      name: 'port range and target port name',
      spec: { ports: [{ port: 0, targetPort: 'Bad_Name' }] },
      want: [
        'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
        'spec.ports[0].targetPort: Invalid value: "Bad_Name": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      ],
    },
    { name: 'unknown type', spec: { type: 'Magic', ports: [{ port: 80 }] }, want: ['spec.type: Unsupported value: "Magic": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"'] },
    { name: 'ExternalName needs a name', spec: { type: 'ExternalName' }, want: ['spec.externalName: Required value'] },
    {
      name: 'ExternalName must be a DNS name',
      spec: { type: 'ExternalName', externalName: 'Not A Host' },
      want: [`spec.externalName: Invalid value: "Not A Host": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`],
    },
    { name: 'NodePort may not be headless', spec: { type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] }, want: ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services"] },
    { name: 'nodePort on a ClusterIP service', spec: { ports: [{ port: 80, nodePort: 30000 }] }, want: ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"] },
    {
      name: 'the same port and protocol twice',
      spec: { ports: [{ port: 80, name: 'a' }, { port: 80, name: 'b' }] },
      want: ['spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}'],
    },
    { name: 'a malformed cluster IP', spec: { clusterIP: '10.0.0.300', ports: [{ port: 80 }] }, want: ['spec.clusterIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'] },
    { name: 'unknown affinity', spec: { sessionAffinity: 'Sticky', ports: [{ port: 80 }] }, want: ['spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"'] },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(errors(created(c.spec)), c.want));
});

describe('Service updates', () => {
  const stored = created({ type: 'NodePort', ports: [{ port: 80 }] });
  (stored.spec as Record<string, unknown>).clusterIP = '10.96.0.10';
  (stored.spec as Record<string, unknown>).clusterIPs = ['10.96.0.10'];
  ((stored.spec as Record<string, unknown>).ports as Array<Record<string, unknown>>)[0].nodePort = 30080;

  it('a body without clusterIP keeps the allocated one', () => {
    const next = svc({ type: 'NodePort', ports: [{ port: 80 }] });
    serviceStrategy.prepareForUpdate!(next, stored, ctx);
    assert.equal((next.spec as Record<string, unknown>).clusterIP, '10.96.0.10');
    assert.deepEqual(serviceStrategy.validateUpdate!(next, stored, ctx), []);
  });

  it('switching to ClusterIP drops the old node ports and external policy', () => {
    const next = structuredClone(stored);
    (next.spec as Record<string, unknown>).type = 'ClusterIP';
    serviceStrategy.prepareForUpdate!(next, stored, ctx);
    assert.deepEqual(errors(next), []);
    assert.equal((next.spec as Record<string, unknown>).externalTrafficPolicy, undefined);
  });

  it('the cluster IP may not change', () => {
    const next = structuredClone(stored);
    Object.assign(next.spec as object, { clusterIP: '10.96.0.11', clusterIPs: ['10.96.0.11'] });
    serviceStrategy.prepareForUpdate!(next, stored, ctx);
    assert.deepEqual(serviceStrategy.validateUpdate!(next, stored, ctx).map((e) => fieldErrorMessage(e)), ['spec.clusterIPs[0]: Invalid value: []string{"10.96.0.11"}: may not change once set']);
  });
});
