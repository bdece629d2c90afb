/**
 * The typed half of decoding a JSON body, as sigs.k8s.io/json decodes it into the Go struct of
 * a built-in kind: the first value of the wrong JSON type gives encoding/json's text
 * (`json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string`),
 * fields the struct does not have are dropped (and reported as strict decoding errors), and
 * nulls in maps and lists of scalars become their zero values ("" for a label), as in Go.
 *
 * The struct shapes are the schema tables (src/schema/), which carry each field's JSON name,
 * type, list/map-ness and omitempty, for every kind they declare; a kind without a table is
 * checked for its metadata only. The walk follows the type, never the value: a value nested
 * deeper than its field's type allows is refused at the first level that does not fit, so
 * hostile nesting costs nothing here. Nothing is compiled ahead: a type's field index is built
 * the first time a body reaches it (lookup.ts).
 */
import { parseDuration } from '../apis/meta/duration.js';
import { parseQuantity } from '../apis/meta/quantity.js';
import { decodedBase64Length } from '../apis/core/base64.js';
import type { SchemaField, SchemaType } from '../schema/compile.js';
import { builtinSchemaNow, fieldsByName, schemaKind } from '../schema/lookup.js';
import { goTimeParseError, rfc3339, rfc3339Micro } from './go-time.js';

export interface TypedDecodeResult {
  /** The error Go's decoder returns (the first type error, or a value a type refused), if any. */
  error?: string;
  /** Strict decoding errors (`unknown field "spec.foo"`), in document order. */
  strict: string[];
}

/** Top-level types of kinds without a table: their metadata is checked, nothing else. */
const partialKinds = new Map<string, SchemaType>();
const partial = new WeakSet<SchemaType>();

function partialType(kind: string): SchemaType {
  let t = partialKinds.get(kind);
  if (!t) {
    const metadata: SchemaField = {
      number: 1, name: 'metadata', kind: 'message', typeName: 'ObjectMeta', type: builtinSchemaNow().types.get('ObjectMeta'),
      repeated: false, map: false, pointer: false, always: false, inline: false, description: '', meta: {},
    };
    t = { ref: kind, name: kind, description: '', fields: [metadata], gvk: [] };
    partialKinds.set(kind, t);
    partial.add(t);
  }
  return t;
}

/** The struct a body of this apiVersion and kind decodes into. */
export function typedDescFor(apiVersion: string, kind: string): SchemaType {
  return schemaKind(apiVersion, kind) ?? partialType(kind);
}

/**
 * The Go names of a type as reflect prints them, from its OpenAPI definition name: the last
 * segment is the struct name, the one before it the package ("io.k8s.api.core.v1.Container" is
 * v1.Container, "io.k8s.apimachinery.pkg.util.intstr.IntOrString" is intstr.IntOrString).
 */
function goTypeName(t: SchemaType): { pkg: string; name: string } {
  const parts = t.name.split('.');
  return { pkg: parts.length > 1 ? parts[parts.length - 2] : '', name: parts[parts.length - 1] };
}

const scalarGoType: Record<string, string> = {
  string: 'string', int32: 'int32', int64: 'int64', bool: 'bool', bytes: '[]uint8', double: 'float64',
};

/** reflect's String() of the field's Go type (of one element when elem is true). */
function goType(f: SchemaField, elem: boolean): string {
  let base = scalarGoType[f.kind];
  if (f.kind === 'message') {
    const { pkg, name } = goTypeName(f.type!);
    base = `${pkg}.${name}`;
  }
  if (elem || (!f.repeated && !f.map)) return base;
  return f.repeated ? `[]${base}` : `map[string]${base}`;
}

/** encoding/json's word for a JSON value's kind in "cannot unmarshal X". */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string': return 'string';
    case 'boolean': return 'bool';
    case 'number': return 'number';
    default: return 'object';
  }
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const int32Range = (n: number) => n >= -2147483648 && n <= 2147483647;

/** Zero values for scalars: what Go leaves in a map entry or list element decoded from null. */
function scalarZero(f: SchemaField): unknown {
  switch (f.kind) {
    case 'string': case 'bytes': return '';
    case 'bool': return false;
    case 'message': return null;
    default: return 0;
  }
}

/** Deeper than any built-in type nests; only reached by a table with a recursive type. */
const maxTypeDepth = 64;

class Walk {
  error?: string;
  aborted = false;
  readonly strict: string[] = [];
  /** errorContext.FieldStack: the JSON names of the struct fields entered. */
  readonly stack: string[] = [];
  /** errorContext.Struct: the struct whose field is being decoded; named only when an error is built. */
  struct: SchemaType;

  constructor(readonly prune: boolean, root: SchemaType) {
    this.struct = root;
  }

  /** A type mismatch: Go saves the first and keeps decoding. */
  typeError(what: string, type: string): void {
    this.error ??= `json: cannot unmarshal ${what} into Go struct field ${goTypeName(this.struct).name}.${this.stack.join('.')} of type ${type}`;
  }

  /** An error from a type's own UnmarshalJSON: decoding stops and it wins over saved errors. */
  abort(message: string): void {
    this.error = message;
    this.aborted = true;
  }

  struct_(obj: Record<string, unknown>, t: SchemaType, path: string, depth: number): void {
    if (depth > maxTypeDepth) return;
    const fields = fieldsByName(t);
    const lenient = partial.has(t);
    const outerStruct = this.struct;
    const outerLen = this.stack.length;
    for (const key of Object.keys(obj)) {
      if (this.aborted) return;
      const f = fields.get(key);
      if (!f) {
        if (lenient) continue;
        this.strict.push(`unknown field "${path ? `${path}.${key}` : key}"`);
        if (this.prune) delete obj[key];
        continue;
      }
      // TypeMeta (number 0): the decoder has already read apiVersion and kind from the body.
      if (f.number === 0) continue;
      const v = obj[key];
      // null leaves a field's zero value in Go; it is kept as sent (what Go writes back differs
      // by field: null, {}, or nothing), and needs no checking.
      if (v === null) continue;
      // Most leaves are strings that fit: nothing to check deeper, so no path or stack to build.
      if (f.kind === 'string' && typeof v === 'string' && !f.repeated && !f.map) continue;
      this.struct = t;
      this.stack.push(f.name);
      this.field(v, f, path ? `${path}.${key}` : key, depth);
      this.stack.length = outerLen;
      this.struct = outerStruct;
    }
  }

  /** A struct field's value: a list, a map, or one value. */
  field(v: unknown, f: SchemaField, path: string, depth: number): void {
    if (f.repeated) {
      if (!Array.isArray(v)) return this.typeError(jsonKind(v), goType(f, false));
      for (let i = 0; i < v.length && !this.aborted; i++) {
        if (v[i] === null) { if (f.kind !== 'message') v[i] = scalarZero(f); continue; }
        this.value(v[i], f, `${path}[${i}]`, depth);
      }
      return;
    }
    if (f.map) {
      if (!isPlainObject(v)) return this.typeError(jsonKind(v), goType(f, false));
      for (const k of Object.keys(v)) {
        if (this.aborted) return;
        if (v[k] === null) { if (f.kind !== 'message') v[k] = scalarZero(f); continue; }
        this.value(v[k], f, `${path}.${k}`, depth);
      }
      return;
    }
    this.value(v, f, path, depth);
  }

  /** One value of the field's element type. */
  value(v: unknown, f: SchemaField, path: string, depth: number): void {
    switch (f.kind) {
      case 'string':
        if (typeof v !== 'string') this.typeError(jsonKind(v), 'string');
        return;
      case 'bool':
        if (typeof v !== 'boolean') this.typeError(jsonKind(v), 'bool');
        return;
      case 'double':
        if (typeof v !== 'number') this.typeError(jsonKind(v), 'float64');
        return;
      case 'int32': case 'int64':
        if (typeof v !== 'number') this.typeError(jsonKind(v), f.kind);
        else if (!Number.isInteger(v) || (f.kind === 'int32' && !int32Range(v))) this.typeError(`number ${v}`, f.kind);
        return;
      case 'bytes': {
        if (typeof v !== 'string') return this.typeError(jsonKind(v), '[]uint8');
        const r = decodedBase64Length(v);
        if ('errorAt' in r) this.error ??= `illegal base64 data at input byte ${r.errorAt}`;
        return;
      }
    }
    const t = f.type!;
    if (t.wellKnown) return this.wellKnown(v, t.wellKnown);
    if (!isPlainObject(v)) return this.typeError(jsonKind(v), goType(f, true));
    this.struct_(v, t, path, depth + 1);
  }

  /** Types with their own UnmarshalJSON: their errors stop decoding. */
  wellKnown(v: unknown, kind: string): void {
    const context = () => `Go struct field ${goTypeName(this.struct).name}.${this.stack.join('.')}`;
    const notA = (type: string) => this.abort(`json: cannot unmarshal ${jsonKind(v)} into ${context()} of type ${type}`);
    switch (kind) {
      case 'Time': case 'MicroTime': {
        if (typeof v !== 'string') return notA('string');
        const err = goTimeParseError(v, kind === 'Time' ? rfc3339 : rfc3339Micro);
        if (err) this.abort(err);
        return;
      }
      case 'Duration':
        if (typeof v !== 'string') return notA('string');
        try { parseDuration(v); } catch (e) { this.abort((e as Error).message); }
        return;
      case 'IntOrString':
        if (typeof v === 'string') return;
        if (typeof v !== 'number') return notA('int32');
        if (!Number.isInteger(v) || !int32Range(v)) this.abort(`json: cannot unmarshal number ${v} into ${context()} of type int32`);
        return;
      case 'Quantity':
        if ((typeof v === 'string' || typeof v === 'number') && parseQuantity(v) !== null) return;
        this.abort("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
        return;
      case 'ExtraValue':
        if (!Array.isArray(v)) return this.typeError(jsonKind(v), 'v1.ExtraValue');
        for (const s of v) if (s !== null && typeof s !== 'string') return this.typeError(jsonKind(s), 'string');
        return;
      default:
        return; // RawExtension, FieldsV1: any JSON
    }
  }
}

/**
 * Checks (and, with prune, normalizes in place) a decoded JSON object against the Go struct of
 * `t`, the way kjson.UnmarshalStrict decodes into it.
 */
export function typedDecode(obj: Record<string, unknown>, t: SchemaType, opts: { prune?: boolean } = {}): TypedDecodeResult {
  const w = new Walk(opts.prune ?? true, t);
  w.struct_(obj, t, '', 0);
  return { error: w.error, strict: w.strict };
}
