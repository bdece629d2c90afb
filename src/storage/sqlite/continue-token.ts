/**
 * Continue tokens: opaque to clients, base64 of JSON {v, rv, start} as upstream's
 * storage.EncodeContinue ({"v":"meta.k8s.io/v1","rv":N,"start":"key\u0000"}). start is the next
 * key to read, relative to the list's key prefix, so a forged token cannot read outside it.
 */
import { StorageError } from '../storage.js';

const version = 1;

export interface ContinuePoint {
  /** The revision every page of the list is served at (the first page's). */
  rv: number;
  /** The next key to read, relative to the listed prefix (inclusive). */
  start: string;
}

/** Token for the page after lastKey; lastKey + '\0' is the next key in byte order. */
export function encodeContinue(rv: number, lastKey: string, keyPrefix: string): string {
  return reencodeContinue(rv, `${lastKey.slice(keyPrefix.length)}\u0000`);
}

/** A token for a start key (relative to the prefix) at a revision; -1 means the latest. */
export function reencodeContinue(rv: number, start: string): string {
  return Buffer.from(JSON.stringify({ v: version, rv, start })).toString('base64url');
}

/** Throws StorageError('InvalidObj', 'continue key is not valid: ...'): the registry answers 400. */
export function decodeContinue(token: string, key: string): ContinuePoint {
  const invalid = (why: string) => new StorageError('InvalidObj', key, undefined, `invalid continue token: continue key is not valid: ${why}`);
  let parsed: unknown;
  try {
    // Node's base64 decoder accepts both alphabets, so standard base64 from any tool works too.
    parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch {
    throw invalid('not base64 of JSON');
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid('not a JSON object');
  const { v, rv, start } = parsed as Record<string, unknown>;
  if (v !== version) throw invalid(`unsupported version ${JSON.stringify(v)}`);
  if (typeof rv !== 'number' || !Number.isSafeInteger(rv) || (rv <= 0 && rv !== -1)) {
    throw invalid('incorrect encoded start resourceVersion');
  }
  if (typeof start !== 'string' || start === '') throw invalid('missing start key');
  return { rv, start };
}
