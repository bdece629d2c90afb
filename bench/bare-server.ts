/**
 * The GET baseline: a bare node:http server, in its own process like kubets, that answers every
 * request with one recorded kubets response: the same status, the same headers in the same order
 * and the same body bytes. Node adds Date, Connection and Keep-Alive itself, as it does for kubets.
 *
 * startBareServer(url) records the response at url, spawns this file as a child with it, and
 * checks that the child's answer matches byte for byte (Date aside) before returning.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, get, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Recorded {
  status: number;
  /** [name, value] pairs as they came on the wire, minus the ones Node adds by itself. */
  headers: Array<[string, string]>;
  bodyBase64: string;
}

export interface BareServer {
  url: string;
  pid: number;
  bodyBytes: number;
  stop(): void;
}

/** Headers node:http writes on its own for any response; the bare server must not repeat them. */
const automatic = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

function fetchRaw(url: string): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { agent: false, headers: { accept: 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

function pairs(res: IncomingMessage): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i < res.rawHeaders.length; i += 2) {
    if (!automatic.has(res.rawHeaders[i].toLowerCase())) out.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
  }
  return out;
}

/** Every header as sent, in order, except Date (which changes each second). */
function withoutDate(res: IncomingMessage): string[] {
  const out: string[] = [];
  for (let i = 0; i < res.rawHeaders.length; i += 2) {
    if (res.rawHeaders[i].toLowerCase() !== 'date') out.push(res.rawHeaders[i], res.rawHeaders[i + 1]);
  }
  return out;
}

/** Records url's response into dir, serves it from a child process, and verifies the copy. */
export async function startBareServer(url: string, dir: string): Promise<BareServer> {
  const original = await fetchRaw(url);
  const recorded: Recorded = { status: original.res.statusCode ?? 0, headers: pairs(original.res), bodyBase64: original.body.toString('base64') };
  const file = join(dir, 'bare-response.json');
  writeFileSync(file, JSON.stringify(recorded));
  const child: ChildProcess = spawn(process.execPath, [fileURLToPath(import.meta.url), file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.on('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  const bare: BareServer = { url: `http://127.0.0.1:${port}${new URL(url).pathname}`, pid: child.pid!, bodyBytes: original.body.length, stop: () => child.kill('SIGTERM') };
  const copy = await fetchRaw(bare.url);
  const same = copy.res.statusCode === original.res.statusCode && copy.body.equals(original.body) &&
    JSON.stringify(withoutDate(copy.res)) === JSON.stringify(withoutDate(original.res));
  if (!same) {
    bare.stop();
    throw new Error(`bare server response differs:\n${JSON.stringify(original.res.rawHeaders)}\n${JSON.stringify(copy.res.rawHeaders)}`);
  }
  return bare;
}

function serve(file: string): void {
  const r = JSON.parse(readFileSync(file, 'utf8')) as Recorded;
  const body = Buffer.from(r.bodyBase64, 'base64');
  const headers = r.headers.flat();
  // The same options kubets gives its insecure listener (src/server/api-server.ts).
  const server = createServer({ keepAlive: true }, (req, res) => {
    req.resume();
    res.writeHead(r.status, headers);
    res.end(body);
  });
  server.requestTimeout = 0;
  server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    process.stdout.write(`${JSON.stringify({ port: typeof addr === 'object' && addr ? addr.port : 0 })}\n`);
  });
  process.on('SIGTERM', () => process.exit(0));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) serve(process.argv[2]);
