/**
 * `npm run bench`: every kubets benchmark and its baseline, measured in one run on this machine
 * over 127.0.0.1, printed as a markdown table of ratios against the targets (bench/RESULTS.md).
 *
 *   startup  spawn `kubets apiserver` -> /readyz 200 on fresh data dirs (secure port off, then on),
 *            vs bare `node -e` http
 *   fill     10,000 ConfigMaps into namespace bench (POST, concurrency 16); startup again on it
 *   get      one ConfigMap at concurrency 1/16/64  vs bare-server.ts with the same bytes
 *   list     the 10,000 ConfigMaps as JSON         vs JSON.stringify of them in-process
 *   create   POST at concurrency 1/16              vs sqlite-baseline.ts durable inserts
 *   schema   a 50-container pod through typed decode, defaults and validation, and a strategic
 *            merge of 100 containers by name: in-process and over HTTP with dryRun=All (schema.ts)
 *   secure   the same GET over HTTPS on the secure port (HTTP/1.1 keep-alive), with the admin
 *            client certificate and with a token-file bearer token, vs the insecure port of the
 *            same kubets process; and a bare HTTPS server (the TLS floor) vs the bare HTTP one
 *
 * Servers, load generator and SQLite baseline each run in their own process; this one only
 * orchestrates (and runs JSON.stringify while everything else is idle). Throughput runs are done in
 * `rounds` alternating rounds (baseline, kubets, kubets, baseline, ...) and the best round of each
 * is kept, since a neighbour's load only ever slows a run down (machine.ts reports that load).
 *
 * Environment: BENCH_ONLY=get,list (sections to run; the fill runs unless only schema is asked for), BENCH_KEEP=1 (keep the
 * temp dir), BENCH_CPU_PROF=<dir> (profile the kubets that serves get/list/create, and the one
 * that serves the secure section),
 * BENCH_KUBETS_MAIN=<path to main.js> (benchmark another build of kubets).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BareServer, startBareServer } from './bare-server.js';
import { measureStartup, requestJson, type ServerProcess, startBareNode, startKubets, type StartupResult } from './kubets-process.js';
import { type LoadResult, type LoadSpec, percentile, processCpuMs, runLoad } from './load.js';
import { machineFacts, type Measured, measured } from './machine.js';
import { runSqliteBaseline, type SqliteResult } from './sqlite-baseline.js';
import { type EtcdBaselineResult, runEtcdBaseline } from './etcd-baseline.js';
import { startEtcd } from '../test/storage/etcd-process.js';
import { runSchemaBench } from './schema.js';

const objects = 10_000;
const startupRuns = 5;
const rounds = 3;
const warmupMs = 500;
const durationMs = 2000;
const getConcurrency = [1, 16, 64];
const createConcurrency = [1, 16, 64];
const etcdConcurrency = [1, 16, 64];
const only = new Set((process.env.BENCH_ONLY ?? 'startup,get,list,create,secure,etcd,schema').split(','));

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
/** The secure-port table, and the TLS floor table (markdown lines after their headers). */
const secureRows: string[] = [];
const tlsFloorRows: string[] = [];
let secureTransport = '?';
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const lat = (p50: number, p99: number) => `p50 ${p50.toFixed(2)} / p99 ${p99.toFixed(2)} ms`;
const fmtLoad = (r: Measured<LoadResult>) =>
  `${Math.round(r.rps)} req/s (${lat(r.p50Ms, r.p99Ms)}; ${Math.round(r.serverCpuUs)} µs CPU/req; other ${r.other.toFixed(1)})`;
const fmtRaw = (r: Measured<SqliteResult>) => `${Math.round(r.rps)}/s (${lat(r.p50Ms, r.p99Ms)}; other ${r.other.toFixed(1)})`;
const fmtStart = (r: StartupResult) => `median ${r.medianMs.toFixed(0)} ms (min ${r.minMs.toFixed(0)}, max ${r.maxMs.toFixed(0)})`;
const best = <T extends { rps: number }>(all: T[]): T => all.reduce((a, b) => (b.rps > a.rps ? b : a));

function checked(name: string, r: Measured<LoadResult>): Measured<LoadResult> {
  if (r.errors > 0 || r.requests === 0) throw new Error(`${name}: ${r.errors} errors, ${r.requests} ok; first: ${r.firstError}`);
  log(`${name}: ${fmtLoad(r)}, load generator CPU ${(r.loadCpu * 100).toFixed(0)}%`);
  return r;
}

/** Load against one server, with `other` measured around it. */
const load = (name: string, pids: number[], spec: LoadSpec) => measured(pids, () => runLoad(spec)).then((r) => checked(name, r));

async function fill(k: ServerProcess): Promise<Measured<LoadResult>> {
  for (const ns of ['bench', 'bench-w']) {
    const r = await requestJson('POST', `${k.url}/api/v1/namespaces`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    if (r.status !== 201) throw new Error(`create namespace ${ns}: ${r.status} ${r.text}`);
  }
  return load(`fill ${objects} ConfigMaps`, [k.pid], {
    url: `${k.url}/api/v1/namespaces/bench/configmaps`, method: 'POST', body: configMapBody('bench', 'cm-{{n}}'),
    concurrency: 16, warmupMs: 0, durationMs: 0, total: objects, expectStatus: 201, serverPid: k.pid,
  });
}

function startupRows(bare: StartupResult, fresh: StartupResult, secure: StartupResult, filled: StartupResult): void {
  log(`startup bare node: ${fmtStart(bare)}; kubets fresh: ${fmtStart(fresh)}; fresh + secure port: ${fmtStart(secure)}; with ${objects}: ${fmtStart(filled)}`);
  const base = `bare node + http: ${fmtStart(bare)}`;
  rows.push({ bench: 'Start to /readyz 200, fresh data dir', kubets: fmtStart(fresh), baseline: base,
    ratio: fresh.medianMs / 300, target: '< 1.0 (of 300 ms)', ok: fresh.medianMs < 300 });
  rows.push({ bench: 'Start to /readyz 200, fresh data dir, secure port on (PKI generated)', kubets: fmtStart(secure), baseline: base,
    ratio: secure.medianMs / 300, target: '- (info)', ok: null });
  rows.push({ bench: `Start to /readyz 200, ${objects} objects`, kubets: fmtStart(filled), baseline: base,
    ratio: filled.medianMs / 300, target: '- (info)', ok: null });
}

/** GET vs the bare server; resolves with the bare server's best round per concurrency. */
async function getSection(k: ServerProcess, dir: string): Promise<Map<number, Measured<LoadResult>>> {
  const getUrl = `${k.url}/api/v1/namespaces/bench/configmaps/cm-00000`;
  const bare = await startBareServer(getUrl, dir);
  const bareBest = new Map<number, Measured<LoadResult>>();
  for (const c of getConcurrency) {
    const spec = (url: string, serverPid: number): LoadSpec => ({ url, method: 'GET', concurrency: c, warmupMs, durationMs, expectStatus: 200, serverPid });
    const b: Measured<LoadResult>[] = [];
    const kb: Measured<LoadResult>[] = [];
    for (let i = 0; i < rounds; i++) {
      for (const who of i % 2 === 0 ? ['bare', 'kubets'] : ['kubets', 'bare']) {
        if (who === 'bare') b.push(await load(`GET bare c=${c}`, [k.pid, bare.pid], spec(bare.url, bare.pid)));
        else kb.push(await load(`GET kubets c=${c}`, [k.pid, bare.pid], spec(getUrl, k.pid)));
      }
    }
    const ratio = best(kb).rps / best(b).rps;
    rows.push({ bench: `GET 1 ConfigMap (${bare.bodyBytes} B), c=${c}`, kubets: fmtLoad(best(kb)), baseline: fmtLoad(best(b)),
      ratio, target: '≥ 0.50', ok: ratio >= 0.5 });
    bareBest.set(c, best(b));
  }
  bare.stop();
  return bareBest;
}

/** Waits (up to 5 s) until pid uses under 5 % of a core over 200 ms: the controllers' start-up work is done. */
async function settle(pid: number): Promise<void> {
  for (let i = 0; i < 25; i++) {
    const before = processCpuMs(pid);
    await new Promise((r) => setTimeout(r, 200));
    if (!(processCpuMs(pid) - before > 10)) return;
  }
  log(`pid ${pid} still busy after 5 s; measuring anyway`);
}

/**
 * The secure port: kubets restarted on the filled data dir with --secure-port on loopback and a
 * token file (one token for user bench in system:masters, so the GET is allowed with no RBAC
 * lookup, as for the admin certificate). In each round, in rotating order: the insecure port, the
 * secure port with the admin client certificate, the secure port with the bearer token (no client
 * certificate), and a bare HTTPS server with the same bytes and TLS setup (the TLS floor).
 */
async function secureSection(dataDir: string, dir: string, bareHttp: Map<number, Measured<LoadResult>> | undefined): Promise<void> {
  const token = randomBytes(24).toString('hex');
  const tokenAuthFile = join(dir, 'tokens.csv');
  writeFileSync(tokenAuthFile, `${token},bench,bench-uid,"system:masters"\n`, { mode: 0o600 });
  const k = await startKubets(dataDir, { securePort: true, tokenAuthFile, cpuProfDir: process.env.BENCH_CPU_PROF || undefined });
  let bare: BareServer | undefined;
  try {
    const pki = k.pki!;
    const path = '/api/v1/namespaces/bench/configmaps/cm-00000';
    const bearer = { authorization: `Bearer ${token}` };
    const tokenTls = { caFile: pki.caFile };
    // Who each credential is, and that every way in answers the same bytes.
    const review = { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' };
    const reviewUrl = `${k.secureUrl}/apis/authentication.k8s.io/v1/selfsubjectreviews`;
    for (const [who, want, opts] of [['client certificate', 'kubernetes-admin', { tls: pki.admin }], ['bearer token', 'bench', { tls: tokenTls, headers: bearer }]] as const) {
      const r = await requestJson('POST', reviewUrl, review, opts);
      const user = r.status === 201 ? (JSON.parse(r.text) as { status?: { userInfo?: { username?: string; groups?: string[] } } }).status?.userInfo : undefined;
      if (user?.username !== want || !user.groups?.includes('system:masters')) throw new Error(`SelfSubjectReview with the ${who}: ${r.status} ${r.text}`);
      log(`secure port, ${who}: user ${user.username}, groups ${user.groups.join(',')}`);
    }
    const plain = await requestJson('GET', `${k.url}${path}`);
    for (const opts of [{ tls: pki.admin }, { tls: tokenTls, headers: bearer }]) {
      const r = await requestJson('GET', `${k.secureUrl}${path}`, undefined, opts);
      if (r.status !== 200 || r.text !== plain.text) throw new Error(`secure GET differs from the insecure one: ${r.status} ${r.text.slice(0, 300)}`);
    }
    await settle(k.pid);
    bare = await startBareServer(`${k.secureUrl}${path}`, dir, { servingCertFile: pki.servingCertFile, servingKeyFile: pki.servingKeyFile, caFile: pki.caFile, client: pki.admin });
    const bodyBytes = Buffer.byteLength(plain.text);
    const ways = ['insecure', 'cert', 'token', 'bare'] as const;
    for (const c of getConcurrency) {
      const results = new Map<string, Measured<LoadResult>[]>(ways.map((w) => [w, []]));
      const base = { method: 'GET' as const, concurrency: c, warmupMs, durationMs, expectStatus: 200 };
      const specs: Record<(typeof ways)[number], LoadSpec> = {
        insecure: { ...base, url: `${k.url}${path}`, serverPid: k.pid },
        cert: { ...base, url: `${k.secureUrl}${path}`, tls: pki.admin, serverPid: k.pid },
        token: { ...base, url: `${k.secureUrl}${path}`, tls: tokenTls, headers: bearer, serverPid: k.pid },
        bare: { ...base, url: bare.url, tls: pki.admin, serverPid: bare.pid },
      };
      for (let i = 0; i < rounds; i++) {
        for (let j = 0; j < ways.length; j++) {
          const w = ways[(i + j) % ways.length];
          results.get(w)!.push(await load(`GET ${w} c=${c}`, [k.pid, bare.pid], specs[w]));
        }
      }
      const [ins, cert, tok, bt] = ways.map((w) => best(results.get(w)!));
      secureTransport = cert.transport ?? '?';
      secureRows.push(`| GET 1 ConfigMap (${bodyBytes} B), c=${c} | ${fmtLoad(ins)} | ${fmtLoad(cert)} | **${(cert.rps / ins.rps).toFixed(2)}** | `
        + `${fmtLoad(tok)} | **${(tok.rps / ins.rps).toFixed(2)}** |`);
      const bh = bareHttp?.get(c);
      tlsFloorRows.push(`| c=${c} | ${bh ? fmtLoad(bh) : '-'} | ${fmtLoad(bt)} | ${bh ? (bt.rps / bh.rps).toFixed(2) : '-'} | ${(cert.rps / bt.rps).toFixed(2)} |`);
    }
  } finally {
    bare?.stop();
    const code = await k.stop();
    if (code !== 0) log(`kubets (secure) exited with ${code}`);
  }
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

async function listSection(k: ServerProcess): Promise<void> {
  const listUrl = `${k.url}/api/v1/namespaces/bench/configmaps`;
  const listed = JSON.parse((await requestJson('GET', listUrl)).text) as { items: unknown[] };
  if (listed.items.length !== objects) throw new Error(`LIST returned ${listed.items.length} items, not ${objects}`);
  const kl: Measured<LoadResult>[] = [];
  const sl: number[] = [];
  for (let i = 0; i < rounds; i++) {
    kl.push(await load('LIST kubets', [k.pid], { url: listUrl, method: 'GET', concurrency: 1, warmupMs, durationMs, expectStatus: 200, serverPid: k.pid }));
    sl.push(stringifyTime(listed));
    log(`JSON.stringify of the list: p50 ${sl[i].toFixed(1)} ms`);
  }
  const kb = kl.reduce((a, b) => (b.p50Ms < a.p50Ms ? b : a));
  const s = Math.min(...sl);
  rows.push({ bench: `LIST ${objects} ConfigMaps (${(kb.bodyBytes / 2 ** 20).toFixed(1)} MiB JSON), c=1`,
    kubets: `${lat(kb.p50Ms, kb.p99Ms)} (${(kb.serverCpuUs / 1000).toFixed(0)} ms CPU/req; other ${kb.other.toFixed(1)})`,
    baseline: `JSON.stringify p50 ${s.toFixed(1)} ms`, ratio: kb.p50Ms / s, target: '< 3.0 (time)', ok: kb.p50Ms / s < 3 });
}

async function createSection(k: ServerProcess, dir: string): Promise<void> {
  const sample = (await requestJson('GET', `${k.url}/api/v1/namespaces/bench/configmaps/cm-00000`)).text;
  const raw: Measured<SqliteResult>[] = [];
  const storage: Measured<SqliteResult>[] = [];
  const kc = new Map<number, Measured<LoadResult>[]>(createConcurrency.map((c) => [c, []]));
  for (let i = 0; i < rounds; i++) {
    raw.push(await measured([k.pid], () => runSqliteBaseline({ mode: 'insert', dir, sample, warmupMs, durationMs })));
    log(`raw SQLite insert: ${fmtRaw(raw[i])}, ${raw[i].rowBytes} B rows`);
    for (const c of createConcurrency) {
      kc.get(c)!.push(await load(`CREATE kubets c=${c}`, [k.pid], {
        url: `${k.url}/api/v1/namespaces/bench-w/configmaps`, method: 'POST', body: configMapBody('bench-w', `w${i}c${c}-{{n}}`),
        concurrency: c, warmupMs, durationMs, expectStatus: 201, serverPid: k.pid,
      }));
    }
    storage.push(await measured([k.pid], () => runSqliteBaseline({ mode: 'storage', dir, sample, warmupMs, durationMs })));
    log(`SqliteStorage.create: ${fmtRaw(storage[i])}`);
  }
  const rawBest = best(raw);
  for (const c of createConcurrency) {
    const r = best(kc.get(c)!);
    rows.push({ bench: `CREATE ConfigMap (POST), c=${c}`, kubets: fmtLoad(r), baseline: `raw insert ${fmtRaw(rawBest)}`,
      ratio: r.rps / rawBest.rps, target: '≥ 0.50', ok: r.rps / rawBest.rps >= 0.5 });
  }
  rows.push({ bench: 'info: SqliteStorage.create in-process (no HTTP)', kubets: fmtRaw(best(storage)), baseline: `raw insert ${fmtRaw(rawBest)}`,
    ratio: best(storage).rps / rawBest.rps, target: '-', ok: null });
}

const fmtEtcd = (r: Measured<EtcdBaselineResult>) => `${Math.round(r.rps)}/s (${lat(r.p50Ms, r.p99Ms)}; other ${r.other.toFixed(1)})`;

/**
 * kubets over etcd against raw etcd: one etcd member (data on disk, as etcd runs for real), one
 * kubets on it, and for each concurrency alternating rounds of raw puts and kubets CREATEs, then
 * raw gets and kubets GETs of one ConfigMap. Raw rounds run with the etcd3 package (the target's
 * baseline) and with kubets's own etcd client (information: what the client alone is worth).
 */
async function etcdSection(root: string): Promise<void> {
  const etcd = await startEtcd({ dataDir: mkdtempSync(join(root, 'etcd-')) });
  let k: ServerProcess | undefined;
  try {
    k = await startKubets(join(root, 'etcd-kubets'), { args: [`--etcd-servers=${etcd.url}`, '--etcd-prefix=/bench'] });
    const ns = await requestJson('POST', `${k.url}/api/v1/namespaces`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bench' } });
    if (ns.status !== 201) throw new Error(`create namespace: ${ns.status} ${ns.text}`);
    const made = await requestJson('POST', `${k.url}/api/v1/namespaces/bench/configmaps`, JSON.parse(configMapBody('bench', 'cm-get')));
    if (made.status !== 201) throw new Error(`create ConfigMap: ${made.status} ${made.text}`);
    const sample = made.text;
    await settle(k.pid);
    const pids = [k.pid, etcd.pid];
    for (const c of etcdConcurrency) {
      const raw = { put: [] as Measured<EtcdBaselineResult>[], get: [] as Measured<EtcdBaselineResult>[] };
      const own = { put: [] as Measured<EtcdBaselineResult>[], get: [] as Measured<EtcdBaselineResult>[] };
      const kub = { put: [] as Measured<LoadResult>[], get: [] as Measured<LoadResult>[] };
      for (let i = 0; i < rounds; i++) {
        for (const mode of ['put', 'get'] as const) {
          const rawRun = async () => {
            for (const client of ['etcd3', 'kubets'] as const) {
              const r = await measured(pids, () => runEtcdBaseline({ mode, client, url: etcd.url, sample, concurrency: c, warmupMs, durationMs }));
              log(`raw etcd ${mode} (${client} client) c=${c}: ${fmtEtcd(r)}`);
              (client === 'etcd3' ? raw : own)[mode].push(r);
            }
          };
          const kubetsRun = async () => {
            kub[mode].push(await load(`kubets on etcd ${mode === 'put' ? 'CREATE' : 'GET'} c=${c}`, pids, mode === 'put'
              ? { url: `${k!.url}/api/v1/namespaces/bench/configmaps`, method: 'POST', body: configMapBody('bench', `e${i}c${c}-{{n}}`), concurrency: c, warmupMs, durationMs, expectStatus: 201, serverPid: k!.pid }
              : { url: `${k!.url}/api/v1/namespaces/bench/configmaps/cm-get`, method: 'GET', concurrency: c, warmupMs, durationMs, expectStatus: 200, serverPid: k!.pid }));
          };
          if (i % 2 === 0) { await rawRun(); await kubetsRun(); } else { await kubetsRun(); await rawRun(); }
        }
      }
      for (const mode of ['put', 'get'] as const) {
        const kb = best(kub[mode]);
        const rb = best(raw[mode]);
        const ratio = kb.rps / rb.rps;
        const create = mode === 'put';
        rows.push({
          bench: `etcd: ${create ? 'CREATE ConfigMap (POST)' : 'GET 1 ConfigMap'}, c=${c}`, kubets: fmtLoad(kb), baseline: `raw etcd ${create ? 'put' : 'get'} (etcd3 client) ${fmtEtcd(rb)}`,
          ratio, target: create && c === 64 ? '≥ 0.60' : '- (info)', ok: create && c === 64 ? ratio >= 0.6 : null,
        });
        const ob = best(own[mode]);
        rows.push({
          bench: `info: the same against kubets's own etcd client, c=${c}`, kubets: fmtLoad(kb), baseline: `raw etcd ${create ? 'put (Txn with one Put)' : 'get'} (kubets client) ${fmtEtcd(ob)}`,
          ratio: kb.rps / ob.rps, target: '-', ok: null,
        });
      }
    }
  } finally {
    if (k) await k.stop();
    await etcd.stop();
  }
}

function table(): string {
  const lines = ['| benchmark | kubets | baseline | ratio | target | met |', '|---|---|---|---|---|---|'];
  for (const r of rows) {
    const ratio = Number.isNaN(r.ratio) ? '-' : r.ratio.toFixed(2);
    lines.push(`| ${r.bench} | ${r.kubets} | ${r.baseline} | ${ratio} | ${r.target} | ${r.ok === null ? '-' : r.ok ? 'yes' : '**no**'} |`);
  }
  if (secureRows.length > 0) {
    lines.push('', `Secure port (${secureTransport}), one kubets process serving both ports:`, '',
      '| benchmark | insecure port (HTTP) | secure port, client certificate | ratio | secure port, bearer token | ratio |',
      '|---|---|---|---|---|---|', ...secureRows,
      '', 'TLS floor: bare servers with the same response bytes (no kubets):', '',
      '| GET | bare HTTP (get section) | bare HTTPS, client certificate | HTTPS / HTTP | kubets client certificate / bare HTTPS |',
      '|---|---|---|---|---|', ...tlsFloorRows);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'kubets-bench-'));
  const facts = machineFacts(root);
  for (const f of facts) log(f);
  const dataDir = join(root, 'main');
  try {
    let bare: StartupResult | undefined;
    let fresh: StartupResult | undefined;
    let secure: StartupResult | undefined;
    if (only.has('startup')) {
      bare = await measureStartup(() => startBareNode(), startupRuns);
      fresh = await measureStartup((i) => startKubets(join(root, `fresh-${i + 1}`)), startupRuns);
      secure = await measureStartup((i) => startKubets(join(root, `secure-${i + 1}`), { securePort: true }), startupRuns);
    }
    if (only.has('schema')) {
      for (const r of await runSchemaBench(root)) rows.push({ ...r, target: '-', ok: null });
    }
    if ([...only].every((s) => s === 'schema')) {
      process.stdout.write(`\n${facts.map((f) => `- ${f}`).join('\n')}\n\n${table()}\n`);
      return;
    }
    let k = await startKubets(dataDir);
    const filled = await fill(k);
    await k.stop();
    if (bare && fresh && secure) startupRows(bare, fresh, secure, await measureStartup(() => startKubets(dataDir), startupRuns));

    k = await startKubets(dataDir, { cpuProfDir: process.env.BENCH_CPU_PROF || undefined });
    const bareHttp = only.has('get') ? await getSection(k, root) : undefined;
    if (only.has('list')) await listSection(k);
    if (only.has('create')) await createSection(k, root);
    rows.push({ bench: `info: fill ${objects} ConfigMaps, POST c=16`, kubets: fmtLoad(filled), baseline: '-', ratio: NaN, target: '-', ok: null });
    const code = await k.stop();
    if (code !== 0) log(`kubets exited with ${code}`);
    if (only.has('secure')) await secureSection(dataDir, root, bareHttp);
    if (only.has('etcd')) await etcdSection(root);
    process.stdout.write(`\n${facts.map((f) => `- ${f}`).join('\n')}\n\n${table()}\n`);
  } finally {
    if (process.env.BENCH_KEEP === '1') log(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
