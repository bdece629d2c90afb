/**
 * The part of etcd's v3 API kubets speaks (KV Range/Txn/Compact, Watch, Maintenance Status), as a
 * protobufjs descriptor, and plain TypeScript shapes for its messages. Field names and numbers are
 * etcd's (etcdserverpb, mvccpb); messages and fields kubets never sends or reads are left out, and
 * protobufjs skips unknown fields when decoding, so newer servers are fine.
 *
 * Decoding converts protobufjs's messages to the shapes below at once: int64s become numbers
 * (revisions stay below 2^53, as DESIGN.md assumes for resourceVersions) and events carry their
 * type as a string, so no Long or protobufjs class leaves this module.
 */
import protobuf from 'protobufjs/light.js';

export interface Header { revision: number }

/** The parts of mvccpb.KeyValue kubets reads. */
export interface Kv {
  key: Buffer;
  value: Buffer;
  mod_revision: number;
  create_revision: number;
}

export interface RangeRequest {
  key: Buffer;
  range_end?: Buffer;
  limit?: number;
  revision?: number;
  count_only?: boolean;
}

export interface RangeResponse { header: Header; kvs: Kv[]; more: boolean; count: number }

export interface PutRequest { key: Buffer; value: Buffer }

export interface DeleteRangeRequest { key: Buffer; range_end?: Buffer; prev_kv?: boolean }

export enum CompareTarget { Version = 0, Create = 1, Mod = 2, Value = 3, Lease = 4 }
export enum CompareResult { Equal = 0, Greater = 1, Less = 2, NotEqual = 3 }

/** A compare on one key; which revision field is set must match target (a proto3 oneof). */
export interface Compare {
  key: Buffer;
  target: CompareTarget;
  result: CompareResult;
  create_revision?: number;
  mod_revision?: number;
}

export interface RequestOp {
  request_range?: RangeRequest;
  request_put?: PutRequest;
  request_delete_range?: DeleteRangeRequest;
}

export interface TxnRequest { compare: Compare[]; success: RequestOp[]; failure?: RequestOp[] }

/** A Txn's answer; responses[i].range is set for a Range op (the only result kubets reads). */
export interface TxnResponse { header: Header; succeeded: boolean; responses: Array<{ range?: RangeResponse }> }

export interface CompactionRequest { revision: number; physical?: boolean }

export interface WatchCreateRequest {
  key: Buffer;
  range_end?: Buffer;
  start_revision?: number;
  progress_notify?: boolean;
  prev_kv?: boolean;
}

export type WatchRequest =
  | { create_request: WatchCreateRequest }
  | { cancel_request: { watch_id: number } }
  | { progress_request: Record<string, never> };

export interface WatchEventMessage { type: 'PUT' | 'DELETE'; kv: Kv; prev_kv: Kv | null }

export interface WatchResponse {
  header: Header;
  /** -1 on progress responses to a progress_request (etcd's InvalidWatchID). */
  watch_id: number;
  created: boolean;
  canceled: boolean;
  compact_revision: number;
  cancel_reason: string;
  events: WatchEventMessage[];
}

export interface StatusResponse { header: Header; version: string }

const int64 = (id: number) => ({ type: 'int64', id });
const bytes = (id: number) => ({ type: 'bytes', id });
const bool = (id: number) => ({ type: 'bool', id });
const message = (type: string, id: number) => ({ type, id });
const repeated = (type: string, id: number) => ({ type, id, rule: 'repeated' });

const root = protobuf.Root.fromJSON({
  nested: {
    mvccpb: {
      nested: {
        KeyValue: { fields: { key: bytes(1), create_revision: int64(2), mod_revision: int64(3), version: int64(4), value: bytes(5), lease: int64(6) } },
        Event: {
          fields: { type: message('EventType', 1), kv: message('KeyValue', 2), prev_kv: message('KeyValue', 3) },
          nested: { EventType: { values: { PUT: 0, DELETE: 1 } } },
        },
      },
    },
    etcdserverpb: {
      nested: {
        ResponseHeader: { fields: { cluster_id: { type: 'uint64', id: 1 }, member_id: { type: 'uint64', id: 2 }, revision: int64(3), raft_term: { type: 'uint64', id: 4 } } },
        RangeRequest: {
          fields: {
            key: bytes(1), range_end: bytes(2), limit: int64(3), revision: int64(4), serializable: bool(7), keys_only: bool(8), count_only: bool(9),
          },
        },
        RangeResponse: { fields: { header: message('ResponseHeader', 1), kvs: repeated('mvccpb.KeyValue', 2), more: bool(3), count: int64(4) } },
        PutRequest: { fields: { key: bytes(1), value: bytes(2), lease: int64(3), prev_kv: bool(4) } },
        PutResponse: { fields: { header: message('ResponseHeader', 1) } },
        DeleteRangeRequest: { fields: { key: bytes(1), range_end: bytes(2), prev_kv: bool(3) } },
        DeleteRangeResponse: { fields: { header: message('ResponseHeader', 1), deleted: int64(2) } },
        RequestOp: {
          oneofs: { request: { oneof: ['request_range', 'request_put', 'request_delete_range'] } },
          fields: { request_range: message('RangeRequest', 1), request_put: message('PutRequest', 2), request_delete_range: message('DeleteRangeRequest', 3) },
        },
        ResponseOp: {
          oneofs: { response: { oneof: ['response_range', 'response_put', 'response_delete_range'] } },
          fields: { response_range: message('RangeResponse', 1), response_put: message('PutResponse', 2), response_delete_range: message('DeleteRangeResponse', 3) },
        },
        Compare: {
          oneofs: { target_union: { oneof: ['version', 'create_revision', 'mod_revision', 'value', 'lease'] } },
          fields: {
            result: { type: 'int32', id: 1 }, target: { type: 'int32', id: 2 }, key: bytes(3),
            version: int64(4), create_revision: int64(5), mod_revision: int64(6), value: bytes(7), lease: int64(8), range_end: bytes(64),
          },
        },
        TxnRequest: { fields: { compare: repeated('Compare', 1), success: repeated('RequestOp', 2), failure: repeated('RequestOp', 3) } },
        TxnResponse: { fields: { header: message('ResponseHeader', 1), succeeded: bool(2), responses: repeated('ResponseOp', 3) } },
        CompactionRequest: { fields: { revision: int64(1), physical: bool(2) } },
        CompactionResponse: { fields: { header: message('ResponseHeader', 1) } },
        WatchCreateRequest: {
          fields: { key: bytes(1), range_end: bytes(2), start_revision: int64(3), progress_notify: bool(4), prev_kv: bool(6), watch_id: int64(7), fragment: bool(8) },
        },
        WatchCancelRequest: { fields: { watch_id: int64(1) } },
        WatchProgressRequest: { fields: {} },
        WatchRequest: {
          oneofs: { request_union: { oneof: ['create_request', 'cancel_request', 'progress_request'] } },
          fields: { create_request: message('WatchCreateRequest', 1), cancel_request: message('WatchCancelRequest', 2), progress_request: message('WatchProgressRequest', 3) },
        },
        WatchResponse: {
          fields: {
            header: message('ResponseHeader', 1), watch_id: int64(2), created: bool(3), canceled: bool(4), compact_revision: int64(5),
            cancel_reason: { type: 'string', id: 6 }, fragment: bool(7), events: repeated('mvccpb.Event', 11),
          },
        },
        StatusRequest: { fields: {} },
        StatusResponse: { fields: { header: message('ResponseHeader', 1), version: { type: 'string', id: 2 } } },
      },
    },
  },
});

const type = (name: string) => root.lookupType(`etcdserverpb.${name}`);

/** A protobufjs int64: a Long when the long package is there (it is, as protobufjs's dependency), else a number. */
type Int64 = number | { toNumber(): number };
const num = (v: Int64 | null | undefined): number => (v == null ? 0 : typeof v === 'number' ? v : v.toNumber());

interface KvMessage { key: Uint8Array; value: Uint8Array; mod_revision: Int64; create_revision: Int64 }
interface RangeResponseMessage { header?: { revision: Int64 } | null; kvs: KvMessage[]; more: boolean; count: Int64 }

/**
 * protobufjs decodes bytes as Buffers in Node (its util.Buffer), sharing the message's memory; a
 * field left out (an empty value, as a deleted key's) reads as its default, an empty array.
 */
const empty = Buffer.alloc(0);
const buffer = (b: Uint8Array | number[] | null | undefined): Buffer =>
  (Buffer.isBuffer(b) ? b : b instanceof Uint8Array ? Buffer.from(b.buffer, b.byteOffset, b.byteLength) : b && b.length > 0 ? Buffer.from(b) : empty);
const header = (h: { revision: Int64 } | null | undefined): Header => ({ revision: num(h?.revision) });
const kv = (m: KvMessage): Kv => ({ key: buffer(m.key), value: buffer(m.value), mod_revision: num(m.mod_revision), create_revision: num(m.create_revision) });
const rangeResponse = (m: RangeResponseMessage): RangeResponse => ({ header: header(m.header), kvs: m.kvs.map(kv), more: m.more, count: num(m.count) });

/** The request and response codecs of one method: what grpc-js's serialize/deserialize take. */
export interface MethodCodec<Req, Res> {
  path: string;
  encode(req: Req): Buffer;
  decode(buf: Buffer): Res;
}

function method<Req, Res>(path: string, reqName: string, resName: string, convert: (m: any) => Res): MethodCodec<Req, Res> {
  const req = type(reqName);
  const res = type(resName);
  return {
    path,
    // protobufjs's encoder takes plain objects with the right value types (numbers for int64s).
    encode: (r) => req.encode(r as object).finish() as Buffer,
    decode: (b) => convert(res.decode(b)),
  };
}

export const rangeMethod = method<RangeRequest, RangeResponse>('/etcdserverpb.KV/Range', 'RangeRequest', 'RangeResponse', rangeResponse);

export const txnMethod = method<TxnRequest, TxnResponse>('/etcdserverpb.KV/Txn', 'TxnRequest', 'TxnResponse', (m) => ({
  header: header(m.header),
  succeeded: m.succeeded,
  responses: (m.responses as Array<{ response_range?: RangeResponseMessage | null }>).map((r) => (r.response_range ? { range: rangeResponse(r.response_range) } : {})),
}));

export const compactMethod = method<CompactionRequest, { header: Header }>('/etcdserverpb.KV/Compact', 'CompactionRequest', 'CompactionResponse',
  (m) => ({ header: header(m.header) }));

export const statusMethod = method<Record<string, never>, StatusResponse>('/etcdserverpb.Maintenance/Status', 'StatusRequest', 'StatusResponse',
  (m) => ({ header: header(m.header), version: m.version }));

interface EventMessage { type: number; kv?: KvMessage | null; prev_kv?: KvMessage | null }

export const watchMethod = method<WatchRequest, WatchResponse>('/etcdserverpb.Watch/Watch', 'WatchRequest', 'WatchResponse', (m) => ({
  header: header(m.header),
  watch_id: num(m.watch_id),
  created: m.created,
  canceled: m.canceled,
  compact_revision: num(m.compact_revision),
  cancel_reason: m.cancel_reason,
  events: (m.events as EventMessage[]).map((e) => ({
    type: e.type === 1 ? 'DELETE' : 'PUT',
    kv: e.kv ? kv(e.kv) : { key: empty, value: empty, mod_revision: 0, create_revision: 0 },
    prev_kv: e.prev_kv ? kv(e.prev_kv) : null,
  })),
}));
