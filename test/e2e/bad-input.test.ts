/**
 * Bad input against one real server: every case is a request upstream's kube-apiserver refuses,
 * with the status code, the Status reason and (where upstream's text is known) the message it
 * answers with. Afterwards nothing may have been written and the server must still serve.
 *
 * Sources of the expected texts (kubernetes/kubernetes, staging/src/k8s.io/...):
 *   apiserver/pkg/endpoints/handlers/rest.go   transformDecodeError, summarizeData, checkName,
 *                                              limitedReadBody (413 "limit is %d")
 *   apiserver/pkg/endpoints/handlers/{create,update,patch,delete}.go
 *   apiserver/pkg/endpoints/handlers/negotiation/errors.go   415/406 texts
 *   apiserver/pkg/endpoints/filters/request_deadline.go      "invalid timeout specified in the request URL - ..."
 *   apiserver/pkg/registry/rest/delete.go       delete precondition conflicts
 *   apiserver/pkg/storage/errors.go             NewTooLargeResourceVersionError ("Timeout: ...")
 *   apimachinery/pkg/api/errors/errors.go       NewNotFound/NewAlreadyExists/NewConflict/NewGenericServerResponse
 *   apimachinery/pkg/runtime/serializer/json/meta.go  "couldn't get version/kind; json parse error: ..."
 *   encoding/json scanner texts; sigs.k8s.io/yaml + goyaml.v2 ("document contains excessive aliasing",
 *   "exceeded max depth of 10000"); pkg/registry/core/pod/storage (binding, eviction name checks).
 *
 * Requests fetch cannot send (dot segments, %2F, raw bytes, absolute-form targets, huge or broken
 * headers) go over node:net as raw HTTP/1.1.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { eventually, startServer, type TestServer } from './harness.js';

// ---------- the request/response plumbing ----------

interface Resp { status: number; headers: Record<string, string>; text: string; json: any; ms: number }

interface Case {
  name: string;
  method: string;
  /** Path and query, sent as is (raw cases may hold what fetch would normalize). */
  path: string;
  headers?: Record<string, string>;
  /** Sent with Content-Type application/json unless headers say otherwise ('' = no Content-Type, raw only). */
  body?: string | Buffer;
  /** Send over node:net (no URL normalization, any bytes). */
  raw?: boolean;
  expectCode: number | number[];
  /** The Status reason; null when upstream's answer is not a Status either (the HTTP parser's). */
  expectReason?: string | null;
  expectMessage?: string | RegExp;
  expectCauses?: Array<{ field: string; reason?: string }>;
  expectDetails?: Record<string, unknown>;
  /** Answer within this many ms (bombs must be refused fast). */
  maxMs?: number;
  check?: (r: Resp) => void;
}

let server: TestServer;
let port = 0;

function hasHeader(h: Record<string, string> | undefined, name: string): boolean {
  return !!h && Object.keys(h).some((k) => k.toLowerCase() === name.toLowerCase());
}

async function send(c: Pick<Case, 'method' | 'path' | 'headers' | 'body' | 'raw'>): Promise<Resp> {
  const headers: Record<string, string> = { ...(c.headers ?? {}) };
  if (c.body !== undefined && !hasHeader(headers, 'content-type')) headers['Content-Type'] = 'application/json';
  // 'Content-Type': '' means "send none" (raw requests only: fetch would add text/plain)
  for (const k of Object.keys(headers)) if (k.toLowerCase() === 'content-type' && headers[k] === '') delete headers[k];
  const started = Date.now();
  if (c.raw) return { ...(await rawRequest(c.method, c.path, headers, c.body)), ms: Date.now() - started };
  const res = await fetch(`${server.url}${c.path}`, {
    method: c.method, headers, body: Buffer.isBuffer(c.body) ? new Uint8Array(c.body) : c.body, signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  return { status: res.status, headers: Object.fromEntries(res.headers), text, json: parseJson(text), ms: Date.now() - started };
}

function parseJson(text: string): any {
  try { return JSON.parse(text); } catch { return null; }
}

/** One HTTP/1.1 request on its own connection (Connection: close); reads until the server closes. */
function rawRequest(method: string, path: string, headers: Record<string, string>, body?: string | Buffer): Promise<Omit<Resp, 'ms'>> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(body) ? body : Buffer.from(body);
    let head = `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n`;
    for (const [k, v] of Object.entries(headers)) head += `${k}: ${v}\r\n`;
    if (body !== undefined && !hasHeader(headers, 'content-length') && !hasHeader(headers, 'transfer-encoding')) head += `Content-Length: ${payload.length}\r\n`;
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => { socket.destroy(); reject(new Error(`no answer within 10s to ${method} ${path.slice(0, 100)}`)); }, 10_000);
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', () => { /* a reset after the answer is fine; 'close' decides */ });
    socket.on('close', () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      if (split < 0) { reject(new Error(`no HTTP response to ${method} ${path.slice(0, 100)}: ${JSON.stringify(all.toString().slice(0, 200))}`)); return; }
      const lines = all.subarray(0, split).toString('latin1').split('\r\n');
      const status = Number(lines[0].split(' ')[1]);
      const hdrs: Record<string, string> = {};
      for (const l of lines.slice(1)) { const i = l.indexOf(':'); if (i > 0) hdrs[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim(); }
      let rest: Buffer = all.subarray(split + 4);
      if (/chunked/i.test(hdrs['transfer-encoding'] ?? '')) rest = dechunk(rest);
      const text = rest.toString('utf8');
      resolve({ status, headers: hdrs, text, json: parseJson(text) });
    });
    socket.write(Buffer.concat([Buffer.from(head + '\r\n', 'latin1'), payload]));
  });
}

function dechunk(b: Buffer): Buffer {
  const out: Buffer[] = [];
  let i = 0;
  while (i < b.length) {
    const eol = b.indexOf('\r\n', i);
    if (eol < 0) break;
    const size = parseInt(b.subarray(i, eol).toString(), 16);
    if (!size) break;
    out.push(b.subarray(eol + 2, eol + 2 + size));
    i = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}

function assertCase(c: Case, r: Resp): void {
  const codes = Array.isArray(c.expectCode) ? c.expectCode : [c.expectCode];
  const show = `${c.method} ${c.path.slice(0, 120)} -> ${r.status} ${r.text.slice(0, 600)}`;
  assert.ok(codes.includes(r.status), `status ${r.status}, want ${codes.join(' or ')}\n${show}`);
  if (r.status >= 400 && c.expectReason !== null) {
    const s = r.json;
    assert.ok(s && typeof s === 'object', `the body is not JSON\n${show}`);
    assert.match(r.headers['content-type'] ?? '', /^application\/json/, `Content-Type of a Status\n${show}`);
    assert.equal(s.kind, 'Status', show);
    assert.equal(s.apiVersion, 'v1', show);
    assert.equal(s.status, 'Failure', show);
    assert.equal(s.code, r.status, `Status.code must equal the HTTP status\n${show}`);
    assert.equal(typeof s.message, 'string', show);
    if (c.expectReason !== undefined) assert.equal(s.reason, c.expectReason, `reason\n${show}`);
    if (c.expectMessage !== undefined) {
      if (typeof c.expectMessage === 'string') assert.equal(s.message, c.expectMessage, `message\n${show}`);
      else assert.match(s.message, c.expectMessage, `message\n${show}`);
    }
    for (const want of c.expectCauses ?? []) {
      const causes: Array<{ field?: string; reason?: string }> = s.details?.causes ?? [];
      assert.ok(causes.some((x) => x.field === want.field && (want.reason === undefined || x.reason === want.reason)),
        `no cause ${JSON.stringify(want)} in ${JSON.stringify(causes)}\n${show}`);
    }
    if (c.expectDetails) {
      if (Object.keys(c.expectDetails).length === 0) assert.deepEqual(s.details, {}, `details\n${show}`);
      for (const [k, v] of Object.entries(c.expectDetails)) assert.deepEqual(s.details?.[k], v, `details.${k}\n${show}`);
    }
  }
  if (c.maxMs !== undefined) assert.ok(r.ms <= c.maxMs, `answered in ${r.ms}ms, want <= ${c.maxMs}ms\n${show.slice(0, 300)}`);
  c.check?.(r);
}

// ---------- upstream's texts ----------

/** handlers/rest.go summarizeData(body, 30). */
function summarize(body: string | Buffer): string {
  const b = Buffer.isBuffer(body) ? body : Buffer.from(body);
  if (b.length === 0) return '<empty>';
  if (b[0] === 0x7b) return b.length > 30 ? `${b.subarray(0, 30).toString('utf8')} ...` : b.toString('utf8');
  return b.length > 30 ? `${b.subarray(0, 30).toString('hex')} ...` : b.toString('hex');
}
/** transformDecodeError when the body names no kind. */
const unrecognized = (kind: string, err: string, body: string | Buffer) =>
  `the object provided is unrecognized (must be of type ${kind}): ${err} (${summarize(body)})`;
const parseError = (kind: string, goErr: string, body: string | Buffer) =>
  unrecognized(kind, `couldn't get version/kind; json parse error: ${goErr}`, body);
/** The anonymous struct meta.Interpret decodes apiVersion/kind into, as reflect prints it. */
const findKindType = 'struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';
/** transformDecodeError when the body names a kind. */
const cannotHandle = (dataKind: string, version: string, kind: string, rest: string) =>
  `${dataKind} in version "${version}" cannot be handled as a ${kind}: ${rest}`;
const re = (s: string) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const typeError = (kind: string, what: string) => new RegExp(`^${kind} in version "v1" cannot be handled as a ${kind}: .*${re(what).source}`);

const notFoundGeneric = 'the server could not find the requested resource';
const methodNotAllowed = 'the server does not allow this method on the requested resource';
const optimisticLock = 'the object has been modified; please apply your changes to the latest version and try again';
const rfc1123Subdomain = (v: string) => `Invalid value: "${v}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`;
const rfc1123Label = (v: string) => `Invalid value: "${v}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`;
const labelNamePart = (v: string) => `Invalid value: "${v}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`;
const unsupportedMedia = /^the body of the request was in an unknown format - accepted media types include: application\/json, application\/yaml/;
const unsupportedPatch = /^the body of the request was in an unknown format - accepted media types include: application\/json-patch\+json, application\/merge-patch\+json, application\/strategic-merge-patch\+json/;
const notAcceptable = /^only the following media types are accepted: application\/json, application\/yaml/;
const tooLarge = 'Request entity too large: limit is 3145728';

// ---------- fixtures and bodies ----------

const NS = 'bad';
const CM = `/api/v1/namespaces/${NS}/configmaps`;
const PODS = `/api/v1/namespaces/${NS}/pods`;
const DEPLOY = `/apis/apps/v1/namespaces/${NS}/deployments`;
const cm = (meta: Record<string, unknown>, rest: Record<string, unknown> = {}) => JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: meta, ...rest });
const podSpec = { containers: [{ name: 'c', image: 'busybox' }] };
const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: podSpec });
const deployment = (name: string) => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name },
  spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: podSpec } },
});
const merge = { 'Content-Type': 'application/merge-patch+json' };
const jsonPatch = { 'Content-Type': 'application/json-patch+json' };
const smp = { 'Content-Type': 'application/strategic-merge-patch+json' };
const yaml = { 'Content-Type': 'application/yaml' };
const big = 'x'.repeat(3 * 1024 * 1024);
const nest = (open: string, close: string, n: number, inner = '') => open.repeat(n) + inner + close.repeat(n);

const billionLaughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]', 'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]', 'i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
  'metadata: {name: bomb}', '',
].join('\n');

// Bodies whose message depends on their own bytes.
const b = {
  truncated: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"',
  bad: '{bad',
  trailingComma: '{"metadata":{"name":"x"},}',
  missingColon: '{"metadata" {"name":"x"}}',
  missingComma: '{"metadata":{"name":"x"} "data":{}}',
  badLiteral: '{"immutable":tru}',
  trailingGarbage: '{"metadata":{"name":"x"}}}',
  badEscape: '{"data":{"a":"\\x"}}',
  controlChar: '{"data":{"a":"\u0001"}}',
  singleQuotes: "{'metadata':{}}",
  whitespace: '   \n',
  bom: '\uFEFF{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"bom"}}',
  nan: '{"metadata":{"name":"x"},"data":NaN}',
  leadingZero: '{"a":01}',
  badExponent: '{"a":1e}',
  loneMinus: '{"a":-}',
  unterminated: '{"metadata":{"name":"x',
  array: '[]',
  arrayOfObjects: '[{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}}]',
  string: '"configmap"',
  number: '42',
  float: '-1.5e3',
  true: 'true',
  false: 'false',
  gv: '{"apiVersion":"a/b/c","kind":"ConfigMap","metadata":{"name":"x"}}',
  gvNumber: '{"apiVersion":5,"kind":"ConfigMap","metadata":{"name":"x"}}',
  kindNumber: '{"apiVersion":"v1","kind":5,"metadata":{"name":"x"}}',
  deepArray: nest('[', ']', 10001),
  deepObject: nest('{"a":', '}', 10001, '1'),
  deepInside: `{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"deep"},"data":${nest('[', ']', 10001)}}`,
};

const cases: Case[] = [
  // ---- malformed JSON on create: 400, transformDecodeError with encoding/json's texts ----
  { name: 'truncated object', method: 'POST', path: CM, body: b.truncated, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', 'unexpected end of JSON input', b.truncated) },
  { name: 'garbage after {', method: 'POST', path: CM, body: b.bad, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', "invalid character 'b' looking for beginning of object key string", b.bad) },
  { name: 'trailing comma', method: 'POST', path: CM, body: b.trailingComma, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', "invalid character '}' looking for beginning of object key string", b.trailingComma) },
  { name: 'missing colon', method: 'POST', path: CM, body: b.missingColon, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', "invalid character '{' after object key", b.missingColon) },
  { name: 'missing comma', method: 'POST', path: CM, body: b.missingComma, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', 'invalid character \'"\' after object key:value pair', b.missingComma) },
  { name: 'misspelled literal', method: 'POST', path: CM, body: b.badLiteral, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', "invalid character '}' in literal true (expecting 'e')", b.badLiteral) },
  { name: 'garbage after the top-level value', method: 'POST', path: CM, body: b.trailingGarbage, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', "invalid character '}' after top-level value", b.trailingGarbage) },
  { name: 'bad string escape', method: 'POST', path: CM, body: b.badEscape, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', "invalid character 'x' in string escape code", b.badEscape) },
  { name: 'raw control character in a string', method: 'POST', path: CM, body: b.controlChar, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', "invalid character '\\x01' in string literal", b.controlChar) },
  { name: 'single quotes', method: 'POST', path: CM, body: b.singleQuotes, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', "invalid character '\\'' looking for beginning of object key string", b.singleQuotes) },
  { name: 'empty body on create', method: 'POST', path: CM, body: '', expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', 'unexpected end of JSON input', '') },
  { name: 'no body at all on create', method: 'POST', path: CM, raw: true, headers: { 'Content-Type': 'application/json', 'Content-Length': '0' }, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', 'unexpected end of JSON input', '') },
  { name: 'whitespace-only body', method: 'POST', path: CM, body: b.whitespace, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', 'unexpected end of JSON input', b.whitespace) },
  { name: 'UTF-8 byte order mark', method: 'POST', path: CM, body: b.bom, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', "invalid character 'ï' looking for beginning of value", b.bom) },
  { name: 'NaN', method: 'POST', path: CM, body: b.nan, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', "invalid character 'N' looking for beginning of value", b.nan) },
  { name: 'leading zero', method: 'POST', path: CM, body: b.leadingZero, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', "invalid character '1' after object key:value pair", b.leadingZero) },
  { name: 'exponent without digits', method: 'POST', path: CM, body: b.badExponent, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', "invalid character '}' in exponent of numeric literal", b.badExponent) },
  { name: 'lone minus', method: 'POST', path: CM, body: b.loneMinus, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', "invalid character '}' in numeric literal", b.loneMinus) },
  { name: 'unterminated string', method: 'POST', path: CM, body: b.unterminated, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', 'unexpected end of JSON input', b.unterminated) },
  { name: 'malformed JSON on update', method: 'PUT', path: `${CM}/cm1`, body: b.bad, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', "invalid character 'b' looking for beginning of object key string", b.bad) },
  { name: 'malformed JSON for a Namespace', method: 'POST', path: '/api/v1/namespaces', body: b.truncated, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('Namespace', 'unexpected end of JSON input', b.truncated) },
  { name: 'malformed JSON for a Deployment', method: 'POST', path: DEPLOY, body: b.bad, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('Deployment', "invalid character 'b' looking for beginning of object key string", b.bad) },
  { name: 'malformed YAML: unclosed flow sequence', method: 'POST', path: CM, headers: yaml, body: 'metadata:\n  name: y1\ndata: [\n', expectCode: 400, expectReason: 'BadRequest', expectMessage: /^the object provided is unrecognized \(must be of type ConfigMap\): error converting YAML to JSON: yaml: / },
  { name: 'malformed YAML: unclosed flow mapping', method: 'POST', path: CM, headers: yaml, body: 'metadata: {name: y2\n', expectCode: 400, expectReason: 'BadRequest', expectMessage: /^the object provided is unrecognized \(must be of type ConfigMap\): error converting YAML to JSON: yaml: / },
  { name: 'malformed YAML: tab indentation', method: 'POST', path: CM, headers: yaml, body: 'metadata:\n\tname: y3\n', expectCode: 400, expectReason: 'BadRequest', expectMessage: /^the object provided is unrecognized \(must be of type ConfigMap\): error converting YAML to JSON: yaml: / },
  { name: 'malformed YAML: unknown alias', method: 'POST', path: CM, headers: yaml, body: 'metadata: {name: y4}\ndata: *nothere\n', expectCode: 400, expectReason: 'BadRequest', expectMessage: /^the object provided is unrecognized \(must be of type ConfigMap\): error converting YAML to JSON: yaml: unknown anchor 'nothere' referenced/ },

  // ---- non-object JSON bodies ----
  { name: 'array body', method: 'POST', path: CM, body: b.array, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', `json: cannot unmarshal array into Go value of type ${findKindType}`, b.array) },
  { name: 'array of objects body', method: 'POST', path: CM, body: b.arrayOfObjects, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', `json: cannot unmarshal array into Go value of type ${findKindType}`, b.arrayOfObjects) },
  { name: 'string body', method: 'POST', path: CM, body: b.string, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', `json: cannot unmarshal string into Go value of type ${findKindType}`, b.string) },
  { name: 'number body', method: 'POST', path: CM, body: b.number, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', `json: cannot unmarshal number into Go value of type ${findKindType}`, b.number) },
  { name: 'float body', method: 'POST', path: CM, body: b.float, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', `json: cannot unmarshal number into Go value of type ${findKindType}`, b.float) },
  { name: 'true body', method: 'POST', path: CM, body: b.true, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', `json: cannot unmarshal bool into Go value of type ${findKindType}`, b.true) },
  { name: 'false body', method: 'POST', path: CM, body: b.false, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', `json: cannot unmarshal bool into Go value of type ${findKindType}`, b.false) },
  // null decodes to an empty ConfigMap in Go: it fails validation, not decoding.
  { name: 'null body', method: 'POST', path: CM, body: 'null', expectCode: 422, expectReason: 'Invalid', expectMessage: 'ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required', expectCauses: [{ field: 'metadata.name', reason: 'FieldValueRequired' }] },
  { name: 'empty object body', method: 'POST', path: CM, body: '{}', expectCode: 422, expectReason: 'Invalid', expectMessage: 'ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required', expectCauses: [{ field: 'metadata.name', reason: 'FieldValueRequired' }] },
  { name: 'metadata: null', method: 'POST', path: CM, body: '{"metadata":null}', expectCode: 422, expectReason: 'Invalid', expectCauses: [{ field: 'metadata.name', reason: 'FieldValueRequired' }] },
  { name: 'array body for a Namespace', method: 'POST', path: '/api/v1/namespaces', body: b.array, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('Namespace', `json: cannot unmarshal array into Go value of type ${findKindType}`, b.array) },
  { name: 'string body for a Deployment', method: 'POST', path: DEPLOY, body: b.string, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('Deployment', `json: cannot unmarshal string into Go value of type ${findKindType}`, b.string) },
  { name: 'array body on update', method: 'PUT', path: `${CM}/cm1`, body: b.array, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', `json: cannot unmarshal array into Go value of type ${findKindType}`, b.array) },
  { name: 'empty body on update', method: 'PUT', path: `${CM}/cm1`, body: '', expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', 'unexpected end of JSON input', '') },

  // ---- wrong kind or apiVersion for the URL ----
  { name: 'kind Secret on the configmaps URL', method: 'POST', path: CM, body: JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'k1' } }), expectCode: 400, expectReason: 'BadRequest', expectMessage: cannotHandle('Secret', 'v1', 'ConfigMap', 'converting (v1.Secret) to (core.ConfigMap): unknown conversion') },
  { name: 'unregistered kind', method: 'POST', path: CM, body: JSON.stringify({ apiVersion: 'v1', kind: 'Foo', metadata: { name: 'k2' } }), expectCode: 400, expectReason: 'BadRequest', expectMessage: /^Foo in version "v1" cannot be handled as a ConfigMap: no kind "Foo" is registered for version "v1" in scheme "/ },
  { name: 'kind in lower case', method: 'POST', path: CM, body: JSON.stringify({ apiVersion: 'v1', kind: 'configmap', metadata: { name: 'k3' } }), expectCode: 400, expectReason: 'BadRequest', expectMessage: /^configmap in version "v1" cannot be handled as a ConfigMap: no kind "configmap" is registered for version "v1" in scheme "/ },
  { name: 'ConfigMap in apps/v1', method: 'POST', path: CM, body: JSON.stringify({ apiVersion: 'apps/v1', kind: 'ConfigMap', metadata: { name: 'k4' } }), expectCode: 400, expectReason: 'BadRequest', expectMessage: /^ConfigMap in version "v1" cannot be handled as a ConfigMap: no kind "ConfigMap" is registered for version "apps\/v1" in scheme "/ },
  { name: 'ConfigMap in v2', method: 'POST', path: CM, body: JSON.stringify({ apiVersion: 'v2', kind: 'ConfigMap', metadata: { name: 'k5' } }), expectCode: 400, expectReason: 'BadRequest', expectMessage: /^ConfigMap in version "v2" cannot be handled as a ConfigMap: no kind "ConfigMap" is registered for version "v2" in scheme "/ },
  { name: 'Deployment on the configmaps URL', method: 'POST', path: CM, body: JSON.stringify(deployment('k6')), expectCode: 400, expectReason: 'BadRequest', expectMessage: cannotHandle('Deployment', 'v1', 'ConfigMap', 'converting (v1.Deployment) to (core.ConfigMap): unknown conversion') },
  { name: 'Pod on the namespaces URL', method: 'POST', path: '/api/v1/namespaces', body: JSON.stringify(pod('k7')), expectCode: 400, expectReason: 'BadRequest', expectMessage: cannotHandle('Pod', 'v1', 'Namespace', 'converting (v1.Pod) to (core.Namespace): unknown conversion') },
  { name: 'malformed apiVersion', method: 'POST', path: CM, body: b.gv, expectCode: 400, expectReason: 'BadRequest', expectMessage: unrecognized('ConfigMap', 'unexpected GroupVersion string: a/b/c', b.gv) },
  { name: 'numeric apiVersion', method: 'POST', path: CM, body: b.gvNumber, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', 'json: cannot unmarshal number into Go struct field .apiVersion of type string', b.gvNumber) },
  { name: 'numeric kind', method: 'POST', path: CM, body: b.kindNumber, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', 'json: cannot unmarshal number into Go struct field .kind of type string', b.kindNumber) },
  { name: 'autoscaling/v2 body on the autoscaling/v1 URL', method: 'POST', path: `/apis/autoscaling/v1/namespaces/${NS}/horizontalpodautoscalers`, body: JSON.stringify({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h1' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'd1', apiVersion: 'apps/v1' }, maxReplicas: 2 } }), expectCode: 400, expectReason: 'BadRequest', expectMessage: 'the API version in the data (autoscaling/v2) does not match the expected API version (autoscaling/v1)' },
  { name: 'events.k8s.io Event on the core events URL', method: 'POST', path: `/api/v1/namespaces/${NS}/events`, body: JSON.stringify({ apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'e1' } }), expectCode: 400, expectReason: 'BadRequest', expectMessage: 'the API version in the data (events.k8s.io/v1) does not match the expected API version (v1)' },
  { name: 'kind Secret on update', method: 'PUT', path: `${CM}/cm1`, body: JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'cm1' } }), expectCode: 400, expectReason: 'BadRequest', expectMessage: cannotHandle('Secret', 'v1', 'ConfigMap', 'converting (v1.Secret) to (core.ConfigMap): unknown conversion') },
  { name: 'kind Secret on pods/status', method: 'PUT', path: `${PODS}/p-status/status`, body: JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'p-status' }, status: { phase: 'Running' } }), expectCode: 400, expectReason: 'BadRequest', expectMessage: cannotHandle('Secret', 'v1', 'Pod', 'converting (v1.Secret) to (core.Pod): unknown conversion') },
  { name: 'kind Secret on pods/binding', method: 'POST', path: `${PODS}/p-bind/binding`, body: JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'p-bind' }, target: { kind: 'Node', name: 'n1' } }), expectCode: 400, expectReason: 'BadRequest', expectMessage: cannotHandle('Secret', 'v1', 'Binding', 'converting (v1.Secret) to (core.Binding): unknown conversion') },

  // ---- body name or namespace different from the URL ----
  { name: 'create: body namespace differs from the URL', method: 'POST', path: CM, body: cm({ name: 'ns1', namespace: 'kube-system' }), expectCode: 400, expectReason: 'BadRequest', expectMessage: 'the namespace of the provided object does not match the namespace sent on the request' },
  { name: 'update: body namespace differs from the URL', method: 'PUT', path: `${CM}/cm1`, body: cm({ name: 'cm1', namespace: 'default' }), expectCode: 400, expectReason: 'BadRequest', expectMessage: 'the namespace of the provided object does not match the namespace sent on the request' },
  { name: 'update: body name differs from the URL', method: 'PUT', path: `${CM}/cm1`, body: cm({ name: 'other' }), expectCode: 400, expectReason: 'BadRequest', expectMessage: 'the name of the object (other) does not match the name on the URL (cm1)' },
  { name: 'update: body without a name', method: 'PUT', path: `${CM}/cm-noname`, body: cm({}, { data: { changed: 'yes' } }), expectCode: 400, expectReason: 'BadRequest', expectMessage: 'the name of the object () does not match the name on the URL (cm-noname)' },
  { name: 'merge patch renames the object', method: 'PATCH', path: `${CM}/cm1`, headers: merge, body: '{"metadata":{"name":"zz"}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: 'the name of the object (zz) does not match the name on the URL (cm1)' },
  { name: 'JSON patch renames the object', method: 'PATCH', path: `${CM}/cm1`, headers: jsonPatch, body: '[{"op":"replace","path":"/metadata/name","value":"zz"}]', expectCode: 400, expectReason: 'BadRequest', expectMessage: 'the name of the object (zz) does not match the name on the URL (cm1)' },
  { name: 'merge patch moves the namespace', method: 'PATCH', path: `${CM}/cm1`, headers: merge, body: '{"metadata":{"namespace":"default"}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: `the namespace of the object (default) does not match the namespace on the request (${NS})` },
  { name: 'pods/status: body name differs', method: 'PUT', path: `${PODS}/p-status/status`, body: JSON.stringify({ ...pod('other'), status: { phase: 'Running' } }), expectCode: 400, expectReason: 'BadRequest', expectMessage: 'the name of the object (other) does not match the name on the URL (p-status)' },
  { name: 'binding without a name', method: 'POST', path: `${PODS}/p-bind/binding`, body: '{"target":{"kind":"Node","name":"n1"}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: 'name in URL does not match name in Binding object' },
  { name: 'binding for another pod', method: 'POST', path: `${PODS}/p-bind/binding`, body: '{"metadata":{"name":"other"},"target":{"kind":"Node","name":"n1"}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: 'name in URL does not match name in Binding object' },
  { name: 'eviction for another pod', method: 'POST', path: `${PODS}/p-evict/eviction`, body: '{"apiVersion":"policy/v1","kind":"Eviction","metadata":{"name":"other"}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: 'name in URL does not match name in Eviction object' },
  { name: 'namespaces/finalize without a name', method: 'PUT', path: '/api/v1/namespaces/bad-fin/finalize', body: '{"spec":{"finalizers":[]}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: 'the name of the object () does not match the name on the URL (bad-fin)' },

  // ---- invalid names, labels and other metadata: 422 with causes ----
  { name: 'name with upper case and underscore', method: 'POST', path: CM, body: cm({ name: 'Bad_Name' }), expectCode: 422, expectReason: 'Invalid', expectMessage: `ConfigMap "Bad_Name" is invalid: metadata.name: ${rfc1123Subdomain('Bad_Name')}`, expectCauses: [{ field: 'metadata.name', reason: 'FieldValueInvalid' }], expectDetails: { name: 'Bad_Name', kind: 'ConfigMap' } },
  { name: 'name of 254 characters', method: 'POST', path: CM, body: cm({ name: 'a'.repeat(254) }), expectCode: 422, expectReason: 'Invalid', expectMessage: /metadata\.name: Invalid value: "a{254}": must be no more than 253 characters$/, expectCauses: [{ field: 'metadata.name', reason: 'FieldValueInvalid' }] },
  { name: 'name starting with a dash', method: 'POST', path: CM, body: cm({ name: '-a' }), expectCode: 422, expectReason: 'Invalid', expectMessage: `ConfigMap "-a" is invalid: metadata.name: ${rfc1123Subdomain('-a')}` },
  { name: 'name with an empty DNS label', method: 'POST', path: CM, body: cm({ name: 'a..b' }), expectCode: 422, expectReason: 'Invalid', expectCauses: [{ field: 'metadata.name' }] },
  { name: 'name with a space', method: 'POST', path: CM, body: cm({ name: 'a b' }), expectCode: 422, expectReason: 'Invalid', expectCauses: [{ field: 'metadata.name' }] },
  { name: 'name with a slash', method: 'POST', path: CM, body: cm({ name: 'a/b' }), expectCode: 422, expectReason: 'Invalid', expectCauses: [{ field: 'metadata.name' }] },
  { name: 'name ".."', method: 'POST', path: CM, body: cm({ name: '..' }), expectCode: 422, expectReason: 'Invalid', expectCauses: [{ field: 'metadata.name' }] },
  { name: 'Namespace name that is not an RFC 1123 label', method: 'POST', path: '/api/v1/namespaces', body: JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'Bad.NS' } }), expectCode: 422, expectReason: 'Invalid', expectMessage: `Namespace "Bad.NS" is invalid: metadata.name: ${rfc1123Label('Bad.NS')}`, expectCauses: [{ field: 'metadata.name', reason: 'FieldValueInvalid' }] },
  { name: 'Deployment with an invalid name', method: 'POST', path: DEPLOY, body: JSON.stringify(deployment('Bad_D')), expectCode: 422, expectReason: 'Invalid', expectMessage: /^Deployment\.apps "Bad_D" is invalid: /, expectCauses: [{ field: 'metadata.name' }], expectDetails: { group: 'apps', kind: 'Deployment' } },
  { name: 'invalid generateName', method: 'POST', path: CM, body: cm({ generateName: 'Bad_' }), expectCode: 422, expectReason: 'Invalid', expectCauses: [{ field: 'metadata.generateName', reason: 'FieldValueInvalid' }] },
  { name: 'label key with a space', method: 'POST', path: CM, body: cm({ name: 'l1', labels: { 'a b': 'c' } }), expectCode: 422, expectReason: 'Invalid', expectMessage: `ConfigMap "l1" is invalid: metadata.labels: ${labelNamePart('a b')}`, expectCauses: [{ field: 'metadata.labels', reason: 'FieldValueInvalid' }] },
  { name: 'label value of 64 characters', method: 'POST', path: CM, body: cm({ name: 'l2', labels: { a: 'x'.repeat(64) } }), expectCode: 422, expectReason: 'Invalid', expectMessage: `ConfigMap "l2" is invalid: metadata.labels: Invalid value: "${'x'.repeat(64)}": must be no more than 63 characters`, expectCauses: [{ field: 'metadata.labels' }] },
  { name: 'label value starting with a dash', method: 'POST', path: CM, body: cm({ name: 'l3', labels: { a: '-x' } }), expectCode: 422, expectReason: 'Invalid', expectCauses: [{ field: 'metadata.labels' }] },
  { name: 'label key with a bad prefix', method: 'POST', path: CM, body: cm({ name: 'l4', labels: { 'Bad_Prefix/a': 'x' } }), expectCode: 422, expectReason: 'Invalid', expectCauses: [{ field: 'metadata.labels' }] },
  { name: 'label key name part of 64 characters', method: 'POST', path: CM, body: cm({ name: 'l5', labels: { ['k'.repeat(64)]: 'x' } }), expectCode: 422, expectReason: 'Invalid', expectMessage: `ConfigMap "l5" is invalid: metadata.labels: Invalid value: "${'k'.repeat(64)}": name part must be no more than 63 characters`, expectCauses: [{ field: 'metadata.labels' }] },
  { name: 'empty label key', method: 'POST', path: CM, body: cm({ name: 'l6', labels: { '': 'x' } }), expectCode: 422, expectReason: 'Invalid', expectCauses: [{ field: 'metadata.labels' }] },
  { name: 'annotation key with a space', method: 'POST', path: CM, body: cm({ name: 'a1', annotations: { 'a b': 'c' } }), expectCode: 422, expectReason: 'Invalid', expectCauses: [{ field: 'metadata.annotations', reason: 'FieldValueInvalid' }] },
  { name: 'annotations over 256 KiB', method: 'POST', path: CM, body: cm({ name: 'a2', annotations: { a: 'x'.repeat(262145) } }), expectCode: 422, expectReason: 'Invalid', expectCauses: [{ field: 'metadata.annotations', reason: 'FieldValueTooLong' }] },
  { name: 'finalizer with a space', method: 'POST', path: CM, body: cm({ name: 'f1', finalizers: ['a b'] }), expectCode: 422, expectReason: 'Invalid', expectCauses: [{ field: 'metadata.finalizers' }] },
  { name: 'ConfigMap data key with a space', method: 'POST', path: CM, body: cm({ name: 'dk1' }, { data: { 'a b': 'x' } }), expectCode: 422, expectReason: 'Invalid', expectCauses: [{ field: 'data[a b]', reason: 'FieldValueInvalid' }] },
  { name: 'merge patch adds an invalid label', method: 'PATCH', path: `${CM}/cm1`, headers: merge, body: '{"metadata":{"labels":{"-bad":"x"}}}', expectCode: 422, expectReason: 'Invalid', expectCauses: [{ field: 'metadata.labels' }] },
  { name: 'invalid UTF-8 in the name', method: 'POST', path: CM, raw: true, headers: { 'Content-Type': 'application/json' }, body: Buffer.concat([Buffer.from('{"metadata":{"name":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}}')]), expectCode: 422, expectReason: 'Invalid', expectMessage: /^ConfigMap "\uFFFD\uFFFD" is invalid: metadata\.name: Invalid value: "\uFFFD\uFFFD": a lowercase RFC 1123 subdomain/ },
  { name: 'invalid UTF-8 in a label key', method: 'POST', path: CM, raw: true, headers: { 'Content-Type': 'application/json' }, body: Buffer.concat([Buffer.from('{"metadata":{"name":"u8","labels":{"a'), Buffer.from([0xc3, 0x28]), Buffer.from('":"x"}}}')]), expectCode: 422, expectReason: 'Invalid', expectCauses: [{ field: 'metadata.labels' }] },

  // ---- fields of the wrong JSON type: 400 from the typed decoder, never a 500 ----
  { name: 'metadata.name is a number', method: 'POST', path: CM, body: '{"metadata":{"name":5}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('ConfigMap', 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type string') },
  { name: 'metadata.name is an array', method: 'POST', path: CM, body: '{"metadata":{"name":["a"]}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('ConfigMap', 'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.name of type string') },
  { name: 'metadata.name is an object', method: 'POST', path: CM, body: '{"metadata":{"name":{}}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('ConfigMap', 'json: cannot unmarshal object into Go struct field ObjectMeta.metadata.name of type string') },
  { name: 'metadata.name is a bool', method: 'POST', path: CM, body: '{"metadata":{"name":true}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('ConfigMap', 'json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.name of type string') },
  { name: 'label value is a number', method: 'POST', path: CM, body: '{"metadata":{"name":"tl1","labels":{"a":5}}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('ConfigMap', 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string') },
  { name: 'labels is an array', method: 'POST', path: CM, body: '{"metadata":{"name":"tl2","labels":["a"]}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('ConfigMap', 'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string') },
  { name: 'annotation value is a number', method: 'POST', path: CM, body: '{"metadata":{"name":"tl3","annotations":{"a":5}}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('ConfigMap', 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.annotations of type string') },
  { name: 'generateName is a number', method: 'POST', path: CM, body: '{"metadata":{"generateName":5}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('ConfigMap', 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.generateName of type string') },
  { name: 'a finalizer is a number', method: 'POST', path: CM, body: '{"metadata":{"name":"tl4","finalizers":[5]}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('ConfigMap', 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.finalizers of type string') },
  { name: 'finalizers is a string', method: 'POST', path: CM, body: '{"metadata":{"name":"tl5","finalizers":"x"}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('ConfigMap', 'json: cannot unmarshal string into Go struct field ObjectMeta.metadata.finalizers of type []string') },
  { name: 'metadata is an array', method: 'POST', path: CM, body: '{"metadata":[]}', expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('ConfigMap', 'json: cannot unmarshal array into Go struct field ConfigMap.metadata of type v1.ObjectMeta') },
  { name: 'managedFields is a string', method: 'POST', path: CM, body: '{"metadata":{"name":"tl6","managedFields":"x"}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('ConfigMap', 'json: cannot unmarshal string into Go struct field ObjectMeta.metadata.managedFields of type []v1.ManagedFieldsEntry') },
  { name: 'resourceVersion is a number', method: 'POST', path: CM, body: '{"metadata":{"name":"tl7","resourceVersion":5}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('ConfigMap', 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.resourceVersion of type string') },
  { name: 'creationTimestamp is not a time', method: 'POST', path: CM, body: '{"metadata":{"name":"tl8","creationTimestamp":"garbage"}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: /^ConfigMap in version "v1" cannot be handled as a ConfigMap: parsing time "garbage"/ },
  { name: 'deletionTimestamp is a number', method: 'POST', path: CM, body: '{"metadata":{"name":"tl9","deletionTimestamp":5}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: /^ConfigMap in version "v1" cannot be handled as a ConfigMap: .*cannot unmarshal number/ },
  { name: 'ConfigMap data value is a number', method: 'POST', path: CM, body: cm({ name: 'td1' }, { data: { a: 1 } }), expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('ConfigMap', 'json: cannot unmarshal number into Go struct field ConfigMap.data of type string') },
  { name: 'ConfigMap data is a string', method: 'POST', path: CM, body: cm({ name: 'td2' }, { data: 'x' }), expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('ConfigMap', 'json: cannot unmarshal string into Go struct field ConfigMap.data of type map[string]string') },
  { name: 'ConfigMap immutable is a string', method: 'POST', path: CM, body: cm({ name: 'td3' }, { immutable: 'yes' }), expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('ConfigMap', 'json: cannot unmarshal string into Go struct field ConfigMap.immutable of type bool') },
  { name: 'ConfigMap binaryData is not base64', method: 'POST', path: CM, body: cm({ name: 'td4' }, { binaryData: { a: '!!!' } }), expectCode: 400, expectReason: 'BadRequest', expectMessage: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: illegal base64 data at input byte 0' },
  { name: 'Secret data is not base64', method: 'POST', path: `/api/v1/namespaces/${NS}/secrets`, body: '{"metadata":{"name":"ts1"},"data":{"a":"!!!"}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: 'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 0' },
  { name: 'Secret data value is a number', method: 'POST', path: `/api/v1/namespaces/${NS}/secrets`, body: '{"metadata":{"name":"ts2"},"data":{"a":5}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('Secret', 'json: cannot unmarshal number into Go struct field Secret.data of type []uint8') },
  { name: 'Pod spec is a string', method: 'POST', path: PODS, body: '{"metadata":{"name":"tp1"},"spec":"x"}', expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('Pod', 'json: cannot unmarshal string into Go struct field Pod.spec of type v1.PodSpec') },
  { name: 'Pod containers is a string', method: 'POST', path: PODS, body: '{"metadata":{"name":"tp2"},"spec":{"containers":"x"}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('Pod', 'json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type []v1.Container') },
  { name: 'a Pod container is a number', method: 'POST', path: PODS, body: '{"metadata":{"name":"tp3"},"spec":{"containers":[5]}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('Pod', 'json: cannot unmarshal number into Go struct field PodSpec.spec.containers of type v1.Container') },
  { name: 'Service spec is a string', method: 'POST', path: `/api/v1/namespaces/${NS}/services`, body: '{"metadata":{"name":"tsv1"},"spec":"x"}', expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('Service', 'json: cannot unmarshal string into Go struct field Service.spec of type v1.ServiceSpec') },
  { name: 'Service port is a string', method: 'POST', path: `/api/v1/namespaces/${NS}/services`, body: '{"metadata":{"name":"tsv2"},"spec":{"ports":[{"port":"x"}]}}', expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('Service', 'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32') },
  { name: 'merge patch sets a ConfigMap value to a number', method: 'PATCH', path: `${CM}/cm-patch-type`, headers: merge, body: '{"data":{"a":1}}', expectCode: 422, expectReason: 'Invalid', expectMessage: /cannot unmarshal number into Go struct field ConfigMap\.data of type string/ },
  { name: 'fieldValidation=Strict refuses an unknown field', method: 'POST', path: `${CM}?fieldValidation=Strict`, body: cm({ name: 'st1' }, { unknownField: 1 }), expectCode: 400, expectReason: 'BadRequest', expectMessage: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "unknownField"' },
  { name: 'fieldValidation=Strict refuses an unknown metadata field', method: 'POST', path: `${CM}?fieldValidation=Strict`, body: cm({ name: 'st2', bogus: 1 }), expectCode: 400, expectReason: 'BadRequest', expectMessage: 'ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "metadata.bogus"' },

  // ---- nesting and expansion bombs: refused, and fast ----
  { name: 'JSON array nested 10,001 deep', method: 'POST', path: CM, body: b.deepArray, maxMs: 2000, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', "invalid character '[' exceeded max depth", b.deepArray) },
  { name: 'JSON object nested 10,001 deep', method: 'POST', path: CM, body: b.deepObject, maxMs: 2000, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', "invalid character '{' exceeded max depth", b.deepObject) },
  { name: 'JSON nested 10,001 deep inside a valid object', method: 'POST', path: CM, body: b.deepInside, maxMs: 2000, expectCode: 400, expectReason: 'BadRequest', expectMessage: parseError('ConfigMap', "invalid character '[' exceeded max depth", b.deepInside) },
  { name: 'JSON nested 6,000 deep (under the limit) in a string field', method: 'POST', path: CM, body: cm({ name: 'deep6k' }, { data: { a: [] } }).replace('"a":[]', `"a":${nest('[', ']', 6000)}`), maxMs: 2000, expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('ConfigMap', 'json: cannot unmarshal array into Go struct field ConfigMap.data of type string') },
  { name: 'update nested 10,001 deep', method: 'PUT', path: `${CM}/cm1`, body: b.deepArray, maxMs: 2000, expectCode: 400, expectReason: 'BadRequest' },
  { name: 'merge patch nested 10,001 deep', method: 'PATCH', path: `${CM}/cm1`, headers: merge, body: `{"data":${b.deepObject}}`, maxMs: 2000, expectCode: 400, expectReason: 'BadRequest' },
  { name: 'strategic merge patch nested 10,001 deep', method: 'PATCH', path: `${CM}/cm1`, headers: smp, body: `{"data":${b.deepObject}}`, maxMs: 2000, expectCode: 400, expectReason: 'BadRequest' },
  { name: 'JSON patch value nested 10,001 deep', method: 'PATCH', path: `${CM}/cm1`, headers: jsonPatch, body: `[{"op":"add","path":"/data/x","value":${b.deepArray}}]`, maxMs: 2000, expectCode: 400, expectReason: 'BadRequest' },
  { name: 'merge patch nested 6,000 deep (under the limit)', method: 'PATCH', path: `${CM}/cm1`, headers: merge, body: `{"data":{"a":${nest('[', ']', 6000)}}}`, maxMs: 2000, expectCode: [400, 422] },
  { name: 'JSON patch value nested 6,000 deep (under the limit)', method: 'PATCH', path: `${CM}/cm1`, headers: jsonPatch, body: `[{"op":"add","path":"/data/x","value":${nest('[', ']', 6000)}}]`, maxMs: 2000, expectCode: [400, 422] },
  { name: 'YAML alias bomb (billion laughs)', method: 'POST', path: CM, headers: yaml, body: billionLaughs, maxMs: 2000, expectCode: 400, expectReason: 'BadRequest', expectMessage: /^the object provided is unrecognized \(must be of type ConfigMap\): error converting YAML to JSON: yaml: document contains excessive aliasing/ },
  { name: 'YAML alias bomb on update', method: 'PUT', path: `${CM}/cm1`, headers: yaml, body: billionLaughs, maxMs: 2000, expectCode: 400, expectReason: 'BadRequest' },
  { name: 'YAML nested 10,001 deep', method: 'POST', path: CM, headers: yaml, body: `metadata: {name: deepyaml}\ndata: ${nest('[', ']', 10001)}\n`, maxMs: 2000, expectCode: 400, expectReason: 'BadRequest', expectMessage: /error converting YAML to JSON: yaml: .*exceeded max depth of 10000/ },
  { name: 'YAML nested 5,000 deep (under the limit) in a string field', method: 'POST', path: CM, headers: yaml, body: `metadata: {name: deepyaml5k}\ndata: {a: ${nest('[', ']', 5000)}}\n`, maxMs: 2000, expectCode: 400, expectReason: 'BadRequest', expectMessage: typeError('ConfigMap', 'json: cannot unmarshal array into Go struct field ConfigMap.data of type string') },

  // ---- unknown resources and objects: 404 ----
  { name: 'unknown resource', method: 'GET', path: `/api/v1/namespaces/${NS}/foos`, expectCode: 404, expectReason: 'NotFound', expectMessage: notFoundGeneric, expectDetails: {} },
  { name: 'create of an unknown resource', method: 'POST', path: `/api/v1/namespaces/${NS}/foos`, body: '{"metadata":{"name":"x"}}', expectCode: 404, expectReason: 'NotFound', expectMessage: notFoundGeneric },
  { name: 'unknown group', method: 'GET', path: `/apis/nogroup.example.com/v1/namespaces/${NS}/foos`, expectCode: 404, expectReason: 'NotFound', expectMessage: notFoundGeneric },
  { name: 'unknown core version', method: 'GET', path: `/api/v2/namespaces/${NS}/configmaps`, expectCode: 404, expectReason: 'NotFound', expectMessage: notFoundGeneric },
  { name: 'version no longer served', method: 'POST', path: `/apis/apps/v1beta1/namespaces/${NS}/deployments`, body: JSON.stringify(deployment('old')), expectCode: 404, expectReason: 'NotFound', expectMessage: notFoundGeneric },
  { name: 'core resource under a named group', method: 'GET', path: `/apis/apps/v1/namespaces/${NS}/configmaps`, expectCode: 404, expectReason: 'NotFound', expectMessage: notFoundGeneric },
  { name: 'unknown subresource', method: 'GET', path: `${CM}/cm1/foo`, expectCode: 404, expectReason: 'NotFound', expectMessage: notFoundGeneric },
  { name: 'status of a resource without status', method: 'GET', path: `${CM}/cm1/status`, expectCode: 404, expectReason: 'NotFound', expectMessage: notFoundGeneric },
  { name: 'too many path segments', method: 'GET', path: `${CM}/cm1/a/b`, expectCode: 404, expectReason: 'NotFound', expectMessage: notFoundGeneric },
  { name: 'missing object', method: 'GET', path: `${CM}/nope`, expectCode: 404, expectReason: 'NotFound', expectMessage: 'configmaps "nope" not found', expectDetails: { name: 'nope', kind: 'configmaps' } },
  { name: 'missing object in a named group', method: 'GET', path: `${DEPLOY}/nope`, expectCode: 404, expectReason: 'NotFound', expectMessage: 'deployments.apps "nope" not found', expectDetails: { name: 'nope', group: 'apps', kind: 'deployments' } },
  { name: 'update of a missing object', method: 'PUT', path: `${CM}/nope`, body: cm({ name: 'nope' }), expectCode: 404, expectReason: 'NotFound', expectMessage: 'configmaps "nope" not found' },
  { name: 'patch of a missing object', method: 'PATCH', path: `${CM}/nope`, headers: merge, body: '{}', expectCode: 404, expectReason: 'NotFound', expectMessage: 'configmaps "nope" not found' },
  { name: 'delete of a missing object', method: 'DELETE', path: `${CM}/nope`, expectCode: 404, expectReason: 'NotFound', expectMessage: 'configmaps "nope" not found' },
  { name: 'status of a missing pod', method: 'GET', path: `${PODS}/nope/status`, expectCode: 404, expectReason: 'NotFound', expectMessage: 'pods "nope" not found' },
  { name: 'scale of a missing deployment', method: 'GET', path: `${DEPLOY}/nope/scale`, expectCode: 404, expectReason: 'NotFound', expectMessage: 'deployments.apps "nope" not found' },
  { name: 'namespaced object by name without a namespace', method: 'GET', path: '/api/v1/configmaps/cm1', expectCode: 404, expectReason: 'NotFound', expectMessage: notFoundGeneric },

  // ---- missing namespace: 404 namespaces "x" not found ----
  { name: 'ConfigMap in a missing namespace', method: 'POST', path: '/api/v1/namespaces/nope/configmaps', body: cm({ name: 'x' }), expectCode: 404, expectReason: 'NotFound', expectMessage: 'namespaces "nope" not found', expectDetails: { name: 'nope', kind: 'namespaces' } },
  { name: 'Pod in a missing namespace', method: 'POST', path: '/api/v1/namespaces/nope/pods', body: JSON.stringify(pod('x')), expectCode: 404, expectReason: 'NotFound', expectMessage: 'namespaces "nope" not found' },
  { name: 'Deployment in a missing namespace', method: 'POST', path: '/apis/apps/v1/namespaces/nope/deployments', body: JSON.stringify(deployment('x')), expectCode: 404, expectReason: 'NotFound', expectMessage: 'namespaces "nope" not found' },
  { name: 'dry-run create in a missing namespace', method: 'POST', path: '/api/v1/namespaces/nope/configmaps?dryRun=All', body: cm({ name: 'x' }), expectCode: 404, expectReason: 'NotFound', expectMessage: 'namespaces "nope" not found' },
  { name: 'create-on-update in a missing namespace', method: 'PUT', path: '/api/v1/namespaces/nope/endpoints/e1', body: '{"metadata":{"name":"e1"}}', expectCode: 404, expectReason: 'NotFound', expectMessage: 'namespaces "nope" not found' },
  { name: 'missing namespace object', method: 'GET', path: '/api/v1/namespaces/nope', expectCode: 404, expectReason: 'NotFound', expectMessage: 'namespaces "nope" not found' },

  // ---- existing name: 409 AlreadyExists ----
  { name: 'ConfigMap that exists', method: 'POST', path: CM, body: cm({ name: 'cm1' }), expectCode: 409, expectReason: 'AlreadyExists', expectMessage: 'configmaps "cm1" already exists', expectDetails: { name: 'cm1', kind: 'configmaps' } },
  { name: 'Namespace that exists', method: 'POST', path: '/api/v1/namespaces', body: JSON.stringify({ metadata: { name: NS } }), expectCode: 409, expectReason: 'AlreadyExists', expectMessage: `namespaces "${NS}" already exists` },
  { name: 'Deployment that exists', method: 'POST', path: DEPLOY, body: JSON.stringify(deployment('d1')), expectCode: 409, expectReason: 'AlreadyExists', expectMessage: 'deployments.apps "d1" already exists', expectDetails: { name: 'd1', group: 'apps', kind: 'deployments' } },
  { name: 'dry-run create of an existing name', method: 'POST', path: `${CM}?dryRun=All`, body: cm({ name: 'cm1' }), expectCode: 409, expectReason: 'AlreadyExists', expectMessage: 'configmaps "cm1" already exists' },

  // ---- stale resourceVersion and failed preconditions: 409 Conflict ----
  { name: 'update with a stale resourceVersion', method: 'PUT', path: `${CM}/cm1`, body: cm({ name: 'cm1', resourceVersion: '1' }, { data: { a: 'stale' } }), expectCode: 409, expectReason: 'Conflict', expectMessage: `Operation cannot be fulfilled on configmaps "cm1": ${optimisticLock}`, expectDetails: { name: 'cm1', kind: 'configmaps' } },
  { name: 'patch with a stale resourceVersion', method: 'PATCH', path: `${CM}/cm1`, headers: merge, body: '{"metadata":{"resourceVersion":"1"},"data":{"a":"stale"}}', expectCode: 409, expectReason: 'Conflict', expectMessage: `Operation cannot be fulfilled on configmaps "cm1": ${optimisticLock}` },
  { name: 'status update with a stale resourceVersion', method: 'PUT', path: `${PODS}/p-status/status`, body: JSON.stringify({ ...pod('p-status'), metadata: { name: 'p-status', resourceVersion: '1' }, status: { phase: 'Running' } }), expectCode: 409, expectReason: 'Conflict', expectMessage: `Operation cannot be fulfilled on pods "p-status": ${optimisticLock}` },
  { name: 'delete with a stale resourceVersion precondition', method: 'DELETE', path: `${CM}/cm1`, body: '{"preconditions":{"resourceVersion":"1"}}', expectCode: 409, expectReason: 'Conflict', expectMessage: /^Operation cannot be fulfilled on ConfigMap "cm1": the ResourceVersion in the precondition \(1\) does not match the ResourceVersion in record \(\d+\)\. The object might have been modified$/ },
  { name: 'delete with a wrong uid precondition', method: 'DELETE', path: `${CM}/cm1`, body: '{"preconditions":{"uid":"nope"}}', expectCode: 409, expectReason: 'Conflict', expectMessage: /^Operation cannot be fulfilled on ConfigMap "cm1": the UID in the precondition \(nope\) does not match the UID in record \([0-9a-f-]{36}\)\. The object might have been deleted and then recreated$/ },
  { name: 'update with a wrong uid', method: 'PUT', path: `${CM}/cm1`, body: cm({ name: 'cm1', uid: 'nope' }), expectCode: 409, expectReason: 'Conflict', expectMessage: /^Operation cannot be fulfilled on configmaps "cm1": .*Precondition failed: UID in precondition: nope, UID in object meta: / },

  // ---- unsupported media types: 415 ----
  { name: 'create as text/plain', method: 'POST', path: CM, headers: { 'Content-Type': 'text/plain' }, body: cm({ name: 'x' }), expectCode: 415, expectReason: 'UnsupportedMediaType', expectMessage: unsupportedMedia },
  { name: 'create as application/xml', method: 'POST', path: CM, headers: { 'Content-Type': 'application/xml' }, body: '<ConfigMap/>', expectCode: 415, expectReason: 'UnsupportedMediaType', expectMessage: unsupportedMedia },
  { name: 'create as a form (curl -d)', method: 'POST', path: CM, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: cm({ name: 'x' }), expectCode: 415, expectReason: 'UnsupportedMediaType', expectMessage: unsupportedMedia },
  { name: 'create with an unparseable Content-Type', method: 'POST', path: CM, headers: { 'Content-Type': 'garbage' }, body: cm({ name: 'x' }), expectCode: 415, expectReason: 'UnsupportedMediaType', expectMessage: unsupportedMedia },
  { name: 'create as CBOR (not enabled in 1.32)', method: 'POST', path: CM, headers: { 'Content-Type': 'application/cbor' }, body: cm({ name: 'x' }), expectCode: 415, expectReason: 'UnsupportedMediaType', expectMessage: unsupportedMedia },
  { name: 'update as text/plain', method: 'PUT', path: `${CM}/cm1`, headers: { 'Content-Type': 'text/plain' }, body: cm({ name: 'cm1' }), expectCode: 415, expectReason: 'UnsupportedMediaType', expectMessage: unsupportedMedia },
  { name: 'delete options as text/plain', method: 'DELETE', path: `${CM}/cm1`, headers: { 'Content-Type': 'text/plain' }, body: '{}', expectCode: 415, expectReason: 'UnsupportedMediaType', expectMessage: unsupportedMedia },
  { name: 'patch as application/json', method: 'PATCH', path: `${CM}/cm1`, headers: { 'Content-Type': 'application/json' }, body: '{"data":{"a":"2"}}', expectCode: 415, expectReason: 'UnsupportedMediaType', expectMessage: unsupportedPatch },
  { name: 'patch as text/plain', method: 'PATCH', path: `${CM}/cm1`, headers: { 'Content-Type': 'text/plain' }, body: '{}', expectCode: 415, expectReason: 'UnsupportedMediaType', expectMessage: unsupportedPatch },
  { name: 'patch without a Content-Type', method: 'PATCH', path: `${CM}/cm1`, raw: true, headers: { 'Content-Type': '' }, body: '{}', expectCode: 415, expectReason: 'UnsupportedMediaType', expectMessage: unsupportedPatch },
  { name: 'patch type in upper case (upstream compares exactly)', method: 'PATCH', path: `${CM}/cm-case`, headers: { 'Content-Type': 'APPLICATION/MERGE-PATCH+JSON' }, body: '{"data":{"z":"1"}}', expectCode: 415, expectReason: 'UnsupportedMediaType', expectMessage: unsupportedPatch },

  // ---- unsupported verbs: 405 ----
  { name: 'PUT on a collection', method: 'PUT', path: CM, body: cm({ name: 'x' }), expectCode: 405, expectReason: 'MethodNotAllowed', expectMessage: methodNotAllowed, expectDetails: {} },
  { name: 'PATCH on a collection', method: 'PATCH', path: CM, headers: merge, body: '{}', expectCode: 405, expectReason: 'MethodNotAllowed', expectMessage: methodNotAllowed },
  { name: 'POST to an object', method: 'POST', path: `${CM}/via-item-post`, body: cm({ name: 'via-item-post' }), expectCode: 405, expectReason: 'MethodNotAllowed', expectMessage: methodNotAllowed },
  { name: 'deletecollection of namespaces', method: 'DELETE', path: '/api/v1/namespaces', expectCode: 405, expectReason: 'MethodNotAllowed', expectMessage: methodNotAllowed },
  { name: 'GET pods/binding', method: 'GET', path: `${PODS}/p1/binding`, expectCode: 405, expectReason: 'MethodNotAllowed', expectMessage: methodNotAllowed },
  { name: 'DELETE pods/binding', method: 'DELETE', path: `${PODS}/p1/binding`, expectCode: 405, expectReason: 'MethodNotAllowed', expectMessage: methodNotAllowed },
  { name: 'PUT pods/eviction', method: 'PUT', path: `${PODS}/p1/eviction`, body: '{}', expectCode: 405, expectReason: 'MethodNotAllowed', expectMessage: methodNotAllowed },
  { name: 'DELETE pods/status', method: 'DELETE', path: `${PODS}/p1/status`, expectCode: 405, expectReason: 'MethodNotAllowed', expectMessage: methodNotAllowed },
  { name: 'POST pods/status', method: 'POST', path: `${PODS}/p1/status`, body: '{}', expectCode: 405, expectReason: 'MethodNotAllowed', expectMessage: methodNotAllowed },
  { name: 'PATCH namespaces/finalize', method: 'PATCH', path: `/api/v1/namespaces/${NS}/finalize`, headers: merge, body: '{}', expectCode: 405, expectReason: 'MethodNotAllowed', expectMessage: methodNotAllowed },
  { name: 'create without a namespace in the URL', method: 'POST', path: '/api/v1/configmaps', body: cm({ name: 'x', namespace: NS }), expectCode: 405, expectReason: 'MethodNotAllowed', expectMessage: methodNotAllowed },
  { name: 'deletecollection without a namespace in the URL', method: 'DELETE', path: '/api/v1/configmaps', expectCode: 405, expectReason: 'MethodNotAllowed', expectMessage: methodNotAllowed },
  { name: 'OPTIONS on a collection', method: 'OPTIONS', path: CM, expectCode: 405, expectReason: 'MethodNotAllowed', expectMessage: methodNotAllowed },
  { name: 'POST to a watch URL', method: 'POST', path: `/api/v1/watch/namespaces/${NS}/configmaps`, body: '{}', expectCode: 405, expectReason: 'MethodNotAllowed', expectMessage: methodNotAllowed, maxMs: 5000 },
  { name: 'POST /version', method: 'POST', path: '/version', body: '{}', expectCode: 405, expectReason: 'MethodNotAllowed', expectMessage: methodNotAllowed },
  { name: 'PUT /api', method: 'PUT', path: '/api', body: '{}', expectCode: 405, expectReason: 'MethodNotAllowed', expectMessage: methodNotAllowed },

  // ---- oversized bodies: 413 ----
  { name: 'create over 3 MiB', method: 'POST', path: CM, body: cm({ name: 'huge' }, { data: { a: big } }), expectCode: 413, expectReason: 'RequestEntityTooLarge', expectMessage: tooLarge },
  { name: 'update over 3 MiB', method: 'PUT', path: `${CM}/cm1`, body: cm({ name: 'cm1' }, { data: { a: big } }), expectCode: 413, expectReason: 'RequestEntityTooLarge', expectMessage: tooLarge },
  { name: 'patch over 3 MiB', method: 'PATCH', path: `${CM}/cm1`, headers: merge, body: JSON.stringify({ data: { a: big } }), expectCode: 413, expectReason: 'RequestEntityTooLarge', expectMessage: tooLarge },
  { name: 'delete options over 3 MiB', method: 'DELETE', path: `${CM}/cm1`, body: JSON.stringify({ kind: 'DeleteOptions', apiVersion: 'v1', pad: big }), expectCode: 413, expectReason: 'RequestEntityTooLarge', expectMessage: tooLarge },
  { name: 'chunked create over 3 MiB', method: 'POST', path: CM, raw: true, headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' }, body: chunked(cm({ name: 'huge2' }, { data: { a: big } })), expectCode: 413, expectReason: 'RequestEntityTooLarge', expectMessage: tooLarge },
  { name: 'JSON patch of 10,001 operations', method: 'PATCH', path: `${CM}/cm1`, headers: jsonPatch, body: JSON.stringify(Array.from({ length: 10001 }, () => ({ op: 'test', path: '/metadata/name', value: 'cm1' }))), expectCode: 413, expectReason: 'RequestEntityTooLarge', expectMessage: 'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001' },

  // ---- patch bodies that do not decode or apply ----
  { name: 'malformed merge patch', method: 'PATCH', path: `${CM}/cm1`, headers: merge, body: '{', expectCode: 400, expectReason: 'BadRequest' },
  { name: 'malformed strategic merge patch', method: 'PATCH', path: `${CM}/cm1`, headers: smp, body: '{"data":', expectCode: 400, expectReason: 'BadRequest' },
  { name: 'malformed JSON patch', method: 'PATCH', path: `${CM}/cm1`, headers: jsonPatch, body: '[{', expectCode: 400, expectReason: 'BadRequest' },
  { name: 'JSON patch that is an object', method: 'PATCH', path: `${CM}/cm1`, headers: jsonPatch, body: '{"op":"add"}', expectCode: 400, expectReason: 'BadRequest' },
  { name: 'merge patch that is an array', method: 'PATCH', path: `${CM}/cm1`, headers: merge, body: '[]', expectCode: 400, expectReason: 'BadRequest' },
  { name: 'strategic merge patch that is a string', method: 'PATCH', path: `${CM}/cm1`, headers: smp, body: '"x"', expectCode: 400, expectReason: 'BadRequest' },
  // evanphx/json-patch apply errors: NewGenericServerResponse(422, ...)
  { name: 'JSON patch with an unknown op', method: 'PATCH', path: `${CM}/cm1`, headers: jsonPatch, body: '[{"op":"bogus","path":"/data/a"}]', expectCode: 422, expectReason: 'Invalid', expectMessage: 'the server rejected our request due to an error in our request' },
  { name: 'JSON patch test that fails', method: 'PATCH', path: `${CM}/cm1`, headers: jsonPatch, body: '[{"op":"test","path":"/data/a","value":"nope"}]', expectCode: 422, expectReason: 'Invalid', expectMessage: 'the server rejected our request due to an error in our request' },
  { name: 'JSON patch removing a missing path', method: 'PATCH', path: `${CM}/cm1`, headers: jsonPatch, body: '[{"op":"remove","path":"/data/nothere"}]', expectCode: 422, expectReason: 'Invalid', expectMessage: 'the server rejected our request due to an error in our request' },

  // ---- cluster-scoped resources under a namespaced URL: 404 ----
  { name: 'nodes under a namespace', method: 'GET', path: `/api/v1/namespaces/${NS}/nodes`, expectCode: 404, expectReason: 'NotFound', expectMessage: notFoundGeneric },
  { name: 'a node under a namespace', method: 'GET', path: `/api/v1/namespaces/${NS}/nodes/n1`, expectCode: 404, expectReason: 'NotFound', expectMessage: notFoundGeneric },
  { name: 'create a node under a namespace', method: 'POST', path: `/api/v1/namespaces/${NS}/nodes`, body: '{"metadata":{"name":"n1"}}', expectCode: 404, expectReason: 'NotFound', expectMessage: notFoundGeneric },
  { name: 'clusterroles under a namespace', method: 'GET', path: `/apis/rbac.authorization.k8s.io/v1/namespaces/${NS}/clusterroles`, expectCode: 404, expectReason: 'NotFound', expectMessage: notFoundGeneric },
  { name: 'deletecollection of storageclasses under a namespace', method: 'DELETE', path: `/apis/storage.k8s.io/v1/namespaces/${NS}/storageclasses`, expectCode: 404, expectReason: 'NotFound', expectMessage: notFoundGeneric },
  { name: 'namespaces under a namespace', method: 'GET', path: `/api/v1/namespaces/${NS}/namespaces`, expectCode: 404, expectReason: 'NotFound', expectMessage: notFoundGeneric },
  { name: 'a namespace under a namespace', method: 'GET', path: `/api/v1/namespaces/${NS}/namespaces/${NS}`, expectCode: 404, expectReason: 'NotFound', expectMessage: notFoundGeneric },

  // ---- dot segments, encoded slashes and broken escapes: 400 or 404, never another object ----
  { name: '".." as a name', method: 'GET', path: `${CM}/..`, raw: true, expectCode: [400, 404] },
  { name: '"." as a name', method: 'GET', path: `${CM}/.`, raw: true, expectCode: [400, 404] },
  { name: '"%2E%2E" as a name', method: 'GET', path: `${CM}/%2E%2E`, raw: true, expectCode: [400, 404] },
  { name: 'encoded slash in a name', method: 'GET', path: `${CM}/a%2Fb`, raw: true, expectCode: [400, 404] },
  { name: 'encoded slash in a namespace', method: 'GET', path: `/api/v1/namespaces/${NS}%2Fconfigmaps/cm1`, raw: true, expectCode: [400, 404] },
  { name: '".." as a namespace leading to another path', method: 'GET', path: `/api/v1/namespaces/../namespaces/${NS}/configmaps/cm1`, raw: true, expectCode: [400, 404] },
  { name: '".." after a collection', method: 'GET', path: `${CM}/../secrets`, raw: true, expectCode: [400, 404] },
  { name: '".." namespace listing', method: 'GET', path: '/api/v1/namespaces/%2E%2E/configmaps', raw: true, expectCode: [200, 400, 404], check: (r) => { if (r.status === 200) assert.deepEqual(r.json?.items, [], 'a ".." namespace must not list anything'); } },
  { name: 'delete ".."', method: 'DELETE', path: `${CM}/..`, raw: true, expectCode: [400, 404] },
  { name: 'update "%2F"', method: 'PUT', path: `${CM}/%2F`, raw: true, body: cm({ name: '/' }), expectCode: [400, 404] },
  { name: 'create in namespace ".."', method: 'POST', path: '/api/v1/namespaces/%2E%2E/configmaps', raw: true, body: cm({ name: 'dots' }), expectCode: [400, 404] },
  { name: 'invalid UTF-8 in a name (%FF)', method: 'GET', path: `${CM}/%FF`, raw: true, expectCode: [400, 404] },
  { name: 'truncated %-escape', method: 'GET', path: `${CM}/%`, raw: true, expectCode: 400, expectReason: null },
  { name: 'invalid %-escape', method: 'GET', path: `${CM}/%zz`, raw: true, expectCode: 400, expectReason: null },
  { name: 'empty namespace segment does not read as a namespace', method: 'GET', path: '/api/v1/namespaces//configmaps', raw: true, expectCode: [200, 400, 404], check: (r) => { assert.notEqual(r.json?.kind, 'Namespace', 'the namespace named "configmaps" was returned for a configmaps URL'); } },

  // ---- selectors: 400 ----
  { name: 'labelSelector with ===', method: 'GET', path: `${CM}?labelSelector=a%3D%3D%3Db`, expectCode: 400, expectReason: 'BadRequest' },
  { name: 'labelSelector with an unclosed set', method: 'GET', path: `${CM}?labelSelector=a%20in%20(b`, expectCode: 400, expectReason: 'BadRequest' },
  { name: 'labelSelector with !!', method: 'GET', path: `${CM}?labelSelector=!!a`, expectCode: 400, expectReason: 'BadRequest' },
  { name: 'labelSelector with an invalid key', method: 'GET', path: `${CM}?labelSelector=-bad%3Dx`, expectCode: 400, expectReason: 'BadRequest' },
  { name: 'labelSelector with an empty term', method: 'GET', path: `${CM}?labelSelector=a%3Db,,c`, expectCode: 400, expectReason: 'BadRequest' },
  { name: 'labelSelector notin without parentheses', method: 'GET', path: `${CM}?labelSelector=a%20notin%20b`, expectCode: 400, expectReason: 'BadRequest' },
  { name: 'labelSelector with a 64-character value', method: 'GET', path: `${CM}?labelSelector=a%3D${'x'.repeat(64)}`, expectCode: 400, expectReason: 'BadRequest' },
  { name: 'fieldSelector on an unknown field', method: 'GET', path: `${CM}?fieldSelector=foo%3Dbar`, expectCode: 400, expectReason: 'BadRequest', expectMessage: '"foo" is not a known field selector: only "metadata.name", "metadata.namespace"' },
  { name: 'fieldSelector without an operator', method: 'GET', path: `${CM}?fieldSelector=metadata.name`, expectCode: 400, expectReason: 'BadRequest', expectMessage: "invalid selector: 'metadata.name'; can't understand 'metadata.name'" },
  { name: 'fieldSelector with an unescaped =', method: 'GET', path: `${CM}?fieldSelector=metadata.name%3Da%3Db`, expectCode: 400, expectReason: 'BadRequest', expectMessage: 'invalid field selector: unescaped character in value: 61' },
  { name: 'pod fieldSelector on an unsupported field', method: 'GET', path: `${PODS}?fieldSelector=spec.bogus%3Dx`, expectCode: 400, expectReason: 'BadRequest', expectMessage: 'field label not supported: spec.bogus' },
  { name: 'watch with a bad labelSelector', method: 'GET', path: `${CM}?watch=1&labelSelector=!!`, expectCode: 400, expectReason: 'BadRequest', maxMs: 5000 },
  { name: 'deletecollection with a bad labelSelector deletes nothing', method: 'DELETE', path: `${CM}?labelSelector=!!`, expectCode: 400, expectReason: 'BadRequest' },
  { name: 'deletecollection with a bad fieldSelector deletes nothing', method: 'DELETE', path: `${CM}?fieldSelector=foo%3Dbar`, expectCode: 400, expectReason: 'BadRequest', expectMessage: '"foo" is not a known field selector: only "metadata.name", "metadata.namespace"' },

  // ---- limit, timeoutSeconds, timeout, resourceVersion, continue ----
  { name: 'limit=abc', method: 'GET', path: `${CM}?limit=abc`, expectCode: 400, expectReason: 'BadRequest', expectMessage: 'strconv.ParseInt: parsing "abc": invalid syntax' },
  { name: 'limit=1.5', method: 'GET', path: `${CM}?limit=1.5`, expectCode: 400, expectReason: 'BadRequest', expectMessage: 'strconv.ParseInt: parsing "1.5": invalid syntax' },
  { name: 'limit out of int64 range', method: 'GET', path: `${CM}?limit=99999999999999999999`, expectCode: 400, expectReason: 'BadRequest', expectMessage: 'strconv.ParseInt: parsing "99999999999999999999": value out of range' },
  { name: 'timeoutSeconds=abc', method: 'GET', path: `${CM}?timeoutSeconds=abc`, expectCode: 400, expectReason: 'BadRequest', expectMessage: 'strconv.ParseInt: parsing "abc": invalid syntax' },
  { name: 'watch with timeoutSeconds=abc', method: 'GET', path: `${CM}?watch=1&timeoutSeconds=abc`, expectCode: 400, expectReason: 'BadRequest', expectMessage: 'strconv.ParseInt: parsing "abc": invalid syntax', maxMs: 5000 },
  { name: 'timeout=abc', method: 'GET', path: `${CM}?timeout=abc`, expectCode: 400, expectReason: 'BadRequest', expectMessage: 'invalid timeout specified in the request URL - time: invalid duration "abc"' },
  { name: 'timeout without a unit', method: 'GET', path: `${CM}?timeout=10`, expectCode: 400, expectReason: 'BadRequest', expectMessage: 'invalid timeout specified in the request URL - time: missing unit in duration "10"' },
  { name: 'gracePeriodSeconds=abc', method: 'DELETE', path: `${CM}/cm1?gracePeriodSeconds=abc`, expectCode: 400, expectReason: 'BadRequest', expectMessage: 'strconv.ParseInt: parsing "abc": invalid syntax' },
  { name: 'deletecollection with limit=abc deletes nothing', method: 'DELETE', path: `${CM}?limit=abc`, expectCode: 400, expectReason: 'BadRequest', expectMessage: 'strconv.ParseInt: parsing "abc": invalid syntax' },
  { name: 'list resourceVersion=abc', method: 'GET', path: `${CM}?resourceVersion=abc`, expectCode: 400, expectReason: 'BadRequest' },
  { name: 'watch resourceVersion=abc', method: 'GET', path: `${CM}?watch=1&resourceVersion=abc`, expectCode: 400, expectReason: 'BadRequest', maxMs: 5000 },
  { name: 'continue token that is not one', method: 'GET', path: `${CM}?limit=1&continue=garbage`, expectCode: 400, expectReason: 'BadRequest' },
  { name: 'resourceVersion from the future', method: 'GET', path: `${CM}?resourceVersion=99999999`, expectCode: 504, expectReason: 'Timeout', expectMessage: /^Timeout: Too large resource version: 99999999, current: \d+$/, maxMs: 8000 },

  // ---- bad resourceVersionMatch combinations: 422 ----
  { name: 'resourceVersionMatch without resourceVersion', method: 'GET', path: `${CM}?resourceVersionMatch=Exact`, expectCode: 422, expectReason: 'Invalid', expectMessage: 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided', expectCauses: [{ field: 'resourceVersionMatch', reason: 'FieldValueForbidden' }], expectDetails: { group: 'meta.k8s.io', kind: 'ListOptions' } },
  { name: 'unknown resourceVersionMatch', method: 'GET', path: `${CM}?resourceVersionMatch=Bogus&resourceVersion=1`, expectCode: 422, expectReason: 'Invalid', expectMessage: 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Unsupported value: "Bogus": supported values: "Exact", "NotOlderThan", ""' },
  { name: 'resourceVersionMatch=Exact with resourceVersion=0', method: 'GET', path: `${CM}?resourceVersionMatch=Exact&resourceVersion=0`, expectCode: 422, expectReason: 'Invalid', expectMessage: 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: resourceVersionMatch "exact" is forbidden for resourceVersion "0"' },
  { name: 'resourceVersionMatch with continue', method: 'GET', path: `${CM}?resourceVersionMatch=NotOlderThan&continue=abc`, expectCode: 422, expectReason: 'Invalid', expectMessage: 'ListOptions.meta.k8s.io "" is invalid: [resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless resourceVersion is provided, resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden when continue is provided]' },
  { name: 'sendInitialEvents on a list', method: 'GET', path: `${CM}?sendInitialEvents=true`, expectCode: 422, expectReason: 'Invalid', expectMessage: 'ListOptions.meta.k8s.io "" is invalid: sendInitialEvents: Forbidden: sendInitialEvents is forbidden for list' },
  { name: 'watch with resourceVersionMatch=Exact', method: 'GET', path: `${CM}?watch=1&resourceVersionMatch=Exact`, expectCode: 422, expectReason: 'Invalid', expectMessage: 'ListOptions.meta.k8s.io "" is invalid: [resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided, resourceVersionMatch: Unsupported value: "Exact": supported values: "NotOlderThan"]', maxMs: 5000 },
  { name: 'watch with sendInitialEvents but no match', method: 'GET', path: `${CM}?watch=1&sendInitialEvents=true`, expectCode: 422, expectReason: 'Invalid', expectMessage: 'ListOptions.meta.k8s.io "" is invalid: resourceVersionMatch: Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan', maxMs: 5000 },

  // ---- bad dryRun, fieldValidation, fieldManager, force, propagationPolicy: 422 ----
  { name: 'create dryRun=Bogus', method: 'POST', path: `${CM}?dryRun=Bogus`, body: cm({ name: 'dr1' }), expectCode: 422, expectReason: 'Invalid', expectMessage: 'CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"Bogus"}: supported values: "All"', expectCauses: [{ field: 'dryRun', reason: 'FieldValueNotSupported' }] },
  { name: 'create dryRun=All&dryRun=x', method: 'POST', path: `${CM}?dryRun=All&dryRun=x`, body: cm({ name: 'dr2' }), expectCode: 422, expectReason: 'Invalid', expectMessage: 'CreateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"All", "x"}: supported values: "All"' },
  { name: 'update dryRun=x', method: 'PUT', path: `${CM}/cm1?dryRun=x`, body: cm({ name: 'cm1' }), expectCode: 422, expectReason: 'Invalid', expectMessage: 'UpdateOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"x"}: supported values: "All"' },
  { name: 'patch dryRun=x', method: 'PATCH', path: `${CM}/cm1?dryRun=x`, headers: merge, body: '{"data":{"a":"dry"}}', expectCode: 422, expectReason: 'Invalid', expectMessage: 'PatchOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"x"}: supported values: "All"' },
  { name: 'delete dryRun=x', method: 'DELETE', path: `${CM}/cm1?dryRun=x`, expectCode: 422, expectReason: 'Invalid', expectMessage: 'DeleteOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"x"}: supported values: "All"' },
  { name: 'delete options body with dryRun ["x"]', method: 'DELETE', path: `${CM}/cm1`, body: '{"dryRun":["x"]}', expectCode: 422, expectReason: 'Invalid', expectMessage: 'DeleteOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"x"}: supported values: "All"' },
  { name: 'deletecollection dryRun=x deletes nothing', method: 'DELETE', path: `${CM}?dryRun=x`, expectCode: 422, expectReason: 'Invalid', expectMessage: 'DeleteOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"x"}: supported values: "All"' },
  { name: 'fieldValidation=Bogus', method: 'POST', path: `${CM}?fieldValidation=Bogus`, body: cm({ name: 'fv1' }), expectCode: 422, expectReason: 'Invalid', expectMessage: 'CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "Bogus": supported values: "", "Ignore", "Strict", "Warn"' },
  { name: 'fieldManager over 128 characters', method: 'POST', path: `${CM}?fieldManager=${'m'.repeat(129)}`, body: cm({ name: 'fm1' }), expectCode: 422, expectReason: 'Invalid', expectCauses: [{ field: 'fieldManager', reason: 'FieldValueTooLong' }] },
  { name: 'force on a non-apply patch', method: 'PATCH', path: `${CM}/cm1?force=true`, headers: merge, body: '{}', expectCode: 422, expectReason: 'Invalid', expectMessage: 'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch' },
  { name: 'propagationPolicy=Bogus', method: 'DELETE', path: `${CM}/cm1?propagationPolicy=Bogus`, expectCode: 422, expectReason: 'Invalid', expectMessage: 'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Bogus": supported values: "Foreground", "Background", "Orphan", "nil"', expectCauses: [{ field: 'propagationPolicy', reason: 'FieldValueNotSupported' }] },
  { name: 'propagationPolicy in lower case', method: 'DELETE', path: `${CM}/cm1?propagationPolicy=orphan`, expectCode: 422, expectReason: 'Invalid', expectMessage: 'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "orphan": supported values: "Foreground", "Background", "Orphan", "nil"' },
  { name: 'delete options body with propagationPolicy Bogus', method: 'DELETE', path: `${CM}/cm1`, body: '{"propagationPolicy":"Bogus"}', expectCode: 422, expectReason: 'Invalid', expectMessage: 'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Bogus": supported values: "Foreground", "Background", "Orphan", "nil"' },
  { name: 'propagationPolicy together with orphanDependents', method: 'DELETE', path: `${CM}/cm1?propagationPolicy=Orphan&orphanDependents=true`, expectCode: 422, expectReason: 'Invalid', expectMessage: 'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Invalid value: "Orphan": orphanDependents and deletionPropagation cannot be both set' },
  { name: 'deletecollection with propagationPolicy=Bogus deletes nothing', method: 'DELETE', path: `${CM}?propagationPolicy=Bogus`, expectCode: 422, expectReason: 'Invalid', expectMessage: 'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Bogus": supported values: "Foreground", "Background", "Orphan", "nil"' },

  // ---- headers and the wire ----
  { name: 'Accept: text/html', method: 'GET', path: CM, headers: { Accept: 'text/html' }, expectCode: 406, expectReason: 'NotAcceptable', expectMessage: notAcceptable },
  { name: 'Accept: Table v2 only', method: 'GET', path: CM, headers: { Accept: 'application/json;as=Table;g=meta.k8s.io;v=v2' }, expectCode: 406, expectReason: 'NotAcceptable', expectMessage: notAcceptable },
  { name: 'Accept: unknown as=', method: 'GET', path: `${CM}/cm1`, headers: { Accept: 'application/json;as=Bogus;g=meta.k8s.io;v=v1' }, expectCode: 406, expectReason: 'NotAcceptable', expectMessage: notAcceptable },
  { name: '20 KiB header value (under Go\'s 1 MiB MaxHeaderBytes)', method: 'GET', path: CM, raw: true, headers: { 'X-Big': 'a'.repeat(20 * 1024) }, expectCode: 200, check: (r) => assert.equal(r.json?.kind, 'ConfigMapList') },
  { name: '20 KiB Authorization-like header (big bearer tokens)', method: 'GET', path: `${CM}/cm1`, headers: { 'X-Token': 'b'.repeat(20 * 1024) }, expectCode: 200 },
  { name: '2 MiB header value', method: 'GET', path: CM, raw: true, headers: { 'X-Big': 'a'.repeat(2 * 1024 * 1024) }, expectCode: 431, expectReason: null },
  { name: 'NUL byte in a header value', method: 'GET', path: CM, raw: true, headers: { 'X-Bad': 'a\u0000b' }, expectCode: 400, expectReason: null },
  { name: 'non-numeric Content-Length', method: 'POST', path: CM, raw: true, headers: { 'Content-Type': 'application/json', 'Content-Length': 'abc' }, body: '{}', expectCode: 400, expectReason: null },
  { name: 'absolute-form request target (what HTTP proxies send)', method: 'GET', path: `http://127.0.0.1:PORT${CM}`, raw: true, expectCode: 200, check: (r) => assert.equal(r.json?.kind, 'ConfigMapList') },
];

function chunked(body: string): Buffer {
  const data = Buffer.from(body);
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += 64 * 1024) {
    const piece = data.subarray(i, i + 64 * 1024);
    parts.push(Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from('0\r\n\r\n'));
  return Buffer.concat(parts);
}

// ---------- state: what exists before, and must be unchanged after ----------

const watched = [
  `/api/v1/namespaces/${NS}/configmaps`, `/api/v1/namespaces/${NS}/secrets`, `/api/v1/namespaces/${NS}/pods`,
  `/api/v1/namespaces/${NS}/services`, `/api/v1/namespaces/${NS}/events`, `/api/v1/namespaces/${NS}/endpoints`,
  `/apis/apps/v1/namespaces/${NS}/deployments`, `/apis/autoscaling/v2/namespaces/${NS}/horizontalpodautoscalers`,
  '/api/v1/namespaces', '/api/v1/nodes', '/api/v1/configmaps',
];

async function snapshot(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const path of watched) {
    const r = await send({ method: 'GET', path });
    assert.equal(r.status, 200, `GET ${path}: ${r.text.slice(0, 300)}`);
    for (const item of r.json.items as Array<{ metadata: { name: string; namespace?: string } }>) {
      out.set(`${path} ${item.metadata.namespace ?? ''}/${item.metadata.name}`, JSON.stringify(item));
    }
  }
  return out;
}

function diff(before: Map<string, string>, after: Map<string, string>): string[] {
  const changes: string[] = [];
  for (const [k, v] of after) {
    if (!before.has(k)) changes.push(`created ${k}: ${v.slice(0, 200)}`);
    else if (before.get(k) !== v) changes.push(`changed ${k}:\n    before ${before.get(k)!.slice(0, 300)}\n    after  ${v.slice(0, 300)}`);
  }
  for (const k of before.keys()) if (!after.has(k)) changes.push(`deleted ${k}`);
  return changes;
}

async function create(path: string, body: unknown): Promise<void> {
  const r = await send({ method: 'POST', path, body: JSON.stringify(body) });
  assert.equal(r.status, 201, `fixture POST ${path}: ${r.text.slice(0, 300)}`);
}

describe('bad input: upstream\'s answers, no writes, still serving', { timeout: 300_000 }, () => {
  let before0: Map<string, string>;

  before(async () => {
    server = await startServer();
    port = server.port;
    for (const c of cases) if (c.path.includes('PORT')) c.path = c.path.replace('PORT', String(port));
    for (const ns of [NS, 'bad-fin', 'configmaps']) await create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    for (const name of ['cm1', 'cm-noname', 'cm-patch-type', 'cm-case']) await create(CM, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: '1' } });
    await create(`/api/v1/namespaces/${NS}/secrets`, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's1' }, stringData: { k: 'v' } });
    for (const name of ['p1', 'p-status', 'p-bind', 'p-evict']) await create(PODS, pod(name));
    await create(DEPLOY, deployment('d1'));
    before0 = await snapshot();
  });

  after(async () => {
    const exit = await server?.stop();
    if (exit !== 0 && exit !== null && server) console.error(`kubets exited with ${exit}; log tail:\n${server.logs().slice(-4000)}`);
    server?.cleanup();
  });

  it(`has at least 120 cases (${cases.length})`, () => assert.ok(cases.length >= 120));

  for (const c of cases) {
    it(c.name, { timeout: 20_000 }, async () => {
      assert.equal(server.proc.exitCode, null, 'the server has exited');
      assertCase(c, await send(c));
    });
  }

  it('a request body that never ends gets its 413 and then the connection is closed', { timeout: 20_000 }, async () => {
    const result = await new Promise<{ status: string; closedAfterMs: number | null; sent: number }>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      const started = Date.now();
      let head = '';
      let answeredAt = 0;
      let sent = 0;
      let done = false;
      const finish = (closed: boolean) => {
        if (done) return;
        done = true;
        socket.destroy();
        resolve({ status: head.split('\r\n')[0], closedAfterMs: closed && answeredAt ? Date.now() - answeredAt : null, sent });
      };
      socket.on('data', (d) => { if (!answeredAt) answeredAt = Date.now(); head += d.toString('latin1'); });
      socket.on('close', () => finish(true));
      socket.on('error', () => finish(true));
      // A loopback Host: kubets' insecure port refuses others (403) before reading any body.
      socket.write(`POST ${CM} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
      const chunk = Buffer.concat([Buffer.from('10000\r\n'), Buffer.alloc(0x10000, 0x20), Buffer.from('\r\n')]);
      const pump = () => {
        while (!done && Date.now() - started < 6000) {
          // give the server 3 s after its answer to hang up, as Go's server does
          if (answeredAt && Date.now() - answeredAt > 3000) return finish(false);
          sent += 0x10000;
          if (!socket.write(chunk)) { socket.once('drain', pump); return; }
        }
        if (!done) finish(false);
      };
      pump();
    });
    assert.match(result.status, /^HTTP\/1\.1 413/, JSON.stringify(result));
    assert.ok(result.closedAfterMs !== null, `the server kept reading an endless body after its 413 (${(result.sent / 1048576).toFixed(0)} MiB accepted)`);
  });

  it('a client that sends half a body and disappears does not hurt the server', { timeout: 20_000 }, async () => {
    for (let i = 0; i < 20; i++) {
      await new Promise<void>((resolve) => {
        const s = connect(port, '127.0.0.1', () => {
          s.write(`POST ${CM} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"metadata":`);
          setImmediate(() => { s.destroy(); resolve(); });
        });
        s.on('error', () => resolve());
      });
    }
    const r = await send({ method: 'GET', path: '/readyz' });
    assert.equal(r.status, 200);
  });

  it('150 concurrent bad requests all get answers and the server stays up', { timeout: 60_000 }, async () => {
    // Watches are left out: the point is many short requests at once, not long-running ones.
    const sample = cases.filter((c) => !c.raw && c.expectCode !== 200 && !c.path.includes('watch') && !(typeof c.body === 'string' && c.body.length > 100_000));
    const burst = Array.from({ length: 150 }, (_, i) => sample[i % sample.length]);
    const results = await Promise.all(burst.map((c) => send(c).then((r) => r.status, (e: Error) => `${c.name}: ${e.message}`)));
    assert.deepEqual(results.filter((s) => typeof s !== 'number'), [], 'some requests got no HTTP answer');
    assert.equal((await send({ method: 'GET', path: '/readyz' })).status, 200);
  });

  it('nothing was written by any bad request', { timeout: 30_000 }, async () => {
    const changes = diff(before0, await snapshot());
    assert.deepEqual(changes, [], `bad requests changed stored state:\n  ${changes.join('\n  ')}`);
  });

  it('the server still serves: /readyz, /livez, a normal create, get and delete', { timeout: 30_000 }, async () => {
    assert.equal(server.proc.exitCode, null, 'the server has exited');
    assert.equal((await send({ method: 'GET', path: '/readyz' })).status, 200);
    assert.equal((await send({ method: 'GET', path: '/livez' })).status, 200);
    const created = await send({ method: 'POST', path: CM, body: cm({ name: 'after-bad-input' }, { data: { ok: 'yes' } }) });
    assert.equal(created.status, 201, created.text);
    const got = await send({ method: 'GET', path: `${CM}/after-bad-input` });
    assert.equal(got.status, 200);
    assert.deepEqual(got.json.data, { ok: 'yes' });
    const deleted = await send({ method: 'DELETE', path: `${CM}/after-bad-input` });
    assert.equal(deleted.status, 200, deleted.text);
  });

  it('the server log shows no internal errors (every bad request was a client error)', { timeout: 10_000 }, () => {
    const internal = server.logs().split('\n').filter((l) => /internal error|RangeError|TypeError|Maximum call stack|unhandled/i.test(l));
    assert.deepEqual(internal.map((l) => l.slice(0, 300)), []);
  });
});

describe('edge inputs upstream accepts', { timeout: 120_000 }, () => {
  // These write, so they run after the bad-input suite's "nothing written" check, in their own namespace.
  const OK = '/api/v1/namespaces/edge/configmaps';
  before(async () => {
    if (!server || server.proc.exitCode !== null) { server = await startServer(); port = server.port; }
    const r = await send({ method: 'POST', path: '/api/v1/namespaces', body: JSON.stringify({ metadata: { name: 'edge' } }) });
    assert.ok(r.status === 201 || r.status === 409, r.text);
    assert.equal((await send({ method: 'POST', path: OK, body: cm({ name: 'e0' }) })).status, 201);
    // A pod needs its namespace's `default` ServiceAccount, which a controller creates just after
    // the namespace (upstream has the same short wait).
    await eventually(async () => (await send({ method: 'GET', path: '/api/v1/namespaces/edge/serviceaccounts/default' })).status === 200, 15_000, 'the default service account');
    const created = await send({ method: 'POST', path: `/api/v1/namespaces/edge/pods`, body: JSON.stringify(pod('ep')) });
    assert.equal(created.status, 201, created.text);
  });

  it('?timeout with a compound Go duration (1m30s)', { timeout: 10_000 }, async () => {
    const r = await send({ method: 'GET', path: `${OK}?timeout=1m30s` });
    assert.equal(r.status, 200, r.text);
  });

  it('?watch=true on a named GET answers with the object (it is not a watch upstream)', { timeout: 10_000 }, async () => {
    const r = await send({ method: 'GET', path: '/api/v1/namespaces/edge/pods/ep?watch=true' });
    assert.equal(r.status, 200, r.text.slice(0, 300));
    assert.equal(r.json?.kind, 'Pod', `not a single Pod: ${r.text.slice(0, 300)}`);
  });

  it('a null label value decodes as "" (Go\'s map decoding)', { timeout: 10_000 }, async () => {
    const r = await send({ method: 'POST', path: OK, body: '{"metadata":{"name":"e1","labels":{"a":null}}}' });
    assert.equal(r.status, 201, r.text.slice(0, 300));
    assert.deepEqual(r.json.metadata.labels, { a: '' });
  });

  it('invalid UTF-8 in a data value becomes U+FFFD, as Go\'s decoder does', { timeout: 10_000 }, async () => {
    const body = Buffer.concat([Buffer.from('{"metadata":{"name":"e2"},"data":{"a":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}}')]);
    const r = await send({ method: 'POST', path: OK, raw: true, headers: { 'Content-Type': 'application/json' }, body });
    assert.equal(r.status, 201, r.text.slice(0, 300));
    assert.equal(r.json.data.a, '\uFFFD\uFFFD\uFFFD');
  });

  it('no Content-Type on create is read as JSON', { timeout: 10_000 }, async () => {
    const r = await send({ method: 'POST', path: OK, raw: true, headers: { 'Content-Type': '' }, body: '{"metadata":{"name":"e3"}}' });
    assert.equal(r.status, 201, r.text.slice(0, 300));
  });

  it('unknown fields are dropped (fieldValidation defaults to Warn), with a Warning header', { timeout: 10_000 }, async () => {
    const r = await send({ method: 'POST', path: OK, body: cm({ name: 'e4' }, { unknownField: 1 }) });
    assert.equal(r.status, 201, r.text.slice(0, 300));
    assert.equal(r.json.unknownField, undefined, 'the unknown field was stored');
    // net.NewWarningHeader quotes the text, escaping its own quotes: 299 - "unknown field \"unknownField\""
    assert.match(r.headers.warning ?? '', /unknown field \\"unknownField\\"/);
  });

  it('ConfigMap data keys that are also Object.prototype names are ordinary keys', { timeout: 10_000 }, async () => {
    const r = await send({ method: 'POST', path: OK, body: '{"metadata":{"name":"e6"},"data":{"constructor":"a","toString":"b","hasOwnProperty":"c","__proto__":"d"}}' });
    assert.equal(r.status, 201, r.text.slice(0, 400));
    const got = await send({ method: 'GET', path: `${OK}/e6` });
    assert.deepEqual(Object.entries(got.json.data).sort(), [['__proto__', 'd'], ['constructor', 'a'], ['hasOwnProperty', 'c'], ['toString', 'b']]);
  });

  it('a DELETE of an object with finalizers answers 200 with the object (202 only for orphanDependents=false)', { timeout: 10_000 }, async () => {
    assert.equal((await send({ method: 'POST', path: OK, body: cm({ name: 'e5', finalizers: ['example.com/keep'] }) })).status, 201);
    const r = await send({ method: 'DELETE', path: `${OK}/e5` });
    assert.equal(r.status, 200, r.text.slice(0, 300));
    assert.ok(r.json?.metadata?.deletionTimestamp, 'the object is marked for deletion');
  });

  after(async () => { await server?.stop(); server?.cleanup(); });
});
