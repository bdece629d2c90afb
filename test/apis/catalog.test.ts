import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { builtinResources, groupOrder } from '../../src/apis/catalog.js';
import { allVerbs, type ResourceDef } from '../../src/registry/rest.js';

const find = (group: string, resource: string): ResourceDef => {
  const d = builtinResources.find((r) => r.group === group && r.resource === resource);
  assert.ok(d, `${resource}.${group} is served`);
  return d;
};
const all = (pred: (d: ResourceDef) => boolean) => builtinResources.filter(pred).map((d) => d.group ? `${d.resource}.${d.group}` : d.resource).sort();

// [group, resource, kind, namespaced], the v1.32 `kubectl api-resources` rows kubets serves.
const expected: Array<[string, string, string, boolean]> = [
  ['', 'configmaps', 'ConfigMap', true], ['', 'endpoints', 'Endpoints', true], ['', 'events', 'Event', true],
  ['', 'limitranges', 'LimitRange', true], ['', 'namespaces', 'Namespace', false], ['', 'nodes', 'Node', false],
  ['', 'persistentvolumeclaims', 'PersistentVolumeClaim', true], ['', 'persistentvolumes', 'PersistentVolume', false],
  ['', 'pods', 'Pod', true], ['', 'podtemplates', 'PodTemplate', true], ['', 'replicationcontrollers', 'ReplicationController', true],
  ['', 'resourcequotas', 'ResourceQuota', true], ['', 'secrets', 'Secret', true], ['', 'serviceaccounts', 'ServiceAccount', true],
  ['', 'services', 'Service', true],
  ['apps', 'controllerrevisions', 'ControllerRevision', true], ['apps', 'daemonsets', 'DaemonSet', true],
  ['apps', 'deployments', 'Deployment', true], ['apps', 'replicasets', 'ReplicaSet', true], ['apps', 'statefulsets', 'StatefulSet', true],
  ['events.k8s.io', 'events', 'Event', true],
  ['authentication.k8s.io', 'selfsubjectreviews', 'SelfSubjectReview', false], ['authentication.k8s.io', 'tokenreviews', 'TokenReview', false],
  ['authorization.k8s.io', 'localsubjectaccessreviews', 'LocalSubjectAccessReview', true],
  ['authorization.k8s.io', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', false],
  ['authorization.k8s.io', 'selfsubjectrulesreviews', 'SelfSubjectRulesReview', false],
  ['authorization.k8s.io', 'subjectaccessreviews', 'SubjectAccessReview', false],
  ['autoscaling', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', true],
  ['batch', 'cronjobs', 'CronJob', true], ['batch', 'jobs', 'Job', true],
  ['certificates.k8s.io', 'certificatesigningrequests', 'CertificateSigningRequest', false],
  ['networking.k8s.io', 'ingressclasses', 'IngressClass', false], ['networking.k8s.io', 'ingresses', 'Ingress', true],
  ['networking.k8s.io', 'networkpolicies', 'NetworkPolicy', true],
  ['policy', 'poddisruptionbudgets', 'PodDisruptionBudget', true],
  ['rbac.authorization.k8s.io', 'clusterrolebindings', 'ClusterRoleBinding', false], ['rbac.authorization.k8s.io', 'clusterroles', 'ClusterRole', false],
  ['rbac.authorization.k8s.io', 'rolebindings', 'RoleBinding', true], ['rbac.authorization.k8s.io', 'roles', 'Role', true],
  ['storage.k8s.io', 'csidrivers', 'CSIDriver', false], ['storage.k8s.io', 'csinodes', 'CSINode', false],
  ['storage.k8s.io', 'csistoragecapacities', 'CSIStorageCapacity', true], ['storage.k8s.io', 'storageclasses', 'StorageClass', false],
  ['storage.k8s.io', 'volumeattachments', 'VolumeAttachment', false],
  ['admissionregistration.k8s.io', 'mutatingwebhookconfigurations', 'MutatingWebhookConfiguration', false],
  ['admissionregistration.k8s.io', 'validatingwebhookconfigurations', 'ValidatingWebhookConfiguration', false],
  ['scheduling.k8s.io', 'priorityclasses', 'PriorityClass', false],
  ['coordination.k8s.io', 'leases', 'Lease', true],
  ['node.k8s.io', 'runtimeclasses', 'RuntimeClass', false],
  ['discovery.k8s.io', 'endpointslices', 'EndpointSlice', true],
  ['flowcontrol.apiserver.k8s.io', 'flowschemas', 'FlowSchema', false],
  ['flowcontrol.apiserver.k8s.io', 'prioritylevelconfigurations', 'PriorityLevelConfiguration', false],
];

describe('builtin catalog', () => {
  it('serves exactly the expected resources, in discovery order', () => {
    assert.deepEqual(builtinResources.map((d) => [d.group, d.resource, d.kind, d.namespaced]), expected);
  });

  it('(group, resource) is unique; kinds and short names are unique within a group', () => {
    const seen = new Set<string>();
    for (const d of builtinResources) {
      const k = `${d.group}/${d.resource}`;
      assert.ok(!seen.has(k), `duplicate ${k}`);
      seen.add(k);
    }
    for (const g of new Set(builtinResources.map((d) => d.group))) {
      const defs = builtinResources.filter((d) => d.group === g);
      const kinds = defs.map((d) => d.kind);
      assert.equal(new Set(kinds).size, kinds.length, `kinds in ${g}`);
      const shorts = defs.flatMap((d) => d.shortNames ?? []);
      assert.equal(new Set(shorts).size, shorts.length, `short names in ${g}`);
    }
  });

  it('groups follow upstream /apis order, core first', () => {
    const groups = [...new Set(builtinResources.map((d) => d.group))];
    assert.deepEqual(groups, groupOrder.filter((g) => groups.includes(g)));
    assert.deepEqual(groups, ['', 'apps', 'events.k8s.io', 'authentication.k8s.io', 'authorization.k8s.io', 'autoscaling', 'batch', 'certificates.k8s.io', 'networking.k8s.io', 'policy',
      'rbac.authorization.k8s.io', 'storage.k8s.io', 'admissionregistration.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io',
      'node.k8s.io', 'discovery.k8s.io', 'flowcontrol.apiserver.k8s.io']);
  });

  it('short names match upstream', () => {
    const shorts = Object.fromEntries(builtinResources.filter((d) => d.shortNames).map((d) => [`${d.resource}.${d.group}`, d.shortNames]));
    assert.deepEqual(shorts, {
      'configmaps.': ['cm'], 'endpoints.': ['ep'], 'events.': ['ev'], 'limitranges.': ['limits'], 'namespaces.': ['ns'], 'nodes.': ['no'],
      'persistentvolumeclaims.': ['pvc'], 'persistentvolumes.': ['pv'], 'pods.': ['po'], 'replicationcontrollers.': ['rc'],
      'resourcequotas.': ['quota'], 'serviceaccounts.': ['sa'], 'services.': ['svc'],
      'daemonsets.apps': ['ds'], 'deployments.apps': ['deploy'], 'replicasets.apps': ['rs'], 'statefulsets.apps': ['sts'],
      'events.events.k8s.io': ['ev'], 'horizontalpodautoscalers.autoscaling': ['hpa'], 'cronjobs.batch': ['cj'],
      'certificatesigningrequests.certificates.k8s.io': ['csr'], 'ingresses.networking.k8s.io': ['ing'],
      'networkpolicies.networking.k8s.io': ['netpol'], 'poddisruptionbudgets.policy': ['pdb'],
      'storageclasses.storage.k8s.io': ['sc'], 'priorityclasses.scheduling.k8s.io': ['pc'],
    });
  });

  it('categories: `all` and `api-extensions` as upstream', () => {
    assert.deepEqual(all((d) => d.categories?.includes('all') ?? false), [
      'cronjobs.batch', 'daemonsets.apps', 'deployments.apps', 'horizontalpodautoscalers.autoscaling', 'jobs.batch', 'pods',
      'replicasets.apps', 'replicationcontrollers', 'services', 'statefulsets.apps',
    ]);
    assert.deepEqual(all((d) => d.categories?.includes('api-extensions') ?? false), [
      'mutatingwebhookconfigurations.admissionregistration.k8s.io', 'validatingwebhookconfigurations.admissionregistration.k8s.io',
    ]);
  });

  it('singular names are the lower-cased kind', () => {
    for (const d of builtinResources) assert.equal(d.singularName, d.kind.toLowerCase());
  });

  it('verbs: every resource has all eight but namespaces (no deletecollection) and the create-only reviews', () => {
    for (const d of builtinResources) {
      const want = d.resource === 'namespaces' ? allVerbs.filter((v) => v !== 'deletecollection') : d.virtual ? ['create'] : [...allVerbs];
      assert.deepEqual(d.verbs ?? [...allVerbs], want, d.resource);
    }
  });

  it('name validation per upstream ValidateXName', () => {
    assert.deepEqual(all((d) => d.nameValidation === 'dns1123Label'), ['namespaces', 'statefulsets.apps']);
    assert.deepEqual(all((d) => d.nameValidation === 'dns1035Label'), ['services']);
    assert.deepEqual(all((d) => d.nameValidation === 'pathSegment'), [
      'clusterrolebindings.rbac.authorization.k8s.io', 'clusterroles.rbac.authorization.k8s.io',
      'rolebindings.rbac.authorization.k8s.io', 'roles.rbac.authorization.k8s.io',
    ]);
  });

  it('metadata.generation where the strategy tracks it (priority classes set 1 themselves)', () => {
    assert.deepEqual(all((d) => d.generation === true), [
      'cronjobs.batch', 'csidrivers.storage.k8s.io', 'daemonsets.apps', 'deployments.apps', 'endpointslices.discovery.k8s.io',
      'flowschemas.flowcontrol.apiserver.k8s.io', 'ingressclasses.networking.k8s.io', 'ingresses.networking.k8s.io', 'jobs.batch',
      'mutatingwebhookconfigurations.admissionregistration.k8s.io', 'networkpolicies.networking.k8s.io',
      'poddisruptionbudgets.policy', 'podtemplates', 'prioritylevelconfigurations.flowcontrol.apiserver.k8s.io',
      'replicasets.apps', 'replicationcontrollers', 'statefulsets.apps', 'validatingwebhookconfigurations.admissionregistration.k8s.io',
    ]);
  });

  it('horizontalpodautoscalers are served as v2 (preferred) and v1', () => {
    assert.deepEqual(find('autoscaling', 'horizontalpodautoscalers').versions, ['v2', 'v1']);
    for (const d of builtinResources.filter((x) => x.group !== 'autoscaling')) assert.deepEqual(d.versions, ['v1']);
  });
});

describe('subresources and scale', () => {
  const subs = (d: ResourceDef) => (d.subresources ?? []).map((s) => [s.name, s.kind, s.group ?? d.group, s.version ?? d.versions[0], s.verbs.join(',')]);
  const rw = 'get,patch,update';

  it('matches the upstream discovery documents', () => {
    assert.deepEqual(subs(find('', 'pods')), [
      ['binding', 'Binding', '', 'v1', 'create'], ['eviction', 'Eviction', 'policy', 'v1', 'create'], ['status', 'Pod', '', 'v1', rw],
    ]);
    assert.deepEqual(subs(find('', 'namespaces')), [['finalize', 'Namespace', '', 'v1', 'update'], ['status', 'Namespace', '', 'v1', rw]]);
    assert.deepEqual(subs(find('', 'replicationcontrollers')), [['scale', 'Scale', 'autoscaling', 'v1', rw], ['status', 'ReplicationController', '', 'v1', rw]]);
    assert.deepEqual(subs(find('apps', 'deployments')), [['scale', 'Scale', 'autoscaling', 'v1', rw], ['status', 'Deployment', 'apps', 'v1', rw]]);
    assert.deepEqual(subs(find('apps', 'daemonsets')), [['status', 'DaemonSet', 'apps', 'v1', rw]]);
    assert.deepEqual(subs(find('certificates.k8s.io', 'certificatesigningrequests')), [
      ['approval', 'CertificateSigningRequest', 'certificates.k8s.io', 'v1', rw], ['status', 'CertificateSigningRequest', 'certificates.k8s.io', 'v1', rw],
    ]);
  });

  it('status subresources exist exactly where upstream has them', () => {
    assert.deepEqual(all((d) => d.subresources?.some((s) => s.name === 'status') ?? false), [
      'certificatesigningrequests.certificates.k8s.io', 'cronjobs.batch', 'daemonsets.apps', 'deployments.apps',
      'flowschemas.flowcontrol.apiserver.k8s.io', 'horizontalpodautoscalers.autoscaling', 'ingresses.networking.k8s.io', 'jobs.batch',
      'namespaces', 'nodes', 'persistentvolumeclaims', 'persistentvolumes', 'poddisruptionbudgets.policy', 'pods',
      'prioritylevelconfigurations.flowcontrol.apiserver.k8s.io', 'replicasets.apps', 'replicationcontrollers', 'resourcequotas',
      'services', 'statefulsets.apps', 'volumeattachments.storage.k8s.io',
    ]);
  });

  it('scale paths: LabelSelector for apps, a plain map for replication controllers', () => {
    assert.deepEqual(all((d) => d.scale !== undefined), ['deployments.apps', 'replicasets.apps', 'replicationcontrollers', 'statefulsets.apps']);
    for (const d of builtinResources.filter((x) => x.scale)) {
      assert.ok(d.subresources?.some((s) => s.name === 'scale'), d.resource);
      assert.equal(d.scale!.specReplicasPath, 'spec.replicas');
      assert.equal(d.scale!.statusReplicasPath, 'status.replicas');
      assert.equal(d.scale!.selectorPath, 'spec.selector');
      assert.equal(d.scale!.selectorIsMap ?? false, d.resource === 'replicationcontrollers');
    }
  });

  it('PUT creates where upstream allows it', () => {
    assert.deepEqual(all((d) => d.strategy.allowCreateOnUpdate === true), [
      'clusterrolebindings.rbac.authorization.k8s.io', 'clusterroles.rbac.authorization.k8s.io', 'endpoints', 'events',
      'events.events.k8s.io', 'leases.coordination.k8s.io', 'limitranges', 'rolebindings.rbac.authorization.k8s.io',
      'roles.rbac.authorization.k8s.io', 'runtimeclasses.node.k8s.io', 'serviceaccounts', 'services',
    ]);
  });
});

describe('bootstrap objects', () => {
  it('flowcontrol: the mandatory exempt and catch-all objects, auto-updated', () => {
    const fs = find('flowcontrol.apiserver.k8s.io', 'flowschemas').bootstrap!();
    const pl = find('flowcontrol.apiserver.k8s.io', 'prioritylevelconfigurations').bootstrap!();
    assert.deepEqual(fs.map((o) => o.metadata.name), ['exempt', 'catch-all']);
    assert.deepEqual(pl.map((o) => o.metadata.name), ['exempt', 'catch-all']);
    for (const o of [...fs, ...pl]) assert.deepEqual(o.metadata.annotations, { 'apf.kubernetes.io/autoupdate-spec': 'true' });
    assert.deepEqual(pl[0].spec, { type: 'Exempt', exempt: { nominalConcurrencyShares: 0, lendablePercent: 0 } });
    assert.deepEqual(pl[1].spec, { type: 'Limited', limited: { nominalConcurrencyShares: 5, lendablePercent: 0, limitResponse: { type: 'Reject' } } });
    const [exempt, catchAll] = fs.map((o) => o.spec as Record<string, any>);
    assert.equal(exempt.matchingPrecedence, 1);
    assert.equal(exempt.distinguisherMethod, undefined);
    assert.deepEqual(exempt.rules[0].subjects, [{ kind: 'Group', group: { name: 'system:masters' } }]);
    assert.equal(catchAll.matchingPrecedence, 10000);
    assert.deepEqual(catchAll.distinguisherMethod, { type: 'ByUser' });
    assert.deepEqual(catchAll.rules[0].subjects.map((s: any) => s.group.name), ['system:unauthenticated', 'system:authenticated']);
    assert.deepEqual(catchAll.rules[0].resourceRules, [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'], clusterScope: true, namespaces: ['*'] }]);
    assert.deepEqual(catchAll.rules[0].nonResourceRules, [{ verbs: ['*'], nonResourceURLs: ['*'] }]);
  });

  it('priority classes: system-node-critical and system-cluster-critical', () => {
    const pcs = find('scheduling.k8s.io', 'priorityclasses').bootstrap!();
    assert.deepEqual(pcs.map((o) => [o.metadata.name, o.value]), [['system-node-critical', 2000001000], ['system-cluster-critical', 2000000000]]);
  });

  it('bootstrap objects are fresh each call (the Store mutates what it creates)', () => {
    const d = find('flowcontrol.apiserver.k8s.io', 'flowschemas');
    assert.notEqual(d.bootstrap!()[0], d.bootstrap!()[0]);
  });
});
