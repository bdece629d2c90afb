import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src/apis/meta/errors.js';
import { applyStrategicMergePatch, type PatchMeta, type PatchMetaEntry } from '../../src/patch/strategic-merge.js';

// The schema of upstream's patch_test.go MergeItem, which nests itself: a field's tags depend
// only on its name, so the lookup reads the last path segment.
const tags: Record<string, PatchMetaEntry> = {
  mergingList: { patchStrategy: 'merge', patchMergeKey: 'name' },
  mergingIntList: { patchStrategy: 'merge' },
  mergeItemPtr: { patchStrategy: 'merge', patchMergeKey: 'name' },
  replacingItem: { patchStrategy: 'replace' },
  retainKeysMap: { patchStrategy: 'retainKeys' },
  retainKeysMergingList: { patchStrategy: 'merge,retainKeys', patchMergeKey: 'name' },
  keylessMergingList: { patchStrategy: 'merge' },
};
const meta: PatchMeta = { lookup: (path) => tags[path[path.length - 1]] };

type Doc = Record<string, unknown>;
interface Case { name: string; original: Doc; patch: Doc; want: Doc }

// Upstream cases (patch_test.go: customStrategicMergePatchTestCaseData, createStrategicMergePatch
// TestCaseData, strategicMergePatchRawTestCases), restated. `original` is the live object.
const cases: Case[] = [
  // maps and nulls
  { name: 'adds a field to a map', original: { name: 1 }, patch: { value: 1 }, want: { name: 1, value: 1 } },
  { name: 'adds one field and deletes another', original: { name: 1 }, patch: { name: null, value: 1 }, want: { value: 1 } },
  { name: 'deletes a field of a nested map', original: { simpleMap: { key1: 1, key2: 1 } }, patch: { simpleMap: { key2: null } }, want: { simpleMap: { key1: 1 } } },
  { name: 'ignores a null for a missing field', original: { name: 1 }, patch: { other: null }, want: { name: 1 } },
  { name: '$patch: delete empties a map', original: { simpleMap: { key1: 1, key2: 1 } }, patch: { simpleMap: { $patch: 'delete' } }, want: { simpleMap: {} } },
  { name: '$patch: replace at the root', original: { name: 1, value: 1 }, patch: { $patch: 'replace' }, want: {} },
  { name: '$patch: replace keeps the patch keys', original: { name: 1, value: 1 }, patch: { other: 'a', $patch: 'replace' }, want: { other: 'a' } },
  { name: 'replace strategy swaps the whole map', original: { replacingItem: { a: 1, b: 2 } }, patch: { replacingItem: { c: 3 } }, want: { replacingItem: { c: 3 } } },
  { name: 'a value of another type replaces', original: { simpleMap: { a: 1 } }, patch: { simpleMap: 'x' }, want: { simpleMap: 'x' } },
  { name: 'nulls inside a new subtree are dropped', original: {}, patch: { simpleMap: { a: null, b: 'x' } }, want: { simpleMap: { b: 'x' } } },
  { name: 'a new map carrying $patch is not added', original: { name: 1 }, patch: { simpleMap: { $patch: 'replace', a: 'b' } }, want: { name: 1 } },

  // lists of primitives
  { name: 'merging int lists are unioned', original: { mergingIntList: [1, 2] }, patch: { mergingIntList: [2, 3] }, want: { mergingIntList: [1, 2, 3] } },
  { name: 'non-merging lists are replaced', original: { nonMergingIntList: [1, 2] }, patch: { nonMergingIntList: [2, 3] }, want: { nonMergingIntList: [2, 3] } },
  { name: 'patch order wins in an int list', original: { mergingIntList: [1, 2, 3] }, patch: { mergingIntList: [3, 1, 2] }, want: { mergingIntList: [3, 1, 2] } },
  { name: 'server-only ints keep their place', original: { mergingIntList: [1, 2, 3] }, patch: { mergingIntList: [3, 1] }, want: { mergingIntList: [2, 3, 1] } },
  { name: '$deleteFromPrimitiveList removes items', original: { mergingIntList: [1, 2, 3] }, patch: { '$deleteFromPrimitiveList/mergingIntList': [2] }, want: { mergingIntList: [1, 3] } },
  { name: '$deleteFromPrimitiveList works without merge strategy', original: { nonMergingIntList: [1, 2, 3] }, patch: { '$deleteFromPrimitiveList/nonMergingIntList': [2] }, want: { nonMergingIntList: [1, 3] } },
  { name: 'deleting a missing item changes nothing', original: { mergingIntList: [1, 2] }, patch: { '$deleteFromPrimitiveList/mergingIntList': [3] }, want: { mergingIntList: [1, 2] } },
  { name: 'deleting from a missing list does not create it', original: { foo: ['bar'] }, patch: { '$deleteFromPrimitiveList/mergingIntList': [3] }, want: { foo: ['bar'] } },
  {
    name: 'delete with $setElementOrder keeps server-only items', original: { mergingIntList: [1, 2, 3, 3, 4] },
    patch: { '$setElementOrder/mergingIntList': [1, 2], '$deleteFromPrimitiveList/mergingIntList': [3] }, want: { mergingIntList: [1, 2, 4] },
  },
  {
    name: 'add and delete in one int list', original: { mergingIntList: [1, 2, 3, 4] },
    patch: { '$setElementOrder/mergingIntList': [1, 2, 4], '$deleteFromPrimitiveList/mergingIntList': [3], mergingIntList: [4] }, want: { mergingIntList: [1, 2, 4] },
  },
  { name: '$setElementOrder alone reorders', original: { mergingIntList: [1, 3] }, patch: { '$setElementOrder/mergingIntList': [3, 2, 1] }, want: { mergingIntList: [3, 1] } },

  // lists of maps
  {
    name: 'merges maps by key in $setElementOrder order', original: { mergingList: [{ name: 1, other: 'a' }, { name: 2, value: 2, other: 'b' }] },
    patch: { '$setElementOrder/mergingList': [{ name: 4 }, { name: 1 }, { name: 2 }, { name: 3 }], mergingList: [{ name: 4, value: 4 }, { name: 3, value: 3 }] },
    want: { mergingList: [{ name: 4, value: 4 }, { name: 1, other: 'a' }, { name: 2, value: 2, other: 'b' }, { name: 3, value: 3 }] },
  },
  {
    name: 'adds a field to one element', original: { mergingList: [{ name: 1, other: 'a' }, { name: 2, value: 2 }] },
    patch: { '$setElementOrder/mergingList': [{ name: 1 }, { name: 2 }], mergingList: [{ name: 1, value: 1 }] },
    want: { mergingList: [{ name: 1, other: 'a', value: 1 }, { name: 2, value: 2 }] },
  },
  {
    name: '$setElementOrder may name absent items', original: { mergingList: [{ name: 1 }, { name: 3 }] },
    patch: { '$setElementOrder/mergingList': [{ name: 3 }, { name: 2 }, { name: 1 }], mergingList: [{ name: 3, value: 3 }, { name: 1, value: 1 }] },
    want: { mergingList: [{ name: 3, value: 3 }, { name: 1, value: 1 }] },
  },
  {
    name: 'server-only elements stay between the ordered ones', original: { mergingList: [{ name: 'a' }, { name: 'sidecar' }, { name: 'b' }] },
    patch: { '$setElementOrder/mergingList': [{ name: 'b' }, { name: 'a' }], mergingList: [{ name: 'b', value: 'x' }] },
    want: { mergingList: [{ name: 'sidecar' }, { name: 'b', value: 'x' }, { name: 'a' }] },
  },
  { name: 'patch order wins in a map list', original: { mergingList: [{ name: 1 }, { name: 2, value: 'b' }, { name: 3 }] }, patch: { mergingList: [{ name: 3, value: 'c' }, { name: 1, value: 'a' }, { name: 2, other: 'x' }] }, want: { mergingList: [{ name: 3, value: 'c' }, { name: 1, value: 'a' }, { name: 2, value: 'b', other: 'x' }] } },
  { name: 'unmentioned elements go first', original: { mergingList: [{ name: 1 }, { name: 2, value: 'b' }, { name: 3 }] }, patch: { mergingList: [{ name: 3, value: 'c' }, { name: 1, value: 'a' }] }, want: { mergingList: [{ name: 2, value: 'b' }, { name: 3, value: 'c' }, { name: 1, value: 'a' }] } },
  { name: '$patch: delete removes elements', original: { mergingList: [{ name: 1 }, { name: 2 }] }, patch: { mergingList: [{ name: 1, $patch: 'delete' }, { name: 2, $patch: 'delete' }] }, want: { mergingList: [] } },
  { name: '$patch: delete removes every duplicate', original: { mergingList: [{ name: 1 }, { name: 1 }, { name: 2, value: 'a' }, { name: 3 }, { name: 3 }] }, patch: { mergingList: [{ name: 1, $patch: 'delete' }, { name: 3, $patch: 'delete' }] }, want: { mergingList: [{ name: 2, value: 'a' }] } },
  { name: '$patch: replace empties a list', original: { mergingList: [{ name: 1 }, { name: 2 }] }, patch: { mergingList: [{ $patch: 'replace' }] }, want: { mergingList: [] } },
  { name: '$patch: replace keeps the other elements', original: { mergingList: [{ name: 1 }, { name: 2 }] }, patch: { mergingList: [{ name: 3 }, { $patch: 'replace' }] }, want: { mergingList: [{ name: 3 }] } },
  { name: 'empty merging lists stay empty', original: { mergingList: [] }, patch: { mergingList: [] }, want: { mergingList: [] } },
  { name: 'non-merging map lists are replaced', original: { nonMergingList: [{ name: 1 }, { name: 2 }] }, patch: { nonMergingList: [{ name: 3 }] }, want: { nonMergingList: [{ name: 3 }] } },
  {
    name: 'nested merging lists merge', original: { mergingList: [{ name: 1, mergingList: [{ name: 'a' }, { name: 'b', value: 1 }] }] },
    patch: { mergingList: [{ name: 1, mergingList: [{ name: 'b', value: 2 }, { name: 'c' }] }] },
    want: { mergingList: [{ name: 1, mergingList: [{ name: 'a' }, { name: 'b', value: 2 }, { name: 'c' }] }] },
  },
  {
    name: 'a new list drops $patch elements', original: {},
    patch: { mergingList: [{ name: 1 }, { name: 2, $patch: 'delete' }] }, want: { mergingList: [{ name: 1 }] },
  },
  {
    name: 'directives inside an appended element do not reach the result', original: { mergingList: [{ name: 1 }] },
    patch: { mergingList: [{ name: 2, mergingList: [{ name: 'x', $patch: 'delete' }] }] },
    want: { mergingList: [{ name: 2, mergingList: [{ name: 'x' }] }, { name: 1 }] },
  },
  // mergeSortedSlice takes a patch item first whenever it is not in the live list.
  { name: 'new elements without $setElementOrder go first', original: { mergingList: [{ name: 1 }, { name: 2 }] }, patch: { mergingList: [{ name: 3 }] }, want: { mergingList: [{ name: 3 }, { name: 1 }, { name: 2 }] } },
  { name: 'new scalars without $setElementOrder go first', original: { mergingIntList: [1, 2] }, patch: { mergingIntList: [3] }, want: { mergingIntList: [3, 1, 2] } },

  // retainKeys
  { name: '$retainKeys clears unlisted fields', original: { retainKeysMap: { name: 'foo', value: 'a', other: 'b' } }, patch: { retainKeysMap: { $retainKeys: ['name', 'value'], value: 'c' } }, want: { retainKeysMap: { name: 'foo', value: 'c' } } },
  { name: 'retainKeys maps merge without the directive', original: { retainKeysMap: { name: 'foo', value: 'a' } }, patch: { retainKeysMap: { value: 'b' } }, want: { retainKeysMap: { name: 'foo', value: 'b' } } },
  {
    name: '$retainKeys inside a merging list element', original: { retainKeysMergingList: [{ name: 'bar' }, { name: 'foo', value: 'a', other: 'x' }] },
    patch: { retainKeysMergingList: [{ name: 'foo', $retainKeys: ['name', 'value'], value: 'b' }] },
    want: { retainKeysMergingList: [{ name: 'bar' }, { name: 'foo', value: 'b' }] },
  },
];

/** [name, original, patch, code, message] for the errors upstream returns. */
const failures: Array<[string, Doc, unknown, number, string]> = [
  ['unknown $patch in a map', { simpleMap: { a: 1 } }, { simpleMap: { $patch: 'foo' } }, 500, 'unknown patch type: foo in map: map[$patch:foo]'],
  ['$patch: merge in a map', { simpleMap: { a: 1 } }, { simpleMap: { $patch: 'merge' } }, 500, 'unknown patch type: merge in map: map[$patch:merge]'],
  ['$patch: merge in a list', { mergingList: [{ name: 1 }] }, { mergingList: [{ name: 1, $patch: 'merge' }] }, 500, 'merging lists cannot yet be specified in the patch'],
  ['unknown $patch in a list', { mergingList: [{ name: 1 }] }, { mergingList: [{ name: 1, $patch: 'foo' }] }, 500, 'unknown patch type: foo in map: map[$patch:foo name:1]'],
  ['$patch: delete without the merge key', { mergingList: [{ name: 1 }] }, { mergingList: [{ $patch: 'delete' }] }, 500, 'map: map[$patch:delete] does not contain declared merge key: name'],
  ['an element without the merge key', { mergingList: [{ name: 1, value: 'a' }] }, { mergingList: [{ value: 'b' }] }, 500, 'map: map[value:b] does not contain declared merge key: name'],
  [
    'patch list out of $setElementOrder order', { mergingList: [{ name: 1 }, { name: 3 }, { name: 2 }] },
    { '$setElementOrder/mergingList': [{ name: 1 }, { name: 2 }, { name: 3 }], mergingList: [{ name: 3, value: 3 }, { name: 1, value: 1 }] },
    500, 'The order in patch list:\n[map[name:3 value:3] map[name:1 value:1]]\n doesn\'t match $setElementOrder list:\n[map[name:1] map[name:2] map[name:3]]\n',
  ],
  ['mixed element types', { mergingIntList: [1] }, { mergingIntList: ['a'] }, 500, 'list element types are not identical: [[1] [a]]'],
  ['maps merged without a merge key', { keylessMergingList: [{ a: 1 }] }, { keylessMergingList: [{ a: 2 }] }, 500, 'cannot merge lists without merge key for struct'],
  ['$retainKeys missing a patched key', { retainKeysMap: { name: 'a' } }, { retainKeysMap: { $retainKeys: ['name'], value: 'b' } }, 400, 'invalid patch format of retainKeys'],
  ['$retainKeys not a list', { retainKeysMap: { name: 'a' } }, { retainKeysMap: { $retainKeys: 'name' } }, 400, 'invalid patch format of retainKeys'],
  ['a deletion list key without a slash', { mergingIntList: [1] }, { $deleteFromPrimitiveList: [1] }, 400, 'invalid patch format of primitive list'],
  ['an order key without a slash', { mergingIntList: [1] }, { $setElementOrderX: [1] }, 400, 'invalid patch format of setElementOrder list'],
  ['an order directive that is not a list', { mergingIntList: [1] }, { '$setElementOrder/mergingIntList': 'x' }, 500, 'expected a []interface {}, but received a string'],
  ['a patch that is not an object', {}, [1], 400, 'json: cannot unmarshal array into Go value of type map[string]interface {}'],
];

describe('applyStrategicMergePatch', () => {
  for (const c of cases) {
    it(c.name, () => {
      const original = structuredClone(c.original), patch = structuredClone(c.patch);
      assert.deepEqual(applyStrategicMergePatch(original, patch, meta), c.want);
      assert.deepEqual(original, c.original, 'original is not modified');
      assert.deepEqual(patch, c.patch, 'patch is not modified');
    });
  }

  for (const [name, original, patch, code, message] of failures) {
    it(`rejects ${name}`, () => {
      assert.throws(() => applyStrategicMergePatch(original, patch, meta), (e: unknown) => {
        assert.ok(e instanceof ApiError);
        assert.equal(e.code, code);
        assert.equal(e.message, message);
        assert.equal(e.reason, code === 400 ? 'BadRequest' : '');
        return true;
      });
    });
  }

  it('answers a list of lists with the generic 422', () => {
    assert.throws(() => applyStrategicMergePatch({ mergingIntList: [[1]] }, { mergingIntList: [[2]] }, meta), (e: unknown) => {
      assert.ok(e instanceof ApiError);
      assert.deepEqual([e.code, e.reason, e.message], [422, 'Invalid', 'the server rejected our request due to an error in our request']);
      assert.equal((e.cause as Error).message, 'lists of lists are not supported');
      return true;
    });
  });

  it('treats a null patch as empty', () => {
    assert.deepEqual(applyStrategicMergePatch({ a: 1 }, null, meta), { a: 1 });
  });
});
