/**
 * The lease endpoint reconciler (upstream's `--endpoint-reconciler-type=lease`): every API server
 * keeps a short-lived record of itself under `/masterleases/<ip>` and rewrites the `kubernetes`
 * Endpoints (and EndpointSlice) in `default` to list exactly the servers whose records are live.
 *
 * Upstream gives those records an etcd TTL. Our Storage interface has no TTL (SQLite has none),
 * so a record is live while it keeps changing: each server rewrites its own every interval, and
 * a record another server has not seen change for `ttlMs` of that server's own clock is expired
 * and deleted (with its resourceVersion as precondition, so a renewal in between wins). Judging
 * by local observation, as client-go's leader election does, keeps clock skew out of it.
 *
 * The Endpoints and EndpointSlice are server-internal objects written straight to storage, not
 * through their REST strategies: user-written Endpoints may not name loopback addresses, but a
 * server bound to 127.0.0.1 (tests, a single machine) must still list itself.
 *
 *   server A ── renew /masterleases/10.0.0.1 ──┐
 *   server B ── renew /masterleases/10.0.0.2 ──┤ storage ──> each server: live IPs -> Endpoints
 */
import { randomUUID } from 'node:crypto';
import type { KubeObject } from '../apis/meta/types.js';
import type { Logger } from '../endpoints/status.js';
import type { Store } from '../registry/store.js';
import { nowTimestamp } from '../apis/meta/types.js';
import { StorageError, type Storage } from '../storage/storage.js';

export interface EndpointReconcilerOptions {
  storage: Storage;
  stores: ReadonlyMap<string, Store>;
  /** This server's advertised address and secure port. */
  ip: string;
  port: number;
  /** How often this server renews its record and rewrites the endpoints (upstream: 10 s). */
  intervalMs: number;
  /** How long a record may go unchanged before others drop it (upstream: 15 s). */
  ttlMs: number;
  log: Logger;
  /** Optional. The clock, for tests. */
  now?: () => number;
}

const leasePrefix = '/masterleases';
const endpointsLabels = { 'endpointslice.kubernetes.io/skip-mirror': 'true' };
const sliceLabels = { 'kubernetes.io/service-name': 'kubernetes', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' };

interface Observed { resourceVersion: string; seenAt: number }

export class LeaseEndpointReconciler {
  private readonly observed = new Map<string, Observed>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly o: EndpointReconcilerOptions) {
    this.now = o.now ?? Date.now;
  }

  /** Renews this server's record, drops expired ones and writes the endpoints. */
  async reconcile(): Promise<void> {
    await this.renew();
    await this.writeEndpoints(await this.liveServers());
  }

  /** Reconciles every interval until stop(); failures are logged and retried next time. */
  start(): void {
    const tick = () => {
      this.running = this.reconcile()
        .catch((e) => this.o.log.error('endpoint reconcile failed', { error: String(e) }))
        .finally(() => { if (!this.stopped) this.timer = setTimeout(tick, this.o.intervalMs).unref(); });
    };
    this.timer = setTimeout(tick, this.o.intervalMs).unref();
  }

  /** Stops renewing and takes this server out of the endpoints at once (a graceful shutdown). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    try {
      await this.o.storage.delete(this.leaseKey(this.o.ip));
    } catch (e) {
      if (!(e instanceof StorageError && e.code === 'KeyNotFound')) throw e;
    }
    const live = (await this.liveServers()).filter((s) => s.ip !== this.o.ip);
    await this.writeEndpoints(live);
  }

  private leaseKey(ip: string): string {
    return `${leasePrefix}/${ip}`;
  }

  private async renew(): Promise<void> {
    const record = (): KubeObject => ({
      apiVersion: 'v1', kind: 'Endpoints',
      // The renew time makes every renewal a real write (identical writes are skipped).
      metadata: { name: this.o.ip, annotations: { 'kubets.io/renew-time': new Date(this.now()).toISOString() } },
      subsets: [{ addresses: [{ ip: this.o.ip }], ports: [{ name: 'https', port: this.o.port, protocol: 'TCP' }] }],
    });
    await this.o.storage.guaranteedUpdate(this.leaseKey(this.o.ip), undefined, record, true);
  }

  /** The servers whose records are live, expired ones deleted on the way. */
  private async liveServers(): Promise<Array<{ ip: string; port: number }>> {
    const { items } = await this.o.storage.list(leasePrefix, {});
    const now = this.now();
    const live: Array<{ ip: string; port: number }> = [];
    const present = new Set<string>();
    for (const item of items) {
      const ip = item.metadata.name ?? '';
      const rv = item.metadata.resourceVersion ?? '';
      present.add(ip);
      const seen = this.observed.get(ip);
      if (!seen || seen.resourceVersion !== rv) this.observed.set(ip, { resourceVersion: rv, seenAt: now });
      else if (ip !== this.o.ip && now - seen.seenAt > this.o.ttlMs) {
        await this.deleteExpired(ip, rv);
        continue;
      }
      const port = Number((item.subsets as Array<{ ports?: Array<{ port?: number }> }> | undefined)?.[0]?.ports?.[0]?.port);
      live.push({ ip, port: Number.isInteger(port) ? port : this.o.port });
    }
    for (const ip of this.observed.keys()) if (!present.has(ip)) this.observed.delete(ip);
    return live;
  }

  private async deleteExpired(ip: string, resourceVersion: string): Promise<void> {
    try {
      await this.o.storage.delete(this.leaseKey(ip), { resourceVersion });
      this.observed.delete(ip);
      this.o.log.info('removed expired API server lease', { ip });
    } catch (e) {
      // Renewed meanwhile (Conflict) or removed by another server (KeyNotFound): both fine.
      if (!(e instanceof StorageError && (e.code === 'Conflict' || e.code === 'KeyNotFound'))) throw e;
    }
  }

  /** Update obj in storage when it exists (nothing when change returns null), create it when not. */
  private async upsert(store: Store, obj: KubeObject, change: (cur: KubeObject) => KubeObject | null): Promise<void> {
    const key = store.key(obj.metadata.namespace ?? '', obj.metadata.name!);
    await this.o.storage.guaranteedUpdate(key, undefined, (cur) => {
      if (cur) return change(cur) ?? cur;
      return { ...obj, metadata: { ...obj.metadata, uid: randomUUID(), creationTimestamp: nowTimestamp() } };
    }, true);
  }

  private async writeEndpoints(live: Array<{ ip: string; port: number }>): Promise<void> {
    const subsets = endpointSubsets(live);
    await this.upsert(this.o.stores.get('/endpoints')!, {
      apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'kubernetes', namespace: 'default', labels: endpointsLabels }, subsets,
    }, (cur) => (sameJson(cur.subsets ?? [], subsets) ? null : { ...cur, subsets }));
    const slices = this.o.stores.get('discovery.k8s.io/endpointslices');
    if (!slices) return;
    const slice = kubernetesSlice(live, this.o.port);
    await this.upsert(slices, slice, (cur) => (sameJson(cur.endpoints ?? [], slice.endpoints) && sameJson(cur.ports, slice.ports) ? null : { ...cur, endpoints: slice.endpoints, ports: slice.ports }));
  }
}

/** Endpoints subsets: one per port, addresses sorted, as the endpoints canonical form groups them. */
export function endpointSubsets(live: ReadonlyArray<{ ip: string; port: number }>): unknown[] {
  const byPort = new Map<number, string[]>();
  for (const s of live) byPort.set(s.port, [...(byPort.get(s.port) ?? []), s.ip]);
  return [...byPort.entries()].sort(([a], [b]) => a - b).map(([port, ips]) => ({
    addresses: ips.sort().map((ip) => ({ ip })),
    ports: [{ name: 'https', port, protocol: 'TCP' }],
  }));
}

/**
 * The IPv4 `kubernetes` EndpointSlice. A slice has one port list, so it lists the servers on
 * this server's port (all of them when, as upstream expects, every server uses the same port).
 */
function kubernetesSlice(live: ReadonlyArray<{ ip: string; port: number }>, port: number): KubeObject {
  // An IP address is IPv6 exactly when it has a colon. (node:net's isIPv6 compiles a large regex
  // on first use, 5-70 ms of this server's start-up on a busy machine.)
  const ips = live.filter((s) => s.port === port && !s.ip.includes(':')).map((s) => s.ip).sort();
  return {
    apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', namespace: 'default', labels: sliceLabels },
    addressType: 'IPv4',
    endpoints: ips.map((ip) => ({ addresses: [ip], conditions: { ready: true } })),
    ports: [{ name: 'https', port, protocol: 'TCP' }],
  };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
