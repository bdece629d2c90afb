/**
 * The bundle's start-up path: what `node dist/bundle/main.js` loads before it can serve. Code that
 * only some configurations need (secure port, etcd, audit, YAML bodies) must stay in chunks loaded
 * by `await import()`, or every start pays for it. The bundle is built in memory with the options
 * of scripts/bundle.mjs, and the files main.js imports statically (transitively) are checked.
 */
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';

const repoRoot = resolve(new URL('../../..', import.meta.url).pathname);

interface MetaOutput { imports: Array<{ path: string; kind: string; external?: boolean }>; inputs: Record<string, { bytesInOutput: number }> }
interface Metafile { outputs: Record<string, MetaOutput> }

async function buildMetafile(): Promise<Metafile> {
  const script = pathToFileURL(join(repoRoot, 'scripts/bundle.mjs')).href;
  const { bundleOptions } = await import(script) as { bundleOptions: (outdir: string) => object };
  const { build } = await import('esbuild');
  const r = await build({ ...bundleOptions(join(repoRoot, 'dist/.bundle-test')), write: false, logLevel: 'silent' });
  return r.metafile as Metafile;
}

/** Source files and packages main.js loads before its code runs: static imports, followed through chunks. */
function startupPath(meta: Metafile) {
  const main = Object.keys(meta.outputs).find((k) => k.endsWith('/main.js'))!;
  const files = new Set<string>();
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (out: string) => {
    if (seen.has(out)) return;
    seen.add(out);
    // A file whose code is elsewhere (only its types were imported here) is listed with 0 bytes.
    for (const [input, { bytesInOutput }] of Object.entries(meta.outputs[out].inputs)) if (bytesInOutput > 0) files.add(input);
    for (const imp of meta.outputs[out].imports) {
      if (imp.kind !== 'import-statement') continue;
      if (imp.external) packages.add(imp.path);
      else visit(imp.path);
    }
  };
  visit(main);
  const all = new Set(Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs)));
  return { files, packages, all };
}

describe('bundle start-up path', { timeout: 60_000 }, () => {
  let path: ReturnType<typeof startupPath>;

  it('builds, and loads the SQLite storage at start', async () => {
    path = startupPath(await buildMetafile());
    assert.ok(path.files.has('src/storage/sqlite/sqlite-storage.ts'));
    assert.ok(path.files.has('src/server/api-server.ts'));
    assert.ok(path.packages.has('better-sqlite3'));
  });

  it('keeps what only some configurations need in lazily loaded chunks', () => {
    const lazy = [
      'src/server/pki.ts', 'src/server/auth-setup.ts', 'src/server/secure-listener.ts', 'src/server/kubeconfig.ts',
      'src/storage/etcd/etcd-storage.ts', 'src/filters/audit.ts', 'src/endpoints/yaml-worker.ts',
    ];
    for (const f of lazy) {
      assert.ok(path.all.has(f), `${f} is not in the bundle at all (renamed? update this list)`);
      assert.ok(!path.files.has(f), `${f} is imported statically from main.js: load it with await import() where it is needed`);
    }
  });

  it('imports large packages only where they are needed', () => {
    for (const p of ['jose', '@peculiar/x509', '@grpc/grpc-js', 'protobufjs/light.js', 'yaml', 'prom-client', 'node:http2', 'node:https']) {
      assert.ok(!path.packages.has(p), `${p} is imported statically on the start-up path`);
    }
  });

  it('does not compile the schema type tables at start', () => {
    // src/schema/tables.ts compiles every built-in type (~480) when it is imported; start-up has
    // no use for them, so whoever needs them loads them on first use.
    for (const f of path.files) assert.ok(!f.startsWith('src/schema/tables'), `${f} is on the start-up path`);
  });
});
