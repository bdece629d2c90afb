/**
 * `npm run bench`: every kubets benchmark and its baseline, measured in one run on this machine
 * over 127.0.0.1, printed as a markdown table of ratios against the targets (bench/RESULTS.md).
 *
 *   1 startup   spawn `kubets apiserver` -> /readyz 200, fresh data dir   (median of 5)
 *   2 fill      10,000 ConfigMaps into namespace bench (POST, concurrency 16)
 *   3 startup   the same on the filled data dir                           (median of 5)
 *   4 GET       one ConfigMap at concurrency 1/16/64  vs bare-server.ts with the same bytes
 *   5 LIST      the 10,000 ConfigMaps as JSON         vs JSON.stringify of them in-process
 *   6 CREATE    POST at concurrency 1/16              vs sqlite-baseline.ts durable inserts
 *
 * Servers, load generator and SQLite baseline each run in their own process; this one only
 * orchestrates (and runs JSON.stringify while everything else is idle). Data lives in a temp dir
 * under os.tmpdir(), removed at the end unless BENCH_KEEP=1. BENCH_CPU_PROF=<dir> profiles the
 * long-lived kubets of steps 4-6.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startBareServer } from './bare-server.js';
import { measureStartup, requestJson, startKubets, type StartupResult } from './kubets-process.js';
import { type LoadResult, type LoadSpec, percentile, runLoad } from './load.js';
import { runSqliteBaseline } from './sqlite-baseline.js';

const objects = 10_000;
const startupRuns = 5;
const warmupMs = 1000;
const durationMs = 3000;
const getConcurrency = [1, 16, 64];
const createConcurrency = [1, 16];

/** A ConfigMap of about 600 bytes stored: labels, an annotation and a small config file. */
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
const fmtLoad = (r: LoadResult) => `${Math.round(r.rps)} req/s (p50 ${r.p50Ms.toFixed(2)} / p99 ${r.p99Ms.toFixed(2)} ms)`;
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

function checked(name: string, r: LoadResult): LoadResult {
  if (r.errors > 0 || r.requests === 0) throw new Error(`${name}: ${r.errors} errors, ${r.requests} ok; first: ${r.firstError}`);
  log(`${name}: ${fmtLoad(r)}, load generator CPU ${(r.loadCpu * 100).toFixed(0)}%`);
  return r;
}

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
  const cpuProfDir = process.env.BENCH_CPU_PROF || undefined;
  const dataDir = join(root, 'main');
  try {
    // 1. Start to ready on fresh data dirs.
    log('startup, fresh data dir');
    const fresh = await measureStartup((i) => join(root, `fresh-${i + 1}`), startupRuns);

    // 2. Fill: namespaces, then 10k ConfigMaps.
    let k = await startKubets(dataDir);
    for (const ns of ['bench', 'bench-w']) {
      const r = await requestJson('POST', `${k.url}/api/v1/namespaces`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
      if (r.status !== 201) throw new Error(`create namespace ${ns}: ${r.status} ${r.text}`);
    }
    const fill = checked(`fill ${objects} ConfigMaps`, await runLoad({
      url: `${k.url}/api/v1/namespaces/bench/configmaps`, method: 'POST', body: configMapBody('bench', 'cm-{{n}}'),
      concurrency: 16, warmupMs: 0, durationMs: 0, total: objects, expectStatus: 201,
    }));
    await k.stop();

    // 3. Start to ready with 10k objects.
    log(`startup, ${objects} objects`);
    const filled = await measureStartup(() => dataDir, startupRuns);
    startupRows(fresh, filled);

    // 4. GET against the bare server.
    k = await startKubets(dataDir, { cpuProfDir });
    const getUrl = `${k.url}/api/v1/namespaces/bench/configmaps/cm-00000`;
    const bare = await startBareServer(getUrl, root);
    for (const c of getConcurrency) {
      const spec = (url: string): LoadSpec => ({ url, method: 'GET', concurrency: c, warmupMs, durationMs, expectStatus: 200 });
      const b = checked(`GET bare c=${c}`, await runLoad(spec(bare.url)));
      const kb = checked(`GET kubets c=${c}`, await runLoad(spec(getUrl)));
      const ratio = kb.rps / b.rps;
      rows.push({ bench: `GET 1 ConfigMap (${bare.bodyBytes} B), c=${c}`, kubets: fmtLoad(kb), baseline: fmtLoad(b),
        ratio, target: '≥ 0.50', ok: ratio >= 0.5 });
    }
    bare.stop();

    // 5. LIST 10k against JSON.stringify of the same objects.
    const listUrl = `${k.url}/api/v1/namespaces/bench/configmaps`;
    const kl = checked('LIST kubets', await runLoad({ url: listUrl, method: 'GET', concurrency: 1, warmupMs, durationMs: 4000, expectStatus: 200 }));
    const listed = JSON.parse((await requestJson('GET', listUrl)).text) as { items: unknown[] };
    if (listed.items.length !== objects) throw new Error(`LIST returned ${listed.items.length} items, not ${objects}`);
    const s = stringifyTime(listed);
    log(`JSON.stringify of the list: p50 ${s.p50.toFixed(1)} ms (${s.n} runs, ${(s.bytes / 2 ** 20).toFixed(1)} MiB)`);
    rows.push({ bench: `LIST ${objects} ConfigMaps (${(kl.bodyBytes / 2 ** 20).toFixed(1)} MiB)`,
      kubets: `p50 ${kl.p50Ms.toFixed(1)} / p99 ${kl.p99Ms.toFixed(1)} ms`, baseline: `JSON.stringify p50 ${s.p50.toFixed(1)} ms`,
      ratio: kl.p50Ms / s.p50, target: '< 3.0 (time)', ok: kl.p50Ms / s.p50 < 3 });

    // 6. CREATE against raw durable SQLite inserts.
    const sample = (await requestJson('GET', getUrl)).text;
    const raw = await runSqliteBaseline({ mode: 'insert', dir: root, sample, warmupMs: 500, durationMs });
    log(`raw SQLite insert: ${Math.round(raw.rps)}/s (p50 ${raw.p50Ms.toFixed(3)} / p99 ${raw.p99Ms.toFixed(3)} ms, ${raw.rowBytes} B rows)`);
    const fmtRaw = `${Math.round(raw.rps)} inserts/s (p50 ${raw.p50Ms.toFixed(2)} / p99 ${raw.p99Ms.toFixed(2)} ms)`;
    let n = 0;
    for (const c of createConcurrency) {
      const kc = checked(`CREATE kubets c=${c}`, await runLoad({
        url: `${k.url}/api/v1/namespaces/bench-w/configmaps`, method: 'POST', body: configMapBody('bench-w', `w${c}-{{n}}`),
        concurrency: c, warmupMs, durationMs, expectStatus: 201, firstN: n,
      }));
      n += 100_000;
      rows.push({ bench: `CREATE ConfigMap (POST), c=${c}`, kubets: fmtLoad(kc), baseline: fmtRaw, ratio: kc.rps / raw.rps, target: '≥ 0.50', ok: kc.rps / raw.rps >= 0.5 });
    }
    const code = await k.stop();
    if (code !== 0) log(`kubets exited with ${code}`);
    const st = await runSqliteBaseline({ mode: 'storage', dir: root, sample, warmupMs: 500, durationMs });
    rows.push({ bench: 'info: SqliteStorage.create in-process (no HTTP)', kubets: `${Math.round(st.rps)} creates/s (p50 ${st.p50Ms.toFixed(2)} / p99 ${st.p99Ms.toFixed(2)} ms)`,
      baseline: fmtRaw, ratio: st.rps / raw.rps, target: '-', ok: null });
    rows.push({ bench: `info: fill ${objects} ConfigMaps, POST c=16`, kubets: fmtLoad(fill), baseline: '-', ratio: NaN, target: '-', ok: null });

    process.stdout.write(`\n${facts.map((f) => `- ${f}`).join('\n')}\n\n${table()}\n`);
  } finally {
    if (process.env.BENCH_KEEP === '1') log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

function startupRows(fresh: StartupResult, filled: StartupResult): void {
  const fmt = (r: StartupResult) => `median ${r.medianMs.toFixed(0)} ms (min ${r.minMs.toFixed(0)}, max ${r.maxMs.toFixed(0)})`;
  log(`startup fresh: ${fmt(fresh)}; with ${objects}: ${fmt(filled)}`);
  rows.push({ bench: 'Start to /readyz 200, fresh data dir', kubets: fmt(fresh), baseline: '300 ms', ratio: fresh.medianMs / 300, target: '< 1.0', ok: fresh.medianMs < 300 });
  rows.push({ bench: `Start to /readyz 200, ${objects} objects`, kubets: fmt(filled), baseline: '300 ms', ratio: filled.medianMs / 300, target: '- (info)', ok: null });
}

/** JSON.stringify of the parsed list, in this process: 3 unrecorded runs, then at least 2 s. */
function stringifyTime(list: unknown): { p50: number; n: number; bytes: number } {
  let bytes = 0;
  for (let i = 0; i < 3; i++) bytes = JSON.stringify(list).length;
  const times: number[] = [];
  const end = performance.now() + 2000;
  while (performance.now() < end || times.length < 10) {
    const t = performance.now();
    JSON.stringify(list);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), n: times.length, bytes };
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
