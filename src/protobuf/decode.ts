/**
 * Schema-driven decoding of one protobuf message into the JSON-shaped object that Go's
 * encoding/json would write for the same Go value, so a protobuf body and a JSON body of the
 * same object reach the registry identically.
 *
 * Presence rules (see schema.ts for the table flags):
 *   - Go writes every non-pointer field, zero or not; pointers only when non-nil. So a present
 *     message is always emitted (`emptyDir: {}`, `resources: {}`, `strategy: {}`), a present
 *     pointer scalar is emitted even when zero, and a plain scalar only when non-zero unless the
 *     json tag lacks omitempty ('!').
 *   - Repeated messages of one non-repeated field are merged, as protobuf requires
 *     (concatenating their bytes is the same thing).
 */
import { ProtoReader, ProtobufError, WireType } from './wire.js';
import type { FieldDesc, MessageDesc, ScalarKind } from './schema.js';
import { decodeWellKnown } from './well-known.js';

/** Deeper nesting than any Kubernetes type has means a hostile body. */
export const maxDepth = 100;

const utf8 = new TextDecoder();

const wireTypeOf: Record<ScalarKind, number> = {
  string: WireType.Bytes, bytes: WireType.Bytes, int32: WireType.Varint, int64: WireType.Varint,
  bool: WireType.Varint, double: WireType.Fixed64,
};

function readScalar(r: ProtoReader, kind: ScalarKind): string | number | boolean {
  switch (kind) {
    case 'string': return utf8.decode(r.bytes());
    case 'bytes': return Buffer.from(r.bytes()).toString('base64');
    case 'int32': return r.int32();
    case 'int64': return r.int64();
    case 'bool': return r.bool();
    case 'double': return r.double();
  }
}

const zeroOf = (kind: ScalarKind): string | number | boolean =>
  kind === 'string' || kind === 'bytes' ? '' : kind === 'bool' ? false : 0;

function concat(chunks: Uint8Array[] | undefined): Uint8Array {
  if (!chunks || chunks.length === 0) return new Uint8Array();
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}

/** Map keys come from the client: define them so `__proto__` stays a plain key, as in JSON.parse. */
function setKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A map entry is a message {1: key, 2: value}; missing parts take their zero value. */
function readMapEntry(buf: Uint8Array, f: FieldDesc, depth: number): [string, unknown] {
  const r = new ProtoReader(buf);
  let key = '';
  let value: unknown;
  const chunks: Uint8Array[] = [];
  while (!r.done) {
    const { field, wireType } = r.tag();
    if (field === 1 && wireType === WireType.Bytes) key = utf8.decode(r.bytes());
    else if (field === 2 && f.kind === 'message' && wireType === WireType.Bytes) chunks.push(r.bytes());
    else if (field === 2 && f.kind !== 'message' && wireType === wireTypeOf[f.kind]) value = readScalar(r, f.kind);
    else if (field === 1 || field === 2) throw new ProtobufError(`wrong wire type ${wireType} in map entry of ${f.name}`);
    else r.skip(wireType, field);
  }
  if (f.kind === 'message') value = decodeMessage(concat(chunks), f.message!, depth + 1);
  else value ??= zeroOf(f.kind);
  return [key, value];
}

/** Decode one message payload (no envelope) with its descriptor. */
export function decodeMessage(buf: Uint8Array, desc: MessageDesc, depth = 0): unknown {
  if (depth > maxDepth) throw new ProtobufError(`message nesting deeper than ${maxDepth}`);
  if (desc.wellKnown) return decodeWellKnown(desc.wellKnown, buf);
  // slots[n]: scalar value | scalar[] | decoded[] (repeated messages) | Uint8Array[] (one message) | map
  const slots: unknown[] = [];
  const r = new ProtoReader(buf);
  while (!r.done) {
    const { field, wireType } = r.tag();
    const f = desc.byNumber[field];
    if (!f) { r.skip(wireType, field); continue; }
    if (f.kind === 'message' || f.map) {
      if (wireType !== WireType.Bytes) throw new ProtobufError(`wrong wire type ${wireType} for ${desc.name}.${f.name}`);
      const payload = r.bytes();
      if (f.map) {
        const [k, v] = readMapEntry(payload, f, depth);
        setKey((slots[field] ??= {}) as Record<string, unknown>, k, v);
      } else if (f.repeated) ((slots[field] ??= []) as unknown[]).push(decodeMessage(payload, f.message!, depth + 1));
      else ((slots[field] ??= []) as Uint8Array[]).push(payload);
      continue;
    }
    const expected = wireTypeOf[f.kind];
    if (wireType === expected) {
      const v = readScalar(r, f.kind);
      if (f.repeated) ((slots[field] ??= []) as unknown[]).push(v);
      else slots[field] = v;
    } else if (f.repeated && wireType === WireType.Bytes && expected !== WireType.Bytes) {
      const packed = new ProtoReader(r.bytes());
      const list = (slots[field] ??= []) as unknown[];
      while (!packed.done) list.push(readScalar(packed, f.kind));
    } else {
      throw new ProtobufError(`wrong wire type ${wireType} for ${desc.name}.${f.name}`);
    }
  }
  return buildObject(desc, slots, depth);
}

function buildObject(desc: MessageDesc, slots: unknown[], depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of desc.fields) {
    const v = slots[f.number];
    if (f.inline) {
      // Go embeds the struct by value: its fields are always there, at this level.
      Object.assign(out, decodeMessage(concat(v as Uint8Array[] | undefined), f.message!, depth + 1));
    } else if (f.map) {
      if (v !== undefined) out[f.name] = v;
      else if (f.always) out[f.name] = null;
    } else if (f.repeated) {
      if (v !== undefined && (v as unknown[]).length > 0) out[f.name] = v;
      else if (f.always) out[f.name] = null;
    } else if (f.kind === 'message') {
      if (v !== undefined) out[f.name] = decodeMessage(concat(v as Uint8Array[]), f.message!, depth + 1);
      else if (f.always) out[f.name] = null;
    } else if (v === undefined) {
      if (f.always) out[f.name] = f.pointer ? null : zeroOf(f.kind);
    } else if (f.pointer || f.always || (v !== '' && v !== 0 && v !== false)) {
      out[f.name] = v;
    }
  }
  return out;
}
