import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ProtoReader, ProtobufError } from '../../src/protobuf/wire.js';
import { key, len, num, varint } from './proto-writer.js';

const reader = (bytes: number[]) => new ProtoReader(Uint8Array.from(bytes));
const isProtobufError = (e: unknown) => e instanceof ProtobufError;

describe('protobuf wire reader', { timeout: 10_000 }, () => {
  it('reads varints of every length', () => {
    for (const n of [0, 1, 127, 128, 300, 16_383, 16_384, 2 ** 31 - 1, 2 ** 32, 2 ** 53 - 1]) {
      assert.equal(reader(varint(n)).int64(), n, `int64 ${n}`);
    }
    assert.equal(reader(varint(300)).uint32(), 300);
    assert.equal(reader(varint(1)).bool(), true);
    assert.equal(reader(varint(0)).bool(), false);
  });

  it('reads negative int32 and int64, which arrive sign-extended to 10 bytes', () => {
    assert.equal(varint(-1).length, 10);
    assert.equal(reader(varint(-1)).int32(), -1);
    assert.equal(reader(varint(-2147483648)).int32(), -2147483648);
    assert.equal(reader(varint(-5)).int64(), -5);
    assert.equal(reader(varint(-(2 ** 53) + 1)).int64(), -(2 ** 53) + 1);
  });

  it('keeps int64 exact up to 2^53 and rounds beyond like JSON.parse', () => {
    assert.equal(reader(varint(2n ** 63n - 1n)).int64(), JSON.parse('9223372036854775807'));
    assert.equal(reader(varint(-(2n ** 63n))).int64(), -(2 ** 63));
    assert.equal(reader(varint(2n ** 63n - 1n)).bigint64(), 2n ** 63n - 1n);
    assert.equal(reader(varint(-3_600_000_000_000n)).bigint64(), -3_600_000_000_000n);
  });

  it('rejects truncated and over-long varints', () => {
    assert.throws(() => reader([0x80, 0x80]).int64(), isProtobufError);
    assert.throws(() => reader([]).uint32(), isProtobufError);
    assert.throws(() => reader(new Array(11).fill(0xff)).int64(), /longer than 10 bytes/);
    assert.throws(() => reader(varint(2 ** 32)).uint32(), /too large/);
  });

  it('reads length-delimited bytes as a view and checks the length', () => {
    const r = reader([...len(1, 'abc'), 0x01]);
    assert.deepEqual(r.tag(), { field: 1, wireType: 2 });
    assert.equal(Buffer.from(r.bytes()).toString(), 'abc');
    assert.equal(r.done, false);
    assert.throws(() => reader([0x05, 0x61]).bytes(), /unexpected EOF/);
    assert.throws(() => reader(varint(2 ** 31)).bytes(), isProtobufError);
  });

  it('reads a little-endian double', () => {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(1.5);
    assert.equal(reader([...b]).double(), 1.5);
    assert.throws(() => reader([0, 0, 0]).double(), isProtobufError);
  });

  it('rejects field number 0 and wire types 6 and 7', () => {
    assert.throws(() => reader([0x00]).tag(), /field number 0/);
    assert.throws(() => reader(key(1, 6)).tag(), /wire type 6/);
    assert.throws(() => reader(key(1, 7)).tag(), /wire type 7/);
  });

  it('skips every wire type, groups included', () => {
    const body = [
      ...num(1, 150), ...key(2, 1), 1, 2, 3, 4, 5, 6, 7, 8, ...len(3, 'xyz'), ...key(4, 5), 1, 2, 3, 4,
      ...key(5, 3), ...num(1, 1), ...key(6, 3), ...key(6, 4), ...key(5, 4), ...num(9, 42),
    ];
    const r = reader(body);
    const seen: number[] = [];
    for (;;) {
      const t = r.tag();
      if (t.field === 9) break;
      seen.push(t.field);
      r.skip(t.wireType, t.field);
    }
    assert.deepEqual(seen, [1, 2, 3, 4, 5]);
    assert.equal(r.int64(), 42);
    assert.equal(r.done, true);
  });

  it('rejects broken groups and bounds their nesting', () => {
    const mismatched = reader([...key(5, 3), ...key(6, 4)]);
    const t = mismatched.tag();
    assert.throws(() => mismatched.skip(t.wireType, t.field), /mismatched end group/);
    const unterminated = reader([...key(5, 3), ...num(1, 1)]);
    const u = unterminated.tag();
    assert.throws(() => unterminated.skip(u.wireType, u.field), /unexpected EOF/);
    const deep = reader(Array.from({ length: 200 }, () => key(5, 3)).flat());
    const d = deep.tag();
    assert.throws(() => deep.skip(d.wireType, d.field), /nested too deeply/);
    assert.throws(() => reader([]).skip(4, 1), /unexpected end group/);
    assert.throws(() => reader([1, 2]).skip(5, 1), /unexpected EOF/);
  });

  it('refuses a window outside the buffer', () => {
    assert.throws(() => new ProtoReader(new Uint8Array(2), 3), isProtobufError);
  });
});
