/**
 * The requests withAudit has seen, and audit.AddAuditAnnotation for the stages inside it. Kept
 * apart from audit.ts so that authorization can annotate without importing the audit machinery
 * (policy, events, log backend), which is loaded only when audit is configured.
 */
import type { IncomingMessage } from 'node:http';
import type { AuditEvent } from '../audit/event.js';
import type { ApiRequest } from './chain.js';

/**
 * Requests seen by withAudit (so the failed-authentication audit stays out of their way), with
 * their event if audited. Written by audit.ts only.
 */
export const auditedRequests = new WeakMap<IncomingMessage, AuditEvent | null>();

/**
 * audit.AddAuditAnnotation for stages inside withAudit (authorization sets
 * authorization.k8s.io/decision and authorization.k8s.io/reason upstream). The first value of a
 * key wins. A no-op when the request is not audited, which is always the case with audit off.
 */
export function addAuditAnnotation(r: ApiRequest, key: string, value: string): void {
  const ev = auditedRequests.get(r.req);
  if (!ev) return;
  ev.annotations ??= {};
  if (!(key in ev.annotations)) ev.annotations[key] = value;
}
