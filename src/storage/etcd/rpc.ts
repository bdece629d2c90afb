/**
 * The etcd connection: @grpc/grpc-js channels to each member with etcd's messages encoded by the
 * codecs of proto.ts, and the choice of member.
 *
 * Why not the etcd3 package: every call there goes through a connection pool, a per-host
 * circuit-breaker policy, protobufjs's object conversion and Long-to-string revisions, about
 * 300 µs of CPU per call, as much as the rest of an API request.
 *
 * Unary calls (Range, Txn, Compact, Status) run in a worker thread (etcd-rpc-worker.ts): even bare
 * grpc-js costs ~200 µs per call, and the main thread, which every API request needs, only
 * encodes, posts and decodes. Calls made in one turn of the event loop travel as one message.
 * Watch streams stay on the main thread, on channels of their own: their events are decoded here
 * anyway, and a stream costs little per message.
 *
 * Members. Calls go to one member (the current one). A call that fails with a transport-class
 * code (UNAVAILABLE, DEADLINE_EXCEEDED) marks that member down for downMs and moves on to the
 * next, as clientv3's balancer does; a down member is used again once its time is up, or when
 * every member is down. grpc-js reconnects each channel on its own (grpc-channel.ts).
 *
 * Fail fast: every unary call has a deadline, channels do not wait for readiness (a member that
 * cannot be reached fails the call at once), and nothing is retried here: a write that timed out
 * may have committed. callEtcd (client.ts) retries only what is safe.
 */
import * as grpc from '@grpc/grpc-js';
import { Worker } from 'node:worker_threads';
import { memberClient, type EtcdTls, type WorkerInit } from './grpc-channel.js';
import {
  compactMethod, rangeMethod, statusMethod, txnMethod, watchMethod,
  type CompactionRequest, type Header, type MethodCodec, type RangeRequest, type RangeResponse, type StatusResponse,
  type TxnRequest, type TxnResponse, type WatchRequest, type WatchResponse,
} from './proto.js';
import { BatchBuilder, forEachEntry, type Batch } from './worker-batch.js';

export interface RpcOptions {
  /** Client URLs, e.g. ['http://127.0.0.1:2379']; https:// ones use TLS. */
  endpoints: string[];
  /** PEM contents; given any, every member is spoken to over TLS. */
  tls?: { ca?: Buffer | string; cert?: Buffer | string; key?: Buffer | string };
  /** Deadline of each unary call in ms. */
  timeoutMs: number;
}

/** A Watch stream: write WatchRequests, read WatchResponses ('data'), 'error' / 'end' when it breaks. */
export type WatchStream = grpc.ClientDuplexStream<WatchRequest, WatchResponse>;

/** The error of a failed call: grpc-js's ServiceError shape (code, details, "<code> <NAME>: details"). */
export interface RpcError extends Error { code: number; details: string }

const downMs = 1_000;
const workerUrl = new URL('./etcd-rpc-worker.js', import.meta.url);

interface Pending { resolve(bytes: Buffer): void; reject(e: RpcError): void; member: number }

export class EtcdRpc {
  private readonly init: WorkerInit;
  private readonly downUntil: number[];
  private current = 0;
  private readonly timeoutMs: number;
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  /** Calls not yet posted: entries [id, member, index into outboxPaths, deadline]. */
  private outbox = new BatchBuilder(4);
  private outboxPaths: string[] = [];
  /** Main-thread channels for Watch streams, made on first use. */
  private readonly watchClients: Array<grpc.Client | undefined>;
  private closed = false;

  constructor(opts: RpcOptions) {
    if (opts.endpoints.length === 0) throw new Error('etcd: no endpoints given');
    this.timeoutMs = opts.timeoutMs;
    const str = (v: Buffer | string | undefined) => (v === undefined ? undefined : String(v));
    const tls: EtcdTls | undefined = opts.tls && { ca: str(opts.tls.ca), cert: str(opts.tls.cert), key: str(opts.tls.key) };
    this.init = {
      members: opts.endpoints.map((url) => {
        const u = new URL(url);
        if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`etcd: ${url}: the scheme must be http or https`);
        return { host: u.host, tls: u.protocol === 'https:' || tls !== undefined };
      }),
      tls,
    };
    this.downUntil = opts.endpoints.map(() => 0);
    this.watchClients = opts.endpoints.map(() => undefined);
  }

  get endpointCount(): number {
    return this.init.members.length;
  }

  range(req: RangeRequest): Promise<RangeResponse> {
    return this.unary(rangeMethod, req);
  }

  txn(req: TxnRequest): Promise<TxnResponse> {
    return this.unary(txnMethod, req);
  }

  compact(req: CompactionRequest): Promise<{ header: Header }> {
    return this.unary(compactMethod, req);
  }

  status(): Promise<StatusResponse> {
    return this.unary(statusMethod, {});
  }

  /** Opens a Watch stream on the current member; its transport failures count against it. */
  watch(): WatchStream {
    if (this.closed) throw new Error('etcd client is closed');
    const m = this.pick();
    const client = this.watchClients[m] ??= memberClient(this.init, m);
    const s = client.makeBidiStreamRequest(watchMethod.path, watchMethod.encode, watchMethod.decode);
    s.on('error', (e: grpc.ServiceError) => this.failed(m, e.code));
    return s;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const c of this.watchClients) c?.close();
    const w = this.worker;
    this.worker = undefined;
    this.failAll('etcd client closed');
    if (w) {
      w.postMessage({ close: true });
      w.unref();
    }
  }

  private async unary<Req, Res>(codec: MethodCodec<Req, Res>, req: Req): Promise<Res> {
    if (this.closed) throw rpcError(grpc.status.CANCELLED, 'etcd client is closed');
    const bytes = codec.encode(req);
    const member = this.pick();
    const id = this.nextId++;
    const res = await new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, member });
      if (this.pending.size === 1) this.ensureWorker().ref();
      // Posted once per turn of the event loop (after its I/O), carrying every call made in it.
      if (this.outbox.length === 0) setImmediate(() => this.post());
      let path = this.outboxPaths.indexOf(codec.path);
      if (path < 0) path = this.outboxPaths.push(codec.path) - 1;
      this.outbox.add([id, member, path, Date.now() + this.timeoutMs], bytes);
    });
    return codec.decode(res);
  }

  private post(): void {
    if (this.outbox.length === 0) return;
    const { batch, transfer } = this.outbox.take();
    const paths = this.outboxPaths;
    this.outboxPaths = [];
    this.ensureWorker().postMessage({ paths, batch }, transfer);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(workerUrl, { workerData: this.init });
    w.on('message', (replies: Batch) => this.receive(replies));
    // A worker that dies takes its calls with it: they fail (as Unavailable; a write among them
    // may have committed, as after any lost connection), and the next call starts a new one.
    const lost = (why: string) => {
      if (this.worker !== w) return;
      this.worker = undefined;
      this.failAll(`etcd client thread stopped: ${why}`);
    };
    w.on('error', (e) => lost(e.message));
    w.on('exit', (code) => lost(`exit code ${code}`));
    this.worker = w;
    return w;
  }

  private receive(replies: Batch): void {
    forEachEntry(replies, 2, ([id, code], bytes) => {
      const p = this.pending.get(id);
      if (!p) return;
      this.pending.delete(id);
      if (code === 0) {
        p.resolve(bytes);
      } else {
        const [details, message] = JSON.parse(bytes.toString('utf8')) as [string, string];
        this.failed(p.member, code);
        p.reject(Object.assign(new Error(message), { code, details }));
      }
    });
    if (this.pending.size === 0) this.worker?.unref();
  }

  private failAll(why: string): void {
    const calls = [...this.pending.values()];
    this.pending.clear();
    this.outbox.take();
    this.outboxPaths = [];
    for (const p of calls) p.reject(rpcError(grpc.status.UNAVAILABLE, why));
  }

  private pick(): number {
    const now = Date.now();
    const n = this.downUntil.length;
    for (let i = 0; i < n; i++) {
      const m = (this.current + i) % n;
      if (this.downUntil[m] <= now) return m;
    }
    return this.current;
  }

  private failed(m: number, code: number): void {
    if (code !== grpc.status.UNAVAILABLE && code !== grpc.status.DEADLINE_EXCEEDED) return;
    this.downUntil[m] = Date.now() + downMs;
    if (m === this.current) this.current = (m + 1) % this.downUntil.length;
  }
}

function rpcError(code: grpc.status, details: string): RpcError {
  return Object.assign(new Error(`${code} ${grpc.status[code]}: ${details}`), { code, details });
}

/** gRPC codes after which the same request may go to another member if it is safe to repeat. */
const recoverableCodes = new Set([
  grpc.status.CANCELLED, grpc.status.UNKNOWN, grpc.status.DEADLINE_EXCEEDED, grpc.status.RESOURCE_EXHAUSTED,
  grpc.status.INTERNAL, grpc.status.UNAVAILABLE,
]);

export function isRecoverable(e: unknown): boolean {
  return typeof (e as RpcError)?.code === 'number' && recoverableCodes.has((e as RpcError).code);
}
