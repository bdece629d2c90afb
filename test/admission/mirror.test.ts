import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../src/apis/meta/types.js';
import { StorageMirror } from '../../src/admission/mirror.js';
import { openSqliteStorage } from '../../src/storage/sqlite/sqlite-storage.js';

const ns = (name: string, phase = 'Active'): KubeObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name }, status: { phase } });
const quota = (namespace: string, name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { namespace, name }, spec: { hard: { pods: '1' } } });

/** Waits (bounded) until cond holds: the mirror fills asynchronously after it is built. */
async function until(cond: () => boolean): Promise<void> {
  const deadline = Date.now() + 2000;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error('condition not met in 2 s');
    await new Promise((r) => setImmediate(r));
  }
}

describe('StorageMirror', { timeout: 10_000 }, () => {
  it('holds what was stored before it started and follows later writes by the time each is acknowledged', async () => {
    const s = await openSqliteStorage({ path: ':memory:' });
    await s.create('/registry/namespaces/old', ns('old'));
    const m = new StorageMirror(s, '/registry/namespaces/');
    assert.equal(m.ready, false);
    await until(() => m.ready);
    assert.equal(m.get('/registry/namespaces/old')?.metadata.name, 'old');

    // The point of the mirror: an acknowledged write is visible at once, with no wait in between.
    await s.create('/registry/namespaces/new', ns('new'));
    await new Promise((r) => setImmediate(r));
    assert.equal(m.get('/registry/namespaces/new')?.metadata.resourceVersion, String(await s.currentRevision()));
    await s.guaranteedUpdate('/registry/namespaces/new', undefined, (cur) => ({ ...cur, status: { phase: 'Terminating' } }));
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(m.get('/registry/namespaces/new')?.status, { phase: 'Terminating' });
    await s.delete('/registry/namespaces/new');
    await new Promise((r) => setImmediate(r));
    assert.equal(m.get('/registry/namespaces/new'), undefined);
    await s.close();
    await until(() => !m.ready);
  });

  it('answers whether a namespace has any object, and ignores keys outside its prefix', async () => {
    const s = await openSqliteStorage({ path: ':memory:' });
    const m = new StorageMirror(s, '/registry/resourcequotas/');
    await until(() => m.ready);
    assert.equal(m.hasAny('/registry/resourcequotas/a/'), false);
    await s.create('/registry/resourcequotas/a/q', quota('a', 'q'));
    await s.create('/registry/resourcequotas/ab/q', quota('ab', 'q'));
    await s.create('/registry/namespaces/a', ns('a'));
    await new Promise((r) => setImmediate(r));
    assert.equal(m.hasAny('/registry/resourcequotas/a/'), true);
    assert.equal(m.hasAny('/registry/resourcequotas/b/'), false);
    assert.equal(m.get('/registry/namespaces/a'), undefined);
    await s.delete('/registry/resourcequotas/a/q');
    await new Promise((r) => setImmediate(r));
    assert.equal(m.hasAny('/registry/resourcequotas/a/'), false, 'a/ is not a prefix of ab/');
    m.close();
    assert.equal(m.ready, false);
    await s.close();
  });

  it('stays complete when its watch falls behind (buffer overflow, then compaction)', async () => {
    const s = await openSqliteStorage({ path: ':memory:', maxWatchBuffer: 2 });
    const m = new StorageMirror(s, '/registry/namespaces/');
    await until(() => m.ready);
    // Many writes in one step overflow the watcher's buffer (it falls back to the log), then
    // compaction moves past it: whether it catches up from the log or lists again, nothing is lost.
    await Promise.all(Array.from({ length: 20 }, (_, i) => s.create(`/registry/namespaces/n${i}`, ns(`n${i}`))));
    await s.compact(await s.currentRevision());
    await until(() => m.ready && m.get('/registry/namespaces/n19') !== undefined);
    for (let i = 0; i < 20; i++) assert.ok(m.get(`/registry/namespaces/n${i}`), `n${i}`);
    m.close();
    await s.close();
  });
});
