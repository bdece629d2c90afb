import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorMessage } from '../../../src/apis/meta/errors.js';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { endpointsStrategy } from '../../../src/apis/core/endpoints.js';
import { coreEventStrategy } from '../../../src/apis/core/events.js';
import { limitRangeStrategy } from '../../../src/apis/core/limit-ranges.js';
import { namespaceStrategy } from '../../../src/apis/core/namespaces.js';
import { resourceQuotaRules } from '../../../src/apis/core/resource-quotas.js';
import type { RequestContext, Strategy } from '../../../src/registry/rest.js';

const ctx: RequestContext = { user: { name: 'alice', groups: [] }, namespace: 'ns', dryRun: false };
const obj = (fields: Record<string, unknown>, namespace = 'ns'): KubeObject => ({ metadata: { name: 'x', namespace }, ...fields });
function created(s: Strategy, o: KubeObject): string[] {
  s.prepareForCreate?.(o, ctx);
  return s.validate!(o, ctx).map((e) => fieldErrorMessage(e));
}

describe('Endpoints', () => {
  it('ports default to TCP; a valid subset passes', () => {
    const ep = obj({ subsets: [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }] });
    assert.deepEqual(created(endpointsStrategy, ep), []);
    assert.deepEqual((ep.subsets as Array<Record<string, unknown>>)[0].ports, [{ port: 80, protocol: 'TCP' }]);
  });

  it('rejects empty subsets, bad and special IPs, unnamed ports among several', () => {
    const ep = obj({ subsets: [{}, { addresses: [{ ip: 'nope' }, { ip: '127.0.0.1' }], ports: [{ port: 80 }, { port: 70000, name: 'b' }] }] });
    assert.deepEqual(created(endpointsStrategy, ep), [
      'subsets[0]: Required value: must specify `addresses` or `notReadyAddresses`',
      'subsets[1].addresses[0].ip: Invalid value: "nope": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
      'subsets[1].addresses[1].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      'subsets[1].ports[0].name: Required value',
      'subsets[1].ports[1].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ]);
  });

  it('default/kubernetes gets no exemption: a client may not write a loopback address there either', () => {
    // The endpoint reconciler writes the API servers' own addresses straight to storage.
    const ep: KubeObject = { metadata: { name: 'kubernetes', namespace: 'default' }, subsets: [{ addresses: [{ ip: '127.0.0.1' }], ports: [{ name: 'https', port: 6443 }] }] };
    assert.deepEqual(created(endpointsStrategy, ep), ['subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)']);
  });
});

describe('LimitRange', () => {
  it('container items default their limits and requests from max, default and min', () => {
    const lr = obj({ spec: { limits: [{ type: 'Container', max: { cpu: '2' }, min: { memory: '64Mi' }, default: { memory: '256Mi' } }] } });
    assert.deepEqual(created(limitRangeStrategy, lr), []);
    const item = ((lr.spec as Record<string, unknown>).limits as Array<Record<string, unknown>>)[0];
    assert.deepEqual(item.default, { memory: '256Mi', cpu: '2' });
    assert.deepEqual(item.defaultRequest, { memory: '256Mi', cpu: '2' });
  });

  it('checks type names, duplicates and the ordering of bounds', () => {
    const lr = obj({ spec: { limits: [{ type: 'Pod', max: { cpu: '1' }, min: { cpu: '2' } }, { type: 'Pod' }, { type: 'Thing' }] } });
    assert.deepEqual(created(limitRangeStrategy, lr), [
      'spec.limits[0].min[cpu]: Invalid value: "2": min value 2 is greater than max value 1',
      'spec.limits[1].type: Duplicate value: "Pod"',
      'spec.limits[2]: Invalid value: "Thing": must be a standard limit type or fully qualified',
    ]);
  });
});

describe('ResourceQuota', () => {
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['standard and counted resources', { hard: { pods: '10', 'requests.cpu': '4', 'count/deployments.apps': '5' } }, []],
    ['unknown resource, fractional count, negative value', { hard: { widgets: '1', pods: '1.5', 'limits.memory': '-1' } }, [
      'spec.hard[widgets]: Invalid value: "widgets": must be a standard resource type or fully qualified',
      'spec.hard[widgets]: Invalid value: "widgets": must be a standard resource for quota',
      'spec.hard[pods]: Invalid value: "1500m": must be an integer',
      'spec.hard[limits.memory]: Invalid value: "-1": must be greater than or equal to 0',
    ]],
    ['unknown scope', { scopes: ['Sometimes'] }, ['spec.scopes: Invalid value: "Sometimes": unsupported scope']],
  ];
  for (const [name, spec, want] of cases) it(name, () => assert.deepEqual(created(resourceQuotaRules, obj({ spec })), want));
});

describe('core Event', () => {
  it('the involved object must live in the event namespace', () => {
    assert.deepEqual(created(coreEventStrategy, obj({ involvedObject: { kind: 'Pod', namespace: 'ns' } })), []);
    assert.deepEqual(created(coreEventStrategy, obj({ involvedObject: { kind: 'Node' } }, 'default')), []);
    assert.deepEqual(created(coreEventStrategy, obj({ involvedObject: { kind: 'Pod', namespace: 'other' } })), ['involvedObject.namespace: Invalid value: "other": does not match event.namespace']);
  });

  it('a new-style event needs its reporter, action and reason', () => {
    const errs = created(coreEventStrategy, obj({ eventTime: '2026-01-01T00:00:00.000000Z', involvedObject: { namespace: 'ns' } }));
    assert.deepEqual(errs.filter((e) => e.endsWith('Required value')), ['reportingComponent: Required value', 'reportingInstance: Required value', 'action: Required value', 'reason: Required value']);
  });
});

describe('Namespace finalizers', () => {
  it('accepts kubernetes and qualified names only', () => {
    const ns = obj({ spec: { finalizers: ['kubernetes', 'example.com/x', 'custom'] } }, '');
    assert.deepEqual(created(namespaceStrategy, ns), ['spec.finalizers: Invalid value: "custom": name is neither a standard finalizer name nor is it fully qualified']);
  });
});
