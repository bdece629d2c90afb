/**
 * Writing responses: objects as JSON or YAML, and errors as meta/v1 Status bodies. Anything that
 * is not an ApiError is logged and answered with a 500 Status, never with a stack trace.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, internalError } from '../apis/meta/errors.js';

export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
}

export function writeObject(res: ServerResponse, code: number, body: unknown, contentType = 'application/json', yaml = false): void {
  if (res.headersSent) return;
  if (yaml) {
    // The YAML library is loaded on first use: most clients never ask for YAML, and start-up is faster without it.
    void import('yaml').then(({ stringify }) => sendText(res, code, stringify(body), contentType), (e) => { res.destroy(e); });
    return;
  }
  sendText(res, code, JSON.stringify(body), contentType);
}

/** Writes an already encoded body. */
export function sendText(res: ServerResponse, code: number, text: string, contentType: string): void {
  if (res.headersSent) return;
  closeIfBodyUnread(res);
  // Encode once: measuring the length with byteLength and then writing the string encodes twice.
  const body = Buffer.from(text, 'utf8');
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': body.length, 'Cache-Control': 'no-cache, private' });
  res.end(body);
}

/**
 * An HTTP/1.1 answer given before the request body was all read (a 413, a 405 to a large POST)
 * ends the connection, as Go's server does: reading on could take forever. Like Go's
 * closeWriteAndWait, the answer is followed by a FIN and the rest of the body is discarded for
 * a moment before the connection is cut: closing a socket with unread input resets it at once,
 * and the client would lose the answer.
 */
function closeIfBodyUnread(res: ServerResponse): void {
  const req = (res as { req?: IncomingMessage }).req;
  if (!req || req.httpVersionMajor !== 1 || req.complete) return;
  res.setHeader('Connection', 'close');
  const socket = req.socket;
  // node:http ends a `Connection: close` response with socket.destroySoon().
  socket.destroySoon = () => {
    socket.end();
    setTimeout(() => socket.destroy(), 500).unref();
  };
}

export function toApiError(err: unknown, log?: Logger): ApiError {
  if (err instanceof ApiError) return err;
  log?.error('internal error', { error: err instanceof Error ? err.stack ?? err.message : String(err) });
  return internalError(err);
}

export function writeError(res: ServerResponse, err: unknown, log?: Logger): void {
  const e = toApiError(err, log);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const status = e.toStatus();
  if (e.details?.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(e.details.retryAfterSeconds));
  writeObject(res, e.code, status);
}

export function successStatus(details?: Record<string, unknown>) {
  const s: Record<string, unknown> = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success' };
  if (details) s.details = details;
  return s;
}
