import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { goAtoi, goJsonSyntaxError, goSliceStable, goSprint, goTypeName } from '../../src/patch/go-compat.js';

describe('goJsonSyntaxError', () => {
  // [input, encoding/json's checkValid error]
  const cases: Array<[string, string | null]> = [
    ['{"a":[1,2.5e-3,true,false,null,"\\u00e9\\n"]}', null],
    ['  7  ', null],
    ['', 'unexpected end of JSON input'],
    ['{"a":1', 'unexpected end of JSON input'],
    ['{"a":1,}', `invalid character '}' looking for beginning of object key string`],
    ['{"a" 1}', `invalid character '1' after object key`],
    ['{"a":1 "b":2}', `invalid character '"' after object key:value pair`],
    ['[1 2]', `invalid character '2' after array element`],
    ['{}x', `invalid character 'x' after top-level value`],
    ['x', `invalid character 'x' looking for beginning of value`],
    ["'a'", `invalid character '\\'' looking for beginning of value`],
    ['"\t"', `invalid character '\\t' in string literal`],
    ['"\\x"', `invalid character 'x' in string escape code`],
    ['"\\u12g4"', `invalid character 'g' in \\u hexadecimal character escape`],
    ['-a', `invalid character 'a' in numeric literal`],
    ['-', `invalid character ' ' in numeric literal`],
    ['1.x', `invalid character 'x' after decimal point in numeric literal`],
    ['1e+', `invalid character ' ' in exponent of numeric literal`],
    ['01', `invalid character '1' after top-level value`],
    ['tru', `invalid character ' ' in literal true (expecting 'e')`],
    ['fals3', `invalid character '3' in literal false (expecting 'e')`],
    ['nil', `invalid character 'i' in literal null (expecting 'u')`],
    ['\ufeff{}', `invalid character 'ï' looking for beginning of value`],
    ['[' + '['.repeat(10000), `invalid character '[' exceeded max depth`],
  ];
  for (const [input, want] of cases) {
    it(`${JSON.stringify(input.slice(0, 16))} -> ${want}`, () => assert.equal(goJsonSyntaxError(input), want));
  }

  it('reports the byte it stopped at for invalid UTF-8 outside strings', () => {
    assert.equal(goJsonSyntaxError(Buffer.from([0x7b, 0x80])), `invalid character '\\u0080' looking for beginning of object key string`);
  });
});

describe('goSprint', () => {
  it('prints like fmt %v, sorting map keys', () => {
    assert.equal(goSprint({ name: 'a', $patch: 'delete', n: 1, f: 1.5, b: true, z: null, l: ['x', 2] }), 'map[$patch:delete b:true f:1.5 l:[x 2] n:1 name:a z:<nil>]');
    assert.equal(goSprint([[1], ['a']]), '[[1] [a]]');
  });
  it('prints floats in shortest %g form', () => {
    assert.deepEqual([0.5, 1234567.5, 0.00001, 123456.5].map((f) => goSprint(f)), ['0.5', '1.2345675e+06', '1e-05', '123456.5']);
  });
  it('prints non-strings under %s as %!s(type=value)', () => {
    assert.deepEqual([goSprint(5, 's'), goSprint(true, 's'), goSprint(null, 's'), goSprint('x', 's')], ['%!s(int64=5)', '%!s(bool=true)', '%!s(<nil>)', 'x']);
  });
  it('names reflect types', () => {
    assert.deepEqual([{}, [], 'a', 1, 1.5, true].map(goTypeName), ['map[string]interface {}', '[]interface {}', 'string', 'int64', 'float64', 'bool']);
  });
});

describe('goAtoi', () => {
  it('parses as strconv.Atoi does', () => {
    assert.deepEqual(goAtoi('+5'), { value: 5n });
    assert.deepEqual(goAtoi('-0'), { value: 0n });
    assert.deepEqual(goAtoi('007'), { value: 7n });
    assert.deepEqual(goAtoi(' 1'), { error: 'strconv.Atoi: parsing " 1": invalid syntax' });
    assert.deepEqual(goAtoi(''), { error: 'strconv.Atoi: parsing "": invalid syntax' });
    assert.deepEqual(goAtoi('9223372036854775808'), { error: 'strconv.Atoi: parsing "9223372036854775808": value out of range' });
  });
});

describe('goSliceStable', () => {
  it('sorts stably with a consistent comparator, across the block merge', () => {
    const items = Array.from({ length: 257 }, (_, i) => ({ key: (i * 7919) % 13, seq: i }));
    const want = [...items].sort((a, b) => a.key - b.key);
    goSliceStable(items, (a, b) => a.key < b.key);
    assert.deepEqual(items, want);
  });

  it('reproduces Go with upstream\'s "unknown items are less" comparator', () => {
    // Go: sort.SliceStable([x a b], less) with order [b a] and "not in order" = less gives [b a x].
    const order = ['b', 'a'];
    const items = ['x', 'a', 'b'];
    goSliceStable(items, (p, q) => {
      const i = order.indexOf(p), j = order.indexOf(q);
      return i >= 0 && j >= 0 ? i < j : true;
    });
    assert.deepEqual(items, ['b', 'a', 'x']);
  });
});
