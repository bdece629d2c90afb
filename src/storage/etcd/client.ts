/**
 * The etcd connection: an `etcd3` client (gRPC over @grpc/grpc-js) set up to fail fast, and the
 * translation of etcd and gRPC errors into StorageError codes.
 *
 * Fail fast: every unary call has a deadline (requestTimeoutMs), a host that fails three calls in
 * a row is skipped for a second (circuit breaker), and the client never retries on its own: a
 * write that timed out may have committed, and retrying a compare-and-swap would then report a
 * conflict with our own write (or apply a guaranteedUpdate twice). callEtcd retries only what is
 * safe: reads, and any call whose error proves it never reached a server.
 */
import { circuitBreaker, ConsecutiveBreaker, handleWhen, noop } from 'cockatiel';
import { Etcd3, isRecoverableError, type IOptions } from 'etcd3';
import { StorageError } from '../storage.js';

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

export function connectEtcd(opts: EtcdStorageOptions): Etcd3 {
  if (opts.endpoints.length === 0) throw new Error('etcd: no endpoints given');
  const timeout = opts.requestTimeoutMs ?? 5_000;
  const buf = (v: Buffer | string | undefined) => (v === undefined ? undefined : Buffer.from(v));
  const options: IOptions = {
    hosts: opts.endpoints,
    defaultCallOptions: (ctx) => (ctx.isStream ? {} : { deadline: Date.now() + timeout }),
    grpcOptions: {
      // etcd answers big lists and watch batches in one message; gRPC's default cap is 4 MiB.
      'grpc.max_receive_message_length': -1,
      // Notice a dead peer under an idle watch stream. etcd allows pings every 5 s at most.
      'grpc.keepalive_time_ms': 10_000,
      'grpc.keepalive_timeout_ms': 5_000,
    },
    faultHandling: {
      global: noop,
      host: () => circuitBreaker(handleWhen(isRecoverableError), { halfOpenAfter: 1_000, breaker: new ConsecutiveBreaker(3) }),
    },
  };
  if (opts.tls) {
    options.credentials = {
      // grpc-js takes null for "the system's roots"; etcd3's type insists on a Buffer.
      rootCertificate: buf(opts.tls.ca) ?? (null as unknown as Buffer),
      privateKey: buf(opts.tls.key),
      certChain: buf(opts.tls.cert),
    };
  }
  return new Etcd3(options);
}

const compactedText = 'required revision has been compacted';
const futureText = 'required revision is a future revision';

export const isCompacted = (e: unknown) => e instanceof Error && e.message.includes(compactedText);
export const isFutureRevision = (e: unknown) => e instanceof Error && e.message.includes(futureText);

/** True when the call certainly never reached a server (so even a write may be retried). */
function neverSent(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  return e.name === 'BrokenCircuitError' || /No connection established|ECONNREFUSED|Failed to connect/i.test(e.message);
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
      const retry = attempt < endpoints - 1 && (neverSent(e) || (idempotent && e instanceof Error && isRecoverableError(e)));
      if (!retry) throw e;
    }
  }
}
