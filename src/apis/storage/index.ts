/**
 * storage.k8s.io/v1 (pkg/registry/storage): CSIDriver is the only one with metadata.generation;
 * VolumeAttachment status resets on create (v1) and is kept on update.
 */
import type { ResourceDef } from '../../registry/rest.js';
import { defineResource, statusReset, statusSubresource } from '../core/define.js';

const storageV1 = { group: 'storage.k8s.io', versions: ['v1'] };

export const storageResources: ResourceDef[] = [
  defineResource(storageV1, 'csidrivers', 'CSIDriver', false, { generation: true }),
  defineResource(storageV1, 'csinodes', 'CSINode', false),
  defineResource(storageV1, 'csistoragecapacities', 'CSIStorageCapacity', true),
  defineResource(storageV1, 'storageclasses', 'StorageClass', false, { shortNames: ['sc'] }),
  defineResource(storageV1, 'volumeattachments', 'VolumeAttachment', false, {
    subresources: [statusSubresource('VolumeAttachment')],
    strategy: statusReset(),
  }),
];
