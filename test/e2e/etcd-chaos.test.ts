// Two kubets servers over a 3-member etcd cluster under a steady write load, while an etcd
// follower, then the etcd leader, then one kubets server are killed with SIGKILL: every
// acknowledged write is there afterwards, a watcher on the surviving server sees every event once
// and in order (resuming from its last resourceVersion when its stream breaks), and no two
// Services got the same ClusterIP.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type EtcdCluster, startEtcdCluster } from '../storage/etcd-process.js';
import { eventually, skipWithoutKubectl, startServer, type TestServer } from './harness.js';

const ns = 'chaos';
const requestTimeoutMs = 10_000;

interface Acked { name: string; resourceVersion: string; clusterIP?: string }

/** Creates ConfigMaps (and every third time a Service) on whichever server is up, recording what was acknowledged. */
class WriteLoad {
  readonly configMaps: Acked[] = [];
  readonly services: Acked[] = [];
  failures = 0;
  private stopped = false;
  private readonly workers: Array<Promise<void>> = [];

  constructor(private readonly servers: () => TestServer[]) {}

  start(concurrency: number): void {
    for (let w = 0; w < concurrency; w++) this.workers.push(this.worker(w));
  }

  get acked(): number {
    return this.configMaps.length + this.services.length;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.workers);
  }

  private async worker(w: number): Promise<void> {
    for (let i = 0; !this.stopped; i++) {
      const live = this.servers();
      const server = live[i % live.length];
      const service = i % 3 === 2;
      const name = `${service ? 'svc' : 'cm'}-${w}-${i}`;
      const body = service
        ? { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { ports: [{ port: 80 }] } }
        : { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { i: String(i) } };
      try {
        const res = await fetch(`${server.url}/api/v1/namespaces/${ns}/${service ? 'services' : 'configmaps'}`, {
          method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(requestTimeoutMs),
        });
        const obj = await res.json() as { metadata: { resourceVersion: string }; spec?: { clusterIP?: string } };
        if (res.status !== 201) { this.failures++; continue; }
        const acked = { name, resourceVersion: obj.metadata.resourceVersion, clusterIP: obj.spec?.clusterIP };
        (service ? this.services : this.configMaps).push(acked);
      } catch {
        // Refused (a dead server) or timed out (etcd electing): not acknowledged, so not checked.
        this.failures++;
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  }
}

interface Seen { type: string; name: string; rv: number }

/** Watches ConfigMaps on one server, resuming from the last resourceVersion whenever the stream ends. */
class ResumingWatcher {
  readonly events: Seen[] = [];
  readonly problems: string[] = [];
  lastRv = 0;
  resumes = 0;
  private readonly abort = new AbortController();
  private running: Promise<void> | undefined;

  constructor(private readonly server: TestServer, fromRv: number) {
    this.lastRv = fromRv;
  }

  start(): void {
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.abort.signal.aborted) {
      try {
        const res = await fetch(`${this.server.url}/api/v1/namespaces/${ns}/configmaps?watch=1&allowWatchBookmarks=true&resourceVersion=${this.lastRv}`, { signal: this.abort.signal });
        if (res.status !== 200) { this.problems.push(`watch answered ${res.status}: ${await res.text()}`); }
        else await this.read(res);
      } catch { /* stream broke or aborted: resume below */ }
      if (this.abort.signal.aborted) return;
      this.resumes++;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private async read(res: Response): Promise<void> {
    let buffered = '';
    const decoder = new TextDecoder();
    for await (const chunk of res.body!) {
      buffered += decoder.decode(chunk as Uint8Array, { stream: true });
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        const ev = JSON.parse(line) as { type: string; object: { metadata?: { name?: string; resourceVersion?: string }; code?: number; message?: string } };
        if (ev.type === 'ERROR') {
          this.problems.push(`ERROR event: ${ev.object.code} ${ev.object.message}`);
          return;
        }
        const rv = Number(ev.object.metadata?.resourceVersion);
        if (ev.type === 'BOOKMARK') {
          if (rv > this.lastRv) this.lastRv = rv;
          continue;
        }
        if (!(rv > this.lastRv)) this.problems.push(`${ev.type} ${ev.object.metadata?.name} at ${rv} after ${this.lastRv}: out of order or repeated`);
        this.events.push({ type: ev.type, name: ev.object.metadata?.name ?? '', rv });
        this.lastRv = Math.max(this.lastRv, rv);
      }
    }
  }
}

describe('kubets over a 3-member etcd cluster, killing members and a server under load', { skip: skipWithoutKubectl, timeout: 240_000 }, () => {
  let cluster: EtcdCluster;
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    cluster = await startEtcdCluster(3);
    const args = [`--etcd-servers=${cluster.urls.join(',')}`, '--etcd-prefix=/kubets-chaos', '--service-cluster-ip-range=10.96.0.0/20'];
    a = await startServer({ args });
    b = await startServer({ args });
  });
  after(async () => {
    for (const s of [a, b]) { await s?.kill(); s?.cleanup(); }
    await cluster?.stop();
  });

  it('loses no acknowledged write, gives watchers every event once in order, and never repeats a ClusterIP', async (t) => {
    const created = await fetch(`${b.url}/api/v1/namespaces`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }) });
    assert.equal(created.status, 201);
    const list0 = await (await fetch(`${b.url}/api/v1/namespaces/${ns}/configmaps`)).json() as { metadata: { resourceVersion: string } };
    const watcher = new ResumingWatcher(b, Number(list0.metadata.resourceVersion));
    watcher.start();
    let aAlive = true;
    const load = new WriteLoad(() => (aAlive ? [a, b] : [b]));
    load.start(4);
    const progress = async (what: string) => {
      const target = load.acked + 20;
      await eventually(async () => load.acked >= target, 60_000, `20 more acknowledged writes ${what}`);
    };

    await progress('before any failure');
    const leader = await cluster.leader();
    const follower = cluster.members.find((m) => m !== leader)!;
    await cluster.kill(follower);
    await progress('with an etcd follower dead');
    await cluster.restart(follower);
    await progress('after the follower came back');

    const leader2 = await cluster.leader();
    await cluster.kill(leader2);
    await progress('with the etcd leader dead');
    await cluster.restart(leader2);
    await progress('after the old leader came back');

    await a.kill();
    aAlive = false;
    await progress('with one kubets server dead');
    await load.stop();

    // Every acknowledged ConfigMap is stored, at the resourceVersion its create returned.
    const list = await (await fetch(`${b.url}/api/v1/namespaces/${ns}/configmaps`)).json() as { metadata: { resourceVersion: string }; items: Array<{ metadata: { name: string; resourceVersion: string } }> };
    const stored = new Map(list.items.map((i) => [i.metadata.name, i.metadata.resourceVersion]));
    for (const w of load.configMaps) assert.equal(stored.get(w.name), w.resourceVersion, `acknowledged ConfigMap ${w.name} lost or changed`);

    // The watcher saw each stored ConfigMap exactly once (only creates happen), in revision order.
    await eventually(async () => watcher.lastRv >= Number(list.metadata.resourceVersion) || watcher.events.length >= list.items.length, 30_000, 'the watcher caught up');
    await watcher.stop();
    assert.deepEqual(watcher.problems, []);
    const added = watcher.events.filter((e) => e.type === 'ADDED').map((e) => e.name);
    assert.equal(new Set(added).size, added.length, 'an event was delivered twice');
    assert.deepEqual([...added].sort(), [...stored.keys()].sort(), 'the watch missed or invented events');
    assert.equal(watcher.events.length, added.length, 'only ADDED events were expected');

    // Services: every acknowledged one stored with its ClusterIP, and no ClusterIP given twice.
    const svcs = await (await fetch(`${b.url}/api/v1/services`)).json() as { items: Array<{ metadata: { name: string; namespace: string }; spec: { clusterIP: string } }> };
    const ips = svcs.items.map((s) => s.spec.clusterIP).filter((ip) => ip && ip !== 'None');
    assert.equal(new Set(ips).size, ips.length, `a ClusterIP was handed out twice: ${ips.sort().join(' ')}`);
    const svcByName = new Map(svcs.items.filter((s) => s.metadata.namespace === ns).map((s) => [s.metadata.name, s.spec.clusterIP]));
    for (const s of load.services) assert.equal(svcByName.get(s.name), s.clusterIP, `acknowledged Service ${s.name} lost or changed`);
    t.diagnostic(`${load.configMaps.length} ConfigMaps and ${load.services.length} Services acknowledged, ${load.failures} writes failed, the watch resumed ${watcher.resumes} times`);
    assert.ok(load.configMaps.length >= 50 && load.services.length >= 20, `too little load to mean anything: ${load.configMaps.length} ConfigMaps, ${load.services.length} Services`);
  });
});
