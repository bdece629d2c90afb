/**
 * Opening the etcd connection (rpc.ts) from the storage options, and the translation of etcd and
 * gRPC errors into StorageError codes, with the one retry rule: callEtcd repeats a call on the
 * next member only when that is safe, i.e. for reads, and for any call whose error proves it never
 * reached a server. A write that timed out may have committed, and retrying a compare-and-swap
 * would then report a conflict with our own write (or apply a guaranteedUpdate twice).
 */
import { StorageError } from '../storage.js';
import { EtcdRpc, isRecoverable } from './rpc.js';

export interface EtcdStorageOptions {
  /** Client URLs, e.g. ['http://127.0.0.1:2379'] (https:// for TLS). */
  endpoints: string[];
  /** Optional. Key prefix (--etcd-prefix); default '/registry'. */
  prefix?: string;
  /** Optional. TLS to etcd: PEM contents (not paths) of the CA, client certificate and key. */
  tls?: { ca?: Buffer | string; cert?: Buffer | string; key?: Buffer | string };
  /** Optional. Deadline of each etcd call in ms; default 5000. */
  requestTimeoutMs?: number;
}

export function connectEtcd(opts: EtcdStorageOptions): EtcdRpc {
  return new EtcdRpc({ endpoints: opts.endpoints, tls: opts.tls, timeoutMs: opts.requestTimeoutMs ?? 5_000 });
}

const compactedText = 'required revision has been compacted';
const futureText = 'required revision is a future revision';

export const isCompacted = (e: unknown) => e instanceof Error && e.message.includes(compactedText);
export const isFutureRevision = (e: unknown) => e instanceof Error && e.message.includes(futureText);

/** True when the call certainly never reached a server (so even a write may be retried). */
function neverSent(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  return /No connection established|ECONNREFUSED|Failed to connect/i.test(e.message);
}

/**
 * Maps an etcd or gRPC error to a StorageError. Compaction and future revisions have their own
 * codes; a request etcd refuses as too large is the caller's (InvalidObj); everything else
 * (unreachable, deadline, no leader, closed client) is Unavailable.
 */
export function toStorageError(e: unknown, key: string, revision?: number): unknown {
  if (e instanceof StorageError || !(e instanceof Error)) return e;
  if (isCompacted(e)) return new StorageError('Expired', key, revision, `too old resource version: ${revision ?? ''}`);
  if (isFutureRevision(e)) return new StorageError('TooLarge', key, revision, `Too large resource version: ${revision ?? ''}`);
  if (/request is too large|message larger than max/.test(e.message)) {
    return new StorageError('InvalidObj', key, revision, `etcd refused the request: ${e.message}`);
  }
  return new StorageError('Unavailable', key, revision, `etcd: ${e.message}`);
}

/**
 * Runs call, retrying (at most once per further endpoint) when that is safe: idempotent calls
 * on any Unavailable error, others only when the request provably never left. Errors come back
 * unmapped, so callers can tell compaction and future revisions apart first.
 */
export async function callEtcd<T>(endpoints: number, idempotent: boolean, call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      const retry = attempt < endpoints - 1 && (neverSent(e) || (idempotent && isRecoverable(e)));
      if (!retry) throw e;
    }
  }
}
