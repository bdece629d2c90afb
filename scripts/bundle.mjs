// Bundles the kubets CLI into dist/bundle/ with esbuild, so that start-up reads a handful of files
// instead of a few hundred ES modules (module loading is most of kubets's start-up time).
// Usage: node scripts/bundle.mjs [outdir]   (default dist/bundle; another outdir keeps a build for
// A/B runs of bench/startup-profile.ts. tsc still type-checks and builds dist/ for the unit tests.)
//
// Why these options:
// - splitting + esm: every `await import('./x.js')` in src stays a separate chunk loaded on first
//   use (PKI, JWT, etcd, kubeconfig, ...), as it is in tsc's output; without splitting esbuild
//   would inline those modules, and the npm packages they import would load at start-up.
// - packages: 'external': npm packages are imported from node_modules as before, by the chunk
//   that needs them (better-sqlite3 is native; jose and @peculiar/x509 stay lazy).
// - One flat output directory: each worker is its own entry point (dist/bundle/yaml-worker.js,
//   dist/bundle/etcd-rpc-worker.js) beside every chunk, so `new URL('./yaml-worker.js',
//   import.meta.url)` in body.ts (and rpc.ts's etcd-rpc-worker.js) names the worker in the bundle
//   just as it does beside the tsc output.
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entries = ['main.js', 'main.js.map', 'yaml-worker.js', 'yaml-worker.js.map', 'etcd-rpc-worker.js', 'etcd-rpc-worker.js.map'];
const manifest = '.files.json';

/** esbuild's options for a bundle in outdir (test/scripts/bundle.test.ts builds with them too). */
export function bundleOptions(outdir) {
  return {
    absWorkingDir: root,
    entryPoints: { main: 'src/cli/main.ts', 'yaml-worker': 'src/endpoints/yaml-worker.ts', 'etcd-rpc-worker': 'src/storage/etcd/etcd-rpc-worker.ts' },
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
  };
}

/** Bundles into outdir, replacing the build there without breaking servers started from it. */
async function bundle(outdir) {
  // Built beside outdir, then moved in: servers started from the previous build (a test run in
  // another terminal) must keep finding their files while this one replaces it.
  mkdirSync(dirname(outdir), { recursive: true });
  const staging = mkdtempSync(join(dirname(outdir), '.bundle-'));
  let result;
  try {
    result = await build(bundleOptions(staging));
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }

  // Chunk names are content hashes, so a name already in outdir holds the same bytes. Chunks go
  // in first and the entry files last, each by rename (atomic): a process started at any moment
  // loads one whole build.
  mkdirSync(outdir, { recursive: true });
  const built = readdirSync(staging);
  for (const f of [...built.filter((f) => !entries.includes(f)), ...built.filter((f) => entries.includes(f))]) {
    renameSync(join(staging, f), join(outdir, f));
  }
  rmSync(staging, { recursive: true, force: true });
  // Keep the previous build's chunks (a server it started may still import one lazily); drop older ones.
  const manifestPath = join(outdir, manifest);
  const previous = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : [];
  for (const f of readdirSync(outdir)) {
    if (f !== manifest && !built.includes(f) && !previous.includes(f)) rmSync(join(outdir, f), { force: true });
  }
  writeFileSync(manifestPath, JSON.stringify(built));

  const outputs = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith('.js'));
  const kb = outputs.reduce((n, [, o]) => n + o.bytes, 0) / 1024;
  process.stdout.write(`bundled ${outdir}: ${outputs.length} files, ${kb.toFixed(0)} KiB\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundle(process.argv[2] ? resolve(process.argv[2]) : `${root}dist/bundle`);
}
