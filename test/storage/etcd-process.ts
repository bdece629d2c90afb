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
  /** SIGKILL by PID, resolving once it exited; the data dir stays. */
  kill(): Promise<void>;
}

export interface StartEtcdOptions {
  /** Optional. Reuse a data dir (and ports) to restart a stopped member with its data. */
  dataDir?: string;
  clientPort?: number;
  peerPort?: number;
  /** Optional. How long to wait for /health (ms); default 20 s. */
  startTimeoutMs?: number;
  /** Optional. Member name and the whole --initial-cluster, for a member of a cluster (startEtcdCluster). */
  name?: string;
  initialCluster?: string;
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
  const name = opts.name ?? 'test';
  const child = spawn(etcdBinary, [
    '--name', name, '--data-dir', dataDir,
    '--listen-client-urls', url, '--advertise-client-urls', url,
    '--listen-peer-urls', peer, '--initial-advertise-peer-urls', peer,
    '--initial-cluster', opts.initialCluster ?? `${name}=${peer}`, '--initial-cluster-state', 'new',
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
  const kill9 = async () => {
    if (stopped) return;
    stopped = true;
    process.kill(pid, 'SIGKILL');
    await exited;
  };
  return { url, clientPort, peerPort, pid, dataDir, stop, freeze, thaw, kill: kill9 };
}

export interface EtcdMember extends EtcdProcess {
  readonly name: string;
}

export interface EtcdCluster {
  /** Live members (a killed one is replaced in this list when restarted). */
  readonly members: EtcdMember[];
  /** Every member's client URL, for --etcd-servers. */
  readonly urls: string[];
  /** The member the others follow, as the members themselves report it. */
  leader(): Promise<EtcdMember>;
  /** SIGKILL one member by PID (its data stays for restart). */
  kill(member: EtcdMember): Promise<void>;
  /** Starts a killed member again on its data dir and ports; resolves when it is healthy. */
  restart(member: EtcdMember): Promise<EtcdMember>;
  stop(): Promise<void>;
}

/** A cluster of n members on loopback ports; all start together, as a new cluster needs quorum. */
export async function startEtcdCluster(n = 3): Promise<EtcdCluster> {
  requireEtcd();
  const base = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
  const plan = await Promise.all(Array.from({ length: n }, async (_, i) => ({
    name: `m${i}`, clientPort: await freePort(), peerPort: await freePort(), dataDir: mkdtempSync(join(base, `kubets-etcd-m${i}-`)),
  })));
  const initialCluster = plan.map((m) => `${m.name}=http://127.0.0.1:${m.peerPort}`).join(',');
  const launch = async (m: typeof plan[number]): Promise<EtcdMember> =>
    Object.assign(await startEtcd({ ...m, initialCluster, startTimeoutMs: 30_000 }), { name: m.name });
  const members = await Promise.all(plan.map(launch));
  const cluster: EtcdCluster = {
    members,
    urls: members.map((m) => m.url),
    async leader() {
      for (const m of cluster.members) {
        try {
          // etcd's gRPC gateway: the member's own id and the leader's id, as decimal strings.
          const res = await fetch(`${m.url}/v3/maintenance/status`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(2_000) });
          const st = await res.json() as { header: { member_id: string }; leader: string };
          if (st.leader && st.leader !== '0') {
            for (const other of cluster.members) {
              const r = await fetch(`${other.url}/v3/maintenance/status`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(2_000) });
              if ((await r.json() as { header: { member_id: string } }).header.member_id === st.leader) return other;
            }
          }
        } catch { /* this member is down or busy: ask the next */ }
      }
      throw new Error('no etcd member reports a reachable leader');
    },
    async kill(member) {
      await member.kill();
    },
    async restart(member) {
      const p = plan.find((x) => x.name === member.name)!;
      const fresh = await launch(p);
      cluster.members.splice(cluster.members.indexOf(member), 1, fresh);
      return fresh;
    },
    async stop() {
      await Promise.all(cluster.members.map((m) => m.stop()));
      for (const p of plan) rmSync(p.dataDir, { recursive: true, force: true });
    },
  };
  return cluster;
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
