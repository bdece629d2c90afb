/**
 * ServiceAllocators (registry/services.ts) over a real SqliteStorage: ClusterIP allocation from a
 * /30 (two usable addresses), specific and random IPs, taken and out-of-range IPs with upstream's
 * texts (registry/core/service/ipallocator, portallocator, storage/alloc.go), NodePorts, release
 * on failure and on delete, updates that keep what was allocated, and concurrent creates.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src/apis/meta/errors.js';
import type { KubeObject } from '../../src/apis/meta/types.js';
import { insecureUser } from '../../src/auth/user.js';
import type { RequestContext } from '../../src/registry/rest.js';
import { ServiceAllocators, ipToString, parseCidr, parsePortRange } from '../../src/registry/services.js';
import { tempStorages } from './temp-storage.js';

const t = { timeout: 30_000 };
const { open } = tempStorages('kubets-svc-');

async function setup(cidr = '10.0.0.0/30', ports = '30000-30002') {
  const storage = await open();
  const alloc = new ServiceAllocators(storage, parseCidr(cidr), parsePortRange(ports));
  return { storage, alloc, hooks: alloc.hooks() };
}

const ctx: RequestContext = { user: insecureUser, namespace: 'default', dryRun: false };

let n = 0;
const svc = (spec: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Service', metadata: { name: `s${n++}`, namespace: 'default' }, spec: { ports: [{ port: 80 }], ...spec } }) as KubeObject;
const spec = (o: KubeObject) => o.spec as { clusterIP?: string; clusterIPs?: string[]; type?: string; ipFamilies?: string[]; ipFamilyPolicy?: string; ports: Array<{ port: number; nodePort?: number; protocol?: string }> };

function invalidService(...messages: Array<string | RegExp>) {
  return (e: unknown) => {
    assert.ok(e instanceof ApiError, `not an ApiError: ${String(e)}`);
    assert.equal(e.code, 422);
    assert.equal(e.reason, 'Invalid');
    for (const m of messages) {
      if (typeof m === 'string') assert.ok(e.message.includes(m), `${JSON.stringify(e.message)} lacks ${JSON.stringify(m)}`);
      else assert.match(e.message, m);
    }
    return true;
  };
}

function rangeFull(what: 'serviceIP' | 'nodePort') {
  return (e: unknown) => {
    assert.ok(e instanceof ApiError, `not an ApiError: ${String(e)}`);
    assert.equal(e.code, 500);
    assert.equal(e.reason, 'InternalError');
    assert.equal(e.message, `Internal error occurred: failed to allocate a ${what}: range is full`);
    return true;
  };
}

describe('parseCidr / parsePortRange / ipToString', t, () => {
  it('parses a service CIDR and masks host bits', () => {
    assert.deepEqual(parseCidr('10.0.0.0/24'), { base: (10 << 24) >>> 0, bits: 24, text: '10.0.0.0/24' });
    assert.equal(ipToString(parseCidr('10.0.0.77/30').base), '10.0.0.76');
    assert.equal(ipToString(parseCidr('192.168.255.0/24').base), '192.168.255.0');
  });
  for (const bad of ['10.0.0.0', '10.0.0.0/33', '10.0.0.0/31', '300.0.0.0/24', 'fd00::/112x', '', 'a.b.c.d/24']) {
    it(`refuses ${JSON.stringify(bad)}`, () => assert.throws(() => parseCidr(bad)));
  }
  it('parses a port range', () => assert.deepEqual(parsePortRange('30000-32767'), { base: 30000, size: 2768, text: '30000-32767' }));
  for (const bad of ['30000', '32767-30000', '0-10', '1-70000', 'a-b', '']) {
    it(`refuses port range ${JSON.stringify(bad)}`, () => assert.throws(() => parsePortRange(bad)));
  }
});

describe('ServiceAllocators: ClusterIPs from a /30', t, () => {
  it('the first IP is the kubernetes Service\'s', async () => {
    const { alloc } = await setup('10.0.0.0/24');
    assert.equal(alloc.firstIP(), '10.0.0.1');
  });

  it('allocates the two usable addresses, then the range is full', async () => {
    const { hooks } = await setup();
    const a = svc(), b = svc(), c = svc();
    await hooks.beforeCreate!(a, ctx);
    await hooks.beforeCreate!(b, ctx);
    const ips = [spec(a).clusterIP, spec(b).clusterIP].sort();
    assert.deepEqual(ips, ['10.0.0.1', '10.0.0.2']);
    assert.deepEqual(spec(a).clusterIPs, [spec(a).clusterIP]);
    assert.deepEqual(spec(a).ipFamilies, ['IPv4']);
    assert.equal(spec(a).ipFamilyPolicy, 'SingleStack');
    assert.equal(spec(a).type, 'ClusterIP');
    await assert.rejects(hooks.beforeCreate!(c, ctx), rangeFull('serviceIP'));
  });

  it('never hands out the network or broadcast address', async () => {
    const { hooks } = await setup('10.0.0.4/30');
    const got: string[] = [];
    for (let i = 0; i < 2; i++) { const s = svc(); await hooks.beforeCreate!(s, ctx); got.push(spec(s).clusterIP!); }
    assert.deepEqual(got.sort(), ['10.0.0.5', '10.0.0.6']);
  });

  it('a specific free IP is allocated; the same IP again is "already allocated"', async () => {
    const { hooks } = await setup();
    const a = svc({ clusterIP: '10.0.0.2' });
    await hooks.beforeCreate!(a, ctx);
    assert.equal(spec(a).clusterIP, '10.0.0.2');
    assert.deepEqual(spec(a).clusterIPs, ['10.0.0.2']);
    // storage/alloc.go: field.Invalid(spec.clusterIPs, service.Spec.ClusterIPs, "failed to allocate IP %v: %v")
    await assert.rejects(hooks.beforeCreate!(svc({ clusterIP: '10.0.0.2' }), ctx),
      invalidService('spec.clusterIPs: Invalid value: []string{"10.0.0.2"}: failed to allocate IP 10.0.0.2: provided IP is already allocated'));
    await assert.rejects(hooks.beforeCreate!(svc({ clusterIPs: ['10.0.0.2'] }), ctx), invalidService('provided IP is already allocated'));
  });

  it('an IP outside the range gives upstream\'s ErrNotInRange text', async () => {
    const { hooks } = await setup();
    for (const ip of ['10.0.0.0', '10.0.0.3', '10.0.1.1', '192.168.0.1']) {
      await assert.rejects(hooks.beforeCreate!(svc({ clusterIP: ip }), ctx), invalidService(
        `spec.clusterIPs: Invalid value: []string{"${ip}"}: failed to allocate IP ${ip}: the provided IP (${ip}) is not in the valid range. The range of valid IPs is 10.0.0.0/30`));
    }
    // nothing was taken by the refusals
    for (let i = 0; i < 2; i++) await hooks.beforeCreate!(svc(), ctx);
  });

  it('headless (clusterIP: None) and ExternalName services take no IP', async () => {
    const { hooks } = await setup();
    const headless = svc({ clusterIP: 'None' });
    await hooks.beforeCreate!(headless, ctx);
    assert.equal(spec(headless).clusterIP, 'None');
    assert.deepEqual(spec(headless).clusterIPs, ['None']);
    const ext = svc({ type: 'ExternalName', externalName: 'example.com' });
    await hooks.beforeCreate!(ext, ctx);
    assert.equal(spec(ext).clusterIP, undefined);
    // both addresses are still free
    for (let i = 0; i < 2; i++) await hooks.beforeCreate!(svc(), ctx);
  });

  it('the undo returned by beforeCreate releases what was allocated (a failed write)', async () => {
    const { hooks } = await setup();
    const a = svc({ type: 'NodePort' });
    const undo = await hooks.beforeCreate!(a, ctx);
    assert.ok(undo);
    await undo!();
    const again = svc({ clusterIP: spec(a).clusterIP, type: 'NodePort', ports: [{ port: 80, nodePort: spec(a).ports[0].nodePort }] });
    await hooks.beforeCreate!(again, ctx);
    assert.equal(spec(again).clusterIP, spec(a).clusterIP);
  });

  it('afterDelete releases the IP and the NodePorts', async () => {
    const { hooks } = await setup();
    const a = svc({ type: 'NodePort' });
    const b = svc();
    await hooks.beforeCreate!(a, ctx);
    await hooks.beforeCreate!(b, ctx);
    await assert.rejects(hooks.beforeCreate!(svc(), ctx), rangeFull('serviceIP'));
    await hooks.afterDelete!(a);
    const c = svc({ type: 'NodePort', ports: [{ port: 80, nodePort: spec(a).ports[0].nodePort }] });
    await hooks.beforeCreate!(c, ctx);
    assert.equal(spec(c).clusterIP, spec(a).clusterIP);
    assert.equal(spec(c).ports[0].nodePort, spec(a).ports[0].nodePort);
  });

  it('concurrent creates never get the same IP', async () => {
    const { hooks } = await setup('10.0.0.0/26');
    const services = Array.from({ length: 62 }, () => svc());
    const results = await Promise.allSettled(services.map((s) => hooks.beforeCreate!(s, ctx)));
    assert.ok(results.every((r) => r.status === 'fulfilled'), JSON.stringify(results.filter((r) => r.status === 'rejected')));
    const ips = services.map((s) => spec(s).clusterIP);
    assert.equal(new Set(ips).size, 62);
    await assert.rejects(hooks.beforeCreate!(svc(), ctx), rangeFull('serviceIP'));
  });

  it('concurrent requests for one specific IP: exactly one wins', async () => {
    const { hooks } = await setup('10.0.0.0/28');
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => hooks.beforeCreate!(svc({ clusterIP: '10.0.0.9' }), ctx)));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results) if (r.status === 'rejected') invalidService('provided IP is already allocated')(r.reason);
  });
});

describe('ServiceAllocators: NodePorts', t, () => {
  it('NodePort and LoadBalancer services get a port per service port from the range', async () => {
    const { hooks } = await setup('10.0.0.0/24', '30000-30009');
    const a = svc({ type: 'NodePort', ports: [{ port: 80 }, { port: 443 }] });
    await hooks.beforeCreate!(a, ctx);
    const ports = spec(a).ports.map((p) => p.nodePort!);
    assert.equal(new Set(ports).size, 2);
    for (const p of ports) assert.ok(p >= 30000 && p <= 30009, String(p));
    const lb = svc({ type: 'LoadBalancer' });
    await hooks.beforeCreate!(lb, ctx);
    assert.ok(spec(lb).ports[0].nodePort! >= 30000);
  });

  it('ClusterIP services get no NodePort', async () => {
    const { hooks } = await setup();
    const a = svc();
    await hooks.beforeCreate!(a, ctx);
    assert.equal(spec(a).ports[0].nodePort, undefined);
  });

  it('a specific port: allocated once, then "provided port is already allocated"', async () => {
    const { hooks } = await setup('10.0.0.0/24');
    const a = svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30001 }] });
    await hooks.beforeCreate!(a, ctx);
    assert.equal(spec(a).ports[0].nodePort, 30001);
    await assert.rejects(hooks.beforeCreate!(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30001 }] }), ctx),
      invalidService('Service "', 'spec.ports[0].nodePort: Invalid value: 30001: provided port is already allocated'));
  });

  it('a port outside the range gives upstream\'s text and allocates nothing', async () => {
    const { hooks } = await setup('10.0.0.0/24');
    for (const port of [29999, 30003, 80]) {
      await assert.rejects(hooks.beforeCreate!(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: port }] }), ctx),
        invalidService(`spec.ports[0].nodePort: Invalid value: ${port}: provided port is not in the valid range. The range of valid ports is 30000-30002`));
    }
    for (let i = 0; i < 3; i++) await hooks.beforeCreate!(svc({ type: 'NodePort' }), ctx);
  });

  it('the NodePort range fills up: 500 "failed to allocate a nodePort: range is full"', async () => {
    const { hooks } = await setup('10.0.0.0/24');
    await hooks.beforeCreate!(svc({ type: 'NodePort', ports: [{ port: 1 }, { port: 2 }, { port: 3 }] }), ctx);
    await assert.rejects(hooks.beforeCreate!(svc({ type: 'NodePort' }), ctx), rangeFull('nodePort'));
  });

  it('a failed create gives back the IP it had allocated', async () => {
    const { hooks } = await setup();
    await hooks.beforeCreate!(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30000 }] }), ctx);
    // one IP left; this create takes it, then fails on the taken port: the IP must come back
    await assert.rejects(hooks.beforeCreate!(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30000 }] }), ctx), invalidService('provided port is already allocated'));
    const last = svc();
    await hooks.beforeCreate!(last, ctx);
    assert.ok(spec(last).clusterIP);
  });

  it('two ports of one service asking for the same NodePort: the second is refused', async () => {
    const { hooks } = await setup('10.0.0.0/24');
    await assert.rejects(hooks.beforeCreate!(svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30002 }, { port: 81, nodePort: 30002 }] }), ctx),
      invalidService('spec.ports[1].nodePort'));
  });

  it('concurrent NodePort services never share a port', async () => {
    const { hooks } = await setup('10.0.0.0/24', '30000-30019');
    const services = Array.from({ length: 20 }, () => svc({ type: 'NodePort' }));
    await Promise.all(services.map((s) => hooks.beforeCreate!(s, ctx)));
    assert.equal(new Set(services.map((s) => spec(s).ports[0].nodePort)).size, 20);
  });
});

describe('ServiceAllocators: updates', t, () => {
  it('an update without the allocated values keeps them (patchAllocatedValues)', async () => {
    const { hooks } = await setup('10.0.0.0/24');
    const old = svc({ type: 'NodePort' });
    await hooks.beforeCreate!(old, ctx);
    const next = { ...old, spec: { type: 'NodePort', ports: [{ port: 80 }] } } as KubeObject;
    await hooks.beforeUpdate!(next, old, ctx);
    assert.equal(spec(next).clusterIP, spec(old).clusterIP);
    assert.deepEqual(spec(next).clusterIPs, spec(old).clusterIPs);
    assert.equal(spec(next).ports[0].nodePort, spec(old).ports[0].nodePort);
  });

  it('clusterIP may not change once set', async () => {
    const { hooks } = await setup('10.0.0.0/24');
    const old = svc();
    await hooks.beforeCreate!(old, ctx);
    const other = spec(old).clusterIP === '10.0.0.5' ? '10.0.0.6' : '10.0.0.5';
    const next = { ...old, spec: { ...spec(old), clusterIP: other, clusterIPs: [other] } } as KubeObject;
    await assert.rejects(hooks.beforeUpdate!(next, old, ctx), invalidService('may not change once set'));
  });

  it('NodePort -> ClusterIP drops and releases the NodePorts', async () => {
    const { hooks } = await setup('10.0.0.0/24', '30000-30000');
    const old = svc({ type: 'NodePort' });
    await hooks.beforeCreate!(old, ctx);
    assert.equal(spec(old).ports[0].nodePort, 30000);
    const next = { ...old, spec: { ...spec(old), type: 'ClusterIP', ports: [{ port: 80, nodePort: 30000 }] } } as KubeObject;
    await hooks.beforeUpdate!(next, old, ctx);
    assert.equal(spec(next).ports[0].nodePort, undefined);
    const again = svc({ type: 'NodePort' });
    await hooks.beforeCreate!(again, ctx);
    assert.equal(spec(again).ports[0].nodePort, 30000);
  });

  it('ClusterIP -> NodePort allocates ports; a taken port is refused', async () => {
    const { hooks } = await setup('10.0.0.0/24');
    const holder = svc({ type: 'NodePort', ports: [{ port: 80, nodePort: 30001 }] });
    await hooks.beforeCreate!(holder, ctx);
    const old = svc();
    await hooks.beforeCreate!(old, ctx);
    const ok = { ...old, spec: { ...spec(old), type: 'NodePort', ports: [{ port: 80 }] } } as KubeObject;
    await hooks.beforeUpdate!(ok, old, ctx);
    assert.ok([30000, 30002].includes(spec(ok).ports[0].nodePort!));
    const taken = { ...old, spec: { ...spec(old), type: 'NodePort', ports: [{ port: 80, nodePort: 30001 }] } } as KubeObject;
    await assert.rejects(hooks.beforeUpdate!(taken, old, ctx), invalidService('provided port is already allocated'));
  });
});
