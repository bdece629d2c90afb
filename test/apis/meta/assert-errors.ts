/** Assertion helpers for ApiErrors thrown by the meta/v1 parsers. */
import assert from 'node:assert/strict';
import { ApiError } from '../../../src/apis/meta/errors.js';

/** For assert.throws: a 400 BadRequest ApiError with exactly this message. */
export function badRequestWith(message: string) {
  return (e: unknown) => {
    assert.ok(e instanceof ApiError, `not an ApiError: ${String(e)}`);
    assert.equal(e.code, 400);
    assert.equal(e.reason, 'BadRequest');
    assert.equal(e.message, message);
    return true;
  };
}
