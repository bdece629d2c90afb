import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodedBase64Length } from '../../../src/apis/core/base64.js';

// Go's own table (src/encoding/base64/base64_test.go TestDecodeCorrupt): -1 means valid.
const corrupt: Array<[string, number]> = [
  ['', -1], ['\n', -1], ['AAA=\n', -1], ['AAAA\n', -1], ['!!!!', 0], ['====', 0], ['x===', 1],
  ['=AAA', 0], ['A=AA', 1], ['AA=A', 2], ['AA==A', 4], ['AAA=AAAA', 4], ['AAAAA', 4], ['AAAAAA', 4],
  ['A=', 1], ['A==', 1], ['AA=', 3], ['AA==', -1], ['AAA=', -1], ['AAAA', -1], ['AAAAAA=', 7],
  ['YWJjZA=====', 8], ['A!\n', 1], ['A=\n', 1],
];

describe('decodedBase64Length (Go StdEncoding)', () => {
  for (const [input, offset] of corrupt) {
    it(`${JSON.stringify(input)} -> ${offset < 0 ? 'valid' : `corrupt at ${offset}`}`, () => {
      const r = decodedBase64Length(input);
      if (offset < 0) assert.ok('bytes' in r, JSON.stringify(r));
      else assert.deepEqual(r, { errorAt: offset });
    });
  }

  it('counts decoded bytes like Buffer does for valid input', () => {
    for (const s of ['', 'a', 'ab', 'abc', 'hello world', 'x'.repeat(1000)]) {
      const enc = Buffer.from(s).toString('base64');
      assert.deepEqual(decodedBase64Length(enc), { bytes: Buffer.byteLength(s) });
    }
  });

  it('reports offsets in UTF-8 bytes', () => {
    assert.deepEqual(decodedBase64Length('AAé='), { errorAt: 2 });
  });
});
