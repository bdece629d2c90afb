/** The packed batches between the etcd client and its worker thread. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MessageChannel } from 'node:worker_threads';
import { BatchBuilder, forEachEntry, type Batch } from '../../../src/storage/etcd/worker-batch.js';

const entries = (b: Batch, width: number) => {
  const out: Array<[number[], string]> = [];
  forEachEntry(b, width, (nums, bytes) => out.push([[...nums], bytes.toString()]));
  return out;
};

describe('worker batches', () => {
  it('gives back every entry in order, empty byte strings and big numbers included', () => {
    const b = new BatchBuilder(3);
    b.add([1, 0, Date.now() + 5_000], Buffer.from('first'));
    b.add([2, 1, 2 ** 52], Buffer.alloc(0));
    b.add([3, 2, -1], Buffer.from('third'));
    assert.equal(b.length, 3);
    const { batch, transfer } = b.take();
    assert.equal(b.length, 0, 'take() empties the builder');
    assert.equal(transfer.length, 2);
    const got = entries(batch, 3);
    assert.deepEqual(got.map(([, s]) => s), ['first', '', 'third']);
    assert.deepEqual(got.map(([n]) => n.slice(0, 2)), [[1, 0], [2, 1], [3, 2]]);
    assert.equal(got[1][0][2], 2 ** 52);
    assert.equal(got[2][0][2], -1);
  });

  it('survives a postMessage that transfers its buffers', async () => {
    const b = new BatchBuilder(1);
    const parts = ['a', 'bb', 'ccc'];
    parts.forEach((p, i) => b.add([i], Buffer.from(p)));
    const { batch, transfer } = b.take();
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<Batch>((resolve) => port2.once('message', resolve));
    port1.postMessage(batch, transfer);
    const got = await received;
    port1.close();
    assert.equal(batch.bytes.byteLength, 0, 'the sender no longer holds the bytes');
    assert.deepEqual(entries(got, 1), parts.map((p, i) => [[i], p]));
  });

  it('refuses an entry with the wrong count of numbers', () => {
    assert.throws(() => new BatchBuilder(2).add([1], Buffer.from('x')), /1 numbers, want 2/);
  });
});
