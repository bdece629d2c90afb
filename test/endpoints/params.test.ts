/**
 * Query parameter decoding: Go's strconv texts for 400s, the lenient boolean conversion of
 * options, and the 422s of ValidateListOptions / ValidateDeleteOptions / Validate*Options.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src/apis/meta/errors.js';
import {
  parseBool, parseDeleteParams, parseInt64, parseListParams, parseQueryBool, parseWriteParams, validateDeleteOptions,
} from '../../src/endpoints/params.js';

const t = { timeout: 10_000 };
const q = (s: string) => new URLSearchParams(s);

function apiError(code: number, message: string) {
  return (e: unknown) => {
    assert.ok(e instanceof ApiError, `not an ApiError: ${String(e)}`);
    assert.equal(e.code, code);
    assert.equal(e.reason, code === 400 ? 'BadRequest' : 'Invalid');
    assert.equal(e.message, message);
    return true;
  };
}

describe('parseBool (strconv.ParseBool)', t, () => {
  for (const v of ['1', 't', 'T', 'true', 'TRUE', 'True']) it(`${v} -> true`, () => assert.equal(parseBool(v), true));
  for (const v of ['0', 'f', 'F', 'false', 'FALSE', 'False']) it(`${v} -> false`, () => assert.equal(parseBool(v), false));
  for (const v of ['', 'yes', 'tRUE', ' true', '2']) {
    it(`${JSON.stringify(v)} -> 400`, () => assert.throws(() => parseBool(v), apiError(400, `strconv.ParseBool: parsing ${JSON.stringify(v)}: invalid syntax`)));
  }
});

describe('parseQueryBool (runtime.Convert_Slice_string_To_bool)', t, () => {
  const cases: Array<[string, boolean]> = [['0', false], ['false', false], ['FALSE', false], ['fAlSe', false],
    ['1', true], ['true', true], ['', true], ['yes', true], ['f', true], ['no', true]];
  for (const [v, want] of cases) it(`${JSON.stringify(v)} -> ${want}`, () => assert.equal(parseQueryBool(v), want));
});

describe('parseInt64 (strconv.ParseInt)', t, () => {
  const ok: Array<[string, number]> = [['0', 0], ['42', 42], ['+7', 7], ['-7', -7], ['007', 7], ['9007199254740991', 9007199254740991]];
  for (const [v, want] of ok) it(`${v} -> ${want}`, () => assert.equal(parseInt64(v), want));
  const bad: Array<[string, string]> = [
    ['', 'invalid syntax'], ['abc', 'invalid syntax'], ['1.5', 'invalid syntax'], [' 1', 'invalid syntax'], ['+', 'invalid syntax'],
    ['-', 'invalid syntax'], ['1_000', 'invalid syntax'], ['0x10', 'invalid syntax'],
    ['9223372036854775808', 'value out of range'], ['-9223372036854775809', 'value out of range'],
    ['99999999999999999999x', 'value out of range'], ['9223372036854775808x', 'invalid syntax'],
  ];
  for (const [v, why] of bad) {
    it(`${JSON.stringify(v)} -> ${why}`, () => assert.throws(() => parseInt64(v), apiError(400, `strconv.ParseInt: parsing ${JSON.stringify(v)}: ${why}`)));
  }
  it('accepts the int64 bounds', () => {
    assert.equal(parseInt64('-9223372036854775808'), -9223372036854775808);
    assert.equal(parseInt64('9223372036854775807'), 9223372036854775807);
  });
});

describe('parseListParams', t, () => {
  it('decodes every parameter', () => {
    assert.deepEqual(parseListParams(q('labelSelector=a%3Db&fieldSelector=metadata.name%3Dx&resourceVersion=5&limit=10&continue=tok&timeoutSeconds=30&allowWatchBookmarks=1')), {
      labelSelector: 'a=b', fieldSelector: 'metadata.name=x', resourceVersion: '5', limit: 10,
      continue: 'tok', watch: false, allowWatchBookmarks: true, timeoutSeconds: 30, sendInitialEvents: undefined,
    });
  });

  it('defaults and upstream zero values', () => {
    const p = parseListParams(q('limit=0&timeoutSeconds=0&resourceVersion=&labelSelector='));
    assert.equal(p.limit, undefined);
    assert.equal(p.timeoutSeconds, undefined);
    assert.equal(p.resourceVersion, undefined);
    assert.equal(p.labelSelector, '');
    assert.equal(p.watch, false);
    assert.equal(parseListParams(q('limit=-5')).limit, undefined);
  });

  it('reads booleans leniently, first value only', () => {
    assert.equal(parseListParams(q('watch')).watch, true);
    assert.equal(parseListParams(q('watch=yes')).watch, true);
    assert.equal(parseListParams(q('watch=false&watch=true')).watch, false);
    assert.equal(parseListParams(q('watch=0')).watch, false);
  });

  it('accepts the valid watch-list form', () => {
    const p = parseListParams(q('watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true'));
    assert.equal(p.sendInitialEvents, true);
    assert.equal(p.resourceVersionMatch, 'NotOlderThan');
    assert.equal(parseListParams(q('watch=1&sendInitialEvents=false&resourceVersionMatch=NotOlderThan')).sendInitialEvents, false);
    assert.equal(parseListParams(q('resourceVersion=0&resourceVersionMatch=NotOlderThan')).resourceVersionMatch, 'NotOlderThan');
    assert.equal(parseListParams(q('resourceVersion=7&resourceVersionMatch=Exact')).resourceVersionMatch, 'Exact');
  });

  const list = (detail: string) => `ListOptions.meta.k8s.io "" is invalid: ${detail}`;
  const errors: Array<[query: string, code: number, message: string]> = [
    ['limit=x', 400, 'strconv.ParseInt: parsing "x": invalid syntax'],
    ['limit=', 400, 'strconv.ParseInt: parsing "": invalid syntax'],
    ['timeoutSeconds=1.5&limit=x', 400, 'strconv.ParseInt: parsing "1.5": invalid syntax'],
    ['limit=x&labelSelector=a%20b', 400, 'strconv.ParseInt: parsing "x": invalid syntax'],
    ['labelSelector=a%20b&fieldSelector=x', 400, "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['fieldSelector=x', 400, "invalid selector: 'x'; can't understand 'x'"],
    ['resourceVersionMatch=NotOlderThan', 422, list('resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided')],
    ['resourceVersion=1&resourceVersionMatch=Exact&continue=c', 422, list('resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when continue is provided')],
    ['resourceVersion=1&resourceVersionMatch=foo', 422, list('resourceVersionMatch: Unsupported value: "foo": supported values: "Exact", "NotOlderThan", ""')],
    ['resourceVersion=0&resourceVersionMatch=Exact', 422, list('resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"')],
    ['resourceVersionMatch=foo&continue=c', 422, list('[resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided, resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when continue is provided, resourceVersionMatch: Unsupported value: "foo": supported values: "Exact", "NotOlderThan", ""]')],
    ['sendInitialEvents=false', 422, list('sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list')],
    ['watch=1&resourceVersionMatch=NotOlderThan', 422, list('resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided')],
    ['watch=1&sendInitialEvents=true', 422, list('resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan')],
    ['watch=1&sendInitialEvents=true&resourceVersionMatch=Exact', 422, list('[resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan, resourceVersionMatch: Unsupported value: "Exact": supported values: "NotOlderThan"]')],
    ['watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&continue=c', 422, list('resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when continue is provided')],
  ];
  for (const [query, code, message] of errors) {
    it(`${query} -> ${code}`, () => assert.throws(() => parseListParams(q(query)), apiError(code, message)));
  }

  it('without the WatchList feature gate, sendInitialEvents is forbidden for watch', () => {
    assert.throws(() => parseListParams(q('watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan'), { watchListEnabled: false }),
      apiError(422, list('sendInitialEvents: Forbidden: sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled')));
  });

  it('422 carries causes with field and reason', () => {
    try {
      parseListParams(q('resourceVersionMatch=NotOlderThan'));
      assert.fail('expected an error');
    } catch (e) {
      assert.ok(e instanceof ApiError);
      assert.equal(e.details?.kind, 'ListOptions');
      assert.equal(e.details?.group, 'meta.k8s.io');
      assert.deepEqual(e.details?.causes, [{ reason: 'FieldValueForbidden', field: 'resourceVersionMatch', message: 'Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided' }]);
    }
  });
});

describe('parseDeleteParams', t, () => {
  it('decodes', () => {
    assert.deepEqual(parseDeleteParams(q('gracePeriodSeconds=0&propagationPolicy=Foreground&dryRun=All')),
      { gracePeriodSeconds: 0, propagationPolicy: 'Foreground', orphanDependents: undefined, dryRun: true });
    assert.deepEqual(parseDeleteParams(q('')), { gracePeriodSeconds: undefined, propagationPolicy: undefined, orphanDependents: undefined, dryRun: false });
    assert.equal(parseDeleteParams(q('orphanDependents=nope')).orphanDependents, true);
    assert.equal(parseDeleteParams(q('gracePeriodSeconds=-1')).gracePeriodSeconds, -1);
  });

  const del = (detail: string) => `DeleteOptions.meta.k8s.io "" is invalid: ${detail}`;
  const errors: Array<[query: string, code: number, message: string]> = [
    ['gracePeriodSeconds=soon', 400, 'strconv.ParseInt: parsing "soon": invalid syntax'],
    ['propagationPolicy=Later', 422, del('propagationPolicy: Unsupported value: "Later": supported values: "Foreground", "Background", "Orphan", "nil"')],
    ['propagationPolicy=Orphan&orphanDependents=true', 422, del('propagationPolicy: Invalid value: "Orphan": orphanDependents and deletionPropagation cannot be both set')],
    ['dryRun=x', 422, del('dryRun: Unsupported value: []string{"x"}: supported values: "All"')],
    ['dryRun=All&dryRun=', 422, del('dryRun: Unsupported value: []string{"All", ""}: supported values: "All"')],
  ];
  for (const [query, code, message] of errors) {
    it(`${query} -> ${code}`, () => assert.throws(() => parseDeleteParams(q(query)), apiError(code, message)));
  }

  it('validateDeleteOptions checks bodies the same way', () => {
    assert.doesNotThrow(() => validateDeleteOptions({ propagationPolicy: 'Background', dryRun: ['All'] }));
    assert.throws(() => validateDeleteOptions({ propagationPolicy: '' }), apiError(422, del('propagationPolicy: Unsupported value: "": supported values: "Foreground", "Background", "Orphan", "nil"')));
  });
});

describe('parseWriteParams', t, () => {
  it('decodes', () => {
    assert.deepEqual(parseWriteParams(q('dryRun=All&fieldManager=me&fieldValidation=Strict'), 'CreateOptions'),
      { dryRun: true, fieldManager: 'me', fieldValidation: 'Strict', force: undefined });
    assert.deepEqual(parseWriteParams(q(''), 'UpdateOptions'), { dryRun: false, fieldManager: '', fieldValidation: '', force: undefined });
    assert.equal(parseWriteParams(q('force=true&fieldManager=me'), 'PatchOptions', { apply: true }).force, true);
    assert.equal(parseWriteParams(q('force=true'), 'CreateOptions').force, undefined);
  });

  const errors: Array<[query: string, kind: Parameters<typeof parseWriteParams>[1], apply: boolean, message: string]> = [
    ['fieldValidation=strict', 'CreateOptions', false, 'CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "strict": supported values: "", "Ignore", "Strict", "Warn"'],
    ['dryRun=true', 'UpdateOptions', false, 'UpdateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"true"}: supported values: "All"'],
    [`fieldManager=${'m'.repeat(129)}`, 'CreateOptions', false, 'CreateOptions.meta.k8s.io "" is invalid: fieldManager: Too long: may not be more than 128 bytes'],
    ['fieldManager=a%09b', 'UpdateOptions', false, 'UpdateOptions.meta.k8s.io "" is invalid: fieldManager: Invalid value: "a\\tb": invalid character U+0009 (at position 1)'],
    ['force=false', 'PatchOptions', false, 'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch'],
    ['', 'PatchOptions', true, 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch'],
  ];
  for (const [query, kind, apply, message] of errors) {
    it(`${kind} ${query || '(empty)'}`, () => assert.throws(() => parseWriteParams(q(query), kind, { apply }), apiError(422, message)));
  }
});
