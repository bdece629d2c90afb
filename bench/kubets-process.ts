/**
 * kubets as the benchmarks see it: a child process started with the real CLI, as `npm start` runs it
 * (`node dist/bundle/main.js apiserver --insecure-port=P --secure-port=0 --data-dir=D`, or with
 * `--secure-port=S --bind-address=127.0.0.1 [--token-auth-file=F]`), ready when /readyz on the
 * insecure port answers 200, stopped with SIGTERM. Also times start-to-ready, the fourth benchmark, and its
 * baseline: `node -e` with a bare node:http server, ready when it answers 200.
 *
 * Set BENCH_CPU_PROF=<dir> to run the long-lived server under `node --cpu-prof`; the profile is
 * written to <dir> when it stops (summarize it with dist/bench/profile-summary.js).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get, type IncomingMessage, request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TlsFiles } from './load.js';

/**
 * The kubets CLI to run: what `npm start` runs (the esbuild bundle, dist/bundle/main.js), or
 * BENCH_KUBETS_MAIN (another build, e.g. tsc's dist/src/cli/main.js, for A/B runs).
 */
export const bundleMainJs = fileURLToPath(new URL('../bundle/main.js', import.meta.url));
export const tscMainJs = fileURLToPath(new URL('../src/cli/main.js', import.meta.url));
const mainJs = process.env.BENCH_KUBETS_MAIN || bundleMainJs;

export interface ServerProcess {
  url: string;
  /** With the secure port on: its base URL (https://127.0.0.1:<port>). */
  secureUrl?: string;
  /** With the secure port on: the PKI kubets generated under <data-dir>/pki. */
  pki?: { caFile: string; servingCertFile: string; servingKeyFile: string; admin: TlsFiles };
  pid: number;
  /** Milliseconds from spawn() to the first 200 from /readyz. */
  readyMs: number;
  /** The last few KB the server wrote to stderr (its log). */
  logTail(): string;
  /** SIGTERM, then wait for exit (SIGKILL after 15 s). Resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** One GET with a fresh connection; resolves with the status, or 0 when nothing listens yet. */
function probe(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
  });
}

export interface KubetsOptions {
  /** Optional. Run under `node --cpu-prof`, writing the profile here on exit. */
  cpuProfDir?: string;
  /** Optional. Turn the secure port on, on a free loopback port. */
  securePort?: boolean;
  /** Optional, with securePort. --token-auth-file. */
  tokenAuthFile?: string;
  /** Optional. More flags, e.g. --etcd-servers. */
  args?: string[];
  /** Optional. The CLI to run instead of the default (see mainJs above), for A/B runs. */
  mainJs?: string;
}

/**
 * Starts kubets on dataDir and resolves once /readyz is 200 (polling every millisecond or so).
 * The secure port is off (its default, 0.0.0.0:6443, is neither loopback nor free to share
 * between instances) unless opts.securePort, which puts it on a free loopback port: on a fresh
 * data dir that start also generates the PKI (<data-dir>/pki, with admin.crt for system:masters).
 */
export async function startKubets(dataDir: string, opts: KubetsOptions = {}): Promise<ServerProcess> {
  const nodeArgs = opts.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProfDir}`] : [];
  const securePort = opts.securePort ? await freePort() : 0;
  const secure = securePort ? [`--secure-port=${securePort}`, '--bind-address=127.0.0.1'] : ['--secure-port=0'];
  if (opts.tokenAuthFile) secure.push(`--token-auth-file=${opts.tokenAuthFile}`);
  const k = await startServer((port) => [...nodeArgs, opts.mainJs ?? mainJs, 'apiserver', `--insecure-port=${port}`, ...secure, `--data-dir=${dataDir}`, ...(opts.args ?? [])], '/readyz');
  if (!securePort) return k;
  const pki = join(dataDir, 'pki');
  return {
    ...k,
    secureUrl: `https://127.0.0.1:${securePort}`,
    pki: {
      caFile: join(pki, 'ca.crt'), servingCertFile: join(pki, 'apiserver.crt'), servingKeyFile: join(pki, 'apiserver.key'),
      admin: { caFile: join(pki, 'ca.crt'), certFile: join(pki, 'admin.crt'), keyFile: join(pki, 'admin.key') },
    },
  };
}

/** The startup baseline: Node itself plus a node:http server answering 200, nothing else. */
export function startBareNode(): Promise<ServerProcess> {
  return startServer((port) => ['-e', `require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`], '/');
}

/** Spawns `node <args(port)>` on a free port and resolves once `path` answers 200. */
async function startServer(args: (port: number) => string[], path: string): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args(port), { stdio: ['ignore', 'ignore', 'pipe'] });
  // The server logs to stderr: keep reading it (a full pipe would block the server), keep the tail.
  let tail = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => { tail = (tail + s).slice(-4000); });
  let exited: number | null | undefined;
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => { exited = code; resolve(code); }));

  const deadline = started + 30_000;
  for (;;) {
    if (exited !== undefined) throw new Error(`server exited with ${exited} before ready:\n${tail}`);
    if (performance.now() > deadline) { child.kill('SIGKILL'); throw new Error(`server not ready after 30 s:\n${tail}`); }
    if (await probe(`${url}${path}`) === 200) break;
    await new Promise((r) => setTimeout(r, 1));
  }
  const readyMs = performance.now() - started;
  return {
    url, readyMs, pid: child.pid!,
    logTail: () => tail,
    async stop() {
      if (exited !== undefined) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exit;
      clearTimeout(timer);
      return code;
    },
  };
}

export interface StartupResult {
  runs: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
}

/**
 * Start-to-ready of `runs` servers from start(i), each stopped before the next. A first start is
 * run and discarded so that the disk cache holds Node and dist/ for every measured run.
 */
export async function measureStartup(start: (i: number) => Promise<ServerProcess>, runs: number): Promise<StartupResult> {
  const times: number[] = [];
  for (let i = -1; i < runs; i++) {
    const k = await start(i);
    await k.stop();
    if (i >= 0) times.push(k.readyMs);
  }
  const sorted = [...times].sort((a, b) => a - b);
  return { runs: times, medianMs: sorted[Math.floor(sorted.length / 2)], minMs: sorted[0], maxMs: sorted[sorted.length - 1] };
}

/** Options of requestJson for an https: URL, and extra headers (e.g. Authorization). */
export interface RequestOptions {
  tls?: TlsFiles;
  headers?: Record<string, string>;
}

/** A JSON request on a fresh connection, for setup steps (creating namespaces, reading a list). */
export function requestJson(method: string, url: string, body?: unknown, opts: RequestOptions = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const u = new URL(url);
    const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
    if (data !== undefined) { headers['content-type'] = 'application/json'; headers['content-length'] = String(Buffer.byteLength(data)); }
    const pem = (f: string | undefined) => (f === undefined ? undefined : readFileSync(f));
    const onResponse = (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    };
    const base = { host: u.hostname, port: u.port, path: u.pathname + u.search, method, headers, agent: false as const };
    const req = u.protocol === 'https:'
      ? httpsRequest({ ...base, ca: pem(opts.tls?.caFile), cert: pem(opts.tls?.certFile), key: pem(opts.tls?.keyFile) }, onResponse)
      : request(base, onResponse);
    req.on('error', reject);
    req.end(data);
  });
}
