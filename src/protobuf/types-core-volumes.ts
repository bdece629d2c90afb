/**
 * core/v1 message tables for Volume, every VolumeSource, projections, and the
 * PersistentVolumeClaim types an ephemeral volume or a StatefulSet template embeds.
 * From staging/src/k8s.io/api/core/v1/types.go. Field syntax: schema.ts.
 */
import type { MessageTable } from './schema.js';

export const coreVolumeMessages: MessageTable = {
  Volume: ['1 name !', '2 ... VolumeSource'],
  VolumeSource: [
    '1 hostPath HostPathVolumeSource', '2 emptyDir EmptyDirVolumeSource',
    '3 gcePersistentDisk GCEPersistentDiskVolumeSource',
    '4 awsElasticBlockStore AWSElasticBlockStoreVolumeSource', '5 gitRepo GitRepoVolumeSource',
    '6 secret SecretVolumeSource', '7 nfs NFSVolumeSource', '8 iscsi ISCSIVolumeSource',
    '9 glusterfs GlusterfsVolumeSource', '10 persistentVolumeClaim PersistentVolumeClaimVolumeSource',
    '11 rbd RBDVolumeSource', '12 flexVolume FlexVolumeSource', '13 cinder CinderVolumeSource',
    '14 cephfs CephFSVolumeSource', '15 flocker FlockerVolumeSource',
    '16 downwardAPI DownwardAPIVolumeSource', '17 fc FCVolumeSource', '18 azureFile AzureFileVolumeSource',
    '19 configMap ConfigMapVolumeSource', '20 vsphereVolume VsphereVirtualDiskVolumeSource',
    '21 quobyte QuobyteVolumeSource', '22 azureDisk AzureDiskVolumeSource',
    '23 photonPersistentDisk PhotonPersistentDiskVolumeSource', '24 portworxVolume PortworxVolumeSource',
    '25 scaleIO ScaleIOVolumeSource', '26 projected ProjectedVolumeSource',
    '27 storageos StorageOSVolumeSource', '28 csi CSIVolumeSource', '29 ephemeral EphemeralVolumeSource',
    '30 image ImageVolumeSource',
  ],
  PersistentVolumeClaimVolumeSource: ['1 claimName !', '2 readOnly b'],
  PersistentVolumeClaimSpec: [
    '1 accessModes []', '4 selector LabelSelector', '2 resources VolumeResourceRequirements', '3 volumeName',
    '5 storageClassName *', '6 volumeMode *', '7 dataSource TypedLocalObjectReference',
    '8 dataSourceRef TypedObjectReference', '9 volumeAttributesClassName *',
  ],
  TypedObjectReference: ['1 apiGroup *!', '2 kind !', '3 name !', '4 namespace *'],
  HostPathVolumeSource: ['1 path !', '2 type *'],
  EmptyDirVolumeSource: ['1 medium', '2 sizeLimit Quantity'],
  GlusterfsVolumeSource: ['1 endpoints !', '2 path !', '3 readOnly b'],
  RBDVolumeSource: [
    '1 monitors []!', '2 image !', '3 fsType', '4 pool', '5 user', '6 keyring',
    '7 secretRef LocalObjectReference', '8 readOnly b',
  ],
  CinderVolumeSource: ['1 volumeID !', '2 fsType', '3 readOnly b', '4 secretRef LocalObjectReference'],
  CephFSVolumeSource: [
    '1 monitors []!', '2 path', '3 user', '4 secretFile', '5 secretRef LocalObjectReference', '6 readOnly b',
  ],
  SecretReference: ['1 name', '2 namespace'],
  FlockerVolumeSource: ['1 datasetName', '2 datasetUUID'],
  GCEPersistentDiskVolumeSource: ['1 pdName !', '2 fsType', '3 partition i32', '4 readOnly b'],
  QuobyteVolumeSource: ['1 registry !', '2 volume !', '3 readOnly b', '4 user', '5 group', '6 tenant'],
  FlexVolumeSource: [
    '1 driver !', '2 fsType', '3 secretRef LocalObjectReference', '4 readOnly b', '5 options {}',
  ],
  AWSElasticBlockStoreVolumeSource: ['1 volumeID !', '2 fsType', '3 partition i32', '4 readOnly b'],
  GitRepoVolumeSource: ['1 repository !', '2 revision', '3 directory'],
  SecretVolumeSource: ['1 secretName', '2 items KeyToPath[]', '3 defaultMode i32*', '4 optional b*'],
  SecretProjection: ['1 ... LocalObjectReference', '2 items KeyToPath[]', '4 optional b*'],
  NFSVolumeSource: ['1 server !', '2 path !', '3 readOnly b'],
  ISCSIVolumeSource: [
    '1 targetPortal !', '2 iqn !', '3 lun i32!', '4 iscsiInterface', '5 fsType', '6 readOnly b',
    '7 portals []', '8 chapAuthDiscovery b', '11 chapAuthSession b', '10 secretRef LocalObjectReference',
    '12 initiatorName *',
  ],
  FCVolumeSource: ['1 targetWWNs []', '2 lun i32*', '3 fsType', '4 readOnly b', '5 wwids []'],
  AzureFileVolumeSource: ['1 secretName !', '2 shareName !', '3 readOnly b'],
  VsphereVirtualDiskVolumeSource: ['1 volumePath !', '2 fsType', '3 storagePolicyName', '4 storagePolicyID'],
  PhotonPersistentDiskVolumeSource: ['1 pdID !', '2 fsType'],
  AzureDiskVolumeSource: [
    '1 diskName !', '2 diskURI !', '3 cachingMode *', '4 fsType *', '5 readOnly b*', '6 kind *',
  ],
  PortworxVolumeSource: ['1 volumeID !', '2 fsType', '3 readOnly b'],
  ScaleIOVolumeSource: [
    '1 gateway !', '2 system !', '3 secretRef LocalObjectReference!', '4 sslEnabled b', '5 protectionDomain',
    '6 storagePool', '7 storageMode', '8 volumeName', '9 fsType', '10 readOnly b',
  ],
  StorageOSVolumeSource: [
    '1 volumeName', '2 volumeNamespace', '3 fsType', '4 readOnly b', '5 secretRef LocalObjectReference',
  ],
  ConfigMapVolumeSource: [
    '1 ... LocalObjectReference', '2 items KeyToPath[]', '3 defaultMode i32*', '4 optional b*',
  ],
  ConfigMapProjection: ['1 ... LocalObjectReference', '2 items KeyToPath[]', '4 optional b*'],
  ServiceAccountTokenProjection: ['1 audience', '2 expirationSeconds i64*', '3 path !'],
  ClusterTrustBundleProjection: [
    '1 name *', '2 signerName *', '3 labelSelector LabelSelector', '5 optional b*', '4 path !',
  ],
  ProjectedVolumeSource: ['1 sources VolumeProjection[]!', '2 defaultMode i32*'],
  VolumeProjection: [
    '1 secret SecretProjection', '2 downwardAPI DownwardAPIProjection', '3 configMap ConfigMapProjection',
    '4 serviceAccountToken ServiceAccountTokenProjection',
    '5 clusterTrustBundle ClusterTrustBundleProjection', '6 podCertificate PodCertificateProjection',
  ],
  KeyToPath: ['1 key !', '2 path !', '3 mode i32*'],
  CSIVolumeSource: [
    '1 driver !', '2 readOnly b*', '3 fsType *', '4 volumeAttributes {}',
    '5 nodePublishSecretRef LocalObjectReference',
  ],
  EphemeralVolumeSource: ['1 volumeClaimTemplate PersistentVolumeClaimTemplate'],
  PersistentVolumeClaimTemplate: ['1 metadata ObjectMeta', '2 spec PersistentVolumeClaimSpec'],
  DownwardAPIVolumeSource: ['1 items DownwardAPIVolumeFile[]', '2 defaultMode i32*'],
  DownwardAPIVolumeFile: [
    '1 path !', '2 fieldRef ObjectFieldSelector', '3 resourceFieldRef ResourceFieldSelector', '4 mode i32*',
  ],
  DownwardAPIProjection: ['1 items DownwardAPIVolumeFile[]'],
  ImageVolumeSource: ['1 reference', '2 pullPolicy'],
  PodCertificateProjection: [
    '1 signerName', '2 keyType', '3 maxExpirationSeconds i32*', '4 credentialBundlePath', '5 keyPath',
    '6 certificateChainPath', '7 userAnnotations {}',
  ],
  PersistentVolumeClaim: [
    '1 metadata ObjectMeta', '2 spec PersistentVolumeClaimSpec', '3 status PersistentVolumeClaimStatus',
  ],
  PersistentVolumeClaimStatus: [
    '1 phase', '2 accessModes []', '3 capacity Quantity{}', '4 conditions PersistentVolumeClaimCondition[]',
    '5 allocatedResources Quantity{}', '7 allocatedResourceStatuses {}',
    '8 currentVolumeAttributesClassName *', '9 modifyVolumeStatus ModifyVolumeStatus',
  ],
  PersistentVolumeClaimCondition: [
    '1 type !', '2 status !', '3 lastProbeTime Time', '4 lastTransitionTime Time', '5 reason', '6 message',
  ],
  ModifyVolumeStatus: ['1 targetVolumeAttributesClassName', '2 status !'],
  VolumeResourceRequirements: ['1 limits Quantity{}', '2 requests Quantity{}'],
};
