import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src/apis/meta/errors.js';
import { checkJsonDepth, findJsonDepthOverflow, jsonDepthMessage, maxJsonDepth } from '../../src/patch/json-depth.js';

const nested = (n: number, open = '[', close = ']') => open.repeat(n) + close.repeat(n);

describe('findJsonDepthOverflow', () => {
  it('accepts exactly 10,000 levels, as encoding/json does', () => {
    assert.equal(maxJsonDepth, 10000);
    assert.equal(findJsonDepthOverflow(nested(10000)), -1);
  });

  it('points at the bracket that opens level 10,001', () => {
    assert.equal(findJsonDepthOverflow(nested(10001)), 10000);
    assert.equal(findJsonDepthOverflow('{"a":'.repeat(10001) + '1' + '}'.repeat(10001)), 5 * 10000);
  });

  it('counts depth, not brackets: siblings do not add up', () => {
    assert.equal(findJsonDepthOverflow('[' + '[],'.repeat(20) + '[]]', 1), 1);
    assert.equal(findJsonDepthOverflow('[' + '[],'.repeat(20) + '[]]', 2), -1);
  });

  it('ignores brackets inside strings, including after escaped quotes and backslashes', () => {
    assert.equal(findJsonDepthOverflow(`{"a":"[[[[{{{{"}`, 1), -1);
    assert.equal(findJsonDepthOverflow(`{"a":"\\"[[[["}`, 1), -1);
    const backslash = `{"a":"\\\\","b":[1]}`;
    assert.equal(findJsonDepthOverflow(backslash, 1), backslash.indexOf('[1]'));
    const mixed = `["\\\\\\"[", [2]]`;
    assert.equal(findJsonDepthOverflow(mixed, 1), mixed.indexOf('[2]'));
  });

  it('reads bytes as well as strings', () => {
    const text = `{"é":"[[[","x":[[1]]}`;
    const bytes = Buffer.from(text);
    assert.equal(findJsonDepthOverflow(bytes, 2), bytes.indexOf('[[1') + 1);
    assert.equal(findJsonDepthOverflow(text, 2), text.indexOf('[[1') + 1);
  });

  it('is quick on a large flat body', () => {
    const body = JSON.stringify({ items: Array.from({ length: 50000 }, (_, i) => ({ name: `n${i}`, v: '[{' })) });
    const start = performance.now();
    assert.equal(findJsonDepthOverflow(body), -1);
    assert.ok(performance.now() - start < 500);
  });
});

describe('checkJsonDepth', () => {
  it('throws 400 with encoding/json\'s text', () => {
    assert.throws(() => checkJsonDepth(nested(10001, '{"a":', '}')), (e: unknown) =>
      e instanceof ApiError && e.code === 400 && e.reason === 'BadRequest' && e.message === `invalid character '{' exceeded max depth`);
    assert.equal(jsonDepthMessage('[[', 1), `invalid character '[' exceeded max depth`);
  });

  it('passes shallow input', () => {
    assert.doesNotThrow(() => checkJsonDepth('{"a":[1,{"b":2}]}'));
    assert.doesNotThrow(() => checkJsonDepth(Buffer.from(nested(10000))));
  });
});
