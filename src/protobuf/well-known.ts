/**
 * Kubernetes messages whose JSON form is not an object: meta/v1 Time, MicroTime and Duration,
 * intstr.IntOrString, resource.Quantity, runtime.RawExtension, meta/v1 FieldsV1 and
 * authentication/v1 ExtraValue. Each decodes to what the Go type's MarshalJSON writes.
 *
 *   Time         {1: seconds int64, 2: nanos int32}  -> "2006-01-02T15:04:05Z" (zero -> null)
 *   MicroTime    same                                 -> "2006-01-02T15:04:05.000000Z"
 *   Duration     {1: duration int64 ns}               -> "1h0m0s"
 *   IntOrString  {1: type int64, 2: intVal, 3: strVal} -> 8080 | "http"
 *   Quantity     {1: string}                          -> "500m" ("" -> "0")
 *   RawExtension {1: raw bytes}, FieldsV1 {1: raw}    -> the JSON inside (empty -> null)
 *   ExtraValue   {1: repeated string}                 -> ["a", "b"] (empty -> null)
 */
import { ProtoReader, ProtobufError, WireType } from './wire.js';
import type { WellKnown } from './schema.js';

const utf8 = new TextDecoder();

/** Read every field as (number -> last value), skipping what the caller does not ask for. */
function readFields(buf: Uint8Array, want: Record<number, 'int64' | 'int32' | 'string' | 'bytes' | 'bigint'>) {
  const r = new ProtoReader(buf);
  const values: Record<number, unknown> = {};
  const lists: Record<number, string[]> = {};
  while (!r.done) {
    const { field, wireType } = r.tag();
    const kind = want[field];
    if (kind === undefined) { r.skip(wireType, field); continue; }
    const expected = kind === 'string' || kind === 'bytes' ? WireType.Bytes : WireType.Varint;
    if (wireType !== expected) throw new ProtobufError(`wrong wire type ${wireType} for field ${field}`);
    if (kind === 'string') (lists[field] ??= []).push(utf8.decode(r.bytes()));
    else if (kind === 'bytes') values[field] = r.bytes();
    else if (kind === 'int32') values[field] = r.int32();
    else if (kind === 'bigint') values[field] = r.bigint64();
    else values[field] = r.int64();
  }
  return { values, lists };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function formatTime(buf: Uint8Array, micro: boolean): string | null {
  if (buf.length === 0) return null; // Go marshals the zero time as an empty message
  const { values } = readFields(buf, { 1: 'int64', 2: 'int32' });
  let seconds = (values[1] as number | undefined) ?? 0;
  let nanos = (values[2] as number | undefined) ?? 0;
  seconds += Math.floor(nanos / 1e9); // time.Unix normalizes nanos outside [0, 1e9)
  nanos = ((nanos % 1e9) + 1e9) % 1e9;
  const d = new Date(seconds * 1000);
  const year = d.getUTCFullYear();
  if (!Number.isFinite(d.getTime()) || year < 0 || year > 9999) {
    throw new ProtobufError(`Time ${seconds}s is outside the years 0000-9999`);
  }
  const base = `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}T` +
    `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`;
  return micro ? `${base}.${pad(Math.floor(nanos / 1000), 6)}Z` : `${base}Z`;
}

/** Go's time.Duration.String. */
export function formatDuration(ns: bigint): string {
  if (ns === 0n) return '0s';
  const neg = ns < 0n;
  let u = neg ? -ns : ns;
  let out: string;
  if (u < 1_000_000_000n) {
    const [unit, prec] = u < 1000n ? ['ns', 0] : u < 1_000_000n ? ['µs', 3] : ['ms', 6];
    out = frac(u, prec) + unit;
  } else {
    const secs = frac(u, 9);
    u /= 1_000_000_000n;
    out = `${u % 60n}${secs}s`;
    u /= 60n;
    if (u > 0n) {
      out = `${u % 60n}m${out}`;
      u /= 60n;
      if (u > 0n) out = `${u}h${out}`;
    }
  }
  return neg ? `-${out}` : out;

  // For sub-second units: the whole number with its fraction; otherwise just ".fff" (or '').
  function frac(v: bigint, prec: number): string {
    const scale = 10n ** BigInt(prec);
    const fraction = prec === 0 ? '' : String(v % scale).padStart(prec, '0').replace(/0+$/, '');
    const dot = fraction ? `.${fraction}` : '';
    return prec === 9 ? dot : `${v / scale}${dot}`;
  }
}

function parseRawJSON(buf: Uint8Array, what: string): unknown {
  if (buf.length === 0) return null;
  try {
    return JSON.parse(utf8.decode(buf));
  } catch {
    throw new ProtobufError(`${what} does not hold JSON`);
  }
}

/** Decode the payload of a well-known message to its JSON value. */
export function decodeWellKnown(kind: WellKnown, buf: Uint8Array): unknown {
  switch (kind) {
    case 'Time':
      return formatTime(buf, false);
    case 'MicroTime':
      return formatTime(buf, true);
    case 'Duration':
      return formatDuration((readFields(buf, { 1: 'bigint' }).values[1] as bigint | undefined) ?? 0n);
    case 'IntOrString': {
      const { values, lists } = readFields(buf, { 1: 'int64', 2: 'int32', 3: 'string' });
      const type = (values[1] as number | undefined) ?? 0;
      if (type === 0) return (values[2] as number | undefined) ?? 0;
      if (type === 1) return lists[3]?.at(-1) ?? '';
      throw new ProtobufError(`impossible IntOrString.Type ${type}`);
    }
    case 'Quantity':
      return readFields(buf, { 1: 'string' }).lists[1]?.at(-1) || '0';
    case 'RawExtension':
    case 'FieldsV1':
      return parseRawJSON((readFields(buf, { 1: 'bytes' }).values[1] as Uint8Array | undefined) ?? new Uint8Array(), kind);
    case 'ExtraValue': {
      const items = readFields(buf, { 1: 'string' }).lists[1];
      return items && items.length > 0 ? items : null;
    }
  }
}
