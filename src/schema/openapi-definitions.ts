/**
 * OpenAPI schema objects for the compiled type tables, in the two dialects upstream publishes:
 * v2 (/openapi/v2, `#/definitions/...`) and v3 (/openapi/v3/..., `#/components/schemas/...`).
 * The shapes follow kube-openapi's generator: a reference that carries a description or a
 * default is a sibling `$ref` in v2 but `allOf: [{$ref}]` in v3 (v3 forbids siblings of $ref);
 * struct list items default to `{}` and required non-pointer scalars to their zero value.
 */
import type { SchemaField, SchemaType } from './compile.js';
import type { GroupVersionKind } from './format.js';

export type Dialect = 'v2' | 'v3';
export type Json = Record<string, unknown>;

export const refPrefix: Readonly<Record<Dialect, string>> = {
  v2: '#/definitions/',
  v3: '#/components/schemas/',
};

const scalarSchemas: Readonly<Record<string, Json>> = {
  string: { type: 'string' },
  int32: { type: 'integer', format: 'int32' },
  int64: { type: 'integer', format: 'int64' },
  bool: { type: 'boolean' },
  double: { type: 'number', format: 'double' },
  bytes: { type: 'string', format: 'byte' },
};

const zeroValues: Readonly<Record<string, unknown>> = { string: '', int32: 0, int64: 0, bool: false, double: 0 };

/** The custom-JSON types: their definitions are written here, not read from a table. */
function wellKnownDefinition(t: SchemaType, d: Dialect): Json | undefined {
  switch (t.wellKnown) {
    case 'Time':
      return { description: 'A point in time, serialized as an RFC 3339 timestamp with seconds precision in UTC.', type: 'string', format: 'date-time' };
    case 'MicroTime':
      return { description: 'A point in time with microsecond precision, serialized as an RFC 3339 timestamp.', type: 'string', format: 'date-time' };
    case 'Duration':
      return { description: 'A span of time written as a Go duration string, such as "1h30m" or "250ms".', type: 'string' };
    case 'Quantity':
      return d === 'v2'
        ? { description: quantityText, type: 'string' }
        : { description: quantityText, oneOf: [{ type: 'string' }, { type: 'number' }] };
    case 'IntOrString':
      return d === 'v2'
        ? { description: intOrStringText, type: 'string', format: 'int-or-string' }
        : { description: intOrStringText, format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] };
    case 'RawExtension':
      return { description: 'An embedded object of any kind, kept as the JSON the client sent.', type: 'object' };
    case 'FieldsV1':
      return { description: 'The set of fields a manager owns, in the trie form of server-side apply.', type: 'object' };
    default:
      return undefined; // ExtraValue is written inline where it is used, as upstream does
  }
}

const quantityText = 'A fixed-point decimal amount with an optional unit suffix, such as "500m", "2Gi" or "1e3". The server keeps the canonical form.';
const intOrStringText = 'A value that is either a 32-bit integer or a string, such as a port number or a port name, or a count or a percentage.';

/** Schema for one value of a field's type: a scalar, an inline string list, or a reference. */
function valueSchema(f: SchemaField, d: Dialect): Json {
  if (f.kind !== 'message') return { ...scalarSchemas[f.kind] };
  if (f.typeName === 'ExtraValue') return { type: 'array', items: { type: 'string', default: '' } };
  return { $ref: refPrefix[d] + f.type!.name };
}

/** A reference with siblings: v2 keeps them beside $ref, v3 wraps the $ref in allOf. */
function withSiblings(value: Json, siblings: Json, d: Dialect): Json {
  if (Object.keys(siblings).length === 0 || !('$ref' in value) || d === 'v2') return { ...value, ...siblings };
  return { allOf: [value], ...siblings };
}

/**
 * Whether upstream gives list items or map values an implicit `{}` default: table structs, which
 * built-in lists and maps hold by value. A struct field itself gets none here: the tables do not
 * mark which struct fields are Go pointers (upstream defaults only the non-pointer ones).
 */
const isTableStruct = (f: SchemaField) => f.kind === 'message' && f.type !== undefined && !f.type.wellKnown;

export function fieldSchema(f: SchemaField, d: Dialect): Json {
  const m = f.meta;
  const value = valueSchema(f, d);
  let out: Json;
  if (f.repeated || f.map) {
    // Elements are values, never pointers: upstream defaults them to their zero value.
    let item = isTableStruct(f) ? withSiblings(value, { default: {} }, d)
      : f.kind !== 'message' && f.kind in zeroValues ? { default: zeroValues[f.kind], ...value } : value;
    if (m.enum && f.repeated) item = { ...item, enum: [...m.enum] };
    out = f.repeated ? { type: 'array', items: item } : { type: 'object', additionalProperties: item };
    if (f.description) out.description = f.description;
    if (m.default !== undefined) out.default = m.default;
  } else {
    const siblings: Json = {};
    if (f.description) siblings.description = f.description;
    if (m.default !== undefined) siblings.default = m.default;
    // A required non-pointer scalar defaults to its zero value, as upstream's generator writes.
    else if (f.kind !== 'message' && f.always && !f.pointer && m.required && f.kind in zeroValues) siblings.default = zeroValues[f.kind];
    out = withSiblings(value, siblings, d);
    if (m.enum) out.enum = [...m.enum];
  }
  if (m.listType) out['x-kubernetes-list-type'] = m.listType;
  if (m.listMapKeys) out['x-kubernetes-list-map-keys'] = [...m.listMapKeys];
  if (m.mapType) out['x-kubernetes-map-type'] = m.mapType;
  if (m.patchMergeKey) out['x-kubernetes-patch-merge-key'] = m.patchMergeKey;
  if (m.patchStrategy) out['x-kubernetes-patch-strategy'] = m.patchStrategy;
  return out;
}

/** A type's own fields with inline (embedded) types flattened into it, recursively. */
export function flattenFields(t: SchemaType): SchemaField[] {
  const out: SchemaField[] = [];
  for (const f of t.fields) {
    if (f.inline && f.type) out.push(...flattenFields(f.type));
    else out.push(f);
  }
  return out;
}

const gvkList = (gvk: readonly GroupVersionKind[]) => gvk.map((g) => ({ group: g.group, kind: g.kind, version: g.version }));

export function typeDefinition(t: SchemaType, d: Dialect): Json {
  const wk = wellKnownDefinition(t, d);
  if (wk) return wk;
  const properties: Json = {};
  const required: string[] = [];
  for (const f of flattenFields(t).sort((a, b) => a.name.localeCompare(b.name))) {
    properties[f.name] = fieldSchema(f, d);
    if (f.meta.required) required.push(f.name);
  }
  const out: Json = { description: t.description, type: 'object' };
  if (Object.keys(properties).length > 0) out.properties = properties;
  if (required.length > 0) out.required = required;
  if (t.gvk.length > 0) out['x-kubernetes-group-version-kind'] = gvkList(t.gvk);
  if (t.structType === 'atomic') out['x-kubernetes-map-type'] = 'atomic';
  return out;
}

/** `<Kind>List` for a served kind that has no list type in the tables: upstream's list shape. */
export function listDefinition(item: SchemaType, gvk: readonly GroupVersionKind[], d: Dialect): Json {
  const ref = { $ref: refPrefix[d] + item.name };
  const listMeta = { $ref: refPrefix[d] + listMetaName };
  const kind = item.gvk[0]?.kind ?? item.ref;
  return {
    description: `A list of ${kind} objects.`,
    type: 'object',
    properties: {
      apiVersion: { description: 'The versioned schema of this representation of an object.', type: 'string' },
      items: { description: `The ${kind} objects in the list.`, type: 'array', items: withSiblings(ref, { default: {} }, d) },
      kind: { description: 'The REST resource this object represents, in CamelCase.', type: 'string' },
      metadata: withSiblings(listMeta, { default: {}, description: 'Standard list metadata: resourceVersion and continue token.' }, d),
    },
    required: ['items'],
    'x-kubernetes-group-version-kind': gvkList(gvk),
  };
}

export const listMetaName = 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta';
export const versionInfoName = 'io.k8s.apimachinery.pkg.version.Info';

/** The /version document (version.Info): a plain Go struct with no schema table of its own. */
const versionInfoFields = ['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform'];
const versionInfo: Json = {
  description: 'What the server was built from: its version, source commit, build date, toolchain and platform.',
  type: 'object',
  properties: Object.fromEntries(versionInfoFields.map((f) => [f, { default: '', type: 'string' }])),
  required: versionInfoFields,
};

/** Definitions the paths refer to that are not Go structs with fields (so no table holds them). */
export function extraDefinitions(tableNames: ReadonlySet<string>, d: Dialect): Record<string, Json> {
  const out: Record<string, Json> = { [versionInfoName]: versionInfo };
  const patch = 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch';
  if (!tableNames.has(patch)) {
    out[patch] = { description: 'The body of a PATCH request; its form depends on the request Content-Type (JSON patch, merge patch, strategic merge patch or apply).', type: 'object' };
  }
  const watchEvent = 'io.k8s.apimachinery.pkg.apis.meta.v1.WatchEvent';
  if (!tableNames.has(watchEvent)) {
    const raw = { $ref: refPrefix[d] + 'io.k8s.apimachinery.pkg.runtime.RawExtension' };
    out[watchEvent] = {
      description: 'One event of a watch stream.',
      type: 'object',
      properties: {
        object: withSiblings(raw, { description: 'The object the event is about: the new state for ADDED and MODIFIED, the last state for DELETED, a Status for ERROR, an object carrying only the resourceVersion for BOOKMARK.' }, d),
        type: { default: '', description: 'ADDED, MODIFIED, DELETED, BOOKMARK or ERROR.', type: 'string' },
      },
      required: ['type', 'object'],
    };
  }
  return out;
}
