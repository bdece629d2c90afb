/**
 * Every built-in type table, compiled once: the single source the derived artifacts (OpenAPI,
 * typed decoding, patch metadata, protobuf descriptors) read. A table is listed here when its
 * group's schema file lands.
 */
import { compileTables, type CompiledSchema } from './compile.js';
import type { TypeTable } from './format.js';

export const builtinTables: readonly TypeTable[] = [];

export const builtinSchema: CompiledSchema = compileTables(builtinTables);
