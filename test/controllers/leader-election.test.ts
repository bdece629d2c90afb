import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, ApiClientError } from '../../src/controllers/api-client.js';
import { LeaderElector } from '../../src/controllers/leader-election.js';
import type { KubeObject } from '../../src/apis/meta/types.js';

const quiet = { info() {}, error() {}, debug() {} };
const config = { namespace: 'kube-system', name: 'kube-controller-manager', leaseDurationMs: 300, renewDeadlineMs: 200, retryPeriodMs: 20 };

/** The Lease endpoints in memory, with resourceVersion conflicts; `down` makes every call fail. */
class FakeLeaseApi extends ApiClient {
  lease: KubeObject | undefined;
  rv = 0;
  down = false;
  constructor() { super('http://127.0.0.1:1'); }
  override async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    await new Promise((r) => setImmediate(r));
    if (this.down) throw new Error('connect ECONNREFUSED');
    if (!path.startsWith('/apis/coordination.k8s.io/v1/namespaces/kube-system/leases')) throw new ApiClientError(404, null);
    if (method === 'GET') {
      if (!this.lease) throw new ApiClientError(404, { message: 'not found' });
      return structuredClone(this.lease) as T;
    }
    const obj = structuredClone(body) as KubeObject;
    if (method === 'POST') {
      if (this.lease) throw new ApiClientError(409, { message: 'exists' });
    } else if (obj.metadata.resourceVersion !== this.lease?.metadata.resourceVersion) {
      throw new ApiClientError(409, { message: 'conflict' });
    }
    obj.metadata.resourceVersion = String(++this.rv);
    this.lease = obj;
    return structuredClone(obj) as T;
  }
}

function candidate(api: FakeLeaseApi, id: string) {
  const state = { leading: false, starts: 0 };
  const e = new LeaderElector(api, config, {
    onStartedLeading() { state.leading = true; state.starts++; },
    async onStoppedLeading() { state.leading = false; },
  }, quiet, id);
  return { e, state };
}

async function until(fn: () => boolean, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

test('one of two candidates leads; the other takes over when it stops, at once', async () => {
  const api = new FakeLeaseApi();
  const a = candidate(api, 'a');
  const b = candidate(api, 'b');
  a.e.start();
  b.e.start();
  await until(() => a.state.leading || b.state.leading);
  await new Promise((r) => setTimeout(r, 100));
  assert.notEqual(a.state.leading, b.state.leading, 'exactly one leads');
  const [leader, other] = a.state.leading ? [a, b] : [b, a];
  assert.equal((api.lease!.spec as { holderIdentity: string }).holderIdentity, leader.e.identity);
  const stoppedAt = Date.now();
  await leader.e.stop();
  assert.equal((api.lease!.spec as { holderIdentity: string }).holderIdentity, '', 'released');
  await until(() => other.state.leading);
  assert.ok(Date.now() - stoppedAt < config.leaseDurationMs, 'waited for a released lease');
  assert.equal((api.lease!.spec as { leaseTransitions: number }).leaseTransitions, 1);
  await other.e.stop();
});

test('a leader that cannot renew stops leading after the renew deadline, and leads again later', async () => {
  const api = new FakeLeaseApi();
  const a = candidate(api, 'a');
  a.e.start();
  await until(() => a.state.leading);
  api.down = true;
  const downAt = Date.now();
  await until(() => !a.state.leading);
  assert.ok(Date.now() - downAt >= config.renewDeadlineMs - config.retryPeriodMs, 'gave up before the renew deadline');
  api.down = false;
  await until(() => a.state.leading);
  assert.equal(a.state.starts, 2);
  await a.e.stop();
});

test('a dead holder\'s lease is taken only after the lease duration of the candidate\'s own clock', async () => {
  const api = new FakeLeaseApi();
  const now = new Date().toISOString();
  api.lease = { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: config.name, namespace: config.namespace, resourceVersion: '0' },
    spec: { holderIdentity: 'dead', leaseDurationSeconds: 1, acquireTime: now, renewTime: now, leaseTransitions: 3 } };
  const b = candidate(api, 'b');
  const started = Date.now();
  b.e.start();
  await until(() => b.state.leading, 5_000);
  assert.ok(Date.now() - started >= 1_000, `took over after ${Date.now() - started} ms`);
  assert.equal((api.lease.spec as { leaseTransitions: number }).leaseTransitions, 4);
  await b.e.stop();
});
