/**
 * Field selectors: parsing with upstream's escaping, every error text, matching, and the
 * per-kind "unsupported key" messages of the list handler's field-label conversion.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { badRequestWith } from './assert-errors.js';
import {
  checkFieldSelectorKeys, escapeFieldValue, fieldSelectorToString, matchesFields, parseFieldSelector, unescapeFieldValue,
} from '../../../src/apis/meta/fields.js';

const t = { timeout: 10_000 };

describe('parseFieldSelector', t, () => {
  const cases: Array<[input: string, requirements: Array<[string, '=' | '!=', string]>]> = [
    ['', []],
    [',,', []],
    ['a=b', [['a', '=', 'b']]],
    ['a==b', [['a', '=', 'b']]],
    ['a!=b', [['a', '!=', 'b']]],
    ['a=', [['a', '=', '']]],
    ['=b', [['', '=', 'b']]],
    ['metadata.name=x,spec.nodeName!=', [['metadata.name', '=', 'x'], ['spec.nodeName', '!=', '']]],
    ['z=1,a=2', [['a', '=', '2'], ['z', '=', '1']]],
    ['a=x\\,y', [['a', '=', 'x,y']]],
    ['a=x\\=y', [['a', '=', 'x=y']]],
    ['a=x\\\\y', [['a', '=', 'x\\y']]],
    ['a=!b', [['a', '=', '!b']]],
  ];
  for (const [input, reqs] of cases) {
    it(JSON.stringify(input), () => {
      const sel = parseFieldSelector(input);
      assert.deepEqual(sel.requirements.map((r) => [r.field, r.operator, r.value]), reqs);
      assert.equal(sel.empty, reqs.length === 0);
    });
  }

  const errors: Array<[input: string, message: string]> = [
    ['x', "invalid selector: 'x'; can't understand 'x'"],
    ['a=b,x', "invalid selector: 'a=b,x'; can't understand 'x'"],
    ['a<b', "invalid selector: 'a<b'; can't understand 'a<b'"],
    ['a=b=c', 'invalid field selector: unescaped character in value: 61'],
    ['a!==b', 'invalid field selector: unescaped character in value: 61'],
    ['a=\\x', 'invalid field selector: invalid escape sequence: \\x'],
    ['a=b\\', 'invalid field selector: invalid escape sequence: \\'],
  ];
  for (const [input, message] of errors) {
    it(`error ${JSON.stringify(input)}`, () => assert.throws(() => parseFieldSelector(input), badRequestWith(message)));
  }

  it('escape and unescape round-trip; String() re-escapes', () => {
    for (const v of ['plain', 'a,b', 'a=b', 'a\\b', '\\,=', '']) assert.equal(unescapeFieldValue(escapeFieldValue(v)), v);
    assert.equal(fieldSelectorToString(parseFieldSelector('b!=x\\,y,a==1')), 'a=1,b!=x\\,y');
  });
});

describe('matchesFields', t, () => {
  const fields = { 'metadata.name': 'web', 'spec.nodeName': '' };
  const cases: Array<[selector: string, expected: boolean]> = [
    ['', true],
    ['metadata.name=web', true], ['metadata.name==web', true], ['metadata.name=db', false],
    ['metadata.name!=db', true], ['metadata.name!=web', false],
    ['spec.nodeName=', true], ['spec.nodeName!=', false],
    ['status.phase=', true], ['status.phase=Running', false], ['status.phase!=Running', true],
    ['metadata.name=web,spec.nodeName=', true], ['metadata.name=web,spec.nodeName=n1', false],
  ];
  for (const [sel, expected] of cases) {
    it(`${JSON.stringify(sel)} -> ${expected}`, () => assert.equal(matchesFields(parseFieldSelector(sel), fields), expected));
  }
});

describe('checkFieldSelectorKeys', t, () => {
  const podKeys = ['metadata.name', 'metadata.namespace', 'spec.nodeName', 'status.phase'];
  const check = (sel: string, allowed: string[], kind: string, version = 'v1') =>
    checkFieldSelectorKeys(parseFieldSelector(sel), allowed, kind, version);

  it('accepts supported keys and returns the selector unchanged', () => {
    const sel = parseFieldSelector('spec.nodeName=n1,metadata.name=a');
    assert.equal(checkFieldSelectorKeys(sel, podKeys, 'Pod', 'v1'), sel);
  });

  const errors: Array<[name: string, sel: string, allowed: string[], kind: string, version: string, message: string]> = [
    ['kind with its own conversion (Pod)', 'foo=bar', podKeys, 'Pod', 'v1', 'field label not supported: foo'],
    ['first unsupported key in sorted order', 'zz=1,foo=bar', podKeys, 'Pod', 'v1', 'field label not supported: foo'],
    ['cluster-scoped kind with its own conversion (Node)', 'metadata.namespace=x', ['metadata.name', 'spec.unschedulable'], 'Node', 'v1', 'field label not supported: metadata.namespace'],
    ['default conversion (ConfigMap)', 'foo=bar', ['metadata.name', 'metadata.namespace'], 'ConfigMap', 'v1', '"foo" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ['batch/v1 Job wording', 'foo=bar', ['metadata.name', 'metadata.namespace', 'status.successful'], 'Job', 'batch/v1', 'field label "foo" not supported for batchv1.Job'],
  ];
  for (const [name, sel, allowed, kind, version, message] of errors) {
    it(name, () => assert.throws(() => check(sel, allowed, kind, version), badRequestWith(message)));
  }

  it('default conversion accepts metadata.namespace even for cluster-scoped kinds', () => {
    assert.doesNotThrow(() => check('metadata.namespace=x,metadata.name=y', ['metadata.name'], 'ClusterRole', 'v1'));
  });

  it("rewrites Pod's legacy spec.host to spec.nodeName", () => {
    const out = check('spec.host=n1', podKeys, 'Pod');
    assert.deepEqual(out.requirements, [{ field: 'spec.nodeName', operator: '=', value: 'n1' }]);
    assert.equal(matchesFields(out, { 'spec.nodeName': 'n1' }), true);
  });
});
