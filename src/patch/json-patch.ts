/**
 * RFC 6902 JSON Patch with the behaviour of gopkg.in/evanphx/json-patch.v4 (v4.12), which is what
 * the apiserver runs (endpoints/handlers/patch.go, jsonPatcher.applyJSPatch). That library differs
 * from the RFC in ways clients can observe, and we keep them:
 *   - `replace` of a missing object member adds it; `copy` from a missing member copies null;
 *   - negative array indexes count from the end; `-` works only for `add`;
 *   - a pointer without a leading "/" drops its first token ("a/b" addresses "/b");
 *   - `test` treats a missing member and null alike.
 * Apply failures all become one 422 whose text is fixed upstream (the library's message is lost
 * there); we keep the library's message as the error's `cause` for logs and tests.
 * Values compare structurally, so `test` does not see 1 and 1.0 as different as Go's byte
 * comparison does.
 */
import { ApiError, badRequest } from '../apis/meta/errors.js';
import { goAtoi, goJsonKind } from './go-compat.js';
import { cloneJson, getKey, hasKey, isObject, jsonEqual, setKey, type JsonObject } from './json-value.js';

/** How the apiserver decodes a patch body before applying it (?fieldValidation=; default Warn). */
export type FieldValidation = 'Ignore' | 'Warn' | 'Strict';

/** handlers/patch.go maxJSONPatchOperations. */
export const maxJsonPatchOperations = 10000;

/** kube-apiserver --json-patch-max-copy-bytes default (server/config.go JSONPatchMaxCopyBytes). */
export const defaultJsonPatchMaxCopyBytes = 3 * 1024 * 1024;

export interface JsonPatchOptions {
  /** Optional; default 'Warn'. Warn/Strict first decode ops as upstream's typed jsonPatchOp. */
  fieldValidation?: FieldValidation;
  /** Optional; default 3 MiB. Total bytes `copy` may add; 0 means unlimited. */
  maxCopyBytes?: number;
}

/** The 422 upstream returns for any failed operation: NewGenericServerResponse(422, ...). */
export function patchRejected(detail: string): ApiError {
  const err = new ApiError(422, 'Invalid', 'the server rejected our request due to an error in our request', {});
  err.cause = new Error(detail);
  return err;
}

class OpError extends Error {}

type Container = JsonObject | unknown[];
type Result<T> = { ok: T } | { err: string };

const decodeKey = (k: string) => k.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~'));
const invalidIndex = (idx: bigint) => `Unable to access invalid index: ${idx}: invalid index referenced`;

/** Applies `ops` to a copy of `doc`; neither input is modified. */
export function applyJsonPatch(doc: unknown, ops: unknown, opts: JsonPatchOptions = {}): unknown {
  const list = decodeOps(ops, opts.fieldValidation ?? 'Warn');
  if (list.length > maxJsonPatchOperations) {
    throw new ApiError(413, 'RequestEntityTooLarge',
      `Request entity too large: The allowed maximum operations in a JSON patch is ${maxJsonPatchOperations}, got ${list.length}`);
  }
  if (!isObject(doc) && !Array.isArray(doc)) throw patchRejected(`json: cannot unmarshal ${goJsonKind(doc)} into Go value of type jsonpatch.partialDoc`);
  const state = { root: cloneJson(doc) as Container, copied: 0, limit: opts.maxCopyBytes ?? defaultJsonPatchMaxCopyBytes };
  try {
    for (const op of list) applyOp(state, op ?? {});
  } catch (e) {
    if (e instanceof OpError) throw patchRejected(e.message);
    throw e;
  }
  return state.root;
}

/** The two decodes patch.go runs before applying, each with its own Go error text (400). */
function decodeOps(ops: unknown, validation: FieldValidation): Array<JsonObject | null> {
  if (validation !== 'Ignore') {
    // kjson.UnmarshalStrict(body, &[]jsonPatchOp{}): op, path and from are typed strings.
    const fail = (what: string) => badRequest(`error decoding patch: json: cannot unmarshal ${what}`);
    if (ops !== null && !Array.isArray(ops)) throw fail(`${goJsonKind(ops)} into Go value of type []handlers.jsonPatchOp`);
    for (const el of ops ?? []) {
      if (el === null) continue;
      if (!isObject(el)) throw fail(`${goJsonKind(el)} into Go value of type handlers.jsonPatchOp`);
      for (const k of Object.keys(el)) {
        if ((k === 'op' || k === 'path' || k === 'from') && el[k] !== null && typeof el[k] !== 'string') {
          throw fail(`${goJsonKind(el[k])} into Go struct field jsonPatchOp.${k} of type string`);
        }
      }
    }
  }
  // jsonpatch.DecodePatch: []map[string]*json.RawMessage.
  if (ops === null) return [];
  if (!Array.isArray(ops)) throw badRequest(`json: cannot unmarshal ${goJsonKind(ops)} into Go value of type jsonpatch.Patch`);
  for (const el of ops) {
    if (el !== null && !isObject(el)) throw badRequest(`json: cannot unmarshal ${goJsonKind(el)} into Go value of type jsonpatch.Operation`);
  }
  return ops as Array<JsonObject | null>;
}

function stringField(op: JsonObject, name: string, missing: string): Result<string> {
  const v = getKey(op, name);
  if (v === undefined || v === null) return { err: missing };
  if (typeof v !== 'string') return { err: `json: cannot unmarshal ${goJsonKind(v)} into Go value of type string` };
  return { ok: v };
}

interface State { root: Container; copied: number; limit: number }

function applyOp(s: State, op: JsonObject): void {
  const kindValue = getKey(op, 'op');
  const kind = typeof kindValue === 'string' ? kindValue : 'unknown';
  const path = stringField(op, 'path', 'operation missing path field: missing value');
  const from = stringField(op, 'from', 'operation, missing from field: missing value');
  const hasValue = hasKey(op, 'value');
  const value = hasValue ? op.value : null;
  // Typed so that control flow knows it never returns.
  const fail: (msg: string) => never = (msg) => { throw new OpError(msg); };
  const check = (r: string | null, wrap: (e: string) => string) => { if (r !== null) fail(wrap(r)); };

  switch (kind) {
    case 'add': {
      if ('err' in path) fail('add operation failed to decode path: missing value');
      const p = path.ok;
      const [con, key] = findObject(s.root, p) ?? fail(`add operation does not apply: doc is missing path: "${p}": missing value`);
      return check(add(con, key, cloneJson(value)), (e) => `error in add for path: '${p}': ${e}`);
    }
    case 'remove': {
      if ('err' in path) fail('remove operation failed to decode path: missing value');
      const p = path.ok;
      const [con, key] = findObject(s.root, p) ?? fail(`remove operation does not apply: doc is missing path: "${p}": missing value`);
      return check(remove(con, key), (e) => `error in remove for path: '${p}': ${e}`);
    }
    case 'replace': {
      if ('err' in path) fail(`replace operation failed to decode path: ${path.err}`);
      const p = path.ok;
      if (p === '') {
        if (!isObject(value) && !Array.isArray(value)) fail('replace operation value must be object or array: %!w(<nil>)');
        s.root = cloneJson(value) as Container;
        return;
      }
      const [con, key] = findObject(s.root, p) ?? fail(`replace operation does not apply: doc is missing path: ${p}: missing value`);
      if ('err' in get(con, key)) fail(`replace operation does not apply: doc is missing key: ${p}: missing value`);
      return check(set(con, key, cloneJson(value)), (e) => `error in remove for path: '${p}': ${e}`);
    }
    case 'move': {
      if ('err' in from) fail(`move operation failed to decode from: ${from.err}`);
      const f = from.ok;
      const [src, fromKey] = findObject(s.root, f) ?? fail(`move operation does not apply: doc is missing from path: ${f}: missing value`);
      const got = get(src, fromKey);
      if ('err' in got) fail(`error in move for path: '${fromKey}': ${got.err}`);
      check(remove(src, fromKey), (e) => `error in move for path: '${fromKey}': ${e}`);
      if ('err' in path) fail(`move operation failed to decode path: ${path.err}`);
      const p = path.ok;
      const [dst, key] = findObject(s.root, p) ?? fail(`move operation does not apply: doc is missing destination path: ${p}: missing value`);
      return check(add(dst, key, got.ok ?? null), (e) => `error in move for path: '${p}': ${e}`);
    }
    case 'test': {
      if ('err' in path) fail(`test operation failed to decode path: ${path.err}`);
      const p = path.ok;
      const failed = `testing value ${p} failed: test failed`;
      if (p === '') {
        if (!hasValue || !jsonEqual(s.root, value)) fail(failed);
        return;
      }
      const [con, key] = findObject(s.root, p) ?? fail(`test operation does not apply: is missing path: ${p}: missing value`);
      const got = get(con, key);
      if ('err' in got) fail(`error in test for path: '${p}': ${got.err}`);
      const current = got.ok;
      if (current === undefined || current === null) {
        // A missing member and null are the same to v4; only an absent or null value matches.
        if (value !== null) fail(failed);
        return;
      }
      if (!hasValue || !jsonEqual(current, value)) fail(failed);
      return;
    }
    case 'copy': {
      if ('err' in from) fail(`copy operation failed to decode from: ${from.err}`);
      const f = from.ok;
      const [src, fromKey] = findObject(s.root, f) ?? fail(`copy operation does not apply: doc is missing from path: ${f}: missing value`);
      const got = get(src, fromKey);
      if ('err' in got) fail(`error in copy for from: '${f}': ${got.err}`);
      if ('err' in path) fail('copy operation failed to decode path: missing value');
      const p = path.ok;
      const [dst, key] = findObject(s.root, p) ?? fail(`copy operation does not apply: doc is missing destination path: ${p}: missing value`);
      const val = got.ok ?? null;
      s.copied += val === null ? 0 : Buffer.byteLength(JSON.stringify(val));
      if (s.limit > 0 && s.copied > s.limit) {
        fail(`Unable to complete the copy, the accumulated size increase of copy is ${s.copied}, exceeding the limit ${s.limit}`);
      }
      return check(add(dst, key, cloneJson(val)), (e) => `error while adding value during copy: ${e}`);
    }
    default:
      fail(`Unexpected kind: ${kind}`);
  }
}

/** The container holding the last token, and that token decoded; null when a parent is missing. */
function findObject(root: Container, path: string): [Container, string] | null {
  const split = path.split('/');
  if (split.length < 2) return null;
  let con = root;
  for (const part of split.slice(1, -1)) {
    const next = get(con, decodeKey(part));
    if ('err' in next || next.ok === undefined || next.ok === null) return null;
    if (!isObject(next.ok) && !Array.isArray(next.ok)) return null;
    con = next.ok;
  }
  return [con, decodeKey(split[split.length - 1])];
}

function index(key: string, len: number, extra: number): Result<number> {
  const r = goAtoi(key);
  if ('error' in r) return { err: r.error };
  let idx = r.value;
  const size = BigInt(len + extra);
  if (idx >= size) return { err: invalidIndex(idx) };
  if (idx < 0n) {
    if (idx < -size) return { err: invalidIndex(idx) };
    idx += size;
  }
  return { ok: Number(idx) };
}

/** Object members read as undefined when missing (not an error), as partialDoc.get does. */
function get(con: Container, key: string): Result<unknown> {
  if (!Array.isArray(con)) return { ok: getKey(con, key) };
  const i = index(key, con.length, 0);
  return 'err' in i ? i : { ok: con[i.ok] };
}

function add(con: Container, key: string, val: unknown): string | null {
  if (!Array.isArray(con)) return setKey(con, key, val), null;
  if (key === '-') return con.push(val), null;
  const parsed = goAtoi(key);
  if ('error' in parsed) return `value was not a proper array index: '${key}': ${parsed.error}`;
  const i = index(key, con.length, 1);
  if ('err' in i) return i.err;
  con.splice(i.ok, 0, val);
  return null;
}

function set(con: Container, key: string, val: unknown): string | null {
  if (!Array.isArray(con)) return setKey(con, key, val), null;
  const i = index(key, con.length, 0);
  if ('err' in i) return i.err;
  con[i.ok] = val;
  return null;
}

function remove(con: Container, key: string): string | null {
  if (!Array.isArray(con)) {
    if (!hasKey(con, key)) return `Unable to remove nonexistent key: ${key}: missing value`;
    delete con[key];
    return null;
  }
  const i = index(key, con.length, 0);
  if ('err' in i) return i.err;
  con.splice(i.ok, 1);
  return null;
}
