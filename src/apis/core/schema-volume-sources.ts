/**
 * core/v1 schema table for the individual pod volume sources: node paths and scratch space,
 * ConfigMap, Secret and downward API files, CSI and image volumes, and the legacy in-tree
 * network and cloud disks (many deprecated, several no longer served by any plugin). The PV-only
 * *PersistentVolumeSource variants belong to src/apis/core/schema.ts. A data table: longer than
 * the usual file on purpose. Facts follow upstream v1.32 (staging/src/k8s.io/api/core/v1/types.go).
 */
import type { FieldEntry, TypeTable } from '../../schema/format.js';

const req = { required: true } as const;
const atomic = { listType: 'atomic' } as const;
const fsType = 'The filesystem to mount, such as ext4, xfs or ntfs; ext4 when unset.';
const readOnly = 'Force a read-only mount. Defaults to false.';
export const modeBits = 'Octal 0000-0777 or decimal 0-511 (JSON needs decimal); may clash with fsGroup, which can add bits.';

/*
 * Fields that the ConfigMap, Secret and downward API volume sources share with their projected
 * counterparts upstream (SecretProjection, ConfigMapProjection, DownwardAPIProjection); the
 * projections lack defaultMode, which the projected volume sets once for all of them.
 */

/** `items`: which keys become files, always protobuf 2. */
export const keyItemsField: FieldEntry = ['2 items KeyToPath[]', 'Which keys to project and where; every key, named after itself, when unset. A listed key that is missing is an error unless optional.', atomic];

/** `defaultMode` of a volume source whose files carry one mode unless an item sets its own. */
export const defaultModeField = (n: number): FieldEntry => [`${n} defaultMode i32*`, 'Permission bits for the files unless an item sets its own; defaults to 0644. ' + modeBits];

/** `optional` of a source reading keys of a ConfigMap or Secret, always protobuf 4. */
export const optionalKeysField = (kind: string): FieldEntry => ['4 optional b*', `Whether the ${kind} or its listed keys may be missing.`];

export const coreVolumeSourceTypes: TypeTable = {
  HostPathVolumeSource: {
    name: 'io.k8s.api.core.v1.HostPathVolumeSource',
    description: 'A file or directory on the node, mapped into the pod. Not relabeled for SELinux and not owned by fsGroup.',
    fields: [
      ['1 path !', 'The path on the node; a symlink is followed to its target.', req],
      ['2 type *', 'What must exist at the path, or be created; "" skips the check.', { enum: ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'] }],
    ],
  },
  EmptyDirVolumeSource: {
    name: 'io.k8s.api.core.v1.EmptyDirVolumeSource',
    description: 'A directory that starts empty and lives as long as the pod. Supports fsGroup and SELinux relabeling.',
    fields: [
      ['1 medium', 'The storage backing it: "" for the node\'s default medium, or Memory (tmpfs).'],
      ['2 sizeLimit Quantity', 'The most local storage the volume may use; for Memory also bounded by the pod\'s memory limits. Unlimited when unset.'],
    ],
  },
  SecretVolumeSource: {
    name: 'io.k8s.api.core.v1.SecretVolumeSource',
    description: 'Files made from the keys of a Secret in the pod\'s namespace.',
    fields: [
      ['1 secretName', 'The Secret\'s name.'],
      keyItemsField,
      defaultModeField(3),
      optionalKeysField('Secret'),
    ],
  },
  ConfigMapVolumeSource: {
    name: 'io.k8s.api.core.v1.ConfigMapVolumeSource',
    description: 'Files made from the keys of a ConfigMap in the pod\'s namespace.',
    fields: [
      ['1 ... LocalObjectReference', ''],
      keyItemsField,
      defaultModeField(3),
      optionalKeysField('ConfigMap'),
    ],
  },
  DownwardAPIVolumeSource: {
    name: 'io.k8s.api.core.v1.DownwardAPIVolumeSource',
    description: 'Files holding fields of the pod and its containers.',
    fields: [
      ['1 items DownwardAPIVolumeFile[]', 'The files to create.', atomic],
      defaultModeField(2),
    ],
  },
  DownwardAPIVolumeFile: {
    name: 'io.k8s.api.core.v1.DownwardAPIVolumeFile',
    description: 'One file of a downward API volume and the field it holds.',
    fields: [
      ['1 path !', 'The relative file path; must not be absolute or contain "..".', req],
      ['2 fieldRef ObjectFieldSelector', 'A pod field: metadata.name, metadata.namespace, metadata.uid, metadata.labels or metadata.annotations.'],
      ['3 resourceFieldRef ResourceFieldSelector', 'A container\'s cpu or memory limit or request.'],
      ['4 mode i32*', 'Permission bits for this file; the volume default when unset. ' + modeBits],
    ],
  },
  CSIVolumeSource: {
    name: 'io.k8s.api.core.v1.CSIVolumeSource',
    description: 'An ephemeral inline volume provided by a CSI driver.',
    fields: [
      ['1 driver !', 'The CSI driver\'s name, as registered in the cluster.', req],
      ['2 readOnly b*', 'Mount read-only. Defaults to false (read/write).'],
      ['3 fsType *', 'The filesystem to mount; the driver decides when unset.'],
      ['4 volumeAttributes {}', 'Driver-specific properties; see the driver\'s documentation.'],
      ['5 nodePublishSecretRef LocalObjectReference', 'A Secret with sensitive data passed to the driver\'s publish calls; may be empty.'],
    ],
  },
  ImageVolumeSource: {
    name: 'io.k8s.api.core.v1.ImageVolumeSource',
    description: 'An OCI image or artifact mounted read-only (and non-executable) into the pod.',
    fields: [
      ['1 reference', 'The image or artifact reference, pulled like a container image with the pod\'s pull secrets.'],
      ['2 pullPolicy', 'When to pull: Always, Never or IfNotPresent. Defaults to Always for a :latest tag and IfNotPresent otherwise.', { enum: ['Always', 'IfNotPresent', 'Never'] }],
    ],
  },
  NFSVolumeSource: {
    name: 'io.k8s.api.core.v1.NFSVolumeSource',
    description: 'An NFS export mounted for the lifetime of the pod. No ownership management or SELinux relabeling.',
    fields: [
      ['1 server !', 'The NFS server\'s hostname or IP.', req],
      ['2 path !', 'The exported path.', req],
      ['3 readOnly b', 'Export as read-only. Defaults to false.'],
    ],
  },
  ISCSIVolumeSource: {
    name: 'io.k8s.api.core.v1.ISCSIVolumeSource',
    description: 'An iSCSI disk, attached and mounted once read/write. Supports ownership management and SELinux relabeling.',
    fields: [
      ['1 targetPortal !', 'The target portal as IP[:port]; port 3260 by default.', req],
      ['2 iqn !', 'The iSCSI qualified name of the target.', req],
      ['3 lun i32!', 'The target\'s logical unit number.', req],
      ['4 iscsiInterface', 'The iSCSI interface name; "default" (tcp) when unset.'],
      ['5 fsType', fsType],
      ['6 readOnly b', readOnly],
      ['7 portals []', 'More target portals, as IP[:port].', atomic],
      ['8 chapAuthDiscovery b', 'Use CHAP authentication for discovery.'],
      ['11 chapAuthSession b', 'Use CHAP authentication for the session.'],
      ['10 secretRef LocalObjectReference', 'The Secret holding the CHAP credentials.'],
      ['12 initiatorName *', 'A custom initiator name, which makes a new interface <portal>:<volume name>.'],
    ],
  },
  FCVolumeSource: {
    name: 'io.k8s.api.core.v1.FCVolumeSource',
    description: 'A Fibre Channel disk, attached and mounted once read/write. Supports ownership management and SELinux relabeling.',
    fields: [
      ['1 targetWWNs []', 'The target world wide names.', atomic],
      ['2 lun i32*', 'The target\'s logical unit number.'],
      ['3 fsType', fsType],
      ['4 readOnly b', readOnly],
      ['5 wwids []', 'World wide identifiers; exclusive with targetWWNs and lun.', atomic],
    ],
  },
  GCEPersistentDiskVolumeSource: {
    name: 'io.k8s.api.core.v1.GCEPersistentDiskVolumeSource',
    description: 'A GCE persistent disk in the node\'s project and zone, mountable read/write once. Supports ownership management and SELinux relabeling.',
    fields: [
      ['1 pdName !', 'The disk\'s name in GCE.', req],
      ['2 fsType', fsType],
      ['3 partition i32', 'The partition to mount (1 for /dev/sda1); the whole device when unset or 0.'],
      ['4 readOnly b', readOnly],
    ],
  },
  AWSElasticBlockStoreVolumeSource: {
    name: 'io.k8s.api.core.v1.AWSElasticBlockStoreVolumeSource',
    description: 'An AWS EBS disk in the node\'s zone, mountable read/write once. Supports ownership management and SELinux relabeling.',
    fields: [
      ['1 volumeID !', 'The EBS volume ID.', req],
      ['2 fsType', fsType],
      ['3 partition i32', 'The partition to mount (1 for /dev/sda1); the whole device when unset or 0.'],
      ['4 readOnly b', readOnly],
    ],
  },
  GitRepoVolumeSource: {
    name: 'io.k8s.api.core.v1.GitRepoVolumeSource',
    description: 'Deprecated: a git repository cloned into the volume at pod start. Clone in an init container into an emptyDir instead.',
    fields: [
      ['1 repository !', 'The repository URL.', req],
      ['2 revision', 'The commit to check out.'],
      ['3 directory', 'The directory to clone into; must not contain "..". "." puts the repository at the volume root.'],
    ],
  },
  GlusterfsVolumeSource: {
    name: 'io.k8s.api.core.v1.GlusterfsVolumeSource',
    description: 'A GlusterFS mount for the lifetime of the pod. No ownership management or SELinux relabeling.',
    fields: [
      ['1 endpoints !', 'The Endpoints object listing the Glusterfs servers.', req],
      ['2 path !', 'The Glusterfs volume path.', req],
      ['3 readOnly b', readOnly],
    ],
  },
  RBDVolumeSource: {
    name: 'io.k8s.api.core.v1.RBDVolumeSource',
    description: 'A Rados Block Device mounted for the lifetime of the pod. Supports ownership management and SELinux relabeling.',
    fields: [
      ['1 monitors []!', 'The Ceph monitors.', { ...req, ...atomic }],
      ['2 image !', 'The rados image name.', req],
      ['3 fsType', fsType],
      ['4 pool', 'The rados pool; rbd by default.'],
      ['5 user', 'The rados user; admin by default.'],
      ['6 keyring', 'The keyring path for the user; /etc/ceph/keyring by default.'],
      ['7 secretRef LocalObjectReference', 'A Secret with the user\'s key; overrides keyring.'],
      ['8 readOnly b', readOnly],
    ],
  },
  CephFSVolumeSource: {
    name: 'io.k8s.api.core.v1.CephFSVolumeSource',
    description: 'A CephFS mount for the lifetime of the pod. No ownership management or SELinux relabeling.',
    fields: [
      ['1 monitors []!', 'The Ceph monitors.', { ...req, ...atomic }],
      ['2 path', 'The path to mount; / by default.'],
      ['3 user', 'The rados user; admin by default.'],
      ['4 secretFile', 'The keyring path for the user; /etc/ceph/user.secret by default.'],
      ['5 secretRef LocalObjectReference', 'A Secret with the user\'s key; overrides secretFile.'],
      ['6 readOnly b', readOnly],
    ],
  },
  CinderVolumeSource: {
    name: 'io.k8s.api.core.v1.CinderVolumeSource',
    description: 'An OpenStack Cinder volume, attached and mounted on the node.',
    fields: [
      ['1 volumeID !', 'The Cinder volume ID.', req],
      ['2 fsType', fsType],
      ['3 readOnly b', readOnly],
      ['4 secretRef LocalObjectReference', 'A Secret with the OpenStack connection parameters.'],
    ],
  },
  FlexVolumeSource: {
    name: 'io.k8s.api.core.v1.FlexVolumeSource',
    description: 'A volume provisioned and attached by an exec-based FlexVolume plugin.',
    fields: [
      ['1 driver !', 'The driver\'s name.', req],
      ['2 fsType', 'The filesystem to mount; the script\'s default when unset.'],
      ['3 secretRef LocalObjectReference', 'A Secret with sensitive data passed to the plugin scripts; may be empty.'],
      ['4 readOnly b', readOnly],
      ['5 options {}', 'Extra options for the driver.'],
    ],
  },
  FlockerVolumeSource: {
    name: 'io.k8s.api.core.v1.FlockerVolumeSource',
    description: 'A Flocker dataset mounted on the node; the Flocker agent must be running. Set one of the two fields.',
    fields: [
      ['1 datasetName', 'The dataset\'s name, kept as metadata; deprecated.'],
      ['2 datasetUUID', 'The dataset\'s UUID, its unique identifier.'],
    ],
  },
  AzureFileVolumeSource: {
    name: 'io.k8s.api.core.v1.AzureFileVolumeSource',
    description: 'An Azure File Service share mounted on the node.',
    fields: [
      ['1 secretName !', 'The Secret holding the storage account name and key.', req],
      ['2 shareName !', 'The share\'s name.', req],
      ['3 readOnly b', readOnly],
    ],
  },
  AzureDiskVolumeSource: {
    name: 'io.k8s.api.core.v1.AzureDiskVolumeSource',
    description: 'An Azure data disk mounted on the node.',
    fields: [
      ['1 diskName !', 'The data disk\'s name in blob storage.', req],
      ['2 diskURI !', 'The data disk\'s URI in blob storage.', req],
      ['3 cachingMode *', 'The host caching mode: None, ReadOnly or ReadWrite.', { enum: ['None', 'ReadOnly', 'ReadWrite'] }],
      ['4 fsType *', fsType],
      ['5 readOnly b*', readOnly],
      ['6 kind *', 'Shared (several blob disks per storage account, the default), Dedicated (one per account) or Managed (an Azure managed disk).', { enum: ['Dedicated', 'Managed', 'Shared'] }],
    ],
  },
  VsphereVirtualDiskVolumeSource: {
    name: 'io.k8s.api.core.v1.VsphereVirtualDiskVolumeSource',
    description: 'A vSphere virtual disk mounted on the node.',
    fields: [
      ['1 volumePath !', 'The path identifying the vSphere volume vmdk.', req],
      ['2 fsType', fsType],
      ['3 storagePolicyName', 'The Storage Policy Based Management profile\'s name.'],
      ['4 storagePolicyID', 'The Storage Policy Based Management profile\'s ID, matching storagePolicyName.'],
    ],
  },
  QuobyteVolumeSource: {
    name: 'io.k8s.api.core.v1.QuobyteVolumeSource',
    description: 'A Quobyte mount for the lifetime of the pod. No ownership management or SELinux relabeling.',
    fields: [
      ['1 registry !', 'The Quobyte registry services, as host:port pairs separated by commas.', req],
      ['2 volume !', 'The name of an existing Quobyte volume.', req],
      ['3 readOnly b', 'Mount read-only. Defaults to false.'],
      ['4 user', 'The user to map volume access to; the service account user by default.'],
      ['5 group', 'The group to map volume access to; none by default.'],
      ['6 tenant', 'The tenant owning the volume in the backend, set by the plugin for dynamic provisioning.'],
    ],
  },
  PhotonPersistentDiskVolumeSource: {
    name: 'io.k8s.api.core.v1.PhotonPersistentDiskVolumeSource',
    description: 'A Photon Controller persistent disk.',
    fields: [
      ['1 pdID !', 'The disk\'s ID.', req],
      ['2 fsType', fsType],
    ],
  },
  PortworxVolumeSource: {
    name: 'io.k8s.api.core.v1.PortworxVolumeSource',
    description: 'A Portworx volume.',
    fields: [
      ['1 volumeID !', 'The volume\'s unique ID.', req],
      ['2 fsType', fsType],
      ['3 readOnly b', readOnly],
    ],
  },
  ScaleIOVolumeSource: {
    name: 'io.k8s.api.core.v1.ScaleIOVolumeSource',
    description: 'A ScaleIO persistent volume.',
    fields: [
      ['1 gateway !', 'The ScaleIO API gateway\'s address.', req],
      ['2 system !', 'The storage system\'s name as configured in ScaleIO.', req],
      ['3 secretRef LocalObjectReference!', 'The Secret with the ScaleIO user\'s credentials; no login happens without it.', req],
      ['4 sslEnabled b', 'Use SSL to talk to the gateway. Defaults to false.'],
      ['5 protectionDomain', 'The ScaleIO protection domain of the storage.'],
      ['6 storagePool', 'The storage pool of the protection domain.'],
      ['7 storageMode', 'ThickProvisioned or ThinProvisioned (the default).'],
      ['8 volumeName', 'The name of an existing volume in the system.'],
      ['9 fsType', 'The filesystem to mount; xfs when unset.'],
      ['10 readOnly b', readOnly],
    ],
  },
  StorageOSVolumeSource: {
    name: 'io.k8s.api.core.v1.StorageOSVolumeSource',
    description: 'A StorageOS persistent volume.',
    fields: [
      ['1 volumeName', 'The volume\'s name, unique within its StorageOS namespace.'],
      ['2 volumeNamespace', 'The StorageOS namespace; the pod\'s namespace when unset, "default" when there is no match.'],
      ['3 fsType', fsType],
      ['4 readOnly b', readOnly],
      ['5 secretRef LocalObjectReference', 'A Secret with the StorageOS API credentials; the default credentials when unset.'],
    ],
  },
};
