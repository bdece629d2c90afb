// Paging a large list against a real kubets: limit/continue over 1,000 ConfigMaps, one snapshot
// across pages despite concurrent writes, kubectl --chunk-size, exact resourceVersions and the
// 504 for a resourceVersion from the future.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, kubectlOk, skipWithoutKubectl, startServer, type TestServer } from './harness.js';

const ns = 'paging';
const total = 1000;
const pageSize = 37;
const nameOf = (i: number) => `cm-${String(i).padStart(4, '0')}`;
const names = Array.from({ length: total }, (_, i) => nameOf(i));

interface Page { items: any[]; metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number } }

async function create(s: TestServer, name: string, data: Record<string, string> = { v: '0' }) {
  const r = await api(s, 'POST', `/api/v1/namespaces/${ns}/configmaps`, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });
  assert.equal(r.status, 201, r.text);
  return r.json;
}

async function list(s: TestServer, query: string): Promise<Page> {
  const r = await api(s, 'GET', `/api/v1/namespaces/${ns}/configmaps?${query}`);
  assert.equal(r.status, 200, `${query}: ${r.text}`);
  return r.json as Page;
}

/**
 * Pages through the list with limit=pageSize; between pages calls `between(pageIndex)`. Checks
 * the per-page invariants and returns every item in order and the shared resourceVersion.
 */
async function pageAll(s: TestServer, between?: (page: number) => Promise<void>) {
  const items: any[] = [];
  let rv: string | undefined;
  let token: string | undefined;
  let expectedTotal: number | undefined;
  for (let page = 0; ; page++) {
    const p = await list(s, `limit=${pageSize}${token ? `&continue=${encodeURIComponent(token)}` : ''}`);
    if (rv === undefined) rv = p.metadata.resourceVersion;
    assert.equal(p.metadata.resourceVersion, rv, `page ${page} has another resourceVersion`);
    assert.ok(p.items.length <= pageSize);
    items.push(...p.items);
    token = p.metadata.continue;
    if (!token) {
      assert.equal(p.metadata.remainingItemCount, undefined, 'the last page has no remainingItemCount');
      break;
    }
    assert.equal(p.items.length, pageSize, 'only the last page may be short');
    assert.equal(typeof p.metadata.remainingItemCount, 'number', `page ${page} lacks remainingItemCount`);
    expectedTotal ??= p.items.length + p.metadata.remainingItemCount!;
    assert.equal(items.length + p.metadata.remainingItemCount!, expectedTotal, `remainingItemCount on page ${page}`);
    if (between) await between(page);
  }
  return { items, rv: rv!, expectedTotal: expectedTotal ?? items.length };
}

describe('pagination', { timeout: 180_000 }, () => {
  let s: TestServer;
  const createdRvs: number[] = [];

  before(async () => {
    s = await startServer();
    const r = await api(s, 'POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    assert.equal(r.status, 201, r.text);
    // Create in shuffled order, in parallel batches: the list order must come from the keys.
    const order = [...names].sort(() => Math.random() - 0.5);
    for (let i = 0; i < order.length; i += 50) {
      const batch = await Promise.all(order.slice(i, i + 50).map((n) => create(s, n)));
      createdRvs.push(...batch.map((o) => Number(o.metadata.resourceVersion)));
    }
  });
  after(async () => { await s?.stop(); s?.cleanup(); });

  it('limit=37 sees every object exactly once, with remainingItemCount and one resourceVersion', { timeout: 60_000 }, async () => {
    assert.equal(new Set(createdRvs).size, total, 'every create got its own resourceVersion');
    const { items, rv, expectedTotal } = await pageAll(s);
    assert.equal(expectedTotal, total);
    assert.deepEqual(items.map((i) => i.metadata.name), names);
    assert.ok(Number(rv) >= Math.max(...createdRvs));
    for (const i of items) assert.equal(i.kind ?? 'ConfigMap', 'ConfigMap');
  });

  it('paging with a field selector fills pages with matches only and omits remainingItemCount', { timeout: 60_000 }, async () => {
    const skip = new Set([nameOf(3), nameOf(36), nameOf(37), nameOf(500), nameOf(999)]);
    const selector = encodeURIComponent([...skip].map((n) => `metadata.name!=${n}`).join(','));
    const seen: string[] = [];
    let token: string | undefined;
    let rv: string | undefined;
    for (;;) {
      const p = await list(s, `limit=${pageSize}&fieldSelector=${selector}${token ? `&continue=${encodeURIComponent(token)}` : ''}`);
      rv ??= p.metadata.resourceVersion;
      assert.equal(p.metadata.resourceVersion, rv);
      // etcd3 GetList: "Instead of returning inaccurate count for non-empty selectors, we return nil."
      assert.equal(p.metadata.remainingItemCount, undefined);
      seen.push(...p.items.map((i) => i.metadata.name));
      token = p.metadata.continue;
      if (!token) break;
      assert.equal(p.items.length, pageSize, 'a page that is not the last holds limit matches');
    }
    assert.deepEqual(seen, names.filter((n) => !skip.has(n)));
  });

  it('resourceVersion=0 and NotOlderThan an old resourceVersion serve the latest state', { timeout: 30_000 }, async () => {
    const latest = await list(s, '');
    const any = await list(s, 'resourceVersion=0');
    assert.equal(any.items.length, latest.items.length);
    const notOlder = await list(s, 'resourceVersion=1&resourceVersionMatch=NotOlderThan');
    assert.ok(Number(notOlder.metadata.resourceVersion) >= Number(latest.metadata.resourceVersion));
    assert.equal(notOlder.items.length, latest.items.length);
  });

  it('kubectl get --chunk-size=50 -o name prints all 1,000 exactly once', { skip: skipWithoutKubectl, timeout: 60_000 }, async () => {
    const out = await kubectlOk(s, ['-n', ns, 'get', 'cm', '--chunk-size=50', '-o', 'name'], { timeoutMs: 50_000 });
    assert.deepEqual(out.trim().split('\n'), names.map((n) => `configmap/${n}`));
  });

  it('resourceVersion=N&resourceVersionMatch=Exact shows the state at N', { timeout: 60_000 }, async () => {
    const before = await list(s, '');
    const rv = before.metadata.resourceVersion;
    // Change things after rv.
    assert.equal((await api(s, 'DELETE', `/api/v1/namespaces/${ns}/configmaps/${nameOf(0)}`)).status, 200);
    const changed = await api(s, 'PATCH', `/api/v1/namespaces/${ns}/configmaps/${nameOf(1)}`, { data: { v: 'changed' } }, { 'Content-Type': 'application/merge-patch+json' });
    assert.equal(changed.status, 200, changed.text);
    await create(s, 'extra-exact');
    const now = await list(s, '');
    assert.equal(now.items.length, total);
    assert.ok(now.items.some((i) => i.metadata.name === 'extra-exact'));
    assert.ok(!now.items.some((i) => i.metadata.name === nameOf(0)));

    const old = await list(s, `resourceVersion=${rv}&resourceVersionMatch=Exact`);
    assert.equal(old.metadata.resourceVersion, rv);
    assert.deepEqual(old.items.map((i) => i.metadata.name), before.items.map((i) => i.metadata.name));
    assert.equal(old.items.find((i) => i.metadata.name === nameOf(1)).data.v, '0');
    // Paging an exact resourceVersion keeps it on every page.
    const paged = await list(s, `resourceVersion=${rv}&resourceVersionMatch=Exact&limit=10`);
    assert.equal(paged.metadata.resourceVersion, rv);
    assert.deepEqual(paged.items.map((i) => i.metadata.name), before.items.slice(0, 10).map((i) => i.metadata.name));
    assert.equal(paged.metadata.remainingItemCount, before.items.length - 10);
  });

  it('pages keep showing the first page\'s snapshot while objects are created, changed and deleted', { timeout: 90_000 }, async () => {
    const snapshot = await list(s, '');
    const expected = snapshot.items.map((i) => `${i.metadata.name}=${i.data?.v}`);
    const snapshotNames = snapshot.items.map((i) => i.metadata.name as string);
    let created = 0;
    const { items, rv } = await pageAll(s, async (page) => {
      // One not yet listed deleted, one changed, one created ahead of the cursor and one behind it.
      const ahead = snapshotNames[(page + 2) * pageSize + 3];
      const changeMe = snapshotNames[(page + 2) * pageSize + 5];
      if (ahead !== undefined) {
        assert.equal((await api(s, 'DELETE', `/api/v1/namespaces/${ns}/configmaps/${ahead}`)).status, 200);
        await create(s, `${ahead}-new`);
        created++;
      }
      if (changeMe !== undefined) {
        const r = await api(s, 'PATCH', `/api/v1/namespaces/${ns}/configmaps/${changeMe}`, { data: { v: `page-${page}` } }, { 'Content-Type': 'application/merge-patch+json' });
        assert.equal(r.status, 200, r.text);
      }
      await create(s, `a-behind-${String(page).padStart(3, '0')}`);
      created++;
    });
    assert.equal(rv, snapshot.metadata.resourceVersion);
    assert.deepEqual(items.map((i) => `${i.metadata.name}=${i.data?.v}`), expected);
    // The writes did happen: a fresh list shows them.
    const now = await list(s, '');
    assert.ok(created > 0);
    assert.notDeepEqual(now.items.map((i) => i.metadata.name), snapshotNames);
    assert.ok(Number(now.metadata.resourceVersion) > Number(rv));
  });

  it('a bad continue token is a 400 BadRequest', { timeout: 30_000 }, async () => {
    const bad = await api(s, 'GET', `/api/v1/namespaces/${ns}/configmaps?limit=5&continue=garbage`);
    assert.equal(bad.status, 400, bad.text);
    assert.equal(bad.json.reason, 'BadRequest');
    // storage.ValidateListOptions: NewBadRequest(fmt.Sprintf("invalid continue token: %v", err))
    assert.match(bad.json.message, /^invalid continue token: continue key is not valid/);
  });

  it('a continue token with a resourceVersion other than "" or "0" is a 400', { timeout: 30_000 }, async () => {
    const first = await list(s, 'limit=5');
    const token = encodeURIComponent(first.metadata.continue!);
    // The same check: continue with a resourceVersion other than "" or "0" is refused.
    const withRv = await api(s, 'GET', `/api/v1/namespaces/${ns}/configmaps?limit=5&continue=${token}&resourceVersion=${first.metadata.resourceVersion}`);
    assert.equal(withRv.status, 400, withRv.text.slice(0, 300));
    assert.equal(withRv.json.reason, 'BadRequest');
    assert.equal(withRv.json.message, 'specifying resource version is not allowed when using continue');
    // "0" is tolerated.
    const withZero = await api(s, 'GET', `/api/v1/namespaces/${ns}/configmaps?limit=5&continue=${token}&resourceVersion=0`);
    assert.equal(withZero.status, 200, withZero.text.slice(0, 300));
    assert.equal(withZero.json.metadata.resourceVersion, first.metadata.resourceVersion);
  });

  it('resourceVersionMatch=NotOlderThan with a future resourceVersion: 504 Timeout "Too large resource version"', { timeout: 30_000 }, async () => {
    const current = Number((await list(s, '')).metadata.resourceVersion);
    const future = current + 1000;
    const r = await api(s, 'GET', `/api/v1/namespaces/${ns}/configmaps?resourceVersion=${future}&resourceVersionMatch=NotOlderThan`);
    assert.equal(r.status, 504, r.text);
    assert.equal(r.headers.get('retry-after'), '1');
    assert.equal(r.json.kind, 'Status');
    assert.equal(r.json.status, 'Failure');
    assert.equal(r.json.code, 504);
    assert.equal(r.json.reason, 'Timeout');
    // storage.NewTooLargeResourceVersionError -> errors.NewTimeoutError adds the "Timeout: " prefix.
    const m = /^Timeout: Too large resource version: (\d+), current: (\d+)$/.exec(r.json.message);
    assert.ok(m, `message: ${r.json.message}`);
    assert.equal(Number(m[1]), future);
    assert.ok(Number(m[2]) >= current && Number(m[2]) < future);
    assert.deepEqual(r.json.details, { causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }], retryAfterSeconds: 1 });
  });
});
