/**
 * SqliteStorage: the shared contract, then what only a file-backed store has: durability across
 * reopen, a kill -9 in the middle of writing, the watch buffer bound and chunked compaction.
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeObject } from '../../src/apis/meta/types.js';
import { runStorageContract } from '../../src/storage/contract.js';
import { StorageError, type WatchEvent } from '../../src/storage/storage.js';
import { openSqliteStorage } from '../../src/storage/sqlite/sqlite-storage.js';

const dirs: string[] = [];
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

/** A database path in a fresh temp dir, nested to check that open creates directories. */
function freshPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubets-sqlite-'));
  dirs.push(dir);
  return join(dir, 'data', 'nested', 'kubets.db');
}

const t = { timeout: 30_000 };

runStorageContract('sqlite', () => openSqliteStorage({ path: freshPath() }));
runStorageContract('sqlite synchronous=NORMAL', () => openSqliteStorage({ path: freshPath(), synchronous: 'NORMAL' }));

function cm(name: string, data: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'ns' }, data };
}
const key = (name: string) => `/registry/configmaps/ns/${name}`;
const isCode = (code: string) => (e: unknown) => e instanceof StorageError && e.code === code;

async function take(events: AsyncIterable<WatchEvent>, n: number): Promise<WatchEvent[]> {
  const out: WatchEvent[] = [];
  for await (const ev of events) if (out.push(ev) === n) break;
  return out;
}

describe('SqliteStorage on disk', () => {
  it('keeps data, history, the revision and the compacted revision across close and reopen', t, async () => {
    const path = freshPath();
    let s = await openSqliteStorage({ path });
    await s.create(key('a'), cm('a', { v: '1' }));
    await s.guaranteedUpdate(key('a'), undefined, (cur) => ({ ...cur, data: { v: '2' } }));
    const compacted = await s.currentRevision();
    await s.create(key('b'), cm('b'));
    await s.delete(key('b'));
    await s.compact(await s.currentRevision());     // drops the newest row (b's delete) too
    const rev = await s.currentRevision();
    await s.close();
    await s.close();                                 // idempotent

    s = await openSqliteStorage({ path });
    try {
      assert.equal(await s.currentRevision(), rev);
      assert.deepEqual((await s.get(key('a'))).data, { v: '2' });
      const created = await s.create(key('c'), cm('c'));
      assert.equal(created.metadata.resourceVersion, String(rev + 1), 'a revision is never reused');
      await assert.rejects(s.list('/registry/configmaps/', { resourceVersion: String(compacted), resourceVersionMatch: 'Exact' }), isCode('Expired'));
      const ac = new AbortController();
      const [ev] = await take(s.watch('/registry/configmaps/', { resourceVersion: String(rev) }, ac.signal), 1);
      ac.abort();
      assert.deepEqual([ev.type, ev.revision], ['ADDED', rev + 1]);
    } finally { await s.close(); }
  });

  it('a create refused as existing inside a group commit leaves the rest of the batch whole', t, async () => {
    const path = freshPath();
    let s = await openSqliteStorage({ path });
    await s.create(key('a'), cm('a', { v: 'old' }));
    // One turn of the event loop: one transaction, with a refused write between two good ones.
    const results = await Promise.allSettled([
      s.create(key('b'), cm('b')), s.create(key('a'), cm('a', { v: 'new' })), s.create(key('c'), cm('c')),
    ]);
    assert.equal(results[0].status, 'fulfilled');
    assert.ok(results[1].status === 'rejected' && isCode('KeyExists')(results[1].reason));
    assert.equal(results[2].status, 'fulfilled');
    assert.equal(await s.currentRevision(), 3, 'the refused create takes no revision');
    await s.close();

    s = await openSqliteStorage({ path });
    try {
      assert.deepEqual((await s.get(key('a'))).data, { v: 'old' });
      assert.equal((await s.get(key('b'))).metadata.resourceVersion, '2');
      assert.equal((await s.get(key('c'))).metadata.resourceVersion, '3');
      // The log holds the acknowledged writes and nothing of the refused one.
      const stop = new AbortController();
      const seen = await take(s.watch('/registry/configmaps/ns/', { resourceVersion: '1' }, stop.signal), 2);
      stop.abort();
      assert.deepEqual(seen.map((e) => (e.type === 'BOOKMARK' ? 'BOOKMARK' : `${e.type} ${e.object.metadata.name} ${e.revision} ${JSON.stringify(e.object.data)}`)),
        ['ADDED b 2 {}', 'ADDED c 3 {}']);
      const atOne = await s.list('/registry/configmaps/ns/', { resourceVersion: '1', resourceVersionMatch: 'Exact' });
      assert.deepEqual(atOne.items.map((o) => `${o.metadata.name} ${JSON.stringify(o.data)}`), ['a {"v":"old"}']);
    } finally {
      await s.close();
    }
  });

  it('refuses a second opener of the same file while the first holds it', t, async () => {
    const path = freshPath();
    const s = await openSqliteStorage({ path });
    try {
      await assert.rejects(openSqliteStorage({ path }), /in use by another process/);
      await s.create(key('a'), cm('a'));
    } finally { await s.close(); }
    await (await openSqliteStorage({ path })).close();
  });

  it('close ends open watches, and later calls throw Unavailable', t, async () => {
    const s = await openSqliteStorage({ path: freshPath() });
    const it = s.watch('/registry/configmaps/', {}, new AbortController().signal)[Symbol.asyncIterator]();
    const pending = it.next();
    await s.close();
    assert.equal((await pending).done, true);
    await assert.rejects(s.get(key('a')), isCode('Unavailable'));
  });

  it('a watcher past its buffer bound falls back to the log and misses nothing', t, async () => {
    const s = await openSqliteStorage({ path: freshPath(), maxWatchBuffer: 5 });
    try {
      const ac = new AbortController();
      const events = s.watch('/registry/configmaps/', {}, ac.signal);
      for (let i = 0; i < 50; i++) await s.create(key(`o${i}`), cm(`o${i}`));
      const got = await take(events, 50);
      ac.abort();
      assert.deepEqual(got.map((e) => e.revision), Array.from({ length: 50 }, (_, i) => i + 1));
    } finally { await s.close(); }
  });

  it('a watcher that falls behind past a compaction ends with Expired', t, async () => {
    const s = await openSqliteStorage({ path: freshPath(), maxWatchBuffer: 5 });
    try {
      const ac = new AbortController();
      const events = s.watch('/registry/configmaps/', {}, ac.signal);
      for (let i = 0; i < 20; i++) await s.create(key(`o${i}`), cm(`o${i}`));
      await s.compact(10);
      await assert.rejects(take(events, 20), isCode('Expired'));
      ac.abort();
    } finally { await s.close(); }
  });

  it('compacts a long history in chunks and keeps the current state and later history', t, async () => {
    const s = await openSqliteStorage({ path: freshPath(), synchronous: 'NORMAL' });
    try {
      await s.create(key('hot'), cm('hot', { n: '0' }));
      for (let i = 1; i <= 12_000; i++) await s.guaranteedUpdate(key('hot'), undefined, (cur) => ({ ...cur, data: { n: String(i) } }));
      await s.create(key('cold'), cm('cold'));
      const rev = await s.currentRevision();
      await s.compact(rev - 1);
      const at = await s.list('/registry/configmaps/', { resourceVersion: String(rev - 1), resourceVersionMatch: 'Exact' });
      assert.deepEqual(at.items.map((o) => o.metadata.name), ['hot']);
      assert.deepEqual(at.items[0].data, { n: '12000' });
      const ac = new AbortController();
      const [ev] = await take(s.watch('/registry/configmaps/', { resourceVersion: String(rev - 1) }, ac.signal), 1);
      ac.abort();
      assert.deepEqual([ev.type, ev.revision], ['ADDED', rev]);
    } finally { await s.close(); }
  });

  for (const synchronous of ['FULL', 'NORMAL'] as const) {
    it(`keeps every acknowledged write when the writer is killed with SIGKILL (synchronous=${synchronous})`, t, async () => {
      const path = freshPath();
      const acked = await writeUntilKilled(path, synchronous, 300);
      assert.ok(acked >= 300);
      const s = await openSqliteStorage({ path });
      try {
        const names = new Set((await s.list('/registry/configmaps/crash/', {})).items.map((o) => o.metadata.name));
        for (let i = 0; i < acked; i++) assert.ok(names.has(`o${i}`), `acknowledged write o${i} is missing`);
        const counter = Number(((await s.get('/registry/counters/crash/n')).data as { n: string }).n);
        assert.ok(counter >= acked - 1, `counter ${counter} is behind acknowledged ${acked - 1}`);
        assert.ok((await s.currentRevision()) >= 2 * acked);
        await s.create('/registry/configmaps/crash/after', cm('after')); // still writable
      } finally { await s.close(); }
    });
  }
});

/**
 * Runs a child that creates o0, o1, ... and updates a counter, printing i once both are
 * acknowledged; kills it with SIGKILL after `atLeast` lines. Returns how many complete lines arrived.
 */
async function writeUntilKilled(path: string, synchronous: string, atLeast: number): Promise<number> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', childScript], {
    env: { ...process.env, MODULE_URL: new URL('../../src/storage/sqlite/sqlite-storage.js', import.meta.url).href, DB_PATH: path, SYNC: synchronous },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let text = '';
  return new Promise<number>((resolve, reject) => {
    const count = () => text.split('\n').length - 1; // complete lines only
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      text += chunk;
      if (count() >= atLeast && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own: code ${exitCode}`));
      else resolve(count());
    });
  });
}

const childScript = `
const { openSqliteStorage } = await import(process.env.MODULE_URL);
const s = await openSqliteStorage({ path: process.env.DB_PATH, synchronous: process.env.SYNC });
const counter = '/registry/counters/crash/n';
await s.create(counter, { metadata: { name: 'n' }, data: { n: '-1' } });
for (let i = 0; ; i++) {
  await s.create('/registry/configmaps/crash/o' + i, { metadata: { name: 'o' + i }, data: {} });
  await s.guaranteedUpdate(counter, undefined, (cur) => ({ ...cur, data: { n: String(i) } }));
  process.stdout.write(i + '\\n');
}
`;
