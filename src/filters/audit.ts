/**
 * Audit (upstream's WithAuditInit + WithAudit + WithFailedAuthenticationAudit): after
 * authentication, so the event names the real user, and before impersonation, which the event
 * records as impersonatedUser. The policy picks a level per request; None costs one rule scan.
 *
 *   RequestReceived ─ handler ─┬─ (watch) ResponseStarted when headers go out ─ ResponseComplete at the end
 *                              └─ ResponseComplete when the response is finished (or the client left)
 *
 * Bodies are observed, never consumed: the request's 'data' events are teed (any reader of the body
 * makes them) and res.write/res.end are wrapped. With no audit configured none of this is in the
 * chain: newAudit returns null.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { ApiError } from '../apis/meta/errors.js';
import {
  auditIdHeader, type AuditEvent, auditUser, decodeForAudit, fillObjectRef, levelAtLeast, mediaTypeOf, microTime, newEvent, nowMs,
  type ResponseStatus, type Stage, statusFields, type Tap, tapBytes, tapChunk, withoutManagedFields,
} from '../audit/event.js';
import { type AuditBackend, type AuditLogOptions, newLogBackend, validateAuditLogOptions } from '../audit/log-backend.js';
import { type AuditPolicy, loadPolicyFile, type RequestAuditConfig } from '../audit/policy.js';
import type { Logger } from '../endpoints/status.js';
import { auditedRequests } from './audit-annotations.js';
import { type ApiRequest, type Filter, isLongRunning } from './chain.js';

const bodyVerbs = new Set(['create', 'update', 'patch', 'delete', 'deletecollection']);
const statusPrefix = '{"kind":"Status"';
// Authorization annotates through audit-annotations.ts directly; the tests import it from here.
export { addAuditAnnotation } from './audit-annotations.js';

/** WithAuditInit: the client's Audit-ID, or a new UUID, echoed as the Audit-Id response header. */
function auditIdOf(r: ApiRequest): string {
  const echoed = r.res.getHeader(auditIdHeader);
  if (typeof echoed === 'string' && echoed !== '') return echoed;
  const sent = r.req.headers['audit-id'];
  const id = (Array.isArray(sent) ? sent[0] : sent) || randomUUID();
  if (!r.res.headersSent) r.res.setHeader(auditIdHeader, id);
  return id;
}

function policyFor(policy: AuditPolicy, r: ApiRequest, authenticated: boolean): RequestAuditConfig {
  const i = r.info;
  return policy.levelFor({
    user: authenticated ? r.user : undefined, verb: i.verb, resourceRequest: i.isResourceRequest, path: i.path,
    apiGroup: i.apiGroup, resource: i.resource, subresource: i.subresource, namespace: i.namespace, name: i.name,
  });
}

/** Emits one stage unless the policy omits it; the event is encoded at once, so it may change afterwards. */
function emitter(ev: AuditEvent, cfg: RequestAuditConfig, backend: AuditBackend) {
  return (stage: Stage) => {
    if (cfg.omitStages.includes(stage)) return;
    ev.stage = stage;
    ev.stageTimestamp = stage === 'RequestReceived' ? ev.requestReceivedTimestamp : microTime(nowMs());
    backend.processEvent(ev);
  };
}

export function withAudit(policy: AuditPolicy, backend: AuditBackend, log: Logger): Filter {
  return (next) => async (r) => {
    const auditID = auditIdOf(r);
    const cfg = policyFor(policy, r, true);
    if (cfg.level === 'None') {
      auditedRequests.set(r.req, null);
      return next(r);
    }

    const { req, res, info } = r;
    const realUser = r.user;
    const ev = newEvent(req, info, realUser, cfg.level, auditID, performance.timeOrigin + r.startedAt);
    auditedRequests.set(req, ev);
    const emit = emitter(ev, cfg, backend);
    emit('RequestReceived');

    const longRunning = isLongRunning(info);
    const atRequest = levelAtLeast(cfg.level, 'Request');
    const logResponseObject = cfg.level === 'RequestResponse' && info.isResourceRequest && !longRunning;
    // Create and update bodies are read at Metadata too: their metadata completes objectRef.
    const tapRequest = info.isResourceRequest && (atRequest ? bodyVerbs.has(info.verb) : info.verb === 'create' || info.verb === 'update');
    const reqTap: Tap = { chunks: [], size: 0, over: false };
    // Only what the handler reads counts: a body drained after a 403 was never decoded upstream either.
    let tapping = tapRequest;
    if (tapRequest) {
      const emitData = req.emit;
      req.emit = function (this: IncomingMessage, event: string | symbol, ...args: unknown[]) {
        if (tapping && event === 'data') tapChunk(reqTap, args[0]);
        return emitData.call(this, event, ...args);
      } as typeof req.emit;
    }

    let started = false;
    let resTap: Tap | null | undefined = longRunning ? null : undefined; // undefined: decided by the first chunk
    const start = (code: number) => {
      if (started) return;
      started = true;
      ev.responseStatus = { metadata: {}, code };
      if (r.user !== realUser) ev.impersonatedUser = auditUser(r.user);
      if (longRunning) emit('ResponseStarted');
    };
    const onChunk = (chunk: unknown, encoding: unknown) => {
      if (resTap === null || chunk == null || typeof chunk === 'function') return;
      if (resTap === undefined) {
        const u8 = chunk as Uint8Array;
        const head = typeof chunk === 'string' ? chunk.slice(0, statusPrefix.length)
          : Buffer.from(u8.buffer, u8.byteOffset, Math.min(u8.byteLength, statusPrefix.length)).toString('latin1');
        resTap = logResponseObject || head === statusPrefix ? { chunks: [], size: 0, over: false } : null;
        if (resTap === null) return;
      }
      tapChunk(resTap, chunk, encoding);
    };
    const { writeHead, write, end } = res;
    // Node's implicit headers go through this.writeHead(statusCode) too.
    res.writeHead = function (this: typeof res, ...args: unknown[]) {
      start(typeof args[0] === 'number' ? args[0] : res.statusCode);
      return (writeHead as (...a: unknown[]) => typeof res).apply(this, args);
    } as typeof res.writeHead;
    let ending = false; // HTTP/2's compat end(chunk) calls this.write(chunk): count the chunk once
    res.write = function (this: typeof res, ...args: unknown[]) {
      start(res.statusCode);
      if (!ending) onChunk(args[0], args[1]);
      return (write as (...a: unknown[]) => boolean).apply(this, args);
    } as typeof res.write;
    res.end = function (this: typeof res, ...args: unknown[]) {
      if (!res.headersSent) start(res.statusCode);
      onChunk(args[0], args[1]);
      ending = true;
      try {
        return (end as (...a: unknown[]) => typeof res).apply(this, args);
      } finally {
        ending = false;
      }
    } as typeof res.end;

    let done = false;
    const complete = async () => {
      if (!started) {
        // Neither a status nor a byte was sent: upstream fakes a success.
        const faked: ResponseStatus = { metadata: {}, status: 'Success', message: 'Connection closed early', code: 200 };
        started = true;
        ev.responseStatus = faked;
        if (longRunning) emit('ResponseStarted');
      }
      if (r.user !== realUser) ev.impersonatedUser = auditUser(r.user);
      if (tapRequest && reqTap.size > 0 && !reqTap.over) {
        let obj = await decodeForAudit(tapBytes(reqTap), mediaTypeOf(req.headers['content-type']));
        if (obj !== undefined && info.verb !== 'patch') {
          fillObjectRef(ev, obj);
          if (cfg.omitManagedFields) obj = withoutManagedFields(obj);
        }
        if (atRequest && obj !== undefined) ev.requestObject = obj;
      }
      if (resTap && !resTap.over && resTap.size > 0) {
        const obj = await decodeForAudit(tapBytes(resTap), mediaTypeOf(res.getHeader('content-type') ?? 'application/json'));
        const o = obj as Record<string, unknown> | undefined;
        if (o && o.kind === 'Status' && o.apiVersion === 'v1') ev.responseStatus = statusFields(o, res.statusCode);
        if (logResponseObject && obj !== undefined) ev.responseObject = cfg.omitManagedFields ? withoutManagedFields(obj) : obj;
      }
      emit('ResponseComplete');
    };
    const finish = () => {
      if (done) return;
      done = true;
      complete().catch((e) => log.error('unable to complete an audit event', { auditID, error: String(e) }));
    };
    res.once('finish', finish);
    res.once('close', finish);

    try {
      await next(r);
    } catch (e) {
      if (!(e instanceof ApiError) && !done) {
        // An unexpected exception is kubets' panic: logged as such, and no ResponseComplete follows.
        done = true;
        if (r.user !== realUser) ev.impersonatedUser = auditUser(r.user);
        ev.responseStatus = { metadata: {}, status: 'Failure', message: `APIServer panic'd: ${String(e)}`, reason: 'InternalError', code: 500 };
        emit('Panic');
      }
      throw e;
    } finally {
      tapping = false;
    }
  };
}

/** getAuthMethods: what the client tried, for the 401 event. */
function authMethods(r: ApiRequest): string {
  const methods: string[] = [];
  const auth = (r.req.headers.authorization ?? '').trim();
  const scheme = auth.split(' ');
  if (scheme[0].toLowerCase() === 'basic' && scheme.length > 1) methods.push('basic');
  if (scheme.length > 1 && scheme[0].toLowerCase() === 'bearer') methods.push('bearer');
  if ((r.info.query.get('access_token') ?? '').trim() !== '') methods.push('access_token');
  const socket = r.req.socket as TLSSocket;
  const cert = typeof socket.getPeerCertificate === 'function' ? socket.getPeerCertificate() : undefined;
  if (cert && Object.keys(cert).length > 0) methods.push('x509');
  return methods.length > 0 ? `Authentication failed, attempted: ${methods.join(', ')}` : 'Authentication failed, no credentials provided';
}

/**
 * WithFailedAuthenticationAudit, placed just outside authentication: a 401 from it is one
 * ResponseStarted event with no user. It also echoes Audit-Id on those 401s, as WithAuditInit would.
 */
export function withFailedAuthenticationAudit(policy: AuditPolicy, backend: AuditBackend): Filter {
  return (next) => async (r) => {
    const auditID = auditIdOf(r);
    try {
      await next(r);
    } catch (e) {
      if (e instanceof ApiError && e.code === 401 && !auditedRequests.has(r.req)) {
        const cfg = policyFor(policy, r, false);
        if (cfg.level !== 'None') {
          const ev = newEvent(r.req, r.info, undefined, cfg.level, auditID, performance.timeOrigin + r.startedAt);
          ev.responseStatus = { metadata: {}, message: authMethods(r), code: 401 };
          emitter(ev, cfg, backend)('ResponseStarted');
        }
      }
      throw e;
    }
  };
}

export interface AuditOptions {
  /** --audit-policy-file; without it nothing is audited. */
  policyFile: string;
  /** --audit-log-* flags; an empty path means no log backend. */
  log: AuditLogOptions;
}

export interface Audit {
  /** Goes right after withAuthentication. */
  withAudit: Filter;
  /** Goes right before withAuthentication. */
  withFailedAuthenticationAudit: Filter;
  /** Flushes and closes the audit log; call at shutdown after the listeners closed. */
  close(): Promise<void>;
}

/**
 * Builds audit from the flags, or returns null when there is nothing to do (no log path, or no
 * policy: upstream records nothing without a policy). Throws on a bad policy or bad flags.
 */
export async function newAudit(o: AuditOptions, log: Logger): Promise<Audit | null> {
  if (o.log.path === '') return null;
  const errs = validateAuditLogOptions(o.log);
  if (errs.length > 0) throw new Error(errs.join('; '));
  if (o.policyFile === '') {
    log.debug('No audit policy file provided, no events will be recorded for log backend');
    return null;
  }
  const policy = await loadPolicyFile(o.policyFile);
  const backend = newLogBackend(o.log, log);
  return {
    withAudit: withAudit(policy, backend, log),
    withFailedAuthenticationAudit: withFailedAuthenticationAudit(policy, backend),
    close: () => backend.close(),
  };
}
