import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src/apis/meta/errors.js';
import { applyMergePatch } from '../../src/patch/merge-patch.js';

// [name, doc, patch, want]: RFC 7386 appendix A, then evanphx/json-patch v4 behaviour.
const cases: Array<[string, unknown, unknown, unknown]> = [
  ['replaces a member', { a: 'b' }, { a: 'c' }, { a: 'c' }],
  ['adds a member', { a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
  ['null removes a member', { a: 'b' }, { a: null }, {}],
  ['null removes only that member', { a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
  ['a scalar replaces an array', { a: ['b'] }, { a: 'c' }, { a: 'c' }],
  ['an array replaces a scalar', { a: 'c' }, { a: ['b'] }, { a: ['b'] }],
  ['merges nested objects', { a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
  ['arrays are replaced, not merged', { a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
  ['an array patch replaces the document', { a: 'b' }, ['c'], ['c']],
  ['an array document takes an array patch', ['a', 'b'], ['c', 'd'], ['c', 'd']],
  ['existing nulls in the document stay', { e: null }, { a: 1 }, { e: null, a: 1 }],
  ['an object patch replaces an array document', [1, 2], { a: 'b', c: null }, { a: 'b' }],
  ['nulls in a new subtree are pruned', {}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ['v4 drops null elements of new arrays', {}, { a: [1, null, { b: null, c: 2 }] }, { a: [1, { c: 2 }] }],
  ['an object replaced by an array keeps its nulls', { a: { x: 1 } }, { a: [null, { b: null }] }, { a: [null, { b: null }] }],
  ['an array replaced by an array is pruned', { a: [1] }, { a: [null, { b: null }] }, { a: [{}] }],
  ['merging onto a null member prunes', { a: null }, { a: { b: 1, c: null } }, { a: { b: 1 } }],
  ['labels merge key by key', { metadata: { labels: { a: '1', b: '2' } } }, { metadata: { labels: { b: null, c: '3' } } }, { metadata: { labels: { a: '1', c: '3' } } }],
  ['an empty patch changes nothing', { a: 1 }, {}, { a: 1 }],
];

describe('applyMergePatch', () => {
  for (const [name, doc, patch, want] of cases) {
    it(name, () => {
      const d = structuredClone(doc), p = structuredClone(patch);
      assert.deepEqual(applyMergePatch(d, p), want);
      assert.deepEqual(d, doc, 'doc is not modified');
      assert.deepEqual(p, patch, 'patch is not modified');
    });
  }

  for (const patch of [null, 'bar', 1, true]) {
    it(`answers a ${JSON.stringify(patch)} patch with 400 Invalid JSON Patch`, () => {
      assert.throws(() => applyMergePatch({ a: 'foo' }, patch), (e: unknown) =>
        e instanceof ApiError && e.code === 400 && e.reason === 'BadRequest' && e.message === 'Invalid JSON Patch');
    });
  }

  it('does not share structure between the result and the patch', () => {
    const patch = { a: { b: [1] } };
    const out = applyMergePatch({}, patch) as { a: { b: number[] } };
    out.a.b.push(2);
    assert.deepEqual(patch, { a: { b: [1] } });
  });
});
