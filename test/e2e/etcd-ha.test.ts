// Several API servers over one etcd as one control plane: the `kubernetes` Endpoints list every
// live server (lease reconciler) and drop one that stops or dies; the in-process controllers run
// on exactly one server (Lease leader election) and fail over when it stops or dies.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type EtcdProcess, startEtcd } from '../storage/etcd-process.js';
import { api, eventually, kubectlCreate, namespaceObj, skipWithoutKubectl, startServer, type TestServer } from './harness.js';

// Fast timings so failover is seen in seconds; the algorithms are the same as with the defaults.
const fast = [
  '--endpoint-reconciler-interval=300ms', '--endpoint-reconciler-lease-ttl=1500ms',
  '--leader-elect-lease-duration=2s', '--leader-elect-renew-deadline=1500ms', '--leader-elect-retry-period=200ms',
];

interface Lease { spec: { holderIdentity?: string; leaseTransitions?: number } }

const endpointIPs = async (s: TestServer): Promise<string[]> => {
  const ep = (await api(s, 'GET', '/api/v1/namespaces/default/endpoints/kubernetes')).json as { subsets?: Array<{ addresses?: Array<{ ip: string }> }> };
  return (ep.subsets ?? []).flatMap((ss) => (ss.addresses ?? []).map((a) => a.ip)).sort();
};

const holder = async (s: TestServer): Promise<string> =>
  ((await api(s, 'GET', '/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-controller-manager')).json as Lease).spec?.holderIdentity ?? '';

/** The identity a server logged when it became leader, if it did. */
const identityOf = (s: TestServer): string | undefined => /became leader" .*?identity="([^"]+)"/.exec(s.logs())?.[1];

/** Deleting a namespace completes only when a namespace controller is running somewhere. */
async function namespaceDeletionWorks(s: TestServer, name: string): Promise<void> {
  await kubectlCreate(s, namespaceObj(name));
  await api(s, 'DELETE', `/api/v1/namespaces/${name}`);
  await eventually(async () => (await api(s, 'GET', `/api/v1/namespaces/${name}`)).status === 404, 20_000, `namespace ${name} deleted`);
}

describe('several API servers over one etcd', { skip: skipWithoutKubectl, timeout: 180_000 }, () => {
  let etcd: EtcdProcess;
  let a: TestServer;
  let b: TestServer;
  let c: TestServer | undefined;
  /** The address the server that left advertised: free for a newcomer. */
  let freeIp = '';
  before(async () => {
    etcd = await startEtcd();
    const args = [`--etcd-servers=${etcd.url}`, '--etcd-prefix=/kubets-ha', ...fast];
    a = await startServer({ args: [...args, '--advertise-address=127.0.0.1'] });
    b = await startServer({ args: [...args, '--advertise-address=::1'] });
  });
  after(async () => {
    for (const s of [a, b, c]) { await s?.kill(); s?.cleanup(); }
    await etcd?.stop();
  });

  it('the kubernetes Endpoints list both servers, each at its own secure port', async () => {
    await eventually(async () => (await endpointIPs(a)).join() === '127.0.0.1,::1', 10_000, 'both servers listed');
    const ep = (await api(b, 'GET', '/api/v1/namespaces/default/endpoints/kubernetes')).json as { subsets: Array<{ addresses: Array<{ ip: string }>; ports: Array<{ port: number }> }> };
    const portOf = (ip: string) => ep.subsets.find((ss) => ss.addresses.some((x) => x.ip === ip))?.ports[0].port;
    assert.equal(portOf('127.0.0.1'), a.securePort);
    assert.equal(portOf('::1'), b.securePort);
  });

  it('exactly one server leads the controllers, and they work', async () => {
    const leader = await eventually(async () => (await holder(a)) || undefined, 10_000, 'a leader');
    const ids = [identityOf(a), identityOf(b)].filter(Boolean);
    assert.deepEqual(ids, [leader], 'only the holder logged that it leads');
    await namespaceDeletionWorks(a, 'ha-one');
  });

  it('a leader that stops hands over at once and leaves the endpoints', async () => {
    const leader = await holder(a);
    const [gone, stays] = identityOf(a) === leader ? [a, b] : [b, a];
    const goneIp = gone === a ? '127.0.0.1' : '::1';
    const stayIp = gone === a ? '::1' : '127.0.0.1';
    assert.equal(await gone.stop(), 0);
    await eventually(async () => (await endpointIPs(stays)).join() === stayIp, 5_000, `${goneIp} removed from the endpoints`);
    await eventually(async () => { const h = await holder(stays); return h !== '' && h !== leader && h; }, 8_000, 'the other server leads');
    assert.equal(identityOf(stays), await holder(stays));
    await namespaceDeletionWorks(stays, 'ha-two');
    if (gone === a) a = stays; // keep the survivor as `a` for the next test
    b = gone;
    freeIp = goneIp;
  });

  it('a server that dies (SIGKILL) is dropped after the lease TTL, and a dead leader is replaced after the lease duration', async () => {
    // a is the sole (leading) server now; start c, then kill a without any chance to clean up.
    c = await startServer({ args: [`--etcd-servers=${etcd.url}`, '--etcd-prefix=/kubets-ha', ...fast, `--advertise-address=${freeIp}`] });
    const aIp = (await endpointIPs(c)).find((ip) => ip !== freeIp)!;
    await eventually(async () => (await endpointIPs(c!)).length === 2, 10_000, 'c listed');
    const leader = await holder(c);
    assert.equal(identityOf(a), leader, 'the survivor of the last test still leads');
    await a.kill();
    const killedAt = Date.now();
    await eventually(async () => (await endpointIPs(c!)).join() === freeIp, 10_000, `${aIp} dropped after the TTL`);
    await eventually(async () => { const h = await holder(c!); return h !== leader && h; }, 10_000, 'c took over');
    // Not before the dead leader's lease ran out (2 s of c's clock since it last saw a change).
    assert.ok(Date.now() - killedAt >= 1_500, 'took over before the lease expired');
    await namespaceDeletionWorks(c, 'ha-three');
  });
});
