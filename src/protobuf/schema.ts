/**
 * Protobuf message descriptors and the field-spec grammar of the schema tables.
 *
 * A field is one string (src/schema/format.ts has the full grammar):
 *
 *     '<number> <jsonName> [<type>[[]|{}][*][!]]'
 *
 *   type      s (default) | i32 | i64 | b | bytes | f64 | a type name | a well-known name
 *   []        repeated            {}  map<string, type>
 *   *         Go pointer: emitted when present on the wire, even when zero
 *   !         no `omitempty` in the Go json tag: emitted when zero ("", 0, false; null for an
 *             absent pointer, list or map), as Go's encoding/json would
 *   name ...  inline (Go embedded struct, `json:",inline"`): its fields land in the parent
 *
 * The descriptors themselves are derived from the compiled schema tables (messages.ts).
 */
export type ScalarKind = 'string' | 'int32' | 'int64' | 'bool' | 'bytes' | 'double';

/** Messages with a custom JSON form; well-known.ts decodes them. */
export const wellKnownTypes = [
  'Time', 'MicroTime', 'Duration', 'IntOrString', 'Quantity', 'RawExtension', 'FieldsV1', 'ExtraValue',
] as const;
export type WellKnown = (typeof wellKnownTypes)[number];

export interface MessageDesc {
  readonly name: string;
  /** Table order, which is Go struct order and so JSON key order. */
  readonly fields: FieldDesc[];
  /** Index = field number. */
  readonly byNumber: (FieldDesc | undefined)[];
  readonly wellKnown?: WellKnown;
}

export interface FieldDesc {
  readonly number: number;
  /** JSON name; '' for an inline (embedded) message. */
  readonly name: string;
  readonly kind: ScalarKind | 'message';
  /** Set for kind 'message': the descriptor of the field's type. */
  message?: MessageDesc;
  readonly typeName: string;
  readonly repeated: boolean;
  readonly map: boolean;
  readonly pointer: boolean;
  readonly always: boolean;
  readonly inline: boolean;
}

const scalars: Record<string, ScalarKind> = {
  '': 'string', s: 'string', i32: 'int32', i64: 'int64', b: 'bool', bytes: 'bytes', f64: 'double',
};

const fieldPattern = /^(\d+) (\S+)(?: (\w*)(\[\]|\{\})?([*!]*))?$/;

/** One field spec string (the grammar above); throws naming the message on a mistake. */
export function parseField(message: string, spec: string): FieldDesc {
  const m = fieldPattern.exec(spec);
  if (!m) throw new Error(`protobuf schema: bad field "${spec}" in ${message}`);
  const [, num, name, type = '', container = '', flags = ''] = m;
  const inline = name === '...';
  const kind: ScalarKind | 'message' = Object.hasOwn(scalars, type) ? scalars[type] : 'message';
  if (inline && (kind !== 'message' || container || flags)) {
    throw new Error(`protobuf schema: inline field "${spec}" in ${message} must be a plain message`);
  }
  return {
    number: Number(num), name: inline ? '' : name, kind, typeName: type,
    repeated: container === '[]', map: container === '{}',
    pointer: flags.includes('*'), always: flags.includes('!'), inline,
  };
}
