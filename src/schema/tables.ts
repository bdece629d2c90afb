/**
 * Every built-in type table, compiled once: the single source the derived artifacts (OpenAPI,
 * typed decoding, patch metadata, protobuf descriptors) read. A table is listed here when its
 * group's schema file lands.
 */
import { compileTables, type CompiledSchema } from './compile.js';
import type { TypeTable } from './format.js';
import { metaTypes } from '../apis/meta/schema.js';
import { coreTypes } from '../apis/core/schema.js';
import { corePodTypes } from '../apis/core/schema-pod.js';
import { coreVolumeTypes } from '../apis/core/schema-volumes.js';

export const builtinTables: readonly TypeTable[] = [metaTypes, coreTypes, corePodTypes, coreVolumeTypes];

export const builtinSchema: CompiledSchema = compileTables(builtinTables);
