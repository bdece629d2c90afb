/**
 * withAudit and withFailedAuthenticationAudit driven over a real node:http server on loopback, with
 * a small handler standing in for the API: which stages are emitted at which level, bodies at
 * Request/RequestResponse only (and the handler still reads the whole request body), the Audit-Id
 * header (echoing a client's Audit-ID), Status responses, watches, panics and impersonation.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, createServer as createH2Server } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { ApiError } from '../../src/apis/meta/errors.js';
import { type AuditEvent, encodeEvent } from '../../src/audit/event.js';
import type { AuditBackend } from '../../src/audit/log-backend.js';
import { parsePolicy } from '../../src/audit/policy.js';
import { writeError, writeObject } from '../../src/endpoints/status.js';
import { addAuditAnnotation, newAudit, withAudit, withFailedAuthenticationAudit } from '../../src/filters/audit.js';
import { type ApiRequest, buildChain, type Filter, type Handler } from '../../src/filters/chain.js';
import { parseRequestInfo } from '../../src/filters/request-info.js';

const t = { timeout: 20_000 };
const quiet = { info() {}, error() {}, debug() {} };
const alice = { name: 'alice', uid: 'u-1', groups: ['devs', 'system:authenticated'] };

type Ev = AuditEvent & Record<string, unknown>;
class Collector implements AuditBackend {
  events: Ev[] = [];
  private waiters: Array<() => void> = [];
  processEvent(ev: AuditEvent): void {
    this.events.push(JSON.parse(encodeEvent(ev)));
    for (const w of this.waiters.splice(0)) w();
  }
  async close() {}
  /** Resolves once an event with this audit ID and stage has arrived. */
  async waitFor(auditID: string, stage: string): Promise<Ev> {
    for (;;) {
      const ev = this.events.find((e) => e.auditID === auditID && e.stage === stage);
      if (ev) return ev;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
  of(auditID: string) { return this.events.filter((e) => e.auditID === auditID); }
}

const policyText = `
apiVersion: audit.k8s.io/v1
kind: Policy
omitManagedFields: true
rules:
  - level: None
    resources: [{group: "", resources: ["events"]}]
  - level: Metadata
    resources: [{group: "", resources: ["configmaps"]}]
  - level: Request
    resources: [{group: "", resources: ["secrets"]}]
  - level: RequestResponse
    omitStages: ["RequestReceived"]
    resources: [{group: "", resources: ["pods"]}]
  - level: Metadata
`;

/** Stands in for the API handler. */
const api: Handler = async ({ req, res, info }) => {
  if (info.name === 'missing') throw new ApiError(404, 'NotFound', `${info.resource} "missing" not found`, { name: 'missing', kind: info.resource });
  if (info.name === 'boom') throw new TypeError('x is undefined');
  if (info.verb === 'watch') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.write('{"type":"ADDED","object":{}}\n');
    setTimeout(() => res.end(), 20);
    return;
  }
  if (info.verb === 'create') {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString()) as { metadata: Record<string, unknown> };
    writeObject(res, 201, { ...body, metadata: { ...body.metadata, uid: 'uid-1', managedFields: [{ manager: 'kubectl' }] } });
    return;
  }
  writeObject(res, 200, { kind: 'PodList', apiVersion: 'v1', metadata: {}, items: [] });
};

/** Acts as impersonation would: later stages see another user. */
const impersonate: Filter = (next) => async (r) => {
  if (r.req.headers['impersonate-user']) r.user = { name: String(r.req.headers['impersonate-user']), groups: ['system:authenticated'] };
  return next(r);
};
const authorize: Filter = (next) => async (r) => {
  addAuditAnnotation(r, 'authorization.k8s.io/decision', r.req.headers['x-deny'] ? 'forbid' : 'allow');
  if (r.req.headers['x-deny']) throw new ApiError(403, 'Forbidden', 'secrets is forbidden: User "alice" cannot create resource "secrets"', { kind: 'secrets' });
  return next(r);
};
const authenticate: Filter = (next) => async (r) => {
  if (r.req.headers.authorization === 'Bearer bad') throw new ApiError(401, 'Unauthorized', 'Unauthorized');
  return next(r);
};

describe('audit filter', t, () => {
  const backend = new Collector();
  let server: Server;
  let base = '';

  before(async () => {
    const policy = await parsePolicy(policyText);
    const chain = buildChain(api, [withFailedAuthenticationAudit(policy, backend), authenticate, withAudit(policy, backend, quiet), impersonate, authorize]);
    server = createServer((req, res) => {
      const r: ApiRequest = { req, res, info: parseRequestInfo(req), user: alice, startedAt: performance.now() };
      chain(r).catch((e) => { req.resume(); writeError(res, e); });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(base + path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...headers } });

  it('Metadata: RequestReceived and ResponseComplete, no bodies, objectRef completed from the body', async () => {
    const resp = await post('/api/v1/namespaces/default/configmaps', { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'cm1' }, data: { a: 'b' } }, { 'User-Agent': 'kubectl/v1.32' });
    assert.equal(resp.status, 201);
    const id = resp.headers.get('audit-id')!;
    assert.match(id, /^[0-9a-f-]{36}$/);
    const done = await backend.waitFor(id, 'ResponseComplete');
    const [received] = backend.of(id);
    assert.equal(received.stage, 'RequestReceived');
    assert.deepEqual(received.objectRef, { resource: 'configmaps', namespace: 'default', apiVersion: 'v1' });
    assert.equal(received.stageTimestamp, received.requestReceivedTimestamp);
    assert.match(received.requestReceivedTimestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    assert.equal(received.responseStatus, undefined);
    assert.equal(received.annotations, undefined);
    assert.equal(done.level, 'Metadata');
    assert.equal(done.verb, 'create');
    assert.equal(done.requestURI, '/api/v1/namespaces/default/configmaps');
    assert.deepEqual(done.user, { username: 'alice', uid: 'u-1', groups: ['devs', 'system:authenticated'] });
    assert.deepEqual(done.sourceIPs, ['127.0.0.1']);
    assert.equal(done.userAgent, 'kubectl/v1.32');
    assert.deepEqual(done.objectRef, { resource: 'configmaps', namespace: 'default', name: 'cm1', apiVersion: 'v1' });
    assert.deepEqual(done.responseStatus, { metadata: {}, code: 201 });
    assert.equal(done.requestObject, undefined);
    assert.equal(done.responseObject, undefined);
    assert.deepEqual(done.annotations, { 'authorization.k8s.io/decision': 'allow' });
    assert.equal(backend.of(id).length, 2);
  });

  it('RequestResponse: both bodies, managedFields omitted, the handler still reads the whole body', async () => {
    const pod = { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'p1', labels: { big: 'x'.repeat(200_000) } }, spec: { containers: [{ name: 'c', image: 'i' }] } };
    const resp = await post('/api/v1/namespaces/default/pods', pod);
    assert.equal(resp.status, 201);
    const echoed = await resp.json() as typeof pod;
    assert.equal(echoed.metadata.labels.big.length, 200_000);
    const id = resp.headers.get('audit-id')!;
    const done = await backend.waitFor(id, 'ResponseComplete');
    assert.deepEqual(backend.of(id).map((e) => e.stage), ['ResponseComplete'], 'RequestReceived is omitted by the rule');
    assert.deepEqual(done.requestObject, pod);
    assert.deepEqual(done.responseObject, { ...pod, metadata: { ...pod.metadata, uid: 'uid-1' } });
    assert.equal((done.objectRef as Record<string, unknown>).name, 'p1');
  });

  it('Request: the request body only', async () => {
    const resp = await post('/api/v1/namespaces/default/secrets', { kind: 'Secret', apiVersion: 'v1', metadata: { name: 's' } });
    const done = await backend.waitFor(resp.headers.get('audit-id')!, 'ResponseComplete');
    assert.deepEqual(done.requestObject, { kind: 'Secret', apiVersion: 'v1', metadata: { name: 's' } });
    assert.equal(done.responseObject, undefined);
  });

  it('a request refused before its body is read logs no requestObject, and the 403 Status', async () => {
    const resp = await post('/api/v1/namespaces/default/secrets', { kind: 'Secret', apiVersion: 'v1', metadata: { name: 's' } }, { 'X-Deny': '1' });
    assert.equal(resp.status, 403);
    const done = await backend.waitFor(resp.headers.get('audit-id')!, 'ResponseComplete');
    assert.equal(done.requestObject, undefined);
    assert.deepEqual(done.annotations, { 'authorization.k8s.io/decision': 'forbid' });
    assert.deepEqual(done.responseStatus, { metadata: {}, status: 'Failure', message: 'secrets is forbidden: User "alice" cannot create resource "secrets"', reason: 'Forbidden', details: { kind: 'secrets' }, code: 403 });
  });

  it('None: nothing is logged, but Audit-Id is still echoed; a client\'s Audit-ID is kept', async () => {
    const none = await post('/api/v1/namespaces/default/events', { metadata: { name: 'e' } }, { 'Audit-ID': 'client-chosen-id' });
    assert.equal(none.status, 201);
    assert.equal(none.headers.get('audit-id'), 'client-chosen-id');
    const other = await fetch(`${base}/api/v1/namespaces/default/pods`, { headers: { 'Audit-ID': 'second-id' } });
    assert.equal(other.headers.get('audit-id'), 'second-id');
    const done = await backend.waitFor('second-id', 'ResponseComplete');
    assert.deepEqual(done.responseObject, { kind: 'PodList', apiVersion: 'v1', metadata: {}, items: [] });
    assert.deepEqual(backend.of('client-chosen-id'), []);
  });

  it('a Status response fills responseStatus', async () => {
    const resp = await fetch(`${base}/api/v1/namespaces/default/configmaps/missing`);
    assert.equal(resp.status, 404);
    const done = await backend.waitFor(resp.headers.get('audit-id')!, 'ResponseComplete');
    assert.deepEqual(done.responseStatus, { metadata: {}, status: 'Failure', message: 'configmaps "missing" not found', reason: 'NotFound', details: { name: 'missing', kind: 'configmaps' }, code: 404 });
  });

  it('a watch: ResponseStarted when headers go out, ResponseComplete when it ends', async () => {
    const resp = await fetch(`${base}/api/v1/namespaces/default/configmaps?watch=1`);
    const id = resp.headers.get('audit-id')!;
    const started = await backend.waitFor(id, 'ResponseStarted');
    assert.deepEqual(started.responseStatus, { metadata: {}, code: 200 });
    await resp.text();
    await backend.waitFor(id, 'ResponseComplete');
    assert.deepEqual(backend.of(id).map((e) => e.stage), ['RequestReceived', 'ResponseStarted', 'ResponseComplete']);
    assert.equal(backend.of(id)[2].verb, 'watch');
  });

  it('an unexpected exception is a Panic event and nothing after it', async () => {
    const resp = await fetch(`${base}/api/v1/namespaces/default/configmaps/boom`);
    assert.equal(resp.status, 500);
    const id = resp.headers.get('audit-id')!;
    const panic = await backend.waitFor(id, 'Panic');
    assert.deepEqual(panic.responseStatus, { metadata: {}, status: 'Failure', message: "APIServer panic'd: TypeError: x is undefined", reason: 'InternalError', code: 500 });
    await fetch(`${base}/api/v1/namespaces/default/configmaps`, { headers: { 'Audit-ID': 'after-panic' } });
    await backend.waitFor('after-panic', 'ResponseComplete');
    assert.deepEqual(backend.of(id).map((e) => e.stage), ['RequestReceived', 'Panic']);
  });

  it('impersonation: the real user stays user, the impersonated one is recorded after RequestReceived', async () => {
    const resp = await fetch(`${base}/api/v1/namespaces/default/configmaps`, { headers: { 'Impersonate-User': 'bob' } });
    const id = resp.headers.get('audit-id')!;
    const done = await backend.waitFor(id, 'ResponseComplete');
    const [received] = backend.of(id);
    assert.equal(received.impersonatedUser, undefined);
    assert.equal((done.user as { username: string }).username, 'alice');
    assert.deepEqual(done.impersonatedUser, { username: 'bob', groups: ['system:authenticated'] });
  });

  it('failed authentication: one ResponseStarted event with no user', async () => {
    const resp = await fetch(`${base}/api/v1/namespaces/default/configmaps`, { headers: { Authorization: 'Bearer bad' } });
    assert.equal(resp.status, 401);
    const id = resp.headers.get('audit-id')!;
    const ev = await backend.waitFor(id, 'ResponseStarted');
    assert.deepEqual(ev.user, {});
    assert.deepEqual(ev.responseStatus, { metadata: {}, message: 'Authentication failed, attempted: bearer', code: 401 });
    assert.equal(backend.of(id).length, 1);
  });
});

describe('audit filter over HTTP/2 (the compat API of the secure port)', t, () => {
  it('RequestResponse bodies are captured once', async () => {
    const backend = new Collector();
    const policy = await parsePolicy(policyText);
    const chain = buildChain(api, [withAudit(policy, backend, quiet)]);
    const server = createH2Server((req, res) => {
      const r = { req, res, info: parseRequestInfo(req), user: alice, startedAt: performance.now() } as unknown as ApiRequest;
      chain(r).catch((e) => { req.resume(); writeError(r.res, e); });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const client = connect(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    try {
      const pod = { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'h2' } };
      const stream = client.request({ ':method': 'POST', ':path': '/api/v1/namespaces/default/pods', 'content-type': 'application/json' });
      stream.end(JSON.stringify(pod));
      const headers = await new Promise<Record<string, unknown>>((resolve) => stream.once('response', resolve));
      stream.resume();
      await new Promise((resolve) => stream.once('end', resolve));
      assert.equal(headers[':status'], 201);
      const done = await backend.waitFor(String(headers['audit-id']), 'ResponseComplete');
      assert.deepEqual(done.requestObject, pod);
      assert.deepEqual(done.responseObject, { ...pod, metadata: { name: 'h2', uid: 'uid-1' } });
    } finally {
      client.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('newAudit', t, () => {
  const log = { path: '', maxAge: 0, maxBackups: 0, maxSize: 0, compress: false, format: 'json' as const };
  it('is null without a log path, or without a policy', async () => {
    assert.equal(await newAudit({ policyFile: '/nonexistent', log }, quiet), null);
    assert.equal(await newAudit({ policyFile: '', log: { ...log, path: '-' } }, quiet), null);
  });
  it('refuses bad flags and bad policies', async () => {
    await assert.rejects(newAudit({ policyFile: '/nonexistent', log: { ...log, path: '-', maxAge: -1 } }, quiet), /--audit-log-maxage -1 can't be a negative number/);
    await assert.rejects(newAudit({ policyFile: '/nonexistent/policy.yaml', log: { ...log, path: '-' } }, quiet), /loading audit policy file: failed to read file path/);
  });
});
