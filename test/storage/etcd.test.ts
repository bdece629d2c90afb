/**
 * EtcdStorage: the shared contract against a real etcd (started on free loopback ports; each
 * storage under its own key prefix), then what only a networked, shared store has: failing fast
 * when etcd is gone or hung and recovering when it returns, several storages over one etcd, and
 * compaction seen by all of them.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Etcd3 } from 'etcd3';
import type { KubeObject } from '../../src/apis/meta/types.js';
import { runStorageContract } from '../../src/storage/contract.js';
import { StorageError, type Storage, type WatchEvent } from '../../src/storage/storage.js';
import { openEtcdStorage, progressIsOrdered, type EtcdStorageOptions } from '../../src/storage/etcd/etcd-storage.js';
import { freePort, requireEtcd, startEtcd, type EtcdProcess } from './etcd-process.js';

const t = { timeout: 30_000 };
const uniquePrefix = () => `/registry-${randomUUID().slice(0, 8)}`;
const isCode = (code: string) => (e: unknown) => e instanceof StorageError && e.code === code;

function cm(name: string, data: Record<string, string> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'ns', uid: `uid-${name}` }, data };
}
const key = (name: string) => `/registry/configmaps/ns/${name}`;

/** The next event, or a rejection after ms: every wait here is bounded. */
async function next(it: AsyncIterator<WatchEvent>, ms = 5_000): Promise<WatchEvent> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error('timed out waiting for a watch event')), ms); });
  try {
    const r = await Promise.race([it.next(), timeout]);
    if (r.done) throw new Error('watch ended early');
    return r.value;
  } finally { clearTimeout(timer); }
}

/** Retries fn until it resolves, for at most ms. */
async function eventually<T>(fn: () => Promise<T>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try { return await fn(); } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

// A failing test, not only cancelled ones, when the binary is missing: CI installs it.
it('etcd is installed', () => requireEtcd());

describe('EtcdStorage', () => {
  let etcd: EtcdProcess | undefined;
  const opened: Storage[] = [];
  before(async () => { etcd = await startEtcd(); }, t);
  after(async () => {
    for (const s of opened) await s.close();
    await etcd?.stop();
  }, t);
  const open = async (opts: Partial<EtcdStorageOptions> = {}) => {
    const s = await openEtcdStorage({ endpoints: [etcd!.url], prefix: uniquePrefix(), ...opts });
    opened.push(s);
    return s;
  };

  runStorageContract('etcd', () => openEtcdStorage({ endpoints: [etcd!.url], prefix: uniquePrefix() }));

  describe('over one etcd', () => {
    it('two storages see each other\'s writes and watch events with the same revisions', t, async () => {
      const prefix = uniquePrefix();
      const a = await open({ prefix });
      const b = await open({ prefix });
      const ac = new AbortController();
      const w = b.watch('/registry/configmaps/ns/', {}, ac.signal)[Symbol.asyncIterator]();
      try {
        const created = await a.create(key('shared'), cm('shared', { v: '1' }));
        const ev = await next(w);
        assert.deepEqual([ev.type, ev.revision, ev.type === 'ADDED' && ev.object], ['ADDED', Number(created.metadata.resourceVersion), created]);
        assert.deepEqual(await b.get(key('shared')), created);
        const updated = await b.guaranteedUpdate(key('shared'), undefined, (cur) => ({ ...cur, data: { v: '2' } }));
        await assert.rejects(a.guaranteedUpdate(key('shared'), { resourceVersion: created.metadata.resourceVersion }, (cur) => cur), isCode('Conflict'));
        const mod = await next(w);
        assert.ok(mod.type === 'MODIFIED');
        assert.deepEqual([mod.revision, mod.prevObject, mod.object], [Number(updated.metadata.resourceVersion), created, updated]);
        assert.equal(await a.currentRevision(), await b.currentRevision());
      } finally { ac.abort(); }
    });

    it('concurrent read-modify-writes through two storages all apply', t, async () => {
      const prefix = uniquePrefix();
      const [a, b] = [await open({ prefix }), await open({ prefix })];
      await a.create(key('counter'), cm('counter', { n: '0' }));
      const inc = (cur: KubeObject) => ({ ...cur, data: { n: String(Number((cur.data as { n: string }).n) + 1) } });
      await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).guaranteedUpdate(key('counter'), undefined, inc)));
      assert.deepEqual((await b.get(key('counter'))).data, { n: '20' });
    });

    it('compaction through one storage expires old revisions for another', t, async () => {
      const prefix = uniquePrefix();
      const [a, b] = [await open({ prefix }), await open({ prefix })];
      const idle = await open({ prefix }); // its last seen revision is about to be compacted away
      const old = Number((await a.create(key('c1'), cm('c1'))).metadata.resourceVersion);
      await a.create(key('c2'), cm('c2'));
      await a.guaranteedUpdate(key('c1'), undefined, (cur) => ({ ...cur, data: { v: '2' } }));
      await b.compact(await b.currentRevision());
      await assert.rejects(a.list('/registry/configmaps/', { resourceVersion: String(old), resourceVersionMatch: 'Exact' }), isCode('Expired'));
      const ac = new AbortController();
      try {
        await assert.rejects(next(a.watch('/registry/configmaps/', { resourceVersion: String(old) }, ac.signal)[Symbol.asyncIterator]()), isCode('Expired'));
        // A watch "from now" still works on a storage whose last seen revision was compacted.
        const w = idle.watch('/registry/configmaps/', {}, ac.signal)[Symbol.asyncIterator]();
        await new Promise((r) => setTimeout(r, 200)); // let the watch restart from etcd's now
        const made = await a.create(key('c3'), cm('c3'));
        const ev = await next(w);
        assert.deepEqual([ev.type, ev.revision], ['ADDED', Number(made.metadata.resourceVersion)]);
      } finally { ac.abort(); }
    });

    it('a watcher that stops reading past the pause mark still gets every event in order', t, async () => {
      const s = await open();
      const ac = new AbortController();
      const w = s.watch('/registry/configmaps/ns/', {}, ac.signal)[Symbol.asyncIterator]();
      try {
        const revs: number[] = [];
        for (let i = 0; i < 1_500; i += 50) {
          const made = await Promise.all(Array.from({ length: 50 }, (_, j) => s.create(key(`slow${i + j}`), cm(`slow${i + j}`))));
          revs.push(...made.map((o) => Number(o.metadata.resourceVersion)));
        }
        revs.sort((x, y) => x - y);
        for (const rev of revs) assert.equal((await next(w)).revision, rev);
      } finally { ac.abort(); }
    });

    it('keeps keys under the prefix, and objects without resourceVersion', t, async () => {
      const prefix = uniquePrefix();
      const s = await open({ prefix });
      const created = await s.create(key('raw'), { ...cm('raw'), metadata: { ...cm('raw').metadata, resourceVersion: '99' } });
      const raw = new Etcd3({ hosts: etcd!.url });
      try {
        const stored = JSON.parse((await raw.get(`${prefix}/configmaps/ns/raw`).string())!) as KubeObject;
        assert.deepEqual(stored, { ...created, metadata: { name: 'raw', namespace: 'ns', uid: 'uid-raw' } });
        assert.equal(await raw.get('/registry/configmaps/ns/raw').string(), null);
      } finally { raw.close(); }
    });
  });

  it('fails fast with Unavailable when etcd is unreachable, and watches end with it', t, async () => {
    const s = await open({ endpoints: [`http://127.0.0.1:${await freePort()}`], requestTimeoutMs: 2_000 });
    const started = Date.now();
    const calls: Array<() => Promise<unknown>> = [
      () => s.get(key('x')), () => s.create(key('x'), cm('x')), () => s.list('/registry/configmaps/', {}),
      () => s.guaranteedUpdate(key('x'), undefined, (c) => c), () => s.delete(key('x')), () => s.count('/registry/'),
      () => s.currentRevision(), () => s.check(), () => s.compact(1),
    ];
    for (const call of calls) await assert.rejects(call(), isCode('Unavailable'));
    const ac = new AbortController();
    await assert.rejects(next(s.watch('/registry/configmaps/', {}, ac.signal)[Symbol.asyncIterator]()), isCode('Unavailable'));
    ac.abort();
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
  });
});

describe('EtcdStorage when etcd stops and returns', () => {
  let etcd: EtcdProcess | undefined;
  before(async () => { etcd = await startEtcd(); }, t);
  after(async () => {
    etcd?.thaw();
    await etcd?.stop();
  }, t);

  it('a hung etcd fails calls at the deadline; the storage recovers when it resumes', t, async () => {
    const s = await openEtcdStorage({ endpoints: [etcd!.url], prefix: uniquePrefix(), requestTimeoutMs: 500 });
    try {
      await s.create(key('h'), cm('h'));
      await etcd!.freeze();
      const started = Date.now();
      await assert.rejects(s.get(key('h')), isCode('Unavailable'));
      await assert.rejects(s.create(key('h2'), cm('h2')), isCode('Unavailable'));
      assert.ok(Date.now() - started < 3_000, `took ${Date.now() - started} ms`);
      etcd!.thaw();
      await eventually(() => s.get(key('h')), 10_000);
    } finally { await s.close(); }
  });

  it('a stopped etcd ends watches with Unavailable; after a restart the storage works again', t, async () => {
    const s = await openEtcdStorage({ endpoints: [etcd!.url], prefix: uniquePrefix(), requestTimeoutMs: 1_000 });
    try {
      const created = await s.create(key('r'), cm('r'));
      const ac = new AbortController();
      const w = s.watch('/registry/configmaps/', {}, ac.signal)[Symbol.asyncIterator]();
      await s.create(key('r2'), cm('r2'));
      assert.equal((await next(w)).type, 'ADDED');
      const { dataDir, clientPort, peerPort } = etcd!;
      await etcd!.stop({ keepData: true });
      await assert.rejects(next(w), isCode('Unavailable'));
      await assert.rejects(s.get(key('r')), isCode('Unavailable'));
      etcd = await startEtcd({ dataDir, clientPort, peerPort });
      assert.deepEqual(await eventually(() => s.get(key('r')), 10_000), created);
      ac.abort();
    } finally { await s.close(); }
  });
});

describe('progressIsOrdered', () => {
  it('trusts progress responses only from etcd versions with the ordering fix', () => {
    const cases: Array<[string, boolean]> = [['3.4.23', false], ['3.4.31', true], ['3.5.12', false], ['3.5.13', true], ['3.6.0', true], ['3.3.27', false]];
    for (const [v, want] of cases) assert.equal(progressIsOrdered(v), want, v);
  });
});
