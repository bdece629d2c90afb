/**
 * core/v1 schema table for Pod and the pod-level types it reaches: PodSpec, PodStatus,
 * PodTemplateSpec, conditions, DNS, tolerations, topology spread, resource claims. Containers
 * live in schema-container.ts, scheduling affinity in schema-affinity.ts, security contexts in
 * schema-security.ts; `corePodTypes` joins the four. A data table: longer than the usual file
 * on purpose. Facts (numbers, names, required lists, enums, patch and list metadata) follow
 * upstream v1.32 (staging/src/k8s.io/api/core/v1/types.go, api/openapi-spec/v3); fields added
 * after v1.32 that the protobuf tables already carried stay so the wire format keeps them.
 */
import type { TypeTable } from '../../schema/format.js';
import { conditionTail, listOf } from '../meta/schema-list.js';
import { v1 } from './schema-names.js';
import { coreAffinityTypes } from './schema-affinity.js';
import { coreContainerTypes } from './schema-container.js';
import { coreSecurityTypes } from './schema-security.js';

const req = { required: true } as const;
const atomic = { listType: 'atomic' } as const;
/** A list merged by one key, both by strategic merge patch and by server-side apply. */
const mergeBy = (key: string, strategy = 'merge') =>
  ({ patchStrategy: strategy, patchMergeKey: key, listType: 'map', listMapKeys: [key] }) as const;

const podPhases = ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'] as const;

const podOnlyTypes: TypeTable = {
  Pod: {
    name: 'io.k8s.api.core.v1.Pod',
    description: 'A group of one or more containers scheduled together onto one node, sharing network and storage. Clients create pods; the scheduler binds them to nodes and the kubelet runs them.',
    gvk: v1('Pod'),
    fields: [
      ['1 metadata ObjectMeta', "The pod's standard object metadata: name, namespace, labels, annotations and the rest."],
      ['2 spec PodSpec', 'The desired behavior of the pod: its containers, volumes and scheduling constraints.'],
      ['3 status PodStatus', 'What the system last observed about the pod. Written by the kubelet and the control plane; read-only for clients.'],
    ],
  },
  PodList: listOf('io.k8s.api.core.v1.PodList', 'Pod', v1('Pod'), 'The pods.'),
  PodTemplateSpec: {
    name: 'io.k8s.api.core.v1.PodTemplateSpec',
    description: 'The metadata and spec a controller stamps onto each pod it creates from a template.',
    fields: [
      ['1 metadata ObjectMeta', 'Labels, annotations and other metadata given to every pod made from this template.'],
      ['2 spec PodSpec', 'The spec given to every pod made from this template.'],
    ],
  },
  PodSpec: {
    name: 'io.k8s.api.core.v1.PodSpec',
    description: "The desired state of a pod: what to run, with which storage, and where it may be scheduled.",
    fields: [
      ['1 volumes Volume[]', 'Volumes the pod\'s containers can mount, each named uniquely within the pod.', mergeBy('name', 'merge,retainKeys')],
      ['20 initContainers Container[]', 'Containers run one after another, each to completion, before the regular containers start. Ones with restartPolicy Always keep running as sidecars.', mergeBy('name')],
      ['2 containers Container[]!', 'The containers of the pod. At least one is required; containers cannot be added or removed after creation.', { ...req, ...mergeBy('name') }],
      ['34 ephemeralContainers EphemeralContainer[]', 'Temporary containers added to a running pod for debugging, through the ephemeralcontainers subresource only.', mergeBy('name')],
      ['3 restartPolicy', 'What happens to containers that exit: Always (the default), OnFailure or Never.', { enum: ['Always', 'Never', 'OnFailure'] }],
      ['4 terminationGracePeriodSeconds i64*', 'Seconds between the termination signal and a forced kill when the pod is deleted. Defaults to 30; 0 kills at once.'],
      ['5 activeDeadlineSeconds i64*', 'Seconds the pod may be active on its node, counted from its start time, before the system fails it. Must be positive.'],
      ['6 dnsPolicy', 'How the pod\'s DNS resolver is configured. Defaults to ClusterFirst; use ClusterFirstWithHostNet together with hostNetwork.', { enum: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'] }],
      ['7 nodeSelector {}', 'Labels a node must carry for the pod to be scheduled onto it.', { mapType: 'atomic' }],
      ['8 serviceAccountName', 'The ServiceAccount the pod runs as; defaults to "default".'],
      ['9 serviceAccount', 'Deprecated alias of serviceAccountName.'],
      ['21 automountServiceAccountToken b*', 'Whether a service account token is mounted into the pod automatically.'],
      ['10 nodeName', 'The node the pod is bound to. Setting it at creation bypasses the scheduler.'],
      ['11 hostNetwork b', "Run the pod in the node's network namespace. Defaults to false."],
      ['12 hostPID b', "Run the pod in the node's process ID namespace. Defaults to false."],
      ['13 hostIPC b', "Run the pod in the node's IPC namespace. Defaults to false."],
      ['27 shareProcessNamespace b*', 'Put all containers of the pod in one process namespace, so they can see and signal each other\'s processes. Cannot be combined with hostPID.'],
      ['14 securityContext PodSecurityContext', 'Security settings for the whole pod, and defaults for each container\'s securityContext.'],
      ['15 imagePullSecrets LocalObjectReference[]', 'Secrets in the pod\'s namespace holding registry credentials for pulling the container images.', mergeBy('name')],
      ['16 hostname', 'The hostname the pod sees; defaults to a system-chosen value (the pod name).'],
      ['17 subdomain', 'With it, the pod\'s fully qualified name becomes <hostname>.<subdomain>.<namespace>.svc.<cluster domain>.'],
      ['18 affinity Affinity', 'Node affinity and inter-pod (anti-)affinity rules for scheduling.'],
      ['19 schedulerName', 'The scheduler that places this pod; the default scheduler when empty.'],
      ['22 tolerations Toleration[]', 'The node taints this pod tolerates.', atomic],
      ['23 hostAliases HostAlias[]', "Extra entries written to the pod's hosts file. Only for pods without hostNetwork.", mergeBy('ip')],
      ['24 priorityClassName', 'The PriorityClass whose value becomes the pod\'s priority; system-node-critical and system-cluster-critical are built in.'],
      ['25 priority i32*', 'The pod\'s priority, filled in from priorityClassName by admission. A higher value is more important.'],
      ['26 dnsConfig PodDNSConfig', 'DNS settings merged into the configuration dnsPolicy generates.'],
      ['28 readinessGates PodReadinessGate[]', 'Extra pod conditions that must be True, together with container readiness, for the pod to be ready.', atomic],
      ['29 runtimeClassName *', 'The RuntimeClass (node.k8s.io) whose handler runs this pod; the node\'s default handler when unset.'],
      ['30 enableServiceLinks b*', 'Whether service information is injected as environment variables, Docker-links style. Defaults to true.'],
      ['31 preemptionPolicy *', 'Whether this pod may preempt lower-priority pods. Defaults to PreemptLowerPriority.', { enum: ['Never', 'PreemptLowerPriority'] }],
      ['32 overhead Quantity{}', 'Resources the pod\'s sandbox consumes beyond its containers, set by RuntimeClass admission; must not be set by clients at creation.'],
      ['33 topologySpreadConstraints TopologySpreadConstraint[]', 'How the pod\'s group should be spread across topology domains such as zones or nodes. All constraints apply together.', { patchStrategy: 'merge', patchMergeKey: 'topologyKey', listType: 'map', listMapKeys: ['topologyKey', 'whenUnsatisfiable'] }],
      ['35 setHostnameAsFQDN b*', "Set the pod's hostname to its fully qualified domain name instead of the short name. Defaults to false."],
      ['36 os PodOS', 'The operating system the containers need; some security fields are forbidden depending on it.'],
      ['37 hostUsers b*', "Whether the pod uses the node's user namespace (true, the default) or gets its own (false)."],
      ['38 schedulingGates PodSchedulingGate[]', 'While any gate remains, the scheduler leaves the pod alone. Gates can only be set at creation and removed afterwards.', mergeBy('name')],
      ['39 resourceClaims PodResourceClaim[]', 'Dynamic resource claims the pod needs allocated before it can start, named for containers to refer to. Immutable.', mergeBy('name', 'merge,retainKeys')],
      ['40 resources ResourceRequirements', 'Pod-level CPU and memory requests and limits shared by all containers (alpha, PodLevelResources).'],
      ['41 hostnameOverride *', 'A hostname that replaces the one the pod would get (added after v1.32).'],
      ['42 workloadRef WorkloadReference', 'The workload this pod belongs to for gang scheduling (added after v1.32).'],
    ],
  },
  PodStatus: {
    name: 'io.k8s.api.core.v1.PodStatus',
    description: 'What was last observed about a pod. It can lag behind reality, for example while its node is unreachable.',
    fields: [
      ['1 phase', 'A coarse summary of where the pod is in its lifecycle: Pending, Running, Succeeded, Failed or Unknown.', { enum: podPhases }],
      ['2 conditions PodCondition[]', 'The pod\'s current conditions (PodScheduled, Initialized, ContainersReady, Ready, ...).', mergeBy('type')],
      ['3 message', 'A human-readable explanation of the pod\'s current state.'],
      ['4 reason', "A short CamelCase word saying why the pod is in this state, such as 'Evicted'."],
      ['11 nominatedNodeName', 'The node this pod preempted others on and expects to land on; not a guarantee.'],
      ['5 hostIP', 'The primary IP of the node the pod runs on; empty until the pod starts.'],
      ['16 hostIPs HostIP[]', 'The IPs of the node the pod runs on; the first equals hostIP.', { patchStrategy: 'merge', patchMergeKey: 'ip', listType: 'atomic' }],
      ['6 podIP', 'The primary IP allocated to the pod; empty until one is allocated.'],
      ['12 podIPs PodIP[]', 'The IPs allocated to the pod, at most one per family; the first equals podIP.', mergeBy('ip')],
      ['7 startTime Time', 'When the kubelet acknowledged the pod, before pulling its images.'],
      ['10 initContainerStatuses ContainerStatus[]', 'One status per init container in the spec.', atomic],
      ['8 containerStatuses ContainerStatus[]', 'One status per regular container in the spec.', atomic],
      ['9 qosClass', 'The Quality of Service class computed from the containers\' requests and limits.', { enum: ['BestEffort', 'Burstable', 'Guaranteed'] }],
      ['13 ephemeralContainerStatuses ContainerStatus[]', 'One status per ephemeral container that has run in the pod.', atomic],
      ['14 resize', 'The state of a pending in-place resize of the containers\' resources; empty when none is pending.'],
      ['15 resourceClaimStatuses PodResourceClaimStatus[]', 'The ResourceClaim names generated for the pod\'s claims that came from templates.', mergeBy('name', 'merge,retainKeys')],
      ['17 observedGeneration i64', 'The pod generation the kubelet last acted on (added after v1.32).'],
      ['18 extendedResourceClaimStatus PodExtendedResourceClaimStatus', 'The claim made for extended resources backed by dynamic resource allocation (added after v1.32).'],
      ['19 allocatedResources Quantity{}', 'Pod-level resources allocated by the node (added after v1.32).'],
      ['20 resources ResourceRequirements', 'Pod-level requests and limits in effect on the node (added after v1.32).'],
    ],
  },
  PodCondition: {
    name: 'io.k8s.api.core.v1.PodCondition',
    description: 'One observed aspect of a pod\'s state, such as whether it is scheduled or ready.',
    fields: [
      ['1 type !', 'The condition\'s type, e.g. PodScheduled, Initialized, ContainersReady or Ready.', req],
      ['7 observedGeneration i64', 'The pod generation this condition was computed from (added after v1.32).'],
      ['2 status !', 'True, False or Unknown.', req],
      ['3 lastProbeTime Time', 'When the condition was last checked.'],
      ...conditionTail(4),
    ],
  },
  PodIP: {
    name: 'io.k8s.api.core.v1.PodIP',
    description: 'One IP address allocated to a pod.',
    fields: [['1 ip !', 'The IP address.', req]],
  },
  HostIP: {
    name: 'io.k8s.api.core.v1.HostIP',
    description: 'One IP address of the node a pod runs on.',
    fields: [['1 ip !', 'The IP address.', req]],
  },
  PodOS: {
    name: 'io.k8s.api.core.v1.PodOS',
    description: 'The operating system a pod\'s containers are built for.',
    fields: [['1 name !', 'The OS name: linux or windows today. Clients should treat values they do not know as unset.', req]],
  },
  PodReadinessGate: {
    name: 'io.k8s.api.core.v1.PodReadinessGate',
    description: 'Names a pod condition that must be True for the pod to count as ready.',
    fields: [['1 conditionType !', 'The type of the pod condition to wait for.', req]],
  },
  PodSchedulingGate: {
    name: 'io.k8s.api.core.v1.PodSchedulingGate',
    description: 'A named hold that keeps a pod from being scheduled until it is removed.',
    fields: [['1 name !', 'The gate\'s name, unique within the pod.', req]],
  },
  HostAlias: {
    name: 'io.k8s.api.core.v1.HostAlias',
    description: "An IP and the hostnames that resolve to it in the pod's hosts file.",
    fields: [
      ['1 ip !', 'The IP address the hostnames map to.', req],
      ['2 hostnames []', 'Hostnames for that IP.', atomic],
    ],
  },
  PodDNSConfig: {
    name: 'io.k8s.api.core.v1.PodDNSConfig',
    description: 'DNS settings added to those that the pod\'s dnsPolicy generates.',
    fields: [
      ['1 nameservers []', 'Name server IPs appended to the generated ones; duplicates are dropped.', atomic],
      ['2 searches []', 'Search domains appended to the generated ones; duplicates are dropped.', atomic],
      ['3 options PodDNSConfigOption[]', 'Resolver options; they override generated options of the same name.', atomic],
    ],
  },
  PodDNSConfigOption: {
    name: 'io.k8s.api.core.v1.PodDNSConfigOption',
    description: 'One resolver option, such as ndots.',
    fields: [
      ['1 name', 'The option\'s name. Required.'],
      ['2 value *', 'The option\'s value, if it takes one.'],
    ],
  },
  Toleration: {
    name: 'io.k8s.api.core.v1.Toleration',
    description: 'Lets a pod be scheduled onto (or stay on) nodes with matching taints.',
    fields: [
      ['1 key', 'The taint key matched; empty matches every key and requires operator Exists.'],
      ['2 operator', 'How key and value are compared: Equal (the default) or Exists, which matches any value.', { enum: ['Equal', 'Exists'] }],
      ['3 value', 'The taint value matched with Equal; empty with Exists.'],
      ['4 effect', 'The taint effect matched; empty matches every effect.', { enum: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'] }],
      ['5 tolerationSeconds i64*', 'For NoExecute taints: how long the pod stays bound after the taint appears. Unset means forever; zero or less evicts at once.'],
    ],
  },
  TopologySpreadConstraint: {
    name: 'io.k8s.api.core.v1.TopologySpreadConstraint',
    description: 'How evenly matching pods must be spread across the domains of one topology key.',
    fields: [
      ['1 maxSkew i32!', 'The largest allowed difference in matching pods between any two eligible domains. Must be above zero.', req],
      ['2 topologyKey !', 'The node label whose values define the domains, such as topology.kubernetes.io/zone.', req],
      ['3 whenUnsatisfiable !', 'What the scheduler does when the constraint cannot be met: DoNotSchedule or ScheduleAnyway.', { ...req, enum: ['DoNotSchedule', 'ScheduleAnyway'] }],
      ['4 labelSelector LabelSelector', 'Selects the pods counted in each domain.'],
      ['5 minDomains i32*', 'The least number of eligible domains; fewer count as a global minimum of zero. Only with DoNotSchedule.'],
      ['6 nodeAffinityPolicy *', "Whether the pod's nodeAffinity and nodeSelector limit the domains counted: Honor (the default) or Ignore.", { enum: ['Honor', 'Ignore'] }],
      ['7 nodeTaintsPolicy *', 'Whether node taints limit the domains counted: Honor or Ignore (the default).', { enum: ['Honor', 'Ignore'] }],
      ['8 matchLabelKeys []', "Pod label keys whose values, taken from the incoming pod, are ANDed into labelSelector.", atomic],
    ],
  },
  PodResourceClaim: {
    name: 'io.k8s.api.core.v1.PodResourceClaim',
    description: 'Names a ResourceClaim, or a template to make one from, that the pod needs. Exactly one source must be set.',
    fields: [
      ['1 name !', 'The name containers use to refer to this claim; a DNS label unique in the pod.', req],
      ['3 resourceClaimName *', 'An existing ResourceClaim in the pod\'s namespace.'],
      ['4 resourceClaimTemplateName *', 'A ResourceClaimTemplate in the pod\'s namespace from which a claim is made for this pod and deleted with it.'],
    ],
  },
  PodResourceClaimStatus: {
    name: 'io.k8s.api.core.v1.PodResourceClaimStatus',
    description: 'The generated ResourceClaim name for one of the pod\'s template-based claims.',
    fields: [
      ['1 name !', 'The name of the entry in spec.resourceClaims.', req],
      ['2 resourceClaimName *', 'The generated ResourceClaim in the pod\'s namespace; unset when none was needed.'],
    ],
  },
  PodExtendedResourceClaimStatus: {
    name: 'io.k8s.api.core.v1.PodExtendedResourceClaimStatus',
    description: 'The ResourceClaim made for a pod\'s extended resource requests (added after v1.32).',
    fields: [
      ['1 requestMappings ContainerExtendedResourceRequest[]!', 'Which container requests map to which claim requests.', { ...req, ...atomic }],
      ['2 resourceClaimName !', 'The name of the claim made.', req],
    ],
  },
  ContainerExtendedResourceRequest: {
    name: 'io.k8s.api.core.v1.ContainerExtendedResourceRequest',
    description: 'Ties a container\'s extended resource to a request in a ResourceClaim (added after v1.32).',
    fields: [
      ['1 containerName !', 'The container asking for the resource.', req],
      ['2 resourceName !', 'The extended resource name.', req],
      ['3 requestName !', 'The request in the claim that serves it.', req],
    ],
  },
  WorkloadReference: {
    name: 'io.k8s.api.core.v1.WorkloadReference',
    description: 'Points a pod at the Workload and pod group it is scheduled with (added after v1.32).',
    fields: [
      ['1 name !', 'The Workload\'s name.', req],
      ['2 podGroup !', 'The pod group within the Workload.', req],
      ['3 podGroupReplicaKey', 'Which replica of the pod group this pod belongs to.'],
    ],
  },
};

/** Every pod-related core/v1 type except volumes (schema-volumes.ts). */
export const corePodTypes: TypeTable = {
  ...podOnlyTypes, ...coreContainerTypes, ...coreAffinityTypes, ...coreSecurityTypes,
};
