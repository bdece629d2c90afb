/**
 * Message descriptors, compiled once at startup from compact tables (types-*.ts).
 *
 * A table maps a message name to its fields in Go struct order (which is the JSON key order).
 * Each field is one string:
 *
 *     '<number> <jsonName> [<type>[[]|{}][*][!]]'
 *
 *   type      s (default) | i32 | i64 | b | bytes | f64 | a message name | a well-known name
 *   []        repeated            {}  map<string, type>
 *   *         Go pointer: emitted when present on the wire, even when zero
 *   !         no `omitempty` in the Go json tag: emitted when zero ("", 0, false; null for an
 *             absent pointer, list or map), as Go's encoding/json would
 *   name ...  inline (Go embedded struct, `json:",inline"`): its fields land in the parent
 *
 * Field numbers, names, types and tags are read from upstream's types.go/generated.proto.
 */
export type MessageTable = Record<string, readonly string[]>;

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
  /** Set for kind 'message' once every table is loaded. */
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

/** Build every descriptor and resolve message references; throws on a table mistake. */
export function compileSchema(tables: readonly MessageTable[]): Map<string, MessageDesc> {
  const out = new Map<string, MessageDesc>();
  for (const wk of wellKnownTypes) out.set(wk, { name: wk, fields: [], byNumber: [], wellKnown: wk });
  for (const table of tables) {
    for (const [name, specs] of Object.entries(table)) {
      if (out.has(name)) throw new Error(`protobuf schema: message ${name} defined twice`);
      const fields = specs.map((s) => parseField(name, s));
      const byNumber: (FieldDesc | undefined)[] = [];
      for (const f of fields) {
        if (byNumber[f.number]) throw new Error(`protobuf schema: ${name} field ${f.number} defined twice`);
        byNumber[f.number] = f;
      }
      out.set(name, { name, fields, byNumber });
    }
  }
  for (const desc of out.values()) {
    for (const f of desc.fields) {
      if (f.kind !== 'message') continue;
      const target = out.get(f.typeName);
      if (!target) throw new Error(`protobuf schema: ${desc.name}.${f.name || '(inline)'} refers to unknown ${f.typeName}`);
      f.message = target;
    }
  }
  return out;
}
