// `kubectl auth reconcile` against the secure port: creates RBAC objects, then finds nothing to do.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { kubectl, kubectlOk, skipWithoutKubectl, startServer, type TestServer } from './harness.js';

const manifest = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: pod-reader}
rules:
- {apiGroups: [""], resources: [pods], verbs: [get, list]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: pod-reader-bob}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: pod-reader}
subjects:
- {apiGroup: rbac.authorization.k8s.io, kind: User, name: bob}
`;

describe('kubectl auth reconcile', { skip: skipWithoutKubectl, timeout: 60_000 }, () => {
  let s: TestServer;
  const k = (args: string[], input?: string) => kubectlOk({ url: s.secureUrl }, ['--kubeconfig', s.adminKubeconfig, ...args], { input });
  before(async () => { s = await startServer(); });
  after(async () => { await s?.stop(); s?.cleanup(); });

  it('creates the role and binding, and grants what they say', async () => {
    const out = await k(['auth', 'reconcile', '-f', '-'], manifest);
    assert.equal(out, 'clusterrole.rbac.authorization.k8s.io/pod-reader reconciled\nclusterrolebinding.rbac.authorization.k8s.io/pod-reader-bob reconciled\n');
    const role = JSON.parse(await k(['get', 'clusterrole', 'pod-reader', '-o', 'json']));
    assert.deepEqual(role.rules, [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }]);
    const binding = JSON.parse(await k(['get', 'clusterrolebinding', 'pod-reader-bob', '-o', 'json']));
    assert.deepEqual(binding.subjects, [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'bob' }]);
    assert.equal((await k(['auth', 'can-i', 'list', 'pods', '--as', 'bob'])).trim(), 'yes');
    const denied = await kubectl({ url: s.secureUrl }, ['--kubeconfig', s.adminKubeconfig, 'auth', 'can-i', 'create', 'pods', '--as', 'bob']);
    assert.equal(denied.stdout.trim(), 'no');
    // Reconciling again changes nothing.
    const before = role.metadata.resourceVersion;
    await k(['auth', 'reconcile', '-f', '-'], manifest);
    assert.equal(JSON.parse(await k(['get', 'clusterrole', 'pod-reader', '-o', 'json'])).metadata.resourceVersion, before);
  });
});
