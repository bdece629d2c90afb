/**
 * The typed-schema benchmark (issue 3): a 50-container pod through decoding, defaulting and
 * validation, and a strategic merge patch of a 100-element list (containers by name), in ops/s.
 *
 *   in-process  the pod's JSON body -> JSON.parse -> typedDecode -> the Pod strategy's
 *               prepareForCreate (defaults) -> validate; baseline: JSON.parse of the same bytes.
 *               The Deployment patch through applyPatch with the schema-derived metadata;
 *               baseline: the same body as a JSON merge patch (which replaces the list whole).
 *   HTTP        POST the pod with ?dryRun=All (the whole Store path, nothing written) and PATCH
 *               the stored Deployment with ?dryRun=All, at concurrency 1 and 16.
 *
 * Whatever defaulting and validation the strategies hold when this runs is what is measured:
 * the same code the API server runs, found through the resource catalog.
 *
 * `node dist/bench/schema.js` runs it alone; bench/run.ts runs it as BENCH_ONLY=schema.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinResources } from '../src/apis/catalog.js';
import type { KubeObject } from '../src/apis/meta/types.js';
import { typedDecode, typedDescFor } from '../src/endpoints/typed-decode.js';
import { applyPatch } from '../src/patch/index.js';
import { builtinPatchMetaFor } from '../src/schema/patch-meta.js';
import '../src/schema/tables.js'; // registers the built-in schema (the server loads it after start-up)
import { requestJson, type ServerProcess, startKubets } from './kubets-process.js';
import { type LoadResult, runLoad } from './load.js';

export interface SchemaRow { bench: string; kubets: string; baseline: string; ratio: number }

const smp = 'application/strategic-merge-patch+json';
const rounds = 3;
const warmupMs = 300;
const durationMs = 1500;

/** A container with what real manifests carry: ports, env, resources, a mount and a probe. */
function container(i: number, image: string): Record<string, unknown> {
  return {
    name: `c${i}`, image,
    ports: [{ name: `p${i}`, containerPort: 8000 + i, protocol: 'TCP' }],
    env: [{ name: 'MODE', value: 'bench' }, { name: 'INDEX', value: String(i) }],
    resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { cpu: '200m', memory: '128Mi' } },
    volumeMounts: [{ name: 'data', mountPath: `/data/${i}` }],
    readinessProbe: { httpGet: { path: '/healthz', port: 8000 + i }, periodSeconds: 5 },
  };
}

const containers = (n: number, tag: string) => Array.from({ length: n }, (_, i) => container(i, `registry.example.com/app-${i}:${tag}`));

export const pod50 = (name: string) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'bench', labels: { app: 'bench' } },
  spec: { containers: containers(50, '1.0'), volumes: [{ name: 'data', emptyDir: {} }] },
});

const deployment100 = () => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'wide', namespace: 'bench' },
  spec: {
    replicas: 1, selector: { matchLabels: { app: 'wide' } },
    template: { metadata: { labels: { app: 'wide' } }, spec: { containers: containers(100, '1.0'), volumes: [{ name: 'data', emptyDir: {} }] } },
  },
});

/** What kubectl apply sends after every image changed: the list by name, with its order. */
const imagePatch100 = () => JSON.stringify({
  spec: { template: { spec: {
    '$setElementOrder/containers': Array.from({ length: 100 }, (_, i) => ({ name: `c${i}` })),
    containers: Array.from({ length: 100 }, (_, i) => ({ name: `c${i}`, image: `registry.example.com/app-${i}:2.0` })),
  } } },
});

/** Best of `rounds` windows of calling fn as fast as possible, in ops/s. */
function opsPerSecond(fn: () => void): number {
  let bestRate = 0;
  for (let r = 0; r < rounds; r++) {
    for (const stop = performance.now() + warmupMs; performance.now() < stop;) fn();
    let n = 0;
    const start = performance.now();
    let now = start;
    while (now - start < durationMs) {
      for (let k = 0; k < 10; k++) fn();
      n += 10;
      now = performance.now();
    }
    bestRate = Math.max(bestRate, n / ((now - start) / 1000));
  }
  return bestRate;
}

const ops = (n: number) => `${Math.round(n).toLocaleString('en-US')} ops/s`;

function inProcess(): SchemaRow[] {
  const podDef = builtinResources.find((d) => d.group === '' && d.kind === 'Pod')!;
  const ctx = { user: { name: 'bench', groups: ['system:masters'] }, namespace: 'bench', dryRun: true };
  const body = JSON.stringify(pod50('p'));
  const podType = typedDescFor('v1', 'Pod');
  const podOnce = () => {
    const obj = JSON.parse(body) as KubeObject;
    const typed = typedDecode(obj as unknown as Record<string, unknown>, podType);
    if (typed.error || typed.strict.length > 0) throw new Error(`pod does not decode: ${typed.error ?? typed.strict.join(', ')}`);
    podDef.strategy.prepareForCreate?.(obj, ctx);
    const errs = podDef.strategy.validate?.(obj, ctx) ?? [];
    if (errs.length > 0) throw new Error(`pod is invalid: ${JSON.stringify(errs[0])}`);
  };
  const parse = opsPerSecond(() => JSON.parse(body));
  const pod = opsPerSecond(podOnce);

  const original = deployment100();
  const patch = imagePatch100();
  const meta = builtinPatchMetaFor('apps/v1', 'Deployment');
  const merged = applyPatch(smp, original, patch, meta) as ReturnType<typeof deployment100>;
  if (merged.spec.template.spec.containers.length !== 100 || merged.spec.template.spec.containers[99].ports === undefined) {
    throw new Error('the strategic merge did not merge the containers by name');
  }
  const strategic = opsPerSecond(() => applyPatch(smp, original, patch, meta));
  const mergePatch = opsPerSecond(() => applyPatch('application/merge-patch+json', original, patch, meta));
  return [
    { bench: 'schema: 50-container pod, typed decode + defaults + validation (in-process)', kubets: ops(pod), baseline: `JSON.parse alone ${ops(parse)}`, ratio: pod / parse },
    { bench: 'schema: strategic merge, 100 containers by name (in-process)', kubets: ops(strategic), baseline: `JSON merge patch ${ops(mergePatch)}`, ratio: strategic / mergePatch },
  ];
}

const fmt = (r: LoadResult) => `${Math.round(r.rps)} req/s (p50 ${r.p50Ms.toFixed(2)} / p99 ${r.p99Ms.toFixed(2)} ms; ${Math.round(r.serverCpuUs)} µs CPU/req)`;

async function overHttp(k: ServerProcess): Promise<SchemaRow[]> {
  const must = async (what: string, p: Promise<{ status: number; text: string }>, status: number) => {
    const r = await p;
    if (r.status !== status) throw new Error(`${what}: ${r.status} ${r.text.slice(0, 300)}`);
  };
  await must('namespace', requestJson('POST', `${k.url}/api/v1/namespaces`, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'bench' } }), 201);
  await must('deployment', requestJson('POST', `${k.url}/apis/apps/v1/namespaces/bench/deployments`, deployment100()), 201);
  const rows: SchemaRow[] = [];
  for (const c of [1, 16]) {
    const best = { create: undefined as LoadResult | undefined, patch: undefined as LoadResult | undefined };
    for (let r = 0; r < rounds; r++) {
      const create = await runLoad({
        url: `${k.url}/api/v1/namespaces/bench/pods?dryRun=All`, method: 'POST', body: JSON.stringify(pod50('p-{{n}}')),
        concurrency: c, warmupMs, durationMs, expectStatus: 201, serverPid: k.pid,
      });
      const patch = await runLoad({
        url: `${k.url}/apis/apps/v1/namespaces/bench/deployments/wide?dryRun=All`, method: 'PATCH', body: imagePatch100(),
        headers: { 'content-type': smp }, concurrency: c, warmupMs, durationMs, expectStatus: 200, serverPid: k.pid,
      });
      for (const [name, res] of [['create', create], ['patch', patch]] as const) {
        if (res.errors > 0 || res.requests === 0) throw new Error(`${name} c=${c}: ${res.errors} errors; first: ${res.firstError}`);
        if (!best[name] || res.rps > best[name]!.rps) best[name] = res;
      }
    }
    rows.push({ bench: `schema: POST 50-container pod ?dryRun=All, c=${c}`, kubets: fmt(best.create!), baseline: '-', ratio: NaN });
    rows.push({ bench: `schema: PATCH (strategic) 100 containers ?dryRun=All, c=${c}`, kubets: fmt(best.patch!), baseline: '-', ratio: NaN });
  }
  return rows;
}

/** Both halves; the HTTP half on its own kubets with a fresh data dir under root. */
export async function runSchemaBench(root: string): Promise<SchemaRow[]> {
  const rows = inProcess();
  const k = await startKubets(join(root, 'schema'));
  try {
    rows.push(...await overHttp(k));
  } finally {
    await k.stop();
  }
  return rows;
}

if (process.argv[1]?.endsWith('schema.js')) {
  const root = mkdtempSync(join(tmpdir(), 'kubets-bench-schema-'));
  runSchemaBench(root).then((rows) => {
    const lines = ['| benchmark | kubets | baseline | ratio |', '|---|---|---|---|'];
    for (const r of rows) lines.push(`| ${r.bench} | ${r.kubets} | ${r.baseline} | ${Number.isNaN(r.ratio) ? '-' : r.ratio.toFixed(2)} |`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }).finally(() => rmSync(root, { recursive: true, force: true })).catch((e) => {
    process.stderr.write(`schema bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
