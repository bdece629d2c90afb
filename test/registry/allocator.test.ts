/**
 * RangeAllocator over a real SqliteStorage (a temp dir): specific and random offsets, taken,
 * out of range, full, release, persistence across reopen, and concurrent allocations that must
 * never hand out one offset twice (the compare-and-swap through guaranteedUpdate).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RangeAllocator } from '../../src/registry/allocator.js';
import type { SqliteStorage } from '../../src/storage/sqlite/sqlite-storage.js';
import { tempStorages } from './temp-storage.js';

const t = { timeout: 30_000 };
const { freshDir, open } = tempStorages('kubets-alloc-');

let seq = 0;
async function allocator(size: number, storage?: SqliteStorage, rangeName = `range-${size}`) {
  const s = storage ?? await open();
  return { storage: s, alloc: new RangeAllocator(s, `/registry/ranges/test-${seq++}`, rangeName, size) };
}

describe('RangeAllocator', t, () => {
  it('allocates a specific free offset, then reports it taken', async () => {
    const { alloc } = await allocator(10);
    assert.deepEqual(await alloc.allocate(3), { ok: true, offset: 3 });
    assert.deepEqual(await alloc.allocate(3), { ok: false, reason: 'taken' });
    assert.deepEqual(await alloc.allocate(4), { ok: true, offset: 4 });
  });

  it('allocates the first and last offsets of the range', async () => {
    const { alloc } = await allocator(9);
    assert.deepEqual(await alloc.allocate(0), { ok: true, offset: 0 });
    assert.deepEqual(await alloc.allocate(8), { ok: true, offset: 8 });
  });

  it('random allocation returns distinct in-range offsets until the range is full', async () => {
    const { alloc } = await allocator(20);
    const seen = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const r = await alloc.allocate();
      assert.equal(r.ok, true, `allocation ${i} failed`);
      if (r.ok) {
        assert.ok(r.offset >= 0 && r.offset < 20, `offset ${r.offset} out of range`);
        assert.ok(!seen.has(r.offset), `offset ${r.offset} handed out twice`);
        seen.add(r.offset);
      }
    }
    assert.deepEqual(await alloc.allocate(), { ok: false, reason: 'full' });
    assert.deepEqual(await alloc.allocate(5), { ok: false, reason: 'taken' });
  });

  it('random allocation skips offsets taken specifically', async () => {
    const { alloc } = await allocator(4);
    await alloc.allocate(0);
    await alloc.allocate(2);
    const got = new Set<number>();
    for (let i = 0; i < 2; i++) { const r = await alloc.allocate(); assert.ok(r.ok); if (r.ok) got.add(r.offset); }
    assert.deepEqual([...got].sort(), [1, 3]);
    assert.equal((await alloc.allocate()).ok, false);
  });

  it('random allocation does not always start at the same offset', async () => {
    const firsts = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const { alloc } = await allocator(1000);
      const r = await alloc.allocate();
      if (r.ok) firsts.add(r.offset);
    }
    assert.ok(firsts.size > 1, 'every fresh range handed out the same first offset');
  });

  it('an offset outside the range is never allocated', async () => {
    const { alloc } = await allocator(8);
    for (const off of [8, 9, 100, -1, -8]) {
      const r = await alloc.allocate(off);
      assert.equal(r.ok, false, `offset ${off} of a range of 8 was allocated`);
    }
    // and it did not eat into the real range
    for (let i = 0; i < 8; i++) assert.equal((await alloc.allocate()).ok, true);
  });

  it('release frees an offset for reuse; releasing twice or out of range is harmless', async () => {
    const { alloc } = await allocator(2);
    await alloc.allocate(0);
    await alloc.allocate(1);
    assert.equal((await alloc.allocate()).ok, false);
    await alloc.release(1);
    await alloc.release(1);
    await alloc.release(-1);
    await alloc.release(99);
    assert.deepEqual(await alloc.allocate(), { ok: true, offset: 1 });
    assert.equal((await alloc.allocate()).ok, false);
  });

  it('a range of size 1 works', async () => {
    const { alloc } = await allocator(1);
    assert.deepEqual(await alloc.allocate(), { ok: true, offset: 0 });
    assert.deepEqual(await alloc.allocate(), { ok: false, reason: 'full' });
    await alloc.release(0);
    assert.deepEqual(await alloc.allocate(0), { ok: true, offset: 0 });
  });

  it('sizes that are not a multiple of 8 never hand out the padding bits', async () => {
    const { alloc } = await allocator(11);
    for (let i = 0; i < 11; i++) {
      const r = await alloc.allocate();
      assert.ok(r.ok && r.offset < 11, JSON.stringify(r));
    }
    assert.equal((await alloc.allocate()).ok, false);
  });

  it('the state is stored: a second allocator on the same key sees it, and so does a reopened database', async () => {
    const dir = freshDir();
    const s1 = await open(dir);
    const a1 = new RangeAllocator(s1, '/registry/ranges/persist', 'r', 16);
    await a1.allocate(5);
    const a2 = new RangeAllocator(s1, '/registry/ranges/persist', 'r', 16);
    assert.deepEqual(await a2.allocate(5), { ok: false, reason: 'taken' });
    await s1.close();
    const s2 = await open(dir);
    const a3 = new RangeAllocator(s2, '/registry/ranges/persist', 'r', 16);
    assert.deepEqual(await a3.allocate(5), { ok: false, reason: 'taken' });
    const obj = await s2.get('/registry/ranges/persist');
    assert.equal(obj.kind, 'RangeAllocation');
    assert.equal(obj.range, 'r');
  });

  it('a changed range name starts from a fresh bitmap', async () => {
    const s = await open();
    const a1 = new RangeAllocator(s, '/registry/ranges/renamed', '10.0.0.0/24', 16);
    await a1.allocate(1);
    const a2 = new RangeAllocator(s, '/registry/ranges/renamed', '10.1.0.0/24', 16);
    assert.deepEqual(await a2.allocate(1), { ok: true, offset: 1 });
  });

  it('concurrent random allocations never hand out one offset twice', async () => {
    const { alloc } = await allocator(64);
    const results = await Promise.all(Array.from({ length: 64 }, () => alloc.allocate()));
    const offsets = results.map((r) => (r.ok ? r.offset : -1));
    assert.ok(offsets.every((o) => o >= 0), `some allocations failed: ${JSON.stringify(results.filter((r) => !r.ok))}`);
    assert.equal(new Set(offsets).size, 64);
  });

  it('concurrent allocations past the size: exactly size succeed, the rest are full', async () => {
    const { alloc } = await allocator(16);
    const results = await Promise.all(Array.from({ length: 40 }, () => alloc.allocate()));
    const ok = results.filter((r) => r.ok);
    assert.equal(ok.length, 16);
    assert.equal(new Set(ok.map((r) => (r.ok ? r.offset : -1))).size, 16);
    assert.ok(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === 'full'));
  });

  it('concurrent requests for the same specific offset: exactly one wins', async () => {
    const { alloc } = await allocator(8);
    const results = await Promise.all(Array.from({ length: 10 }, () => alloc.allocate(7)));
    assert.equal(results.filter((r) => r.ok).length, 1);
    assert.equal(results.filter((r) => !r.ok && r.reason === 'taken').length, 9);
  });

  it('two allocators over one storage (two API servers) never duplicate', async () => {
    const s = await open();
    const a = new RangeAllocator(s, '/registry/ranges/shared', 'r', 32);
    const b = new RangeAllocator(s, '/registry/ranges/shared', 'r', 32);
    const results = await Promise.all(Array.from({ length: 32 }, (_, i) => (i % 2 ? a : b).allocate()));
    const offsets = results.map((r) => (r.ok ? r.offset : -1));
    assert.ok(offsets.every((o) => o >= 0));
    assert.equal(new Set(offsets).size, 32);
  });

  it('concurrent allocate and release keep the bitmap consistent', async () => {
    const { alloc } = await allocator(8);
    for (let i = 0; i < 8; i++) await alloc.allocate(i);
    await Promise.all([0, 2, 4, 6].map((o) => alloc.release(o)));
    const again = await Promise.all(Array.from({ length: 6 }, () => alloc.allocate()));
    const ok = again.filter((r) => r.ok).map((r) => (r.ok ? r.offset : -1)).sort();
    assert.deepEqual(ok, [0, 2, 4, 6]);
  });
});
