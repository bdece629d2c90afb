/**
 * A minimal protobuf writer for tests: builds bodies byte by byte so the decoder can be checked
 * against inputs kubectl never sends (pointers set to zero, unknown fields, broken lengths).
 */
export type Bytes = number[];

export function varint(n: number | bigint): Bytes {
  let v = BigInt.asUintN(64, BigInt(n));
  const out: Bytes = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) b |= 0x80;
    out.push(b);
  } while (v !== 0n);
  return out;
}

export const key = (field: number, wireType: number): Bytes => varint(field * 8 + wireType);

/** A varint field (int32, int64, bool). */
export const num = (field: number, n: number | bigint | boolean): Bytes =>
  [...key(field, 0), ...varint(typeof n === 'boolean' ? Number(n) : n)];

/** A length-delimited field: a string, raw bytes or an encoded message. */
export function len(field: number, payload: string | Bytes | Uint8Array): Bytes {
  const b = typeof payload === 'string' ? [...Buffer.from(payload, 'utf8')] : [...payload];
  return [...key(field, 2), ...varint(b.length), ...b];
}

/** A map<string, string> entry. */
export const entry = (field: number, k: string, v: string | Bytes): Bytes => len(field, [...len(1, k), ...len(2, v)]);

export const msg = (...parts: Bytes[]): Bytes => parts.flat();

/** The Kubernetes envelope: magic, then runtime.Unknown{typeMeta, raw, contentEncoding, contentType}. */
export function envelope(apiVersion: string, kind: string, raw: Bytes, contentEncoding = ''): Buffer {
  return Buffer.from([
    0x6b, 0x38, 0x73, 0x00,
    ...len(1, msg(len(1, apiVersion), len(2, kind))), ...len(2, raw), ...len(3, contentEncoding), ...len(4, ''),
  ]);
}
