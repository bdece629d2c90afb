/**
 * Prometheus metrics with upstream's names: apiserver_request_total,
 * apiserver_request_duration_seconds, apiserver_storage_objects (counted at scrape time, so
 * nothing is paid per request beyond one counter and one histogram observation).
 * prom-client (with the OpenTelemetry API it pulls in) costs ~30 ms of CPU to import, so it is
 * loaded only once start-up is over (load()) or by the first scrape; requests observed before it
 * is ready are kept (up to 10,000) and recorded once it is.
 */
import type { Counter, Histogram, Registry } from 'prom-client';
import type { RequestInfo } from '../filters/request-info.js';

type Observation = [labels: Record<string, string>, code: number, seconds: number];

/** A label set's counter and histogram children, bound once (prom-client hashes labels per call). */
interface Bound { counter: ReturnType<Counter<string>['labels']>; histogram: ReturnType<Histogram<string>['labels']> }

/** Label sets bound at most; past it (a client inventing resources), each request hashes again. */
const maxBound = 10_000;

export class ApiMetrics {
  private registry?: Registry;
  private requests?: Counter<string>;
  private durations?: Histogram<string>;
  private pending: Observation[] | null = [];
  private readonly bound = new Map<string, Bound>();
  private ready?: Promise<void>;

  constructor(private readonly countObjects: () => Promise<Array<[resource: string, count: number]>>) {}

  /** Imports prom-client and registers the metrics; the first call does it, later ones share it. */
  load(): Promise<void> {
    const countObjects = this.countObjects;
    return this.ready ??= import('prom-client').then((p) => {
      const registry = new p.Registry();
      p.collectDefaultMetrics({ register: registry });
      this.requests = new p.Counter({
        name: 'apiserver_request_total',
        help: 'Counter of apiserver requests broken out for each verb, dry run value, group, version, resource, scope, component, and HTTP response code.',
        labelNames: ['verb', 'dry_run', 'group', 'version', 'resource', 'subresource', 'scope', 'component', 'code'],
        registers: [registry],
      });
      this.durations = new p.Histogram({
        name: 'apiserver_request_duration_seconds',
        help: 'Response latency distribution in seconds for each verb, dry run value, group, version, resource, subresource, scope and component.',
        labelNames: ['verb', 'dry_run', 'group', 'version', 'resource', 'subresource', 'scope', 'component'],
        buckets: [0.005, 0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0, 1.25, 1.5, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 45, 60],
        registers: [registry],
      });
      new p.Gauge({
        name: 'apiserver_storage_objects',
        help: 'Number of stored objects at the time of last check split by kind.',
        labelNames: ['resource'],
        registers: [registry],
        async collect() {
          this.reset();
          for (const [resource, count] of await countObjects()) this.set({ resource }, count);
        },
      });
      this.registry = registry;
      for (const [labels, code, seconds] of this.pending ?? []) this.record(labels, code, seconds);
      this.pending = null;
    });
  }

  /** The exposition text and its content type. */
  async scrape(): Promise<{ text: string; contentType: string }> {
    await this.load();
    return { text: await this.registry!.metrics(), contentType: this.registry!.contentType };
  }

  observe(info: RequestInfo, code: number, seconds: number, dryRun: boolean): void {
    const verb = info.isResourceRequest ? (info.verb === 'watch' ? 'WATCH' : info.verb.toUpperCase()) : info.verb.toUpperCase();
    const scope = !info.isResourceRequest ? '' : info.name ? 'resource' : info.namespace ? 'namespace' : 'cluster';
    const labels = {
      verb: verb === 'DELETECOLLECTION' ? 'DELETE' : verb === 'UPDATE' ? 'PUT' : verb === 'CREATE' ? 'POST' : verb,
      dry_run: dryRun ? 'All' : '', group: info.apiGroup, version: info.apiVersion, resource: info.resource,
      subresource: info.subresource, scope, component: 'apiserver',
    };
    if (this.pending) {
      if (this.pending.length < 10_000) this.pending.push([labels, code, seconds]);
      return;
    }
    this.record(labels, code, seconds);
  }

  private record(labels: Record<string, string>, code: number, seconds: number): void {
    const key = `${labels.verb}|${labels.dry_run}|${labels.group}|${labels.version}|${labels.resource}|${labels.subresource}|${labels.scope}|${code}`;
    let b = this.bound.get(key);
    if (!b) {
      b = { counter: this.requests!.labels({ ...labels, code: String(code) }), histogram: this.durations!.labels(labels) };
      if (this.bound.size < maxBound) this.bound.set(key, b);
    }
    b.counter.inc();
    b.histogram.observe(seconds);
  }
}
