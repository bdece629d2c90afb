/**
 * A small JSON client of the Kubernetes API for in-process controllers: they speak HTTP(S) to the
 * server like any other client and never reach into its internals. On the secure port it presents
 * a client certificate.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import type { KubeObject } from '../apis/meta/types.js';

export class ApiClientError extends Error {
  constructor(readonly code: number, readonly status: { reason?: string; message?: string } | null) {
    super(status?.message ?? `HTTP ${code}`);
  }
}

export interface WatchLine {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: KubeObject & { code?: number };
}

export interface ClientTls { ca: string; cert: string; key: string }

interface Transport { request: typeof httpRequest; agent: HttpAgent }

export class ApiClient {
  /** node:https (and node:tls under it) is imported only by clients of the secure port. */
  private readonly transport: Promise<Transport>;

  constructor(readonly baseUrl: string, tls?: ClientTls) {
    this.transport = baseUrl.startsWith('https:')
      ? import('node:https').then((https) => ({ request: https.request, agent: new https.Agent({ keepAlive: true, ...tls }) }))
      : Promise.resolve({ request: httpRequest, agent: new HttpAgent({ keepAlive: true }) });
  }

  private async send(method: string, path: string, headers: Record<string, string>, body: string | undefined, signal?: AbortSignal): Promise<IncomingMessage> {
    const { request, agent } = await this.transport;
    return new Promise((resolve, reject) => {
      const req = request(this.baseUrl + path, { method, headers, agent, signal }, resolve);
      req.on('error', reject);
      req.end(body);
    });
  }

  async request<T = KubeObject>(method: string, path: string, body?: unknown, signal?: AbortSignal, accept = 'application/json'): Promise<T> {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const res = await this.send(method, path, { Accept: accept, ...(text !== undefined ? { 'Content-Type': 'application/json' } : {}) }, text, signal);
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    let parsed: unknown = null;
    try { parsed = raw ? JSON.parse(raw) : null; } catch { /* not JSON: keep null */ }
    if ((res.statusCode ?? 500) >= 300) throw new ApiClientError(res.statusCode ?? 500, parsed as { message?: string } | null);
    return parsed as T;
  }

  /** Streams watch events until the server ends the watch or signal aborts. */
  async *watch(path: string, signal: AbortSignal): AsyncGenerator<WatchLine> {
    const res = await this.send('GET', path, { Accept: 'application/json' }, undefined, signal);
    if ((res.statusCode ?? 500) >= 300) {
      res.resume();
      throw new ApiClientError(res.statusCode ?? 500, null);
    }
    let buffered = '';
    res.setEncoding('utf8');
    for await (const chunk of res) {
      buffered += chunk as string;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line.trim()) yield JSON.parse(line) as WatchLine;
      }
    }
  }

  close(): void {
    void this.transport.then((t) => t.agent.destroy());
  }
}
