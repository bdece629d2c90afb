/**
 * Go's encoding/base64 StdEncoding decoder, reduced to what the API needs to know about a []byte
 * field in JSON: how many bytes it holds, or the offset Go reports in "illegal base64 data at input
 * byte N". Offsets follow decodeQuantum exactly (padding and '\r'/'\n' skipping included), since
 * clients see them in the 400 Status message. Offsets are in UTF-8 bytes, as Go counts them.
 */
import { badRequest } from '../meta/errors.js';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const decodeMap = new Int16Array(256).fill(-1);
for (let i = 0; i < alphabet.length; i++) decodeMap[alphabet.charCodeAt(i)] = i;

const PAD = 0x3d;
const isNewline = (c: number) => c === 0x0a || c === 0x0d;

export type Base64Result = { bytes: number } | { errorAt: number };

export function decodedBase64Length(value: string): Base64Result {
  const src = Buffer.from(value, 'utf8');
  let si = 0;
  let n = 0;
  while (si < src.length) {
    let dlen = 4;
    for (let j = 0; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return { bytes: n };
        return { errorAt: si - j }; // StdEncoding is padded: a short final quantum is corrupt
      }
      const c = src[si++];
      if (decodeMap[c] >= 0) continue;
      if (isNewline(c)) { j--; continue; }
      if (c !== PAD || j < 2) return { errorAt: si - 1 };
      if (j === 2) { // "==" expected; the first '=' is consumed
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return { errorAt: src.length };
        if (src[si] !== PAD) return { errorAt: si - 1 };
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      if (si < src.length) return { errorAt: si }; // trailing garbage after padding
      dlen = j;
      break;
    }
    n += dlen - 1;
  }
  return { bytes: n };
}

/**
 * Throws the 400 upstream's decoder answers for a bad []byte map value in a request body
 * (`Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4`).
 * Non-string values are left to schema validation.
 */
export function checkBase64Map(map: unknown, kind: string, version: string): void {
  if (map === null || typeof map !== 'object') return;
  for (const v of Object.values(map as Record<string, unknown>)) {
    if (typeof v !== 'string') continue;
    const r = decodedBase64Length(v);
    if ('errorAt' in r) {
      throw badRequest(`${kind} in version "${version}" cannot be handled as a ${kind}: illegal base64 data at input byte ${r.errorAt}`);
    }
  }
}

/** Total decoded size of a []byte map; values that do not decode count as zero. */
export function decodedMapSize(map: unknown): number {
  if (map === null || typeof map !== 'object') return 0;
  let total = 0;
  for (const v of Object.values(map as Record<string, unknown>)) {
    if (typeof v !== 'string') continue;
    const r = decodedBase64Length(v);
    if ('bytes' in r) total += r.bytes;
  }
  return total;
}
