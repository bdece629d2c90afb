/**
 * core/v1 schema table for containers: Container and EphemeralContainer, ports, environment,
 * mounts, probes and lifecycle hooks, resources, and the container statuses a pod reports.
 * A data table: longer than the usual file on purpose. Facts follow upstream v1.32
 * (staging/src/k8s.io/api/core/v1/types.go); fields added after v1.32 that the protobuf tables
 * already carried are kept and say so.
 */
import type { FieldEntry, TypeTable } from '../../schema/format.js';

const req = { required: true } as const;
const atomic = { listType: 'atomic' } as const;
const mergeBy = (key: string) =>
  ({ patchStrategy: 'merge', patchMergeKey: key, listType: 'map', listMapKeys: [key] }) as const;
const pullPolicies = ['Always', 'IfNotPresent', 'Never'] as const;

const containerFields: readonly FieldEntry[] = [
  ['1 name !', 'The container\'s name, a DNS label unique among all containers of the pod. Cannot be updated.', req],
  ['2 image', 'The container image to run. Optional here so that controllers can fill it in from elsewhere.'],
  ['3 command []', "The entrypoint, run without a shell; the image's ENTRYPOINT when unset. $(VAR) references expand from the container's environment, $$ escapes. Cannot be updated.", atomic],
  ['4 args []', "Arguments to the entrypoint; the image's CMD when unset. $(VAR) references expand as in command. Cannot be updated.", atomic],
  ['5 workingDir', "The working directory; the runtime's default when unset. Cannot be updated."],
  ['6 ports ContainerPort[]', 'Ports the container exposes. Informational: any port a process listens on is reachable anyway. Cannot be updated.', { patchStrategy: 'merge', patchMergeKey: 'containerPort', listType: 'map', listMapKeys: ['containerPort', 'protocol'] }],
  ['19 envFrom EnvFromSource[]', 'ConfigMaps and Secrets whose keys all become environment variables. Later sources win on clashes, and env entries win over them. Cannot be updated.', atomic],
  ['7 env EnvVar[]', 'Environment variables set in the container. Cannot be updated.', mergeBy('name')],
  ['8 resources ResourceRequirements', 'Compute resources the container requests and is limited to.'],
  ['23 resizePolicy ContainerResizePolicy[]', 'How each resource may be resized in place: with or without restarting the container.', atomic],
  ['24 restartPolicy *', 'For init containers only: Always makes it a sidecar that starts in order and keeps running beside the regular containers.', { enum: ['Always'] }],
  ['25 restartPolicyRules ContainerRestartRule[]', 'Per-exit-code overrides of the restart policy (added after v1.32).', atomic],
  ['9 volumeMounts VolumeMount[]', 'Pod volumes mounted into the container\'s filesystem. Cannot be updated.', mergeBy('mountPath')],
  ['21 volumeDevices VolumeDevice[]', 'Block volumes exposed to the container as raw devices.', mergeBy('devicePath')],
  ['10 livenessProbe Probe', 'Checks that the container is alive; the container is restarted when it fails. Cannot be updated.'],
  ['11 readinessProbe Probe', 'Checks that the container can serve; it is taken out of service endpoints while failing. Cannot be updated.'],
  ['22 startupProbe Probe', 'Checks that the container has finished starting; the other probes wait until it succeeds, and failing it restarts the container. Cannot be updated.'],
  ['12 lifecycle Lifecycle', 'Actions the kubelet takes right after the container starts and right before it stops. Cannot be updated.'],
  ['13 terminationMessagePath', 'The file whose contents become the termination message. Defaults to /dev/termination-log. Cannot be updated.'],
  ['20 terminationMessagePolicy', 'Where the termination message comes from: File (the default) or FallbackToLogsOnError, which uses the log tail when the file is empty and the container failed. Cannot be updated.', { enum: ['FallbackToLogsOnError', 'File'] }],
  ['14 imagePullPolicy', 'When the image is pulled: Always, Never or IfNotPresent. Defaults to Always for a :latest tag and IfNotPresent otherwise. Cannot be updated.', { enum: pullPolicies }],
  ['15 securityContext SecurityContext', 'Security options for this container; they override the pod securityContext.'],
  ['16 stdin b', 'Keep a stdin buffer open for the container; reads get EOF when false. Defaults to false.'],
  ['17 stdinOnce b', 'Close stdin after the first attached client detaches, until the container restarts. Defaults to false.'],
  ['18 tty b', 'Allocate a TTY for the container; needs stdin too. Defaults to false.'],
];

/** What upstream says differently of the same fields inside an ephemeral container. */
const ephemeralNotes: Readonly<Record<string, string>> = {
  name: 'The ephemeral container\'s name, a DNS label unique among all containers of the pod.',
  ports: 'Not allowed for ephemeral containers.',
  resources: 'Not allowed: ephemeral containers use the resources already given to the pod.',
  resizePolicy: 'Not allowed for ephemeral containers.',
  restartPolicy: 'Not allowed for ephemeral containers.',
  restartPolicyRules: 'Not allowed for ephemeral containers.',
  volumeDevices: 'Not allowed for ephemeral containers.',
  volumeMounts: 'Pod volumes mounted into the ephemeral container; subPath mounts are not allowed. Cannot be updated.',
  livenessProbe: 'Not allowed for ephemeral containers.',
  readinessProbe: 'Not allowed for ephemeral containers.',
  startupProbe: 'Not allowed for ephemeral containers.',
  lifecycle: 'Not allowed for ephemeral containers.',
  securityContext: 'Optional security options for the ephemeral container.',
};

const ephemeralFields: readonly FieldEntry[] = containerFields.map(([spec, description, meta]) => {
  const name = spec.split(' ')[1];
  return [spec, ephemeralNotes[name] ?? description, meta] as const;
});

export const coreContainerTypes: TypeTable = {
  Container: {
    name: 'io.k8s.api.core.v1.Container',
    description: 'One application container to run inside a pod.',
    fields: containerFields,
  },
  EphemeralContainer: {
    name: 'io.k8s.api.core.v1.EphemeralContainer',
    description: 'A temporary container added to a running pod for debugging, through the ephemeralcontainers subresource. It has no resource or scheduling guarantees, is never restarted, and cannot be removed.',
    fields: [
      ['1 ... EphemeralContainerCommon', ''],
      ['2 targetContainerName', 'The container whose namespaces (IPC, PID, ...) this one joins; the pod\'s shared namespaces when unset. The runtime must support it.'],
    ],
  },
  EphemeralContainerCommon: {
    // Inlined into EphemeralContainer (upstream has no OpenAPI definition of its own for it);
    // same fields and numbers as Container, with the ephemeral restrictions in the texts.
    name: 'io.k8s.api.core.v1.EphemeralContainerCommon',
    description: 'The fields an ephemeral container shares with Container.',
    fields: ephemeralFields,
  },
  ContainerPort: {
    name: 'io.k8s.api.core.v1.ContainerPort',
    description: 'A network port a container exposes.',
    fields: [
      ['1 name', 'An IANA_SVC_NAME unique within the pod, by which services can refer to the port.'],
      ['2 hostPort i32', 'The port to open on the node. Must be 1-65535; equals containerPort under hostNetwork. Rarely needed.'],
      ['3 containerPort i32!', 'The port number on the pod\'s IP, 1-65535.', req],
      ['4 protocol', 'UDP, TCP or SCTP. Defaults to TCP.', { enum: ['SCTP', 'TCP', 'UDP'], default: 'TCP' }],
      ['5 hostIP', 'The node IP the host port binds to.'],
    ],
  },
  VolumeMount: {
    name: 'io.k8s.api.core.v1.VolumeMount',
    description: 'Mounts one of the pod\'s volumes into a container.',
    fields: [
      ['1 name !', 'The name of the pod volume to mount.', req],
      ['2 readOnly b', 'Mount read-only when true. Defaults to false.'],
      ['7 recursiveReadOnly *', 'Whether a read-only mount is read-only on its submounts too: Disabled (the default), IfPossible or Enabled. Needs readOnly.', { enum: ['Disabled', 'Enabled', 'IfPossible'] }],
      ['3 mountPath !', 'Where in the container the volume appears; must not contain ":".', req],
      ['4 subPath', 'A path inside the volume to mount instead of its root.'],
      ['5 mountPropagation *', 'How mounts propagate between host and container: None (the default), HostToContainer or Bidirectional.', { enum: ['Bidirectional', 'HostToContainer', 'None'] }],
      ['6 subPathExpr', 'Like subPath, with $(VAR) references expanded from the container\'s environment. Exclusive with subPath.'],
    ],
  },
  VolumeDevice: {
    name: 'io.k8s.api.core.v1.VolumeDevice',
    description: 'Maps a raw block volume to a device path inside a container.',
    fields: [
      ['1 name !', 'The name of a persistentVolumeClaim volume of the pod.', req],
      ['2 devicePath !', 'The device path in the container.', req],
    ],
  },
  EnvVar: {
    name: 'io.k8s.api.core.v1.EnvVar',
    description: 'One environment variable of a container.',
    fields: [
      ['1 name !', 'The variable\'s name.', req],
      ['2 value', 'A literal value in which $(VAR) references to earlier variables expand; $$ escapes. Defaults to "".'],
      ['3 valueFrom EnvVarSource', 'Where to read the value from instead; not allowed with a non-empty value.'],
    ],
  },
  EnvVarSource: {
    name: 'io.k8s.api.core.v1.EnvVarSource',
    description: 'Where an environment variable\'s value comes from; set exactly one.',
    fields: [
      ['1 fieldRef ObjectFieldSelector', 'A field of the pod: metadata.name, metadata.namespace, metadata.uid, labels or annotations by key, spec.nodeName, spec.serviceAccountName, status.hostIP(s) or status.podIP(s).'],
      ['2 resourceFieldRef ResourceFieldSelector', "A limit or request of a container: cpu, memory, ephemeral-storage or hugepages."],
      ['3 configMapKeyRef ConfigMapKeySelector', 'A key of a ConfigMap in the pod\'s namespace.'],
      ['4 secretKeyRef SecretKeySelector', 'A key of a Secret in the pod\'s namespace.'],
      ['5 fileKeyRef FileKeySelector', 'A key in an env file on a volume (added after v1.32).'],
    ],
  },
  ObjectFieldSelector: {
    name: 'io.k8s.api.core.v1.ObjectFieldSelector',
    description: 'Selects one field of an object by its path.',
    structType: 'atomic',
    fields: [
      ['1 apiVersion', 'The schema version fieldPath is written in; defaults to "v1".'],
      ['2 fieldPath !', 'The path of the field to select, in that version.', req],
    ],
  },
  ResourceFieldSelector: {
    name: 'io.k8s.api.core.v1.ResourceFieldSelector',
    description: 'Selects one resource limit or request of a container, scaled by a divisor.',
    structType: 'atomic',
    fields: [
      ['1 containerName', 'The container; required for volumes, optional for environment variables.'],
      ['2 resource !', 'The resource, such as limits.cpu or requests.memory.', req],
      ['3 divisor Quantity', 'The unit the value is expressed in; defaults to "1".'],
    ],
  },
  ConfigMapKeySelector: {
    name: 'io.k8s.api.core.v1.ConfigMapKeySelector',
    description: 'Selects one key of a ConfigMap.',
    structType: 'atomic',
    fields: [
      ['1 ... LocalObjectReference', ''],
      ['2 key !', 'The key to read.', req],
      ['3 optional b*', 'Whether the ConfigMap or its key may be missing.'],
    ],
  },
  SecretKeySelector: {
    name: 'io.k8s.api.core.v1.SecretKeySelector',
    description: 'Selects one key of a Secret.',
    structType: 'atomic',
    fields: [
      ['1 ... LocalObjectReference', ''],
      ['2 key !', 'The key to read; must be a valid secret key.', req],
      ['3 optional b*', 'Whether the Secret or its key may be missing.'],
    ],
  },
  FileKeySelector: {
    name: 'io.k8s.api.core.v1.FileKeySelector',
    description: 'Selects a key from an env-format file on one of the pod\'s volumes (added after v1.32).',
    structType: 'atomic',
    fields: [
      ['1 volumeName !', 'The volume holding the file.', req],
      ['2 path !', 'The file\'s path inside the volume.', req],
      ['3 key !', 'The key to read.', req],
      ['4 optional b*', 'Whether the file or key may be missing.'],
    ],
  },
  EnvFromSource: {
    name: 'io.k8s.api.core.v1.EnvFromSource',
    description: 'A ConfigMap or Secret whose keys all become environment variables.',
    fields: [
      ['1 prefix', 'A prefix added to every key; the result must be a C identifier.'],
      ['2 configMapRef ConfigMapEnvSource', 'The ConfigMap to read.'],
      ['3 secretRef SecretEnvSource', 'The Secret to read.'],
    ],
  },
  ConfigMapEnvSource: {
    name: 'io.k8s.api.core.v1.ConfigMapEnvSource',
    description: 'A ConfigMap whose data becomes environment variables.',
    fields: [
      ['1 ... LocalObjectReference', ''],
      ['2 optional b*', 'Whether the ConfigMap may be missing.'],
    ],
  },
  SecretEnvSource: {
    name: 'io.k8s.api.core.v1.SecretEnvSource',
    description: 'A Secret whose data becomes environment variables.',
    fields: [
      ['1 ... LocalObjectReference', ''],
      ['2 optional b*', 'Whether the Secret may be missing.'],
    ],
  },
  ResourceRequirements: {
    name: 'io.k8s.api.core.v1.ResourceRequirements',
    description: 'Compute resources requested and the limits enforced.',
    fields: [
      ['1 limits Quantity{}', 'The most of each resource that may be used.'],
      ['2 requests Quantity{}', 'The amount of each resource to reserve; defaults to the limit when only that is set, and cannot exceed it.'],
      ['3 claims ResourceClaim[]', 'Which of the pod\'s resource claims (spec.resourceClaims) this container uses. Immutable.', { listType: 'map', listMapKeys: ['name'] }],
    ],
  },
  ResourceClaim: {
    name: 'io.k8s.api.core.v1.ResourceClaim',
    description: 'Refers to one entry of the pod\'s spec.resourceClaims.',
    fields: [
      ['1 name !', 'The name of the entry in spec.resourceClaims.', req],
      ['2 request', 'Only this request of the claim is made available when set; otherwise the whole claim.'],
    ],
  },
  ContainerResizePolicy: {
    name: 'io.k8s.api.core.v1.ContainerResizePolicy',
    description: 'Whether changing one resource in place restarts the container.',
    fields: [
      ['1 resourceName !', 'The resource: cpu or memory.', req],
      ['2 restartPolicy !', 'NotRequired (the default) or RestartContainer.', req],
    ],
  },
  ContainerRestartRule: {
    name: 'io.k8s.api.core.v1.ContainerRestartRule',
    description: 'An action taken when a container exits in a matching way (added after v1.32).',
    fields: [
      ['1 action', 'What to do; Restart is the only action.'],
      ['2 exitCodes ContainerRestartRuleOnExitCodes', 'The exit codes the rule matches.'],
    ],
  },
  ContainerRestartRuleOnExitCodes: {
    name: 'io.k8s.api.core.v1.ContainerRestartRuleOnExitCodes',
    description: 'Matches container exit codes (added after v1.32).',
    fields: [
      ['1 operator', 'In or NotIn.'],
      ['2 values i32[]', 'The exit codes compared against.', { listType: 'set' }],
    ],
  },
  ...probeTypes(),
  ...statusTypes(),
};

function probeTypes(): TypeTable {
  return {
    Probe: {
      name: 'io.k8s.api.core.v1.Probe',
      description: 'A periodic health check the kubelet runs against a container.',
      fields: [
        ['1 ... ProbeHandler', ''],
        ['2 initialDelaySeconds i32', 'Seconds after the container starts before the first check.'],
        ['3 timeoutSeconds i32', 'Seconds before one check times out. Defaults to 1; at least 1.'],
        ['4 periodSeconds i32', 'Seconds between checks. Defaults to 10; at least 1.'],
        ['5 successThreshold i32', 'Consecutive successes after a failure before the probe passes. Defaults to 1, which liveness and startup probes require.'],
        ['6 failureThreshold i32', 'Consecutive failures before the probe fails. Defaults to 3; at least 1.'],
        ['7 terminationGracePeriodSeconds i64*', 'Grace period used when this probe\'s failure kills the container; overrides the pod\'s. At least 1.'],
      ],
    },
    ProbeHandler: {
      name: 'io.k8s.api.core.v1.ProbeHandler',
      description: 'How a probe checks a container; set exactly one.',
      fields: [
        ['1 exec ExecAction', 'Run a command in the container.'],
        ['2 httpGet HTTPGetAction', 'Send an HTTP GET request.'],
        ['3 tcpSocket TCPSocketAction', 'Open a TCP connection.'],
        ['4 grpc GRPCAction', 'Call the gRPC health checking service.'],
      ],
    },
    Lifecycle: {
      name: 'io.k8s.api.core.v1.Lifecycle',
      description: 'Hooks the kubelet runs at container start and stop.',
      fields: [
        ['1 postStart LifecycleHandler', 'Runs right after the container is created; on failure the container is restarted per its policy. The container is not running until it completes.'],
        ['2 preStop LifecycleHandler', 'Runs before the container is terminated by an API request or a management event; the grace period keeps counting while it runs.'],
        ['3 stopSignal *', 'The signal sent to stop the container (added after v1.32).'],
      ],
    },
    LifecycleHandler: {
      name: 'io.k8s.api.core.v1.LifecycleHandler',
      description: 'The action of a lifecycle hook; set exactly one.',
      fields: [
        ['1 exec ExecAction', 'Run a command in the container.'],
        ['2 httpGet HTTPGetAction', 'Send an HTTP GET request.'],
        ['3 tcpSocket TCPSocketAction', 'Deprecated, kept for compatibility: a TCP check that is not validated.'],
        ['4 sleep SleepAction', 'Wait for a number of seconds.'],
      ],
    },
    ExecAction: {
      name: 'io.k8s.api.core.v1.ExecAction',
      description: 'Runs a command inside the container.',
      fields: [['1 command []', 'The command and its arguments, run directly (not in a shell) from the container\'s root; exit status 0 is success.', atomic]],
    },
    HTTPGetAction: {
      name: 'io.k8s.api.core.v1.HTTPGetAction',
      description: 'An HTTP GET request against the container.',
      fields: [
        ['1 path', 'The request path.'],
        ['2 port IntOrString', 'The port number (1-65535) or the name of a container port.', req],
        ['3 host', 'The host to connect to; the pod IP by default. Set a Host header with httpHeaders instead when possible.'],
        ['4 scheme', 'HTTP (the default) or HTTPS.', { enum: ['HTTP', 'HTTPS'] }],
        ['5 httpHeaders HTTPHeader[]', 'Extra request headers; repeated names are allowed.', atomic],
      ],
    },
    HTTPHeader: {
      name: 'io.k8s.api.core.v1.HTTPHeader',
      description: 'One HTTP header of a probe request.',
      fields: [
        ['1 name !', 'The header name; normalized on output, so differently cased names are the same header.', req],
        ['2 value !', 'The header value.', req],
      ],
    },
    TCPSocketAction: {
      name: 'io.k8s.api.core.v1.TCPSocketAction',
      description: 'A TCP connection attempt against the container.',
      fields: [
        ['1 port IntOrString', 'The port number (1-65535) or the name of a container port.', req],
        ['2 host', 'The host to connect to; the pod IP by default.'],
      ],
    },
    GRPCAction: {
      name: 'io.k8s.api.core.v1.GRPCAction',
      description: 'A call to the standard gRPC health checking service.',
      fields: [
        ['1 port i32!', 'The port number of the gRPC service, 1-65535.', req],
        ['2 service *!', 'The service name placed in the HealthCheckRequest; empty asks about the server as a whole.', { default: '' }],
      ],
    },
    SleepAction: {
      name: 'io.k8s.api.core.v1.SleepAction',
      description: 'A pause before the hook completes.',
      fields: [['1 seconds i64!', 'How many seconds to sleep.', req]],
    },
  };
}

function statusTypes(): TypeTable {
  return {
    ContainerStatus: {
      name: 'io.k8s.api.core.v1.ContainerStatus',
      description: 'What the kubelet last observed about one container of a pod.',
      fields: [
        ['1 name !', 'The container\'s name, as in the spec.', req],
        ['2 state ContainerState', 'The container\'s current state.'],
        ['3 lastState ContainerState', 'The state it was in before the last restart, kept to debug crashes; empty while running with no restarts.'],
        ['4 ready b!', 'Whether the container passes its readiness probe (or has started, when it has none).', req],
        ['5 restartCount i32!', 'How many times the container restarted; never negative, though it may reset when the node restarts.', req],
        ['6 image !', 'The image the container runs, as the runtime resolved it.', req],
        ['7 imageID !', 'The ID of that image, as the runtime resolved it.', req],
        ['8 containerID', 'The runtime\'s ID for the container, as <type>://<id>.'],
        ['9 started b*', 'Whether the postStart hook ran and the startup probe passed. Null counts as false.'],
        ['10 allocatedResources Quantity{}', 'Resources the node allocated to the container, after admission or an accepted resize.'],
        ['11 resources ResourceRequirements', 'The requests and limits actually applied to the running container.'],
        ['12 volumeMounts VolumeMountStatus[]', 'The volumes mounted in the container.', { ...mergeBy('mountPath') }],
        ['13 user ContainerUser', 'The identity the container\'s first process runs as.'],
        ['14 allocatedResourcesStatus ResourceStatus[]', 'Health of the devices allocated to the container, per resource.', mergeBy('name')],
        ['15 stopSignal *', 'The stop signal the container uses (added after v1.32).'],
      ],
    },
    ContainerState: {
      name: 'io.k8s.api.core.v1.ContainerState',
      description: 'A container\'s state; only one member is set, and none means waiting.',
      fields: [
        ['1 waiting ContainerStateWaiting', 'Details of a container that is not running yet.'],
        ['2 running ContainerStateRunning', 'Details of a running container.'],
        ['3 terminated ContainerStateTerminated', 'Details of a container that has exited.'],
      ],
    },
    ContainerStateWaiting: {
      name: 'io.k8s.api.core.v1.ContainerStateWaiting',
      description: 'A container that is not running yet.',
      fields: [
        ['1 reason', 'A short reason, such as ContainerCreating or ImagePullBackOff.'],
        ['2 message', 'More detail on why it is waiting.'],
      ],
    },
    ContainerStateRunning: {
      name: 'io.k8s.api.core.v1.ContainerStateRunning',
      description: 'A running container.',
      fields: [['1 startedAt Time', 'When the container last (re)started.']],
    },
    ContainerStateTerminated: {
      name: 'io.k8s.api.core.v1.ContainerStateTerminated',
      description: 'A container that has exited.',
      fields: [
        ['1 exitCode i32!', 'The exit status of its last run.', req],
        ['2 signal i32', 'The signal that ended it, if any.'],
        ['3 reason', 'A short reason, such as Completed or OOMKilled.'],
        ['4 message', 'More detail on the termination.'],
        ['5 startedAt Time', 'When that run started.'],
        ['6 finishedAt Time', 'When it ended.'],
        ['7 containerID', 'The runtime\'s ID for the container, as <type>://<id>.'],
      ],
    },
    VolumeMountStatus: {
      name: 'io.k8s.api.core.v1.VolumeMountStatus',
      description: 'How one volume is mounted in a running container.',
      fields: [
        ['1 name !', 'The volume mount\'s name, as in the spec.', req],
        ['2 mountPath !', 'Where it is mounted.', req],
        ['3 readOnly b', 'Whether it is mounted read-only.'],
        ['4 recursiveReadOnly *', 'Whether submounts are read-only as well: Disabled or Enabled (never IfPossible here).', { enum: ['Disabled', 'Enabled', 'IfPossible'] }],
      ],
    },
    ContainerUser: {
      name: 'io.k8s.api.core.v1.ContainerUser',
      description: 'The identity of a container\'s first process, per operating system.',
      fields: [['1 linux LinuxContainerUser', 'The Linux uid and groups; unset on other systems.']],
    },
    LinuxContainerUser: {
      name: 'io.k8s.api.core.v1.LinuxContainerUser',
      description: 'The Linux identity a container\'s first process runs with.',
      fields: [
        ['1 uid i64!', 'The primary user ID.', req],
        ['2 gid i64!', 'The primary group ID.', req],
        ['3 supplementalGroups i64[]', 'The supplementary group IDs.', atomic],
      ],
    },
    ResourceStatus: {
      name: 'io.k8s.api.core.v1.ResourceStatus',
      description: 'Health of the devices behind one resource allocated to a container.',
      fields: [
        ['1 name !', 'The resource: a container resource name or claim:<claim>/<request>.', req],
        ['2 resources ResourceHealth[]', 'Health per allocated device.', { listType: 'map', listMapKeys: ['resourceID'] }],
      ],
    },
    ResourceHealth: {
      name: 'io.k8s.api.core.v1.ResourceHealth',
      description: 'The health of one allocated device.',
      fields: [
        ['1 resourceID !', 'The device\'s ID, unique per resource.', req],
        ['2 health', 'Healthy, Unhealthy or Unknown.'],
        ['6 message *', 'More detail on the health (added after v1.32).'],
      ],
    },
  };
}
