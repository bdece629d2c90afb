/**
 * The etcd baseline: raw etcd client puts and gets of a stored ConfigMap's bytes, in a child
 * process, against the same etcd kubets uses, at a given concurrency (that many requests kept in
 * flight on one client, as kubets's one client does). What kubets's CREATE and GET over etcd are
 * compared with: the cost of etcd itself and of a client library.
 *
 *   put   Put of sample under a fresh key per request (no transaction, no compare)
 *   get   Range of one existing key
 *
 * client 'etcd3' is the maintained Node etcd client (the target's baseline); 'kubets' is kubets's
 * own (src/storage/etcd/rpc.ts: grpc-js in a worker thread), to show what the client alone is worth.
 */
import { Etcd3 } from 'etcd3';
import { EtcdRpc } from '../src/storage/etcd/rpc.js';
import { fileURLToPath } from 'node:url';
import { runJsonChild } from './child-json.js';
import { percentile } from './load.js';

export interface EtcdBaselineSpec {
  mode: 'put' | 'get';
  client: 'etcd3' | 'kubets';
  url: string;
  /** A stored object (JSON text), the value written and read. */
  sample: string;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

export interface EtcdBaselineResult {
  requests: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

export function runEtcdBaseline(spec: EtcdBaselineSpec): Promise<EtcdBaselineResult> {
  return runJsonChild<EtcdBaselineResult>(import.meta.url, spec, 'etcd baseline');
}

async function measure(spec: EtcdBaselineSpec): Promise<EtcdBaselineResult> {
  const prefix = `/bench-raw/${process.pid}/configmaps/raw`;
  const { put, get, close } = spec.client === 'etcd3' ? etcd3Client(spec.url) : kubetsClient(spec.url);
  const sample = Buffer.from(spec.sample);
  await put(`${prefix}/get-me`, sample);
  let n = 0;
  const op = spec.mode === 'put' ? () => put(`${prefix}/cm-${n++}`, sample) : () => get(`${prefix}/get-me`);
  const latencies: number[] = [];
  let recording = false;
  const warmEnd = performance.now() + spec.warmupMs;
  const end = warmEnd + spec.durationMs;
  let start = warmEnd;
  const worker = async () => {
    for (let t = performance.now(); t < end;) {
      await op();
      const now = performance.now();
      if (now >= warmEnd) {
        if (!recording) { recording = true; start = now; }
        latencies.push(now - t);
      }
      t = now;
    }
  };
  await Promise.all(Array.from({ length: spec.concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  // The keys stay, as kubets's ConfigMaps do: deleting ten thousand keys in one range leaves
  // etcd (3.4, bbolt) paying three to four times as much CPU per write afterwards, which would
  // burden whatever runs next (measured: 150-170 µs per put before such a delete, 500-600 after).
  close();
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, seconds, rps: latencies.length / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

interface RawClient { put(key: string, value: Buffer): Promise<unknown>; get(key: string): Promise<unknown>; close(): void }

function etcd3Client(url: string): RawClient {
  const client = new Etcd3({ hosts: [url] });
  return { put: (k, v) => client.put(k).value(v).exec(), get: (k) => client.get(k).buffer(), close: () => client.close() };
}

function kubetsClient(url: string): RawClient {
  const rpc = new EtcdRpc({ endpoints: [url], timeoutMs: 5_000 });
  return {
    put: (k, v) => rpc.txn({ compare: [], success: [{ request_put: { key: Buffer.from(k), value: v } }] }),
    get: (k) => rpc.range({ key: Buffer.from(k) }),
    close: () => rpc.close(),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  measure(JSON.parse(process.argv[2]) as EtcdBaselineSpec).then(
    (r) => process.stdout.write(JSON.stringify(r)),
    (e) => { process.stderr.write(`etcd baseline: ${e instanceof Error ? e.stack : String(e)}\n`); process.exit(1); });
}
