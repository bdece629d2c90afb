/**
 * A small JSON client of the Kubernetes API for in-process controllers: they speak HTTP to the
 * server like any other client and never reach into its internals.
 */
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

export class ApiClient {
  constructor(private readonly baseUrl: string, private readonly headers: Record<string, string> = {}) {}

  async request<T = KubeObject>(method: string, path: string, body?: unknown, signal?: AbortSignal, accept = 'application/json'): Promise<T> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: { Accept: accept, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...this.headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : null;
    if (!res.ok) throw new ApiClientError(res.status, parsed);
    return parsed as T;
  }

  /** Streams watch events until the server ends the watch or signal aborts. */
  async *watch(path: string, signal: AbortSignal): AsyncGenerator<WatchLine> {
    const res = await fetch(this.baseUrl + path, { headers: { Accept: 'application/json', ...this.headers }, signal });
    if (!res.ok || !res.body) throw new ApiClientError(res.status, await res.json().catch(() => null));
    const decoder = new TextDecoder();
    let buffered = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (line.trim()) yield JSON.parse(line) as WatchLine;
      }
    }
  }
}
