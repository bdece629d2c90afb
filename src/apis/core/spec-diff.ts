/**
 * A readable listing of how two JSON values differ, appended to "is immutable" errors where
 * upstream appends a go-cmp diff (pod spec, PV source, PVC spec). The format is ours: one
 * `- path: old` / `+ path: new` pair per differing leaf, under semantic equality.
 */
import { semanticEqual } from '../../registry/before.js';
import { isObj } from './json-shapes.js';

function walk(a: unknown, b: unknown, path: string, out: string[]): void {
  if (semanticEqual(a, b)) return;
  if (isObj(a) && isObj(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], `${path}.${k}`, out);
  } else if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    a.forEach((v, i) => walk(v, b[i], `${path}[${i}]`, out));
  } else {
    out.push(`- ${path}: ${JSON.stringify(a ?? null)}`, `+ ${path}: ${JSON.stringify(b ?? null)}`);
  }
}

/** The lines describing old -> new, rooted at `path` (e.g. 'spec'). */
export function specDiff(old: unknown, next: unknown, path: string): string {
  const out: string[] = [];
  walk(old, next, path, out);
  return out.join('\n');
}
