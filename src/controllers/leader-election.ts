/**
 * Leader election over a coordination.k8s.io/v1 Lease, as client-go's leaderelection package does
 * it, so that the in-process controllers run on one API server at a time:
 *
 *   candidate --acquired--> leader --renew fails for renewDeadline--> candidate
 *       ^  retry every retryPeriod (jittered)     |  renew every retryPeriod
 *       +-----------------------------------------+
 *
 * Another holder's lease counts as expired when its record has not changed for
 * leaseDurationSeconds of *our* clock since we first saw it (never by comparing its timestamps
 * with our clock), so clock skew between servers does not matter. Writes are optimistic (the
 * Lease's resourceVersion), so two candidates can never both win the same round.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { KubeObject } from '../apis/meta/types.js';
import type { Logger } from '../endpoints/status.js';
import { type ApiClient, ApiClientError } from './api-client.js';

export interface LeaderElectionConfig {
  namespace: string;
  name: string;
  leaseDurationMs: number;
  renewDeadlineMs: number;
  retryPeriodMs: number;
}

export interface LeaderCallbacks {
  /** Called when this candidate becomes leader; starts the work. */
  onStartedLeading(): void;
  /** Called when leadership is lost or given up; must stop the work before resolving. */
  onStoppedLeading(): Promise<void>;
}

interface LeaseSpec {
  holderIdentity?: string;
  leaseDurationSeconds?: number;
  acquireTime?: string;
  renewTime?: string;
  leaseTransitions?: number;
}

/** client-go's identity: the host name plus a unique suffix per process. */
export function newIdentity(): string {
  return `${hostname()}_${randomUUID()}`;
}

/** metav1.MicroTime's JSON form: RFC 3339 with microseconds. */
function microTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '000Z');
}

export class LeaderElector {
  readonly identity: string;
  private observedRaw = '';
  private observedAt = 0;
  private leading = false;
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;

  constructor(
    private readonly client: ApiClient,
    private readonly config: LeaderElectionConfig,
    private readonly callbacks: LeaderCallbacks,
    private readonly log: Logger,
    identity = newIdentity(),
    private readonly now: () => number = Date.now,
  ) {
    this.identity = identity;
  }

  get isLeader(): boolean {
    return this.leading;
  }

  start(): void {
    this.running = this.loop().catch((e) => this.log.error('leader election stopped', { error: String(e) }));
  }

  /** Stops the work if leading, then gives the lease up so another server takes over at once. */
  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
    if (this.leading) {
      this.leading = false;
      await this.callbacks.onStoppedLeading();
      await this.release().catch((e) => this.log.debug('releasing the lease failed', { error: String(e) }));
    }
  }

  private get path(): string {
    return `/apis/coordination.k8s.io/v1/namespaces/${this.config.namespace}/leases`;
  }

  private async loop(): Promise<void> {
    const signal = this.abort.signal;
    while (!signal.aborted) {
      // Candidate: try until acquired, with client-go's jitter (factor 1.2) between attempts.
      if (!(await this.attempt())) {
        await sleep(this.config.retryPeriodMs * (1 + 1.2 * Math.random()), signal);
        continue;
      }
      this.leading = true;
      this.log.info('became leader', { lease: `${this.config.namespace}/${this.config.name}`, identity: this.identity });
      this.callbacks.onStartedLeading();
      await this.renewWhileLeading(signal);
      if (signal.aborted) return; // stop() stops the work and releases
      this.leading = false;
      this.log.error('lost leadership: stopping controllers', { lease: `${this.config.namespace}/${this.config.name}` });
      await this.callbacks.onStoppedLeading();
    }
  }

  /** Renews every retryPeriod; returns when a renewal did not succeed within renewDeadline. */
  private async renewWhileLeading(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      await sleep(this.config.retryPeriodMs, signal);
      if (signal.aborted) return;
      const deadline = this.now() + this.config.renewDeadlineMs;
      let renewed = false;
      while (!renewed && !signal.aborted && this.now() < deadline) {
        renewed = await this.attempt(deadline - this.now());
        if (!renewed) await sleep(Math.min(this.config.retryPeriodMs, Math.max(0, deadline - this.now())), signal);
      }
      if (!renewed) return;
    }
  }

  /** One tryAcquireOrRenew; false on any failure (it is retried). */
  private async attempt(timeoutMs = this.config.renewDeadlineMs): Promise<boolean> {
    try {
      return await this.tryAcquireOrRenew(AbortSignal.any([this.abort.signal, AbortSignal.timeout(Math.max(1, timeoutMs))]));
    } catch (e) {
      if (!this.abort.signal.aborted) this.log.debug('leader election attempt failed', { error: String(e) });
      return false;
    }
  }

  private async tryAcquireOrRenew(signal: AbortSignal): Promise<boolean> {
    const now = this.now();
    const mine = (prev: LeaseSpec | undefined, wasHolder: boolean): LeaseSpec => ({
      holderIdentity: this.identity,
      leaseDurationSeconds: Math.max(1, Math.round(this.config.leaseDurationMs / 1000)),
      acquireTime: wasHolder && prev?.acquireTime ? prev.acquireTime : microTime(now),
      renewTime: microTime(now),
      leaseTransitions: wasHolder ? prev?.leaseTransitions ?? 0 : (prev ? (prev.leaseTransitions ?? 0) + 1 : 0),
    });
    let lease: KubeObject;
    try {
      lease = await this.client.request('GET', `${this.path}/${this.config.name}`, undefined, signal);
    } catch (e) {
      if (!(e instanceof ApiClientError && e.code === 404)) throw e;
      const spec = mine(undefined, false);
      try {
        await this.client.request('POST', this.path, { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: this.config.name, namespace: this.config.namespace }, spec }, signal);
      } catch (err) {
        if (err instanceof ApiClientError && err.code === 409) return false; // another candidate created it first
        throw err;
      }
      this.observe(spec, now);
      return true;
    }
    const spec = (lease.spec ?? {}) as LeaseSpec;
    const raw = JSON.stringify(spec);
    if (raw !== this.observedRaw) this.observe(spec, now);
    const holder = spec.holderIdentity ?? '';
    const expired = this.observedAt + (spec.leaseDurationSeconds ?? 0) * 1000 <= now;
    if (holder !== '' && holder !== this.identity && !expired) return false;
    const next = mine(spec, holder === this.identity && this.leading);
    try {
      await this.client.request('PUT', `${this.path}/${this.config.name}`, { ...lease, spec: next }, signal);
    } catch (e) {
      if (e instanceof ApiClientError && e.code === 409) return false; // someone else wrote first
      throw e;
    }
    this.observe(next, now);
    return true;
  }

  private observe(spec: LeaseSpec, now: number): void {
    this.observedRaw = JSON.stringify(spec);
    this.observedAt = now;
  }

  /** client-go's release: no holder, a one-second lease, transitions kept. */
  private async release(): Promise<void> {
    const lease = await this.client.request('GET', `${this.path}/${this.config.name}`, undefined, AbortSignal.timeout(this.config.renewDeadlineMs));
    const spec = (lease.spec ?? {}) as LeaseSpec;
    if (spec.holderIdentity !== this.identity) return;
    const now = microTime(this.now());
    await this.client.request('PUT', `${this.path}/${this.config.name}`, {
      ...lease, spec: { holderIdentity: '', leaseDurationSeconds: 1, acquireTime: now, renewTime: now, leaseTransitions: spec.leaseTransitions ?? 0 },
    }, AbortSignal.timeout(this.config.renewDeadlineMs));
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
