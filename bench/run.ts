/**
 * `npm run bench`: every kubets benchmark and its baseline, measured in one run on this machine
 * over 127.0.0.1, printed as a markdown table of ratios against the targets (bench/RESULTS.md).
 *
 *   1 startup   spawn `kubets apiserver` -> /readyz 200 on fresh data dirs, vs bare `node -e` http
 *   2 fill      10,000 ConfigMaps into namespace bench (POST, concurrency 16)
 *   3 startup   the same on the filled data dir
 *   4 GET       one ConfigMap at concurrency 1/16/64  vs bare-server.ts with the same bytes
 *   5 LIST      the 10,000 ConfigMaps as JSON         vs JSON.stringify of them in-process
 *   6 CREATE    POST at concurrency 1/16              vs sqlite-baseline.ts durable inserts
 *
 * Servers, load generator and SQLite baseline each run in their own process; this one only
 * orchestrates (and runs JSON.stringify while everything else is idle). Throughput runs are done in
 * `rounds` alternating rounds (baseline, kubets, kubets, baseline, ...) and the best round of each
 * is kept, since a neighbour's load only ever slows a run down; `other` is the CPU (in cores) that
 * processes outside this benchmark used meanwhile. Data lives in a temp dir under os.tmpdir(),
 * removed at the end unless BENCH_KEEP=1. BENCH_CPU_PROF=<dir> profiles the kubets of steps 4-6.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startBareServer } from './bare-server.js';
import { measureStartup, requestJson, startBareNode, startKubets, type StartupResult } from './kubets-process.js';
import { type LoadResult, type LoadSpec, percentile, runLoad } from './load.js';
import { runSqliteBaseline, type SqliteResult } from './sqlite-baseline.js';

const objects = 10_000;
const startupRuns = 5;
const rounds = 3;
const warmupMs = 500;
const durationMs = 2000;
const getConcurrency = [1, 16, 64];
const createConcurrency = [1, 16];

/** A ConfigMap of about 630 bytes stored: labels, an annotation and a small config file. */
const configMapBody = (namespace: string, name: string) => JSON.stringify({
  apiVersion: 'v1', kind: 'ConfigMap',
  metadata: { name, namespace, labels: { app: 'bench', tier: 'backend', release: 'r1' }, annotations: { 'bench.kubets.io/owner': 'bench' } },
  data: {
    'app.properties': 'server.port=8080\nserver.threads=16\ncache.size=1024\nlog.level=info\nfeature.flags=a,b,c\n'.repeat(3),
    mode: 'production',
  },
});

interface Row { bench: string; kubets: string; baseline: string; ratio: number; target: string; ok: boolean | null }
const rows: Row[] = [];
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const lat = (p50: number, p99: number) => `p50 ${p50.toFixed(2)} / p99 ${p99.toFixed(2)} ms`;
const fmtLoad = (r: Measured<LoadResult>) =>
  `${Math.round(r.rps)} req/s (${lat(r.p50Ms, r.p99Ms)}; ${Math.round(r.serverCpuUs)} µs CPU/req; other ${r.other.toFixed(1)})`;
const fmtRaw = (r: Measured<SqliteResult>) => `${Math.round(r.rps)}/s (${lat(r.p50Ms, r.p99Ms)}; other ${r.other.toFixed(1)})`;

type Measured<T> = T & { other: number };

/** CPU ticks of the whole machine and of this process tree (live pids + reaped children), Linux /proc. */
function ticks(pids: number[]): { machine: number; ours: number } {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const machine = cpu.reduce((a, b) => a + b, 0) - cpu[3] - cpu[4]; // minus idle and iowait
    const fields = (pid: number | 'self') => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ').map(Number);
    const self = fields('self');
    let ours = self[11] + self[12] + self[13] + self[14]; // utime stime cutime cstime
    for (const pid of pids) { const f = fields(pid); ours += f[11] + f[12]; }
    return { machine, ours };
  } catch {
    return { machine: NaN, ours: NaN };
  }
}

/** Runs fn and adds `other`: cores used meanwhile by processes outside this benchmark. */
async function measured<T>(pids: number[], fn: () => Promise<T>): Promise<Measured<T>> {
  const t0 = ticks(pids);
  const start = performance.now();
  const r = await fn();
  const t1 = ticks(pids);
  const seconds = (performance.now() - start) / 1000;
  return { ...r, other: Math.max(0, (t1.machine - t0.machine - (t1.ours - t0.ours)) / 100 / seconds) };
}

function checked(name: string, r: Measured<LoadResult>): Measured<LoadResult> {
  if (r.errors > 0 || r.requests === 0) throw new Error(`${name}: ${r.errors} errors, ${r.requests} ok; first: ${r.firstError}`);
  log(`${name}: ${fmtLoad(r)}, load generator CPU ${(r.loadCpu * 100).toFixed(0)}%`);
  return r;
}

const best = <T extends { rps: number }>(all: T[]): T => all.reduce((a, b) => (b.rps > a.rps ? b : a));

function machineFacts(dir: string): string[] {
  const require = createRequire(import.meta.url);
  const bsq = (require('better-sqlite3/package.json') as { version: string }).version;
  const db = new Database(':memory:');
  const sqliteVersion = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  let fs = '?';
  try { fs = execFileSync('df', ['-T', dir], { encoding: 'utf8' }).trim().split('\n')[1].split(/\s+/).slice(0, 2).join(' '); } catch { /* not on every OS */ }
  return [
    `date: ${new Date().toISOString()}`,
    `cpu: ${availableParallelism()} x ${cpus()[0]?.model ?? '?'}, memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB, linux ${release()}`,
    `node ${process.version}, better-sqlite3 ${bsq} (SQLite ${sqliteVersion})`,
    `data dir: ${dir} on ${fs}`,
  ];
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'kubets-bench-'));
  const facts = machineFacts(root);
  for (const f of facts) log(f);
  const dataDir = join(root, 'main');
  try {
    log('startup');
    const bareStart = await measureStartup(() => startBareNode(), startupRuns);
    const fresh = await measureStartup((i) => startKubets(join(root, `fresh-${i + 1}`)), startupRuns);

    let k = await startKubets(dataDir);
    for (const ns of ['bench', 'bench-w']) {
      const r = await requestJson('POST', `${k.url}/api/v1/namespaces`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
      if (r.status !== 201) throw new Error(`create namespace ${ns}: ${r.status} ${r.text}`);
    }
    const fill = checked(`fill ${objects} ConfigMaps`, await measured([k.pid], () => runLoad({
      url: `${k.url}/api/v1/namespaces/bench/configmaps`, method: 'POST', body: configMapBody('bench', 'cm-{{n}}'),
      concurrency: 16, warmupMs: 0, durationMs: 0, total: objects, expectStatus: 201, serverPid: k.pid,
    })));
    await k.stop();
    const filled = await measureStartup(() => startKubets(dataDir), startupRuns);
    startupRows(bareStart, fresh, filled);

    k = await startKubets(dataDir, { cpuProfDir: process.env.BENCH_CPU_PROF || undefined });
    const getUrl = `${k.url}/api/v1/namespaces/bench/configmaps/cm-00000`;
    const bare = await startBareServer(getUrl, root);
    for (const c of getConcurrency) {
      const spec = (url: string, serverPid: number): LoadSpec => ({ url, method: 'GET', concurrency: c, warmupMs, durationMs, expectStatus: 200, serverPid });
      const b: Measured<LoadResult>[] = [];
      const kb: Measured<LoadResult>[] = [];
      for (let i = 0; i < rounds; i++) {
        const order = i % 2 === 0 ? ['bare', 'kubets'] : ['kubets', 'bare'];
        for (const who of order) {
          if (who === 'bare') b.push(checked(`GET bare c=${c}`, await measured([k.pid, bare.pid], () => runLoad(spec(bare.url, bare.pid)))));
          else kb.push(checked(`GET kubets c=${c}`, await measured([k.pid, bare.pid], () => runLoad(spec(getUrl, k.pid)))));
        }
      }
      const ratio = best(kb).rps / best(b).rps;
      rows.push({ bench: `GET 1 ConfigMap (${bare.bodyBytes} B), c=${c}`, kubets: fmtLoad(best(kb)), baseline: fmtLoad(best(b)),
        ratio, target: '≥ 0.50', ok: ratio >= 0.5 });
    }
    bare.stop();

    const listUrl = `${k.url}/api/v1/namespaces/bench/configmaps`;
    const listed = JSON.parse((await requestJson('GET', listUrl)).text) as { items: unknown[] };
    if (listed.items.length !== objects) throw new Error(`LIST returned ${listed.items.length} items, not ${objects}`);
    const kl: Measured<LoadResult>[] = [];
    const sl: number[] = [];
    for (let i = 0; i < rounds; i++) {
      kl.push(checked('LIST kubets', await measured([k.pid], () => runLoad({ url: listUrl, method: 'GET', concurrency: 1, warmupMs, durationMs, expectStatus: 200, serverPid: k.pid }))));
      sl.push(stringifyTime(listed));
      log(`JSON.stringify of the list: p50 ${sl[i].toFixed(1)} ms`);
    }
    const klBest = kl.reduce((a, b) => (b.p50Ms < a.p50Ms ? b : a));
    const s = Math.min(...sl);
    rows.push({ bench: `LIST ${objects} ConfigMaps (${(klBest.bodyBytes / 2 ** 20).toFixed(1)} MiB JSON), c=1`,
      kubets: `${lat(klBest.p50Ms, klBest.p99Ms)} (other ${klBest.other.toFixed(1)})`, baseline: `JSON.stringify p50 ${s.toFixed(1)} ms`,
      ratio: klBest.p50Ms / s, target: '< 3.0 (time)', ok: klBest.p50Ms / s < 3 });

    const sample = (await requestJson('GET', getUrl)).text;
    const raw: Measured<SqliteResult>[] = [];
    const st: Measured<SqliteResult>[] = [];
    const kc = new Map<number, Measured<LoadResult>[]>(createConcurrency.map((c) => [c, []]));
    for (let i = 0; i < rounds; i++) {
      raw.push(await measured([k.pid], () => runSqliteBaseline({ mode: 'insert', dir: root, sample, warmupMs, durationMs })));
      log(`raw SQLite insert: ${fmtRaw(raw[i])}, ${raw[i].rowBytes} B rows`);
      for (const c of createConcurrency) {
        kc.get(c)!.push(checked(`CREATE kubets c=${c}`, await measured([k.pid], () => runLoad({
          url: `${k.url}/api/v1/namespaces/bench-w/configmaps`, method: 'POST', body: configMapBody('bench-w', `w${i}c${c}-{{n}}`),
          concurrency: c, warmupMs, durationMs, expectStatus: 201, serverPid: k.pid,
        }))));
      }
      st.push(await measured([k.pid], () => runSqliteBaseline({ mode: 'storage', dir: root, sample, warmupMs, durationMs })));
      log(`SqliteStorage.create: ${fmtRaw(st[i])}`);
    }
    for (const c of createConcurrency) {
      const r = best(kc.get(c)!);
      rows.push({ bench: `CREATE ConfigMap (POST), c=${c}`, kubets: fmtLoad(r), baseline: `raw insert ${fmtRaw(best(raw))}`,
        ratio: r.rps / best(raw).rps, target: '≥ 0.50', ok: r.rps / best(raw).rps >= 0.5 });
    }
    rows.push({ bench: 'info: SqliteStorage.create in-process (no HTTP)', kubets: fmtRaw(best(st)), baseline: `raw insert ${fmtRaw(best(raw))}`,
      ratio: best(st).rps / best(raw).rps, target: '-', ok: null });
    rows.push({ bench: `info: fill ${objects} ConfigMaps, POST c=16`, kubets: fmtLoad(fill), baseline: '-', ratio: NaN, target: '-', ok: null });
    const code = await k.stop();
    if (code !== 0) log(`kubets exited with ${code}`);

    process.stdout.write(`\n${facts.map((f) => `- ${f}`).join('\n')}\n\n${table()}\n`);
  } finally {
    if (process.env.BENCH_KEEP === '1') log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

function startupRows(bare: StartupResult, fresh: StartupResult, filled: StartupResult): void {
  const fmt = (r: StartupResult) => `median ${r.medianMs.toFixed(0)} ms (min ${r.minMs.toFixed(0)}, max ${r.maxMs.toFixed(0)})`;
  log(`startup bare node: ${fmt(bare)}; kubets fresh: ${fmt(fresh)}; with ${objects}: ${fmt(filled)}`);
  const base = `target 300 ms; bare node ${fmt(bare)}`;
  rows.push({ bench: 'Start to /readyz 200, fresh data dir', kubets: fmt(fresh), baseline: base, ratio: fresh.medianMs / 300, target: '< 1.0 (of 300 ms)', ok: fresh.medianMs < 300 });
  rows.push({ bench: `Start to /readyz 200, ${objects} objects`, kubets: fmt(filled), baseline: base, ratio: filled.medianMs / 300, target: '- (info)', ok: null });
}

/** JSON.stringify of the parsed list, in this process: 3 unrecorded runs, then 1.5 s; the p50. */
function stringifyTime(list: unknown): number {
  for (let i = 0; i < 3; i++) JSON.stringify(list);
  const times: number[] = [];
  const end = performance.now() + 1500;
  while (performance.now() < end || times.length < 10) {
    const t = performance.now();
    JSON.stringify(list);
    times.push(performance.now() - t);
  }
  return percentile(times.sort((a, b) => a - b), 50);
}

function table(): string {
  const lines = ['| benchmark | kubets | baseline | ratio | target | met |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    const ratio = Number.isNaN(r.ratio) ? '-' : r.ratio.toFixed(2);
    lines.push(`| ${r.bench} | ${r.kubets} | ${r.baseline} | ${ratio} | ${r.target} | ${r.ok === null ? '-' : r.ok ? 'yes' : '**no**'} |`);
  }
  return lines.join('\n');
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
