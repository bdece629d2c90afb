/**
 * The Storage contract: one suite every backend passes unchanged (as apiserver's
 * storage/testing suites run against etcd3 and the cacher). Each describe opens a fresh storage;
 * tests inside one share it, use their own keys and only assert revisions relative to their own.
 * Lives in src/ so any backend's test file can import it.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../apis/meta/types.js';
import { StorageError, type ListResult, type Storage, type StorageErrorCode, type WatchEvent } from './storage.js';

const t = { timeout: 15_000 };

export function runStorageContract(name: string, open: () => Promise<Storage>): void {
  describe(`Storage contract: ${name}`, () => {
    describe('create and get', () => crudCases(open));
    describe('list', () => listCases(open));
    describe('guaranteedUpdate', () => updateCases(open));
    describe('delete', () => deleteCases(open));
    describe('watch', () => watchCases(open));
    describe('compaction', () => compactionCases(open));
    describe('history', () => historyCases(open));
  });
}

/** Opens a storage before the describe's tests and closes it after; read it through the getter. */
function useStorage(open: () => Promise<Storage>): () => Storage {
  let s: Storage | undefined;
  before(async () => { s = await open(); }, t);
  after(async () => { await s?.close(); }, t);
  return () => s!;
}

function crudCases(open: () => Promise<Storage>): void {
  const s = useStorage(open);

  it('create returns the stored object with resourceVersion = the new revision; get returns it', t, async () => {
    const before = await s().currentRevision();
    const created = await s().create('/registry/configmaps/ns/a', cm('ns', 'a', { k: 'v' }, '12345'));
    assert.equal(created.metadata.resourceVersion, String(before + 1));
    assert.equal(await s().currentRevision(), before + 1);
    assert.deepEqual(await s().get('/registry/configmaps/ns/a'), created);
  });

  it('returns fresh copies that callers may mutate', t, async () => {
    const created = await s().create('/registry/configmaps/ns/copy', cm('ns', 'copy', { k: 'v' }));
    created.metadata.name = 'changed';
    dataOf(await s().get('/registry/configmaps/ns/copy')).k = 'changed';
    assert.deepEqual(await s().get('/registry/configmaps/ns/copy'), { ...created, metadata: { ...created.metadata, name: 'copy' } });
  });

  it('each write advances the revision by exactly one', t, async () => {
    const key = '/registry/configmaps/ns/revs';
    const r0 = await s().currentRevision();
    await s().create(key, cm('ns', 'revs'));
    await s().guaranteedUpdate(key, undefined, (cur) => withData(cur, { x: '1' }));
    const deleted = await s().delete(key);
    assert.equal(await s().currentRevision(), r0 + 3);
    assert.equal(deleted.metadata.resourceVersion, String(r0 + 3));
  });

  it('create on an existing key throws KeyExists; get of a missing key throws KeyNotFound', t, async () => {
    await s().create('/registry/configmaps/ns/dup', cm('ns', 'dup'));
    await assert.rejects(s().create('/registry/configmaps/ns/dup', cm('ns', 'dup')), code('KeyExists'));
    await assert.rejects(s().get('/registry/configmaps/ns/missing'), code('KeyNotFound'));
  });

  it('count counts live objects under a prefix; check passes', t, async () => {
    for (const n of ['a', 'b', 'c']) await s().create(`/registry/secrets/count/${n}`, cm('count', n));
    await s().create('/registry/secrets/count2/a', cm('count2', 'a'));
    await s().delete('/registry/secrets/count/b');
    assert.equal(await s().count('/registry/secrets/count/'), 2);
    assert.equal(await s().count('/registry/secrets/'), 3);
    await s().check();
  });
}

function listCases(open: () => Promise<Storage>): void {
  const s = useStorage(open);

  it('lists a prefix in key order, and a namespace prefix does not match a longer namespace', t, async () => {
    for (const [ns, n] of [['ns', 'b'], ['ns2', 'a'], ['ns', 'a'], ['ns', 'c'], ['n', 'z']]) {
      await s().create(`/registry/pods/${ns}/${n}`, cm(ns, n));
    }
    const all = await s().list('/registry/pods/', {});
    assert.deepEqual(all.items.map(nsName), ['n/z', 'ns/a', 'ns/b', 'ns/c', 'ns2/a']);
    assert.equal(all.revision, await s().currentRevision());
    assert.deepEqual((await s().list('/registry/pods/ns/', {})).items.map(nsName), ['ns/a', 'ns/b', 'ns/c']);
    assert.deepEqual((await s().list('/registry/pods/ns', {})).items.map(nsName), ['ns/a', 'ns/b', 'ns/c']);
    assert.deepEqual((await s().list('/registry/pods/ns/b', { exactKey: true })).items.map(nsName), ['ns/b']);
  });

  it('lists the state at an older revision with resourceVersionMatch=Exact', t, async () => {
    const p = '/registry/services/exact/';
    await s().create(`${p}a`, cm('exact', 'a', { v: '1' }));
    const b = await s().create(`${p}b`, cm('exact', 'b'));
    const old = Number(b.metadata.resourceVersion);
    await s().guaranteedUpdate(`${p}a`, undefined, (cur) => withData(cur, { v: '2' }));
    await s().delete(`${p}b`);
    await s().create(`${p}c`, cm('exact', 'c'));
    const state = (r: ListResult) => [r.revision, ...r.items.map((o) => `${o.metadata.name}=${dataOf(o).v ?? ''}`)];
    const then = await s().list(p, { resourceVersion: String(old), resourceVersionMatch: 'Exact' });
    assert.deepEqual(state(then), [old, 'a=1', 'b=']);
    const now = await s().list(p, { resourceVersion: String(old), resourceVersionMatch: 'NotOlderThan' });
    assert.deepEqual(state(now), [await s().currentRevision(), 'a=2', 'c=']);
  });

  it('pages at the first page\'s revision: every object once, even with writes between pages', t, async () => {
    const p = '/registry/endpoints/paged/';
    const names = Array.from({ length: 250 }, (_, i) => `o${String(i).padStart(3, '0')}`);
    for (const n of names) await s().create(p + n, cm('paged', n, { gen: '1' }));
    const seen: string[] = [];
    let token: string | undefined;
    let revision: number | undefined;
    do {
      const page = await s().list(p, { limit: 7, continue: token });
      revision ??= page.revision;
      assert.equal(page.revision, revision);
      assert.ok(page.items.length <= 7);
      for (const o of page.items) assert.deepEqual(o.data, { gen: '1' });
      seen.push(...page.items.map((o) => o.metadata.name!));
      token = page.continue;
      assert.equal(page.remainingItemCount, token ? names.length - seen.length : undefined);
      // Writes between pages must not show up in this list.
      await s().create(`${p}x${seen.length}`, cm('paged', `x${seen.length}`));
      await s().guaranteedUpdate(p + names[names.length - 1], undefined, (cur) => withData(cur, { gen: String(seen.length) }));
      if (seen.length === 70) await s().delete(p + names[200]);
    } while (token);
    assert.deepEqual(seen, names);
  });

  it('a predicate filters without counting towards limit', t, async () => {
    const p = '/registry/replicasets/pred/';
    for (let i = 0; i < 30; i++) await s().create(`${p}r${String(i).padStart(2, '0')}`, cm('pred', `r${i}`, { i: String(i) }));
    const predicate = (o: KubeObject) => Number(dataOf(o).i) % 3 === 0;
    const got: string[] = [];
    let token: string | undefined;
    do {
      const page = await s().list(p, { limit: 4, continue: token, predicate });
      assert.ok(page.items.length === 4 || !page.continue, 'a page is full unless it is the last');
      assert.equal(page.remainingItemCount, undefined);
      got.push(...page.items.map((o) => dataOf(o).i));
      token = page.continue;
    } while (token);
    assert.deepEqual(got, ['0', '3', '6', '9', '12', '15', '18', '21', '24', '27']);
  });

  it('a resourceVersion beyond the current revision throws TooLarge', t, async () => {
    const future = String((await s().currentRevision()) + 100);
    await assert.rejects(s().list('/registry/pods/', { resourceVersion: future, resourceVersionMatch: 'NotOlderThan' }), code('TooLarge'));
    await assert.rejects(s().list('/registry/pods/', { resourceVersion: future, resourceVersionMatch: 'Exact' }), code('TooLarge'));
  });

  it('resourceVersion 0 or empty serves the latest state', t, async () => {
    const current = await s().currentRevision();
    assert.equal((await s().list('/registry/pods/', { resourceVersion: '0' })).revision, current);
    assert.equal((await s().list('/registry/pods/', { resourceVersion: '' })).revision, current);
  });

  it('a malformed continue token throws InvalidObj "continue key is not valid"', t, async () => {
    for (const bad of ['garbage', Buffer.from('{"v":1}').toString('base64'), Buffer.from('[]').toString('base64')]) {
      await assert.rejects(s().list('/registry/pods/', { limit: 1, continue: bad }),
        (e: unknown) => e instanceof StorageError && e.code === 'InvalidObj' && /continue key is not valid/.test(e.message));
    }
  });
}

function updateCases(open: () => Promise<Storage>): void {
  const s = useStorage(open);

  it('applies tryUpdate to the current object and bumps resourceVersion', t, async () => {
    const key = '/registry/configmaps/u/a';
    const created = await s().create(key, cm('u', 'a', { v: '1' }));
    const updated = await s().guaranteedUpdate(key, { resourceVersion: created.metadata.resourceVersion }, (cur) => {
      assert.deepEqual(cur, created);
      return withData(cur, { v: '2' });
    });
    assert.equal(updated.metadata.resourceVersion, String(Number(created.metadata.resourceVersion) + 1));
    assert.deepEqual(await s().get(key), updated);
  });

  it('a stale resourceVersion or a different uid precondition throws Conflict', t, async () => {
    const key = '/registry/configmaps/u/pre';
    const created = await s().create(key, cm('u', 'pre'));
    await s().guaranteedUpdate(key, undefined, (cur) => withData(cur, { x: '1' }));
    await assert.rejects(s().guaranteedUpdate(key, { resourceVersion: created.metadata.resourceVersion }, (cur) => cur), code('Conflict'));
    await assert.rejects(s().guaranteedUpdate(key, { uid: 'other' }, (cur) => withData(cur, { y: '1' })), code('Conflict'));
    const ok = await s().guaranteedUpdate(key, { uid: created.metadata.uid }, (cur) => withData(cur, { y: '1' }));
    assert.deepEqual(ok.data, { k: 'v', x: '1', y: '1' });
  });

  it('applies every one of 20 concurrent read-modify-writes', t, async () => {
    const key = '/registry/configmaps/u/counter';
    const created = await s().create(key, cm('u', 'counter', { n: '0' }));
    const increment = async (cur: KubeObject) => {
      await new Promise((r) => setImmediate(r)); // let the other writers interleave
      return withData(cur, { n: String(Number(dataOf(cur).n) + 1) });
    };
    await Promise.all(Array.from({ length: 20 }, () => s().guaranteedUpdate(key, undefined, increment)));
    const final = await s().get(key);
    assert.deepEqual(final.data, { n: '20' });
    assert.equal(final.metadata.resourceVersion, String(Number(created.metadata.resourceVersion) + 20));
  });

  it('an update that changes nothing writes nothing', t, async () => {
    const key = '/registry/configmaps/u/noop';
    const created = await s().create(key, cm('u', 'noop', { v: '1' }));
    const r = await s().currentRevision();
    const same = await s().guaranteedUpdate(key, undefined, (cur) => ({ ...cur, metadata: { ...cur.metadata, resourceVersion: '1' } }));
    assert.equal(same.metadata.resourceVersion, created.metadata.resourceVersion);
    assert.equal(await s().currentRevision(), r);
  });

  it('a missing key throws KeyNotFound, or with ignoreNotFound creates from null', t, async () => {
    const key = '/registry/configmaps/u/new';
    await assert.rejects(s().guaranteedUpdate(key, undefined, (cur) => cur), code('KeyNotFound'));
    const made = await s().guaranteedUpdate(key, undefined, (cur) => {
      assert.equal(cur, null);
      return cm('u', 'new', { made: 'yes' });
    }, true);
    assert.deepEqual((await s().get(key)).data, { made: 'yes' });
    assert.equal(made.metadata.resourceVersion, String(await s().currentRevision()));
  });

  it('an error thrown by tryUpdate propagates and writes nothing', t, async () => {
    const key = '/registry/configmaps/u/throws';
    await s().create(key, cm('u', 'throws'));
    const r = await s().currentRevision();
    await assert.rejects(s().guaranteedUpdate(key, undefined, () => { throw new Error('refused'); }), /refused/);
    assert.equal(await s().currentRevision(), r);
  });
}

function deleteCases(open: () => Promise<Storage>): void {
  const s = useStorage(open);

  it('returns the last state with resourceVersion = the deleting revision', t, async () => {
    const key = '/registry/configmaps/d/a';
    await s().create(key, cm('d', 'a', { v: '1' }));
    const deleted = await s().delete(key);
    assert.equal(deleted.metadata.resourceVersion, String(await s().currentRevision()));
    assert.deepEqual(deleted.data, { v: '1' });
    await assert.rejects(s().get(key), code('KeyNotFound'));
    await assert.rejects(s().delete(key), code('KeyNotFound'));
  });

  it('checks preconditions and keeps the object when they fail', t, async () => {
    const key = '/registry/configmaps/d/pre';
    const created = await s().create(key, cm('d', 'pre'));
    await assert.rejects(s().delete(key, { uid: 'other' }), code('Conflict'));
    await assert.rejects(s().delete(key, { resourceVersion: '1' }), code('Conflict'));
    await s().get(key);
    await s().delete(key, { uid: created.metadata.uid, resourceVersion: created.metadata.resourceVersion });
    await assert.rejects(s().get(key), code('KeyNotFound'));
  });

  it('validate sees the current object; when it throws, the error propagates and nothing is deleted', t, async () => {
    const key = '/registry/configmaps/d/val';
    const created = await s().create(key, cm('d', 'val'));
    const r = await s().currentRevision();
    await assert.rejects(s().delete(key, undefined, async (cur) => {
      assert.deepEqual(cur, created);
      throw new Error('has finalizers');
    }), /has finalizers/);
    assert.equal(await s().currentRevision(), r);
    await s().get(key);
  });
}

function watchCases(open: () => Promise<Storage>): void {
  const s = useStorage(open);

  it('from a revision replays history in order, then live events', t, async () => {
    const p = '/registry/configmaps/w1/';
    await s().create('/registry/configmaps/other/first', cm('other', 'first')); // '0' would mean "from now"
    const start = await s().currentRevision();
    await s().create(`${p}a`, cm('w1', 'a', { v: '1' }));
    await s().guaranteedUpdate(`${p}a`, undefined, (cur) => withData(cur, { v: '2' }));
    await s().create('/registry/configmaps/other/x', cm('other', 'x'));
    await s().delete(`${p}a`);
    const ac = new AbortController();
    const w = new Watch(s().watch(p, { resourceVersion: String(start) }, ac.signal));
    try {
      // [type, revision, resourceVersion, data.v, prevObject's data.v]
      const sum = (e: WatchEvent) => e.type === 'BOOKMARK' ? [e.type] : [e.type, e.revision,
        e.object.metadata.resourceVersion, dataOf(e.object).v, e.type === 'MODIFIED' ? dataOf(e.prevObject).v : undefined];
      assert.deepEqual(sum(await w.next()), ['ADDED', start + 1, String(start + 1), '1', undefined]);
      assert.deepEqual(sum(await w.next()), ['MODIFIED', start + 2, String(start + 2), '2', '1']);
      assert.deepEqual(sum(await w.next()), ['DELETED', start + 4, String(start + 4), '2', undefined]);
      await s().create(`${p}b`, cm('w1', 'b', { v: 'b' }));
      assert.deepEqual(sum(await w.next()), ['ADDED', start + 5, String(start + 5), 'b', undefined]);
    } finally { ac.abort(); }
  });

  it('from now sees only later writes; exactKey and prefix watches see only their keys', t, async () => {
    const p = '/registry/configmaps/w2/';
    await s().create(`${p}old`, cm('w2', 'old'));
    const ac = new AbortController();
    const all = new Watch(s().watch(p, {}, ac.signal));
    const one = new Watch(s().watch(`${p}b`, { exactKey: true }, ac.signal));
    try {
      await s().create('/registry/configmaps/w22/a', cm('w22', 'a'));
      await s().create(`${p}a`, cm('w2', 'a'));
      await s().create(`${p}b`, cm('w2', 'b'));
      await s().create(`${p}bb`, cm('w2', 'bb'));
      assert.deepEqual([(await all.next()), (await all.next()), (await all.next())].map((e) => evName(e)), ['ADDED a', 'ADDED b', 'ADDED bb']);
      assert.equal(evName(await one.next()), 'ADDED b');
      await s().delete(`${p}b`);
      assert.equal(evName(await one.next()), 'DELETED b');
    } finally { ac.abort(); }
  });

  it('a consumer that falls behind gets every event in order and does not block writers', t, async () => {
    const p = '/registry/configmaps/w3/';
    const ac = new AbortController();
    const w = new Watch(s().watch(p, {}, ac.signal));
    try {
      for (let i = 0; i < 300; i++) await s().create(`${p}o${i}`, cm('w3', `o${i}`));
      for (let i = 0; i < 300; i++) assert.equal(evName(await w.next()), `ADDED o${i}`);
    } finally { ac.abort(); }
  });

  it('ends when the signal aborts, also while waiting for an event', t, async () => {
    const ac = new AbortController();
    const it = s().watch('/registry/configmaps/w4/', {}, ac.signal)[Symbol.asyncIterator]();
    const pending = it.next();
    ac.abort();
    assert.deepEqual(await within(pending, 'the watch to end'), { done: true, value: undefined });
    await s().create('/registry/configmaps/w4/a', cm('w4', 'a'));
    assert.equal((await within(it.next(), 'the watch to stay ended')).done, true);
  });

  it('emits BOOKMARK events with the current revision when progressNotifyMs is set', t, async () => {
    const ac = new AbortController();
    const w = new Watch(s().watch('/registry/configmaps/w5/', { progressNotifyMs: 20 }, ac.signal));
    try {
      await s().create('/registry/configmaps/unrelated/a', cm('unrelated', 'a'));
      let ev = await w.next();
      while (ev.type === 'BOOKMARK' && ev.revision < (await s().currentRevision())) ev = await w.next();
      assert.deepEqual(ev, { type: 'BOOKMARK', revision: await s().currentRevision() });
    } finally { ac.abort(); }
  });
}

function compactionCases(open: () => Promise<Storage>): void {
  const s = useStorage(open);
  const p = '/registry/configmaps/c/';
  let oldRev = 0;
  let compacted = 0;
  let token: string | undefined;

  before(async () => {
    for (const n of ['a', 'b', 'c', 'd']) await s().create(p + n, cm('c', n, { v: '1' }));
    oldRev = await s().currentRevision();
    token = (await s().list(p, { limit: 2 })).continue;
    await s().guaranteedUpdate(`${p}a`, undefined, (cur) => withData(cur, { v: '2' }));
    await s().delete(`${p}b`);
    await s().create(`${p}e`, cm('c', 'e'));
    compacted = await s().currentRevision();
    await s().guaranteedUpdate(`${p}c`, undefined, (cur) => withData(cur, { v: '3' }));
    await s().delete(`${p}d`);
    await s().compact(compacted);
  }, t);

  it('a watch from before the compacted revision throws Expired', t, async () => {
    const ac = new AbortController();
    try {
      assert.ok(code('Expired')(await watchError(() => s().watch(p, { resourceVersion: String(oldRev) }, ac.signal))));
    } finally { ac.abort(); }
  });

  it('a watch from the compacted revision still replays what came after it', t, async () => {
    const ac = new AbortController();
    const w = new Watch(s().watch(p, { resourceVersion: String(compacted) }, ac.signal));
    try {
      const mod = await w.next();
      assert.ok(mod.type === 'MODIFIED');
      assert.deepEqual([mod.object.data, mod.prevObject.data], [{ v: '3' }, { v: '1' }]);
      const del = await w.next();
      assert.ok(del.type === 'DELETED');
      assert.deepEqual([del.object.metadata.name, del.object.data], ['d', { v: '1' }]);
    } finally { ac.abort(); }
  });

  it('list Exact below the compacted revision and old continue tokens throw Expired', t, async () => {
    await assert.rejects(s().list(p, { resourceVersion: String(oldRev), resourceVersionMatch: 'Exact' }), code('Expired'));
    assert.ok(token);
    await assert.rejects(s().list(p, { limit: 2, continue: token }), code('Expired'));
  });

  it('the state at the compacted revision is still listed exactly', t, async () => {
    const at = await s().list(p, { resourceVersion: String(compacted), resourceVersionMatch: 'Exact' });
    assert.deepEqual(at.items.map((o) => [o.metadata.name, o.data]),
      [['a', { v: '2' }], ['c', { v: '1' }], ['d', { v: '1' }], ['e', { k: 'v' }]]);
  });

  it('compacting again to an older or equal revision is a no-op', t, async () => {
    await s().compact(compacted);
    await s().compact(oldRev);
    assert.equal((await s().list(p, {})).items.length, 3);
  });
}

function historyCases(open: () => Promise<Storage>): void {
  const s = useStorage(open);

  it('random writes and compactions: every kept revision lists and replays as a model says', t, async () => {
    const p = '/registry/leases/rand/';
    let seed = 7;
    const rnd = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
    await s().create('/registry/leases/marker/m', cm('marker', 'm')); // so no revision below is '0'
    const model = new Map<string, string>();
    const states = new Map<number, string[]>([[await s().currentRevision(), []]]);
    const events: string[][] = [];
    let compacted = 0;
    for (let i = 0; i < 200; i++) {
      const name = `l${rnd(6)}`;
      const last = model.get(name);
      let type = 'MODIFIED';
      if (last === undefined) {
        type = 'ADDED';
        await s().create(p + name, cm('rand', name, { v: String(i) }));
      } else if (rnd(3) === 0) {
        type = 'DELETED';
        await s().delete(p + name);
      } else {
        await s().guaranteedUpdate(p + name, undefined, (cur) => withData(cur, { v: String(i) }));
      }
      if (type === 'DELETED') model.delete(name); else model.set(name, String(i));
      const rev = await s().currentRevision();
      events.push([String(rev), type, name, type === 'DELETED' ? last! : String(i)]);
      states.set(rev, [...model].sort().map(([n, v]) => `${n}=${v}`));
      if (rnd(20) === 0) await s().compact(compacted = Math.max(compacted, rev - rnd(8)));
    }
    assert.ok(compacted > 0, 'the seed compacts at least once');
    for (const [rev, state] of states) {
      const list = s().list(p, { resourceVersion: String(rev), resourceVersionMatch: 'Exact', limit: rnd(4) + 1 });
      if (rev < compacted) { await assert.rejects(list, code('Expired')); continue; }
      const items: KubeObject[] = [];
      for (let page = await list; ; page = await s().list(p, { continue: page.continue, limit: 2 })) {
        items.push(...page.items);
        if (!page.continue) break;
      }
      assert.deepEqual(items.map((o) => `${o.metadata.name}=${dataOf(o).v}`), state, `at ${rev}`);
    }
    const ac = new AbortController();
    const w = new Watch(s().watch(p, { resourceVersion: String(compacted) }, ac.signal));
    try {
      for (const want of events.filter(([rev]) => Number(rev) > compacted)) {
        const e = await w.next();
        assert.ok(e.type !== 'BOOKMARK');
        assert.deepEqual([String(e.revision), e.type, e.object.metadata.name, dataOf(e.object).v], want);
      }
    } finally { ac.abort(); }
  });
}

function cm(namespace: string, name: string, data: Record<string, string> = { k: 'v' }, resourceVersion?: string): KubeObject {
  const metadata = { name, namespace, uid: `uid-${namespace}-${name}`, ...(resourceVersion ? { resourceVersion } : {}) };
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata, data };
}

function withData(obj: KubeObject, data: Record<string, string>): KubeObject {
  return { ...obj, data: { ...dataOf(obj), ...data } };
}

const dataOf = (o: KubeObject) => (o.data ?? {}) as Record<string, string>;
const nsName = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;
const evName = (e: WatchEvent) => (e.type === 'BOOKMARK' ? 'BOOKMARK' : `${e.type} ${e.object.metadata.name}`);

function code(c: StorageErrorCode): (e: unknown) => boolean {
  return (e) => e instanceof StorageError && e.code === c;
}

/** Resolves p, or rejects after ms: every wait in this suite is bounded. */
async function within<T>(p: Promise<T>, what: string, ms = 5_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms); });
  try { return await Promise.race([p, timeout]); } finally { clearTimeout(timer); }
}

/** Reads a watch one event at a time, each with a bound. */
class Watch {
  private readonly it: AsyncIterator<WatchEvent>;
  constructor(events: AsyncIterable<WatchEvent>) { this.it = events[Symbol.asyncIterator](); }
  async next(): Promise<WatchEvent> {
    const r = await within(this.it.next(), 'a watch event');
    if (r.done) throw new Error('watch ended early');
    return r.value;
  }
}

/** A backend may throw when watch() is called or on the first next(); either counts. */
async function watchError(start: () => AsyncIterable<WatchEvent>): Promise<unknown> {
  try { await within(start()[Symbol.asyncIterator]().next(), 'the watch to fail', 2_000); } catch (e) { return e; }
  return undefined;
}
