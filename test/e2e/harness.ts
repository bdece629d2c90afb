/**
 * E2E harness: starts the real `kubets apiserver` as a child process on a free loopback port with
 * a temp data dir, and runs the real kubectl against it. Tests skip (with a message) only when
 * kubectl is not installed.
 */
import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(new URL('../../..', import.meta.url).pathname);
/**
 * The CLI that `npm start` runs: the esbuild bundle (scripts/bundle.mjs), so the tests check what
 * users run. scripts/run-tests.mjs rebuilds it from src before any e2e test runs.
 */
export const mainJs = join(repoRoot, 'dist/bundle/main.js');

export const kubectlPath = (() => {
  const r = spawnSync('which', ['kubectl'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
})();

/** For `describe(..., { skip })`: a clear reason when kubectl is missing. */
export const skipWithoutKubectl = kubectlPath ? false : 'kubectl is not installed: e2e tests need the real kubectl';

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolvePort(port));
    });
  });
}

export interface TestServer {
  url: string;
  port: number;
  /** https://127.0.0.1:<port> of the secure port (when not turned off by args). */
  secureUrl: string;
  securePort: number;
  /** The admin kubeconfig the server writes for its secure port. */
  adminKubeconfig: string;
  dataDir: string;
  proc: ChildProcess;
  logs: () => string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<number | null>;
  /** SIGKILL and wait for exit. */
  kill(): Promise<void>;
  /** Removes the data dir (after stop). */
  cleanup(): void;
}

/**
 * Controllers test servers run unless told otherwise: all of them but the kube-root-ca.crt
 * publisher, whose ConfigMap in every namespace would be one more object in tests that count
 * ConfigMaps exactly. test/e2e/controllers.test.ts runs with every controller.
 */
export const testControllers = '*,-root-ca-certificate-publisher-controller';

export async function startServer(opts: { dataDir?: string; args?: string[]; controllers?: string } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'kubets-e2e-'));
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const securePort = await freePort();
    const proc = spawn(process.execPath, [mainJs, 'apiserver', `--insecure-port=${port}`, '--insecure-bind-address=127.0.0.1',
      `--secure-port=${securePort}`, '--bind-address=127.0.0.1', `--data-dir=${dataDir}`, `--controllers=${opts.controllers ?? testControllers}`, ...(opts.args ?? [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    proc.stdout!.on('data', (d) => { output += d; });
    proc.stderr!.on('data', (d) => { output += d; });
    const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
    const url = `http://127.0.0.1:${port}`;
    const ready = await waitReady(url, exited, 15_000);
    if (!ready) {
      proc.kill('SIGKILL');
      // Another process may have taken the port between freePort() and listen(): try again.
      if (attempt < 3 && /EADDRINUSE/.test(output)) continue;
      throw new Error(`kubets did not become ready:\n${output}`);
    }
    return {
      url, port, dataDir, proc, logs: () => output,
      secureUrl: `https://127.0.0.1:${securePort}`, securePort, adminKubeconfig: join(dataDir, 'admin.kubeconfig'),
      async stop() {
        if (proc.exitCode !== null) return proc.exitCode;
        proc.kill('SIGTERM');
        return exited;
      },
      async kill() {
        if (proc.exitCode !== null) return;
        proc.kill('SIGKILL');
        await exited;
      },
      cleanup() { rmSync(dataDir, { recursive: true, force: true }); },
    };
  }
}

async function waitReady(url: string, exited: Promise<number | null>, timeoutMs: number): Promise<boolean> {
  let gone = false;
  exited.then(() => { gone = true; });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !gone) {
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.status === 200) return true;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

export interface KubectlResult { code: number; stdout: string; stderr: string }

/** Runs kubectl against the server with no kubeconfig at all (`-s URL`), as the README shows. */
export function kubectl(server: { url: string }, args: string[], opts: { input?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<KubectlResult> {
  return new Promise((resolveRun) => {
    const child = execFile(kubectlPath ?? 'kubectl', ['-s', server.url, ...args], {
      timeout: opts.timeoutMs ?? 30_000,
      env: { ...process.env, KUBECONFIG: join(tmpdir(), 'kubets-no-kubeconfig'), ...opts.env },
      maxBuffer: 64 * 1024 * 1024,
    }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolveRun({ code, stdout: String(stdout), stderr: String(stderr) });
    });
    if (opts.input !== undefined) child.stdin!.end(opts.input);
    else child.stdin?.end();
  });
}

/** kubectl that must succeed; returns stdout. */
export async function kubectlOk(server: { url: string }, args: string[], opts: { input?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<string> {
  const r = await kubectl(server, args, opts);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.code}):\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

export async function api(server: { url: string }, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(server.url + path, {
    method,
    headers: { ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any = null;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, headers: res.headers, text, json };
}

/** Polls fn until it returns a truthy value or the deadline passes (no fixed sleeps in tests). */
export async function eventually<T>(fn: () => Promise<T | undefined | null | false>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) { last = e; }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/**
 * `kubectl create -f -` with a JSON manifest, kubectl's client-side validation off: it would
 * download OpenAPI first, and it refuses the review kinds (see README). e2e/openapi covers validation.
 */
export function kubectlCreate(server: { url: string }, obj: unknown, namespace?: string): Promise<string> {
  return kubectlOk(server, [...(namespace ? ['-n', namespace] : []), 'create', '-f', '-', '--validate=false'], { input: JSON.stringify(obj) });
}

export const namespaceObj = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
export const configMapObj = (name: string, data: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });
