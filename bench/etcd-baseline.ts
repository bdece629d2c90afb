/**
 * The etcd baseline: raw etcd3-client puts and gets of a stored ConfigMap's bytes, in a child
 * process, against the same etcd kubets uses, at a given concurrency (that many requests kept in
 * flight on one client, as kubets's one client does). What kubets's CREATE and GET over etcd are
 * compared with: the cost of etcd itself and of the client library.
 *
 *   put   Put of sample under a fresh key per request (no transaction, no compare)
 *   get   Range of one existing key
 */
import { Etcd3 } from 'etcd3';
import { fileURLToPath } from 'node:url';
import { runJsonChild } from './child-json.js';
import { percentile } from './load.js';

export interface EtcdBaselineSpec {
  mode: 'put' | 'get';
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
  const client = new Etcd3({ hosts: [spec.url] });
  const prefix = `/bench-raw/${process.pid}/configmaps/raw`;
  await client.put(`${prefix}/get-me`).value(spec.sample);
  let n = 0;
  const op = spec.mode === 'put'
    ? () => client.put(`${prefix}/cm-${n++}`).value(spec.sample).exec()
    : () => client.get(`${prefix}/get-me`).buffer();
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
  await client.delete().prefix(`/bench-raw/${process.pid}/`);
  client.close();
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, seconds, rps: latencies.length / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  measure(JSON.parse(process.argv[2]) as EtcdBaselineSpec).then(
    (r) => process.stdout.write(JSON.stringify(r)),
    (e) => { process.stderr.write(`etcd baseline: ${e instanceof Error ? e.stack : String(e)}\n`); process.exit(1); });
}
