/**
 * Starts a throwaway single-member etcd for tests: free loopback ports (client and peer), a temp
 * data dir, a health wait, and stop by PID. Fails with a clear message when etcd is not installed
 * (.ci/run installs Debian's etcd-server), so a missing binary never turns into skipped tests.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface EtcdProcess {
  /** Client URL, e.g. http://127.0.0.1:41234. */
  readonly url: string;
  readonly clientPort: number;
  readonly peerPort: number;
  readonly pid: number;
  readonly dataDir: string;
  /** SIGTERM, then SIGKILL after a grace period; removes the data dir (also a given one) unless keepData. */
  stop(opts?: { keepData?: boolean }): Promise<void>;
  /** SIGSTOP, resolving once every thread is stopped: a hung etcd that still holds its sockets. */
  freeze(): Promise<void>;
  /** SIGCONT. */
  thaw(): void;
}

export interface StartEtcdOptions {
  /** Optional. Reuse a data dir (and ports) to restart a stopped member with its data. */
  dataDir?: string;
  clientPort?: number;
  peerPort?: number;
  /** Optional. How long to wait for /health (ms); default 20 s. */
  startTimeoutMs?: number;
}

const etcdBinary = process.env.KUBETS_ETCD_BIN ?? 'etcd';

/** Throws a readable error when the etcd binary is missing. */
export function requireEtcd(): void {
  const r = spawnSync(etcdBinary, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  if (r.error || r.status !== 0) {
    throw new Error(`etcd is not installed (could not run "${etcdBinary} --version": ${r.error?.message ?? r.stderr}). ` +
      'Install Debian\'s etcd-server package (apt-get install etcd-server), as .ci/run does, or set KUBETS_ETCD_BIN.');
  }
}

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function startEtcd(opts: StartEtcdOptions = {}): Promise<EtcdProcess> {
  requireEtcd();
  // tmpfs where there is one: fsync is free there, and test data need not survive a reboot.
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const dataDir = opts.dataDir ?? mkdtempSync(join(base, 'kubets-etcd-'));
  const clientPort = opts.clientPort ?? await freePort();
  const peerPort = opts.peerPort ?? await freePort();
  const url = `http://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const child = spawn(etcdBinary, [
    '--name', 'test', '--data-dir', dataDir,
    '--listen-client-urls', url, '--advertise-client-urls', url,
    '--listen-peer-urls', peer, '--initial-advertise-peer-urls', peer,
    '--initial-cluster', `test=${peer}`, '--initial-cluster-state', 'new',
    '--logger', 'zap', '--log-level', 'error',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (s: string) => { stderr = (stderr + s).slice(-4000); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('error', (e) => { stderr += `\nspawn error: ${e.message}`; });

  let stopped = false;
  const stop = async ({ keepData = false } = {}) => {
    if (!stopped) {
      stopped = true;
      await kill(child, exited);
    }
    if (!keepData) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitHealthy(url, child, opts.startTimeoutMs ?? 20_000, () => stderr);
  } catch (e) {
    await stop();
    throw e;
  }
  const pid = child.pid!;
  const freeze = async () => {
    process.kill(pid, 'SIGSTOP');
    // The signal is only queued when kill returns; a thread mid-request could still answer.
    const deadline = Date.now() + 5_000;
    while (!allStopped(pid)) {
      if (Date.now() > deadline) throw new Error(`etcd ${pid} did not stop`);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const thaw = () => { if (!stopped) process.kill(pid, 'SIGCONT'); };
  return { url, clientPort, peerPort, pid, dataDir, stop, freeze, thaw };
}

/** Linux: every thread of pid in state T (stopped). Elsewhere: assume so after the signal. */
function allStopped(pid: number): boolean {
  const dir = `/proc/${pid}/task`;
  if (!existsSync(dir)) return true;
  return readdirSync(dir).every((tid) => {
    try { return /\) T /.test(readFileSync(`${dir}/${tid}/stat`, 'utf8')); } catch { return true; }
  });
}

/** SIGTERM by PID, SIGKILL after 5 s; resolves once the process has exited. */
async function kill(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  process.kill(child.pid, 'SIGTERM');
  process.kill(child.pid, 'SIGCONT'); // a frozen etcd handles SIGTERM only once it runs again
  const timer = setTimeout(() => { if (child.exitCode === null) process.kill(child.pid!, 'SIGKILL'); }, 5_000);
  try { await exited; } finally { clearTimeout(timer); }
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`etcd exited during startup (code ${child.exitCode}, signal ${child.signalCode}):\n${stderr()}`);
    }
    try {
      const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) });
      const body = await res.json() as { health?: string };
      if (res.ok && body.health === 'true') return;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`etcd at ${url} not healthy after ${timeoutMs} ms:\n${stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
