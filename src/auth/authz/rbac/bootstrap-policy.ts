/**
 * Upstream's bootstrap RBAC policy as data (plugin/pkg/auth/authorizer/rbac/bootstrappolicy:
 * policy.go, controller_policy.go, namespace_policy.go), with kube-apiserver v1.32's default
 * feature gates: rules behind gates that are off by default in 1.32 (DynamicResourceAllocation,
 * ClusterTrustBundle, MultiCIDRServiceAllocator, VolumeAttributesClass, SELinuxChangePolicy,
 * StorageVersionAPI, StorageVersionMigrator, CoordinatedLeaderElection, KubeletFineGrainedAuthz)
 * are left out. This file is data and longer than most on purpose: one rule per line, in
 * upstream's order, so it can be diffed against the Go source.
 *
 * Every object carries the label `kubernetes.io/bootstrapping: rbac-defaults` and the annotation
 * `rbac.authorization.kubernetes.io/autoupdate: "true"`. Rules are built like rbacv1helpers.NewRule
 * (...).RuleOrDie(): every list sorted. Aggregated roles (admin, edit, view) start with no rules;
 * aggregation.ts fills them.
 */
import type { KubeObject } from '../../../apis/meta/types.js';
import type { PolicyRule, Subject } from './evaluator.js';

const rbacGroup = 'rbac.authorization.k8s.io';
const apiVersion = `${rbacGroup}/v1`;
const sorted = (xs: readonly string[]) => [...xs].sort();

const Read = ['get', 'list', 'watch'];
const ReadWrite = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];
const Write = ['create', 'update', 'patch', 'delete', 'deletecollection'];
const ReadUpdate = ['get', 'list', 'watch', 'update', 'patch'];

const core = '', apps = 'apps', authn = 'authentication.k8s.io', authz = 'authorization.k8s.io';
const autoscaling = 'autoscaling', batch = 'batch', certs = 'certificates.k8s.io', coordination = 'coordination.k8s.io';
const discovery = 'discovery.k8s.io', extensions = 'extensions', policy = 'policy', storage = 'storage.k8s.io';
const networking = 'networking.k8s.io', events = 'events.k8s.io', admissionRegistration = 'admissionregistration.k8s.io';

/** NewRule(verbs...).Groups(groups...).Resources(resources...)[.Names(names...)] */
function rule(verbs: readonly string[], groups: readonly string[], resources: readonly string[], names?: readonly string[]): PolicyRule {
  const r: PolicyRule = { verbs: sorted(verbs), apiGroups: sorted(groups), resources: sorted(resources) };
  if (names && names.length > 0) r.resourceNames = sorted(names);
  return r;
}
/** NewRule(verbs...).URLs(urls...) */
function urls(verbs: readonly string[], nonResourceURLs: readonly string[]): PolicyRule {
  return { verbs: sorted(verbs), nonResourceURLs: sorted(nonResourceURLs) };
}
/** eventsRule(): create/update/patch events in the core and events.k8s.io groups. */
const eventsRule = () => rule(['create', 'update', 'patch'], [core, events], ['events']);

function meta(name: string, labels: Record<string, string> = {}, namespace?: string) {
  return {
    name, ...(namespace ? { namespace } : {}),
    labels: { ...labels, 'kubernetes.io/bootstrapping': 'rbac-defaults' },
    annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' },
  };
}
function clusterRole(name: string, rules: PolicyRule[], labels?: Record<string, string>): KubeObject {
  return { apiVersion, kind: 'ClusterRole', metadata: meta(name, labels), rules };
}
function aggregatedRole(name: string, selectLabel: string, labels?: Record<string, string>): KubeObject {
  return {
    apiVersion, kind: 'ClusterRole', metadata: meta(name, labels),
    aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [selectLabel]: 'true' } }] }, rules: [],
  };
}

const user = (name: string): Subject => ({ kind: 'User', apiGroup: rbacGroup, name });
const group = (name: string): Subject => ({ kind: 'Group', apiGroup: rbacGroup, name });
const sa = (namespace: string, name: string): Subject => ({ kind: 'ServiceAccount', name, namespace });

function clusterBinding(role: string, subjects: Subject[]): KubeObject {
  return {
    apiVersion, kind: 'ClusterRoleBinding', metadata: meta(role),
    roleRef: { apiGroup: rbacGroup, kind: 'ClusterRole', name: role }, ...(subjects.length > 0 ? { subjects } : {}),
  };
}

/** NodeRules(): what every kubelet may do; the Node authorizer applies these to resources it does not subdivide. */
export function nodeRules(): PolicyRule[] {
  return [
    rule(['create'], [authn], ['tokenreviews']),
    rule(['create'], [authz], ['subjectaccessreviews', 'localsubjectaccessreviews']),
    rule(Read, [core], ['services']),
    rule(['create', 'get', 'list', 'watch'], [core], ['nodes']),
    rule(['update', 'patch'], [core], ['nodes/status']),
    rule(['update', 'patch'], [core], ['nodes']),
    rule(['create', 'update', 'patch'], [core], ['events']),
    rule(Read, [core], ['pods']),
    rule(['create', 'delete'], [core], ['pods']),
    rule(['update', 'patch'], [core], ['pods/status']),
    rule(['create'], [core], ['pods/eviction']),
    rule(['get', 'list', 'watch'], [core], ['secrets', 'configmaps']),
    rule(['get'], [core], ['persistentvolumeclaims', 'persistentvolumes']),
    rule(['get'], [core], ['endpoints']),
    rule(['create', 'get', 'list', 'watch'], [certs], ['certificatesigningrequests']),
    rule(['get', 'create', 'update', 'patch', 'delete'], [coordination], ['leases']),
    rule(['get'], [storage], ['volumeattachments']),
    rule(['create'], [core], ['serviceaccounts/token']),
    rule(['get', 'update', 'patch'], [core], ['persistentvolumeclaims/status']),
    rule(['get', 'watch', 'list'], [storage], ['csidrivers']),
    rule(['get', 'create', 'update', 'patch', 'delete'], [storage], ['csinodes']),
    rule(['get', 'list', 'watch'], ['node.k8s.io'], ['runtimeclasses']),
  ];
}

function clusterRoles(): KubeObject[] {
  return [
    clusterRole('cluster-admin', [rule(['*'], ['*'], ['*']), urls(['*'], ['*'])]),
    clusterRole('system:discovery', [urls(['get'], ['/livez', '/readyz', '/healthz', '/version', '/version/', '/openapi', '/openapi/*', '/api', '/api/*', '/apis', '/apis/*'])]),
    clusterRole('system:monitoring', [urls(['get'], ['/metrics', '/metrics/slis', '/livez', '/readyz', '/healthz', '/livez/*', '/readyz/*', '/healthz/*'])]),
    clusterRole('system:basic-user', [
      rule(['create'], [authz], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews']),
      rule(['create'], [authn], ['selfsubjectreviews']),
    ]),
    clusterRole('system:public-info-viewer', [urls(['get'], ['/livez', '/readyz', '/healthz', '/version', '/version/'])]),
    aggregatedRole('admin', 'rbac.authorization.k8s.io/aggregate-to-admin'),
    aggregatedRole('edit', 'rbac.authorization.k8s.io/aggregate-to-edit', { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }),
    aggregatedRole('view', 'rbac.authorization.k8s.io/aggregate-to-view', { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }),
    clusterRole('system:aggregate-to-admin', [
      rule(['create'], [authz], ['localsubjectaccessreviews']),
      rule(ReadWrite, [rbacGroup], ['roles', 'rolebindings']),
    ], { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' }),
    clusterRole('system:aggregate-to-edit', [
      rule(Read, [core], ['pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward', 'secrets', 'services/proxy']),
      rule(['impersonate'], [core], ['serviceaccounts']),
      rule(Write, [core], ['pods', 'pods/attach', 'pods/proxy', 'pods/exec', 'pods/portforward']),
      rule(['create'], [core], ['pods/eviction']),
      rule(Write, [core], ['replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/proxy', 'persistentvolumeclaims', 'configmaps', 'secrets', 'events']),
      rule(['create'], [core], ['serviceaccounts/token']),
      rule(Write, [apps], ['statefulsets', 'statefulsets/scale', 'daemonsets', 'deployments', 'deployments/scale', 'deployments/rollback', 'replicasets', 'replicasets/scale']),
      rule(Write, [autoscaling], ['horizontalpodautoscalers']),
      rule(Write, [batch], ['jobs', 'cronjobs']),
      rule(Write, [extensions], ['daemonsets', 'deployments', 'deployments/scale', 'deployments/rollback', 'ingresses', 'replicasets', 'replicasets/scale', 'replicationcontrollers/scale', 'networkpolicies']),
      rule(Write, [policy], ['poddisruptionbudgets']),
      rule(Write, [networking], ['networkpolicies', 'ingresses']),
      rule(ReadWrite, [coordination], ['leases']),
    ], { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }),
    clusterRole('system:aggregate-to-view', [
      rule(Read, [core], ['pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'configmaps']),
      rule(Read, [core], ['limitranges', 'resourcequotas', 'bindings', 'events', 'pods/status', 'resourcequotas/status', 'namespaces/status', 'replicationcontrollers/status', 'pods/log']),
      rule(Read, [core], ['namespaces']),
      rule(Read, [discovery], ['endpointslices']),
      rule(Read, [apps], ['controllerrevisions', 'statefulsets', 'statefulsets/status', 'statefulsets/scale', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/status', 'deployments/scale', 'replicasets', 'replicasets/status', 'replicasets/scale']),
      rule(Read, [autoscaling], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status']),
      rule(Read, [batch], ['jobs', 'cronjobs', 'cronjobs/status', 'jobs/status']),
      rule(Read, [extensions], ['daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'ingresses', 'ingresses/status', 'replicasets', 'replicasets/scale', 'replicasets/status', 'replicationcontrollers/scale', 'networkpolicies']),
      rule(Read, [policy], ['poddisruptionbudgets', 'poddisruptionbudgets/status']),
      rule(Read, [networking], ['networkpolicies', 'ingresses', 'ingresses/status']),
    ], { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' }),
    clusterRole('system:heapster', [
      rule(Read, [core], ['events', 'pods', 'nodes', 'namespaces']),
      rule(Read, [extensions], ['deployments']),
    ]),
    clusterRole('system:node', nodeRules()),
    clusterRole('system:node-problem-detector', [
      rule(['get'], [core], ['nodes']),
      rule(['patch'], [core], ['nodes/status']),
      eventsRule(),
    ]),
    clusterRole('system:kubelet-api-admin', [
      rule(['get', 'list', 'watch'], [core], ['nodes']),
      rule(['proxy'], [core], ['nodes']),
      rule(['*'], [core], ['nodes/proxy', 'nodes/metrics', 'nodes/stats', 'nodes/log']),
    ]),
    clusterRole('system:node-bootstrapper', [rule(['create', 'get', 'list', 'watch'], [certs], ['certificatesigningrequests'])]),
    clusterRole('system:auth-delegator', [
      rule(['create'], [authn], ['tokenreviews']),
      rule(['create'], [authz], ['subjectaccessreviews']),
    ]),
    clusterRole('system:kube-aggregator', [rule(Read, [core], ['services', 'endpoints'])]),
    clusterRole('system:kube-controller-manager', [
      eventsRule(),
      rule(['create'], [coordination], ['leases']),
      rule(['get', 'update'], [coordination], ['leases'], ['kube-controller-manager']),
      rule(['create'], [core], ['secrets', 'serviceaccounts']),
      rule(['delete'], [core], ['secrets']),
      rule(['get'], [core], ['namespaces', 'secrets', 'serviceaccounts', 'configmaps']),
      rule(['update'], [core], ['secrets', 'serviceaccounts']),
      rule(['create'], [authn], ['tokenreviews']),
      rule(['create'], [authz], ['subjectaccessreviews']),
      rule(['list', 'watch'], ['*'], ['*']),
      rule(['create'], [core], ['serviceaccounts/token']),
    ]),
    clusterRole('system:kube-dns', [rule(['list', 'watch'], [core], ['endpoints', 'services'])]),
    clusterRole('system:persistent-volume-provisioner', [
      rule(['get', 'list', 'watch', 'create', 'delete'], [core], ['persistentvolumes']),
      rule(['get', 'list', 'watch', 'update'], [core], ['persistentvolumeclaims']),
      rule(Read, [storage], ['storageclasses']),
      rule(['watch'], [core], ['events']),
      eventsRule(),
    ]),
    clusterRole('system:certificates.k8s.io:certificatesigningrequests:nodeclient', [rule(['create'], [certs], ['certificatesigningrequests/nodeclient'])]),
    clusterRole('system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', [rule(['create'], [certs], ['certificatesigningrequests/selfnodeclient'])]),
    clusterRole('system:volume-scheduler', [
      rule(ReadUpdate, [core], ['persistentvolumes']),
      rule(Read, [storage], ['storageclasses']),
      rule(ReadUpdate, [core], ['persistentvolumeclaims']),
    ]),
    clusterRole('system:certificates.k8s.io:legacy-unknown-approver', [rule(['approve'], [certs], ['signers'], ['kubernetes.io/legacy-unknown'])]),
    clusterRole('system:certificates.k8s.io:kubelet-serving-approver', [rule(['approve'], [certs], ['signers'], ['kubernetes.io/kubelet-serving'])]),
    clusterRole('system:certificates.k8s.io:kube-apiserver-client-approver', [rule(['approve'], [certs], ['signers'], ['kubernetes.io/kube-apiserver-client'])]),
    clusterRole('system:certificates.k8s.io:kube-apiserver-client-kubelet-approver', [rule(['approve'], [certs], ['signers'], ['kubernetes.io/kube-apiserver-client-kubelet'])]),
    clusterRole('system:service-account-issuer-discovery', [
      urls(['get'], ['/.well-known/openid-configuration', '/.well-known/openid-configuration/', '/openid/v1/jwks', '/openid/v1/jwks/']),
    ]),
    clusterRole('system:node-proxier', [
      rule(['list', 'watch'], [core], ['services', 'endpoints']),
      rule(['get', 'list', 'watch'], [core], ['nodes']),
      eventsRule(),
      rule(['list', 'watch'], [discovery], ['endpointslices']),
    ]),
    clusterRole('system:kube-scheduler', [
      eventsRule(),
      rule(['create'], [coordination], ['leases']),
      rule(['get', 'update'], [coordination], ['leases'], ['kube-scheduler']),
      rule(Read, [core], ['nodes']),
      rule(['get', 'list', 'watch', 'delete'], [core], ['pods']),
      rule(['create'], [core], ['pods/binding', 'bindings']),
      rule(['patch', 'update'], [core], ['pods/status']),
      rule(Read, [core], ['services', 'replicationcontrollers']),
      rule(Read, [apps, extensions], ['replicasets']),
      rule(Read, [apps], ['statefulsets']),
      rule(Read, [policy], ['poddisruptionbudgets']),
      rule(Read, [core], ['persistentvolumeclaims', 'persistentvolumes']),
      rule(['create'], [authn], ['tokenreviews']),
      rule(['create'], [authz], ['subjectaccessreviews']),
      rule(Read, [storage], ['csinodes']),
      rule(Read, [core], ['namespaces']),
      rule(Read, [storage], ['csidrivers']),
      rule(Read, [storage], ['csistoragecapacities']),
    ]),
  ];
}

/** controller_policy.go: one role per kube-controller-manager controller, bound to its service account. */
function controllerRoles(): KubeObject[] {
  const c = (name: string, rules: PolicyRule[]) => clusterRole(`system:controller:${name}`, rules);
  return [
    c('attachdetach-controller', [
      rule(['list', 'watch'], [core], ['persistentvolumes', 'persistentvolumeclaims']),
      rule(['get', 'list', 'watch'], [core], ['nodes']),
      rule(['patch', 'update'], [core], ['nodes/status']),
      rule(['list', 'watch'], [core], ['pods']),
      eventsRule(),
      rule(['get', 'create', 'delete', 'list', 'watch'], [storage], ['volumeattachments']),
      rule(['get', 'watch', 'list'], [storage], ['csidrivers']),
      rule(['get', 'watch', 'list'], [storage], ['csinodes']),
    ]),
    c('clusterrole-aggregation-controller', [rule(['escalate', 'get', 'list', 'watch', 'update', 'patch'], [rbacGroup], ['clusterroles'])]),
    c('cronjob-controller', [
      rule(['get', 'list', 'watch', 'update'], [batch], ['cronjobs']),
      rule(['get', 'list', 'watch', 'create', 'update', 'delete', 'patch'], [batch], ['jobs']),
      rule(['update'], [batch], ['cronjobs/status']),
      rule(['update'], [batch], ['cronjobs/finalizers']),
      rule(['list', 'delete'], [core], ['pods']),
      eventsRule(),
    ]),
    c('daemon-set-controller', [
      rule(['get', 'list', 'watch'], [extensions, apps], ['daemonsets']),
      rule(['update'], [extensions, apps], ['daemonsets/status']),
      rule(['update'], [extensions, apps], ['daemonsets/finalizers']),
      rule(['list', 'watch'], [core], ['nodes']),
      rule(['list', 'watch', 'create', 'delete', 'patch'], [core], ['pods']),
      rule(['create'], [core], ['pods/binding']),
      rule(['get', 'list', 'watch', 'create', 'delete', 'update', 'patch'], [apps], ['controllerrevisions']),
      eventsRule(),
    ]),
    c('deployment-controller', [
      rule(['get', 'list', 'watch', 'update'], [extensions, apps], ['deployments']),
      rule(['update'], [extensions, apps], ['deployments/status']),
      rule(['update'], [extensions, apps], ['deployments/finalizers']),
      rule(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'], [apps, extensions], ['replicasets']),
      rule(['get', 'list', 'watch', 'update'], [core], ['pods']),
      eventsRule(),
    ]),
    c('disruption-controller', [
      rule(['get', 'list', 'watch'], [extensions, apps], ['deployments']),
      rule(['get', 'list', 'watch'], [apps, extensions], ['replicasets']),
      rule(['get', 'list', 'watch'], [core], ['replicationcontrollers']),
      rule(['get', 'list', 'watch'], [policy], ['poddisruptionbudgets']),
      rule(['get', 'list', 'watch'], [apps], ['statefulsets']),
      rule(['update'], [policy], ['poddisruptionbudgets/status']),
      rule(['patch', 'update'], [core], ['pods/status']),
      rule(['get'], ['*'], ['*/scale']),
      eventsRule(),
    ]),
    c('endpoint-controller', [
      rule(['get', 'list', 'watch'], [core], ['services', 'pods']),
      rule(['get', 'list', 'create', 'update', 'delete'], [core], ['endpoints']),
      rule(['create'], [core], ['endpoints/restricted']),
      eventsRule(),
    ]),
    c('endpointslice-controller', [
      rule(['get', 'list', 'watch'], [core], ['services', 'pods', 'nodes']),
      rule(['update'], [core], ['services/finalizers']),
      rule(['get', 'list', 'create', 'update', 'delete'], [discovery], ['endpointslices']),
      eventsRule(),
    ]),
    c('endpointslicemirroring-controller', [
      rule(['get', 'list', 'watch'], [core], ['services', 'endpoints']),
      rule(['update'], [core], ['services/finalizers']),
      rule(['update'], [core], ['endpoints/finalizers']),
      rule(['get', 'list', 'create', 'update', 'delete'], [discovery], ['endpointslices']),
      eventsRule(),
    ]),
    c('expand-controller', [
      rule(['get', 'list', 'watch', 'update', 'patch'], [core], ['persistentvolumes']),
      rule(['update', 'patch'], [core], ['persistentvolumeclaims/status']),
      rule(['get', 'list', 'watch'], [core], ['persistentvolumeclaims']),
      rule(['get', 'list', 'watch'], [storage], ['storageclasses']),
      rule(['get'], [core], ['services', 'endpoints']),
      rule(['get'], [core], ['secrets']),
      eventsRule(),
    ]),
    c('ephemeral-volume-controller', [
      rule(['get', 'list', 'watch'], [core], ['pods']),
      rule(['update'], [core], ['pods/finalizers']),
      rule(['get', 'list', 'watch', 'create'], [core], ['persistentvolumeclaims']),
      eventsRule(),
    ]),
    c('generic-garbage-collector', [rule(['get', 'list', 'watch', 'patch', 'update', 'delete'], ['*'], ['*']), eventsRule()]),
    c('horizontal-pod-autoscaler', [
      rule(['get', 'list', 'watch'], [autoscaling], ['horizontalpodautoscalers']),
      rule(['update'], [autoscaling], ['horizontalpodautoscalers/status']),
      rule(['get', 'update'], ['*'], ['*/scale']),
      rule(['list'], [core], ['pods']),
      rule(['list'], ['metrics.k8s.io'], ['pods']),
      rule(['get', 'list'], ['custom.metrics.k8s.io'], ['*']),
      rule(['get', 'list'], ['external.metrics.k8s.io'], ['*']),
      eventsRule(),
    ]),
    c('job-controller', [
      rule(['get', 'list', 'watch', 'update', 'patch'], [batch], ['jobs']),
      rule(['update'], [batch], ['jobs/status']),
      rule(['update'], [batch], ['jobs/finalizers']),
      rule(['list', 'watch', 'create', 'delete', 'patch'], [core], ['pods']),
      eventsRule(),
    ]),
    c('namespace-controller', [
      rule(['get', 'list', 'watch', 'delete'], [core], ['namespaces']),
      rule(['update'], [core], ['namespaces/finalize', 'namespaces/status']),
      rule(['get', 'list', 'delete', 'deletecollection'], ['*'], ['*']),
    ]),
    c('node-controller', [
      rule(['get', 'list', 'update', 'delete', 'patch'], [core], ['nodes']),
      rule(['patch', 'update'], [core], ['nodes/status']),
      rule(['patch', 'update'], [core], ['pods/status']),
      rule(['list', 'get', 'delete'], [core], ['pods']),
      eventsRule(),
    ]),
    c('persistent-volume-binder', [
      rule(['get', 'list', 'watch', 'update', 'create', 'delete'], [core], ['persistentvolumes']),
      rule(['update'], [core], ['persistentvolumes/status']),
      rule(['get', 'list', 'watch', 'update'], [core], ['persistentvolumeclaims']),
      rule(['update'], [core], ['persistentvolumeclaims/status']),
      rule(['list', 'watch', 'get', 'create', 'delete'], [core], ['pods']),
      rule(['get', 'list', 'watch'], [storage], ['storageclasses']),
      rule(['get', 'create', 'update', 'delete'], [core], ['endpoints']),
      rule(['get', 'create', 'delete'], [core], ['services']),
      rule(['get'], [core], ['secrets']),
      rule(['get', 'list'], [core], ['nodes']),
      rule(['watch'], [core], ['events']),
      eventsRule(),
    ]),
    c('pod-garbage-collector', [
      rule(['list', 'watch', 'delete'], [core], ['pods']),
      rule(['get', 'list'], [core], ['nodes']),
      rule(['patch'], [core], ['pods/status']),
    ]),
    c('replicaset-controller', [
      rule(['get', 'list', 'watch', 'update'], [apps, extensions], ['replicasets']),
      rule(['update'], [apps, extensions], ['replicasets/status']),
      rule(['update'], [apps, extensions], ['replicasets/finalizers']),
      rule(['list', 'watch', 'patch', 'create', 'delete'], [core], ['pods']),
      eventsRule(),
    ]),
    c('replication-controller', [
      rule(['get', 'list', 'watch', 'update'], [core], ['replicationcontrollers']),
      rule(['update'], [core], ['replicationcontrollers/status']),
      rule(['update'], [core], ['replicationcontrollers/finalizers']),
      rule(['list', 'watch', 'patch', 'create', 'delete'], [core], ['pods']),
      eventsRule(),
    ]),
    c('resourcequota-controller', [rule(['list', 'watch'], ['*'], ['*']), rule(['update'], [core], ['resourcequotas/status']), eventsRule()]),
    c('route-controller', [rule(['list', 'watch'], [core], ['nodes']), rule(['patch'], [core], ['nodes/status']), eventsRule()]),
    c('service-account-controller', [rule(['create'], [core], ['serviceaccounts']), eventsRule()]),
    c('service-controller', [
      rule(['get', 'list', 'watch'], [core], ['services']),
      rule(['patch', 'update'], [core], ['services/status']),
      rule(['list', 'watch'], [core], ['nodes']),
      eventsRule(),
    ]),
    c('statefulset-controller', [
      rule(['list', 'watch'], [core], ['pods']),
      rule(['get', 'list', 'watch'], [apps], ['statefulsets']),
      rule(['update'], [apps], ['statefulsets/status']),
      rule(['update'], [apps], ['statefulsets/finalizers']),
      rule(['get', 'create', 'delete', 'update', 'patch'], [core], ['pods']),
      rule(['get', 'create', 'delete', 'update', 'patch', 'list', 'watch'], [apps], ['controllerrevisions']),
      rule(['get', 'create'], [core], ['persistentvolumeclaims']),
      eventsRule(),
      rule(['update', 'delete'], [core], ['persistentvolumeclaims']),
    ]),
    c('ttl-controller', [rule(['update', 'patch', 'list', 'watch'], [core], ['nodes']), eventsRule()]),
    c('certificate-controller', [
      rule(['get', 'list', 'watch', 'delete'], [certs], ['certificatesigningrequests']),
      rule(['update'], [certs], ['certificatesigningrequests/status', 'certificatesigningrequests/approval']),
      rule(['approve'], [certs], ['signers'], ['kubernetes.io/kube-apiserver-client-kubelet']),
      rule(['sign'], [certs], ['signers'], ['kubernetes.io/legacy-unknown', 'kubernetes.io/kube-apiserver-client', 'kubernetes.io/kube-apiserver-client-kubelet', 'kubernetes.io/kubelet-serving']),
      rule(['create'], [authz], ['subjectaccessreviews']),
      eventsRule(),
    ]),
    c('pvc-protection-controller', [
      rule(['get', 'list', 'watch', 'update'], [core], ['persistentvolumeclaims']),
      rule(['list', 'watch', 'get'], [core], ['pods']),
      eventsRule(),
    ]),
    c('pv-protection-controller', [rule(['get', 'list', 'watch', 'update'], [core], ['persistentvolumes']), eventsRule()]),
    c('ttl-after-finished-controller', [rule(['get', 'list', 'watch', 'delete'], [batch], ['jobs']), eventsRule()]),
    c('root-ca-cert-publisher', [rule(['create', 'update'], [core], ['configmaps']), eventsRule()]),
    c('validatingadmissionpolicy-status-controller', [
      rule(['get', 'list', 'watch'], [admissionRegistration], ['validatingadmissionpolicies']),
      rule(['get', 'patch', 'update'], [admissionRegistration], ['validatingadmissionpolicies/status']),
      eventsRule(),
    ]),
    c('legacy-service-account-token-cleaner', [
      rule(['get'], [core], ['configmaps'], ['kube-apiserver-legacy-service-account-token-tracking']),
      rule(['patch', 'delete'], [core], ['secrets']),
    ]),
  ];
}

/** ClusterRoles() + ControllerRoles(), as the RBAC storage's PostStartHook creates them. */
export function bootstrapClusterRoles(): KubeObject[] {
  return [...clusterRoles(), ...controllerRoles()];
}

/** ClusterRoleBindings() + ControllerRoleBindings(). system:node keeps an empty binding: the Node authorizer serves kubelets. */
export function bootstrapClusterRoleBindings(): KubeObject[] {
  const controllerBindings = controllerRoles().map((r) => {
    const name = r.metadata.name ?? '';
    return clusterBinding(name, [sa('kube-system', name.slice('system:controller:'.length))]);
  });
  return [
    clusterBinding('cluster-admin', [group('system:masters')]),
    clusterBinding('system:monitoring', [group('system:monitoring')]),
    clusterBinding('system:discovery', [group('system:authenticated')]),
    clusterBinding('system:basic-user', [group('system:authenticated')]),
    clusterBinding('system:public-info-viewer', [group('system:authenticated'), group('system:unauthenticated')]),
    clusterBinding('system:node-proxier', [user('system:kube-proxy')]),
    clusterBinding('system:kube-controller-manager', [user('system:kube-controller-manager')]),
    clusterBinding('system:kube-dns', [sa('kube-system', 'kube-dns')]),
    clusterBinding('system:kube-scheduler', [user('system:kube-scheduler')]),
    clusterBinding('system:volume-scheduler', [user('system:kube-scheduler')]),
    clusterBinding('system:node', []),
    clusterBinding('system:service-account-issuer-discovery', [group('system:serviceaccounts')]),
    ...controllerBindings,
  ];
}

function role(namespace: string, name: string, rules: PolicyRule[]): KubeObject {
  return { apiVersion, kind: 'Role', metadata: meta(name, {}, namespace), rules };
}
function roleBinding(namespace: string, roleName: string, subjects: Subject[], name = roleName): KubeObject {
  return { apiVersion, kind: 'RoleBinding', metadata: meta(name, {}, namespace), roleRef: { apiGroup: rbacGroup, kind: 'Role', name: roleName }, subjects };
}

/** namespace_policy.go: Roles in kube-system and kube-public. */
export function bootstrapRoles(): KubeObject[] {
  return [
    role('kube-system', 'extension-apiserver-authentication-reader', [rule(['get', 'list', 'watch'], [core], ['configmaps'], ['extension-apiserver-authentication'])]),
    role('kube-system', 'system:controller:bootstrap-signer', [rule(['get', 'list', 'watch'], [core], ['secrets'])]),
    role('kube-system', 'system:controller:cloud-provider', [rule(['create', 'get', 'list', 'watch'], [core], ['configmaps'])]),
    role('kube-system', 'system:controller:token-cleaner', [rule(['get', 'list', 'watch', 'delete'], [core], ['secrets']), eventsRule()]),
    role('kube-system', 'system::leader-locking-kube-controller-manager', [
      rule(['watch'], [core], ['configmaps']),
      rule(['get', 'update'], [core], ['configmaps'], ['kube-controller-manager']),
      rule(['get', 'watch', 'list', 'create', 'update'], [coordination], ['leases']),
    ]),
    role('kube-system', 'system::leader-locking-kube-scheduler', [
      rule(['watch'], [core], ['configmaps']),
      rule(['get', 'update'], [core], ['configmaps'], ['kube-scheduler']),
    ]),
    role('kube-public', 'system:controller:bootstrap-signer', [
      rule(['get', 'list', 'watch'], [core], ['configmaps']),
      rule(['update'], [core], ['configmaps'], ['cluster-info']),
      eventsRule(),
    ]),
  ];
}

/** namespace_policy.go: RoleBindings in kube-system and kube-public. */
export function bootstrapRoleBindings(): KubeObject[] {
  return [
    roleBinding('kube-system', 'extension-apiserver-authentication-reader', [user('system:kube-controller-manager'), user('system:kube-scheduler')], 'system::extension-apiserver-authentication-reader'),
    roleBinding('kube-system', 'system::leader-locking-kube-controller-manager', [user('system:kube-controller-manager'), sa('kube-system', 'kube-controller-manager'), sa('kube-system', 'leader-election-controller')]),
    roleBinding('kube-system', 'system::leader-locking-kube-scheduler', [user('system:kube-scheduler'), sa('kube-system', 'kube-scheduler')]),
    roleBinding('kube-system', 'system:controller:bootstrap-signer', [sa('kube-system', 'bootstrap-signer')]),
    roleBinding('kube-system', 'system:controller:cloud-provider', [sa('kube-system', 'cloud-provider')]),
    roleBinding('kube-system', 'system:controller:token-cleaner', [sa('kube-system', 'token-cleaner')]),
    roleBinding('kube-public', 'system:controller:bootstrap-signer', [sa('kube-system', 'bootstrap-signer')]),
  ];
}
