/**
 * Protobuf wire-format reader: varints, length-delimited slices, fixed32/64 and groups, over one
 * byte buffer with a cursor. It knows nothing of schemas; decode.ts drives it.
 *
 * Invariant: every read checks bounds first, so a truncated or hostile body ends in a
 * ProtobufError, never a RangeError, an out-of-bounds slice or an endless loop.
 */

export const WireType = { Varint: 0, Fixed64: 1, Bytes: 2, StartGroup: 3, EndGroup: 4, Fixed32: 5 } as const;

/** Malformed input. envelope.ts turns it into a 400 BadRequest. */
export class ProtobufError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtobufError';
  }
}

/** Groups nest; a body of nested group starts must not recurse forever. */
const maxGroupDepth = 100;

const twoTo32 = 4294967296;

export class ProtoReader {
  pos: number;
  /** Exclusive end of the readable window. */
  readonly end: number;

  constructor(readonly buf: Uint8Array, start = 0, end = buf.length) {
    if (start < 0 || end > buf.length || start > end) throw new ProtobufError('invalid reader window');
    this.pos = start;
    this.end = end;
  }

  get done(): boolean {
    return this.pos >= this.end;
  }

  private truncated(what: string): never {
    throw new ProtobufError(`unexpected EOF reading ${what} at offset ${this.pos}`);
  }

  /**
   * A varint as two unsigned 32-bit halves. Ten bytes at most: a longer run is malformed.
   * Bits past 64 are dropped, as Go's decoder does.
   */
  private varintParts(): [lo: number, hi: number] {
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.end) this.truncated('varint');
      const b = this.buf[this.pos++];
      const bits = b & 0x7f;
      if (i < 4) lo |= bits << (7 * i);
      else if (i === 4) {
        lo |= (bits & 0x0f) << 28;
        hi |= bits >> 4;
      } else hi |= bits << (7 * i - 32);
      if ((b & 0x80) === 0) return [lo >>> 0, hi >>> 0];
    }
    throw new ProtobufError(`varint longer than 10 bytes at offset ${this.pos}`);
  }

  /** Unsigned varint that must fit 32 bits (tags, lengths). */
  uint32(): number {
    const [lo, hi] = this.varintParts();
    if (hi !== 0) throw new ProtobufError(`varint too large at offset ${this.pos}`);
    return lo;
  }

  /** int32: the low 32 bits, signed (negative values arrive sign-extended to 64 bits). */
  int32(): number {
    return this.varintParts()[0] | 0;
  }

  /** int64 as a JS number: exact while |n| <= 2^53, rounded like JSON.parse beyond that. */
  int64(): number {
    const [lo, hi] = this.varintParts();
    if (hi < 0x200000) return hi * twoTo32 + lo; // < 2^53: exact and non-negative
    if (hi >= 0xffe00000) return (hi - twoTo32) * twoTo32 + lo; // > -2^53: exact and negative
    return Number(BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo)));
  }

  /** int64 exactly, for values that must not round (Duration nanoseconds). */
  bigint64(): bigint {
    const [lo, hi] = this.varintParts();
    return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
  }

  bool(): boolean {
    const [lo, hi] = this.varintParts();
    return lo !== 0 || hi !== 0;
  }

  double(): number {
    if (this.end - this.pos < 8) this.truncated('fixed64');
    const v = new DataView(this.buf.buffer, this.buf.byteOffset + this.pos, 8).getFloat64(0, true);
    this.pos += 8;
    return v;
  }

  /** A length-delimited payload as a view into the buffer (no copy). */
  bytes(): Uint8Array {
    const len = this.uint32();
    if (len > this.end - this.pos) this.truncated(`${len} bytes`);
    const out = this.buf.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }

  /** Next field key. Field 0 and wire types 6 and 7 do not exist. */
  tag(): { field: number; wireType: number } {
    const key = this.uint32();
    const field = key >>> 3;
    const wireType = key & 7;
    if (field === 0) throw new ProtobufError(`invalid field number 0 at offset ${this.pos}`);
    if (wireType > 5) throw new ProtobufError(`invalid wire type ${wireType} at offset ${this.pos}`);
    return { field, wireType };
  }

  /** Skip the value of a field this schema does not know. */
  skip(wireType: number, field: number, depth = 0): void {
    switch (wireType) {
      case WireType.Varint:
        this.varintParts();
        return;
      case WireType.Fixed64:
        this.advance(8);
        return;
      case WireType.Bytes:
        this.bytes();
        return;
      case WireType.Fixed32:
        this.advance(4);
        return;
      case WireType.StartGroup: {
        if (depth >= maxGroupDepth) throw new ProtobufError('groups nested too deeply');
        for (;;) {
          if (this.done) this.truncated('group');
          const t = this.tag();
          if (t.wireType === WireType.EndGroup) {
            if (t.field !== field) throw new ProtobufError(`mismatched end group ${t.field} for ${field}`);
            return;
          }
          this.skip(t.wireType, t.field, depth + 1);
        }
      }
      default:
        throw new ProtobufError(`unexpected end group for field ${field} at offset ${this.pos}`);
    }
  }

  private advance(n: number): void {
    if (this.end - this.pos < n) this.truncated(`${n} fixed bytes`);
    this.pos += n;
  }
}
