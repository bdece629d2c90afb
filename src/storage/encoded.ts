/**
 * The JSON text a backend stored an object as, remembered beside the object it returned, so a
 * response can send those bytes instead of encoding the same object again (upstream's
 * caching_object.go idea, for one request).
 *
 * Invariant: the text is only valid while nobody changes the object. A backend remembers it only
 * for an object it just built and hands to one caller, and a reader takes it before changing the
 * object. A WeakMap keeps the objects collectable and the text off the object itself (no extra
 * key to leak into JSON or YAML output).
 */
import type { KubeObject } from '../apis/meta/types.js';

const texts = new WeakMap<KubeObject, string>();

/** Called by a backend: text is exactly JSON.stringify(obj) at this moment. */
export function rememberEncoding(obj: KubeObject, text: string): void {
  texts.set(obj, text);
}

/**
 * The stored text of obj, when a backend remembered it; undefined otherwise. Taking it forgets it,
 * so a later change to obj cannot be served stale text by a second reader.
 */
export function takeEncoding(obj: KubeObject): string | undefined {
  const t = texts.get(obj);
  if (t !== undefined) texts.delete(obj);
  return t;
}
