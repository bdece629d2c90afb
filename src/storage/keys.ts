/**
 * Key helpers shared by the storage backends. A key range is half-open, [start, end), compared
 * as SQLite's BINARY collation and etcd do: byte order of UTF-8, which is code point order.
 */

/** A half-open key range [start, end). */
export interface KeyRange {
  start: string;
  end: string;
}

/**
 * The smallest string greater than every string that starts with prefix (etcd's
 * GetPrefixRangeEnd, on code points rather than bytes). Throws on an empty prefix: every key
 * starts with '/registry/', so an empty one is a caller bug, not a request for everything.
 */
export function prefixRangeEnd(prefix: string): string {
  const cps = Array.from(prefix);
  while (cps.length > 0) {
    const cp = cps.pop()!.codePointAt(0)!;
    if (cp < 0x10ffff) {
      // Skip the surrogate block: those code points cannot appear in a well-formed string.
      const next = cp === 0xd7ff ? 0xe000 : cp + 1;
      return cps.join('') + String.fromCodePoint(next);
    }
  }
  throw new RangeError(`no range end for key prefix ${JSON.stringify(prefix)}`);
}

/**
 * The range of keys listed or watched under prefix. As upstream's etcd3 store, a trailing '/' is
 * added so '/registry/pods/ns' never matches '/registry/pods/ns2/x'.
 */
export function prefixRange(prefix: string): KeyRange {
  const start = prefix.endsWith('/') ? prefix : `${prefix}/`;
  return { start, end: prefixRangeEnd(start) };
}

/** The range holding exactly one key: key + '\0' is the next string in byte order. */
export function exactRange(key: string): KeyRange {
  return { start: key, end: `${key}\u0000` };
}

/** The range for a list or watch: one key when exactKey, else everything under prefix. */
export function keyRange(prefix: string, exactKey: boolean | undefined): KeyRange {
  return exactKey ? exactRange(prefix) : prefixRange(prefix);
}

export function inRange(key: string, r: KeyRange): boolean {
  return key >= r.start && key < r.end;
}

/** Joins key parts with '/', dropping empty ones: ('/registry', 'pods', '', 'x') -> '/registry/pods/x'. */
export function joinKey(...parts: string[]): string {
  return parts
    .filter((p) => p !== '')
    .map((p, i) => (i === 0 ? p.replace(/\/+$/, '') : p.replace(/^\/+|\/+$/g, '')))
    .join('/');
}
