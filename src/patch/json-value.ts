/**
 * Small helpers over parsed JSON values shared by the three patch kinds.
 *
 * Keys come from request bodies, so every read goes through `hasKey`/`getKey` (never plain `o[k]`,
 * which would find `constructor` or `__proto__` on the prototype) and every write of a key we did
 * not choose goes through `setKey` (a plain assignment of `__proto__` would replace the prototype).
 */

export type JsonObject = Record<string, unknown>;

/** A JSON object: not null, not an array. */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function hasKey(o: JsonObject, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

/** Own property or undefined; `undefined` means "absent", `null` means JSON null. */
export function getKey(o: JsonObject, k: string): unknown {
  return hasKey(o, k) ? o[k] : undefined;
}

export function setKey(o: JsonObject, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
  else o[k] = v;
}

/**
 * Deep copy of a JSON value. Iterative, so a patch nested thousands of levels deep (the request
 * limit is 10,000) cannot overflow the stack here.
 */
export function cloneJson<T>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  const root: unknown = Array.isArray(v) ? new Array(v.length) : {};
  const work: Array<[src: unknown, dst: unknown]> = [[v, root]];
  while (work.length > 0) {
    const [src, dst] = work.pop()!;
    if (Array.isArray(src)) {
      const out = dst as unknown[];
      for (let i = 0; i < src.length; i++) out[i] = copyChild(src[i], work);
    } else {
      const out = dst as JsonObject;
      for (const k of Object.keys(src as JsonObject)) setKey(out, k, copyChild((src as JsonObject)[k], work));
    }
  }
  return root as T;
}

function copyChild(v: unknown, work: Array<[unknown, unknown]>): unknown {
  if (typeof v !== 'object' || v === null) return v;
  const dst: unknown = Array.isArray(v) ? new Array(v.length) : {};
  work.push([v, dst]);
  return dst;
}

/** Structural equality of two JSON values; object key order does not matter. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => jsonEqual(x, bb[i]));
  }
  const ak = Object.keys(a), bo = b as JsonObject;
  return ak.length === Object.keys(bo).length && ak.every((k) => hasKey(bo, k) && jsonEqual((a as JsonObject)[k], bo[k]));
}
