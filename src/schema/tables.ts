/**
 * Every built-in type table, compiled once: the single source the derived artifacts (OpenAPI,
 * typed decoding, patch metadata, protobuf descriptors) read. A table is listed here when its
 * group's schema file lands.
 */
import { compileTables, type CompiledSchema } from './compile.js';
import { registerBuiltinSchema } from './lookup.js';
import type { TypeTable } from './format.js';
import { metaTypes } from '../apis/meta/schema.js';
import { coreTypes } from '../apis/core/schema.js';
import { corePodTypes } from '../apis/core/schema-pod.js';
import { coreVolumeTypes } from '../apis/core/schema-volumes.js';
import { rbacTypes } from '../apis/rbac/schema.js';
import { storageTypes } from '../apis/storage/schema.js';
import { certificatesTypes } from '../apis/certificates/schema.js';
import { admissionregistrationTypes } from '../apis/admissionregistration/schema.js';
import { flowcontrolTypes } from '../apis/flowcontrol/schema.js';
import { authenticationTypes } from '../apis/authentication/schema.js';
import { authorizationTypes } from '../apis/authorization/schema.js';
import { appsTypes } from '../apis/apps/schema.js';
import { autoscalingTypes } from '../apis/autoscaling/schema.js';
import { batchTypes } from '../apis/batch/schema.js';
import { coordinationTypes } from '../apis/coordination/schema.js';
import { discoveryTypes } from '../apis/discovery/schema.js';
import { eventsTypes } from '../apis/events/schema.js';
import { networkingTypes } from '../apis/networking/schema.js';
import { nodeTypes } from '../apis/node/schema.js';
import { policyTypes } from '../apis/policy/schema.js';
import { schedulingTypes } from '../apis/scheduling/schema.js';

export const builtinTables: readonly TypeTable[] = [
  metaTypes, coreTypes, corePodTypes, coreVolumeTypes,
  appsTypes, autoscalingTypes, batchTypes, coordinationTypes, discoveryTypes, eventsTypes, networkingTypes, nodeTypes, policyTypes, schedulingTypes,
  rbacTypes, storageTypes, certificatesTypes, admissionregistrationTypes, flowcontrolTypes, authenticationTypes, authorizationTypes,
];

export const builtinSchema: CompiledSchema = compileTables(builtinTables);
registerBuiltinSchema(builtinSchema);
