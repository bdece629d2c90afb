/**
 * The etcd message codecs: what goes on the wire for the compares kubets relies on, and how
 * answers decode (numbers for int64s, empty bytes for left-out values, negative watch ids).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CompareResult, CompareTarget, rangeMethod, txnMethod, watchMethod } from '../../../src/storage/etcd/proto.js';

/** Protobuf by hand: a varint, and fields of wire type 0 (varint) and 2 (bytes). */
function varint(n: bigint): number[] {
  const out: number[] = [];
  let v = BigInt.asUintN(64, n);
  do {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v > 0n ? b | 0x80 : b);
  } while (v > 0n);
  return out;
}
const num = (field: number, n: number | bigint) => [...varint(BigInt(field << 3)), ...varint(BigInt(n))];
const bytes = (field: number, b: number[] | Buffer) => [...varint(BigInt((field << 3) | 2)), ...varint(BigInt(b.length)), ...b];
const kv = (key: string, value: string, create: number, mod: number) =>
  [...bytes(1, Buffer.from(key)), ...num(2, create), ...num(3, mod), ...(value ? bytes(5, Buffer.from(value)) : [])];

describe('etcd proto codecs', () => {
  it('puts a zero create_revision on the wire (a oneof member is sent even when zero)', () => {
    const buf = txnMethod.encode({
      compare: [{ key: Buffer.from('k'), target: CompareTarget.Create, result: CompareResult.Equal, create_revision: 0 }],
      success: [{ request_put: { key: Buffer.from('k'), value: Buffer.from('v') } }],
    });
    const compare = [...num(1, CompareResult.Equal), ...num(2, CompareTarget.Create), ...bytes(3, Buffer.from('k')), ...num(5, 0)];
    assert.deepEqual([...buf.subarray(0, 2 + compare.length)], [...bytes(1, compare)]);
    // Without the field, etcd would see no target value at all.
    const without = txnMethod.encode({ compare: [{ key: Buffer.from('k'), target: CompareTarget.Create, result: CompareResult.Equal }], success: [] });
    assert.deepEqual([...without], [...bytes(1, compare.slice(0, -2))]);
  });

  it('decodes a Range answer with revisions as numbers, past 2^32', () => {
    const header = bytes(1, num(3, 2 ** 40 + 5));
    const body = Buffer.from([...header, ...bytes(2, kv('/a', '{"x":1}', 7, 2 ** 33)), ...num(3, 1), ...num(4, 12)]);
    const r = rangeMethod.decode(body);
    assert.equal(r.header.revision, 2 ** 40 + 5);
    assert.equal(r.more, true);
    assert.equal(r.count, 12);
    assert.equal(r.kvs.length, 1);
    assert.equal(r.kvs[0].key.toString(), '/a');
    assert.equal(r.kvs[0].value.toString(), '{"x":1}');
    assert.equal(r.kvs[0].create_revision, 7);
    assert.equal(r.kvs[0].mod_revision, 2 ** 33);
  });

  it('decodes an empty Range answer with its defaults', () => {
    const r = rangeMethod.decode(Buffer.from(bytes(1, num(3, 9))));
    assert.deepEqual(r, { header: { revision: 9 }, kvs: [], more: false, count: 0 });
  });

  it('decodes a failed Txn with the Range it ran instead', () => {
    const range = [...bytes(1, num(3, 4)), ...bytes(2, kv('/k', 'old', 2, 3))];
    const body = Buffer.from([...bytes(1, num(3, 4)), ...bytes(3, bytes(1, range))]);
    const r = txnMethod.decode(body);
    assert.equal(r.succeeded, false);
    assert.equal(r.responses[0].range?.kvs[0].value.toString(), 'old');
    assert.equal(r.responses[0].range?.kvs[0].mod_revision, 3);
  });

  it('decodes watch events: a delete without value, its previous value, and watch id -1', () => {
    const del = [...num(1, 1), ...bytes(2, kv('/k', '', 2, 5)), ...bytes(3, kv('/k', 'last', 2, 4))];
    const put = [...bytes(2, kv('/j', 'v', 6, 6))];
    const body = Buffer.from([...bytes(1, num(3, 6)), ...num(2, -1n), ...bytes(11, del), ...bytes(11, put)]);
    const r = watchMethod.decode(body);
    assert.equal(r.watch_id, -1);
    assert.equal(r.created, false);
    assert.equal(r.events.length, 2);
    assert.equal(r.events[0].type, 'DELETE');
    assert.equal(r.events[0].kv.value.length, 0);
    assert.ok(Buffer.isBuffer(r.events[0].kv.value));
    assert.equal(r.events[0].kv.mod_revision, 5);
    assert.equal(r.events[0].prev_kv?.value.toString(), 'last');
    assert.equal(r.events[1].type, 'PUT');
    assert.equal(r.events[1].prev_kv, null);
  });

  it('encodes a progress request as an empty field 3', () => {
    assert.deepEqual([...watchMethod.encode({ progress_request: {} })], [0x1a, 0x00]);
  });
});
