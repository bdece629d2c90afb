/**
 * SqliteStorage: the embedded Storage backend, etcd's semantics on one SQLite file in kine's
 * shape (a write log plus the current state; see schema.ts).
 *
 * Durability. The database runs in WAL mode (see schema.ts for locking). With synchronous=FULL, the
 * default, SQLite fsyncs the WAL before each commit returns, so a write is acknowledged only once
 * it survives both kill -9 and power loss. With synchronous=NORMAL the WAL is fsynced only at
 * checkpoints: an acknowledged write still survives kill -9 (it is in the OS page cache) but a
 * power loss or kernel crash may drop the last ones (the database stays consistent). Measured on
 * our development VM (10k creates of a 1 KB pod), FULL costs 170-400 µs per write against
 * NORMAL's 70-100 µs: about 2-4x, not catastrophic, so FULL is the default and NORMAL an option
 * for hosts with slow fsync that accept losing the last writes on power loss.
 *
 * Concurrency. better-sqlite3 is synchronous, and this process is the file's only user (an
 * exclusive lock, since the revision counter lives in memory). Each write is one short
 * transaction. guaranteedUpdate and delete read the row, await the caller's code, then check in
 * the same synchronous step as the write that the row's mod_rev did not change, and retry from
 * the read when it did.
 *
 * Revisions are never reused: at open the counter is max(last log row, compacted revision),
 * since compaction may drop the newest row (a delete) but records the revision it reached.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type Database from 'better-sqlite3';
import type { KubeObject } from '../../apis/meta/types.js';
import { keyRange, prefixRange, type KeyRange } from '../keys.js';
import {
  StorageError, type ListOptions, type ListResult, type Preconditions, type Storage, type TryUpdate,
  type WatchEvent, type WatchOptions,
} from '../storage.js';
import { decodeContinue, encodeContinue, reencodeContinue } from './continue-token.js';
import { checkPreconditions, parseRevision } from './preconditions.js';
import { openDatabase, prepareStatements, type LogRow, type LogType, type Statements, type Synchronous } from './schema.js';
import { WatchHub, type WatchSource } from './watch-hub.js';
import { rememberEncoding } from '../encoded.js';

export interface SqliteStorageOptions {
  /** Database file; its directory is created when missing. ':memory:' works for tests. */
  path: string;
  /** Optional. 'FULL' (default): durable on power loss. 'NORMAL': durable on process crash only. */
  synchronous?: Synchronous;
  /** Optional. Events buffered per live watcher before it falls back to reading the log. */
  maxWatchBuffer?: number;
}

export type { Synchronous };

/** Revisions compacted per transaction, so one compact() call never blocks the loop for long. */
const compactChunk = 10_000;

export async function openSqliteStorage(opts: SqliteStorageOptions): Promise<SqliteStorage> {
  if (opts.path !== ':memory:') mkdirSync(dirname(opts.path), { recursive: true });
  return new SqliteStorage(opts);
}

/** Storage on SQLite. revision, compacted, closed and readLog are public only for watch-hub.ts. */
export class SqliteStorage implements Storage, WatchSource {
  private readonly db: Database.Database;
  private readonly st: Statements;
  private readonly hub: WatchHub;
  private readonly compactTx: (from: number, to: number) => void;
  private rev: number;
  private compactedRev: number;
  private isClosed = false;
  /** The open group-commit transaction, if any writes are waiting for COMMIT. */
  private batch: { events: Array<{ rev: number; key: string; type: LogType; value: string | null; prev: string | null }>; waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> } | null = null;
  /** compact() calls run one after another. */
  private compacting: Promise<void> = Promise.resolve();

  constructor(opts: SqliteStorageOptions) {
    this.db = openDatabase(opts.path, opts.synchronous ?? 'FULL');
    this.st = prepareStatements(this.db);
    this.hub = new WatchHub(opts.maxWatchBuffer);
    this.compactedRev = this.st.getCompacted.get()!.value;
    this.rev = Math.max(this.st.maxRev.get()?.rev ?? 0, this.compactedRev);
    const st = this.st;
    this.compactTx = this.db.transaction((from: number, to: number) => {
      st.compactSuperseded.run({ from, to });
      st.compactDeletes.run({ from, to });
      st.setCompacted.run(to);
    });
  }

  get revision(): number { return this.rev; }
  get compacted(): number { return this.compactedRev; }
  get closed(): boolean { return this.isClosed; }

  async create(key: string, obj: KubeObject): Promise<KubeObject> {
    this.ensureOpen(key);
    const rev = this.rev + 1;
    const stored = withRevision(obj, rev);
    const value = encode(stored, obj);
    // No lookup first: kv's primary key refuses an existing key before anything of this write
    // is done (see apply), which saves a read per create.
    let committed: Promise<void>;
    try {
      committed = this.commit(rev, key, 'create', value, null, null);
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new StorageError('KeyExists', key);
      throw e;
    }
    await committed;
    // The copy that was encoded is returned as it is rather than parsed back from value: it is
    // what was stored (see withRevision for what it shares with obj), and parsing costs as much
    // as encoding did. Its text goes with it, so a response can be sent without encoding again.
    rememberEncoding(stored, value);
    return stored;
  }

  async get(key: string): Promise<KubeObject> {
    this.ensureOpen(key);
    const row = this.st.getKv.get(key);
    if (!row) throw new StorageError('KeyNotFound', key);
    return JSON.parse(row.value) as KubeObject;
  }

  async list(prefix: string, opts: ListOptions): Promise<ListResult> {
    this.ensureOpen(prefix);
    const range = keyRange(prefix, opts.exactKey);
    let rev: number;
    let start = range.start;
    if (opts.continue) {
      if (opts.resourceVersion && opts.resourceVersion !== '0') {
        throw new StorageError('InvalidObj', prefix, undefined, 'specifying resource version is not allowed when using continue');
      }
      const point = decodeContinue(opts.continue, prefix);
      if (point.rv > this.rev) {
        throw new StorageError('InvalidObj', prefix, point.rv, 'continue key is not valid: resourceVersion in the future');
      }
      rev = point.rv === -1 ? this.rev : point.rv;
      start = range.start + point.start;
      if (rev < this.compactedRev) {
        throw new StorageError('Expired', prefix, rev, `too old resource version: ${rev} (${this.compactedRev})`, reencodeContinue(-1, point.start));
      }
    } else {
      rev = this.listRevision(prefix, opts);
    }
    this.ensureNotCompacted(prefix, rev);
    const latest = rev === this.rev;
    const rows = latest ? this.st.listLatest.iterate(start, range.end) : this.st.listAt.iterate({ start, end: range.end, rev });
    const limit = opts.limit && opts.limit > 0 ? opts.limit : Infinity;
    const items: KubeObject[] = [];
    const raw: string[] | undefined = opts.raw && !opts.predicate ? [] : undefined;
    let lastKey = '';
    let more = false;
    // Items failing the predicate do not count towards limit: read on until limit match or the end.
    for (const row of rows) {
      if ((raw ?? items).length >= limit) { more = true; break; }
      lastKey = row.key;
      // Stored text already carries its resourceVersion (encode()), so raw rows go out as they are.
      if (raw) { raw.push(row.value); continue; }
      const obj = JSON.parse(row.value) as KubeObject;
      if (!opts.predicate || opts.predicate(obj)) items.push(obj);
    }
    const result: ListResult = { items, revision: rev };
    if (raw) result.raw = raw;
    if (more) {
      result.continue = encodeContinue(rev, lastKey, range.start);
      if (!opts.predicate) {
        const after = `${lastKey}\u0000`;
        const left = latest ? this.st.countLatest.get(after, range.end) : this.st.countAt.get({ start: after, end: range.end, rev });
        result.remainingItemCount = left?.n ?? 0;
      }
    }
    return result;
  }

  async guaranteedUpdate(key: string, pre: Preconditions | undefined, tryUpdate: TryUpdate,
                         ignoreNotFound = false): Promise<KubeObject> {
    for (;;) {
      this.ensureOpen(key);
      const row = this.st.getKv.get(key);
      if (!row && !ignoreNotFound) throw new StorageError('KeyNotFound', key);
      let current: KubeObject | null = null;
      if (row) {
        current = JSON.parse(row.value) as KubeObject;
        checkPreconditions(key, pre, current);
      }
      // When the key is missing and ignoreNotFound, tryUpdate receives null (TryUpdate's type
      // says KubeObject for the common case; callers passing ignoreNotFound must handle null).
      const next = await tryUpdate(current as KubeObject);
      this.ensureOpen(key);
      if ((this.st.getKv.get(key)?.mod_rev ?? 0) !== (row?.mod_rev ?? 0)) continue; // lost a race
      if (row) {
        // As upstream: an update that changes nothing writes nothing and keeps the revision.
        const unchanged = encode(withRevision(next, row.mod_rev), next);
        if (unchanged === row.value || isDeepStrictEqual(JSON.parse(unchanged), JSON.parse(row.value))) {
          return JSON.parse(row.value) as KubeObject;
        }
      }
      const rev = this.rev + 1;
      const value = encode(withRevision(next, rev), next);
      await this.commit(rev, key, row ? 'update' : 'create', value, row?.mod_rev ?? null, row?.value ?? null);
      return JSON.parse(value) as KubeObject;
    }
  }

  async delete(key: string, pre?: Preconditions, validate?: (current: KubeObject) => void | Promise<void>): Promise<KubeObject> {
    for (;;) {
      this.ensureOpen(key);
      const row = this.st.getKv.get(key);
      if (!row) throw new StorageError('KeyNotFound', key);
      checkPreconditions(key, pre, JSON.parse(row.value) as KubeObject);
      if (validate) {
        await validate(JSON.parse(row.value) as KubeObject);
        this.ensureOpen(key);
        if (this.st.getKv.get(key)?.mod_rev !== row.mod_rev) continue; // changed meanwhile: check again
      }
      const rev = this.rev + 1;
      await this.commit(rev, key, 'delete', null, row.mod_rev, row.value);
      const last = JSON.parse(row.value) as KubeObject;
      last.metadata.resourceVersion = String(rev);
      return last;
    }
  }

  /**
   * Subscribes synchronously, so every write after this call is seen. Throws Expired right away
   * (not on the first next()) when resourceVersion is compacted, so callers can answer 410
   * before streaming; it can still end with Expired later if compaction overtakes a slow reader.
   */
  watch(prefix: string, opts: WatchOptions, signal: AbortSignal): AsyncIterable<WatchEvent> {
    this.ensureOpen(prefix);
    const range = keyRange(prefix, opts.exactKey);
    const from = parseRevision(opts.resourceVersion, prefix);
    if (from === 0) return this.hub.watch(this, range, this.rev, true, signal, opts.progressNotifyMs);
    this.ensureNotCompacted(prefix, from);
    return this.hub.watch(this, range, from, false, signal, opts.progressNotifyMs);
  }

  /** WatchSource: up to limit log rows after revision `after` in range, oldest first. */
  readLog(after: number, range: KeyRange, limit: number): LogRow[] {
    return this.st.readLog.all(after, range.start, range.end, limit);
  }

  async count(prefix: string): Promise<number> {
    this.ensureOpen(prefix);
    const range = prefixRange(prefix);
    return this.st.countLatest.get(range.start, range.end)?.n ?? 0;
  }

  async currentRevision(): Promise<number> {
    this.ensureOpen('');
    return this.rev;
  }

  /** Compacts in chunks of compactChunk revisions, yielding to the event loop between them. */
  compact(revision: number): Promise<void> {
    const run = this.compacting.then(() => this.compactTo(revision));
    this.compacting = run.catch(() => undefined);
    return run;
  }

  async check(): Promise<void> {
    this.ensureOpen('');
    this.st.ping.get();
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.flush(); // writes waiting for their COMMIT get it now
    if (this.isClosed) return;
    this.isClosed = true;
    this.hub.closeAll();
    this.db.close();
  }

  private async compactTo(target: number): Promise<void> {
    this.ensureOpen('');
    if (target > this.rev) {
      throw new StorageError('TooLarge', '', target, `cannot compact to ${target}: current revision is ${this.rev}`);
    }
    while (this.compactedRev < target && !this.isClosed) {
      const to = Math.min(target, this.compactedRev + compactChunk);
      this.compactTx(this.compactedRev, to);
      this.compactedRev = to;
      if (to < target) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /**
   * Group commit: writes of the same turn of the event loop share one transaction, so one fsync
   * makes a whole batch durable. The write is applied at once (later reads and revisions see it),
   * but its promise resolves, and watchers hear of it, only after COMMIT returned: nothing is
   * acknowledged or published before it is on disk.
   */
  private commit(rev: number, key: string, type: LogType, value: string | null, prevRev: number | null, prev: string | null): Promise<void> {
    if (!this.batch) {
      this.st.begin.run();
      this.batch = { events: [], waiters: [] };
      setImmediate(() => this.flush());
    }
    this.apply(rev, key, type, value, prevRev);
    this.rev = rev;
    this.batch.events.push({ rev, key, type, value, prev });
    return new Promise((resolve, reject) => this.batch!.waiters.push({ resolve, reject }));
  }

  /**
   * One write's statements, inside the batch's open transaction, without a savepoint of its own
   * (a SAVEPOINT/RELEASE pair per write cost ~8-10 us, a third of the write). That is safe because
   * the only failure a caller can cause comes first: kv's primary key refusing a create of an
   * existing key, and a failed statement undoes itself. Any other failure (disk full, I/O error)
   * may leave part of this write, or abort the whole transaction, so the batch fails as a failed
   * COMMIT does.
   */
  private apply(rev: number, key: string, type: LogType, value: string | null, prevRev: number | null): void {
    const st = this.st;
    try {
      if (type === 'create') st.insertKv.run(key, rev, rev, value!);
      else if (type === 'update') st.updateKv.run(rev, value!, key);
      else st.deleteKv.run(key);
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw e; // nothing was written
      this.failBatch(e);
      throw e;
    }
    try {
      st.insertLog.run(rev, key, type, value, prevRev);
    } catch (e) {
      this.failBatch(e);
      throw e;
    }
  }

  private flush(): void {
    const b = this.batch;
    if (!b) return;
    try {
      this.st.commit.run();
    } catch (e) {
      this.failBatch(e);
      return;
    }
    this.batch = null;
    for (const ev of b.events) this.hub.publish(ev);
    for (const w of b.waiters) w.resolve();
  }

  /**
   * The open batch cannot be committed: memory (revision, applied writes) is ahead of disk, so
   * storage stops serving rather than answer from state that was never stored (etcd stops on WAL
   * write errors too), and every write of the batch fails.
   */
  private failBatch(cause: unknown): void {
    const b = this.batch;
    this.batch = null;
    try { this.db.exec('ROLLBACK'); } catch { /* already rolled back */ }
    this.isClosed = true;
    this.hub.closeAll();
    const err = new StorageError('Unavailable', '', undefined, `storage commit failed: ${(cause as Error).message}`);
    for (const w of b?.waiters ?? []) w.reject(err);
  }

  /**
   * The revision a list without a continue token is served at. As upstream's etcd3 GetList: a
   * non-zero resourceVersion is exact when match is Exact, or when match is unset and a limit is
   * given; otherwise it is a lower bound and the latest state is served.
   */
  private listRevision(key: string, opts: ListOptions): number {
    const rv = parseRevision(opts.resourceVersion, key);
    if (rv === 0) return this.rev;
    if (rv > this.rev) {
      throw new StorageError('TooLarge', key, rv, `Too large resource version: ${rv}, current: ${this.rev}`);
    }
    const exact = opts.resourceVersionMatch === 'Exact' || (!opts.resourceVersionMatch && (opts.limit ?? 0) > 0);
    return exact ? rv : this.rev;
  }

  private ensureNotCompacted(key: string, rev: number): void {
    if (rev < this.compactedRev) {
      throw new StorageError('Expired', key, rev, `too old resource version: ${rev} (${this.compactedRev})`);
    }
  }

  private ensureOpen(key: string): void {
    if (this.isClosed) throw new StorageError('Unavailable', key, undefined, 'storage is closed');
  }
}

/**
 * obj at revision rev: a shallow copy with its own metadata, so obj itself is never changed (callers
 * keep their copy); everything below metadata is shared with obj.
 */
function withRevision(obj: KubeObject, rev: number): KubeObject {
  return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(rev) } };
}

/** The stored text of obj (obj as given by the caller, for the error's name). */
function encode(stored: KubeObject, obj: KubeObject): string {
  try {
    return JSON.stringify(stored);
  } catch (e) {
    // JSON.stringify recurses: a value nested thousands deep (legal JSON) overflows the stack.
    if (e instanceof RangeError) throw new StorageError('InvalidObj', obj.metadata?.name ?? '', undefined, 'the object is nested too deeply to be stored');
    throw e;
  }
}
