/**
 * /healthz, /livez and /readyz with upstream's output: "ok", or with ?verbose one "[+]name ok"
 * line per check and "<endpoint> check passed". Individual checks answer at /<endpoint>/<name>.
 * ?exclude=<name> skips a check, as upstream.
 */
import type { ServerResponse } from 'node:http';

export interface HealthCheck {
  name: string;
  check(): Promise<void>;
}

export async function serveHealth(res: ServerResponse, endpoint: string, sub: string, query: URLSearchParams, checks: readonly HealthCheck[]): Promise<void> {
  const text = (code: number, body: string) => {
    res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache, private' });
    res.end(body);
  };
  if (sub) {
    const c = checks.find((x) => x.name === sub);
    if (!c) return text(404, '404 page not found\n');
    try {
      await c.check();
      return text(200, 'ok');
    } catch (e) {
      return text(500, `internal server error: ${(e as Error).message}\n`);
    }
  }
  const excluded = new Set(query.getAll('exclude'));
  const lines: string[] = [];
  let failed = false;
  for (const c of checks) {
    if (excluded.has(c.name)) {
      lines.push(`[+]${c.name} excluded: ok`);
      continue;
    }
    try {
      await c.check();
      lines.push(`[+]${c.name} ok`);
    } catch {
      failed = true;
      lines.push(`[-]${c.name} failed: reason withheld`);
    }
  }
  const verbose = query.has('verbose') && query.get('verbose') !== 'false';
  if (failed) return text(500, `${lines.join('\n')}\n${endpoint} check failed\n`);
  return text(200, verbose ? `${lines.join('\n')}\n${endpoint} check passed\n` : 'ok');
}
