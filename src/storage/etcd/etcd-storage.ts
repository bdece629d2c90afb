/**
 * EtcdStorage: the Storage interface on etcd v3, as upstream's storage/etcd3 store. Revisions are
 * etcd's: an object's resourceVersion is its key's ModRevision, a list's is the revision it was
 * read at. Writes are single-key transactions:
 *
 *   create            If(CreateRevision(key) == 0)    Then Put                Else -
 *   guaranteedUpdate  If(ModRevision(key) == read)    Then Put                Else Range(key)
 *   delete            If(ModRevision(key) == read)    Then DeleteRange(prevKv) Else Range(key)
 *
 * A failed compare returns the current value in the same round trip, and the loop goes again
 * from it (re-checking preconditions, re-running tryUpdate). Several API servers may share one
 * etcd; they see one revision sequence and each other's watch events.
 */
import type { KubeObject } from '../../apis/meta/types.js';
import { decodeContinue, encodeContinue, reencodeContinue } from '../sqlite/continue-token.js';
import { checkPreconditions, parseRevision } from '../sqlite/preconditions.js';
import {
  StorageError, type ListOptions, type ListResult, type Preconditions, type Storage, type TryUpdate,
  type WatchEvent, type WatchOptions,
} from '../storage.js';
import { callEtcd, connectEtcd, toStorageError, type EtcdStorageOptions } from './client.js';
import { decodeKv, encodeObject, Keyspace, sameObject } from './codec.js';
import { readPage } from './list.js';
import { CompareResult, CompareTarget, type Header, type Kv, type RangeRequest, type TxnRequest } from './proto.js';
import type { EtcdRpc } from './rpc.js';
import { watchEtcd } from './watcher.js';

export type { EtcdStorageOptions };

/** Connects (lazily: an unreachable etcd fails calls, not open) and reads the server version. */
export async function openEtcdStorage(opts: EtcdStorageOptions): Promise<EtcdStorage> {
  const s = new EtcdStorage(opts);
  await s.refreshStatus();
  return s;
}

export class EtcdStorage implements Storage {
  private readonly client: EtcdRpc;
  private readonly keys: Keyspace;
  private readonly endpoints: number;
  /** The deadline of one call; a broken watch stream gets as long to reopen. */
  private readonly requestTimeoutMs: number;
  private readonly watches = new Set<AbortController>();
  /** The highest revision any response showed: "now" for a watch without a resourceVersion. */
  private lastSeen = 0;
  /** Whether the server's progress responses are safe as they come (see watcher.ts). */
  private trustProgress = false;
  /** The server's version, once a status call got through. */
  private version: string | undefined;
  private isClosed = false;

  constructor(opts: EtcdStorageOptions) {
    this.client = connectEtcd(opts);
    this.keys = new Keyspace((opts.prefix ?? '/registry').replace(/\/+$/, ''));
    this.endpoints = this.client.endpointCount;
    this.requestTimeoutMs = opts.requestTimeoutMs ?? 5_000;
  }

  /** Best effort: learns the current revision and the server version; failures are ignored. */
  async refreshStatus(): Promise<void> {
    try {
      const st = await this.client.status();
      this.note(st);
      this.version = st.version;
      this.trustProgress = progressIsOrdered(st.version);
    } catch { /* unreachable for now: calls will say so */ }
  }

  async create(key: string, obj: KubeObject): Promise<KubeObject> {
    const k = this.keys.key(key);
    const value = encodeObject(obj);
    const resp = await this.run(key, false, () => this.txn({
      compare: [{ key: k, target: CompareTarget.Create, result: CompareResult.Equal, create_revision: 0 }],
      success: [{ request_put: { key: k, value } }],
    }));
    if (!resp.succeeded) throw new StorageError('KeyExists', key);
    // The object as stored, not parsed back from value (parsing costs as much as encoding did):
    // a copy of obj's top level and metadata with the revision etcd gave it; the rest is shared.
    return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(resp.header.revision) } };
  }

  async get(key: string): Promise<KubeObject> {
    const kv = await this.getKv(key);
    if (!kv) throw new StorageError('KeyNotFound', key);
    return decodeKv(kv);
  }

  async list(prefix: string, opts: ListOptions): Promise<ListResult> {
    const r = this.keys.range(prefix, opts.exactKey);
    const limit = opts.limit && opts.limit > 0 ? opts.limit : Infinity;
    let rev = 0;
    let minRev = 0;
    let from = r.start;
    let restart: string | undefined;
    if (opts.continue) {
      if (opts.resourceVersion && opts.resourceVersion !== '0') {
        throw new StorageError('InvalidObj', prefix, undefined, 'specifying resource version is not allowed when using continue');
      }
      const point = decodeContinue(opts.continue, prefix);
      rev = point.rv === -1 ? 0 : point.rv;
      from = Buffer.from(r.startKey + point.start);
      restart = reencodeContinue(-1, point.start);
    } else {
      // As upstream's GetList: a non-zero resourceVersion is exact when match is Exact, or when
      // match is unset and a limit is given; otherwise it is a lower bound on the latest state.
      const rv = parseRevision(opts.resourceVersion, prefix);
      const exact = opts.resourceVersionMatch === 'Exact' || (!opts.resourceVersionMatch && limit < Infinity);
      if (exact) rev = rv; else minRev = rv;
    }
    let page;
    try {
      page = await this.run(prefix, true, () => readPage((req) => this.range(req), r, from, rev, limit, opts.predicate), rev);
    } catch (e) {
      if (!(e instanceof StorageError)) throw e;
      if (e.code === 'Expired') throw new StorageError('Expired', prefix, rev, `too old resource version: ${rev}`, restart);
      if (e.code === 'TooLarge' && restart) {
        throw new StorageError('InvalidObj', prefix, rev, 'continue key is not valid: resourceVersion in the future');
      }
      if (e.code === 'TooLarge') throw tooLarge(prefix, rev, this.lastSeen);
      throw e;
    }
    if (page.revision < minRev) throw tooLarge(prefix, minRev, page.revision);
    const result: ListResult = { items: page.items, revision: page.revision };
    if (page.lastKey !== undefined) {
      result.continue = encodeContinue(page.revision, page.lastKey, r.startKey);
      if (page.remainingItemCount !== undefined) result.remainingItemCount = page.remainingItemCount;
    }
    return result;
  }

  async guaranteedUpdate(key: string, pre: Preconditions | undefined, tryUpdate: TryUpdate,
                         ignoreNotFound = false): Promise<KubeObject> {
    const k = this.keys.key(key);
    let kv = await this.getKv(key);
    for (;;) {
      if (!kv && !ignoreNotFound) throw new StorageError('KeyNotFound', key);
      let current: KubeObject | null = null;
      if (kv) {
        current = decodeKv(kv);
        checkPreconditions(key, pre, current);
      }
      // When the key is missing and ignoreNotFound, tryUpdate receives null (see sqlite-storage.ts).
      const value = encodeObject(await tryUpdate(current as KubeObject));
      // As upstream: an update that changes nothing writes nothing and keeps the revision.
      if (kv && sameObject(value, kv.value)) return decodeKv(kv);
      const resp = await this.run(key, false, () => this.txn({
        compare: [kv
          ? { key: k, target: CompareTarget.Mod, result: CompareResult.Equal, mod_revision: kv.mod_revision }
          : { key: k, target: CompareTarget.Create, result: CompareResult.Equal, create_revision: 0 }],
        success: [{ request_put: { key: k, value } }],
        failure: [{ request_range: { key: k } }],
      }));
      if (resp.succeeded) return decodeKv({ key: k, value, mod_revision: resp.header.revision, create_revision: kv?.create_revision ?? resp.header.revision });
      kv = resp.responses[0]?.range?.kvs[0] ?? null; // lost a race: go again from what won
    }
  }

  async delete(key: string, pre?: Preconditions, validate?: (current: KubeObject) => void | Promise<void>): Promise<KubeObject> {
    const k = this.keys.key(key);
    let kv = await this.getKv(key);
    for (;;) {
      if (!kv) throw new StorageError('KeyNotFound', key);
      checkPreconditions(key, pre, decodeKv(kv));
      if (validate) await validate(decodeKv(kv));
      const resp = await this.run(key, false, () => this.txn({
        compare: [{ key: k, target: CompareTarget.Mod, result: CompareResult.Equal, mod_revision: kv!.mod_revision }],
        success: [{ request_delete_range: { key: k } }],
        failure: [{ request_range: { key: k } }],
      }));
      if (resp.succeeded) return decodeKv(kv, resp.header.revision);
      kv = resp.responses[0]?.range?.kvs[0] ?? null; // changed meanwhile: check again
    }
  }

  /**
   * Starts the etcd watch at once, from resourceVersion + 1 or, without one, from just after the
   * last revision this storage saw (so nothing written after this call is missed). Compaction
   * shows as Expired on the first next(), since etcd says so only once the watch is created.
   */
  watch(prefix: string, opts: WatchOptions, signal: AbortSignal): AsyncIterable<WatchEvent> {
    this.ensureOpen(prefix);
    const from = parseRevision(opts.resourceVersion, prefix);
    const ac = new AbortController();
    this.watches.add(ac);
    return watchEtcd(this.client, {
      range: this.keys.range(prefix, opts.exactKey),
      startRevision: from > 0 ? from + 1 : this.lastSeen > 0 ? this.lastSeen + 1 : 0,
      fromNow: from === 0,
      exactKey: opts.exactKey === true,
      key: prefix,
      progressNotifyMs: opts.progressNotifyMs,
      trustProgress: this.trustProgress,
      onRevision: (rev) => { if (rev > this.lastSeen) this.lastSeen = rev; },
      resumeWindowMs: this.requestTimeoutMs,
    }, AbortSignal.any([signal, ac.signal]), () => this.watches.delete(ac));
  }

  async count(prefix: string): Promise<number> {
    const r = this.keys.range(prefix);
    const resp = await this.run(prefix, true, () => this.range({ key: r.start, range_end: r.end, count_only: true }));
    return resp.count;
  }

  async currentRevision(): Promise<number> {
    const resp = await this.run('', true, () => this.range({ key: this.keys.key('/registry'), count_only: true }));
    return resp.header.revision;
  }

  /** Compacts etcd's whole history (all prefixes) at revision; an older or equal one is a no-op. */
  async compact(revision: number): Promise<void> {
    try {
      await this.run('', false, () => this.client.compact({ revision, physical: false }).then((r) => this.note(r)));
    } catch (e) {
      if (e instanceof StorageError && e.code === 'Expired') return; // already compacted that far
      if (e instanceof StorageError && e.code === 'TooLarge') throw tooLarge('', revision, this.lastSeen);
      throw e;
    }
  }

  /** A linearizable read, so it fails when etcd has no quorum, not only when it is unreachable. */
  async check(): Promise<void> {
    await this.currentRevision();
    if (this.version === undefined) await this.refreshStatus(); // etcd was down at open
  }

  async close(): Promise<void> {
    if (this.isClosed) return;
    this.isClosed = true;
    for (const ac of this.watches) ac.abort();
    this.client.close();
  }

  private async getKv(key: string): Promise<Kv | null> {
    const resp = await this.run(key, true, () => this.range({ key: this.keys.key(key) }));
    return resp.kvs[0] ?? null;
  }

  private range(req: RangeRequest) {
    return this.client.range(req).then((r) => this.note(r));
  }

  private txn(req: TxnRequest) {
    return this.client.txn(req).then((r) => this.note(r));
  }

  /** Runs an etcd call with the retry rules of client.ts and maps its errors to StorageError. */
  private async run<T>(key: string, idempotent: boolean, call: () => Promise<T>, revision?: number): Promise<T> {
    this.ensureOpen(key);
    try {
      return await callEtcd(this.endpoints, idempotent, call);
    } catch (e) {
      throw toStorageError(e, key, revision);
    }
  }

  private note<T extends { header: Header }>(resp: T): T {
    const rev = resp.header.revision;
    if (rev > this.lastSeen) this.lastSeen = rev;
    return resp;
  }

  private ensureOpen(key: string): void {
    if (this.isClosed) throw new StorageError('Unavailable', key, undefined, 'storage is closed');
  }
}

function tooLarge(key: string, rev: number, current: number): StorageError {
  return new StorageError('TooLarge', key, rev, `Too large resource version: ${rev}, current: ${current}`);
}

/**
 * Whether progress responses never overtake events (etcd #15220, fixed with #15237 and #17557):
 * from 3.4.31 and 3.5.13 on, the versions kube-apiserver requires for consistent reads from cache.
 */
export function progressIsOrdered(version: string): boolean {
  const [major = 0, minor = 0, patch = 0] = version.split(/[.-]/).map(Number);
  if (major !== 3) return major > 3;
  return minor >= 6 || (minor === 5 && patch >= 13) || (minor === 4 && patch >= 31);
}
