/**
 * RFC 7386 JSON Merge Patch as gopkg.in/evanphx/json-patch.v4 MergePatch applies it for the
 * apiserver (handlers/patch.go, jsonPatcher.applyJSPatch, MergePatchType):
 *   - an object patch merges key by key; null deletes; a non-object value replaces;
 *   - values put in place of nothing (or of a non-object) lose their null members, also inside
 *     arrays, where null elements are dropped too (v4's pruneAryNulls);
 *   - a patch that is an array replaces the document (the typed decode rejects that later);
 *   - a null, string, number or boolean patch is "Invalid JSON Patch", a 400.
 */
import { ApiError, badRequest } from '../apis/meta/errors.js';
import { cloneJson, getKey, hasKey, isObject, setKey, type JsonObject } from './json-value.js';

/** jsonpatch.ErrBadJSONPatch; the apiserver turns exactly this error into 400 BadRequest. */
export const badJsonPatchMessage = 'Invalid JSON Patch';

/** Returns the patched document; `doc` and `patch` are not modified. */
export function applyMergePatch(doc: unknown, patch: unknown): unknown {
  if (!isObject(patch) && !Array.isArray(patch)) throw badRequest(badJsonPatchMessage);
  // ErrBadJSONDoc is not one the handler maps, so it surfaces as a 500 with reason Unknown.
  if (doc === null) throw new ApiError(500, '', 'Invalid JSON Document');
  const p = cloneJson(patch);
  if (!isObject(doc) || !isObject(p)) {
    pruneNulls(p);
    return p;
  }
  const d = cloneJson(doc);
  mergeDocs(d, p);
  return d;
}

/** Recursion follows paths present in both the document and the patch. */
function mergeDocs(doc: JsonObject, patch: JsonObject): void {
  for (const k of Object.keys(patch)) {
    const v = patch[k];
    if (v === null) {
      if (hasKey(doc, k)) delete doc[k];
      continue;
    }
    const cur = getKey(doc, k);
    if (cur === undefined || cur === null) {
      pruneNulls(v);
      setKey(doc, k, v);
    } else if (!isObject(cur)) {
      // merge(): the current value is not an object, so the patch value replaces it, pruned.
      pruneNulls(v);
      setKey(doc, k, v);
    } else if (isObject(v)) {
      mergeDocs(cur, v);
    } else {
      // merge(): an object replaced by a non-object patch value keeps that value unpruned.
      setKey(doc, k, v);
    }
  }
}

/**
 * Drops null members of objects and null elements of arrays, in place, at every depth.
 * Iterative: a patch may nest up to 10,000 levels where the document has nothing.
 */
function pruneNulls(root: unknown): void {
  const work: unknown[] = [root];
  while (work.length > 0) {
    const n = work.pop();
    if (Array.isArray(n)) {
      let w = 0;
      for (const el of n) {
        if (el === null) continue;
        n[w++] = el;
        if (typeof el === 'object') work.push(el);
      }
      n.length = w;
    } else if (isObject(n)) {
      for (const k of Object.keys(n)) {
        if (n[k] === null) delete n[k];
        else if (typeof n[k] === 'object') work.push(n[k]);
      }
    }
  }
}
