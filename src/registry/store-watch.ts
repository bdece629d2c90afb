/**
 * WATCH on a Store: turns storage events into the events one watcher should see. Selectors are
 * applied per event, so an object that stops matching arrives as DELETED and one that starts
 * matching as ADDED (upstream's watch filtering in the cacher). Watches that start "now" (no
 * resourceVersion, or "0") first replay the current state as ADDED events, as upstream does.
 */
import type { KubeObject } from '../apis/meta/types.js';
import type { WatchEvent } from '../storage/storage.js';
import { interpretStorageError } from './interpret.js';
import { buildPredicate } from './predicate.js';
import type { Store } from './store.js';

export interface WatchQuery {
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  resourceVersionMatch?: string;
  allowWatchBookmarks?: boolean;
  sendInitialEvents?: boolean;
  /** Optional. A single-object watch (fieldSelector metadata.name=<name> upstream). */
  name?: string;
  progressNotifyMs?: number;
}

export type ApiWatchEvent =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: KubeObject }
  | { type: 'BOOKMARK'; resourceVersion: string; initialEventsEnd?: boolean };

/** Validates and sets up everything that can fail before the response starts streaming. */
export async function openWatch(store: Store, namespace: string, q: WatchQuery, version: string, signal: AbortSignal): Promise<AsyncIterable<ApiWatchEvent>> {
  const selector = buildPredicate(store.def, version, q.labelSelector, q.fieldSelector);
  const named = q.name;
  const predicate = (o: KubeObject) => (named === undefined || o.metadata.name === named) && (selector === null || selector(o));
  const rv = q.resourceVersion ?? '';
  // sendInitialEvents=true, or the legacy "no rv / rv=0" forms, start with the current state.
  const initial = q.sendInitialEvents ?? (rv === '' || rv === '0');
  let initialItems: KubeObject[] = [];
  let from = rv;
  if (initial) {
    const listed = await store.list(namespace, { labelSelector: q.labelSelector, fieldSelector: q.fieldSelector }, version);
    initialItems = named === undefined ? listed.items : listed.items.filter((o) => o.metadata.name === named);
    from = listed.metadata.resourceVersion;
  }
  const prefix = named !== undefined ? store.key(namespace, named) : store.listPrefix(namespace);
  let source: AsyncIterable<WatchEvent>;
  try {
    source = store.storage.watch(prefix, { resourceVersion: from, exactKey: named !== undefined, progressNotifyMs: q.progressNotifyMs }, signal);
  } catch (e) {
    throw interpretStorageError(e, store.gr, '');
  }
  return filtered(source, initialItems, from, predicate, q, store, rv);
}

async function* filtered(source: AsyncIterable<WatchEvent>, initialItems: KubeObject[], initialRv: string,
  predicate: (o: KubeObject) => boolean, q: WatchQuery, store: Store, rv: string): AsyncGenerator<ApiWatchEvent> {
  for (const object of initialItems) yield { type: 'ADDED', object };
  if (q.sendInitialEvents && q.allowWatchBookmarks) yield { type: 'BOOKMARK', resourceVersion: initialRv, initialEventsEnd: true };
  try {
    for await (const raw of source) {
      const ev = raw.type === 'BOOKMARK' ? raw : raw.type === 'MODIFIED'
        ? { ...raw, object: store.fromStorage(raw.object), prevObject: store.fromStorage(raw.prevObject) }
        : { ...raw, object: store.fromStorage(raw.object) };
      switch (ev.type) {
        case 'BOOKMARK':
          if (q.allowWatchBookmarks) yield { type: 'BOOKMARK', resourceVersion: String(ev.revision) };
          break;
        case 'ADDED':
        case 'DELETED':
          if (predicate(ev.object)) yield { type: ev.type, object: ev.object };
          break;
        case 'MODIFIED': {
          const now = predicate(ev.object);
          const before = predicate(ev.prevObject);
          if (now && before) yield { type: 'MODIFIED', object: ev.object };
          else if (now) yield { type: 'ADDED', object: ev.object };
          else if (before) yield { type: 'DELETED', object: { ...ev.prevObject, metadata: { ...ev.prevObject.metadata, resourceVersion: String(ev.revision) } } };
          break;
        }
      }
    }
  } catch (e) {
    throw interpretStorageError(e, store.gr, '');
  }
}
