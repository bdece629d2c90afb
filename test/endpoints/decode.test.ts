/**
 * Decoding object bodies as upstream's codec does: transformDecodeError's two wrappers, findKind,
 * registration and conversion errors, the typed decode (Go's type error texts, unknown fields,
 * null entries), fieldValidation, YAML errors, and Go's RFC 3339 parsing.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src/apis/meta/errors.js';
import { decodeObject, Scheme, summarizeData, warningHeader } from '../../src/endpoints/decode.js';
import { goTimeParseError, rfc3339, rfc3339Micro } from '../../src/endpoints/go-time.js';
import type { ResourceDef } from '../../src/registry/rest.js';
import '../../src/schema/tables.js'; // registers the built-in schema (the server loads it after start-up)

const t = { timeout: 20_000 };

const def = (group: string, versions: string[], kind: string, extra: Partial<ResourceDef> = {}) =>
  ({ group, versions, kind, resource: `${kind.toLowerCase()}s`, singularName: '', namespaced: true, nameValidation: 'dns1123Subdomain', strategy: {}, ...extra }) as ResourceDef;
const scheme = new Scheme([
  def('', ['v1'], 'ConfigMap'), def('', ['v1'], 'Secret'), def('apps', ['v1'], 'Deployment'),
  def('', ['v1'], 'Pod', { subresources: [{ name: 'binding', kind: 'Binding', verbs: ['create'] }] }),
  def('autoscaling', ['v2', 'v1'], 'HorizontalPodAutoscaler'), def('events.k8s.io', ['v1'], 'Event'), def('', ['v1'], 'Event'),
  def('example.com', ['v1'], 'Widget'),
]);
const cm = { group: '', version: 'v1', kind: 'ConfigMap' };

const decode = (body: string, target = cm, contentType = 'application/json', fieldValidation = '') =>
  decodeObject(Buffer.from(body), contentType, target, scheme, fieldValidation);

function rejects400(message: string | RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof ApiError, `not an ApiError: ${String(e)}`);
    assert.equal(e.code, 400);
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    return true;
  };
}

const findKindType = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

describe('decodeObject: before the kind is known (the object provided is unrecognized)', t, () => {
  const cases: Array<[string, string]> = [
    ['{bad', "couldn't get version/kind; json parse error: invalid character 'b' looking for beginning of object key string ({bad)"],
    ['', "couldn't get version/kind; json parse error: unexpected end of JSON input (<empty>)"],
    ['[]', `couldn't get version/kind; json parse error: json: cannot unmarshal array into Go value of type ${findKindType} (5b5d)`],
    ['{"apiVersion":5}', "couldn't get version/kind; json parse error: json: cannot unmarshal number into Go struct field .apiVersion of type string ({\"apiVersion\":5})"],
    ['{"apiVersion":"a/b/c"}', 'unexpected GroupVersion string: a/b/c ({"apiVersion":"a/b/c"})'],
    ['[['.repeat(5001) + ']]'.repeat(5001), "couldn't get version/kind; json parse error: invalid character '[' exceeded max depth (5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b5b ...)"],
  ];
  for (const [body, err] of cases) {
    it(body.slice(0, 40) || '(empty)', () => assert.rejects(decode(body), rejects400(`the object provided is unrecognized (must be of type ConfigMap): ${err}`)));
  }
  it('summarizes the first 30 bytes: text for objects, hex otherwise', () => {
    assert.equal(summarizeData(Buffer.from('{"a":"0123456789012345678901234567890"}')), '{"a":"012345678901234567890123 ...');
    assert.equal(summarizeData(Buffer.from('x')), '78');
  });
  it('YAML errors carry goyaml words', async () => {
    await assert.rejects(decode('data: *nothere\n', cm, 'application/yaml'), rejects400(/error converting YAML to JSON: yaml: unknown anchor 'nothere' referenced \(/));
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]', ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`)].join('\n');
    await assert.rejects(decode(bomb, cm, 'application/yaml'), rejects400(/yaml: document contains excessive aliasing/));
    await assert.rejects(decode(`data: ${'['.repeat(10001)}${']'.repeat(10001)}\n`, cm, 'application/yaml'), rejects400(/yaml: line 1: exceeded max depth of 10000/));
  });
});

describe('decodeObject: the kind and version of the body', t, () => {
  it('an unregistered kind', () => assert.rejects(decode('{"apiVersion":"v1","kind":"Foo"}'),
    rejects400('Foo in version "v1" cannot be handled as a ConfigMap: no kind "Foo" is registered for version "v1" in scheme "pkg/api/legacyscheme/scheme.go:30"')));
  it('a kind in another group version', () => assert.rejects(decode('{"apiVersion":"apps/v1","kind":"ConfigMap"}'),
    rejects400(/^ConfigMap in version "v1" cannot be handled as a ConfigMap: no kind "ConfigMap" is registered for version "apps\/v1"/)));
  it('another registered kind does not convert', () => assert.rejects(decode('{"apiVersion":"apps/v1","kind":"Deployment"}'),
    rejects400('Deployment in version "v1" cannot be handled as a ConfigMap: converting (v1.Deployment) to (core.ConfigMap): unknown conversion')));
  it('the kind is matched case-insensitively by findKind', () => assert.rejects(decode('{"KIND":"Secret"}'),
    rejects400('Secret in version "v1" cannot be handled as a ConfigMap: converting (v1.Secret) to (core.ConfigMap): unknown conversion')));
  it('the same type in another version converts, then the version is refused', async () => {
    await assert.rejects(decode('{"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler"}', { group: 'autoscaling', version: 'v1', kind: 'HorizontalPodAutoscaler' }),
      rejects400('the API version in the data (autoscaling/v2) does not match the expected API version (autoscaling/v1)'));
    await assert.rejects(decode('{"apiVersion":"events.k8s.io/v1","kind":"Event"}', { group: '', version: 'v1', kind: 'Event' }),
      rejects400('the API version in the data (events.k8s.io/v1) does not match the expected API version (v1)'));
  });
  it('a subresource kind', () => assert.rejects(decode('{"apiVersion":"v1","kind":"Secret"}', { group: '', version: 'v1', kind: 'Binding' }),
    rejects400('Secret in version "v1" cannot be handled as a Binding: converting (v1.Secret) to (core.Binding): unknown conversion')));
  it('null is an empty object', async () => assert.deepEqual((await decode('null')).obj, {}));
});

describe('decodeObject: the typed decode', t, () => {
  const typeError = (body: string, err: string, target = cm, kind = target.kind) =>
    it(err, () => assert.rejects(decode(body, target), rejects400(`${kind} in version "v1" cannot be handled as a ${target.kind}: ${err}`)));
  typeError('{"metadata":{"name":5}}', 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string');
  typeError('{"metadata":[]}', 'json: cannot unmarshal array into Go struct field ConfigMap.metadata of type v1.ObjectMeta');
  typeError('{"metadata":{"labels":["a"]}}', 'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string');
  typeError('{"metadata":{"finalizers":[1]}}', 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.finalizers of type string');
  typeError('{"metadata":{"ownerReferences":{}}}', 'json: cannot unmarshal object into Go struct field ObjectMeta.metadata.ownerReferences of type []v1.OwnerReference');
  typeError('{"immutable":"yes"}', 'json: cannot unmarshal string into Go struct field ConfigMap.immutable of type bool');
  typeError('{"metadata":{"creationTimestamp":"garbage"}}', 'parsing time "garbage" as "2006-01-02T15:04:05Z07:00": cannot parse "garbage" as "2006"');
  typeError('{"data":{"a":"!!!"}}', 'illegal base64 data at input byte 0', { group: '', version: 'v1', kind: 'Secret' });
  typeError('{"spec":{"containers":[{"ports":[{"containerPort":1.5}]}]}}', 'json: cannot unmarshal number 1.5 into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32', { group: '', version: 'v1', kind: 'Pod' });
  typeError('{"spec":{"containers":[{"resources":{"limits":{"cpu":true}}}]}}', "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'", { group: '', version: 'v1', kind: 'Pod' });
  it('an error from a type\'s own decoder wins over an earlier type error', () => assert.rejects(
    decode('{"immutable":"yes","metadata":{"creationTimestamp":"x"}}'), rejects400(/parsing time "x"/)));

  it('unknown fields are dropped and reported; null labels become ""', async () => {
    const r = await decode('{"metadata":{"name":"a","labels":{"a":null},"bogus":1},"data":{"k":null},"extra":true}');
    assert.deepEqual(r.obj, { metadata: { name: 'a', labels: { a: '' } }, data: { k: '' } });
    assert.deepEqual(r.warnings, ['unknown field "metadata.bogus"', 'unknown field "extra"']);
  });
  it('fieldValidation=Strict refuses them, Ignore says nothing', async () => {
    await assert.rejects(decode('{"x":1,"metadata":{"y":2}}', cm, 'application/json', 'Strict'),
      rejects400('ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "x", unknown field "metadata.y"'));
    assert.deepEqual((await decode('{"x":1}', cm, 'application/json', 'Ignore')).warnings, []);
  });
  it('kinds without a table are checked for their metadata only', async () => {
    const target = { group: 'example.com', version: 'v1', kind: 'Widget' };
    assert.deepEqual((await decode('{"spec":{"anything":1}}', target)).warnings, []);
    await assert.rejects(decode('{"metadata":{"name":1}}', target), rejects400(/ObjectMeta\.metadata\.name of type string$/));
  });
  it('a kind that has a table gets the full walk (autoscaling/v2 HorizontalPodAutoscaler)', async () => {
    const target = { group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler' };
    assert.deepEqual((await decode('{"spec":{"anything":1}}', target)).warnings, ['unknown field "spec.anything"']);
  });
  it('Warning headers quote and escape as net.NewWarningHeader', () => assert.equal(warningHeader('unknown field "x"'), '299 - "unknown field \\"x\\""'));
});

describe('goTimeParseError (time.Parse)', t, () => {
  const ok = ['2024-01-02T03:04:05Z', '2024-01-02T03:04:05.123456789+01:00', '2024-02-29T3:04:05Z'];
  for (const v of ok) it(`accepts ${v}`, () => assert.equal(goTimeParseError(v, rfc3339), null));
  const bad: Array<[string, string]> = [
    ['2024-13-01T00:00:00Z', 'parsing time "2024-13-01T00:00:00Z": month out of range'],
    ['2023-02-29T00:00:00Z', 'parsing time "2023-02-29T00:00:00Z": day out of range'],
    ['2024-01-02 03:04:05Z', 'parsing time "2024-01-02 03:04:05Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 03:04:05Z" as "T"'],
    ['2024-01-02T03:04:05', 'parsing time "2024-01-02T03:04:05" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "Z07:00"'],
    ['2024-01-02T03:04:05Zx', 'parsing time "2024-01-02T03:04:05Zx": extra text: "x"'],
  ];
  for (const [v, err] of bad) it(`refuses ${v}`, () => assert.equal(goTimeParseError(v, rfc3339), err));
  it('MicroTime wants six fractional digits', () => {
    assert.equal(goTimeParseError('2024-01-02T03:04:05.000001Z', rfc3339Micro), null);
    assert.equal(goTimeParseError('2024-01-02T03:04:05Z', rfc3339Micro), 'parsing time "2024-01-02T03:04:05Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"');
  });
});
