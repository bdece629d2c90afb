/**
 * storage.k8s.io/v1 type table: StorageClass, CSIDriver, CSINode, VolumeAttachment and
 * CSIStorageCapacity with their lists, from k8s.io/api/storage/v1 types.go as of v1.32 (later
 * fields such as CSIDriver nodeAllocatableUpdatePeriodSeconds are left out). Format: src/schema/format.ts.
 * The core/v1 TopologySelectorTerm pair lives here: only StorageClass reaches it.
 */
import type { TypeTable } from '../../schema/format.js';
import { listOf, metadataField } from '../meta/schema-list.js';

const storageV1 = (kind: string) => [{ group: 'storage.k8s.io', version: 'v1', kind }];

export const storageTypes: TypeTable = {
  StorageClass: {
    name: 'io.k8s.api.storage.v1.StorageClass',
    description: 'A class of storage that PersistentVolumes can be provisioned from on demand, naming a provisioner and its parameters. Cluster-scoped.',
    gvk: storageV1('StorageClass'),
    fields: [
      metadataField,
      ['2 provisioner !', 'The provisioner (usually a CSI driver name) that creates volumes of this class.', { required: true }],
      ['3 parameters {}', 'Provisioner-specific settings passed along when a volume of this class is created.'],
      ['4 reclaimPolicy *', 'What happens to a provisioned volume when its claim is deleted: Delete (the default) or Retain.', { enum: ['Delete', 'Recycle', 'Retain'] }],
      ['5 mountOptions []', 'Mount options (such as ro or soft) copied onto provisioned volumes; not validated, a bad one fails the mount.', { listType: 'atomic' }],
      ['6 allowVolumeExpansion b*', 'Whether claims of this class may be resized upward.'],
      ['7 volumeBindingMode *', 'When claims are provisioned and bound: Immediate (the default), or WaitForFirstConsumer, which waits for a pod to be scheduled.', { enum: ['Immediate', 'WaitForFirstConsumer'] }],
      ['8 allowedTopologies TopologySelectorTerm[]', 'Topologies (such as zones) volumes may be provisioned in; empty means no restriction.', { listType: 'atomic' }],
    ],
  },
  StorageClassList: listOf('io.k8s.api.storage.v1.StorageClassList', 'StorageClass', storageV1('StorageClass'), 'The StorageClasses.'),
  TopologySelectorTerm: {
    name: 'io.k8s.api.core.v1.TopologySelectorTerm',
    description: 'A set of topology label requirements that must all hold. Empty terms match nothing.',
    structType: 'atomic',
    fields: [
      ['1 matchLabelExpressions TopologySelectorLabelRequirement[]', 'The label requirements, all of which must match.', { listType: 'atomic' }],
    ],
  },
  TopologySelectorLabelRequirement: {
    name: 'io.k8s.api.core.v1.TopologySelectorLabelRequirement',
    description: 'A topology label key and the values it may take.',
    fields: [
      ['1 key !', 'The topology label key, such as topology.kubernetes.io/zone.', { required: true }],
      ['2 values []!', 'The accepted values; the label must equal one of them.', { required: true, listType: 'atomic' }],
    ],
  },
  VolumeAttachment: {
    name: 'io.k8s.api.storage.v1.VolumeAttachment',
    description: 'Records the intent to attach a volume to a node, or detach it, for an external CSI attacher to act on. Cluster-scoped.',
    gvk: storageV1('VolumeAttachment'),
    fields: [
      metadataField,
      ['2 spec VolumeAttachmentSpec', 'Which volume to attach to which node, and by which driver; set by Kubernetes.', { required: true }],
      ['3 status VolumeAttachmentStatus', 'Progress of the attach or detach, reported by the attacher.'],
    ],
  },
  VolumeAttachmentList: listOf('io.k8s.api.storage.v1.VolumeAttachmentList', 'VolumeAttachment', storageV1('VolumeAttachment'), 'The VolumeAttachments.'),
  VolumeAttachmentSpec: {
    name: 'io.k8s.api.storage.v1.VolumeAttachmentSpec',
    description: 'The desired attachment: driver, volume and node.',
    fields: [
      ['1 attacher !', 'Name of the volume driver that must carry out the attachment.', { required: true }],
      ['2 source VolumeAttachmentSource', 'The volume to attach.', { required: true }],
      ['3 nodeName !', 'The node to attach the volume to.', { required: true }],
    ],
  },
  VolumeAttachmentSource: {
    name: 'io.k8s.api.storage.v1.VolumeAttachmentSource',
    description: 'The volume a VolumeAttachment is about; exactly one field is set.',
    fields: [
      ['1 persistentVolumeName *', 'Name of the PersistentVolume to attach.'],
      ['2 inlineVolumeSpec PersistentVolumeSpec', "A pod's inline volume translated to a PersistentVolumeSpec, set only under CSI migration."],
    ],
  },
  VolumeAttachmentStatus: {
    name: 'io.k8s.api.storage.v1.VolumeAttachmentStatus',
    description: 'How the attachment is going, written only by the attacher.',
    fields: [
      ['1 attached b!', 'True once the volume is attached.', { required: true }],
      ['2 attachmentMetadata {}', 'Information returned by a successful attach that later mount steps need.'],
      ['3 attachError VolumeError', 'The last error of the attach operation, if any.'],
      ['4 detachError VolumeError', 'The last error of the detach operation, if any.'],
    ],
  },
  VolumeError: {
    name: 'io.k8s.api.storage.v1.VolumeError',
    description: 'An error met while attaching or detaching a volume.',
    fields: [
      ['1 time Time', 'When the error happened.'],
      ['2 message', 'What went wrong; may be logged, so it carries no secrets.'],
    ],
  },
  CSIDriver: {
    name: 'io.k8s.api.storage.v1.CSIDriver',
    description: 'Describes a CSI volume driver installed in the cluster: whether it needs attaching, wants pod information on mount, and similar. Its name is the driver name. Cluster-scoped.',
    gvk: storageV1('CSIDriver'),
    fields: [
      ['1 metadata ObjectMeta', 'Standard object metadata; the name must equal the driver name the CSI driver reports (at most 63 characters).'],
      ['2 spec CSIDriverSpec', 'How Kubernetes should treat this driver.', { required: true }],
    ],
  },
  CSIDriverList: listOf('io.k8s.api.storage.v1.CSIDriverList', 'CSIDriver', storageV1('CSIDriver'), 'The CSIDrivers.'),
  CSIDriverSpec: {
    name: 'io.k8s.api.storage.v1.CSIDriverSpec',
    description: 'How Kubernetes should work with a CSI driver.',
    fields: [
      ['1 attachRequired b*', 'Whether volumes need an attach step (the driver implements ControllerPublishVolume) before mounting; false skips it. Immutable.'],
      ['2 podInfoOnMount b*', 'When true, the kubelet passes pod name, namespace, uid and whether the volume is ephemeral to the driver at mount time. Defaults to false.'],
      ['3 volumeLifecycleModes []', 'The kinds of volumes the driver supports: Persistent (through claims, the default) and Ephemeral (inline in a pod). Immutable.', { listType: 'set' }],
      ['4 storageCapacity b*', 'When true, the scheduler considers the CSIStorageCapacity objects the driver publishes before placing pods with late-bound volumes.'],
      ['5 fsGroupPolicy *', 'Whether volume ownership and permissions may be changed to the pod fsGroup: ReadWriteOnceWithFSType (the default), File or None.'],
      ['6 tokenRequests StorageV1TokenRequest[]', "Service account tokens (one per audience) the kubelet passes to the driver when mounting for a pod.", { listType: 'atomic' }],
      ['7 requiresRepublish b*', 'When true, the kubelet calls NodePublishVolume periodically so the driver can refresh mounted content (such as expiring tokens). Defaults to false.'],
      ['8 seLinuxMount b*', 'When true, the driver can mount each volume with its own SELinux context (-o context), which Kubernetes then uses. Defaults to false.'],
    ],
  },
  StorageV1TokenRequest: {
    name: 'io.k8s.api.storage.v1.TokenRequest',
    description: 'A service account token a CSI driver wants for the pods it mounts volumes for.',
    fields: [
      ['1 audience !', "The token's audience; empty means the API server's audiences.", { required: true }],
      ['2 expirationSeconds i64*', 'How long the token is valid, defaulted as in a TokenRequest.'],
    ],
  },
  CSINode: {
    name: 'io.k8s.api.storage.v1.CSINode',
    description: 'The CSI drivers installed on one node, written by the kubelet as drivers register. Named after the node, and owned by it.',
    gvk: storageV1('CSINode'),
    fields: [
      ['1 metadata ObjectMeta', 'Standard object metadata; the name is the node name.'],
      ['2 spec CSINodeSpec', 'The drivers on the node.', { required: true }],
    ],
  },
  CSINodeList: listOf('io.k8s.api.storage.v1.CSINodeList', 'CSINode', storageV1('CSINode'), 'The CSINodes.'),
  CSINodeSpec: {
    name: 'io.k8s.api.storage.v1.CSINodeSpec',
    description: 'The CSI drivers present on a node.',
    fields: [
      ['1 drivers CSINodeDriver[]!', 'One entry per driver on the node; empty once all are uninstalled.', { required: true, patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }],
    ],
  },
  CSINodeDriver: {
    name: 'io.k8s.api.storage.v1.CSINodeDriver',
    description: 'One CSI driver on a node.',
    fields: [
      ['1 name !', 'The driver name, as the driver itself reports it.', { required: true }],
      ['2 nodeID !', 'The name the storage system uses for this node, which may differ from the Kubernetes node name.', { required: true }],
      ['3 topologyKeys []!', 'Topology label keys the driver understands (such as a zone key); the kubelet adds them to the node labels. Empty if the driver has no topology.', { listType: 'atomic' }],
      ['4 allocatable VolumeNodeResources', 'How many of the driver\'s volumes the node can use.'],
    ],
  },
  VolumeNodeResources: {
    name: 'io.k8s.api.storage.v1.VolumeNodeResources',
    description: 'Limits on the volumes a node can use, for scheduling.',
    fields: [
      ['1 count i32*', 'Most distinct volumes of the driver usable on the node at once (a volume shared by pods counts once); unset means no limit.'],
    ],
  },
  CSIStorageCapacity: {
    name: 'io.k8s.api.storage.v1.CSIStorageCapacity',
    description: 'Free capacity a CSI driver reports for one storage class in one topology segment; the scheduler uses it for late-bound volumes. No object, or no capacity, means none is available. Namespaced.',
    gvk: storageV1('CSIStorageCapacity'),
    fields: [
      ['1 metadata ObjectMeta', 'Standard object metadata; the name has no meaning beyond being unique (csisc-<uuid> is common).'],
      ['2 nodeTopology LabelSelector', 'Selects the nodes that can reach this storage; unset means none, empty means all. Immutable.'],
      ['3 storageClassName !', 'The StorageClass the capacity applies to. Immutable.', { required: true }],
      ['4 capacity Quantity', 'Available capacity in bytes as the driver reports it; unset means unknown.'],
      ['5 maximumVolumeSize Quantity', 'Largest volume that can be created with these parameters; the scheduler compares it with claim requests, falling back to capacity.'],
    ],
  },
  CSIStorageCapacityList: listOf('io.k8s.api.storage.v1.CSIStorageCapacityList', 'CSIStorageCapacity', storageV1('CSIStorageCapacity'), 'The CSIStorageCapacities.'),
};
