/**
 * One storage watch on one etcd watch stream (as kube-apiserver: one watcher per gRPC stream, so
 * a progress request speaks for this watcher alone).
 *
 *   etcd stream --data--> queue (events, bookmarks) --next()--> consumer
 *        ^  paused while the queue holds more than highWater; etcd then buffers or, if the
 *        |  consumer stays behind past a compaction, cancels the watch (-> Expired)
 *        +-- progress_request every progressNotifyMs -> header revision -> BOOKMARK
 *
 * Bookmarks. etcd before 3.4.31 / 3.5.13 answers a progress request with the current revision
 * on a control channel that can overtake events still queued for the watcher (etcd #15220), so
 * from those servers a candidate revision is held for holdMs and dropped if an event at or below
 * it shows up; only a later progress response releases it. Newer servers (and the server's own
 * periodic progress_notify, sent on the event channel) are trusted as they come.
 *
 * Failure: compaction ends the watch with Expired. A broken stream (the member died, the
 * connection dropped) is reopened from the revision after the last one queued, on whichever
 * member the client picks (one that just failed is skipped for a while, so another one), as
 * clientv3 does for kube-apiserver: a member failure in a cluster is invisible to watchers. Only
 * when no stream can be reopened within resumeWindowMs does the watch end with Unavailable;
 * callers then resume from the last revision they saw, like any client.
 */
import type { KubeObject } from '../../apis/meta/types.js';
import { StorageError, type WatchEvent } from '../storage.js';
import { decodeKv, type EtcdRange } from './codec.js';
import type { Kv, WatchRequest, WatchResponse } from './proto.js';
import type { EtcdRpc, WatchStream } from './rpc.js';

export interface WatchSpec {
  range: EtcdRange;
  /** Events with revision >= startRevision; 0 = from etcd's now. */
  startRevision: number;
  /**
   * The caller asked for "from now" and startRevision is the storage's last seen revision + 1.
   * If etcd compacted past it (an idle storage), the watch starts again from etcd's now.
   */
  fromNow: boolean;
  exactKey: boolean;
  /** The storage-level key and revision, for error messages. */
  key: string;
  progressNotifyMs?: number;
  /** Whether this server's progress responses may be emitted as they come. */
  trustProgress: boolean;
  /** Called with every header revision seen. */
  onRevision: (rev: number) => void;
  /** How long a broken stream may keep failing to reopen before the watch ends (ms). */
  resumeWindowMs: number;
}

const highWater = 1_000;
const lowWater = 100;
const holdMs = 250;

export function watchEtcd(client: EtcdRpc, spec: WatchSpec, signal: AbortSignal, onDispose: () => void): AsyncIterable<WatchEvent> {
  const queue: WatchEvent[] = [];
  let head = 0;
  let failure: unknown;
  let done = false;
  let paused = false;
  let stream: WatchStream | undefined;
  let wake: (() => void) | null = null;
  /** The revision of the last event or bookmark queued: bookmarks only move forward. */
  let last = spec.startRevision - 1;
  let held: { rev: number; at: number } | null = null;
  let restarted = false;
  /** When the current run of stream failures began (0: the stream is healthy). */
  let brokenSince = 0;
  let reopenDelayMs = 0;
  let reopenTimer: NodeJS.Timeout | undefined;
  const notify = () => { wake?.(); wake = null; };

  const timer = spec.progressNotifyMs && spec.progressNotifyMs > 0
    ? setInterval(() => {
      if (stream && !paused && failure === undefined) stream.write({ progress_request: {} });
    }, spec.progressNotifyMs).unref()
    : undefined;
  const dispose = () => {
    if (done) return;
    done = true;
    clearInterval(timer);
    clearTimeout(reopenTimer);
    signal.removeEventListener('abort', dispose);
    stream?.cancel();
    onDispose();
    notify();
  };
  const fail = (e: unknown) => { if (!done && failure === undefined) { failure = e; notify(); } };
  signal.addEventListener('abort', dispose);
  if (signal.aborted) dispose();

  const push = (ev: WatchEvent) => {
    queue.push(ev);
    last = ev.revision;
    if (!paused && queue.length - head > highWater) { paused = true; held = null; stream?.pause(); }
    notify();
  };

  const onResponse = (res: WatchResponse) => {
    const rev = res.header.revision;
    if (rev > 0) spec.onRevision(rev);
    if (res.canceled) {
      const compacted = res.compact_revision;
      // Only before anything was delivered: later, restarting would silently skip events.
      if (compacted > 0 && spec.fromNow && !restarted && stream && last === spec.startRevision - 1) {
        restarted = true;
        last = -1;
        stream.write(createRequest(0));
        return;
      }
      fail(compacted > 0
        ? new StorageError('Expired', spec.key, spec.startRevision - 1, `too old resource version: ${Math.max(spec.startRevision - 1, 0)} (${compacted})`)
        : new StorageError('Unavailable', spec.key, undefined, `etcd canceled the watch: ${res.cancel_reason || 'no reason given'}`));
      return;
    }
    if (res.created) {
      brokenSince = 0;
      reopenDelayMs = 0;
      // A watch restarted from etcd's now (see above) continues after the revision it started at.
      if (last < 0 && rev > 0) last = rev;
      return;
    }
    if (res.events.length > 0) {
      for (const e of res.events) {
        const ev = toEvent(e.type, e.kv, e.prev_kv, spec.key);
        if (ev instanceof StorageError) return fail(ev);
        push(ev);
      }
      held = null; // it was stale, or these events carry a newer revision anyway
      return;
    }
    // A progress notification: every event up to rev has been sent (modulo the note above).
    if (!spec.progressNotifyMs || rev <= last || paused) return;
    const own = res.watch_id !== -1; // the server's periodic notify, on the event channel
    if (spec.trustProgress || own) { push({ type: 'BOOKMARK', revision: rev }); held = null; return; }
    const now = Date.now();
    if (held && now - held.at >= holdMs) { push({ type: 'BOOKMARK', revision: held.rev }); held = null; }
    if (!held && rev > last) held = { rev, at: now };
  };

  /** A stream failed: reopen from after the last queued revision, or give up past the window. */
  const broken = (e: StorageError) => {
    if (done || failure !== undefined) return;
    const now = Date.now();
    if (brokenSince === 0) brokenSince = now;
    if (now - brokenSince >= spec.resumeWindowMs) return fail(e);
    const old = stream;
    stream = undefined;
    generation++; // the old stream's late events and errors are ignored from here on
    old?.cancel();
    reopenDelayMs = Math.min(Math.max(reopenDelayMs * 2, 50), 1_000);
    reopenTimer = setTimeout(open, reopenDelayMs);
  };

  let generation = 0;
  function open(): void {
    const mine = ++generation;
    const current = () => mine === generation;
    if (done) return;
    let s: WatchStream;
    try {
      s = client.watch();
    } catch (e) {
      broken(new StorageError('Unavailable', spec.key, undefined, `etcd watch: ${(e as Error).message}`));
      return;
    }
    stream = s;
    s.on('data', (res: WatchResponse) => { if (current()) onResponse(res); });
    s.on('error', (e: Error) => { if (current()) broken(new StorageError('Unavailable', spec.key, undefined, `etcd watch stream: ${e.message}`)); });
    s.on('end', () => { if (current()) broken(new StorageError('Unavailable', spec.key, undefined, 'etcd closed the watch stream')); });
    if (paused) s.pause();
    held = null;
    // Exactly the events not yet queued (the first time: from startRevision, or etcd's now).
    s.write(createRequest(last >= 0 ? last + 1 : 0));
  }
  open();

  function createRequest(startRevision: number): WatchRequest {
    return {
      create_request: {
        key: spec.range.start,
        ...(spec.exactKey ? {} : { range_end: spec.range.end }),
        ...(startRevision > 0 ? { start_revision: startRevision } : {}),
        prev_kv: true,
        progress_notify: true,
      },
    };
  }

  async function* events(): AsyncGenerator<WatchEvent> {
    try {
      while (!done) {
        if (head < queue.length) {
          const ev = queue[head++];
          if (head === queue.length) { queue.length = 0; head = 0; }
          else if (head >= 1024 && head * 2 >= queue.length) { queue.splice(0, head); head = 0; }
          if (paused && queue.length - head < lowWater) { paused = false; stream?.resume(); }
          yield ev;
          continue;
        }
        if (failure !== undefined) throw failure;
        await new Promise<void>((resolve) => { wake = resolve; });
      }
    } finally {
      dispose();
    }
  }
  return events();
}

/** An etcd event as a storage event; a StorageError when etcd left out the previous value. */
function toEvent(type: 'PUT' | 'DELETE', kv: Kv, prev: Kv | null, key: string): WatchEvent | StorageError {
  const revision = kv.mod_revision;
  const noPrev = () => new StorageError('Expired', key, revision,
    `etcd event without its previous value (key ${kv.key.toString('utf8')}, revision ${revision}): history compacted`);
  if (type === 'DELETE') {
    if (!prev) return noPrev();
    return { type: 'DELETED', object: decodeKv(prev, revision), revision };
  }
  const object: KubeObject = decodeKv(kv);
  if (kv.create_revision === kv.mod_revision) return { type: 'ADDED', object, revision };
  if (!prev) return noPrev();
  return { type: 'MODIFIED', object, prevObject: decodeKv(prev), revision };
}
