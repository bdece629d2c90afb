/**
 * The namespace controller: when a namespace is marked for deletion it deletes everything in it,
 * waits until the namespace is empty, then removes the `kubernetes` finalizer through
 * /finalize, which lets the server remove the namespace (upstream's namespaced-resources
 * deleter). Pods left waiting for a kubelet on a node that does not exist are force-deleted, as
 * upstream's pod garbage collector would.
 */
import type { KubeObject } from '../apis/meta/types.js';
import type { Logger } from '../endpoints/status.js';
import { type ApiClient, ApiClientError } from './api-client.js';
import { runInformer } from './informer.js';

interface NamespacedResource { path: string; resource: string; canDeleteCollection: boolean }

interface DiscoveryResource { resource: string; scope: string; verbs: string[] }
interface DiscoveryList { items: Array<{ metadata: { name: string }; versions: Array<{ version: string; resources: DiscoveryResource[] }> }> }

const aggregatedAccept = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

export class NamespaceController {
  readonly name = 'namespace-controller';
  private readonly abort = new AbortController();
  private readonly pending = new Set<string>();
  private running: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(private readonly client: ApiClient, private readonly log: Logger, private readonly retryMs = 1000) {}

  start(): void {
    this.running = Promise.all([this.watchLoop(), this.workLoop()]).then(() => {});
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.wake?.();
    await this.running?.catch(() => {});
    this.client.close();
  }

  private enqueue(name: string) {
    this.pending.add(name);
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, ms);
      this.abort.signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
    });
  }

  private watchLoop(): Promise<void> {
    return runInformer({
      client: this.client, path: '/api/v1/namespaces', signal: this.abort.signal, log: this.log, retryMs: this.retryMs,
      onEvent: (e) => { if (e.type !== 'DELETED' && e.object.metadata.deletionTimestamp) this.enqueue(e.object.metadata.name!); },
    });
  }

  private async workLoop(): Promise<void> {
    while (!this.abort.signal.aborted) {
      if (this.pending.size === 0) {
        await new Promise<void>((resolve) => { this.wake = resolve; });
        this.wake = undefined;
        continue;
      }
      const names = [...this.pending];
      this.pending.clear();
      let retry = false;
      for (const name of names) {
        try {
          if (!(await this.sync(name))) { retry = true; this.pending.add(name); }
        } catch (e) {
          if (this.abort.signal.aborted) return;
          this.log.debug('namespace controller: sync failed', { namespace: name, error: String(e) });
          retry = true;
          this.pending.add(name);
        }
      }
      if (retry) await this.sleep(this.retryMs);
    }
  }

  private async namespacedResources(): Promise<NamespacedResource[]> {
    const out: NamespacedResource[] = [];
    for (const [root, prefix] of [['/api', '/api/'], ['/apis', '/apis/']] as const) {
      const list = await this.client.request<DiscoveryList>('GET', root, undefined, this.abort.signal, aggregatedAccept);
      for (const g of list.items ?? []) {
        const v = g.versions[0];
        for (const r of v.resources) {
          if (r.scope !== 'Namespaced' || !r.verbs.includes('list') || !r.verbs.includes('delete')) continue;
          const gv = g.metadata.name ? `${g.metadata.name}/${v.version}` : v.version;
          out.push({ path: `${prefix}${gv}`, resource: r.resource, canDeleteCollection: r.verbs.includes('deletecollection') });
        }
      }
    }
    return out;
  }

  /** One pass over a namespace. true when done (or nothing to do), false to retry later. */
  private async sync(name: string): Promise<boolean> {
    let ns: KubeObject;
    try {
      ns = await this.client.request('GET', `/api/v1/namespaces/${name}`, undefined, this.abort.signal);
    } catch (e) {
      if (e instanceof ApiClientError && e.code === 404) return true;
      throw e;
    }
    if (!ns.metadata.deletionTimestamp) return true;
    const finalizers = ((ns.spec as { finalizers?: string[] } | undefined)?.finalizers) ?? [];
    if (!finalizers.includes('kubernetes')) return true;

    let remaining = 0;
    const resources = await this.namespacedResources();
    for (const r of resources) {
      const base = `${r.path}/namespaces/${name}/${r.resource}`;
      if (r.canDeleteCollection) await this.client.request('DELETE', base, undefined, this.abort.signal).catch(ignoreGone);
      const left = await this.client.request<{ items: KubeObject[] }>('GET', base, undefined, this.abort.signal);
      for (const item of left.items) {
        if (!r.canDeleteCollection && !item.metadata.deletionTimestamp) {
          await this.client.request('DELETE', `${base}/${item.metadata.name}`, undefined, this.abort.signal).catch(ignoreGone);
        } else if (r.path === '/api/v1' && r.resource === 'pods' && await this.nodeIsGone(item)) {
          await this.client.request('DELETE', `${base}/${item.metadata.name}?gracePeriodSeconds=0`, undefined, this.abort.signal).catch(ignoreGone);
        }
      }
      remaining += left.items.length;
    }
    if (remaining > 0) return false;
    await this.client.request('PUT', `/api/v1/namespaces/${name}/finalize`, {
      apiVersion: 'v1', kind: 'Namespace',
      metadata: { name, resourceVersion: ns.metadata.resourceVersion },
      spec: { finalizers: finalizers.filter((f) => f !== 'kubernetes') },
    }, this.abort.signal);
    this.log.info('namespace finalized', { namespace: name });
    return true;
  }

  private async nodeIsGone(pod: KubeObject): Promise<boolean> {
    const node = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
    if (!node) return false;
    try {
      await this.client.request('GET', `/api/v1/nodes/${node}`, undefined, this.abort.signal);
      return false;
    } catch (e) {
      return e instanceof ApiClientError && e.code === 404;
    }
  }
}

function ignoreGone(e: unknown): void {
  if (e instanceof ApiClientError && (e.code === 404 || e.code === 405)) return;
  throw e;
}
