/**
 * Name/label format checks and ObjectMeta validation on create and update, compared as rendered
 * field.Error strings (`metadata.name: Invalid value: "Foo": ...`) so every upstream text is pinned.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorMessage } from '../../../src/apis/meta/errors.js';
import type { ObjectMeta } from '../../../src/apis/meta/types.js';
import {
  goTime, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, isValidPathSegmentName,
  type ObjectMetaOptions, validateFieldManager, validateName, validateObjectMeta, validateObjectMetaUpdate,
} from '../../../src/apis/meta/validation.js';

const t = { timeout: 10_000 };

const sub = String.raw`a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`;
const label1123 = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const label1035 = "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const namePart = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const labelValue = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('format checks', t, () => {
  const cases: Array<[name: string, fn: (v: string) => string[], value: string, expected: string[]]> = [
    ['subdomain ok', isDNS1123Subdomain, 'example.com', []],
    ['subdomain upper case', isDNS1123Subdomain, 'Foo', [sub]],
    ['subdomain leading dash', isDNS1123Subdomain, '-a', [sub]],
    ['subdomain empty label', isDNS1123Subdomain, 'a..b', [sub]],
    ['subdomain empty', isDNS1123Subdomain, '', [sub]],
    ['subdomain 253 ok', isDNS1123Subdomain, 'a'.repeat(253), []],
    ['subdomain 254', isDNS1123Subdomain, 'a'.repeat(254), ['must be no more than 253 characters']],
    ['subdomain too long and bad', isDNS1123Subdomain, 'A'.repeat(254), ['must be no more than 253 characters', sub]],
    ['label ok', isDNS1123Label, '123-abc', []],
    ['label dots', isDNS1123Label, 'a.b', ['must not contain dots']],
    ['label bad', isDNS1123Label, 'a_b', [label1123]],
    ['label 64', isDNS1123Label, 'a'.repeat(64), ['must be no more than 63 characters']],
    ['1035 ok', isDNS1035Label, 'abc-123', []],
    ['1035 digit first', isDNS1035Label, '1abc', [label1035]],
    ['1035 64', isDNS1035Label, 'a'.repeat(64), ['must be no more than 63 characters']],
    ['path ok', isValidPathSegmentName, 'a b:c', []],
    ['path dot', isValidPathSegmentName, '.', ["may not be '.'"]],
    ['path dotdot', isValidPathSegmentName, '..', ["may not be '..'"]],
    ['path slash and percent', isValidPathSegmentName, 'a/b%', ["may not contain '/'", "may not contain '%'"]],
    ['qualified ok', isQualifiedName, 'example.com/My_Name.1', []],
    ['qualified bad name', isQualifiedName, 'a b', [`name part ${namePart}`]],
    ['qualified empty', isQualifiedName, '', ['name part must be non-empty', `name part ${namePart}`]],
    ['qualified empty prefix', isQualifiedName, '/a', ['prefix part must be non-empty']],
    ['qualified bad prefix', isQualifiedName, 'Ex.com/a', [`prefix part ${sub}`]],
    ['qualified empty name', isQualifiedName, 'ex.com/', ['name part must be non-empty', `name part ${namePart}`]],
    ['qualified long name', isQualifiedName, 'n'.repeat(64), ['name part must be no more than 63 characters']],
    ['qualified two slashes', isQualifiedName, 'a/b/c', [`a qualified name ${namePart} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`]],
    ['label value empty ok', isValidLabelValue, '', []],
    ['label value ok', isValidLabelValue, 'My_value-1.2', []],
    ['label value bad', isValidLabelValue, '-x', [labelValue]],
    ['label value 64', isValidLabelValue, 'v'.repeat(64), ['must be no more than 63 characters']],
    ['label value counts bytes', isValidLabelValue, 'é'.repeat(32), ['must be no more than 63 characters', labelValue]],
  ];
  for (const [name, fn, value, expected] of cases) {
    it(name, () => assert.deepEqual(fn(value), expected));
  }

  it('generateName prefixes: maskTrailingDash replaces the last two characters', () => {
    assert.deepEqual(validateName('dns1123Subdomain', 'web-', true), []);
    assert.deepEqual(validateName('dns1123Subdomain', 'a-', true), []);
    assert.deepEqual(validateName('dns1123Subdomain', 'web-', false), [sub]);
    assert.deepEqual(validateName('dns1123Label', 'Web-', true), [label1123]);
    assert.deepEqual(validateName('pathSegment', '..', true), []);
    assert.deepEqual(validateName('pathSegment', 'a/', true), ["may not contain '/'"]);
  });

  it('validateFieldManager', () => {
    assert.deepEqual(validateFieldManager('kubectl-client-side-apply', 'fieldManager'), []);
    assert.deepEqual(validateFieldManager('m'.repeat(129), 'fieldManager').map((e) => fieldErrorMessage(e)), ['fieldManager: Too long: may not be more than 128 bytes']);
    assert.deepEqual(validateFieldManager('é\tx', 'fieldManager').map((e) => fieldErrorMessage(e)), ['fieldManager: Invalid value: "é\\tx": invalid character U+0009 (at position 2)']);
  });

  it('goTime prints time.Time.String() in UTC', () => {
    assert.equal(goTime('2024-01-02T03:04:05Z'), '2024-01-02 03:04:05 +0000 UTC');
    assert.equal(goTime('2024-01-02T04:04:05+01:00'), '2024-01-02 03:04:05 +0000 UTC');
    assert.equal(goTime(undefined), '0001-01-01 00:00:00 +0000 UTC');
  });
});

const render = (errs: ReturnType<typeof validateObjectMeta>) => errs.map((e) => fieldErrorMessage(e));
const nsd: ObjectMetaOptions = { namespaced: true, nameValidation: 'dns1123Subdomain' };
const cluster: ObjectMetaOptions = { namespaced: false, nameValidation: 'dns1123Subdomain' };

describe('validateObjectMeta', t, () => {
  const owner = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: 'u1' };
  const cases: Array<[name: string, meta: ObjectMeta, opts: ObjectMetaOptions, expected: string[]]> = [
    ['valid', { name: 'a', namespace: 'default', labels: { app: 'web' }, annotations: { 'Example.COM/Key': 'x' }, finalizers: ['x', 'x'], ownerReferences: [owner] }, nsd, []],
    ['nothing set', {}, nsd, ['metadata.name: Required value: name or generateName is required', 'metadata.namespace: Required value']],
    ['generateName alone is not enough', { generateName: 'web-', namespace: 'ns' }, nsd, ['metadata.name: Required value: name or generateName is required']],
    ['bad name', { name: 'Foo', namespace: 'ns' }, nsd, [`metadata.name: Invalid value: "Foo": ${sub}`]],
    ['long name', { name: 'a'.repeat(254), namespace: 'ns' }, nsd, [`metadata.name: Invalid value: "${'a'.repeat(254)}": must be no more than 253 characters`]],
    ['bad generateName first', { generateName: 'Foo-', name: 'Foo-x1', namespace: 'ns' }, nsd,
      [`metadata.generateName: Invalid value: "Foo-": ${sub}`, `metadata.name: Invalid value: "Foo-x1": ${sub}`]],
    ['dns1123Label name', { name: 'a.b' }, { namespaced: false, nameValidation: 'dns1123Label' }, ['metadata.name: Invalid value: "a.b": must not contain dots']],
    ['dns1035Label name', { name: '1abc', namespace: 'ns' }, { namespaced: true, nameValidation: 'dns1035Label' }, [`metadata.name: Invalid value: "1abc": ${label1035}`]],
    ['pathSegment name', { name: 'a/b%' }, { namespaced: false, nameValidation: 'pathSegment' },
      ["metadata.name: Invalid value: \"a/b%\": may not contain '/'", "metadata.name: Invalid value: \"a/b%\": may not contain '%'"]],
    ['namespace on cluster-scoped', { name: 'a', namespace: 'ns' }, cluster, ['metadata.namespace: Forbidden: not allowed on this type']],
    ['bad namespace', { name: 'a', namespace: 'Bad_NS' }, nsd, [`metadata.namespace: Invalid value: "Bad_NS": ${label1123}`]],
    ['negative generation', { name: 'a', generation: -1 }, cluster, ['metadata.generation: Invalid value: -1: must be greater than or equal to 0']],
    ['bad labels', { name: 'a', labels: { 'a b': 'c_' } }, cluster,
      [`metadata.labels: Invalid value: "a b": name part ${namePart}`, `metadata.labels: Invalid value: "c_": ${labelValue}`]],
    ['bad annotation key', { name: 'a', annotations: { 'a b': 'x' } }, cluster, [`metadata.annotations: Invalid value: "a b": name part ${namePart}`]],
    ['annotations too big', { name: 'a', annotations: { a: 'x'.repeat(256 * 1024) } }, cluster, ['metadata.annotations: Too long: may not be more than 262144 bytes']],
    ['annotations at the limit', { name: 'a', annotations: { a: 'x'.repeat(256 * 1024 - 1) } }, cluster, []],
    ['empty owner reference', { name: 'a', ownerReferences: [{ apiVersion: '', kind: '', name: '', uid: '' }] }, cluster, [
      'metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty',
      'metadata.ownerReferences.kind: Invalid value: "": must not be empty',
      'metadata.ownerReferences.name: Invalid value: "": must not be empty',
      'metadata.ownerReferences.uid: Invalid value: "": must not be empty',
    ]],
    ['owner apiVersion without version', { name: 'a', ownerReferences: [{ ...owner, apiVersion: 'apps/' }] }, cluster, ['metadata.ownerReferences.apiVersion: Invalid value: "apps/": version must not be empty']],
    ['Event as owner', { name: 'a', ownerReferences: [{ apiVersion: 'v1', kind: 'Event', name: 'e', uid: 'u', controller: true }] }, cluster,
      ['metadata.ownerReferences: Invalid value: &OwnerReference{Kind:Event,Name:e,UID:u,APIVersion:v1,Controller:*true,BlockOwnerDeletion:nil,}: /v1, Kind=Event is disallowed from being an owner']],
    ['bad finalizer', { name: 'a', finalizers: ['a b'] }, cluster, [`metadata.finalizers: Invalid value: "a b": name part ${namePart}`]],
    ['conflicting finalizers', { name: 'a', finalizers: ['orphan', 'foregroundDeletion'] }, cluster,
      ['metadata.finalizers: Invalid value: []string{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set']],
    ['managedFields', { name: 'a', managedFields: [{ operation: 'Foo', manager: 'm\t', fieldsType: 'X' }] }, cluster, [
      'metadata.managedFields[0].operation: Invalid value: "Foo": must be `Apply` or `Update`',
      'metadata.managedFields[0].fieldsType: Invalid value: "X": must be `FieldsV1`',
      'metadata.managedFields[0].manager: Invalid value: "m\\t": invalid character U+0009 (at position 1)',
    ]],
  ];
  for (const [name, meta, opts, expected] of cases) {
    it(name, () => assert.deepEqual(render(validateObjectMeta(meta, opts)), expected));
  }

  it('at most one controller', () => {
    const refs = [{ ...owner, controller: true }, { ...owner, name: 'b', uid: 'u2', controller: true }];
    const [msg, ...rest] = render(validateObjectMeta({ name: 'x', ownerReferences: refs }, cluster));
    assert.equal(rest.length, 0);
    assert.ok(msg.startsWith('metadata.ownerReferences: Invalid value: []v1.OwnerReference{v1.OwnerReference{APIVersion:"apps/v1", Kind:"ReplicaSet", Name:"a", UID:"u1", Controller:(*bool)(0x'), msg);
    assert.ok(msg.endsWith('}}: Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/a and ReplicaSet/b'), msg);
  });

  it('uses the field prefix', () => {
    assert.deepEqual(render(validateObjectMeta({ labels: { a: '-' } }, cluster, 'spec.template.metadata')), [
      'spec.template.metadata.name: Required value: name or generateName is required',
      `spec.template.metadata.labels: Invalid value: "-": ${labelValue}`,
    ]);
  });
});

describe('validateObjectMetaUpdate', t, () => {
  const old: ObjectMeta = { name: 'a', namespace: 'ns', uid: 'u1', resourceVersion: '5', generation: 2, creationTimestamp: '2024-01-01T00:00:00Z' };
  const cases: Array<[name: string, change: Partial<ObjectMeta>, oldChange: Partial<ObjectMeta>, expected: string[]]> = [
    ['unchanged', {}, {}, []],
    ['same instant, other spelling', { creationTimestamp: '2024-01-01T01:00:00+01:00' }, {}, []],
    ['name', { name: 'b' }, {}, ['metadata.name: Invalid value: "b": field is immutable']],
    ['namespace', { namespace: 'other' }, {}, ['metadata.namespace: Invalid value: "other": field is immutable']],
    ['uid', { uid: 'u2' }, {}, ['metadata.uid: Invalid value: "u2": field is immutable']],
    ['creationTimestamp', { creationTimestamp: '2024-01-02T03:04:05Z' }, {}, ['metadata.creationTimestamp: Invalid value: 2024-01-02 03:04:05 +0000 UTC: field is immutable']],
    ['deletionTimestamp set', { deletionTimestamp: '2024-01-02T03:04:05Z' }, {}, ['metadata.deletionTimestamp: Invalid value: 2024-01-02 03:04:05 +0000 UTC: field is immutable']],
    ['deletionTimestamp cleared', {}, { deletionTimestamp: '2024-01-02T03:04:05Z' }, ['metadata.deletionTimestamp: Invalid value: null: field is immutable']],
    ['deletionGracePeriodSeconds', { deletionGracePeriodSeconds: 30 }, {}, ['metadata.deletionGracePeriodSeconds: Invalid value: 30: field is immutable']],
    ['no resourceVersion', { resourceVersion: '' }, {}, ['metadata.resourceVersion: Invalid value: "": must be specified for an update']],
    ['generation decremented', { generation: 1 }, {}, ['metadata.generation: Invalid value: 1: must not be decremented']],
    ['new finalizers while deleting', { finalizers: ['b', 'keep', 'a', 'a'], deletionTimestamp: 'x' }, { finalizers: ['keep'], deletionTimestamp: 'x' },
      ['metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"a", "b"}']],
    ['removing finalizers while deleting', { finalizers: [], deletionTimestamp: 'x' }, { finalizers: ['keep'], deletionTimestamp: 'x' }, []],
    ['labels still validated', { labels: { a: '-' } }, {}, [`metadata.labels: Invalid value: "-": ${labelValue}`]],
  ];
  for (const [name, change, oldChange, expected] of cases) {
    it(name, () => assert.deepEqual(render(validateObjectMetaUpdate({ ...old, ...change }, { ...old, ...oldChange })), expected));
  }
});
