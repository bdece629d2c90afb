/**
 * core/v1 schema table for pod volumes and PersistentVolumeClaim: Volume and VolumeSource, the
 * projected and generic-ephemeral sources, and the claim with its spec, status, conditions and
 * template. The individual in-tree and CSI sources are in schema-volume-sources.ts;
 * `coreVolumeTypes` joins both. A data table: longer than the usual file on purpose. Facts
 * follow upstream v1.32 (staging/src/k8s.io/api/core/v1/types.go).
 */
import type { TypeTable } from '../../schema/format.js';
import { conditionTail, listOf } from '../meta/schema-list.js';
import { v1 } from './schema-names.js';
import { coreVolumeSourceTypes, keyItemsField, modeBits, optionalKeysField } from './schema-volume-sources.js';

const req = { required: true } as const;
const atomic = { listType: 'atomic' } as const;
const accessModes = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'] as const;

const volumeOnlyTypes: TypeTable = {
  Volume: {
    name: 'io.k8s.api.core.v1.Volume',
    description: 'A named volume of a pod that its containers can mount.',
    fields: [
      ['1 name !', 'The volume\'s name, a DNS label unique within the pod; volume mounts refer to it.', req],
      ['2 ... VolumeSource', ''],
    ],
  },
  VolumeSource: {
    name: 'io.k8s.api.core.v1.VolumeSource',
    description: 'Where a volume\'s data comes from; set exactly one member (a volume with none is an emptyDir, a deprecated shorthand).',
    fields: [
      ['1 hostPath HostPathVolumeSource', 'A file or directory on the node, for system agents and privileged pods; most pods should not use it.'],
      ['2 emptyDir EmptyDirVolumeSource', 'A scratch directory that lives as long as the pod.'],
      ['3 gcePersistentDisk GCEPersistentDiskVolumeSource', 'Deprecated: a GCE persistent disk; the in-tree plugin redirects to the pd.csi.storage.gke.io CSI driver.'],
      ['4 awsElasticBlockStore AWSElasticBlockStoreVolumeSource', 'Deprecated: an AWS EBS disk; the in-tree plugin redirects to the ebs.csi.aws.com CSI driver.'],
      ['5 gitRepo GitRepoVolumeSource', 'Deprecated: a git repository cloned into an emptyDir. Clone in an init container instead.'],
      ['6 secret SecretVolumeSource', 'The keys of a Secret, as files.'],
      ['7 nfs NFSVolumeSource', 'An NFS export mounted on the node.'],
      ['8 iscsi ISCSIVolumeSource', 'An iSCSI disk attached to the node.'],
      ['9 glusterfs GlusterfsVolumeSource', 'Deprecated and no longer available: a GlusterFS mount.'],
      ['10 persistentVolumeClaim PersistentVolumeClaimVolumeSource', 'A PersistentVolumeClaim in the pod\'s namespace.'],
      ['11 rbd RBDVolumeSource', 'Deprecated and no longer available: a Rados Block Device.'],
      ['12 flexVolume FlexVolumeSource', 'Deprecated: a volume handled by an exec-based FlexVolume driver.'],
      ['13 cinder CinderVolumeSource', 'Deprecated: an OpenStack Cinder volume; the in-tree plugin redirects to the cinder.csi.openstack.org CSI driver.'],
      ['14 cephfs CephFSVolumeSource', 'Deprecated and no longer available: a CephFS mount.'],
      ['15 flocker FlockerVolumeSource', 'Deprecated and no longer available: a Flocker dataset.'],
      ['16 downwardAPI DownwardAPIVolumeSource', 'Fields of the pod and its containers, as files.'],
      ['17 fc FCVolumeSource', 'A Fibre Channel disk attached to the node.'],
      ['18 azureFile AzureFileVolumeSource', 'Deprecated: an Azure File share; the in-tree plugin redirects to the file.csi.azure.com CSI driver.'],
      ['19 configMap ConfigMapVolumeSource', 'The keys of a ConfigMap, as files.'],
      ['20 vsphereVolume VsphereVirtualDiskVolumeSource', 'Deprecated: a vSphere disk; the in-tree plugin redirects to the csi.vsphere.vmware.com CSI driver.'],
      ['21 quobyte QuobyteVolumeSource', 'Deprecated and no longer available: a Quobyte mount.'],
      ['22 azureDisk AzureDiskVolumeSource', 'Deprecated: an Azure data disk; the in-tree plugin redirects to the disk.csi.azure.com CSI driver.'],
      ['23 photonPersistentDisk PhotonPersistentDiskVolumeSource', 'Deprecated and no longer available: a Photon Controller disk.'],
      ['24 portworxVolume PortworxVolumeSource', 'Deprecated: a Portworx volume; redirected to the pxd.portworx.com CSI driver when CSIMigrationPortworx is on.'],
      ['25 scaleIO ScaleIOVolumeSource', 'Deprecated and no longer available: a ScaleIO volume.'],
      ['26 projected ProjectedVolumeSource', 'Secrets, ConfigMaps, downward API data, service account tokens and trust bundles combined into one directory.'],
      ['27 storageos StorageOSVolumeSource', 'Deprecated and no longer available: a StorageOS volume.'],
      ['28 csi CSIVolumeSource', 'An ephemeral volume provided by a CSI driver that supports inline volumes.'],
      ['29 ephemeral EphemeralVolumeSource', 'A volume from a storage driver whose claim is created with the pod and deleted with it.'],
      ['30 image ImageVolumeSource', 'The contents of an OCI image or artifact, mounted read-only.'],
    ],
  },
  ProjectedVolumeSource: {
    name: 'io.k8s.api.core.v1.ProjectedVolumeSource',
    description: 'Several sources projected into one directory.',
    fields: [
      ['1 sources VolumeProjection[]!', 'The projections.', atomic],
      ['2 defaultMode i32*', 'Permission bits for the created files unless an item sets its own. ' + modeBits],
    ],
  },
  VolumeProjection: {
    name: 'io.k8s.api.core.v1.VolumeProjection',
    description: 'One source of a projected volume; set exactly one.',
    fields: [
      ['1 secret SecretProjection', 'Keys of a Secret.'],
      ['2 downwardAPI DownwardAPIProjection', 'Fields of the pod and its containers.'],
      ['3 configMap ConfigMapProjection', 'Keys of a ConfigMap.'],
      ['4 serviceAccountToken ServiceAccountTokenProjection', 'A token for the pod\'s service account.'],
      ['5 clusterTrustBundle ClusterTrustBundleProjection', 'Certificates from ClusterTrustBundle objects.'],
      ['6 podCertificate PodCertificateProjection', 'A key and certificate issued for the pod (added after v1.32).'],
    ],
  },
  SecretProjection: {
    name: 'io.k8s.api.core.v1.SecretProjection',
    description: 'Projects a Secret\'s keys into a projected volume.',
    fields: [
      ['1 ... LocalObjectReference', ''],
      keyItemsField,
      optionalKeysField('Secret'),
    ],
  },
  ConfigMapProjection: {
    name: 'io.k8s.api.core.v1.ConfigMapProjection',
    description: 'Projects a ConfigMap\'s keys into a projected volume.',
    fields: [
      ['1 ... LocalObjectReference', ''],
      keyItemsField,
      optionalKeysField('ConfigMap'),
    ],
  },
  DownwardAPIProjection: {
    name: 'io.k8s.api.core.v1.DownwardAPIProjection',
    description: 'Projects downward API fields into a projected volume.',
    fields: [['1 items DownwardAPIVolumeFile[]', 'The files to create.', atomic]],
  },
  ServiceAccountTokenProjection: {
    name: 'io.k8s.api.core.v1.ServiceAccountTokenProjection',
    description: 'A service account token the kubelet requests for the pod and rotates before it expires.',
    fields: [
      ['1 audience', 'The audience the token is for; the API server\'s identifier when unset.'],
      ['2 expirationSeconds i64*', 'The requested lifetime; at least 600 seconds, defaulting to one hour. The kubelet renews at 80% of it or after 24 hours.'],
      ['3 path !', 'The file the token is written to, relative to the mount point.', req],
    ],
  },
  ClusterTrustBundleProjection: {
    name: 'io.k8s.api.core.v1.ClusterTrustBundleProjection',
    description: 'Writes the certificates of ClusterTrustBundle objects, chosen by name or by signer and labels, into one file.',
    fields: [
      ['1 name *', 'Select one bundle by name; exclusive with signerName and labelSelector.'],
      ['2 signerName *', 'Select the bundles of this signer (together with labelSelector).'],
      ['3 labelSelector LabelSelector', 'Narrows the signer\'s bundles; null matches none, {} matches all.'],
      ['5 optional b*', 'Whether a missing bundle is acceptable; the file is then left empty.'],
      ['4 path !', 'The file, relative to the volume root.', req],
    ],
  },
  PodCertificateProjection: {
    name: 'io.k8s.api.core.v1.PodCertificateProjection',
    description: 'A private key and a certificate issued for the pod by a signer (added after v1.32).',
    fields: [
      ['1 signerName', 'The signer that issues the certificate.'],
      ['2 keyType', 'The kind of private key generated.'],
      ['3 maxExpirationSeconds i32*', 'The longest lifetime the certificate may have.'],
      ['4 credentialBundlePath', 'A file holding the key and the certificate chain together.'],
      ['5 keyPath', 'A file holding the private key alone.'],
      ['6 certificateChainPath', 'A file holding the certificate chain alone.'],
      ['7 userAnnotations {}', 'Annotations passed to the signer.'],
    ],
  },
  KeyToPath: {
    name: 'io.k8s.api.core.v1.KeyToPath',
    description: 'Maps one key of a ConfigMap or Secret to a file path in a volume.',
    fields: [
      ['1 key !', 'The key to project.', req],
      ['2 path !', 'The relative file path; must not be absolute, contain "..", or start with "..".', req],
      ['3 mode i32*', 'Permission bits for this file; the volume default when unset. ' + modeBits],
    ],
  },
  EphemeralVolumeSource: {
    name: 'io.k8s.api.core.v1.EphemeralVolumeSource',
    description: 'A volume whose PersistentVolumeClaim is created with the pod and owned by it, so it is deleted with the pod.',
    fields: [['1 volumeClaimTemplate PersistentVolumeClaimTemplate', 'The claim to create, named <pod name>-<volume name>. An existing claim of that name is used only if the pod owns it. Required.']],
  },
  PersistentVolumeClaimTemplate: {
    name: 'io.k8s.api.core.v1.PersistentVolumeClaimTemplate',
    description: 'The metadata and spec of a PersistentVolumeClaim created for an ephemeral volume.',
    fields: [
      ['1 metadata ObjectMeta', 'Labels and annotations copied onto the claim; other metadata fields are rejected.'],
      ['2 spec PersistentVolumeClaimSpec', 'The claim\'s spec, copied unchanged.', req],
    ],
  },
  PersistentVolumeClaimVolumeSource: {
    name: 'io.k8s.api.core.v1.PersistentVolumeClaimVolumeSource',
    description: 'Mounts the volume bound to a PersistentVolumeClaim in the pod\'s namespace.',
    fields: [
      ['1 claimName !', 'The claim\'s name.', req],
      ['2 readOnly b', 'Force a read-only mount. Defaults to false.'],
    ],
  },
  PersistentVolumeClaim: {
    name: 'io.k8s.api.core.v1.PersistentVolumeClaim',
    description: 'A user\'s request for storage, bound to a PersistentVolume that satisfies it.',
    gvk: v1('PersistentVolumeClaim'),
    fields: [
      ['1 metadata ObjectMeta', "The claim's standard object metadata."],
      ['2 spec PersistentVolumeClaimSpec', 'The storage asked for.'],
      ['3 status PersistentVolumeClaimStatus', 'What the system last observed about the claim. Read-only.'],
    ],
  },
  PersistentVolumeClaimList: listOf('io.k8s.api.core.v1.PersistentVolumeClaimList', 'PersistentVolumeClaim', v1('PersistentVolumeClaim'), 'The claims.'),
  PersistentVolumeClaimSpec: {
    name: 'io.k8s.api.core.v1.PersistentVolumeClaimSpec',
    description: 'The storage a claim asks for, and where it may come from.',
    fields: [
      ['1 accessModes []', 'The access modes the volume must offer.', { ...atomic, enum: accessModes }],
      ['4 selector LabelSelector', 'Limits binding to volumes with matching labels.'],
      ['2 resources VolumeResourceRequirements', 'The least storage wanted; may be raised later to expand the volume.'],
      ['3 volumeName', 'Bind to this PersistentVolume only.'],
      ['5 storageClassName *', 'The StorageClass wanted; the default class when unset, no class when empty.'],
      ['6 volumeMode *', 'Block or Filesystem (the default when unset).', { enum: ['Block', 'Filesystem'] }],
      ['7 dataSource TypedLocalObjectReference', 'A VolumeSnapshot, an existing claim or a populator object in the same namespace to fill the new volume from. Kept equal to dataSourceRef when both are allowed.'],
      ['8 dataSourceRef TypedObjectReference', 'Like dataSource, but any object type and, with CrossNamespaceVolumeDataSource, another namespace. Unknown types are kept rather than dropped.'],
      ['9 volumeAttributesClassName *', 'The VolumeAttributesClass whose mutable attributes the volume should have (beta, off by default).'],
    ],
  },
  PersistentVolumeClaimStatus: {
    name: 'io.k8s.api.core.v1.PersistentVolumeClaimStatus',
    description: 'What was last observed about a claim.',
    fields: [
      ['1 phase', 'Pending, Bound or Lost.', { enum: ['Bound', 'Lost', 'Pending'] }],
      ['2 accessModes []', 'The access modes the bound volume offers.', { ...atomic, enum: accessModes }],
      ['3 capacity Quantity{}', 'The actual size of the bound volume.'],
      ['4 conditions PersistentVolumeClaimCondition[]', 'The claim\'s conditions, such as Resizing or FileSystemResizePending.', { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] }],
      ['5 allocatedResources Quantity{}', 'The size the system has committed to during an expansion; may exceed the request.'],
      ['7 allocatedResourceStatuses {}', 'Per resource, the state of an ongoing resize (ControllerResizeInProgress, NodeResizePending, ...).', { mapType: 'granular' }],
      ['8 currentVolumeAttributesClassName *', 'The VolumeAttributesClass the volume currently has.'],
      ['9 modifyVolumeStatus ModifyVolumeStatus', 'The state of an ongoing change of volume attributes class; unset when none.'],
    ],
  },
  PersistentVolumeClaimCondition: {
    name: 'io.k8s.api.core.v1.PersistentVolumeClaimCondition',
    description: 'One observed aspect of a claim\'s state.',
    fields: [
      ['1 type !', 'The condition\'s type, such as Resizing or FileSystemResizePending.', req],
      ['2 status !', 'True, False or Unknown.', req],
      ['3 lastProbeTime Time', 'When the condition was last checked.'],
      ...conditionTail(4),
    ],
  },
  ModifyVolumeStatus: {
    name: 'io.k8s.api.core.v1.ModifyVolumeStatus',
    description: 'The state of an operation changing a volume\'s attributes class.',
    fields: [
      ['1 targetVolumeAttributesClassName', 'The class being applied.'],
      ['2 status !', 'Pending, InProgress or Infeasible.', { ...req, enum: ['InProgress', 'Infeasible', 'Pending'] }],
    ],
  },
  VolumeResourceRequirements: {
    name: 'io.k8s.api.core.v1.VolumeResourceRequirements',
    description: 'The storage a volume claim requests, and its limit.',
    fields: [
      ['1 limits Quantity{}', 'The most storage allowed.'],
      ['2 requests Quantity{}', 'The least storage wanted; defaults to the limit when only that is set, and cannot exceed it.'],
    ],
  },
};

/** Pod volumes, their sources and PersistentVolumeClaim. */
export const coreVolumeTypes: TypeTable = { ...volumeOnlyTypes, ...coreVolumeSourceTypes };
