/**
 * The load generator: a closed loop of `concurrency` workers over node:http with a keep-alive
 * Agent (maxSockets = concurrency), run as its own process so that it never shares an event loop
 * with the server it measures. runLoad() spawns it and returns its LoadResult.
 *
 *   spawn ──> warmup (requests sent, nothing recorded) ──> measure (durationMs) ──> done
 *                                                           count + latency of every
 *                                                           response that ends in the window
 *
 * With `total` instead, it sends exactly that many requests with no warmup (used to fill the
 * database). A body may contain `{{n}}`, replaced by a per-run sequence number padded to five
 * digits, so every POST creates a distinct name.
 *
 * An https: URL uses node:https the same way (keep-alive Agent, HTTP/1.1: node:https offers no
 * ALPN, so a server that also speaks HTTP/2 answers in HTTP/1.1), with `tls` giving the CA to
 * trust and optionally a client certificate; connections are made during the warmup, so the
 * window measures requests on established TLS connections, not handshakes.
 */
import { runJsonChild } from './child-json.js';
import { readFileSync } from 'node:fs';
import { Agent, type ClientRequest, type IncomingMessage, request, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { fileURLToPath } from 'node:url';

/** PEM files for an https: URL. */
export interface TlsFiles {
  /** The CA the server's certificate must chain to. */
  caFile: string;
  /** Optional. A client certificate and its key (mutual TLS). */
  certFile?: string;
  keyFile?: string;
}

export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST' | 'PATCH';
  /** Optional. Request body; `{{n}}` becomes the request's sequence number. */
  body?: string;
  headers?: Record<string, string>;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** Optional. Send exactly this many requests instead of running for durationMs. */
  total?: number;
  /** Optional. The first request's sequence number (default 0). */
  firstN?: number;
  expectStatus: number;
  /** Optional. The server's pid: its CPU over the window is read from /proc (Linux). */
  serverPid?: number;
  /** Optional; required for an https: URL. */
  tls?: TlsFiles;
}

export interface LoadResult {
  requests: number;
  /** Responses with another status, and socket errors; not counted in requests. */
  errors: number;
  firstError?: string;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Bytes of the last response body. */
  bodyBytes: number;
  /** CPU (user + system) the load generator itself used per second of the window: 1.0 = one core. */
  loadCpu: number;
  /** The server's CPU per request over the window, in microseconds (NaN without serverPid). */
  serverCpuUs: number;
  /** For https: what the first connection negotiated, e.g. `TLSv1.3 TLS_AES_256_GCM_SHA384, ALPN none, HTTP/1.1`. */
  transport?: string;
}

/** utime + stime of pid in milliseconds, from /proc/<pid>/stat (clock ticks of 10 ms); NaN elsewhere. */
export function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Percentile by nearest rank of values sorted in place. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Spawns the generator as a child process and resolves with its result. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return runJsonChild<LoadResult>(import.meta.url, spec, 'load generator');
}

async function generate(spec: LoadSpec): Promise<LoadResult> {
  const url = new URL(spec.url);
  const secure = url.protocol === 'https:';
  if (secure && !spec.tls) throw new Error(`${spec.url}: https needs spec.tls`);
  const pem = (f: string | undefined) => (f === undefined ? undefined : readFileSync(f));
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, maxSockets: spec.concurrency, ca: pem(spec.tls!.caFile), cert: pem(spec.tls!.certFile), key: pem(spec.tls!.keyFile) })
    : new Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const send: (o: RequestOptions, cb: (res: IncomingMessage) => void) => ClientRequest = secure ? httpsRequest : request;
  let transport: string | undefined;
  const baseHeaders: Record<string, string> = { accept: 'application/json', ...spec.headers };
  let seq = spec.firstN ?? 0;
  let phase: 'warmup' | 'measure' | 'done' = spec.total !== undefined || spec.warmupMs === 0 ? 'measure' : 'warmup';
  let windowStart = performance.now();
  let cpuStart = process.cpuUsage();
  let serverStart = processCpuMs(spec.serverPid);
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let bodyBytes = 0;
  let sent = 0;

  const once = (): Promise<void> => new Promise((done) => {
    const n = seq++;
    const body = spec.body?.replaceAll('{{n}}', String(n).padStart(5, '0'));
    const headers = body === undefined ? baseHeaders
      : { ...baseHeaders, 'content-type': spec.headers?.['content-type'] ?? 'application/json', 'content-length': String(Buffer.byteLength(body)) };
    const started = performance.now();
    const fail = (why: string) => {
      if (phase === 'measure') errors++;
      firstError ??= why;
      done();
    };
    const req = send({ agent, host: url.hostname, port: url.port, path: url.pathname + url.search, method: spec.method, headers }, (res) => {
      if (secure && transport === undefined) {
        const sock = res.socket as TLSSocket;
        transport = `${sock.getProtocol()} ${sock.getCipher().standardName}, ALPN ${sock.alpnProtocol || 'none'}, HTTP/${res.httpVersion}`;
      }
      const chunks: Buffer[] = [];
      let bytes = 0;
      const keep = res.statusCode !== spec.expectStatus;
      res.on('data', (c: Buffer) => { bytes += c.length; if (keep) chunks.push(c); });
      res.on('error', (e) => fail(String(e)));
      res.on('end', () => {
        if (keep) return fail(`${res.statusCode}: ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`);
        const ended = performance.now();
        if (phase === 'measure') { latencies.push(ended - started); bodyBytes = bytes; }
        done();
      });
    });
    req.on('error', (e) => fail(String(e)));
    req.end(body);
  });

  const worker = async () => {
    while (phase !== 'done' && (spec.total === undefined || sent < spec.total)) {
      sent++;
      await once();
    }
  };
  const workers = Array.from({ length: spec.concurrency }, worker);
  if (phase === 'warmup') {
    await new Promise((r) => setTimeout(r, spec.warmupMs));
    latencies.length = 0;
    errors = 0;
    phase = 'measure';
    windowStart = performance.now();
    cpuStart = process.cpuUsage();
    serverStart = processCpuMs(spec.serverPid);
  }
  let seconds: number;
  let cpu: NodeJS.CpuUsage;
  let serverMs: number;
  if (spec.total !== undefined) {
    await Promise.all(workers);
    seconds = (performance.now() - windowStart) / 1000;
    cpu = process.cpuUsage(cpuStart);
    serverMs = processCpuMs(spec.serverPid) - serverStart;
  } else {
    await new Promise((r) => setTimeout(r, spec.durationMs));
    seconds = (performance.now() - windowStart) / 1000;
    cpu = process.cpuUsage(cpuStart);
    serverMs = processCpuMs(spec.serverPid) - serverStart;
    // Responses ending after the window are not counted: stop recording, then let them drain.
    const counted = latencies.length;
    const counterrors = errors;
    phase = 'done';
    await Promise.all(workers);
    latencies.length = counted;
    errors = counterrors;
  }
  agent.destroy();
  const requests = latencies.length;
  latencies.sort((a, b) => a - b);
  return {
    requests, errors, firstError, seconds, rps: requests / seconds,
    p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), bodyBytes,
    loadCpu: (cpu.user + cpu.system) / 1e6 / seconds, serverCpuUs: (serverMs * 1000) / requests, transport,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  generate(JSON.parse(process.argv[2]) as LoadSpec).then(
    (r) => process.stdout.write(JSON.stringify(r)),
    (e) => { process.stderr.write(`load: ${e instanceof Error ? e.stack : String(e)}\n`); process.exit(1); });
}
