/**
 * The list half of strategic merge: element types, partitioning by merge key and the ordering
 * rules (upstream's normalizeElementOrder family), plus the error type the merge throws. Split
 * from strategic-merge.ts to keep each file to one job; the texts are mergepatch's.
 */
import { goSliceStable, goSprint, goTypeName } from './go-compat.js';
import { getKey, hasKey, isObject, type JsonObject } from './json-value.js';

export const directiveMarker = '$patch';

/** A merge failure with the HTTP code the apiserver gives it (interpretStrategicMergePatchError). */
export class SmpError extends Error {
  constructor(readonly code: 400 | 422 | 500, message: string) { super(message); }
}
export const failure = (m: string) => new SmpError(500, m);
export const badArgType = (expected: string, actual: unknown) => failure(`expected a ${expected}, but received a ${goTypeName(actual)}`);
export const noMergeKey = (m: JsonObject, key: string) => failure(`map: ${goSprint(m)} does not contain declared merge key: ${key}`);

/** Index of the first element whose merge key equals `value`; every element must be a map. */
export function findByMergeKey(list: unknown[], mergeKey: string, value: unknown): number {
  for (let i = 0; i < list.length; i++) {
    const el = list[i];
    if (!isObject(el)) throw failure(`value for key ${i} is not a map`);
    if (hasKey(el, mergeKey) && el[mergeKey] === value) return i;
  }
  return -1;
}

/** Splits `list` into the items present in `by` (by merge key for maps) and the rest. */
export function partition(list: unknown[], by: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const inBy: unknown[] = [], rest: unknown[] = [];
  if (!mergeKey) {
    const set = new Set(by);
    for (const v of list) (set.has(v) ? inBy : rest).push(v);
    return [inBy, rest];
  }
  for (const v of list) {
    if (!isObject(v)) throw badArgType('map[string]interface {}', v);
    if (!hasKey(v, mergeKey)) throw noMergeKey(v, mergeKey);
    (findByMergeKey(by, mergeKey, v[mergeKey]) >= 0 ? inBy : rest).push(v);
  }
  return [inBy, rest];
}

/** Go's element type of the lists; a list of lists or mixed types is an error. */
export function sliceElementType(...lists: unknown[][]): string {
  let prev: string | undefined;
  for (const list of lists) {
    for (const v of list) {
      const t = v === null ? 'nil' : Array.isArray(v) ? 'slice' : isObject(v) ? 'map' : goTypeName(v);
      if (prev === undefined) {
        // reflect.TypeOf(nil).Kind() panics upstream; the apiserver answers 500.
        if (t === 'nil') throw failure('runtime error: invalid memory address or nil pointer dereference');
        if (t === 'slice') throw new SmpError(422, 'lists of lists are not supported');
        prev = t;
      } else if (prev !== t) {
        throw failure(`list element types are not identical: ${goSprint(lists)}`);
      }
    }
  }
  if (prev === undefined) throw failure('no elements in any of the given slices');
  return prev;
}

/** Upstream's in-place "clever" dedup: a duplicate's slot is refilled from the end. */
export function deduplicateScalars(s: unknown[]): unknown[] {
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (s[i] === s[j]) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

/** Splits list items into kept ones and `$patch: delete` ones, which sort to the end. */
export function extractToDeleteItems(list: unknown[]): [unknown[], unknown[]] {
  const keep: unknown[] = [], del: unknown[] = [];
  for (const v of list) {
    if (!isObject(v)) throw badArgType('map[string]interface {}', v);
    (getKey(v, directiveMarker) === 'delete' ? del : keep).push(v);
  }
  return [keep, del];
}

/**
 * Upstream's index(): position of the first element of `order` equal to the item, comparing merge
 * key values for maps and values otherwise. Built once per list as a Map (first occurrence wins),
 * so sorting does not rescan `order` for every comparison.
 */
function indexer(order: unknown[], mergeKey: string, kind: string): (item: unknown) => number {
  const key = (v: unknown) => (kind !== 'map' ? v : isObject(v) ? getKey(v, mergeKey) ?? null : null);
  const first = new Map<unknown, number>();
  order.forEach((v, i) => { if (!first.has(key(v))) first.set(key(v), i); });
  return (item) => first.get(key(item)) ?? -1;
}

function normalizeSliceOrder(toSort: unknown[], order: unknown[], mergeKey: string, kind: string): unknown[] {
  let del: unknown[] = [];
  if (kind === 'map') {
    for (const list of [toSort, order]) {
      for (const v of list) {
        if (!isObject(v)) throw badArgType('map[string]interface {}', v);
        if (!hasKey(v, mergeKey)) throw noMergeKey(v, mergeKey);
      }
    }
    [toSort, del] = extractToDeleteItems(toSort);
  }
  // The comparator says "less" whenever either side is not in `order`; goSliceStable reproduces
  // what Go's sort does with that.
  const indexOf = indexer(order, mergeKey, kind);
  goSliceStable(toSort, (a, b) => {
    const ia = indexOf(a);
    if (ia >= 0) {
      const ib = indexOf(b);
      if (ib >= 0) return ia < ib;
    }
    return true;
  });
  return [...toSort, ...del];
}

/** Patch items ordered by `patchOrder`, server-only items by `serverOrder`, then interleaved. */
export function normalizeElementOrder(patch: unknown[], serverOnly: unknown[], patchOrder: unknown[], serverOrder: unknown[], mergeKey: string, kind: string): unknown[] {
  const right = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const left = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  // mergeSortedSlice: a server-only item goes first only when both are live and it was earlier.
  const indexOf = indexer(serverOrder, mergeKey, kind);
  const out: unknown[] = [];
  let i = 0, j = 0;
  while (i < left.length && j < right.length) {
    const li = indexOf(left[i]);
    const ri = indexOf(right[j]);
    if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
    else out.push(right[j++]);
  }
  return out.concat(left.slice(i), right.slice(j));
}
