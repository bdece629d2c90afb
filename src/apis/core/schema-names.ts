/**
 * Small helpers the core/v1 table files share (schema.ts imports the others, so these cannot
 * live there without an import cycle): gvk and OpenAPI names of core types, and the patch
 * metadata upstream repeats on most condition lists.
 */
import type { FieldMeta } from '../../schema/format.js';
import { servedAt } from '../meta/schema-list.js';

/** The gvk of a core/v1 kind. */
export const v1 = servedAt('', 'v1');

/** The OpenAPI definition name of a core/v1 type. */
export const c = (ref: string): string => `io.k8s.api.core.v1.${ref}`;

/** +listType=atomic */
export const atomic: FieldMeta = { listType: 'atomic' };

/** Conditions and addresses: merged by type, one entry per type. */
export const byType: FieldMeta = { patchStrategy: 'merge', patchMergeKey: 'type', listType: 'map', listMapKeys: ['type'] };

export const conditionStatus = 'True, False or Unknown.';

/** Upstream's +enum values of Protocol, sorted as OpenAPI lists them. */
export const protocols: readonly string[] = ['SCTP', 'TCP', 'UDP'];
