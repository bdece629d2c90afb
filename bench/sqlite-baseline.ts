/**
 * The CREATE baseline: durable single-row inserts straight into better-sqlite3, in a child
 * process, on the same file system as kubets's data dir and with kubets's pragmas (schema.ts:
 * busy_timeout, locking_mode=EXCLUSIVE, journal_mode=WAL, synchronous=FULL, journal_size_limit).
 *
 * Two modes, each a tight synchronous loop for durationMs after warmupMs:
 *   insert   one autocommitted INSERT of (key, value) per transaction into a table shaped like
 *            kubets's kv table; value is the stored JSON of a bench ConfigMap. The target's baseline.
 *   storage  SqliteStorage.create() in-process (log row + kv row + index, in one transaction,
 *            plus JSON encode/parse): what kubets's storage layer costs without HTTP. Not a target;
 *            it splits the HTTP CREATE time into storage and everything above it.
 */
import { runJsonChild } from './child-json.js';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { KubeObject } from '../src/apis/meta/types.js';
import { openSqliteStorage } from '../src/storage/sqlite/sqlite-storage.js';
import { percentile } from './load.js';

export interface SqliteSpec {
  mode: 'insert' | 'storage';
  /** Each run makes a fresh database in a new directory under this one. */
  dir: string;
  /** A stored object as kubets stores it (JSON text); its size sets the row size. */
  sample: string;
  warmupMs: number;
  durationMs: number;
}

export interface SqliteResult {
  inserts: number;
  seconds: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  rowBytes: number;
}

export function runSqliteBaseline(spec: SqliteSpec): Promise<SqliteResult> {
  return runJsonChild<SqliteResult>(import.meta.url, spec, 'sqlite baseline');
}

/** As openDatabase in src/storage/sqlite/schema.ts, with a table shaped like its kv table. */
function openRaw(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('busy_timeout = 2000');
  db.pragma('locking_mode = EXCLUSIVE');
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new Error(`${path}: not in WAL mode`);
  db.pragma('synchronous = FULL');
  db.pragma('journal_size_limit = 67108864');
  db.exec(`CREATE TABLE IF NOT EXISTS kv (
    key TEXT PRIMARY KEY, create_rev INTEGER NOT NULL, mod_rev INTEGER NOT NULL, value TEXT NOT NULL
  ) WITHOUT ROWID`);
  return db;
}

/**
 * WAL writes are cheaper once the WAL has been checkpointed and is being overwritten rather than
 * grown (kubets's long-lived database is in that state), so warmup runs at least this many steps:
 * at 1-4 pages each that passes SQLite's 1000-page auto-checkpoint.
 */
const minWarmupSteps = 1500;

/** Calls step(n) in a loop: warmupMs (and minWarmupSteps) unrecorded, then durationMs recorded. */
async function loop(spec: SqliteSpec, step: (n: number) => void | Promise<void>): Promise<SqliteResult> {
  let n = 0;
  const warmEnd = performance.now() + spec.warmupMs;
  while (performance.now() < warmEnd || n < minWarmupSteps) await step(n++);
  const latencies: number[] = [];
  const start = performance.now();
  const end = start + spec.durationMs;
  for (let t = start; t < end;) {
    await step(n++);
    const now = performance.now();
    latencies.push(now - t);
    t = now;
  }
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    inserts: latencies.length, seconds, rps: latencies.length / seconds,
    p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), rowBytes: Buffer.byteLength(spec.sample),
  };
}

async function measure(spec: SqliteSpec): Promise<SqliteResult> {
  const dir = mkdtempSync(join(spec.dir, `sqlite-${spec.mode}-`));
  if (spec.mode === 'insert') {
    const db = openRaw(join(dir, 'raw.db'));
    const insert = db.prepare<[string, number, number, string]>('INSERT INTO kv (key, create_rev, mod_rev, value) VALUES (?, ?, ?, ?)');
    const r = await loop(spec, (n) => { insert.run(`/registry/configmaps/raw/cm-${n}`, n + 1, n + 1, spec.sample); });
    db.close();
    return r;
  }
  const storage = await openSqliteStorage({ path: join(dir, 'kubets.db') });
  const proto = JSON.parse(spec.sample) as KubeObject;
  const r = await loop(spec, async (n) => {
    const name = `cm-${n}`;
    await storage.create(`/registry/configmaps/raw/${name}`, { ...proto, metadata: { ...proto.metadata, name, namespace: 'raw' } });
  });
  await storage.close();
  return r;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  measure(JSON.parse(process.argv[2]) as SqliteSpec).then(
    (r) => process.stdout.write(JSON.stringify(r)),
    (e) => { process.stderr.write(`sqlite baseline: ${e instanceof Error ? e.stack : String(e)}\n`); process.exit(1); });
}
