/**
 * storage.k8s.io/v1 (pkg/registry/storage): CSIDriver is the only one with metadata.generation;
 * VolumeAttachment status resets on create (v1) and is kept on update.
 */
import type { ResourceDef } from '../../registry/rest.js';
import { composeStrategies, defineResource, statusReset, statusSubresource } from '../core/define.js';
import { typedStrategy } from '../apps/typed-strategy.js';
import { defaultCSIDriver, defaultStorageClass } from './defaults.js';
import {
  validateCSIDriver, validateCSIDriverUpdate, validateStorageClass, validateStorageClassUpdate, validateVolumeAttachment, validateVolumeAttachmentUpdate,
} from './validation.js';
import { validateCSINode, validateCSIStorageCapacity } from './validation-csi.js';

const storageV1 = { group: 'storage.k8s.io', versions: ['v1'] };

export const storageResources: ResourceDef[] = [
  defineResource(storageV1, 'csidrivers', 'CSIDriver', false, {
    generation: true,
    strategy: typedStrategy({ defaults: defaultCSIDriver, validate: validateCSIDriver, validateUpdate: validateCSIDriverUpdate }),
  }),
  defineResource(storageV1, 'csinodes', 'CSINode', false, { strategy: { validate: validateCSINode } }),
  defineResource(storageV1, 'csistoragecapacities', 'CSIStorageCapacity', true, { strategy: { validate: validateCSIStorageCapacity } }),
  defineResource(storageV1, 'storageclasses', 'StorageClass', false, {
    shortNames: ['sc'],
    strategy: typedStrategy({ defaults: defaultStorageClass, validate: validateStorageClass, validateUpdate: validateStorageClassUpdate }),
  }),
  defineResource(storageV1, 'volumeattachments', 'VolumeAttachment', false, {
    subresources: [statusSubresource('VolumeAttachment')],
    strategy: composeStrategies(statusReset(), { validate: validateVolumeAttachment, validateUpdate: validateVolumeAttachmentUpdate }),
  }),
];
