/**
 * Prometheus metrics with upstream's names: apiserver_request_total,
 * apiserver_request_duration_seconds, apiserver_storage_objects (counted at scrape time, so
 * nothing is paid per request beyond one counter and one histogram observation).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RequestInfo } from '../filters/request-info.js';

export class ApiMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<string>;
  private readonly durations: Histogram<string>;

  constructor(countObjects: () => Promise<Array<[resource: string, count: number]>>) {
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Counter({
      name: 'apiserver_request_total',
      help: 'Counter of apiserver requests broken out for each verb, dry run value, group, version, resource, scope, component, and HTTP response code.',
      labelNames: ['verb', 'dry_run', 'group', 'version', 'resource', 'subresource', 'scope', 'component', 'code'],
      registers: [this.registry],
    });
    this.durations = new Histogram({
      name: 'apiserver_request_duration_seconds',
      help: 'Response latency distribution in seconds for each verb, dry run value, group, version, resource, subresource, scope and component.',
      labelNames: ['verb', 'dry_run', 'group', 'version', 'resource', 'subresource', 'scope', 'component'],
      buckets: [0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0, 1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60],
      registers: [this.registry],
    });
    new Gauge({
      name: 'apiserver_storage_objects',
      help: 'Number of stored objects at the time of last check split by kind.',
      labelNames: ['resource'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const [resource, count] of await countObjects()) this.set({ resource }, count);
      },
    });
  }

  observe(info: RequestInfo, code: number, seconds: number, dryRun: boolean): void {
    const verb = info.isResourceRequest ? (info.verb === 'watch' ? 'WATCH' : info.verb.toUpperCase()) : info.verb.toUpperCase();
    const scope = !info.isResourceRequest ? '' : info.name ? 'resource' : info.namespace ? 'namespace' : 'cluster';
    const labels = {
      verb: verb === 'DELETECOLLECTION' ? 'DELETE' : verb === 'UPDATE' ? 'PUT' : verb === 'CREATE' ? 'POST' : verb,
      dry_run: dryRun ? 'All' : '', group: info.apiGroup, version: info.apiVersion, resource: info.resource,
      subresource: info.subresource, scope, component: 'apiserver',
    };
    this.requests.inc({ ...labels, code: String(code) });
    this.durations.observe(labels, seconds);
  }
}
