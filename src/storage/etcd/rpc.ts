/**
 * The etcd connection: one @grpc/grpc-js channel per member, calls made straight on it with the
 * codecs of proto.ts, and the choice of member.
 *
 * Why not the etcd3 package: every call there goes through a connection pool, a per-host
 * circuit-breaker policy, protobufjs's object conversion and Long-to-string revisions. A create
 * on etcd cost kubets about 300 µs of CPU in that client alone, half of its whole cost; grpc-js
 * with precompiled codecs does the same call for about a third less (bench/RESULTS.md), and the
 * Watch stream is grpc-js's duplex stream itself, with its backpressure.
 *
 * Members. Calls go to one member (the current one). A call that fails with a transport-class
 * code (UNAVAILABLE, DEADLINE_EXCEEDED) marks that member down for downMs and moves on to the
 * next, as clientv3's balancer does; a down member is used again once its time is up, or when
 * every member is down. grpc-js reconnects each channel on its own, with backoff capped at
 * maxReconnectBackoffMs, so a member that comes back is usable within about a second.
 *
 * Fail fast: every unary call has a deadline, channels do not wait for readiness (a member that
 * cannot be reached fails the call at once), and nothing is retried here: a write that timed out
 * may have committed. callEtcd (client.ts) retries only what is safe.
 */
import * as grpc from '@grpc/grpc-js';
import {
  compactMethod, rangeMethod, statusMethod, txnMethod, watchMethod,
  type CompactionRequest, type Header, type MethodCodec, type RangeRequest, type RangeResponse, type StatusResponse,
  type TxnRequest, type TxnResponse, type WatchRequest, type WatchResponse,
} from './proto.js';

export interface EtcdTls { ca?: Buffer | string; cert?: Buffer | string; key?: Buffer | string }

export interface RpcOptions {
  /** Client URLs, e.g. ['http://127.0.0.1:2379']; https:// ones use tls. */
  endpoints: string[];
  tls?: EtcdTls;
  /** Deadline of each unary call in ms. */
  timeoutMs: number;
}

/** A Watch stream: write WatchRequests, read WatchResponses ('data'), 'error' / 'end' when it breaks. */
export type WatchStream = grpc.ClientDuplexStream<WatchRequest, WatchResponse>;

const downMs = 1_000;
const maxReconnectBackoffMs = 1_000;

const channelOptions: grpc.ChannelOptions = {
  // etcd answers big lists and watch batches in one message; gRPC's default cap is 4 MiB.
  'grpc.max_receive_message_length': -1,
  // Notice a dead peer under an idle watch stream. etcd allows pings every 5 s at most.
  'grpc.keepalive_time_ms': 10_000,
  'grpc.keepalive_timeout_ms': 5_000,
  'grpc.initial_reconnect_backoff_ms': 100,
  'grpc.max_reconnect_backoff_ms': maxReconnectBackoffMs,
  // Retrying is callEtcd's decision, never the channel's (a retried write could apply twice);
  // channelz bookkeeping costs CPU on every call and nothing reads it.
  'grpc.enable_retries': 0,
  'grpc.enable_channelz': 0,
};

interface Member { url: string; client: grpc.Client; downUntil: number }

export class EtcdRpc {
  private readonly members: Member[];
  private current = 0;
  private readonly timeoutMs: number;

  constructor(opts: RpcOptions) {
    if (opts.endpoints.length === 0) throw new Error('etcd: no endpoints given');
    this.timeoutMs = opts.timeoutMs;
    const buf = (v: Buffer | string | undefined) => (v === undefined ? null : Buffer.from(v));
    this.members = opts.endpoints.map((url) => {
      const u = new URL(url);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`etcd: ${url}: the scheme must be http or https`);
      const creds = u.protocol === 'https:' || opts.tls
        ? grpc.credentials.createSsl(buf(opts.tls?.ca), buf(opts.tls?.key), buf(opts.tls?.cert))
        : grpc.credentials.createInsecure();
      return { url, client: new grpc.Client(u.host, creds, channelOptions), downUntil: 0 };
    });
  }

  get endpointCount(): number {
    return this.members.length;
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
    const m = this.pick();
    const s = m.client.makeBidiStreamRequest(watchMethod.path, watchMethod.encode, watchMethod.decode);
    s.on('error', (e: grpc.ServiceError) => this.failed(m, e));
    return s;
  }

  close(): void {
    for (const m of this.members) m.client.close();
  }

  private unary<Req, Res>(codec: MethodCodec<Req, Res>, req: Req): Promise<Res> {
    const m = this.pick();
    return new Promise((resolve, reject) => {
      m.client.makeUnaryRequest(codec.path, codec.encode, codec.decode, req, { deadline: Date.now() + this.timeoutMs }, (e, res) => {
        if (e) {
          this.failed(m, e);
          reject(e);
        } else {
          resolve(res!);
        }
      });
    });
  }

  private pick(): Member {
    const now = Date.now();
    for (let i = 0; i < this.members.length; i++) {
      const m = this.members[(this.current + i) % this.members.length];
      if (m.downUntil <= now) return m;
    }
    return this.members[this.current];
  }

  private failed(m: Member, e: grpc.ServiceError): void {
    if (e.code !== grpc.status.UNAVAILABLE && e.code !== grpc.status.DEADLINE_EXCEEDED) return;
    m.downUntil = Date.now() + downMs;
    const i = this.members.indexOf(m);
    if (i === this.current) this.current = (i + 1) % this.members.length;
  }
}

/** gRPC codes after which the same request may go to another member if it is safe to repeat. */
const recoverableCodes = new Set([
  grpc.status.CANCELLED, grpc.status.UNKNOWN, grpc.status.DEADLINE_EXCEEDED, grpc.status.RESOURCE_EXHAUSTED,
  grpc.status.INTERNAL, grpc.status.UNAVAILABLE,
]);

export function isRecoverable(e: unknown): boolean {
  return typeof (e as grpc.ServiceError)?.code === 'number' && recoverableCodes.has((e as grpc.ServiceError).code);
}
