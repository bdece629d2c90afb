/**
 * Starts a throwaway single-member etcd for tests: free loopback ports (client and peer), a temp
 * data dir, a health wait, and stop by PID. Fails with a clear message when etcd is not installed
 * (.ci/run installs Debian's etcd-server), so a missing binary never turns into skipped tests.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
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
  /**
   * Optional. Serve clients over TLS (an https:// URL) with this certificate and key, and require
   * client certificates signed by caFile (etcd's --client-cert-auth), which also signed the
   * serving certificate. PEM file paths; the health probe presents clientCertFile/clientKeyFile.
   */
  tls?: { certFile: string; keyFile: string; caFile: string; clientCertFile: string; clientKeyFile: string };
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
  const url = `${opts.tls ? 'https' : 'http'}://127.0.0.1:${clientPort}`;
  const peer = `http://127.0.0.1:${peerPort}`;
  const name = opts.name ?? 'test';
  const child = spawn(etcdBinary, [
    '--name', name, '--data-dir', dataDir,
    '--listen-client-urls', url, '--advertise-client-urls', url,
    '--listen-peer-urls', peer, '--initial-advertise-peer-urls', peer,
    '--initial-cluster', opts.initialCluster ?? `${name}=${peer}`, '--initial-cluster-state', 'new',
    '--logger', 'zap', '--log-level', 'error',
    ...(opts.tls ? ['--cert-file', opts.tls.certFile, '--key-file', opts.tls.keyFile, '--trusted-ca-file', opts.tls.caFile, '--client-cert-auth'] : []),
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
    await waitHealthy(url, child, opts.startTimeoutMs ?? 20_000, () => stderr, opts.tls);
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

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number, stderr: () => string, tls?: StartEtcdOptions['tls']): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`etcd exited during startup (code ${child.exitCode}, signal ${child.signalCode}):\n${stderr()}`);
    }
    try {
      if (await healthy(url, tls)) return;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`etcd at ${url} not healthy after ${timeoutMs} ms:\n${stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One /health probe: true when etcd answers {"health":"true"}. fetch cannot present a client certificate. */
function healthy(url: string, tls?: StartEtcdOptions['tls']): Promise<boolean> {
  return new Promise((resolve) => {
    const opts = tls ? { ca: readFileSync(tls.caFile), cert: readFileSync(tls.clientCertFile), key: readFileSync(tls.clientKeyFile) } : {};
    const req = (tls ? httpsGet : httpGet)(`${url}/health`, { ...opts, timeout: 1_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (s: string) => { body += s; }).on('end', () => {
        try { resolve(res.statusCode === 200 && (JSON.parse(body) as { health?: string }).health === 'true'); } catch { resolve(false); }
      });
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

export interface TlsEtcd {
  etcd: EtcdProcess;
  /** PEM contents of the CA (it signed both certificates) and of a client certificate and key. */
  ca: string;
  clientCert: string;
  clientKey: string;
  /** The same as files under dir, for --etcd-cafile, --etcd-certfile and --etcd-keyfile. */
  files: { ca: string; cert: string; key: string };
}

/**
 * An etcd serving https://127.0.0.1 with a certificate from a fresh CA and requiring client
 * certificates from it, with one client certificate issued. Files go under dir (the caller's).
 */
export async function startTlsEtcd(dir: string): Promise<TlsEtcd> {
  await import('reflect-metadata');
  const { generateSelfSignedCA, issueCertificate } = await import('../../src/server/pki-certs.js');
  const ca = await generateSelfSignedCA({ commonName: 'etcd-ca' });
  const serving = await issueCertificate(ca, { commonName: 'etcd', usage: 'serverAuth', ips: ['127.0.0.1'], dnsNames: ['localhost'] });
  const client = await issueCertificate(ca, { commonName: 'kube-apiserver-etcd-client', usage: 'clientAuth' });
  const write = (name: string, pem: string) => { writeFileSync(join(dir, name), pem, { mode: 0o600 }); return join(dir, name); };
  const files = { ca: write('etcd-ca.crt', ca.caCert), cert: write('etcd-client.crt', client.cert), key: write('etcd-client.key', client.key) };
  const etcd = await startEtcd({
    tls: { caFile: files.ca, certFile: write('etcd-server.crt', serving.cert), keyFile: write('etcd-server.key', serving.key), clientCertFile: files.cert, clientKeyFile: files.key },
  });
  return { etcd, ca: ca.caCert, clientCert: client.cert, clientKey: client.key, files };
}
