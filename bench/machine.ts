/**
 * The machine the benchmarks run on: its facts for the report, and how busy everyone else kept
 * it during each measurement. On a shared host a neighbour's build steals CPU and disk from the
 * run, so every throughput figure carries `other`: the cores (0..nproc) that processes outside
 * this benchmark's own tree used meanwhile, from /proc (Linux; NaN elsewhere).
 *
 *   other = (busy ticks of the whole machine - ticks of this process, its reaped children
 *            and the live servers) / 100 / seconds
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, release, totalmem } from 'node:os';
import Database from 'better-sqlite3';

export type Measured<T> = T & {
  /** Cores used by processes outside the benchmark while it ran. */
  other: number;
};

/** Clock ticks per second of /proc/stat and /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const hz = 100;

function ticks(pids: number[]): { machine: number; ours: number } {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const machine = cpu.reduce((a, b) => a + b, 0) - cpu[3] - cpu[4]; // all but idle and iowait
    const fields = (pid: number | 'self') => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ').map(Number);
    const self = fields('self');
    let ours = self[11] + self[12] + self[13] + self[14]; // utime stime cutime cstime
    for (const pid of pids) {
      const f = fields(pid);
      ours += f[11] + f[12];
    }
    return { machine, ours };
  } catch {
    return { machine: NaN, ours: NaN };
  }
}

/**
 * Runs fn and adds `other`. pids are the live servers (children not yet reaped); the load
 * generator and SQLite baseline exit inside fn, so they are counted in this process's cutime.
 */
export async function measured<T>(pids: number[], fn: () => Promise<T>): Promise<Measured<T>> {
  const t0 = ticks(pids);
  const start = performance.now();
  const r = await fn();
  const t1 = ticks(pids);
  const seconds = (performance.now() - start) / 1000;
  return { ...r, other: Math.max(0, (t1.machine - t0.machine - (t1.ours - t0.ours)) / hz / seconds) };
}

/** One line each: date, CPU and memory, Node and SQLite versions, the data dir's file system. */
export function machineFacts(dataDir: string): string[] {
  const require = createRequire(import.meta.url);
  const bsq = (require('better-sqlite3/package.json') as { version: string }).version;
  const db = new Database(':memory:');
  const sqliteVersion = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  let fs = '?';
  try {
    fs = execFileSync('df', ['-T', dataDir], { encoding: 'utf8' }).trim().split('\n')[1].split(/\s+/).slice(0, 2).join(' ');
  } catch { /* no df: leave it unknown */ }
  let load = '?';
  try { load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '); } catch { /* not Linux */ }
  return [
    `date: ${new Date().toISOString()}`,
    `cpu: ${availableParallelism()} x ${cpus()[0]?.model ?? '?'}, memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB, linux ${release()}`,
    `node ${process.version}, better-sqlite3 ${bsq} (SQLite ${sqliteVersion})`,
    `data dir: ${dataDir} on ${fs}`,
    `load average at start: ${load}`,
  ];
}
