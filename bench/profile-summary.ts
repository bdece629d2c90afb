/**
 * Summarizes a V8 .cpuprofile (from `node --cpu-prof`, e.g. BENCH_CPU_PROF=<dir> npm run bench)
 * as text: where the busy time goes by area, then the functions with the most self and total time.
 *
 *   node dist/bench/profile-summary.js <file.cpuprofile> [top=25] [filter] [from-ms] [to-ms]
 *
 * Total (inclusive) time counts each sample once per function on its stack, so recursion does not
 * count twice. `filter` keeps only functions whose url contains it (e.g. dist/src; '' for all).
 * from-ms/to-ms keep only the samples taken in that window of the profile (ms since it started),
 * e.g. the steady state of a load after the server's start-up.
 *
 * Each sample is weighted by the time since the previous one. On a busy machine a few samples can
 * carry tens of ms (the process was not scheduled, or the sampler was late): the summary prints
 * how much of the busy time came from samples over 5 ms, so that such a gap is not read as a
 * hot function.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

export interface Summary {
  busyMs: number;
  idleMs: number;
  /** Busy time carried by samples more than 5 ms after the previous one. */
  gapMs: number;
  areas: Array<[string, number]>;
  self: Array<[string, number]>;
  total: Array<[string, number]>;
}

/** Which part of the process a frame belongs to: kubets's own code, a dependency, Node or V8. */
function area(f: CallFrame): string {
  const u = f.url;
  if (!u) return f.functionName.startsWith('(') ? f.functionName : '(native)';
  if (u.includes('/node_modules/')) return `dep ${u.split('/node_modules/')[1].split('/')[0]}`;
  const src = u.indexOf('/dist/src/');
  if (src >= 0) return `kubets ${u.slice(src + 10).split('/')[0]}/`;
  if (u.startsWith('node:')) return `node ${u.slice(5).split('/').slice(0, 2).join('/')}`;
  return u;
}

const label = (f: CallFrame) => {
  const file = f.url.replace(/^.*\/dist\//, '').replace(/^.*\/node_modules\//, '');
  return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
};

export function summarize(p: Profile, filter = '', fromMs = 0, toMs = Infinity): Summary {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const areas = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  let gaps = 0;
  let at = 0;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    at += dt;
    if (at < fromMs || at > toMs) continue;
    const node = byId.get(p.samples[i])!;
    if (node.callFrame.functionName === '(idle)') { idle += dt; continue; }
    busy += dt;
    if (dt > 5) gaps += dt;
    add(areas, area(node.callFrame), dt);
    if (node.callFrame.url.includes(filter)) add(self, label(node.callFrame), dt);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id)!.callFrame;
      if (f.functionName === '(root)' || !f.url.includes(filter)) continue;
      const l = label(f);
      if (!seen.has(l)) { seen.add(l); add(total, l, dt); }
    }
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { busyMs: busy, idleMs: idle, gapMs: gaps, areas: sorted(areas), self: sorted(self), total: sorted(total) };
}

function print(s: Summary, top: number): string {
  const pct = (v: number) => `${((100 * v) / s.busyMs).toFixed(1).padStart(5)}%`;
  const lines = [`busy ${s.busyMs.toFixed(0)} ms (of which ${s.gapMs.toFixed(0)} ms in samples over 5 ms apart), idle ${s.idleMs.toFixed(0)} ms`, '', 'by area (self time):'];
  for (const [k, v] of s.areas.slice(0, top)) lines.push(`  ${pct(v)}  ${k}`);
  lines.push('', 'self time:');
  for (const [k, v] of s.self.slice(0, top)) lines.push(`  ${pct(v)}  ${k}`);
  lines.push('', 'total time (self + callees):');
  for (const [k, v] of s.total.slice(0, top)) lines.push(`  ${pct(v)}  ${k}`);
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, top = '25', filter = '', from = '0', to = 'Infinity'] = process.argv.slice(2);
  if (!file) {
    process.stderr.write('usage: node dist/bench/profile-summary.js <file.cpuprofile> [top] [url-filter] [from-ms] [to-ms]\n');
    process.exit(2);
  }
  process.stdout.write(print(summarize(JSON.parse(readFileSync(file, 'utf8')) as Profile, filter, Number(from), Number(to)), Number(top)));
}
