/**
 * The GET baseline: a bare node:http server, in its own process like kubets, that answers every
 * request with one recorded kubets response: the same status, the same headers in the same order
 * and the same body bytes. Node adds Date, Connection and Keep-Alive itself, as it does for kubets.
 *
 * startBareServer(url) records the response at url, spawns this file as a child with it, and
 * checks that the child's answer matches byte for byte (Date aside) before returning.
 *
 * With `tls` (an https: URL on kubets's secure port), the response is recorded with the given
 * client certificate and served over TLS the way kubets's secure listener serves it
 * (src/server/secure-listener.ts: node:http2 createSecureServer, allowHTTP1, kubets's own serving
 * certificate, client certificates requested against its CA and not verified by TLS): the floor
 * for a GET on the secure port, TLS included, with no authentication or authorization.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, get, type IncomingMessage } from 'node:http';
import { createSecureServer } from 'node:http2';
import { get as httpsGet } from 'node:https';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TlsFiles } from './load.js';

/** A TLS bare server: kubets's serving certificate and client CA, and the client's PEM files. */
export interface BareTls {
  servingCertFile: string;
  servingKeyFile: string;
  /** Client certificates are requested against this CA (and the client trusts it). */
  caFile: string;
  client: TlsFiles;
}

interface Recorded {
  status: number;
  /** [name, value] pairs as they came on the wire, minus the ones Node adds by itself. */
  headers: Array<[string, string]>;
  bodyBase64: string;
  /** Optional. Serve over TLS with these files. */
  tls?: BareTls;
}

export interface BareServer {
  url: string;
  pid: number;
  bodyBytes: number;
  stop(): void;
}

/** Headers node:http writes on its own for any response; the bare server must not repeat them. */
const automatic = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

function fetchRaw(url: string, tls?: TlsFiles): Promise<{ res: IncomingMessage; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const onResponse = (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    };
    const headers = { accept: 'application/json' };
    const pem = (f: string | undefined) => (f === undefined ? undefined : readFileSync(f));
    (tls
      ? httpsGet(url, { agent: false, headers, ca: pem(tls.caFile), cert: pem(tls.certFile), key: pem(tls.keyFile) }, onResponse)
      : get(url, { agent: false, headers }, onResponse)
    ).on('error', reject);
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
export async function startBareServer(url: string, dir: string, tls?: BareTls): Promise<BareServer> {
  const original = await fetchRaw(url, tls?.client);
  if (original.res.statusCode !== 200) throw new Error(`recording ${url}: ${original.res.statusCode} ${original.body.toString('utf8').slice(0, 300)}`);
  const recorded: Recorded = { status: original.res.statusCode ?? 0, headers: pairs(original.res), bodyBase64: original.body.toString('base64'), tls };
  const file = join(dir, tls ? 'bare-tls-response.json' : 'bare-response.json');
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
  const bare: BareServer = {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}${new URL(url).pathname}`, pid: child.pid!, bodyBytes: original.body.length, stop: () => child.kill('SIGTERM'),
  };
  const copy = await fetchRaw(bare.url, tls?.client);
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
  const handler = (req: IncomingMessage, res: import('node:http').ServerResponse) => {
    req.resume();
    res.writeHead(r.status, headers);
    res.end(body);
  };
  const server = r.tls
    // The TLS options kubets gives its secure listener (src/server/secure-listener.ts).
    ? createSecureServer({
      allowHTTP1: true, cert: readFileSync(r.tls.servingCertFile), key: readFileSync(r.tls.servingKeyFile), ca: readFileSync(r.tls.caFile),
      requestCert: true, rejectUnauthorized: false, minVersion: 'TLSv1.2',
    }, handler as never)
    // The same options kubets gives its insecure listener (src/server/api-server.ts).
    : Object.assign(createServer({ keepAlive: true }, handler), { requestTimeout: 0 });
  server.listen(0, '127.0.0.1', () => {
    const addr = server.address();
    process.stdout.write(`${JSON.stringify({ port: typeof addr === 'object' && addr ? addr.port : 0 })}\n`);
  });
  process.on('SIGTERM', () => process.exit(0));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) serve(process.argv[2]);
