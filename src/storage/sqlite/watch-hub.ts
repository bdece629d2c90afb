/**
 * In-process fan-out of committed writes to watchers, and the watcher iterator.
 *
 * A watcher is in one of two modes:
 *
 *   catching up --(log has nothing after pos; same tick)--> live
 *        ^                                                    |
 *        +------------- buffer over maxBuffered --------------+
 *
 * Catching up, it reads the log in pages after pos, its last delivered revision, and the hub
 * ignores it: the log holds those events. Live, the hub appends to its buffer. The switch to live
 * happens in the same synchronous step as the empty read, and writes publish in the step that
 * commits them, so no event falls between the log and the buffer; events at or below pos are
 * skipped, so none is delivered twice. A slow consumer costs at most maxBuffered events of memory,
 * then falls back to the log; it fails with Expired only if compaction overtakes it there.
 */
import type { KubeObject } from '../../apis/meta/types.js';
import { inRange, type KeyRange } from '../keys.js';
import { StorageError, type WatchEvent } from '../storage.js';
import type { LogRow } from './schema.js';

/** What a watcher needs from the storage; every call is synchronous. */
export interface WatchSource {
  readonly revision: number;
  readonly compacted: number;
  readonly closed: boolean;
  readLog(after: number, range: KeyRange, limit: number): LogRow[];
}

interface Subscriber {
  range: KeyRange;
  live: boolean;
  /** Events waiting for the consumer, oldest first; head is the next to deliver. */
  buffer: LogRow[];
  head: number;
  wake: (() => void) | null;
  /** Unsubscribes and frees the timer and abort listener; idempotent. */
  dispose: () => void;
}

const replayPage = 500;

export class WatchHub {
  private readonly subs = new Set<Subscriber>();
  constructor(private readonly maxBuffered = 10_000) {}

  /** Called right after a write commits, in the same synchronous step. */
  publish(row: LogRow): void {
    for (const s of this.subs) {
      if (!s.live || !inRange(row.key, s.range)) continue;
      s.buffer.push(row);
      if (s.buffer.length - s.head > this.maxBuffered) {
        s.buffer = [];
        s.head = 0;
        s.live = false;
      }
      s.wake?.();
    }
  }

  /** Ends every watch (they return normally); used by close(). */
  closeAll(): void {
    for (const s of [...this.subs]) s.dispose();
  }

  get size(): number {
    return this.subs.size;
  }

  /**
   * Subscribes now (synchronously, so no write after this call is missed) and returns the
   * iterator. after: deliver events with revision > after; live: true when after is the current
   * revision, so there is no history to read.
   */
  watch(src: WatchSource, range: KeyRange, after: number, live: boolean,
        signal: AbortSignal, progressNotifyMs?: number): AsyncIterable<WatchEvent> {
    let bookmarkDue = false;
    const timer = progressNotifyMs && progressNotifyMs > 0
      ? setInterval(() => { bookmarkDue = true; sub.wake?.(); }, progressNotifyMs).unref()
      : undefined;
    // Disposal runs on abort even if nobody ever iterates, so nothing outlives the signal.
    const onAbort = () => sub.dispose();
    const sub: Subscriber = {
      range, live, buffer: [], head: 0, wake: null,
      dispose: () => {
        this.subs.delete(sub);
        clearInterval(timer);
        signal.removeEventListener('abort', onAbort);
        sub.wake?.();
      },
    };
    this.subs.add(sub);
    signal.addEventListener('abort', onAbort);
    if (signal.aborted) sub.dispose();

    const hub = this;
    async function* events(): AsyncGenerator<WatchEvent> {
      let pos = after;
      try {
        while (!signal.aborted && !src.closed && hub.subs.has(sub)) {
          if (!sub.live) {
            if (src.compacted > pos) {
              throw new StorageError('Expired', range.start, pos, `too old resource version: ${pos} (${src.compacted})`);
            }
            const rows = src.readLog(pos, range, replayPage);
            if (rows.length === 0) sub.live = true;
            for (const row of rows) {
              pos = row.rev;
              yield toEvent(row);
              if (signal.aborted || src.closed) return;
            }
            continue;
          }
          if (sub.head < sub.buffer.length) {
            const row = sub.buffer[sub.head++];
            // Drop delivered rows now and then, so a consumer that never quite drains holds no garbage.
            if (sub.head === sub.buffer.length) { sub.buffer = []; sub.head = 0; }
            else if (sub.head >= 1024 && sub.head * 2 >= sub.buffer.length) { sub.buffer = sub.buffer.slice(sub.head); sub.head = 0; }
            if (row.rev <= pos) continue;
            pos = row.rev;
            yield toEvent(row);
            continue;
          }
          if (bookmarkDue) {
            // Buffer empty and live: every event up to the current revision has been delivered.
            bookmarkDue = false;
            yield { type: 'BOOKMARK', revision: src.revision };
            continue;
          }
          await new Promise<void>((resolve) => { sub.wake = resolve; });
          sub.wake = null;
        }
      } finally {
        sub.dispose();
      }
    }
    return events();
  }
}

/** A fresh object per watcher and event: consumers may mutate what they receive. */
export function toEvent(row: LogRow): WatchEvent {
  const revision = row.rev;
  switch (row.type) {
    case 'create':
      return { type: 'ADDED', object: JSON.parse(row.value!) as KubeObject, revision };
    case 'update':
      return { type: 'MODIFIED', object: JSON.parse(row.value!) as KubeObject, prevObject: parsePrev(row), revision };
    case 'delete': {
      const object = parsePrev(row);
      object.metadata.resourceVersion = String(revision);
      return { type: 'DELETED', object, revision };
    }
  }
}

function parsePrev(row: LogRow): KubeObject {
  // Compaction keeps the row any surviving write replaced (see schema.ts), so this is a bug.
  if (row.prev === null) throw new Error(`log row ${row.rev} (${row.key}) lost its previous value`);
  return JSON.parse(row.prev) as KubeObject;
}
