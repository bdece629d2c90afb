import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from '../../src/apis/meta/errors.js';
import { newOpenApiService } from '../../src/endpoints/openapi.js';
import { ProtoReader } from '../../src/protobuf/wire.js';
import { fixtureSource } from '../schema/openapi-fixture.js';

/** Length-delimited fields of one message, by number (enough to walk gnostic's Document). */
function fields(buf: Uint8Array): Map<number, Uint8Array[]> {
  const r = new ProtoReader(buf);
  const out = new Map<number, Uint8Array[]>();
  while (!r.done) {
    const t = r.tag();
    if (t.wireType !== 2) { r.skip(t.wireType, t.field); continue; }
    const list = out.get(t.field) ?? [];
    list.push(r.bytes());
    out.set(t.field, list);
  }
  return out;
}
const text = (b: Uint8Array | undefined) => Buffer.from(b ?? []).toString('utf8');

describe('OpenAPI endpoints', () => {
  let server: Server;
  let base = '';
  let builds = 0;
  before(async () => {
    const svc = newOpenApiService(() => { builds++; return fixtureSource; });
    server = createServer((req, res) => {
      const url = new URL(req.url!, 'http://x');
      try {
        svc.serve(req, res, url.pathname.split('/').filter(Boolean).slice(1), url.searchParams);
      } catch (e) {
        const err = e as ApiError;
        res.writeHead(err.code, { 'Content-Type': 'application/json' }).end(JSON.stringify(err.toStatus()));
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((r) => server.close(() => r())));

  it('serves /openapi/v2 as JSON with an ETag, and 304 for a matching If-None-Match', async () => {
    const r = await fetch(`${base}/openapi/v2`, { headers: { Accept: 'application/json' } });
    assert.equal(r.status, 200);
    const doc = await r.json() as { swagger: string; paths: Record<string, unknown> };
    assert.equal(doc.swagger, '2.0');
    assert.ok('/api/v1/namespaces/{namespace}/widgets' in doc.paths);
    const etag = r.headers.get('etag')!;
    assert.match(etag, /^"[0-9A-F]{128}"$/);
    const again = await fetch(`${base}/openapi/v2`, { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
  });

  it('serves the gnostic protobuf form to a client that asks only for it (as client-go does)', async () => {
    const r = await fetch(`${base}/openapi/v2`, { headers: { Accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf' } });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf');
    const doc = fields(new Uint8Array(await r.arrayBuffer()));
    assert.equal(text(doc.get(1)?.[0]), '2.0');
    const paths = fields(doc.get(8)![0]).get(2)!.map((p) => text(fields(p).get(1)?.[0]));
    assert.ok(paths.includes('/api/v1/namespaces/{namespace}/widgets/{name}/status'));
    const defs = new Map(fields(doc.get(9)![0]).get(1)!.map((d) => { const f = fields(d); return [text(f.get(1)?.[0]), f.get(2)![0]] as const; }));
    const widget = fields(defs.get('io.k8s.api.core.v1.Widget')!);
    const ext = widget.get(31)!.map((e) => fields(e));
    const gvk = ext.find((e) => text(e.get(1)?.[0]) === 'x-kubernetes-group-version-kind')!;
    assert.deepEqual(JSON.parse(text(fields(gvk.get(2)![0]).get(2)?.[0])), [{ group: '', kind: 'Widget', version: 'v1' }]);
    const props = fields(fields(widget.get(25)![0]).get(1)!.map((p) => fields(p)).find((p) => text(p.get(1)?.[0]) === 'metadata')!.get(2)![0]);
    assert.equal(text(props.get(1)?.[0]), '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta');
  });

  it('refuses an Accept it cannot serve with 406', async () => {
    const r = await fetch(`${base}/openapi/v2`, { headers: { Accept: 'application/xml' } });
    assert.equal(r.status, 406);
  });

  it('serves the v3 index, pins each document by hash, and redirects an old hash', async () => {
    const index = await (await fetch(`${base}/openapi/v3`)).json() as { paths: Record<string, { serverRelativeURL: string }> };
    assert.deepEqual(Object.keys(index.paths), ['api', 'api/v1', 'apis', 'apis/example.k8s.io', 'apis/example.k8s.io/v1', 'version']);
    const url = index.paths['api/v1'].serverRelativeURL;
    assert.match(url, /^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{128}$/);
    const pinned = await fetch(base + url);
    assert.equal(pinned.status, 200);
    assert.equal(pinned.headers.get('cache-control'), 'public, immutable');
    const doc = await pinned.json() as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, '3.0.0');
    assert.ok(Object.keys(doc.paths).every((p) => p.startsWith('/api/v1/')));
    const unpinned = await fetch(`${base}/openapi/v3/api/v1`);
    assert.equal(unpinned.headers.get('cache-control'), 'no-cache, private');
    assert.equal(`/openapi/v3/api/v1?hash=${unpinned.headers.get('etag')!.slice(1, -1)}`, url);
    const old = await fetch(`${base}/openapi/v3/api/v1?hash=0123`, { redirect: 'manual' });
    assert.equal(old.status, 301);
    assert.equal(old.headers.get('location'), url);
  });

  it('answers 404 for unknown documents and builds each dialect once', async () => {
    for (const p of ['/openapi/v3/apis/nope/v1', '/openapi/v4', '/openapi/v3/apis/example.k8s.io/v2']) {
      assert.equal((await fetch(base + p)).status, 404, p);
    }
    assert.equal(builds, 1, 'the source is read once and the documents are cached');
  });
});
