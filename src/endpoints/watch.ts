/**
 * Streaming WATCH responses: newline-delimited JSON watch events over a chunked response, until
 * timeoutSeconds (or upstream's randomized default of 30-60 minutes), the client leaving, or the
 * server stopping. Errors before the first byte are normal Status responses; errors after it are
 * ERROR events carrying a Status, as upstream.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiVersionOf } from '../apis/meta/types.js';
import type { RequestInfo } from '../filters/request-info.js';
import { openWatch } from '../registry/store-watch.js';
import { type Negotiated } from './negotiation.js';
import { parseListParams } from './params.js';
import { type HandlerEnv, includeObjectParam, metaVersion, type Route, tableOptions, versioned } from './resource-handler.js';
import { toApiError } from './status.js';
import { toTable } from './table.js';

const minRequestTimeoutSeconds = 1800;

export async function serveWatch(req: IncomingMessage, res: ServerResponse, info: RequestInfo, route: Route, namespace: string, neg: Negotiated, env: HandlerEnv): Promise<void> {
  const p = parseListParams(info.query);
  const version = info.apiVersion;
  const abort = new AbortController();
  const iterable = await openWatch(route.store, namespace, {
    labelSelector: p.labelSelector, fieldSelector: p.fieldSelector, resourceVersion: p.resourceVersion,
    resourceVersionMatch: p.resourceVersionMatch, allowWatchBookmarks: p.allowWatchBookmarks,
    // info.name comes from a metadata.name field selector; a one-key watch needs the full key.
    sendInitialEvents: p.sendInitialEvents, name: info.name && (namespace || !route.def.namespaced) ? info.name : undefined,
    progressNotifyMs: p.allowWatchBookmarks ? env.bookmarkIntervalMs : undefined,
  }, version, abort.signal);

  const timeoutSeconds = p.timeoutSeconds ?? minRequestTimeoutSeconds * (1 + Math.random());
  const timer = setTimeout(() => abort.abort(), timeoutSeconds * 1000);
  const stop = () => abort.abort();
  // The response's close is the client going away; the request's fires once its body is read, and
  // an HTTP/2 socket is shared by many streams, so neither of those will do.
  res.on('close', stop);
  env.stopping.addEventListener('abort', stop);
  const contentType = neg.form === 'Table' ? neg.contentType : neg.yaml ? 'application/yaml' : 'application/json';
  // No Content-Length: HTTP/1.1 streams it chunked, HTTP/2 as DATA frames (where Transfer-Encoding is forbidden).
  res.writeHead(200, { 'Content-Type': contentType, 'Cache-Control': 'no-cache, private' });
  res.flushHeaders();
  const mv = metaVersion(neg);
  // Rows carry what includeObject asks for, as on lists; column definitions go with the first event only.
  const table = neg.form === 'Table' ? tableOptions(route, version, neg, includeObjectParam(info.query)) : null;
  const bookmarkApiVersion = apiVersionOf(route.def.group, version);

  const send = async (ev: unknown) => {
    if (abort.signal.aborted) return;
    if (!res.write(JSON.stringify(ev) + '\n')) {
      await new Promise<void>((resolve) => {
        const done = () => { res.off('drain', done); abort.signal.removeEventListener('abort', done); resolve(); };
        res.on('drain', done);
        abort.signal.addEventListener('abort', done);
      });
    }
  };

  try {
    for await (const ev of iterable) {
      if (ev.type === 'BOOKMARK') {
        const metadata: Record<string, unknown> = { resourceVersion: ev.resourceVersion };
        if (ev.initialEventsEnd) metadata.annotations = { 'k8s.io/initial-events-end': 'true' };
        await send({ type: 'BOOKMARK', object: { kind: route.def.kind, apiVersion: bookmarkApiVersion, metadata } });
        continue;
      }
      let wire: unknown;
      if (table) {
        wire = toTable([ev.object], { resourceVersion: ev.object.metadata.resourceVersion }, table);
        table.noHeaders = true;
      } else {
        const obj = versioned(ev.object, route.def, version);
        wire = neg.form === 'PartialObjectMetadata' ? { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${mv}`, metadata: obj.metadata } : obj;
      }
      await send({ type: ev.type, object: wire });
      if (abort.signal.aborted) break;
    }
  } catch (e) {
    if (!abort.signal.aborted) await send({ type: 'ERROR', object: toApiError(e, env.log).toStatus() });
  } finally {
    clearTimeout(timer);
    abort.abort();
    env.stopping.removeEventListener('abort', stop);
    if (!res.writableEnded) res.end();
  }
}
