// Raw HTTP watches against a real kubets: event order and resourceVersions, resumption, initial
// events, bookmarks, timeouts, selectors, single-object watches, compaction (410) and kubectl -w.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { api, eventually, kubectlPath, skipWithoutKubectl, startServer, type TestServer } from './harness.js';

interface WatchEvent { type: string; object: any }

/**
 * A watch response read line by line: the body is newline-delimited JSON, so each complete line
 * is one event. Lines that are not JSON are kept in parseErrors, so a test can assert there were none.
 */
class WatchStream {
  readonly events: WatchEvent[] = [];
  readonly parseErrors: string[] = [];
  ended = false;
  private read = 0;
  private wake: (() => void) | null = null;
  readonly done: Promise<void>;

  constructor(private readonly res: Response, private readonly abort: AbortController) {
    this.done = this.pump();
  }

  private async pump(): Promise<void> {
    const reader = this.res.body!.getReader();
    const decoder = new TextDecoder();
    let buf = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += decoder.decode(value, { stream: true });
        for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
          const line = buf.slice(0, i);
          buf = buf.slice(i + 1);
          if (line.trim() === '') continue;
          try { this.events.push(JSON.parse(line) as WatchEvent); } catch { this.parseErrors.push(line); }
          this.wake?.();
        }
      }
      if (buf.trim() !== '') this.parseErrors.push(buf);
    } catch {
      // aborted by close(), or the connection dropped: either way the stream is over
    } finally {
      this.ended = true;
      this.wake?.();
    }
  }

  /** The next event (bookmarks included), or null when the stream ended first. */
  async next(timeoutMs = 10_000): Promise<WatchEvent | null> {
    const deadline = Date.now() + timeoutMs;
    while (this.read >= this.events.length) {
      if (this.ended) return null;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no watch event within ${timeoutMs} ms (got ${JSON.stringify(this.events.map((e) => e.type))})`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.wake = () => { clearTimeout(t); resolve(); };
      });
      this.wake = null;
    }
    return this.events[this.read++];
  }

  /** The next n events that are not BOOKMARKs. */
  async take(n: number, timeoutMs = 10_000): Promise<WatchEvent[]> {
    const out: WatchEvent[] = [];
    while (out.length < n) {
      const ev = await this.next(timeoutMs);
      if (ev === null) throw new Error(`watch ended after ${out.length} of ${n} events`);
      if (ev.type !== 'BOOKMARK') out.push(ev);
    }
    return out;
  }

  /** Resolves true when the server ends the stream within timeoutMs. */
  async endsWithin(timeoutMs: number): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const r = await Promise.race([this.done.then(() => true), new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(false), timeoutMs); })]);
    clearTimeout(timer);
    return r;
  }

  close(): void {
    this.abort.abort();
  }
}

/** Opens a watch. A non-200 answer comes back as {status, json} without a stream. */
async function openWatch(s: { url: string }, path: string): Promise<{ status: number; json?: any; stream?: WatchStream }> {
  const abort = new AbortController();
  const res = await fetch(s.url + path, { signal: abort.signal });
  if (res.status !== 200) {
    const text = await res.text();
    let json: any;
    try { json = JSON.parse(text); } catch { json = text; }
    return { status: res.status, json };
  }
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  return { status: 200, stream: new WatchStream(res, abort) };
}

async function mustWatch(s: { url: string }, path: string): Promise<WatchStream> {
  const w = await openWatch(s, path);
  assert.equal(w.status, 200, `watch ${path}: ${JSON.stringify(w.json)}`);
  return w.stream!;
}

const cm = (name: string, labels?: Record<string, string>, data: Record<string, string> = {}) =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...(labels ? { labels } : {}) }, data });

async function create(s: TestServer, ns: string, obj: unknown): Promise<any> {
  const r = await api(s, 'POST', `/api/v1/namespaces/${ns}/configmaps`, obj);
  assert.equal(r.status, 201, r.text);
  return r.json;
}

async function mergePatch(s: TestServer, ns: string, name: string, patch: unknown): Promise<any> {
  const r = await api(s, 'PATCH', `/api/v1/namespaces/${ns}/configmaps/${name}`, patch, { 'Content-Type': 'application/merge-patch+json' });
  assert.equal(r.status, 200, r.text);
  return r.json;
}

async function remove(s: TestServer, ns: string, name: string): Promise<void> {
  const r = await api(s, 'DELETE', `/api/v1/namespaces/${ns}/configmaps/${name}`);
  assert.equal(r.status, 200, r.text);
}

async function namespace(s: TestServer, name: string): Promise<void> {
  const r = await api(s, 'POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  assert.equal(r.status, 201, r.text);
}

async function listRv(s: TestServer, ns: string): Promise<string> {
  const r = await api(s, 'GET', `/api/v1/namespaces/${ns}/configmaps`);
  assert.equal(r.status, 200, r.text);
  return r.json.metadata.resourceVersion as string;
}

const summary = (evs: WatchEvent[]) => evs.map((e) => `${e.type} ${e.object.metadata.name}`);
const rvOf = (e: WatchEvent) => Number(e.object.metadata.resourceVersion);

function assertIncreasing(evs: WatchEvent[]) {
  for (let i = 1; i < evs.length; i++) {
    assert.ok(rvOf(evs[i]) > rvOf(evs[i - 1]), `resourceVersions must increase: ${evs.map((e) => e.object.metadata.resourceVersion).join(', ')}`);
  }
}

describe('watch over HTTP', { timeout: 120_000 }, () => {
  let s: TestServer;
  const open: WatchStream[] = [];
  const watch = async (path: string) => { const w = await mustWatch(s, path); open.push(w); return w; };

  before(async () => { s = await startServer(); });
  after(async () => {
    for (const w of open) w.close();
    await s?.stop();
    s?.cleanup();
  });

  it('from a list resourceVersion: ADDED, MODIFIED, DELETED in order with increasing resourceVersions', { timeout: 20_000 }, async () => {
    await namespace(s, 'order');
    await create(s, 'order', cm('before'));
    const rv = await listRv(s, 'order');
    const w = await watch(`/api/v1/namespaces/order/configmaps?watch=1&resourceVersion=${rv}`);
    const created = await create(s, 'order', cm('x', undefined, { v: '1' }));
    const patched = await mergePatch(s, 'order', 'x', { data: { v: '2' } });
    await remove(s, 'order', 'x');
    const evs = await w.take(3);
    assert.deepEqual(summary(evs), ['ADDED x', 'MODIFIED x', 'DELETED x']);
    assert.equal(evs[0].object.metadata.resourceVersion, created.metadata.resourceVersion);
    assert.equal(evs[1].object.metadata.resourceVersion, patched.metadata.resourceVersion);
    assert.equal(evs[1].object.data.v, '2');
    assert.equal(evs[0].object.kind, 'ConfigMap');
    assert.equal(evs[0].object.apiVersion, 'v1');
    assertIncreasing(evs);
    assert.ok(rvOf(evs[0]) > Number(rv));
    // The object that existed before the watch's resourceVersion is not replayed.
    assert.ok(!w.events.some((e) => e.object?.metadata?.name === 'before'));
    assert.deepEqual(w.parseErrors, []);
    w.close();
  });

  it('resuming from the last seen resourceVersion misses nothing and duplicates nothing', { timeout: 20_000 }, async () => {
    await namespace(s, 'resume');
    const rv = await listRv(s, 'resume');
    const first = await watch(`/api/v1/namespaces/resume/configmaps?watch=1&resourceVersion=${rv}`);
    for (let i = 0; i < 3; i++) await create(s, 'resume', cm(`r${i}`));
    const seen = await first.take(3);
    first.close();
    // Writes while nobody watches.
    await mergePatch(s, 'resume', 'r0', { data: { k: 'v' } });
    await remove(s, 'resume', 'r1');
    await create(s, 'resume', cm('r3'));
    const last = seen[seen.length - 1].object.metadata.resourceVersion as string;
    const second = await watch(`/api/v1/namespaces/resume/configmaps?watch=1&resourceVersion=${last}`);
    await create(s, 'resume', cm('r4'));
    const rest = await second.take(4);
    const all = [...seen, ...rest];
    assert.deepEqual(summary(all), ['ADDED r0', 'ADDED r1', 'ADDED r2', 'MODIFIED r0', 'DELETED r1', 'ADDED r3', 'ADDED r4']);
    assertIncreasing(all);
    // Nothing more is pending: a marker write is the very next event.
    await create(s, 'resume', cm('marker'));
    assert.deepEqual(summary(await second.take(1)), ['ADDED marker']);
    second.close();
  });

  it('with no resourceVersion first sends synthetic ADDED events for what exists', { timeout: 20_000 }, async () => {
    await namespace(s, 'synthetic');
    for (const n of ['s1', 's2', 's3']) await create(s, 'synthetic', cm(n));
    const w = await watch('/api/v1/namespaces/synthetic/configmaps?watch=1');
    const initial = await w.take(3);
    assert.deepEqual(initial.map((e) => e.type), ['ADDED', 'ADDED', 'ADDED']);
    assert.deepEqual(initial.map((e) => e.object.metadata.name).sort(), ['s1', 's2', 's3']);
    // resourceVersion=0 ("any") is the same legacy form.
    const w0 = await watch('/api/v1/namespaces/synthetic/configmaps?watch=1&resourceVersion=0');
    assert.deepEqual((await w0.take(3)).map((e) => `${e.type} ${e.object.metadata.name}`).sort(), ['ADDED s1', 'ADDED s2', 'ADDED s3']);
    await create(s, 'synthetic', cm('s4'));
    assert.deepEqual(summary(await w.take(1)), ['ADDED s4']);
    assert.deepEqual(summary(await w0.take(1)), ['ADDED s4']);
    w.close();
    w0.close();
  });

  it('a watch across all namespaces sees every namespace\'s events in revision order', { timeout: 20_000 }, async () => {
    await namespace(s, 'all-a');
    await namespace(s, 'all-b');
    const r = await api(s, 'GET', '/api/v1/configmaps');
    assert.equal(r.status, 200);
    const w = await watch(`/api/v1/configmaps?watch=1&resourceVersion=${r.json.metadata.resourceVersion}`);
    await create(s, 'all-a', cm('x'));
    await create(s, 'all-b', cm('x'));
    await remove(s, 'all-a', 'x');
    const evs = await w.take(3);
    assert.deepEqual(evs.map((e) => `${e.type} ${e.object.metadata.namespace}/${e.object.metadata.name}`), ['ADDED all-a/x', 'ADDED all-b/x', 'DELETED all-a/x']);
    assertIncreasing(evs);
    w.close();
  });

  it('sendInitialEvents=true: initial ADDED events, then a BOOKMARK annotated initial-events-end', { timeout: 20_000 }, async () => {
    await namespace(s, 'initial');
    const made = [];
    for (const n of ['i1', 'i2']) made.push(await create(s, 'initial', cm(n)));
    const w = await watch('/api/v1/namespaces/initial/configmaps?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true');
    const a = await w.next();
    const b = await w.next();
    assert.deepEqual([a?.type, b?.type], ['ADDED', 'ADDED']);
    assert.deepEqual([a!.object.metadata.name, b!.object.metadata.name].sort(), ['i1', 'i2']);
    const bookmark = await w.next();
    assert.equal(bookmark?.type, 'BOOKMARK');
    assert.equal(bookmark!.object.kind, 'ConfigMap');
    assert.equal(bookmark!.object.apiVersion, 'v1');
    assert.deepEqual(bookmark!.object.metadata.annotations, { 'k8s.io/initial-events-end': 'true' });
    assert.ok(Number(bookmark!.object.metadata.resourceVersion) >= Math.max(...made.map((m) => Number(m.metadata.resourceVersion))));
    await create(s, 'initial', cm('i3'));
    const later = await w.take(1);
    assert.deepEqual(summary(later), ['ADDED i3']);
    assert.ok(rvOf(later[0]) > Number(bookmark!.object.metadata.resourceVersion));
    w.close();
  });

  it('timeoutSeconds=1 ends the stream', { timeout: 20_000 }, async () => {
    const started = Date.now();
    const w = await watch(`/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${await listRv(s, 'default')}&timeoutSeconds=1`);
    assert.ok(await w.endsWithin(10_000), 'the server did not end the watch');
    const took = Date.now() - started;
    assert.ok(took >= 900 && took < 8_000, `ended after ${took} ms`);
  });

  it('label selector: an object that stops matching arrives as DELETED, one that starts matching as ADDED', { timeout: 20_000 }, async () => {
    await namespace(s, 'labels');
    await create(s, 'labels', cm('old', { app: 'web' }));
    const rv = await listRv(s, 'labels');
    const w = await watch(`/api/v1/namespaces/labels/configmaps?watch=1&resourceVersion=${rv}&labelSelector=${encodeURIComponent('app=web')}`);
    await create(s, 'labels', cm('m', { app: 'web' }));
    await create(s, 'labels', cm('other', { app: 'db' })); // never matches: never seen
    const unlabelled = await mergePatch(s, 'labels', 'm', { metadata: { labels: { app: 'db' } } });
    await mergePatch(s, 'labels', 'other', { data: { x: '1' } });
    const labelled = await mergePatch(s, 'labels', 'other', { metadata: { labels: { app: 'web' } } });
    await mergePatch(s, 'labels', 'other', { data: { x: '2' } });
    await remove(s, 'labels', 'other');
    const evs = await w.take(5);
    assert.deepEqual(summary(evs), ['ADDED m', 'DELETED m', 'ADDED other', 'MODIFIED other', 'DELETED other']);
    assertIncreasing(evs);
    // As upstream's cacheWatcher: the DELETED event carries the last state that matched, with the
    // resourceVersion of the write that made it stop matching.
    assert.equal(evs[1].object.metadata.resourceVersion, unlabelled.metadata.resourceVersion);
    assert.deepEqual(evs[1].object.metadata.labels, { app: 'web' });
    assert.equal(evs[2].object.metadata.resourceVersion, labelled.metadata.resourceVersion);
    assert.deepEqual(evs[2].object.metadata.labels, { app: 'web' });
    assert.ok(!w.events.some((e) => e.object?.metadata?.name === 'old'));
    w.close();
  });

  it('fieldSelector metadata.name watches one object', { timeout: 20_000 }, async () => {
    await namespace(s, 'fields');
    const rv = await listRv(s, 'fields');
    const w = await watch(`/api/v1/namespaces/fields/configmaps?watch=1&resourceVersion=${rv}&fieldSelector=${encodeURIComponent('metadata.name=f2')}`);
    await create(s, 'fields', cm('f1'));
    await create(s, 'fields', cm('f2'));
    await mergePatch(s, 'fields', 'f1', { data: { a: '1' } });
    await mergePatch(s, 'fields', 'f2', { data: { a: '1' } });
    await remove(s, 'fields', 'f1');
    await remove(s, 'fields', 'f2');
    assert.deepEqual(summary(await w.take(3)), ['ADDED f2', 'MODIFIED f2', 'DELETED f2']);
    w.close();
  });

  // A named GET with ?watch=1 stays a GET upstream; single-object watches use the legacy /watch/ path.
  it('a single-object watch /api/v1/watch/namespaces/ns/configmaps/name', { timeout: 20_000 }, async () => {
    await namespace(s, 'single');
    await create(s, 'single', cm('one'));
    await create(s, 'single', cm('two'));
    const w = await watch('/api/v1/watch/namespaces/single/configmaps/one');
    assert.deepEqual(summary(await w.take(1)), ['ADDED one']); // its current state, as for any watch without resourceVersion
    await mergePatch(s, 'single', 'two', { data: { a: '1' } });
    await mergePatch(s, 'single', 'one', { data: { a: '1' } });
    await remove(s, 'single', 'two');
    await remove(s, 'single', 'one');
    assert.deepEqual(summary(await w.take(2)), ['MODIFIED one', 'DELETED one']);
    assert.ok(!w.events.some((e) => e.object?.metadata?.name === 'two'));
    w.close();
  });

  it('allowWatchBookmarks=true: events still parse, and any bookmark carries only a resourceVersion', { timeout: 20_000 }, async () => {
    await namespace(s, 'bookmarks');
    const rv = await listRv(s, 'bookmarks');
    const w = await watch(`/api/v1/namespaces/bookmarks/configmaps?watch=1&resourceVersion=${rv}&allowWatchBookmarks=true`);
    await create(s, 'bookmarks', cm('b1'));
    await mergePatch(s, 'bookmarks', 'b1', { data: { a: '1' } });
    assert.deepEqual(summary(await w.take(2)), ['ADDED b1', 'MODIFIED b1']);
    assert.deepEqual(w.parseErrors, []);
    for (const e of w.events.filter((x) => x.type === 'BOOKMARK')) {
      assert.equal(e.object.kind, 'ConfigMap');
      assert.match(e.object.metadata.resourceVersion, /^\d+$/);
    }
    w.close();
  });

  it('kubectl get -w --output-watch-events shows ADDED, MODIFIED and DELETED', { skip: skipWithoutKubectl, timeout: 40_000 }, async () => {
    await namespace(s, 'kwatch');
    await create(s, 'kwatch', cm('a'));
    const run = (extra: string[]) => {
      const child = spawn(kubectlPath!, ['-s', s.url, '-n', 'kwatch', 'get', 'cm', '-w', '--output-watch-events', ...extra], {
        env: { ...process.env, KUBECONFIG: join(tmpdir(), 'kubets-no-kubeconfig') }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      const out = { stdout: '', stderr: '' };
      child.stdout.on('data', (d) => { out.stdout += d; });
      child.stderr.on('data', (d) => { out.stderr += d; });
      return { child, out };
    };
    const table = run([]);
    const names = run(['-o', 'name']);
    try {
      // kubectl lists first, then watches from the list's resourceVersion: once the existing
      // object is printed, later writes cannot be missed.
      await eventually(async () => /^ADDED\s+a\s/m.test(table.out.stdout), 15_000, `kubectl's first line (${table.out.stderr})`);
      await eventually(async () => names.out.stdout.includes('configmap/a\n'), 15_000, `kubectl -o name's first line (${names.out.stderr})`);
      await mergePatch(s, 'kwatch', 'a', { data: { k: 'v' } });
      await create(s, 'kwatch', cm('b'));
      await remove(s, 'kwatch', 'b');
      await eventually(async () => /^DELETED\s+b\s/m.test(table.out.stdout), 15_000, `DELETED b in:\n${table.out.stdout}`);
      const rows = table.out.stdout.trim().split('\n').map((l) => l.trim().split(/\s+/).slice(0, 2).join(' '));
      assert.deepEqual(rows, ['EVENT NAME', 'ADDED a', 'MODIFIED a', 'ADDED b', 'DELETED b']);
      // kubectl's name printer unwraps the watch event, so -o name prints names only.
      await eventually(async () => names.out.stdout.split('\n').filter(Boolean).length >= 4, 15_000, `4 names in:\n${names.out.stdout}`);
      assert.deepEqual(names.out.stdout.trim().split('\n'), ['configmap/a', 'configmap/a', 'configmap/b', 'configmap/b']);
    } finally {
      table.child.kill();
      names.child.kill();
    }
  });
});

describe('watch and lists across compaction', { timeout: 120_000 }, () => {
  let s: TestServer;
  before(async () => { s = await startServer({ args: ['--etcd-compaction-interval=1s'] }); });
  after(async () => { await s?.stop(); s?.cleanup(); });

  /** Waits until history at rv is compacted away: an exact list there answers 410. */
  async function waitCompacted(ns: string, rv: string) {
    await eventually(async () => {
      // A write after rv, so compaction has something newer to keep.
      await api(s, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { metadata: { generateName: 'tick-' } });
      const r = await api(s, 'GET', `/api/v1/namespaces/${ns}/configmaps?resourceVersion=${rv}&resourceVersionMatch=Exact`);
      if (r.status === 200) return false;
      assert.equal(r.status, 410, r.text);
      assert.equal(r.json.reason, 'Expired');
      assert.equal(r.json.message, 'The resourceVersion for the provided list is too old.');
      return true;
    }, 20_000, `compaction of revision ${rv}`);
  }

  it('a watch from a compacted resourceVersion gets 410 Expired', { timeout: 40_000 }, async () => {
    await namespace(s, 'compact');
    const old = (await create(s, 'compact', cm('c0'))).metadata.resourceVersion as string;
    await waitCompacted('compact', old);
    const w = await openWatch(s, `/api/v1/namespaces/compact/configmaps?watch=1&resourceVersion=${old}`);
    let status: any;
    if (w.status === 200) {
      // upstream's watch cache: a 200 stream whose first and only event is an ERROR
      const ev = await w.stream!.next();
      assert.equal(ev?.type, 'ERROR');
      status = ev!.object;
      assert.ok(await w.stream!.endsWithin(5_000), 'the stream must end after the ERROR event');
    } else {
      assert.equal(w.status, 410);
      status = w.json;
    }
    assert.equal(status.kind, 'Status');
    assert.equal(status.status, 'Failure');
    assert.equal(status.code, 410);
    assert.equal(status.reason, 'Expired');
    // cacher/watch_cache.go: "too old resource version: %d (%d)", the asked and the oldest kept.
    assert.match(status.message, new RegExp(`^too old resource version: ${old} \\(\\d+\\)$`));
  });

  it('a continue token from before compaction gets 410 with a fresh token, as upstream', { timeout: 40_000 }, async () => {
    await namespace(s, 'pages');
    for (let i = 0; i < 5; i++) await create(s, 'pages', cm(`p${i}`));
    const first = await api(s, 'GET', '/api/v1/namespaces/pages/configmaps?limit=2');
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(first.json.items.map((i: any) => i.metadata.name), ['p0', 'p1']);
    const token = first.json.metadata.continue as string;
    assert.ok(token);
    await waitCompacted('pages', first.json.metadata.resourceVersion);
    const r = await api(s, 'GET', `/api/v1/namespaces/pages/configmaps?limit=2&continue=${encodeURIComponent(token)}`);
    assert.equal(r.status, 410, r.text);
    assert.equal(r.json.kind, 'Status');
    assert.equal(r.json.reason, 'Expired');
    assert.equal(r.json.code, 410);
    // etcd3/store.go inconsistentContinue
    assert.equal(r.json.message, 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.');
    // handleCompactedErrorForPaging: the Status carries a token that continues at the latest state.
    const fresh = r.json.metadata?.continue as string | undefined;
    assert.ok(fresh, `the 410 Status must carry metadata.continue: ${r.text}`);
    const rest = await api(s, 'GET', `/api/v1/namespaces/pages/configmaps?limit=500&continue=${encodeURIComponent(fresh)}`);
    assert.equal(rest.status, 200, rest.text);
    const names = rest.json.items.map((i: any) => i.metadata.name);
    assert.deepEqual(names.filter((n: string) => n.startsWith('p')), ['p2', 'p3', 'p4']);
  });
});
