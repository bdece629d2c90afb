/**
 * audit.k8s.io/v1 Event objects (k8s.io/apiserver/pkg/apis/audit/v1 types.go) and the pieces of a
 * request they are built from (pkg/audit/request.go): user, source IPs, object reference, bounded
 * copies of the bodies. encodeEvent writes upstream's struct order, so the JSON lines read like
 * kube-apiserver's.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { UserInfo } from '../auth/user.js';
import type { RequestInfo } from '../filters/request-info.js';

export type Level = 'None' | 'Metadata' | 'Request' | 'RequestResponse';
export type Stage = 'RequestReceived' | 'ResponseStarted' | 'ResponseComplete' | 'Panic';

export const levels: readonly Level[] = ['None', 'Metadata', 'Request', 'RequestResponse'];
export const stages: readonly Stage[] = ['RequestReceived', 'ResponseStarted', 'ResponseComplete', 'Panic'];

/** upstream Level.Less, inverted: is `a` at least as detailed as `b`? */
export const levelAtLeast = (a: Level, b: Level): boolean => levels.indexOf(a) >= levels.indexOf(b);

/** authentication.k8s.io/v1 UserInfo: every field is omitempty. */
export interface AuditUser {
  username?: string;
  uid?: string;
  groups?: string[];
  extra?: Record<string, string[]>;
}

export interface ObjectReference {
  resource?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  apiGroup?: string;
  apiVersion?: string;
  resourceVersion?: string;
  subresource?: string;
}

/** The bounded fields of a meta/v1 Status that upstream copies into responseStatus. */
export interface ResponseStatus {
  metadata: Record<string, never>;
  status?: string;
  message?: string;
  reason?: string;
  details?: unknown;
  code: number;
}

export interface AuditEvent {
  kind: 'Event';
  apiVersion: 'audit.k8s.io/v1';
  level: Level;
  auditID: string;
  stage: Stage;
  requestURI: string;
  verb: string;
  user: AuditUser;
  impersonatedUser?: AuditUser;
  sourceIPs?: string[];
  userAgent?: string;
  objectRef?: ObjectReference;
  responseStatus?: ResponseStatus;
  requestObject?: unknown;
  responseObject?: unknown;
  requestReceivedTimestamp: string;
  stageTimestamp: string;
  annotations?: Record<string, string>;
}

/** The response header that carries the audit ID (auditinternal.HeaderAuditID, as Go canonicalizes it). */
export const auditIdHeader = 'Audit-Id';

const maxUserAgentLength = 1024;
/** Bodies larger than this are not copied into events (upstream's request body limit, 3 MiB). */
export const maxAuditBodyBytes = 3 * 1024 * 1024;

/** Wall-clock milliseconds since the epoch, with sub-millisecond precision. */
export const nowMs = (): number => performance.timeOrigin + performance.now();

/** metav1.MicroTime's wire form: RFC 3339 in UTC with exactly six fractional digits. */
export function microTime(epochMs: number): string {
  const whole = Math.floor(epochMs);
  const micros = Math.floor((epochMs - whole) * 1000);
  const iso = new Date(whole).toISOString(); // 2026-01-02T03:04:05.123Z
  return `${iso.slice(0, 23)}${String(micros).padStart(3, '0')}Z`;
}

export function auditUser(u: UserInfo | undefined): AuditUser {
  if (!u) return {};
  const out: AuditUser = {};
  if (u.name) out.username = u.name;
  if (u.uid) out.uid = u.uid;
  if (u.groups.length > 0) out.groups = [...u.groups];
  if (u.extra && Object.keys(u.extra).length > 0) out.extra = u.extra;
  return out;
}

/** Go prints an IPv4-mapped IPv6 address as plain IPv4; Node reports ::ffff:a.b.c.d. */
function normalizeIP(s: string): string | undefined {
  const ip = s.trim().replace(/^\[|\]$/g, '');
  if (isIP(ip) === 0) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped ? mapped[1] : ip.toLowerCase();
}

/** utilnet.SourceIPs: X-Forwarded-For, then X-Real-Ip unless already listed, then the peer unless it is already last. */
export function sourceIPs(req: IncomingMessage): string[] {
  const ips: string[] = [];
  const xff = req.headers['x-forwarded-for'];
  const forwarded = Array.isArray(xff) ? xff[0] : xff;
  if (forwarded) for (const part of forwarded.split(',')) { const ip = normalizeIP(part); if (ip) ips.push(ip); }
  const xri = req.headers['x-real-ip'];
  const real = normalizeIP((Array.isArray(xri) ? xri[0] : xri) ?? '');
  if (real && !ips.includes(real)) ips.push(real);
  const remote = normalizeIP(req.socket?.remoteAddress ?? '');
  if (remote && ips[ips.length - 1] !== remote) ips.push(remote);
  return ips;
}

function userAgent(req: IncomingMessage): string | undefined {
  const ua = req.headers['user-agent'];
  if (!ua) return undefined;
  return ua.length > maxUserAgentLength ? `${ua.slice(0, maxUserAgentLength)}...TRUNCATED` : ua;
}

/** audit.NewEventFromRequest: everything known when the request arrives. */
export function newEvent(req: IncomingMessage, info: RequestInfo, user: UserInfo | undefined, level: Level, auditID: string, receivedAtMs: number): AuditEvent {
  const ev: AuditEvent = {
    kind: 'Event', apiVersion: 'audit.k8s.io/v1', level, auditID, stage: 'RequestReceived',
    requestURI: req.url ?? '/', verb: info.verb, user: auditUser(user),
    requestReceivedTimestamp: microTime(receivedAtMs), stageTimestamp: '',
  };
  const ips = sourceIPs(req);
  if (ips.length > 0) ev.sourceIPs = ips;
  const ua = userAgent(req);
  if (ua) ev.userAgent = ua;
  if (info.isResourceRequest) {
    const ref: ObjectReference = {};
    if (info.resource) ref.resource = info.resource;
    if (info.namespace) ref.namespace = info.namespace;
    if (info.name) ref.name = info.name;
    if (info.apiGroup) ref.apiGroup = info.apiGroup;
    if (info.apiVersion) ref.apiVersion = info.apiVersion;
    if (info.subresource) ref.subresource = info.subresource;
    ev.objectRef = ref;
  }
  ev.stageTimestamp = ev.requestReceivedTimestamp;
  return ev;
}

/** audit.LogRequestObject: fills the object reference from the request object's metadata where the URL left it empty. */
export function fillObjectRef(ev: AuditEvent, obj: unknown): void {
  const meta = (obj as { metadata?: Record<string, unknown> } | null)?.metadata;
  if (!ev.objectRef || !meta || typeof meta !== 'object') return;
  const ref = ev.objectRef;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  ref.namespace ??= str(meta.namespace);
  ref.name ??= str(meta.name);
  ref.uid ??= str(meta.uid);
  ref.resourceVersion ??= str(meta.resourceVersion);
}

/** copyWithoutManagedFields: drops metadata.managedFields from an object, a list's items or a Table's rows, without touching the input. */
export function withoutManagedFields(obj: unknown): unknown {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return obj;
  const o = { ...(obj as Record<string, unknown>) };
  const meta = o.metadata as Record<string, unknown> | undefined;
  if (meta && typeof meta === 'object' && 'managedFields' in meta) {
    const { managedFields: _dropped, ...rest } = meta;
    o.metadata = rest;
  }
  if (Array.isArray(o.items)) o.items = o.items.map(withoutManagedFields);
  if (o.kind === 'Table' && Array.isArray(o.rows)) {
    o.rows = o.rows.map((row: Record<string, unknown>) => (row && row.object ? { ...row, object: withoutManagedFields(row.object) } : row));
  }
  return o;
}

/** One JSON line, keys in upstream's struct order whatever order the fields were set in. */
export function encodeEvent(ev: AuditEvent): string {
  const ref = ev.objectRef;
  const st = ev.responseStatus;
  return JSON.stringify({
    kind: ev.kind, apiVersion: ev.apiVersion, level: ev.level, auditID: ev.auditID, stage: ev.stage,
    requestURI: ev.requestURI, verb: ev.verb, user: ev.user, impersonatedUser: ev.impersonatedUser,
    sourceIPs: ev.sourceIPs, userAgent: ev.userAgent,
    objectRef: ref && {
      resource: ref.resource, namespace: ref.namespace, name: ref.name, uid: ref.uid, apiGroup: ref.apiGroup,
      apiVersion: ref.apiVersion, resourceVersion: ref.resourceVersion, subresource: ref.subresource,
    },
    responseStatus: st && { metadata: {}, status: st.status, message: st.message, reason: st.reason, details: st.details, code: st.code },
    requestObject: ev.requestObject, responseObject: ev.responseObject,
    requestReceivedTimestamp: ev.requestReceivedTimestamp, stageTimestamp: ev.stageTimestamp, annotations: ev.annotations,
  });
}

/** The 1-line text form of --audit-log-format=legacy (audit.EventString). */
export function eventString(ev: AuditEvent): string {
  const q = (s: string) => JSON.stringify(s);
  const list = (l: string[]) => l.map(q).join(',');
  const username = ev.user.username ?? '<none>';
  const groups = ev.user.username && ev.user.groups?.length ? list(ev.user.groups) : '<none>';
  const asUser = ev.impersonatedUser ? ev.impersonatedUser.username ?? '' : '<self>';
  const asGroups = ev.impersonatedUser?.groups ? list(ev.impersonatedUser.groups) : '<lookup>';
  // Go's RFC3339Nano drops trailing zeros of the fraction.
  const ts = ev.requestReceivedTimestamp.replace(/\.?0+Z$/, 'Z');
  return `${ts} AUDIT: id=${q(ev.auditID)} stage=${q(ev.stage)} ip=${q(ev.sourceIPs?.[0] ?? '<unknown>')} method=${q(ev.verb)} `
    + `user=${q(username)} groups=${q(groups)} as=${q(asUser)} asgroups=${q(asGroups)} user-agent=${q(ev.userAgent ?? '')} `
    + `namespace=${q(ev.objectRef?.namespace || '<none>')} uri=${q(ev.requestURI)} response="${ev.responseStatus ? ev.responseStatus.code : '<deferred>'}"`;
}

// ---- bodies, observed as they stream past ----

type Chunk = Buffer | string;
/** A bounded copy of a body, taken as it streams past. */
export interface Tap { chunks: Chunk[]; size: number; over: boolean }

export function tapChunk(tap: Tap, chunk: unknown, encoding?: unknown): void {
  if (tap.over || chunk == null || typeof chunk === 'function') return;
  const c: Chunk = typeof chunk === 'string' ? (typeof encoding === 'string' && encoding !== 'utf8' && encoding !== 'utf-8' ? Buffer.from(chunk, encoding as BufferEncoding) : chunk)
    : Buffer.isBuffer(chunk) ? chunk : Buffer.from((chunk as Uint8Array).buffer, (chunk as Uint8Array).byteOffset, (chunk as Uint8Array).byteLength);
  tap.size += c.length;
  if (tap.size > maxAuditBodyBytes) { tap.over = true; tap.chunks = []; } else tap.chunks.push(c);
}

export const tapBytes = (tap: Tap) => Buffer.concat(tap.chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));

export const mediaTypeOf = (v: unknown) => String(v ?? '').split(';')[0].trim().toLowerCase();

/**
 * Decodes a body for the event as JSON; undefined when it cannot be (the handler answers that
 * with a 400). YAML and protobuf decoders are loaded on first use only.
 */
export async function decodeForAudit(body: Buffer, contentType: string): Promise<unknown> {
  try {
    if (contentType === '' || contentType.endsWith('json') || contentType === '*/*') return JSON.parse(body.toString('utf8'));
    if (contentType.endsWith('yaml')) return (await import('yaml')).parse(body.toString('utf8'), { maxAliasCount: 100 });
    if (contentType === 'application/vnd.kubernetes.protobuf') return (await import('../protobuf/index.js')).decodeKubernetesProtobuf(body);
  } catch {
    // fall through
  }
  return undefined;
}

/** Copies the bounded fields of a Status response, as AuditContext.LogResponseObject does. */
export function statusFields(s: Record<string, unknown>, code: number): ResponseStatus {
  const out: ResponseStatus = { metadata: {}, code: typeof s.code === 'number' ? s.code : code };
  if (typeof s.status === 'string') out.status = s.status;
  if (typeof s.message === 'string') out.message = s.message;
  if (typeof s.reason === 'string' && s.reason !== '') out.reason = s.reason;
  if (s.details !== undefined) out.details = s.details;
  return out;
}
