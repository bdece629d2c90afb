/**
 * The resourcequota controller: keeps each ResourceQuota's status (hard, used) current. It
 * recomputes on quota changes and on a short period, since any object in the namespace can move
 * the usage (upstream also resyncs periodically, and on changes to the counted objects).
 */
import type { KubeObject } from '../apis/meta/types.js';
import { computeUsage, formatUsage } from '../apis/core/quota-usage.js';
import type { Logger } from '../endpoints/status.js';
import type { ApiClient } from './api-client.js';
import { BaseController, logged } from './controller.js';
import { runInformer } from './informer.js';

// Preferred versions of the groups whose preferred version is not v1 (count/<resource>.<group> keys).
const preferredVersion: Record<string, string> = { autoscaling: 'v2' };

const pathOf = (gr: string, ns: string) => {
  const [group, resource] = gr.split('/');
  return group ? `/apis/${group}/${preferredVersion[group] ?? 'v1'}/namespaces/${ns}/${resource}` : `/api/v1/namespaces/${ns}/${resource}`;
};

export class ResourceQuotaController extends BaseController {
  readonly name = 'resourcequota-controller';
  private readonly quotas = new Map<string, KubeObject>();

  constructor(client: ApiClient, log: Logger, private readonly resyncMs = 5_000) {
    super(client, log);
  }

  private sync(q: KubeObject) {
    return logged(this.log, 'resource quota status', async () => {
      const ns = q.metadata.namespace!;
      const hard = ((q.spec as { hard?: Record<string, string> } | undefined)?.hard) ?? {};
      const used = await computeUsage(hard, ns, async (gr, n) =>
        (await this.client.request<{ items: KubeObject[] }>('GET', pathOf(gr, n), undefined, this.abort.signal)).items);
      const status = { hard, used: Object.fromEntries(Object.entries(used).map(([k, v]) => [k, formatUsage(k, v).slice(k.length + 1)])) };
      if (JSON.stringify(q.status ?? {}) === JSON.stringify(status)) return;
      const updated = await this.client.request<KubeObject>('PUT', `/api/v1/namespaces/${ns}/resourcequotas/${q.metadata.name}/status`, { ...q, status }, this.abort.signal);
      this.quotas.set(`${ns}/${q.metadata.name}`, updated);
    });
  }

  protected run() {
    const timer = setInterval(() => { for (const q of this.quotas.values()) void this.sync(q); }, this.resyncMs);
    timer.unref();
    this.abort.signal.addEventListener('abort', () => clearInterval(timer));
    return runInformer({ client: this.client, path: '/api/v1/resourcequotas', signal: this.abort.signal, log: this.log,
      onEvent: (e) => {
        const key = `${e.object.metadata.namespace}/${e.object.metadata.name}`;
        if (e.type === 'DELETED') { this.quotas.delete(key); return; }
        this.quotas.set(key, e.object);
        if (e.type !== 'MODIFIED' || JSON.stringify((e.object.status as { hard?: unknown } | undefined)?.hard ?? {}) !== JSON.stringify((e.object.spec as { hard?: unknown } | undefined)?.hard ?? {})) return this.sync(e.object);
      } });
  }
}
