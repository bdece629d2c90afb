import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duplicateFields } from '../../src/endpoints/duplicate-fields.js';

test('duplicateFields reports each repeated key with its Go-style path', () => {
  assert.deepEqual(duplicateFields('{"a":1,"b":{"c":true,"c":null},"a":"x"}'), ['b.c', 'a']);
  assert.deepEqual(duplicateFields(JSON.stringify({ spec: { template: { spec: { containers: [{ name: 'a' }] } } } })
    .replace('"name":"a"', '"name":"a","imagePullPolicy":"Always","imagePullPolicy":"Never"')),
  ['spec.template.spec.containers[0].imagePullPolicy']);
  assert.deepEqual(duplicateFields('{"items":[{"k":1},{"k":2,"k":3}],"m":{"x y":[1,2,{"z":[]}],"x y":0}}'), ['items[1].k', 'm.x y']);
});

test('duplicateFields is not fooled by strings, escapes and numbers', () => {
  assert.deepEqual(duplicateFields('{"a":"{\\"a\\":1,\\"a\\":2}","b":"]","c":-1.5e3,"d":[true,false,null],"e\\u0041":1,"eA":2}'), ['eA']);
  assert.deepEqual(duplicateFields(' { "a" : [ ] , "b" : { } } '), []);
  assert.deepEqual(duplicateFields('[{"a":1},{"a":1}]'), []);
});
