/**
 * A cheap pre-parse guard: encoding/json refuses JSON nested deeper than 10,000 objects/arrays
 * (scanner.go maxNestingDepth), and so must we, before JSON.parse and before any recursive walk
 * over the value. One pass over the bytes, no allocation; strings are skipped so brackets inside
 * them do not count. Malformed input is not diagnosed here; the parser does that afterwards.
 */
import { badRequest } from '../apis/meta/errors.js';

/** encoding/json's limit; the 10,000th level is allowed, the 10,001st is not. */
export const maxJsonDepth = 10000;

const QUOTE = 0x22, BACKSLASH = 0x5c, LBRACE = 0x7b, LBRACKET = 0x5b, RBRACE = 0x7d, RBRACKET = 0x5d;

/**
 * Offset of the first `{` or `[` that opens level max+1, or -1 when the input stays within max.
 * Works on UTF-8 bytes or on a string (UTF-16 units); the markup characters are ASCII in both.
 */
export function findJsonDepthOverflow(text: string | Uint8Array, max = maxJsonDepth): number {
  const isString = typeof text === 'string';
  const len = text.length;
  let depth = 0;
  for (let i = 0; i < len; i++) {
    const c = isString ? text.charCodeAt(i) : text[i];
    if (c === QUOTE) {
      // Skip to the closing quote; a backslash always consumes the next unit, so `\"` and `\\`
      // are handled without decoding escapes.
      for (i++; i < len; i++) {
        const d = isString ? text.charCodeAt(i) : text[i];
        if (d === BACKSLASH) i++;
        else if (d === QUOTE) break;
      }
    } else if (c === LBRACE || c === LBRACKET) {
      if (++depth > max) return i;
    } else if ((c === RBRACE || c === RBRACKET) && depth > 0) {
      depth--;
    }
  }
  return -1;
}

/** The SyntaxError text Go gives at that offset: `invalid character '[' exceeded max depth`. */
export function jsonDepthMessage(text: string | Uint8Array, offset: number): string {
  const c = typeof text === 'string' ? text[offset] : String.fromCharCode(text[offset]);
  return `invalid character '${c}' exceeded max depth`;
}

/**
 * Throws 400 BadRequest when `text` nests deeper than `max`. The message is Go's bare syntax
 * error; callers that wrap decode errors (e.g. "error decoding patch: ...") should use
 * findJsonDepthOverflow and jsonDepthMessage instead.
 */
export function checkJsonDepth(text: string | Uint8Array, max = maxJsonDepth): void {
  const at = findJsonDepthOverflow(text, max);
  if (at >= 0) throw badRequest(jsonDepthMessage(text, at));
}
