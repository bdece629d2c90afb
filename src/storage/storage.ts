/**
 * The Storage interface: etcd-shaped, knows nothing of HTTP or of resources. Keys follow etcd's
 * layout (`/registry/<resource>/<namespace>/<name>`). One global revision, increasing by one per
 * write; an object's metadata.resourceVersion is the revision of its last write, as a decimal
 * string. Revisions are JS numbers: exact up to 2^53, centuries of writes at any realistic rate.
 */
import type { KubeObject } from '../apis/meta/types.js';

export interface Preconditions {
  uid?: string;
  resourceVersion?: string;
}

export interface ListOptions {
  /** '' or undefined = latest (a consistent read); '0' = any (may be served from a cache). */
  resourceVersion?: string;
  resourceVersionMatch?: 'NotOlderThan' | 'Exact' | '';
  /** Optional. At most this many items; a continue token is returned when more remain. */
  limit?: number;
  /** Optional. A token from a previous list; the list resumes at that list's revision. */
  continue?: string;
  /** Optional. Items failing it are skipped (and do not count towards limit). */
  predicate?: (obj: KubeObject) => boolean;
  /** Optional. When true, list only the exact key `prefix` rather than everything under it. */
  exactKey?: boolean;
  /**
   * Optional. Ask for the stored JSON text of each item (ListResult.raw) instead of parsed
   * objects, so a list can be sent without parsing and re-encoding. Only honoured without a
   * predicate and by backends that store the text with its resourceVersion (SQLite); others
   * ignore it and return items.
   */
  raw?: boolean;
}

export interface ListResult {
  items: KubeObject[];
  revision: number;
  continue?: string;
  /** Optional. Items after this page still to come (only known without a predicate). */
  remainingItemCount?: number;
  /** Present when ListOptions.raw was honoured: each item's JSON text; items is then empty. */
  raw?: string[];
}

export type WatchEvent =
  | { type: 'ADDED'; object: KubeObject; revision: number }
  /** prevObject is the state before this write, so watchers can see an object leave a selector. */
  | { type: 'MODIFIED'; object: KubeObject; prevObject: KubeObject; revision: number }
  /** object is the last state, with resourceVersion set to the deleting revision (as upstream). */
  | { type: 'DELETED'; object: KubeObject; revision: number }
  | { type: 'BOOKMARK'; revision: number };

export interface WatchOptions {
  /** Events strictly after this revision. '' / '0' / undefined = from now. */
  resourceVersion?: string;
  /** Optional. When true, the watch is on exactly one key, not a prefix. */
  exactKey?: boolean;
  /** Optional. Emit BOOKMARK events with the current revision at about this interval (ms). */
  progressNotifyMs?: number;
}

/**
 * tryUpdate receives the current object (a private copy it may change) and returns the next one.
 * It may run several times when another writer wins the race, so it must be free of side effects.
 * Throwing from it aborts the update and the error propagates unchanged.
 */
export type TryUpdate = (current: KubeObject) => KubeObject | Promise<KubeObject>;

export interface Storage {
  /** Stores obj (resourceVersion is set by storage) and returns it as stored. Throws KeyExists. */
  create(key: string, obj: KubeObject): Promise<KubeObject>;
  /** Throws KeyNotFound. */
  get(key: string): Promise<KubeObject>;
  /** Everything under prefix (keys sorted), at the latest revision or the one asked for. */
  list(prefix: string, opts: ListOptions): Promise<ListResult>;
  /**
   * Read-modify-write with optimistic concurrency: reads key, checks preconditions (Conflict when
   * they fail), calls tryUpdate, and writes only if nobody wrote in between (else it retries).
   * Throws KeyNotFound when the key is missing, unless ignoreNotFound, in which case tryUpdate
   * receives null and its result is created.
   */
  guaranteedUpdate(key: string, pre: Preconditions | undefined, tryUpdate: TryUpdate, ignoreNotFound?: boolean): Promise<KubeObject>;
  /**
   * Deletes key after checking preconditions and calling validate(current) (which may throw to
   * refuse). Returns the last state with resourceVersion set to the deleting revision.
   */
  delete(key: string, pre?: Preconditions, validate?: (current: KubeObject) => void | Promise<void>): Promise<KubeObject>;
  /** Events strictly after opts.resourceVersion, until signal aborts. Throws Expired (compacted). */
  watch(prefix: string, opts: WatchOptions, signal: AbortSignal): AsyncIterable<WatchEvent>;
  /** Number of live objects under prefix (for apiserver_storage_objects). */
  count(prefix: string): Promise<number>;
  currentRevision(): Promise<number>;
  /** Drops history at or below revision; later watches/lists from before it get Expired. */
  compact(revision: number): Promise<void>;
  /** Quick self-test for /readyz; throws when storage is not usable. */
  check(): Promise<void>;
  close(): Promise<void>;
}

export type StorageErrorCode = 'KeyNotFound' | 'KeyExists' | 'Conflict' | 'Expired' | 'InvalidObj' | 'Unavailable' | 'TooLarge';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    readonly key: string,
    readonly revision?: number,
    detail?: string,
    /** Optional. On Expired for a continue token: a token continuing at the latest revision. */
    readonly continueToken?: string,
  ) {
    super(detail ?? `${code}: ${key}`);
    this.name = 'StorageError';
  }
}
