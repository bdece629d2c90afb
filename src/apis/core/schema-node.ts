/**
 * core/v1 Node types (staging/src/k8s.io/api/core/v1/types.go), part of `coreTypes` (schema.ts).
 * Taint lives with the shared references in schema.ts.
 */
import type { TypeTable } from '../../schema/format.js';
import { conditionTail, listOf, metadataField } from '../meta/schema-list.js';
import { atomic, byType, c, conditionStatus, v1 } from './schema-names.js';

const configSourceText = 'Deprecated with the removed DynamicKubeletConfig feature.';

export const coreNodeTypes: TypeTable = {
  Node: {
    name: c('Node'),
    description: 'A worker machine that runs pods, registered and kept up to date by its kubelet.',
    gvk: v1('Node'),
    fields: [
      metadataField,
      ['2 spec NodeSpec', 'Desired configuration of the node: pod CIDRs, taints, schedulability.'],
      ['3 status NodeStatus', 'Most recently observed state, reported by the kubelet.'],
    ],
  },
  NodeSpec: {
    name: c('NodeSpec'),
    description: 'Desired configuration of a node.',
    fields: [
      ['1 podCIDR', 'The pod IP range assigned to the node.'],
      ['7 podCIDRs []', 'Pod IP ranges of the node, at most one per IP family; the first equals podCIDR.', { patchStrategy: 'merge', listType: 'set' }],
      ['3 providerID', 'The cloud provider\'s id of the node, as <ProviderName>://<ProviderSpecificNodeID>.'],
      ['4 unschedulable b', 'When true, no new pods are scheduled on the node (kubectl cordon). Schedulable by default.'],
      ['5 taints Taint[]', 'Taints repelling pods that do not tolerate them.', atomic],
      ['6 configSource NodeConfigSource', `${configSourceText} Was the source of the kubelet's configuration.`],
      ['2 externalID', 'Deprecated; not set by all kubelets.'],
    ],
  },
  NodeConfigSource: {
    name: c('NodeConfigSource'),
    description: `Where a node's kubelet configuration came from. ${configSourceText}`,
    fields: [['2 configMap ConfigMapNodeConfigSource', 'A ConfigMap holding the configuration.']],
  },
  ConfigMapNodeConfigSource: {
    name: c('ConfigMapNodeConfigSource'),
    description: `A ConfigMap used as kubelet configuration. ${configSourceText}`,
    fields: [
      ['1 namespace !', 'Namespace of the ConfigMap.', { required: true }],
      ['2 name !', 'Name of the ConfigMap.', { required: true }],
      ['3 uid', 'UID of the ConfigMap; forbidden in spec, required in status.'],
      ['4 resourceVersion', 'resourceVersion of the ConfigMap; forbidden in spec, required in status.'],
      ['5 kubeletConfigKey !', 'The key holding the KubeletConfiguration.', { required: true }],
    ],
  },
  NodeStatus: {
    name: c('NodeStatus'),
    description: 'Observed state of a node, reported by its kubelet.',
    fields: [
      ['1 capacity Quantity{}', 'Total resources of the node (cpu, memory, pods, ephemeral-storage, ...).'],
      ['2 allocatable Quantity{}', 'Resources available to pods after system reservations. Defaults to capacity.'],
      ['3 phase', 'Deprecated and never set.', { enum: ['Pending', 'Running', 'Terminated'] }],
      ['4 conditions NodeCondition[]', 'Current conditions: Ready, MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable.', byType],
      ['5 addresses NodeAddress[]', 'Addresses of the node. The merge key is not unique in practice, so replace the whole list rather than patching it.', byType],
      ['6 daemonEndpoints NodeDaemonEndpoints', 'Ports of daemons running on the node.'],
      ['7 nodeInfo NodeSystemInfo', 'Identity and versions of the machine and its software.'],
      ['8 images ContainerImage[]', 'Container images present on the node.', atomic],
      ['9 volumesInUse []', 'Attachable volumes mounted by the node.', atomic],
      ['10 volumesAttached AttachedVolume[]', 'Volumes attached to the node.', atomic],
      ['11 config NodeConfigStatus', `${configSourceText} State of the assigned configuration.`],
      ['12 runtimeHandlers NodeRuntimeHandler[]', 'The container runtime handlers available and their features.', atomic],
      ['13 features NodeFeatures', 'Features the container runtime implements.'],
    ],
  },
  NodeCondition: {
    name: c('NodeCondition'),
    description: 'One observation of a node\'s state, e.g. Ready.',
    fields: [
      ['1 type !', 'Ready, MemoryPressure, DiskPressure, PIDPressure, NetworkUnavailable, or a provider-defined type.', { required: true }],
      ['2 status !', conditionStatus, { required: true }],
      ['3 lastHeartbeatTime Time', 'When the condition was last reported.'],
      ...conditionTail(4),
    ],
  },
  NodeAddress: {
    name: c('NodeAddress'),
    description: 'One address of a node.',
    fields: [
      ['1 type !', 'Hostname, InternalIP, ExternalIP, InternalDNS or ExternalDNS.', { required: true }],
      ['2 address !', 'The address.', { required: true }],
    ],
  },
  NodeDaemonEndpoints: {
    name: c('NodeDaemonEndpoints'),
    description: 'Ports of daemons running on a node.',
    fields: [['1 kubeletEndpoint DaemonEndpoint', 'Where the kubelet listens.']],
  },
  DaemonEndpoint: {
    name: c('DaemonEndpoint'),
    description: 'The port of a daemon.',
    // "Port" is capitalized on the wire: an old tag mistake kept for compatibility.
    fields: [['1 Port i32!', 'The port number.', { required: true }]],
  },
  NodeSystemInfo: {
    name: c('NodeSystemInfo'),
    description: 'Identity and software versions of a node, as its kubelet reports them.',
    fields: [
      ['1 machineID !', 'Machine id (/etc/machine-id); the preferred unique id of the machine.', { required: true }],
      ['2 systemUUID !', 'System UUID from the firmware.', { required: true }],
      ['3 bootID !', 'Id of the current boot.', { required: true }],
      ['4 kernelVersion !', 'Kernel version (uname -r).', { required: true }],
      ['5 osImage !', 'Operating system image (from /etc/os-release).', { required: true }],
      ['6 containerRuntimeVersion !', 'Container runtime and version, e.g. containerd://1.7.0.', { required: true }],
      ['7 kubeletVersion !', 'Kubelet version.', { required: true }],
      ['8 kubeProxyVersion !', 'Deprecated: kube-proxy version, not reliably reported.', { required: true }],
      ['9 operatingSystem !', 'Operating system, e.g. linux.', { required: true }],
      ['10 architecture !', 'CPU architecture, e.g. amd64.', { required: true }],
      ['11 swap NodeSwapStatus', 'Swap memory of the node.'],
    ],
  },
  NodeSwapStatus: {
    name: c('NodeSwapStatus'),
    description: 'Swap memory of a node.',
    fields: [['1 capacity i64*', 'Total swap memory in bytes.']],
  },
  ContainerImage: {
    name: c('ContainerImage'),
    description: 'A container image present on a node.',
    fields: [
      ['1 names []!', 'Names (and digests) the image is known by.', atomic],
      ['2 sizeBytes i64', 'Size of the image in bytes.'],
    ],
  },
  AttachedVolume: {
    name: c('AttachedVolume'),
    description: 'A volume attached to a node.',
    fields: [
      ['1 name !', 'Unique name of the attached volume.', { required: true }],
      ['2 devicePath !', 'Device path where the volume is available.', { required: true }],
    ],
  },
  NodeConfigStatus: {
    name: c('NodeConfigStatus'),
    description: `State of a node's assigned kubelet configuration. ${configSourceText}`,
    fields: [
      ['1 assigned NodeConfigSource', 'The configuration the node will try to use.'],
      ['2 active NodeConfigSource', 'The configuration in use.'],
      ['3 lastKnownGood NodeConfigSource', 'The configuration to fall back to on errors.'],
      ['4 error', 'Problems applying the configuration.'],
    ],
  },
  NodeRuntimeHandler: {
    name: c('NodeRuntimeHandler'),
    description: 'One container runtime handler of a node.',
    fields: [
      ['1 name !', 'Handler name; empty for the default handler.'],
      ['2 features NodeRuntimeHandlerFeatures', 'Features the handler supports.'],
    ],
  },
  NodeRuntimeHandlerFeatures: {
    name: c('NodeRuntimeHandlerFeatures'),
    description: 'Features a runtime handler supports.',
    fields: [
      ['1 recursiveReadOnlyMounts b*', 'Whether recursively read-only mounts are supported.'],
      ['2 userNamespaces b*', 'Whether user namespaces are supported, volumes included.'],
    ],
  },
  NodeFeatures: {
    name: c('NodeFeatures'),
    description: 'Features the container runtime implements, independent of its handlers.',
    fields: [['1 supplementalGroupsPolicy b*', 'Whether the runtime supports supplementalGroupsPolicy and reports container users.']],
  },
  NodeList: listOf(c('NodeList'), 'Node', v1('Node'), 'The nodes.'),
};
