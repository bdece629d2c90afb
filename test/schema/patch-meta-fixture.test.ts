import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { applyPatch } from '../../src/patch/index.js';
import type { SchemaType } from '../../src/schema/compile.js';
import { patchMetaOf } from '../../src/schema/patch-meta.js';
import { fixtureSchema } from './openapi-fixture.js';

const widget = fixtureSchema.kinds.get('/v1/Widget')!;
const lookupPatchMeta = (t: SchemaType, path: string[]) => patchMetaOf(t).lookup(path);

describe('patch metadata from the schema tables', () => {
  it('finds a tagged field through nested types, list elements and inline types', () => {
    assert.deepEqual(lookupPatchMeta(widget, ['spec', 'parts']), { patchStrategy: 'merge', patchMergeKey: 'name', isList: true });
    assert.deepEqual(lookupPatchMeta(widget, ['metadata', 'ownerReferences']), { patchStrategy: 'merge', patchMergeKey: 'uid', isList: true });
  });

  it('skips the key of a map of structs and has nothing for untagged or unknown fields', () => {
    assert.equal(lookupPatchMeta(widget, ['spec', 'byName']), undefined);
    assert.equal(lookupPatchMeta(widget, ['spec', 'byName', 'x']), undefined);
    assert.equal(lookupPatchMeta(widget, ['spec', 'byName', 'x', 'name']), undefined);
    assert.equal(lookupPatchMeta(widget, ['spec', 'mode']), undefined);
    assert.equal(lookupPatchMeta(widget, ['spec', 'nope', 'deeper']), undefined);
    assert.equal(lookupPatchMeta(widget, ['spec', 'size', 'deeper']), undefined, 'well-known types have no fields');
    assert.equal(lookupPatchMeta(widget, ['spec', 'note']), undefined, 'inline fields are found, untagged');
  });

  it('drives a strategic merge: list elements merge by their key', () => {
    const obj = { spec: { parts: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } };
    const out = applyPatch('application/strategic-merge-patch+json', obj, '{"spec":{"parts":[{"name":"b","image":"z"}]}}', patchMetaOf(widget));
    assert.deepEqual(out, { spec: { parts: [{ name: 'a', image: 'x' }, { name: 'b', image: 'z' }] } });
  });
});
