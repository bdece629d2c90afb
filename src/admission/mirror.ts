/**
 * An in-memory copy of everything stored under one key prefix, kept current by a storage watch:
 * what admission plugins read on every create (namespaces, resource quotas) without a storage
 * round trip each time, like the informer listers upstream's plugins read.
 *
 *   list(prefix) -> fill the map -> watch(prefix, from the list's revision) -> apply each event
 *        ^                                                                       |
 *        +------------- on Expired or another error, after a pause --------------+
 *
 * Only as fresh as the backend's watch: SqliteStorage publishes a write to its watchers in the
 * same step that acknowledges it, so a client that saw its write acknowledged is never answered
 * from an older copy. Until the first list is in (and after storage closes) `ready` is false and
 * callers read storage instead. Objects handed out are the mirror's own: readers must not change them.
 */
import type { KubeObject } from '../apis/meta/types.js';
import { type Storage, StorageError } from '../storage/storage.js';

/** Pause before listing again after a failed watch, so a broken backend is not hammered. */
const retryMs = 1000;

export class StorageMirror {
  private items = new Map<string, KubeObject>();
  private isReady = false;
  private readonly stop = new AbortController();

  /** prefix ends with '/': keys are prefix + (namespace + '/')? + name, etcd's layout. */
  constructor(private readonly storage: Storage, readonly prefix: string) {
    void this.run();
  }

  /** True while the map matches storage as of the last event delivered. */
  get ready(): boolean {
    return this.isReady;
  }

  /** The object at key (a full storage key), or undefined when absent from the mirror. */
  get(key: string): KubeObject | undefined {
    return this.items.get(key);
  }

  /** Whether any key starts with keyPrefix (a full storage key prefix ending in '/'). */
  hasAny(keyPrefix: string): boolean {
    for (const k of this.items.keys()) if (k.startsWith(keyPrefix)) return true;
    return false;
  }

  /** Ends the watch; the mirror stays not ready. Optional: closing storage ends it too. */
  close(): void {
    this.isReady = false;
    this.stop.abort();
  }

  private keyOf(o: KubeObject): string {
    const ns = o.metadata.namespace;
    return ns ? `${this.prefix}${ns}/${o.metadata.name}` : `${this.prefix}${o.metadata.name}`;
  }

  private async run(): Promise<void> {
    while (!this.stop.signal.aborted) {
      try {
        const listed = await this.storage.list(this.prefix, {});
        this.items = new Map(listed.items.map((o) => [this.keyOf(o), o]));
        const events = this.storage.watch(this.prefix, { resourceVersion: String(listed.revision) }, this.stop.signal);
        this.isReady = true;
        for await (const ev of events) {
          if (ev.type === 'BOOKMARK') continue;
          if (ev.type === 'DELETED') this.items.delete(this.keyOf(ev.object));
          else this.items.set(this.keyOf(ev.object), ev.object);
        }
        // The watch ended without an error: storage closed (or close() was called).
        this.isReady = false;
        return;
      } catch (e) {
        this.isReady = false;
        if (e instanceof StorageError && e.code === 'Unavailable') return; // storage is closed
        await new Promise((resolve) => setTimeout(resolve, retryMs).unref());
      }
    }
  }
}
