/**
 * Start-to-/readyz of kubets builds side by side, on fresh data dirs:
 *
 *   node dist/bench/startup-profile.js [runs=9] [label=path/to/main.js[@reused] ...]
 *
 * (`@reused`: that variant keeps one data dir for all its starts, to compare with a fresh one.)
 * Default variants: `bundle` (dist/bundle/main.js, what `npm start` runs) and `tsc`
 * (dist/src/cli/main.js), plus `bare` (node -e with a node:http server) as the floor. The machine
 * is shared, so absolute times drift with other work: the variants run in turns (one start of
 * each per round) and the report gives medians and each variant's ratio to the first one, which
 * drift much less. Each start is also split in two from the server's "started" log line:
 * `load` (process start until every static import is evaluated) and `start` (storage, bootstrap
 * objects, listeners), and the CPU time the server had used when it was ready (`cpu`: less
 * disturbed by other work than wall time). Set STARTUP_CPU_PROF=<dir> to also write one `--cpu-prof` profile per
 * variant there (summarize with dist/bench/profile-summary.js).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleMainJs, type ServerProcess, startBareNode, startKubets, tscMainJs } from './kubets-process.js';

interface Sample { readyMs: number; loadMs?: number; startMs?: number; cpuMs?: number }

/** loadMs, ms and cpuMs from `kubets apiserver started ... loadMs=N ms=M cpuMs=C`. */
export function parseStartedLine(log: string): { loadMs?: number; startMs?: number; cpuMs?: number } {
  const line = log.split('\n').find((l) => l.includes('"kubets apiserver started"'));
  if (!line) return {};
  const num = (k: string) => { const m = new RegExp(` ${k}=(\\d+)`).exec(line); return m ? Number(m[1]) : undefined; };
  return { loadMs: num('loadMs'), startMs: num('ms'), cpuMs: num('cpuMs') };
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** Data dirs kept between starts, for variants given as `label=main.js@reused`. */
const reusedDirs = new Map<string, string>();

async function startOnce(variant: string | null, cpuProfDir?: string): Promise<Sample> {
  if (variant === null) {
    const b = await startBareNode();
    await b.stop();
    return { readyMs: b.readyMs };
  }
  const reused = variant.endsWith('@reused');
  const mainJs = reused ? variant.slice(0, -'@reused'.length) : variant;
  let dataDir = reused ? reusedDirs.get(variant) : undefined;
  if (!dataDir) {
    dataDir = mkdtempSync(join(tmpdir(), 'kubets-startup-'));
    if (reused) reusedDirs.set(variant, dataDir);
  }
  let k: ServerProcess | undefined;
  try {
    k = await startKubets(dataDir, { mainJs, cpuProfDir });
    const code = await k.stop();
    if (code !== 0) throw new Error(`${mainJs} exited with ${code}:\n${k.logTail()}`);
    return { readyMs: k.readyMs, ...parseStartedLine(k.logTail()) };
  } finally {
    if (!reused) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const args = process.argv.slice(2);
  const runs = args[0] && /^\d+$/.test(args[0]) ? Number(args.shift()) : 9;
  const variants: Array<[string, string | null]> = args.length > 0
    ? args.map((a) => { const i = a.indexOf('='); return [a.slice(0, i), a.slice(i + 1)] as [string, string]; })
    : [['bundle', bundleMainJs], ['tsc', tscMainJs]];
  variants.push(['bare', null]);

  // One discarded start each: the page cache then holds Node, dist/ and node_modules for all.
  for (const [, m] of variants) await startOnce(m);
  const samples = new Map<string, Sample[]>(variants.map(([l]) => [l, []]));
  for (let r = 0; r < runs; r++) {
    for (const [label, m] of variants) samples.get(label)!.push(await startOnce(m));
  }

  const first = median(samples.get(variants[0][0])!.map((s) => s.readyMs));
  const lines = [`start to /readyz 200, fresh data dir, ${runs} runs each in turns (ms)`];
  for (const [label] of variants) {
    const ss = samples.get(label)!;
    const ready = ss.map((s) => s.readyMs);
    const parts = [`${label.padEnd(8)} median ${median(ready).toFixed(0).padStart(4)} (min ${Math.min(...ready).toFixed(0)}, max ${Math.max(...ready).toFixed(0)})`,
      `x${(median(ready) / first).toFixed(2)} of ${variants[0][0]}`];
    const load = ss.flatMap((s) => (s.loadMs === undefined ? [] : [s.loadMs]));
    const start = ss.flatMap((s) => (s.startMs === undefined ? [] : [s.startMs]));
    if (load.length > 0) parts.push(`load median ${median(load)}`, `start median ${median(start)}`);
    const cpu = ss.flatMap((s) => (s.cpuMs === undefined ? [] : [s.cpuMs]));
    if (cpu.length > 0) parts.push(`cpu median ${median(cpu)}`);
    lines.push(parts.join('  '));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  for (const dir of reusedDirs.values()) rmSync(dir, { recursive: true, force: true });

  const profDir = process.env.STARTUP_CPU_PROF;
  if (profDir) {
    for (const [label, m] of variants) {
      if (m === null) continue;
      await startOnce(m, join(profDir, label));
      process.stdout.write(`cpu profile of ${label}: ${join(profDir, label)}\n`);
    }
  }
}

main().catch((e) => { process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`); process.exit(1); });
