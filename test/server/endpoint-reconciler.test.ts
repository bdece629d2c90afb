import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRoutes } from '../../src/server/api-server.js';
import { endpointSubsets, LeaseEndpointReconciler } from '../../src/server/endpoint-reconciler.js';
import { parseCidr, parsePortRange, ServiceAllocators } from '../../src/registry/services.js';
import { ensureBootstrapObjects } from '../../src/server/bootstrap.js';
import { tempStorages } from '../registry/temp-storage.js';

const { open } = tempStorages('kubets-reconciler-');
const quiet = { info() {}, error() {}, debug() {} };

async function setup() {
  const storage = await open();
  const alloc = new ServiceAllocators(storage, parseCidr('10.0.0.0/24'), parsePortRange('30000-32767'));
  const stores = new Map([...buildRoutes(storage, alloc)].map(([k, r]) => [k, r.store]));
  await ensureBootstrapObjects(stores);
  let now = 1_000_000;
  const clock = { now: () => now, advance: (ms: number) => { now += ms; } };
  const reconciler = (ip: string, port = 6443) =>
    new LeaseEndpointReconciler({ storage, stores, ip, port, intervalMs: 10_000, ttlMs: 15_000, log: quiet, now: clock.now });
  const endpoints = async () => (await stores.get('/endpoints')!.get('default', 'kubernetes')).subsets;
  const slice = async () => (await stores.get('discovery.k8s.io/endpointslices')!.get('default', 'kubernetes'));
  return { reconciler, clock, endpoints, slice, storage };
}

test('endpointSubsets groups servers by port, addresses sorted', () => {
  assert.deepEqual(endpointSubsets([{ ip: '10.0.0.2', port: 6443 }, { ip: '10.0.0.1', port: 6443 }, { ip: '10.0.0.3', port: 443 }]), [
    { addresses: [{ ip: '10.0.0.3' }], ports: [{ name: 'https', port: 443, protocol: 'TCP' }] },
    { addresses: [{ ip: '10.0.0.1' }, { ip: '10.0.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] },
  ]);
  assert.deepEqual(endpointSubsets([]), []);
});

test('every live server is listed; a stopped one leaves at once; a silent one after the TTL', async () => {
  const { reconciler, clock, endpoints, slice } = await setup();
  const a = reconciler('10.0.0.1');
  const b = reconciler('10.0.0.2');
  await a.reconcile();
  await b.reconcile();
  await a.reconcile();
  assert.deepEqual(await endpoints(), endpointSubsets([{ ip: '10.0.0.1', port: 6443 }, { ip: '10.0.0.2', port: 6443 }]));
  assert.deepEqual(((await slice()).endpoints as Array<{ addresses: string[] }>).map((e) => e.addresses[0]), ['10.0.0.1', '10.0.0.2']);

  // b goes silent (no renewals): a keeps it until it has seen the record unchanged for the TTL.
  clock.advance(10_000);
  await a.reconcile();
  assert.equal(((await endpoints()) as unknown[]).length, 1);
  assert.equal((await endpoints() as Array<{ addresses: unknown[] }>)[0].addresses.length, 2, 'dropped before the TTL');
  clock.advance(6_000);
  await a.reconcile();
  assert.deepEqual(await endpoints(), endpointSubsets([{ ip: '10.0.0.1', port: 6443 }]));

  // b comes back, then stops gracefully: it is gone without waiting for anything.
  await b.reconcile();
  await a.reconcile();
  assert.equal((await endpoints() as Array<{ addresses: unknown[] }>)[0].addresses.length, 2);
  await b.stop();
  assert.deepEqual(await endpoints(), endpointSubsets([{ ip: '10.0.0.1', port: 6443 }]));
});

test('a renewal keeps a server listed however long it runs', async () => {
  const { reconciler, clock, endpoints } = await setup();
  const a = reconciler('10.0.0.1');
  const b = reconciler('10.0.0.2');
  for (let i = 0; i < 5; i++) {
    await a.reconcile();
    await b.reconcile();
    clock.advance(10_000);
  }
  await a.reconcile();
  assert.equal((await endpoints() as Array<{ addresses: unknown[] }>)[0].addresses.length, 2);
});
