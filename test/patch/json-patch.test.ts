import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src/apis/meta/errors.js';
import { applyJsonPatch, maxJsonPatchOperations, type JsonPatchOptions } from '../../src/patch/json-patch.js';

type Op = Record<string, unknown>;

// [name, doc, ops, want]: RFC 6902 appendix A and evanphx/json-patch v4 patch_test.go cases, restated.
const cases: Array<[string, unknown, Op[], unknown]> = [
  ['adds an object member', { foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }], { foo: 'bar', baz: 'qux' }],
  ['adds an array element', { foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }], { foo: ['bar', 'qux', 'baz'] }],
  ['appends with -', { foo: ['bar'] }, [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }], { foo: ['bar', ['abc', 'def']] }],
  ['adds at index == length', { foo: ['bar'] }, [{ op: 'add', path: '/foo/1', value: 'x' }], { foo: ['bar', 'x'] }],
  ['adds at a negative index', { foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/-1', value: 'qux' }], { foo: ['bar', 'baz', 'qux'] }],
  ['add replaces an existing member', { foo: 'bar' }, [{ op: 'add', path: '/foo', value: 'baz' }], { foo: 'baz' }],
  ['add without a value adds null', { foo: 'bar' }, [{ op: 'add', path: '/baz' }], { foo: 'bar', baz: null }],
  ['removes an object member', { baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }], { foo: 'bar' }],
  ['removes an array element', { foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }], { foo: ['bar', 'baz'] }],
  ['removes the last element by -1', { foo: ['bar', 'baz'] }, [{ op: 'remove', path: '/foo/-1' }], { foo: ['bar'] }],
  ['removes a null member', { foo: null }, [{ op: 'remove', path: '/foo' }], {}],
  ['replaces a member', { baz: 'qux', foo: 'bar' }, [{ op: 'replace', path: '/baz', value: 'boo' }], { baz: 'boo', foo: 'bar' }],
  ['replace adds a missing member (v4)', { foo: 'bar' }, [{ op: 'replace', path: '/baz', value: 1 }], { foo: 'bar', baz: 1 }],
  ['replaces by negative index', { foo: ['bar', 'baz'] }, [{ op: 'replace', path: '/foo/-1', value: 'x' }], { foo: ['bar', 'x'] }],
  ['replaces the whole document', { foo: 'bar' }, [{ op: 'replace', path: '', value: { baz: 1 } }], { baz: 1 }],
  ['moves a member', { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } }, [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }], { foo: { bar: 'baz' }, qux: { corge: 'grault', thud: 'fred' } }],
  ['moves an array element', { foo: ['all', 'grass', 'cows', 'eat'] }, [{ op: 'move', from: '/foo/1', path: '/foo/3' }], { foo: ['all', 'cows', 'eat', 'grass'] }],
  ['copies a value', { foo: { bar: 1 } }, [{ op: 'copy', from: '/foo', path: '/baz' }], { foo: { bar: 1 }, baz: { bar: 1 } }],
  ['copy from a missing member copies null (v4)', { foo: 1 }, [{ op: 'copy', from: '/nope', path: '/baz' }], { foo: 1, baz: null }],
  ['unescapes ~1 and ~0', { 'a/b': 1, 'm~n': 2 }, [{ op: 'replace', path: '/a~1b', value: 3 }, { op: 'test', path: '/m~0n', value: 2 }], { 'a/b': 3, 'm~n': 2 }],
  ['~01 is ~1, not /', { '~1': 1 }, [{ op: 'remove', path: '/~01' }], {}],
  ['a path without a leading slash drops its first token', { a: { b: 1 }, b: 2 }, [{ op: 'remove', path: 'a/b' }], { a: { b: 1 } }],
  ['test passes on equal values', { foo: { a: [1, { b: 2 }] } }, [{ op: 'test', path: '/foo', value: { a: [1, { b: 2 }] } }], { foo: { a: [1, { b: 2 }] } }],
  ['test of a missing member against null passes', { foo: 1 }, [{ op: 'test', path: '/bar', value: null }], { foo: 1 }],
  ['test of the whole document', { foo: 1 }, [{ op: 'test', path: '', value: { foo: 1 } }], { foo: 1 }],
  ['a value added earlier can be patched later', {}, [{ op: 'add', path: '/a', value: { b: [] } }, { op: 'add', path: '/a/b/-', value: 1 }], { a: { b: [1] } }],
  ['__proto__ is an ordinary member', {}, [{ op: 'add', path: '/__proto__', value: { x: 1 } }], JSON.parse('{"__proto__":{"x":1}}')],
];

/** [name, doc, ops, the library's message kept as `cause`]. All are 422 upstream. */
const failures: Array<[string, unknown, Op[], string]> = [
  ['a failed test', { foo: 'bar' }, [{ op: 'test', path: '/foo', value: 'baz' }], 'testing value /foo failed: test failed'],
  ['a test without a value', { foo: 'bar' }, [{ op: 'test', path: '/foo' }], 'testing value /foo failed: test failed'],
  ['a test of null against a member', { foo: 'bar' }, [{ op: 'test', path: '/foo', value: null }], 'testing value /foo failed: test failed'],
  ['adding under a missing parent', { foo: 'bar' }, [{ op: 'add', path: '/a/b', value: 1 }], 'add operation does not apply: doc is missing path: "/a/b": missing value'],
  ['removing a missing member', { foo: 'bar' }, [{ op: 'remove', path: '/baz' }], "error in remove for path: '/baz': Unable to remove nonexistent key: baz: missing value"],
  ['removing past the end', { foo: [1] }, [{ op: 'remove', path: '/foo/5' }], "error in remove for path: '/foo/5': Unable to access invalid index: 5: invalid index referenced"],
  ['removing with -', { foo: [1] }, [{ op: 'remove', path: '/foo/-' }], "error in remove for path: '/foo/-': strconv.Atoi: parsing \"-\": invalid syntax"],
  ['adding past the end', { foo: [1] }, [{ op: 'add', path: '/foo/3', value: 1 }], "error in add for path: '/foo/3': Unable to access invalid index: 3: invalid index referenced"],
  ['adding at a non-index', { foo: [1] }, [{ op: 'add', path: '/foo/x', value: 1 }], "error in add for path: '/foo/x': value was not a proper array index: 'x': strconv.Atoi: parsing \"x\": invalid syntax"],
  ['replacing past the end', { foo: [1] }, [{ op: 'replace', path: '/foo/9', value: 1 }], 'replace operation does not apply: doc is missing key: /foo/9: missing value'],
  ['replacing the document with a scalar', { foo: 1 }, [{ op: 'replace', path: '', value: 'x' }], 'replace operation value must be object or array: %!w(<nil>)'],
  ['moving a missing member', { foo: 1 }, [{ op: 'move', from: '/nope', path: '/bar' }], "error in move for path: 'nope': Unable to remove nonexistent key: nope: missing value"],
  ['moving into itself', { foo: { a: 1 } }, [{ op: 'move', from: '/foo', path: '/foo/a/b' }], 'move operation does not apply: doc is missing destination path: /foo/a/b: missing value'],
  ['a move without from', { foo: 1 }, [{ op: 'move', path: '/bar' }], 'move operation failed to decode from: operation, missing from field: missing value'],
  ['copying past the end', { foo: [1] }, [{ op: 'copy', from: '/foo/4', path: '/bar' }], "error in copy for from: '/foo/4': Unable to access invalid index: 4: invalid index referenced"],
  ['an unknown op', { foo: 1 }, [{ op: 'frob', path: '/foo' }], 'Unexpected kind: frob'],
  ['an op without op', { foo: 1 }, [{ path: '/foo' }], 'Unexpected kind: unknown'],
  ['the pointer ""', { foo: 1 }, [{ op: 'remove', path: '' }], 'remove operation does not apply: doc is missing path: "": missing value'],
];

function rejects(fn: () => unknown, code: number, message: string, cause?: string) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof ApiError);
    assert.equal(e.code, code);
    assert.equal(e.message, message);
    if (cause !== undefined) assert.equal((e.cause as Error).message, cause);
    return true;
  });
}
const rejected = 'the server rejected our request due to an error in our request';

describe('applyJsonPatch', () => {
  for (const [name, doc, ops, want] of cases) {
    it(name, () => {
      const d = structuredClone(doc), o = structuredClone(ops);
      assert.deepEqual(applyJsonPatch(d, o), want);
      assert.deepEqual(d, doc, 'doc is not modified');
      assert.deepEqual(o, ops, 'ops are not modified');
    });
  }

  for (const [name, doc, ops, cause] of failures) {
    it(`fails on ${name}`, () => rejects(() => applyJsonPatch(doc, ops), 422, rejected, cause));
  }

  it('answers 422 with reason Invalid and empty details, as NewGenericServerResponse does', () => {
    try {
      applyJsonPatch({}, [{ op: 'test', path: '/a', value: 1 }]);
      assert.fail('no error');
    } catch (e) {
      assert.ok(e instanceof ApiError);
      assert.deepEqual(e.toStatus(), { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: rejected, reason: 'Invalid', code: 422, details: {} });
    }
  });

  it('limits the bytes copy adds', () => {
    const opts: JsonPatchOptions = { maxCopyBytes: 20 };
    const ops = [{ op: 'copy', from: '/a', path: '/b' }, { op: 'copy', from: '/a', path: '/c' }];
    rejects(() => applyJsonPatch({ a: 'x'.repeat(10) }, ops, opts), 422, rejected,
      'Unable to complete the copy, the accumulated size increase of copy is 24, exceeding the limit 20');
  });

  it('allows 10,000 operations and refuses 10,001 with 413', () => {
    const ops = Array.from({ length: maxJsonPatchOperations }, () => ({ op: 'test', path: '/a', value: 1 }));
    assert.deepEqual(applyJsonPatch({ a: 1 }, ops), { a: 1 });
    rejects(() => applyJsonPatch({ a: 1 }, [...ops, ops[0]]), 413,
      'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001');
  });

  it('treats a null patch as no operations', () => {
    assert.deepEqual(applyJsonPatch({ a: 1 }, null), { a: 1 });
  });

  describe('decoding, with fieldValidation Warn (the default)', () => {
    const warn = (ops: unknown, message: string) => rejects(() => applyJsonPatch({}, ops), 400, `error decoding patch: ${message}`);
    it('wants an array', () => warn({ op: 'add' }, 'json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp'));
    it('wants objects', () => warn(['add'], 'json: cannot unmarshal string into Go value of type handlers.jsonPatchOp'));
    it('wants string op, path and from', () => {
      warn([{ op: 1, path: '/a' }], 'json: cannot unmarshal number into Go struct field jsonPatchOp.op of type string');
      warn([{ op: 'move', from: ['x'], path: '/a' }], 'json: cannot unmarshal array into Go struct field jsonPatchOp.from of type string');
    });
  });

  describe('decoding, with fieldValidation Ignore', () => {
    const ignore: JsonPatchOptions = { fieldValidation: 'Ignore' };
    it('wants an array', () => rejects(() => applyJsonPatch({}, { op: 'add' }, ignore), 400, 'json: cannot unmarshal object into Go value of type jsonpatch.Patch'));
    it('wants objects', () => rejects(() => applyJsonPatch({}, [1], ignore), 400, 'json: cannot unmarshal number into Go value of type jsonpatch.Operation'));
    it('reports a non-string op as unknown', () => rejects(() => applyJsonPatch({}, [{ op: 1, path: '/a' }], ignore), 422, rejected, 'Unexpected kind: unknown'));
    it('reports a bad path per operation', () => {
      rejects(() => applyJsonPatch({}, [{ op: 'add', path: 5, value: 1 }], ignore), 422, rejected, 'add operation failed to decode path: missing value');
      rejects(() => applyJsonPatch({ a: 1 }, [{ op: 'replace', path: 5, value: 1 }], ignore), 422, rejected,
        'replace operation failed to decode path: json: cannot unmarshal number into Go value of type string');
    });
  });
});
