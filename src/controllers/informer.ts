/**
 * List-then-watch over HTTP with resume (client-go's reflector, small): lists a collection,
 * reports every object, then watches from the list's resourceVersion, resuming after each
 * disconnect from the last seen resourceVersion and relisting after a 410 or any error.
 */
import type { KubeObject } from '../apis/meta/types.js';
import type { Logger } from '../endpoints/status.js';
import type { ApiClient } from './api-client.js';

export type InformerEvent = { type: 'SYNC' | 'ADDED' | 'MODIFIED' | 'DELETED'; object: KubeObject };

export interface InformerOptions {
  client: ApiClient;
  /** Collection path, e.g. /api/v1/namespaces. */
  path: string;
  onEvent: (e: InformerEvent) => void | Promise<void>;
  /** Called after each (re)list, with every object the list returned. */
  onSync?: (items: KubeObject[]) => void | Promise<void>;
  signal: AbortSignal;
  log: Logger;
  retryMs?: number;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
  });
}

export async function runInformer(o: InformerOptions): Promise<void> {
  const sep = o.path.includes('?') ? '&' : '?';
  while (!o.signal.aborted) {
    try {
      const list = await o.client.request<{ metadata: { resourceVersion: string }; items: KubeObject[] }>('GET', o.path, undefined, o.signal);
      for (const item of list.items) await o.onEvent({ type: 'SYNC', object: item });
      await o.onSync?.(list.items);
      let rv = list.metadata.resourceVersion;
      // Watch until an error event (410: relist) or an exception; normal ends resume from rv.
      for (;;) {
        let expired = false;
        for await (const ev of o.client.watch(`${o.path}${sep}watch=1&allowWatchBookmarks=true&resourceVersion=${rv}`, o.signal)) {
          if (ev.type === 'ERROR') { expired = true; break; }
          rv = ev.object.metadata.resourceVersion ?? rv;
          if (ev.type !== 'BOOKMARK') await o.onEvent({ type: ev.type, object: ev.object });
        }
        if (expired || o.signal.aborted) break;
      }
    } catch (e) {
      if (o.signal.aborted) return;
      o.log.debug('informer: restarting', { path: o.path, error: String(e) });
      await sleep(o.retryMs ?? 1000, o.signal);
    }
  }
}
