// Bundles the kubets CLI into dist/bundle/ with esbuild, so that start-up reads a handful of files
// instead of a few hundred ES modules (module loading is most of kubets's start-up time).
// Usage: node scripts/bundle.mjs   (tsc still type-checks and builds dist/ for the unit tests.)
//
// Why these options:
// - splitting + esm: every `await import('./x.js')` in src stays a separate chunk loaded on first
//   use (PKI, JWT, etcd, kubeconfig, ...), as it is in tsc's output; without splitting esbuild
//   would inline those modules, and the npm packages they import would load at start-up.
// - packages: 'external': npm packages are imported from node_modules as before, by the chunk
//   that needs them (better-sqlite3 is native; jose and @peculiar/x509 stay lazy).
// - One flat output directory: the yaml worker is its own entry point, dist/bundle/yaml-worker.js,
//   beside every chunk, so body.ts's `new URL('./yaml-worker.js', import.meta.url)` names the
//   worker in the bundle just as it does beside dist/src/endpoints/body.js.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;

// Chunks carry content hashes: clear old ones so the directory holds only this build.
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts', 'yaml-worker': 'src/endpoints/yaml-worker.ts' },
  outdir,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  // Stack traces in logs and Status bodies keep the source's function and class names.
  keepNames: true,
  logLevel: 'warning',
  metafile: true,
});
const outputs = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.js'));
const kb = outputs.reduce((n, [, o]) => n + o.bytes, 0) / 1024;
process.stdout.write(`bundled dist/bundle: ${outputs.length} files, ${kb.toFixed(0)} KiB\n`);
