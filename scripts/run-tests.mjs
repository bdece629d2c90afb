// Node 20's test runner takes file paths, not globs: find the compiled tests and pass them.
// Usage: node scripts/run-tests.mjs [path-substring ...] (filters which test files run).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function findTests(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findTests(p));
    else if (name.endsWith('.test.js')) out.push(p);
  }
  return out;
}

const filters = process.argv.slice(2);
const files = findTests('dist/test').filter((f) => filters.length === 0 || filters.some((s) => f.includes(s))).sort();
if (files.length === 0) {
  console.error('no test files found under dist/test (did tsc run?)');
  process.exit(1);
}
// E2E tests start the bundle (dist/bundle/main.js, what `npm start` runs): rebuild it from src
// first (about a second), so that it never lags behind the tsc output the other tests use.
if (files.some((f) => f.includes('/e2e/'))) {
  const b = spawnSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const r = spawnSync(process.execPath, ['--test', '--test-timeout=300000', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
