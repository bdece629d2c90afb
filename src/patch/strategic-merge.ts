/**
 * Strategic merge patch: a port of the server half of apimachinery/pkg/util/strategicpatch
 * (StrategicMergeMapPatch: mergeMap with MergeParallelList and IgnoreUnmatchedNulls), with the
 * error mapping of handlers/patch.go interpretStrategicMergePatchError:
 *   400 for the mergepatch format sentinels, 422 for lists of lists, and 500 (reason Unknown,
 *   Go's error text) for everything else, since the handler passes those through unconverted.
 * Field metadata (patchStrategy / patchMergeKey struct tags) comes from a PatchMeta lookup by
 * field path (for built-in kinds derived from the schema tables, src/schema/patch-meta.ts); a
 * field it does not know is merged as a map or replaced as a list, as untagged fields are.
 *
 * Upstream mutates its inputs; we port that shape over private copies. Not reproduced: Go slice
 * aliasing side effects (a merged list's backing array seen through an older slice header), and
 * int64-versus-float64 distinctions between equal numbers. One addition: directive keys still in
 * the result (inside list elements appended whole, replaced lists and maps) are removed at the
 * end, which upstream gets from its typed decode dropping unknown fields.
 */
import { ApiError, badRequest } from '../apis/meta/errors.js';
import { goJsonKind, goSprint, goTypeName } from './go-compat.js';
import { cloneJson, hasKey, isObject, setKey, type JsonObject } from './json-value.js';
import { patchRejected } from './json-patch.js';
import {
  badArgType, deduplicateScalars, directiveMarker, extractToDeleteItems, failure, findByMergeKey, noMergeKey,
  normalizeElementOrder, partition, sliceElementType, SmpError,
} from './strategic-order.js';

/** What the struct tags say about one field. Every member is optional. */
export interface PatchMetaEntry {
  /** 'merge' | 'retainKeys' | 'merge,retainKeys' | 'replace'; absent means none. */
  patchStrategy?: string;
  /** Key that identifies list elements for 'merge' lists of objects. */
  patchMergeKey?: string;
  /** Optional; descriptive only, the merge looks at the data. */
  isList?: boolean;
  /** Optional; descriptive only. */
  isPrimitiveList?: boolean;
}

/** Schema lookup by field names from the root; list elements add no segment. */
export interface PatchMeta {
  lookup(path: string[]): PatchMetaEntry | undefined;
}

const retainKeysDirective = '$retainKeys';
const deleteFromPrimitiveListPrefix = '$deleteFromPrimitiveList';
const setElementOrderPrefix = '$setElementOrder';

/** mergepatch.Err* texts the handler maps to 400. */
const errPrimitiveList = 'invalid patch format of primitive list';
const errRetainKeys = 'invalid patch format of retainKeys';
const errSetElementOrder = 'invalid patch format of setElementOrder list';

const bad = (m: string) => new SmpError(400, m);

/** Applies `patch` to a copy of `original`. Throws ApiError as the apiserver would respond. */
export function applyStrategicMergePatch(original: unknown, patch: unknown, meta: PatchMeta): unknown {
  // kjson.Unmarshal(body, &map[string]interface{}): null is an empty patch, non-objects are 400.
  if (patch === null) return cloneJson(original);
  if (!isObject(patch)) throw badRequest(`json: cannot unmarshal ${goJsonKind(patch)} into Go value of type map[string]interface {}`);
  if (!isObject(original)) throw new ApiError(500, '', `expected a map[string]interface {}, but received a ${goTypeName(original)}`);
  let result: JsonObject;
  try {
    result = mergeMap(cloneJson(original), cloneJson(patch), [], meta);
  } catch (e) {
    if (!(e instanceof SmpError)) throw e;
    if (e.code === 400) throw badRequest(e.message);
    if (e.code === 422) throw patchRejected(e.message);
    throw new ApiError(500, '', e.message);
  }
  stripDirectives(result);
  return result;
}

function strategyOf(meta: PatchMeta, path: string[]): { strategy: string; mergeKey: string } {
  const entry = meta.lookup(path);
  // extractRetainKeysPatchStrategy: retainKeys only matters when building patches.
  const parts = (entry?.patchStrategy ?? '').split(',');
  let strategy = '';
  if (parts.length === 1) strategy = parts[0] === 'retainKeys' ? '' : parts[0];
  else if (parts.length === 2 && parts.includes('retainKeys')) strategy = parts[0] === 'retainKeys' ? parts[1] : parts[0];
  else throw failure(`unexpected patch strategy: ${goSprint(parts)}`);
  return { strategy, mergeKey: entry?.patchMergeKey ?? '' };
}

function mergeMap(original: JsonObject, patch: JsonObject, path: string[], meta: PatchMeta): JsonObject {
  if (hasKey(patch, directiveMarker)) {
    const directive = patch[directiveMarker];
    if (directive === 'replace') {
      delete patch[directiveMarker];
      return patch;
    }
    if (directive === 'delete') return {};
    throw failure(`unknown patch type: ${goSprint(directive, 's')} in map: ${goSprint(patch)}`);
  }
  applyRetainKeysDirective(original, patch);
  mergePatchIntoOriginal(original, patch, path, meta);

  for (const rawKey of Object.keys(patch)) {
    const patchV = patch[rawKey];
    let k = rawKey;
    const isDeleteList = rawKey.startsWith(deleteFromPrimitiveListPrefix);
    // An empty field name ("$deleteFromPrimitiveList/") leaves the key as it was, as upstream does.
    if (isDeleteList) k = extractKey(rawKey, deleteFromPrimitiveListPrefix, errPrimitiveList) || rawKey;
    if (patchV === null) {
      if (hasKey(original, k)) delete original[k];
      continue;
    }
    if (!hasKey(original, k) || kindOf(original[k]) !== kindOf(patchV)) {
      // Nothing to merge with: take the patch value, minus its nulls and `$patch` maps.
      if (isDeleteList) continue;
      if (removeDirectives(patchV, true)) setKey(original, k, patchV);
      else delete original[k];
      continue;
    }
    const cur = original[k];
    const sub = [...path, k];
    if (isObject(cur)) {
      const { strategy } = strategyOf(meta, sub);
      setKey(original, k, strategy === 'replace' ? patchV : mergeMap(cur, patchV as JsonObject, sub, meta));
    } else if (Array.isArray(cur)) {
      const { strategy, mergeKey } = strategyOf(meta, sub);
      // Deletion lists apply whatever the field's strategy (upstream since 1.25).
      const merge = strategy === 'merge' || isDeleteList;
      setKey(original, k, merge ? mergeSlice(cur, patchV as unknown[], sub, meta, mergeKey, isDeleteList) : patchV);
    } else {
      setKey(original, k, patchV);
    }
  }
  return original;
}

/**
 * Cleans, in place, a patch value that upstream takes whole (kubernetes PRs 107705 and 117568):
 * null members go when `discardNulls` (the server ignores unmatched nulls), and every map carrying
 * `$patch` goes, member or element. Returns false when `v` itself is such a map. Other directive
 * keys stay, as upstream (see stripDirectives). Iterative: patch-only subtrees can be deep.
 */
function removeDirectives(v: unknown, discardNulls: boolean): boolean {
  if (isObject(v) && hasKey(v, directiveMarker)) return false;
  const work = [v];
  while (work.length > 0) {
    const n = work.pop();
    if (Array.isArray(n)) {
      let w = 0;
      for (const el of n) {
        if (isObject(el) && hasKey(el, directiveMarker)) continue;
        n[w++] = el;
        if (typeof el === 'object' && el !== null) work.push(el);
      }
      n.length = w;
    } else if (isObject(n)) {
      for (const key of Object.keys(n)) {
        const el = n[key];
        if ((el === null && discardNulls) || (isObject(el) && hasKey(el, directiveMarker))) delete n[key];
        else if (typeof el === 'object' && el !== null) work.push(el);
      }
    }
  }
  return true;
}

/** reflect kind as far as mergeMap's "types differ: replace" check can tell. */
function kindOf(v: unknown): string {
  return Array.isArray(v) ? 'slice' : isObject(v) ? 'map' : typeof v;
}

function extractKey(key: string, prefix: string, err: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) throw bad(err);
  return key.slice(slash + 1);
}

/** `$retainKeys`: every key the patch sets must be listed; original keys not listed go away. */
function applyRetainKeysDirective(original: JsonObject, patch: JsonObject): void {
  if (!hasKey(patch, retainKeysDirective)) return;
  const list = patch[retainKeysDirective];
  delete patch[retainKeysDirective];
  if (!Array.isArray(list)) throw bad(errRetainKeys);
  const keep = new Set(list);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(deleteFromPrimitiveListPrefix) || k.startsWith(setElementOrderPrefix)) continue;
    if (!keep.has(k)) throw bad(errRetainKeys);
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

/**
 * `$setElementOrder/<field>`: merges that field's list now and orders the result: items named by
 * the directive in its order, server-only items kept where they were relative to those.
 */
function mergePatchIntoOriginal(original: JsonObject, patch: JsonObject, path: string[], meta: PatchMeta): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(setElementOrderPrefix) || !hasKey(patch, key)) continue;
    const order = patch[key];
    delete patch[key];
    if (!Array.isArray(order)) throw badArgType('[]interface {}', order);
    const field = extractKey(key, setElementOrderPrefix, errSetElementOrder);
    const foundOriginal = hasKey(original, field), foundPatch = hasKey(patch, field);
    const originalList = original[field], patchList = patch[field];
    if (foundOriginal && !Array.isArray(originalList)) throw badArgType('[]interface {}', originalList);
    if (foundPatch && !Array.isArray(patchList)) throw badArgType('[]interface {}', patchList);
    const originalValue = (foundOriginal ? originalList : []) as unknown[];
    const patchValue = (foundPatch ? patchList : []) as unknown[];
    const sub = [...path, field];
    const { strategy, mergeKey } = strategyOf(meta, sub);
    validatePatchWithSetOrderList(patchValue, order, mergeKey);
    if (!foundOriginal && !foundPatch) continue;
    let merged: unknown[];
    if (!foundPatch) {
      merged = originalValue;
    } else if (!foundOriginal) {
      merged = patchValue.slice();
      removeDirectives(merged, false);
    } else {
      merged = strategy === 'merge' ? mergeSlice(originalValue, patchValue, sub, meta, mergeKey, false) : patchValue;
    }
    const [patchItems, serverOnly] = partition(merged, order, mergeKey);
    const kind = sliceElementType(originalValue, patchValue);
    setKey(original, field, normalizeElementOrder(patchItems, serverOnly, order, originalValue, mergeKey, kind));
    delete patch[field];
  }
}

/** The patch list (deletions aside) must be a subsequence of the `$setElementOrder` list. */
function validatePatchWithSetOrderList(patchList: unknown[], order: unknown[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  const items = mergeKey ? extractToDeleteItems(patchList)[0] : patchList;
  let p = 0, o = 0;
  while (p < items.length && o < order.length) {
    if (isObject(items[p]) && hasKey(items[p] as JsonObject, directiveMarker)) { p++; continue; }
    if (mergeKeyValueEqual(items[p], order[o], mergeKey)) p++;
    o++;
  }
  if (p < items.length && o >= order.length) {
    throw failure(`The order in patch list:\n${goSprint(patchList)}\n doesn't match ${setElementOrderPrefix} list:\n${goSprint(order)}\n`);
  }
}

function mergeKeyValueEqual(left: unknown, right: unknown, mergeKey: string): boolean {
  if (!mergeKey) return left === right;
  if (!isObject(left)) throw badArgType('map[string]interface {}', left);
  if (!isObject(right)) throw badArgType('map[string]interface {}', right);
  if (!hasKey(left, mergeKey)) throw noMergeKey(left, mergeKey);
  if (!hasKey(right, mergeKey)) throw noMergeKey(right, mergeKey);
  return left[mergeKey] === right[mergeKey];
}

function mergeSlice(original: unknown[], patch: unknown[], path: string[], meta: PatchMeta, mergeKey: string, isDeleteList: boolean): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementType(original, patch);
  let merged: unknown[];
  let serverOrder = original;
  if (kind !== 'map') {
    if (isDeleteList) {
      const drop = new Set(patch);
      return original.filter((v) => !drop.has(v));
    }
    merged = deduplicateScalars([...original, ...patch]);
  } else {
    if (!mergeKey) throw failure('cannot merge lists without merge key for struct');
    [serverOrder, patch] = mergeSliceWithSpecialElements(original, patch, mergeKey);
    merged = mergeSliceWithoutSpecialElements(serverOrder, patch, mergeKey, path, meta);
  }
  const [patchItems, serverOnly] = partition(merged, patch, mergeKey);
  return normalizeElementOrder(patchItems, serverOnly, patch, serverOrder, mergeKey, kind);
}

/** `$patch: delete` removes elements by merge key; `$patch: replace` makes the rest the list. */
function mergeSliceWithSpecialElements(original: unknown[], patch: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const plain: unknown[] = [];
  let replace = false;
  for (const v of patch) {
    const m = v as JsonObject;
    if (!hasKey(m, directiveMarker)) { plain.push(v); continue; }
    const directive = m[directiveMarker];
    if (directive === 'delete') {
      if (!hasKey(m, mergeKey)) throw noMergeKey(m, mergeKey);
      // deleteMatchingEntries: every element with that key value goes, not just the first.
      original = original.filter((o) => !(hasKey(o as JsonObject, mergeKey) && (o as JsonObject)[mergeKey] === m[mergeKey]));
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive === 'merge') {
      throw failure('merging lists cannot yet be specified in the patch');
    } else {
      throw failure(`unknown patch type: ${goSprint(directive, 's')} in map: ${goSprint(m)}`);
    }
  }
  return replace ? [plain, []] : [original, plain];
}

/** Each patch element merges into the original element with its key, or is appended. */
function mergeSliceWithoutSpecialElements(original: unknown[], patch: unknown[], mergeKey: string, path: string[], meta: PatchMeta): unknown[] {
  const out = original.slice();
  for (const v of patch) {
    const m = v as JsonObject;
    if (!hasKey(m, mergeKey)) throw noMergeKey(m, mergeKey);
    const at = findByMergeKey(out, mergeKey, m[mergeKey]);
    if (at >= 0) out[at] = mergeMap(out[at] as JsonObject, m, path, meta);
    else out.push(v);
  }
  return out;
}

/**
 * Stands in for the typed decode after StrategicMergeMapPatch, which drops directive keys as
 * unknown fields. No built-in field name is a directive name, so this changes nothing else.
 */
function stripDirectives(root: unknown): void {
  const work = [root];
  while (work.length > 0) {
    const n = work.pop();
    if (Array.isArray(n)) {
      for (const el of n) if (typeof el === 'object' && el !== null) work.push(el);
    } else if (isObject(n)) {
      for (const k of Object.keys(n)) {
        if (k === directiveMarker || k === retainKeysDirective || k.startsWith(`${setElementOrderPrefix}/`) || k.startsWith(`${deleteFromPrimitiveListPrefix}/`)) delete n[k];
        else if (typeof n[k] === 'object' && n[k] !== null) work.push(n[k]);
      }
    }
  }
}
