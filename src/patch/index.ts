/**
 * PATCH body handling as handlers/patch.go does it, up to the patched (still untyped) object:
 * the Content-Type picks the patch kind, the body is decoded the way that kind's Go code decodes
 * it (so malformed bodies get encoding/json's texts with the same prefixes), and the kind's
 * apply function runs. Decoding into the typed object, admission and storage are the caller's.
 */
import { badRequest, unsupportedMediaType } from '../apis/meta/errors.js';
import { goJsonKind, goJsonSyntaxError } from './go-compat.js';
import { findJsonDepthOverflow } from './json-depth.js';
import { applyJsonPatch, type FieldValidation } from './json-patch.js';
import { applyMergePatch, badJsonPatchMessage } from './merge-patch.js';
import { applyStrategicMergePatch, type PatchMeta } from './strategic-merge.js';
import { isObject } from './json-value.js';

export { applyJsonPatch, maxJsonPatchOperations, type FieldValidation, type JsonPatchOptions } from './json-patch.js';
export { applyMergePatch } from './merge-patch.js';
export { applyStrategicMergePatch, type PatchMeta, type PatchMetaEntry } from './strategic-merge.js';
export { checkJsonDepth, findJsonDepthOverflow, maxJsonDepth } from './json-depth.js';

export const jsonPatchType = 'application/json-patch+json';
export const mergePatchType = 'application/merge-patch+json';
export const strategicMergePatchType = 'application/strategic-merge-patch+json';
export const applyPatchType = 'application/apply-patch+yaml';

/**
 * The patch types this server applies, in the order installer.go lists them (it lists
 * apply-patch+yaml last; server-side apply is not implemented here, so it is left out and
 * answered with 415 like any other unsupported type).
 */
export const supportedPatchTypes: readonly string[] = [jsonPatchType, mergePatchType, strategicMergePatchType];

export interface ApplyPatchOptions {
  /** Optional; the request's ?fieldValidation=. Default 'Warn', upstream's default. */
  fieldValidation?: FieldValidation;
  /**
   * Optional; the types this resource accepts (upstream's patchTypes). Default
   * supportedPatchTypes; custom resources pass it without strategic merge.
   */
  patchTypes?: readonly string[];
}

/**
 * Applies a PATCH body to `current`. Neither input is modified. Throws ApiError: 415 for a type
 * the resource does not take, 400 for a body that does not decode, 413 for too many JSON patch
 * operations, 422 for a JSON patch that does not apply, and strategic merge's own codes.
 */
export function applyPatch(contentType: string, current: unknown, body: Buffer | string, meta: PatchMeta, opts: ApplyPatchOptions = {}): unknown {
  // PatchResource drops "; charset=..." only; it neither trims nor lowercases.
  const semi = contentType.indexOf(';');
  const patchType = semi > 0 ? contentType.slice(0, semi) : contentType;
  const accepted = opts.patchTypes ?? supportedPatchTypes;
  if (!accepted.includes(patchType) || patchType === applyPatchType) throw unsupportedMediaType([...accepted]);

  const validation = opts.fieldValidation ?? 'Warn';
  const decoded = decodeJson(body);
  switch (patchType) {
    case jsonPatchType:
      // Warn/Strict decode with kjson.UnmarshalStrict first and prefix its errors.
      if ('error' in decoded) throw badRequest(validation === 'Ignore' ? decoded.error : `error decoding patch: ${decoded.error}`);
      return applyJsonPatch(current, decoded.value, { fieldValidation: validation });
    case mergePatchType:
      if (validation === 'Ignore') {
        // jsonpatch.MergePatch maps any syntax error to ErrBadJSONPatch.
        if ('error' in decoded) throw badRequest(badJsonPatchMessage);
      } else {
        if ('error' in decoded) throw badRequest(`error decoding patch: ${decoded.error}`);
        if (decoded.value !== null && !isObject(decoded.value)) {
          throw badRequest(`error decoding patch: json: cannot unmarshal ${goJsonKind(decoded.value)} into Go value of type map[string]interface {}`);
        }
      }
      return applyMergePatch(current, decoded.value);
    default:
      // strategicPatchObject: NewBadRequest(err.Error()) whichever decoder runs.
      if ('error' in decoded) throw badRequest(decoded.error);
      return applyStrategicMergePatch(current, decoded.value, meta);
  }
}

/** JSON.parse with encoding/json's acceptance rules and error texts, including its depth limit. */
function decodeJson(body: Buffer | string): { value: unknown } | { error: string } {
  const fallback = (e: unknown) => ({ error: goJsonSyntaxError(body) ?? (e instanceof Error ? e.message : String(e)) });
  if (findJsonDepthOverflow(body) >= 0) return fallback(new Error('exceeded max depth'));
  try {
    return { value: JSON.parse(typeof body === 'string' ? body : body.toString('utf8')) };
  } catch (e) {
    return fallback(e);
  }
}
