/**
 * core/v1 PersistentVolume types (staging/src/k8s.io/api/core/v1/types.go), part of `coreTypes`
 * (schema.ts): the spec, status and the volume sources only PersistentVolumes use. Sources pods
 * use too (NFS, hostPath, FC, GCE PD, ...) and NodeSelector belong to the pod tables.
 */
import type { TypeTable } from '../../schema/format.js';
import { listOf, metadataField } from '../meta/schema-list.js';
import { atomic, c, v1 } from './schema-names.js';

const readOnlyText = 'Mount read-only when true. Defaults to false.';
const fsTypeText = 'Filesystem type to mount, e.g. ext4, xfs or ntfs; must be supported by the host. Inferred as ext4 when unset.';
const driverSecretText = (call: string) => `Secret with sensitive data the CSI driver needs for ${call}; optional, and every key in it is passed.`;

export const corePersistentVolumeTypes: TypeTable = {
  PersistentVolume: {
    name: c('PersistentVolume'),
    description: 'A piece of storage in the cluster, provisioned by an administrator or dynamically through a StorageClass, that claims bind to.',
    gvk: v1('PersistentVolume'),
    fields: [
      metadataField,
      ['2 spec PersistentVolumeSpec', 'What the volume is and how it may be used.'],
      ['3 status PersistentVolumeStatus', 'Observed state of the volume, maintained by the system.'],
    ],
  },
  PersistentVolumeSpec: {
    name: c('PersistentVolumeSpec'),
    description: 'What a persistent volume is: its capacity, its backing storage and the rules for using it.',
    fields: [
      ['1 capacity Quantity{}', 'Resources of the volume; storage is its size.'],
      ['2 ... PersistentVolumeSource', 'The backing storage: exactly one of the source fields.'],
      ['3 accessModes []', 'Ways the volume can be mounted: ReadWriteOnce, ReadOnlyMany, ReadWriteMany, ReadWriteOncePod.', { ...atomic, enum: ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'] }],
      ['4 claimRef ObjectReference', 'The claim bound to this volume (one side of the binding; the claim\'s volumeName is the authoritative one).', { mapType: 'granular' }],
      ['5 persistentVolumeReclaimPolicy', 'What happens when the claim is released: Retain (default for manually created volumes), Delete (default for provisioned ones) or Recycle (deprecated).', { enum: ['Delete', 'Recycle', 'Retain'] }],
      ['6 storageClassName', 'The StorageClass the volume belongs to; empty means none.'],
      ['7 mountOptions []', 'Mount options, e.g. ["ro", "soft"]; not validated, a bad one makes the mount fail.', atomic],
      ['8 volumeMode *', 'Filesystem (implied when unset) or Block for a raw block device.', { enum: ['Block', 'Filesystem'] }],
      ['9 nodeAffinity VolumeNodeAffinity', 'Nodes the volume can be reached from; pods using it are scheduled there.'],
      ['10 volumeAttributesClassName *', 'The VolumeAttributesClass of the volume; must not be empty when set. The CSI driver may change it after modifying the volume.'],
    ],
  },
  PersistentVolumeSource: {
    name: c('PersistentVolumeSource'),
    description: 'The backing storage of a persistent volume; exactly one field must be set.',
    fields: [
      ['1 gcePersistentDisk GCEPersistentDiskVolumeSource', 'A GCE persistent disk.'],
      ['2 awsElasticBlockStore AWSElasticBlockStoreVolumeSource', 'An AWS EBS disk.'],
      ['3 hostPath HostPathVolumeSource', 'A directory on the host, for single-node development and testing only.'],
      ['4 glusterfs GlusterfsPersistentVolumeSource', 'A GlusterFS volume.'],
      ['5 nfs NFSVolumeSource', 'An NFS export.'],
      ['6 rbd RBDPersistentVolumeSource', 'A Ceph RADOS block device.'],
      ['7 iscsi ISCSIPersistentVolumeSource', 'An iSCSI disk.'],
      ['8 cinder CinderPersistentVolumeSource', 'An OpenStack Cinder volume.'],
      ['9 cephfs CephFSPersistentVolumeSource', 'A CephFS filesystem.'],
      ['10 fc FCVolumeSource', 'A Fibre Channel disk.'],
      ['11 flocker FlockerVolumeSource', 'A Flocker dataset.'],
      ['12 flexVolume FlexPersistentVolumeSource', 'A volume handled by an exec-based FlexVolume driver.'],
      ['13 azureFile AzureFilePersistentVolumeSource', 'An Azure File share.'],
      ['14 vsphereVolume VsphereVirtualDiskVolumeSource', 'A vSphere virtual disk.'],
      ['15 quobyte QuobyteVolumeSource', 'A Quobyte volume.'],
      ['16 azureDisk AzureDiskVolumeSource', 'An Azure data disk.'],
      ['17 photonPersistentDisk PhotonPersistentDiskVolumeSource', 'A Photon Controller persistent disk.'],
      ['18 portworxVolume PortworxVolumeSource', 'A Portworx volume.'],
      ['19 scaleIO ScaleIOPersistentVolumeSource', 'A ScaleIO volume.'],
      ['20 local LocalVolumeSource', 'Storage attached directly to a node; needs nodeAffinity.'],
      ['21 storageos StorageOSPersistentVolumeSource', 'A StorageOS volume.'],
      ['22 csi CSIPersistentVolumeSource', 'A volume handled by a CSI driver.'],
    ],
  },
  PersistentVolumeStatus: {
    name: c('PersistentVolumeStatus'),
    description: 'Observed state of a persistent volume.',
    fields: [
      ['1 phase', 'Pending, Available (not yet bound), Bound, Released (claim deleted, not yet reclaimed) or Failed.', { enum: ['Available', 'Bound', 'Failed', 'Pending', 'Released'] }],
      ['2 message', 'Human-readable explanation of the state.'],
      ['3 reason', 'Short CamelCase reason for a failure.'],
      ['4 lastPhaseTransitionTime Time', 'When phase last changed.'],
    ],
  },
  VolumeNodeAffinity: {
    name: c('VolumeNodeAffinity'),
    description: 'The nodes a volume can be reached from.',
    fields: [['1 required NodeSelector', 'Nodes must match this selector.']],
  },
  SecretReference: {
    name: c('SecretReference'),
    description: 'Names a secret in any namespace.',
    structType: 'atomic',
    fields: [
      ['1 name', 'Name of the secret.'],
      ['2 namespace', 'Namespace of the secret.'],
    ],
  },
  GlusterfsPersistentVolumeSource: {
    name: c('GlusterfsPersistentVolumeSource'),
    description: 'A GlusterFS volume backing a persistent volume.',
    fields: [
      ['1 endpoints !', 'Name of the Endpoints object listing the GlusterFS servers.', { required: true }],
      ['2 path !', 'The GlusterFS volume path.', { required: true }],
      ['3 readOnly b', readOnlyText],
      ['4 endpointsNamespace *', 'Namespace of the Endpoints object; defaults to the bound claim\'s namespace.'],
    ],
  },
  RBDPersistentVolumeSource: {
    name: c('RBDPersistentVolumeSource'),
    description: 'A Ceph RADOS block device backing a persistent volume.',
    fields: [
      ['1 monitors []!', 'Ceph monitor addresses.', { required: true, listType: 'atomic' }],
      ['2 image !', 'The RADOS image name.', { required: true }],
      ['3 fsType', fsTypeText],
      ['4 pool', 'The RADOS pool. Defaults to rbd.'],
      ['5 user', 'The RADOS user. Defaults to admin.'],
      ['6 keyring', 'Path to the user\'s keyring. Defaults to /etc/ceph/keyring.'],
      ['7 secretRef SecretReference', 'Secret with the user\'s key; overrides keyring.'],
      ['8 readOnly b', readOnlyText],
    ],
  },
  ISCSIPersistentVolumeSource: {
    name: c('ISCSIPersistentVolumeSource'),
    description: 'An iSCSI disk backing a persistent volume; writable from one node at a time.',
    fields: [
      ['1 targetPortal !', 'Target portal, an IP or IP:port (when not the default 860 or 3260).', { required: true }],
      ['2 iqn !', 'iSCSI qualified name of the target.', { required: true }],
      ['3 lun i32!', 'Target LUN number.', { required: true }],
      ['4 iscsiInterface', 'iSCSI interface (transport) name. Defaults to "default" (TCP).', { default: 'default' }],
      ['5 fsType', fsTypeText],
      ['6 readOnly b', readOnlyText],
      ['7 portals []', 'More target portals, each an IP or IP:port.', atomic],
      ['8 chapAuthDiscovery b', 'Whether to use CHAP authentication for discovery.'],
      ['11 chapAuthSession b', 'Whether to use CHAP authentication for the session.'],
      ['10 secretRef SecretReference', 'Secret with the CHAP credentials.'],
      ['12 initiatorName *', 'Custom initiator name; with iscsiInterface, a new interface <target portal>:<volume name> is created.'],
    ],
  },
  CinderPersistentVolumeSource: {
    name: c('CinderPersistentVolumeSource'),
    description: 'An OpenStack Cinder volume backing a persistent volume; it must exist in the kubelet\'s region.',
    fields: [
      ['1 volumeID !', 'The Cinder volume id.', { required: true }],
      ['2 fsType', fsTypeText],
      ['3 readOnly b', readOnlyText],
      ['4 secretRef SecretReference', 'Secret with the parameters to connect to OpenStack.'],
    ],
  },
  CephFSPersistentVolumeSource: {
    name: c('CephFSPersistentVolumeSource'),
    description: 'A CephFS filesystem backing a persistent volume.',
    fields: [
      ['1 monitors []!', 'Ceph monitor addresses.', { required: true, listType: 'atomic' }],
      ['2 path', 'Path within the filesystem to mount as the root. Defaults to /.'],
      ['3 user', 'The RADOS user. Defaults to admin.'],
      ['4 secretFile', 'Path to the user\'s key ring. Defaults to /etc/ceph/user.secret.'],
      ['5 secretRef SecretReference', 'Secret with the user\'s key; overrides secretFile.'],
      ['6 readOnly b', readOnlyText],
    ],
  },
  FlexPersistentVolumeSource: {
    name: c('FlexPersistentVolumeSource'),
    description: 'A persistent volume handled by an exec-based FlexVolume driver.',
    fields: [
      ['1 driver !', 'Name of the driver.', { required: true }],
      ['2 fsType', 'Filesystem type to mount; the default depends on the driver.'],
      ['3 secretRef SecretReference', 'Secret whose entries are passed to the driver.'],
      ['4 readOnly b', readOnlyText],
      ['5 options {}', 'Extra options for the driver.'],
    ],
  },
  AzureFilePersistentVolumeSource: {
    name: c('AzureFilePersistentVolumeSource'),
    description: 'An Azure File share backing a persistent volume.',
    fields: [
      ['1 secretName !', 'Secret holding the storage account name and key.', { required: true }],
      ['2 shareName !', 'The share name.', { required: true }],
      ['3 readOnly b', readOnlyText],
      ['4 secretNamespace *!', 'Namespace of the secret; defaults to the pod\'s.'],
    ],
  },
  ScaleIOPersistentVolumeSource: {
    name: c('ScaleIOPersistentVolumeSource'),
    description: 'A ScaleIO volume backing a persistent volume.',
    fields: [
      ['1 gateway !', 'Address of the ScaleIO API gateway.', { required: true }],
      ['2 system !', 'Name of the ScaleIO storage system.', { required: true }],
      ['3 secretRef SecretReference!', 'Secret with the ScaleIO user\'s credentials; login fails without it.', { required: true }],
      ['4 sslEnabled b', 'Whether to talk to the gateway over TLS. Defaults to false.'],
      ['5 protectionDomain', 'The ScaleIO protection domain.'],
      ['6 storagePool', 'The storage pool within the protection domain.'],
      ['7 storageMode', 'ThickProvisioned or ThinProvisioned. Defaults to ThinProvisioned.', { default: 'ThinProvisioned' }],
      ['8 volumeName', 'Name of an existing ScaleIO volume.'],
      ['9 fsType', 'Filesystem type to mount. Defaults to xfs.', { default: 'xfs' }],
      ['10 readOnly b', readOnlyText],
    ],
  },
  LocalVolumeSource: {
    name: c('LocalVolumeSource'),
    description: 'Storage attached directly to a node: a directory, disk or partition.',
    fields: [
      ['1 path !', 'Full path on the node, to a directory or a block device.', { required: true }],
      ['2 fsType *', 'For block devices only: the filesystem to mount; chosen automatically when unset.'],
    ],
  },
  StorageOSPersistentVolumeSource: {
    name: c('StorageOSPersistentVolumeSource'),
    description: 'A StorageOS volume backing a persistent volume.',
    fields: [
      ['1 volumeName', 'Human-readable name of the volume, unique within its StorageOS namespace.'],
      ['2 volumeNamespace', 'StorageOS namespace of the volume; defaults to the pod\'s namespace. Use "default" when StorageOS namespaces are not used.'],
      ['3 fsType', fsTypeText],
      ['4 readOnly b', readOnlyText],
      ['5 secretRef ObjectReference', 'Secret with the StorageOS API credentials; defaults are tried when unset.'],
    ],
  },
  CSIPersistentVolumeSource: {
    name: c('CSIPersistentVolumeSource'),
    description: 'A persistent volume handled by an external CSI driver.',
    fields: [
      ['1 driver !', 'Name of the CSI driver.', { required: true }],
      ['2 volumeHandle !', 'The id the driver returned when it created the volume, used in every later call.', { required: true }],
      ['3 readOnly b', 'Passed to ControllerPublishVolume. Defaults to false.'],
      ['4 fsType', 'Filesystem type to mount, e.g. ext4, xfs or ntfs.'],
      ['5 volumeAttributes {}', 'Driver-specific attributes of the volume.'],
      ['6 controllerPublishSecretRef SecretReference', driverSecretText('ControllerPublishVolume and ControllerUnpublishVolume')],
      ['7 nodeStageSecretRef SecretReference', driverSecretText('NodeStageVolume and NodeUnstageVolume')],
      ['8 nodePublishSecretRef SecretReference', driverSecretText('NodePublishVolume and NodeUnpublishVolume')],
      ['9 controllerExpandSecretRef SecretReference', driverSecretText('ControllerExpandVolume')],
      ['10 nodeExpandSecretRef SecretReference', driverSecretText('NodeExpandVolume')],
    ],
  },
  PersistentVolumeList: listOf(c('PersistentVolumeList'), 'PersistentVolume', v1('PersistentVolume'), 'The persistent volumes.'),
};
