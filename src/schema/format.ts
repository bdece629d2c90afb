/**
 * The schema DSL's data format: every built-in API type is one TypeDef in a TypeTable, written
 * once under src/apis/<group>/schema*.ts. Validation of shapes (typed decoding, unknown fields),
 * pruning, OpenAPI v2/v3, strategic-merge patch metadata and the protobuf message descriptors
 * are all derived from these tables (src/schema/compile.ts and its users).
 *
 * A table maps a reference name to its TypeDef. Reference names are unique across all tables:
 * the Go type name, prefixed with the group and version in PascalCase when another package
 * already uses the name (core/v1 and meta/v1 keep plain names: `Event` is core/v1,
 * `EventsV1Event` is events.k8s.io/v1, `AutoscalingV1HorizontalPodAutoscaler`).
 *
 * Fields are in Go struct order (= JSON key order = upstream's OpenAPI property order is sorted,
 * but we keep struct order for our own output). Each field is a tuple
 *
 *     [spec, description, meta?]
 *
 * where spec is one string with the protobuf field number, the JSON name and the type:
 *
 *     '<number> <jsonName> [<type>[[]|{}][*][!]]'
 *
 *   type      s (default) | i32 | i64 | b | bytes | f64 | a reference name | a well-known name
 *   []        repeated (Go slice)          {}  map<string, type> (Go map[string]T)
 *   *         Go pointer: emitted when present, even when zero
 *   !         no `omitempty` in the Go json tag: Go emits the zero value
 *   `... T`   inline (Go embedded struct, `json:",inline"`): T's fields land in the parent
 *
 * Well-known names: Time, MicroTime (RFC 3339 strings), Duration (Go duration string),
 * IntOrString, Quantity, RawExtension (any JSON object), FieldsV1 (any JSON object),
 * ExtraValue (a list of strings).
 *
 * apiVersion and kind of top-level kinds are not listed as fields (they are TypeMeta, carried
 * by the protobuf envelope): a TypeDef with `gvk` gets them added by the compiler.
 */

export interface GroupVersionKind {
  /** '' for the core group. */
  group: string;
  version: string;
  kind: string;
}

/** Optional per-field API metadata, as upstream's struct tags and +markers give it. */
export interface FieldMeta {
  /** Optional. In the type's OpenAPI `required` list (upstream: no omitempty and no +optional). */
  required?: boolean;
  /** Optional. The accepted values of a string enum (+enum), for OpenAPI. */
  enum?: readonly string[];
  /** Optional. The value the server defaults when the field is absent (+default), for OpenAPI. */
  default?: unknown;
  /** Optional. The `patchStrategy` struct tag: 'merge', 'retainKeys', 'merge,retainKeys', 'replace'. */
  patchStrategy?: string;
  /** Optional. The `patchMergeKey` struct tag. */
  patchMergeKey?: string;
  /** Optional. +listType: how server-side apply and OpenAPI treat a list. */
  listType?: 'atomic' | 'set' | 'map';
  /** Optional. +listMapKey (in order) for listType 'map'. */
  listMapKeys?: readonly string[];
  /** Optional. +mapType. */
  mapType?: 'atomic' | 'granular';
}

export type FieldEntry = readonly [spec: string, description: string, meta?: FieldMeta];

export interface TypeDef {
  /** Upstream's OpenAPI definition name, e.g. 'io.k8s.api.core.v1.Container'. */
  name: string;
  /** What the type is, in our own words; `kubectl explain` prints it. */
  description: string;
  /** In Go struct order. */
  fields: readonly FieldEntry[];
  /** Optional. For top-level kinds: every group/version/kind this type is served as. */
  gvk?: readonly GroupVersionKind[];
  /** Optional. +structType=atomic (e.g. ObjectReference-like types, LabelSelector). */
  structType?: 'atomic' | 'granular';
}

export type TypeTable = Readonly<Record<string, TypeDef>>;
