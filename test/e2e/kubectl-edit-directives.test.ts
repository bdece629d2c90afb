// Strategic merge patch directives sent to a running kubets as kubectl and controllers send them
// (application/strategic-merge-patch+json on Deployments, and a Service), with the result upstream's
// apimachinery strategicpatch gives for the same original and patch. Each case patches its own
// fresh Deployment so that cases cannot depend on each other's leftovers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { api, skipWithoutKubectl, startServer, type TestServer } from './harness.js';

const smp = { 'Content-Type': 'application/strategic-merge-patch+json' };

function deploymentObj(name: string) {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name, labels: { app: name, tier: 'front' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          volumes: [{ name: 'data', emptyDir: {} }],
          tolerations: [{ key: 'k1', operator: 'Exists' }],
          imagePullSecrets: [{ name: 's1' }],
          containers: [
            {
              name: 'a', image: 'a:1', workingDir: '/w', volumeMounts: [{ name: 'data', mountPath: '/a' }],
              ports: [{ containerPort: 80, name: 'http' }, { containerPort: 81, name: 'metrics' }],
              env: [{ name: 'E1', value: '1' }, { name: 'E2', value: '2' }],
            },
            { name: 'b', image: 'b:1' },
          ],
        },
      },
    },
  };
}

/** The pod template's spec: most cases patch inside it. */
const podSpec = (spec: object) => ({ spec: { template: { spec } } });

interface Case { name: string; patch: object; check: (d: any) => void }

const containers = (d: any): any[] => d.spec.template.spec.containers;
const byName = (d: any, n: string) => containers(d).find((c: any) => c.name === n);
const names = (list: Array<{ name: string }> | undefined) => (list ?? []).map((e) => e.name);

const cases: Case[] = [
  {
    name: '$patch: replace in a list keeps only the patch\'s elements',
    patch: podSpec({ containers: [{ name: 'c', image: 'c:1' }, { $patch: 'replace' }] }),
    check: (d) => { assert.deepEqual(names(containers(d)), ['c']); assert.equal(byName(d, 'c').image, 'c:1'); },
  },
  {
    name: '$patch: delete in a list element removes that element',
    patch: podSpec({ containers: [{ name: 'b', $patch: 'delete' }] }),
    check: (d) => assert.deepEqual(names(containers(d)), ['a']),
  },
  {
    name: '$patch: delete on a map empties it',
    patch: { metadata: { labels: { $patch: 'delete' } } },
    check: (d) => assert.deepEqual(d.metadata.labels ?? {}, {}),
  },
  {
    name: '$patch: replace on a map swaps it for the patch\'s keys',
    patch: { metadata: { labels: { $patch: 'replace', only: 'this' } } },
    check: (d) => assert.deepEqual(d.metadata.labels, { only: 'this' }),
  },
  {
    name: '$retainKeys drops the fields it does not list (the Recreate switch)',
    patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
    check: (d) => assert.deepEqual(d.spec.strategy, { type: 'Recreate' }),
  },
  {
    name: '$setElementOrder reorders by merge key and merges the listed elements',
    patch: podSpec({ '$setElementOrder/containers': [{ name: 'b' }, { name: 'a' }], containers: [{ name: 'a', image: 'a:2' }] }),
    check: (d) => {
      assert.deepEqual(names(containers(d)), ['b', 'a']);
      assert.equal(byName(d, 'a').image, 'a:2');
      assert.deepEqual(names(byName(d, 'a').env), ['E1', 'E2']);
    },
  },
  {
    name: 'nested $setElementOrder with $patch: delete, as kubectl edit sends a removed env var',
    patch: podSpec({
      '$setElementOrder/containers': [{ name: 'a' }, { name: 'b' }],
      containers: [{ name: 'a', '$setElementOrder/env': [{ name: 'E2' }], env: [{ name: 'E1', $patch: 'delete' }] }],
    }),
    check: (d) => { assert.deepEqual(byName(d, 'a').env, [{ name: 'E2', value: '2' }]); assert.deepEqual(names(containers(d)), ['a', 'b']); },
  },
  {
    name: 'ports merge by containerPort: one changed, one deleted',
    patch: podSpec({ containers: [{ name: 'a', ports: [{ containerPort: 80, name: 'web' }, { containerPort: 81, $patch: 'delete' }] }] }),
    check: (d) => assert.deepEqual(byName(d, 'a').ports.map((p: any) => [p.containerPort, p.name]), [[80, 'web']]),
  },
  {
    name: 'null deletes a map key and a field of a merged list element',
    patch: { metadata: { labels: { tier: null } }, ...podSpec({ containers: [{ name: 'a', workingDir: null }] }) },
    check: (d) => {
      assert.equal(d.metadata.labels.tier, undefined);
      assert.equal(d.metadata.labels.app !== undefined, true);
      const a = byName(d, 'a');
      assert.equal(a.workingDir, undefined);
      assert.equal(a.image, 'a:1');
      assert.deepEqual(names(containers(d)), ['a', 'b']);
    },
  },
  {
    name: '$retainKeys in a volumes element switches the volume source',
    patch: podSpec({ volumes: [{ name: 'data', $retainKeys: ['configMap', 'name'], configMap: { name: 'cfg' } }] }),
    check: (d) => assert.deepEqual(d.spec.template.spec.volumes.map((v: any) => [v.name, Object.keys(v).sort().join(',')]), [['data', 'configMap,name']]),
  },
  {
    name: 'untagged lists are replaced; imagePullSecrets merge by name, volumeMounts by mountPath',
    patch: podSpec({
      tolerations: [{ key: 'k2', operator: 'Exists' }],
      imagePullSecrets: [{ name: 's2' }],
      containers: [{ name: 'a', volumeMounts: [{ name: 'data', mountPath: '/b' }] }],
    }),
    check: (d) => {
      const spec = d.spec.template.spec;
      assert.deepEqual(spec.tolerations, [{ key: 'k2', operator: 'Exists' }]);
      assert.deepEqual(names(spec.imagePullSecrets), ['s2', 's1']);
      assert.deepEqual(byName(d, 'a').volumeMounts.map((m: any) => m.mountPath), ['/b', '/a']);
    },
  },
  {
    name: 'a new element of a merged list goes first when the patch gives no order',
    patch: podSpec({ containers: [{ name: 'c', image: 'c:1' }] }),
    check: (d) => assert.deepEqual(names(containers(d)), ['c', 'a', 'b']),
  },
];

describe('strategic merge patch directives through the API', { skip: skipWithoutKubectl, timeout: 120_000 }, () => {
  let s: TestServer;
  const base = '/apis/apps/v1/namespaces/default/deployments';
  let seq = 0;
  /** Creates a fresh Deployment and returns its path. */
  const fresh = async () => {
    const name = `d${++seq}`;
    const r = await api(s, 'POST', base, deploymentObj(name));
    assert.equal(r.status, 201, r.text);
    return `${base}/${name}`;
  };

  before(async () => { s = await startServer(); });
  after(async () => { await s?.stop(); s?.cleanup(); });

  for (const c of cases) {
    it(c.name, async () => {
      const path = await fresh();
      const r = await api(s, 'PATCH', path, c.patch, smp);
      assert.equal(r.status, 200, r.text);
      c.check(r.json);
      // The response is what was stored.
      const stored = await api(s, 'GET', path);
      assert.deepEqual(stored.json.spec, r.json.spec);
      assert.deepEqual(stored.json.metadata.labels, r.json.metadata.labels);
    });
  }

  it('$deleteFromPrimitiveList and merging of a primitive set (finalizers)', async () => {
    const path = await fresh();
    const step = async (patch: object) => {
      const r = await api(s, 'PATCH', path, patch, smp);
      assert.equal(r.status, 200, r.text);
      return r.json.metadata.finalizers;
    };
    assert.deepEqual(await step({ metadata: { finalizers: ['example.com/a', 'example.com/b'] } }), ['example.com/a', 'example.com/b']);
    // finalizers is a merged set: a patch adds to it (new items first), it does not replace it.
    assert.deepEqual(await step({ metadata: { finalizers: ['example.com/c'] } }), ['example.com/c', 'example.com/a', 'example.com/b']);
    assert.deepEqual(await step({ metadata: { '$deleteFromPrimitiveList/finalizers': ['example.com/a'] } }), ['example.com/c', 'example.com/b']);
    // $setElementOrder on a primitive list orders by value; items it does not name keep their place.
    assert.deepEqual(await step({ metadata: { '$setElementOrder/finalizers': ['example.com/b', 'example.com/c'] } }), ['example.com/b', 'example.com/c']);
    assert.equal(await step({ metadata: { finalizers: null } }), undefined);
  });

  it('without $retainKeys a Recreate switch keeps rollingUpdate, which validation refuses', async () => {
    const path = await fresh();
    const r = await api(s, 'PATCH', path, { spec: { strategy: { type: 'Recreate' } } }, smp);
    assert.equal(r.status, 422, r.text);
    assert.match(r.json.message, /spec\.strategy\.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'/);
  });

  it('concurrent patches of all three types are each applied once: conflicts are retried, not lost', async () => {
    const path = await fresh();
    const kinds = [
      (i: number) => api(s, 'PATCH', path, podSpec({ containers: [{ name: 'a', env: [{ name: `S${i}`, value: 'x' }] }] }), smp),
      (i: number) => api(s, 'PATCH', path, { metadata: { annotations: { [`m${i}`]: 'x' } } }, { 'Content-Type': 'application/merge-patch+json' }),
      (i: number) => api(s, 'PATCH', path, [{ op: 'add', path: `/metadata/labels/j${i}`, value: 'x' }], { 'Content-Type': 'application/json-patch+json' }),
    ];
    const n = 12;
    const results = await Promise.all(Array.from({ length: n * kinds.length }, (_, k) => kinds[k % kinds.length](Math.floor(k / kinds.length))));
    for (const r of results) assert.equal(r.status, 200, r.text);
    const d = (await api(s, 'GET', path)).json;
    const env = names(byName(d, 'a').env);
    for (let i = 0; i < n; i++) {
      assert.ok(env.includes(`S${i}`), `env S${i}`);
      assert.equal(d.metadata.annotations[`m${i}`], 'x');
      assert.equal(d.metadata.labels[`j${i}`], 'x');
    }
    assert.equal(env.length, n + 2, 'E1 and E2 are still there, and nothing twice');
    // A Deployment's generation follows its spec and, since annotations are copied to its
    // ReplicaSets, its annotations too (apps deployment strategy): the env and annotation patches
    // count, the label patches do not.
    assert.equal(d.metadata.generation, 1 + 2 * n);
  });

  it('Service ports merge by port alone, as their patch merge key says, so both protocols of one port go together', async () => {
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'dns' }, spec: { selector: { app: 'dns' }, ports: [
      { name: 'dns-tcp', port: 53, protocol: 'TCP' }, { name: 'dns-udp', port: 53, protocol: 'UDP' }, { name: 'web', port: 80 }] } };
    const path = '/api/v1/namespaces/default/services/dns';
    assert.equal((await api(s, 'POST', '/api/v1/namespaces/default/services', svc)).status, 201);
    const changed = await api(s, 'PATCH', path, { spec: { ports: [{ port: 80, targetPort: 8080 }] } }, smp);
    assert.equal(changed.status, 200, changed.text);
    assert.deepEqual(changed.json.spec.ports.map((p: any) => [p.name, p.port, p.targetPort]), [['dns-tcp', 53, 53], ['dns-udp', 53, 53], ['web', 80, 8080]]);
    const deleted = await api(s, 'PATCH', path, { spec: { ports: [{ port: 53, $patch: 'delete' }] } }, smp);
    assert.equal(deleted.status, 200, deleted.text);
    assert.deepEqual(deleted.json.spec.ports.map((p: any) => p.name), ['web']);
  });

  it('malformed directives are answered as upstream answers them', async () => {
    const path = await fresh();
    const send = (patch: object) => api(s, 'PATCH', path, patch, smp);
    // mergepatch format sentinels are 400s (interpretStrategicMergePatchError).
    const noField = await send({ metadata: { $deleteFromPrimitiveList: ['x'] } });
    assert.equal(noField.status, 400, noField.text);
    assert.equal(noField.json.message, 'invalid patch format of primitive list');
    const outsideRetained = await send({ spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: { maxSurge: 2 } } } });
    assert.equal(outsideRetained.status, 400, outsideRetained.text);
    assert.equal(outsideRetained.json.message, 'invalid patch format of retainKeys');
    // Other merge errors pass through the handler unconverted, which makes them 500s with Go's text.
    const orderNotList = await send(podSpec({ '$setElementOrder/containers': 'b' }));
    assert.equal(orderNotList.status, 500, orderNotList.text);
    assert.equal(orderNotList.json.message, 'expected a []interface {}, but received a string');
    // $patch: merge is only meaningful to the client side; the server's merge rejects it in a map.
    const merge = await send({ metadata: { labels: { $patch: 'merge', x: 'y' } } });
    assert.equal(merge.status, 500, merge.text);
    assert.equal(merge.json.message, 'unknown patch type: merge in map: map[$patch:merge x:y]');
    // A delete list whose value is not a list differs in type from the original and is skipped.
    const ignored = await send({ metadata: { '$deleteFromPrimitiveList/labels': 'x' } });
    assert.equal(ignored.status, 200, ignored.text);
    assert.equal(ignored.json.metadata.labels.x, undefined);
    assert.equal(ignored.json.metadata.labels.tier, 'front');
  });
});
