/**
 * EtcdRpc against a real etcd: calls made together travel through the worker thread and each
 * comes back to its own caller; big answers arrive whole; a member that cannot be reached fails
 * calls at once and the next call goes to another member; a worker thread that dies fails its
 * calls and the next call starts a new one; a closed client refuses calls.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Worker } from 'node:worker_threads';
import { EtcdRpc, isRecoverable, type RpcError } from '../../../src/storage/etcd/rpc.js';
import { freePort, startEtcd, type EtcdProcess } from '../etcd-process.js';

const t = { timeout: 30_000 };
const put = (key: string, value: string | Buffer) => ({ compare: [], success: [{ request_put: { key: Buffer.from(key), value: Buffer.from(value) } }] });
const isGrpcCode = (code: number) => (e: unknown) => (e as RpcError).code === code;

describe('EtcdRpc', () => {
  let etcd: EtcdProcess | undefined;
  const clients: EtcdRpc[] = [];
  const client = (endpoints: string[], timeoutMs = 5_000) => {
    const c = new EtcdRpc({ endpoints, timeoutMs });
    clients.push(c);
    return c;
  };
  before(async () => { etcd = await startEtcd(); }, t);
  after(async () => {
    for (const c of clients) c.close();
    await etcd?.stop();
  }, t);

  it('answers each of many concurrent calls with its own response', t, async () => {
    const rpc = client([etcd!.url]);
    const writes = await Promise.all(Array.from({ length: 500 }, (_, i) => rpc.txn(put(`/rpc/many/${i}`, `v${i}`))));
    const revisions = writes.map((w) => w.header.revision);
    assert.equal(new Set(revisions).size, 500, 'every write has its own revision');
    const reads = await Promise.all(Array.from({ length: 500 }, (_, i) => rpc.range({ key: Buffer.from(`/rpc/many/${i}`) })));
    reads.forEach((r, i) => {
      assert.equal(r.kvs[0].value.toString(), `v${i}`);
      assert.equal(r.kvs[0].mod_revision, revisions[i]);
    });
  });

  it('receives answers larger than gRPC\'s default 4 MiB limit', t, async () => {
    const rpc = client([etcd!.url]);
    const value = Buffer.alloc(100_000, 'x');
    await Promise.all(Array.from({ length: 60 }, (_, i) => rpc.txn(put(`/rpc/big/${String(i).padStart(2, '0')}`, value))));
    const r = await rpc.range({ key: Buffer.from('/rpc/big/'), range_end: Buffer.from('/rpc/big0') });
    assert.equal(r.kvs.length, 60);
    assert.ok(r.kvs.every((kv) => kv.value.equals(value)));
  });

  it('fails a call to an unreachable member at once, and sends the next call to another member', t, async () => {
    const dead = `http://127.0.0.1:${await freePort()}`;
    const rpc = client([dead, etcd!.url], 3_000);
    const started = Date.now();
    await assert.rejects(rpc.range({ key: Buffer.from('/rpc/x') }), (e: unknown) => isGrpcCode(14)(e) && isRecoverable(e));
    assert.ok(Date.now() - started < 2_000, `took ${Date.now() - started} ms`);
    const r = await rpc.range({ key: Buffer.from('/rpc/x'), count_only: true });
    assert.ok(r.header.revision > 0);
  });

  it('fails the calls of a worker thread that died, and starts a new one for the next call', t, async () => {
    const rpc = client([etcd!.url]);
    await rpc.txn(put('/rpc/w', '1'));
    const worker = (rpc as unknown as { worker: Worker }).worker;
    const pending = rpc.txn(put('/rpc/w', '2')); // posted on the next turn, after terminate()
    await worker.terminate();
    await assert.rejects(pending, (e: unknown) => isGrpcCode(14)(e) && /thread stopped/.test((e as Error).message));
    const r = await rpc.range({ key: Buffer.from('/rpc/w') });
    assert.ok(['1', '2'].includes(r.kvs[0].value.toString()));
  });

  it('refuses calls once closed, and fails the ones in flight', t, async () => {
    const rpc = client([etcd!.url]);
    const inFlight = rpc.range({ key: Buffer.from('/rpc/c') });
    rpc.close();
    await assert.rejects(inFlight, /closed/);
    await assert.rejects(rpc.range({ key: Buffer.from('/rpc/c') }), /closed/);
    assert.throws(() => rpc.watch(), /closed/);
  });
});
