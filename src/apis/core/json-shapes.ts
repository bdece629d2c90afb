/**
 * Small readers over decoded JSON for the core/v1 defaulting and validation files: bodies arrive
 * untyped, so every nested field is checked for its shape before it is used. A value of the
 * wrong JSON type reads as absent here; schema validation reports the type itself.
 */

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The object at `obj[key]`, or undefined when it is missing or not an object. */
export const objAt = (obj: Obj, key: string): Obj | undefined => (isObj(obj[key]) ? obj[key] as Obj : undefined);

/** The array at `obj[key]`, or [] when missing or not an array. */
export const listAt = (obj: Obj, key: string): unknown[] => (Array.isArray(obj[key]) ? obj[key] as unknown[] : []);

/** The objects of the array at `obj[key]`, with their original indexes (non-objects skipped). */
export function objectsAt(obj: Obj, key: string): Array<[Obj, number]> {
  const out: Array<[Obj, number]> = [];
  listAt(obj, key).forEach((v, i) => { if (isObj(v)) out.push([v, i]); });
  return out;
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Go's zero-value test for a scalar: absent, null, "" and 0 are unset (`if x == ""`). */
export const unset = (v: unknown): boolean => v === undefined || v === null || v === '' || v === 0;

/** Sets obj[key] = value when the field is absent or null (a pointer field left nil). */
export function defaultNil(obj: Obj, key: string, value: unknown): void {
  if (obj[key] === undefined || obj[key] === null) obj[key] = value;
}

/** Sets obj[key] = value when the field holds Go's zero value ("" or 0 or nothing). */
export function defaultZero(obj: Obj, key: string, value: unknown): void {
  if (unset(obj[key])) obj[key] = value;
}

/** The object at obj[key], created (and stored) when missing. */
export function ensureObj(obj: Obj, key: string): Obj {
  const v = obj[key];
  if (isObj(v)) return v;
  const fresh: Obj = {};
  obj[key] = fresh;
  return fresh;
}
