/**
 * How kubets opens a grpc-js channel to one etcd member: the channel options and credentials that
 * both the unary calls (etcd-rpc-worker.ts, in a worker thread) and the Watch streams (rpc.ts, on
 * the main thread) use.
 */
import * as grpc from '@grpc/grpc-js';

export interface EtcdTls { ca?: string; cert?: string; key?: string }

/** What the worker thread is started with (structured-cloneable). */
export interface WorkerInit {
  /** Per member: host:port, and whether to use TLS (an https:// URL or any --etcd-* TLS file). */
  members: Array<{ host: string; tls: boolean }>;
  tls?: EtcdTls;
}

const maxReconnectBackoffMs = 1_000;

const channelOptions: grpc.ChannelOptions = {
  // etcd answers big lists and watch batches in one message; gRPC's default cap is 4 MiB.
  'grpc.max_receive_message_length': -1,
  // Notice a dead peer under an idle watch stream. etcd allows pings every 5 s at most.
  'grpc.keepalive_time_ms': 10_000,
  'grpc.keepalive_timeout_ms': 5_000,
  // A member that comes back is used again within about a second.
  'grpc.initial_reconnect_backoff_ms': 100,
  'grpc.max_reconnect_backoff_ms': maxReconnectBackoffMs,
  // Retrying is callEtcd's decision, never the channel's (a retried write could apply twice);
  // channelz bookkeeping costs CPU on every call and nothing reads it.
  'grpc.enable_retries': 0,
  'grpc.enable_channelz': 0,
};

/** A channel (as a generic grpc-js Client) to member i of init. */
export function memberClient(init: WorkerInit, i: number): grpc.Client {
  const pem = (v: string | undefined) => (v === undefined ? null : Buffer.from(v));
  const m = init.members[i];
  const creds = m.tls
    ? grpc.credentials.createSsl(pem(init.tls?.ca), pem(init.tls?.key), pem(init.tls?.cert))
    : grpc.credentials.createInsecure();
  return new grpc.Client(m.host, creds, channelOptions);
}
