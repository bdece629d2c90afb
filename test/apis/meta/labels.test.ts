/**
 * Label selectors: the string grammar against upstream's selector_test.go expectations, every
 * lexer/parser error text, matching, and metav1.LabelSelector conversion and formatting.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { badRequestWith } from './assert-errors.js';
import {
  formatLabelSelector, labelSelectorFromObject, labelSelectorToString, matchesLabels, parseLabelSelector, selectorToString,
} from '../../../src/apis/meta/labels.js';

const t = { timeout: 10_000 };

const keyMsg = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const valueMsg = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('parseLabelSelector: valid input and canonical String()', t, () => {
  const cases: Array<[input: string, canonical: string]> = [
    ['', ''],
    ['a=b', 'a=b'],
    ['a==b', 'a==b'],
    ['a!=b', 'a!=b'],
    ['a in (x,y)', 'a in (x,y)'],
    ['a in (y,x,y)', 'a in (x,y)'],
    ['a notin (x)', 'a notin (x)'],
    ['a', 'a'],
    ['!a', '!a'],
    ['a>1', 'a>1'],
    ['a<5', 'a<5'],
    ['b=1,a=2', 'a=2,b=1'],
    ['  a  =  b  ,\tc\n', 'a=b,c'],
    ['a=', 'a='],
    ['a=,b', 'a=,b'],
    ['x in (foo,,baz),y,z notin ()', 'x in (,baz,foo),y,z notin ()'],
    ['a in (,)', 'a in ()'],
    ['a in (b,)', 'a in (,b)'],
    ['in in (in)', 'in in (in)'],
    ['notin notin (notin)', 'notin notin (notin)'],
    ['example.com/app=web-1', 'example.com/app=web-1'],
    ['a==b,a!=c', 'a==b,a!=c'],
    ['!a,b in (c)', '!a,b in (c)'],
  ];
  for (const [input, canonical] of cases) {
    it(JSON.stringify(input), () => {
      const sel = parseLabelSelector(input);
      assert.equal(selectorToString(sel), canonical);
      assert.equal(sel.empty, input.trim() === '');
      assert.equal(sel.nothing, false);
    });
  }

  it('keeps operators and sorted unique values', () => {
    const sel = parseLabelSelector('z notin (b,a,b), a>10');
    assert.deepEqual(sel.requirements, [
      { key: 'a', operator: 'gt', values: ['10'] },
      { key: 'z', operator: 'notin', values: ['a', 'b'] },
    ]);
  });
});

describe('parseLabelSelector: errors are 400 with upstream text', t, () => {
  const cases: Array<[input: string, message: string]> = [
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['a)', "unable to parse requirement: found ')', expected: in, notin, =, ==, !=, gt, lt"],
    ['a=b c', "found 'c', expected: ',' or 'end of string'"],
    ['!a=b', "found '=', expected: ',' or 'end of string'"],
    ['a,', "found '', expected: identifier after ','"],
    ['a,,b', "found ',', expected: identifier after ','"],
    [',a', "found ',', expected: !, identifier, or 'end of string'"],
    ['!=a', "found '!=', expected: !, identifier, or 'end of string'"],
    ['(a)', "found '(', expected: !, identifier, or 'end of string'"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['!!a', "unable to parse requirement: found '!', expected: identifier"],
    ['a in b', "unable to parse requirement: found 'b' expected: '('"],
    ['a in', "unable to parse requirement: found '' expected: '('"],
    ['a in (b', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a in (b c)', "unable to parse requirement: found 'c', expected: ',' or ')'"],
    ['a in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['a in (b,=)', "unable to parse requirement: found '=', expected: ',', or identifier"],
    ['a in (b,', "unable to parse requirement: found '', expected: ',', or identifier"],
    ['a=!b', "unable to parse requirement: found '!', expected: identifier"],
    ['a>=1', "unable to parse requirement: found '=', expected: identifier"],
    ['a===b', "unable to parse requirement: found '=', expected: identifier"],
    ['a>b', 'unable to parse requirement: values[0]: Invalid value: "b": for \'Gt\', \'Lt\' operators, the value must be an integer'],
    ['a<1.5', 'unable to parse requirement: values[0]: Invalid value: "1.5": for \'Gt\', \'Lt\' operators, the value must be an integer'],
    ['a>99999999999999999999', 'unable to parse requirement: values[0]: Invalid value: "99999999999999999999": for \'Gt\', \'Lt\' operators, the value must be an integer'],
    ['A_=b', `unable to parse requirement: <nil>: Invalid value: "A_": ${keyMsg}`],
    ['-a', `unable to parse requirement: <nil>: Invalid value: "-a": ${keyMsg}`],
    ['/a', 'unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty'],
    ['a/b/c', `unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`],
    [`${'k'.repeat(64)}`, `unable to parse requirement: <nil>: Invalid value: "${'k'.repeat(64)}": name part must be no more than 63 characters`],
    ['a=b_', `unable to parse requirement: values[0][a]: Invalid value: "b_": ${valueMsg}`],
    ['a in (b_,c_)', `unable to parse requirement: [values[0][a]: Invalid value: "b_": ${valueMsg}, values[1][a]: Invalid value: "c_": ${valueMsg}]`],
    [`a=${'v'.repeat(64)}`, `unable to parse requirement: values[0][a]: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`],
    ['a<-5', `unable to parse requirement: values[0][a]: Invalid value: "-5": ${valueMsg}`],
    ['a>x_', `unable to parse requirement: [values[0]: Invalid value: "x_": for 'Gt', 'Lt' operators, the value must be an integer, values[0][a]: Invalid value: "x_": ${valueMsg}]`],
  ];
  for (const [input, message] of cases) {
    it(JSON.stringify(input), () => assert.throws(() => parseLabelSelector(input), badRequestWith(message)));
  }
});

describe('matchesLabels', t, () => {
  const labels = { app: 'web', tier: 'front', n: '5', bad: 'x' };
  const cases: Array<[selector: string, expected: boolean]> = [
    ['', true],
    ['app=web', true], ['app==web', true], ['app=db', false], ['missing=', false],
    ['app!=db', true], ['app!=web', false], ['missing!=x', true],
    ['app in (db,web)', true], ['app in (db)', false], ['missing in (x)', false],
    ['app notin (db)', true], ['app notin (web)', false], ['missing notin (x)', true],
    ['app', true], ['missing', false], ['!missing', true], ['!app', false],
    ['n>4', true], ['n>5', false], ['n<6', true], ['n<5', false], ['n>0', true],
    ['bad>1', false], ['bad<1', false], ['missing>1', false], ['missing<1', false],
    ['app=web,tier=front', true], ['app=web,tier=back', false],
  ];
  for (const [sel, expected] of cases) {
    it(`${JSON.stringify(sel)} -> ${expected}`, () => assert.equal(matchesLabels(parseLabelSelector(sel), labels), expected));
  }
  it('undefined labels are an empty set', () => {
    assert.equal(matchesLabels(parseLabelSelector('!a'), undefined), true);
    assert.equal(matchesLabels(parseLabelSelector('a'), undefined), false);
    assert.equal(matchesLabels(parseLabelSelector(''), undefined), true);
  });
  it('compares gt/lt as int64, not as floats', () => {
    assert.equal(matchesLabels(parseLabelSelector('n>9007199254740992'), { n: '9007199254740993' }), true);
  });
  it('does not see inherited properties as labels', () => {
    assert.equal(matchesLabels(parseLabelSelector('constructor'), {}), false);
  });
});

describe('labelSelectorFromObject and labelSelectorToString', t, () => {
  it('nil selects nothing; {} selects everything', () => {
    const nothing = labelSelectorFromObject(undefined);
    assert.equal(nothing.nothing, true);
    assert.equal(nothing.empty, false);
    assert.equal(matchesLabels(nothing, {}), false);
    assert.equal(labelSelectorToString(null), '');
    const all = labelSelectorFromObject({});
    assert.equal(all.empty, true);
    assert.equal(matchesLabels(all, { a: 'b' }), true);
    assert.equal(labelSelectorToString({}), '');
  });

  const cases: Array<[name: string, obj: Parameters<typeof labelSelectorToString>[0], text: string]> = [
    ['matchLabels sorted by key', { matchLabels: { b: '2', a: '1' } }, 'a=1,b=2'],
    ['In with values sorted in String()', { matchExpressions: [{ key: 'k', operator: 'In', values: ['y', 'x'] }] }, 'k in (x,y)'],
    ['NotIn', { matchExpressions: [{ key: 'k', operator: 'NotIn', values: ['x'] }] }, 'k notin (x)'],
    ['Exists', { matchExpressions: [{ key: 'k', operator: 'Exists' }] }, 'k'],
    ['DoesNotExist', { matchExpressions: [{ key: 'k', operator: 'DoesNotExist', values: [] }] }, '!k'],
    ['both, merged by key', { matchLabels: { z: '1' }, matchExpressions: [{ key: 'a', operator: 'Exists' }] }, 'a,z=1'],
    ['empty value', { matchLabels: { a: '' } }, 'a='],
  ];
  for (const [name, obj, text] of cases) {
    it(name, () => assert.equal(labelSelectorToString(obj), text));
  }

  it('matches like the parsed form', () => {
    const sel = labelSelectorFromObject({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] });
    assert.equal(matchesLabels(sel, { app: 'web', tier: 'front' }), true);
    assert.equal(matchesLabels(sel, { app: 'web', tier: 'db' }), false);
    assert.equal(matchesLabels(sel, { app: 'db' }), false);
  });

  const errors: Array<[name: string, obj: Parameters<typeof labelSelectorToString>[0], message: string]> = [
    ['unknown operator', { matchExpressions: [{ key: 'k', operator: 'Foo' }] }, '"Foo" is not a valid label selector operator'],
    ['In without values', { matchExpressions: [{ key: 'k', operator: 'In' }] }, "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty"],
    ['Exists with values', { matchExpressions: [{ key: 'k', operator: 'Exists', values: ['a', 'b'] }] }, 'values: Invalid value: []string{"a", "b"}: values set must be empty for exists and does not exist'],
    ['bad key', { matchLabels: { 'a b': 'c' } }, `key: Invalid value: "a b": ${keyMsg}`],
    ['bad value', { matchLabels: { a: 'b c' } }, `values[0][a]: Invalid value: "b c": ${valueMsg}`],
  ];
  for (const [name, obj, message] of errors) {
    it(`error: ${name}`, () => assert.throws(() => labelSelectorFromObject(obj), badRequestWith(message)));
  }

  it('formatLabelSelector shows <none> and <error> as kubectl does', () => {
    assert.equal(formatLabelSelector({}), '<none>');
    assert.equal(formatLabelSelector({ matchLabels: { a: 'b' } }), 'a=b');
    assert.equal(formatLabelSelector({ matchExpressions: [{ key: 'k', operator: 'Foo' }] }), '<error>');
  });
});
