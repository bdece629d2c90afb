/**
 * Static tokens from --token-auth-file: CSV records `token,user,uid[,"group1,group2"]`, read once at
 * startup, as upstream's tokenfile.NewCSV (encoding/csv with a variable field count).
 *
 * Tokens are kept only as SHA-256 digests, and the presented token is looked up by its digest then
 * compared with timingSafeEqual: the lookup's timing depends on a hash the caller already knows,
 * never on the stored secret. No message here ever contains a token.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { UserInfo } from '../user.js';
import type { AuthRequest, Authenticator } from './authenticator.js';
import { newBearerTokenAuthenticator, type TokenAuthenticator } from './bearer-token.js';

export interface TokenFileOptions {
  /** Optional. Where upstream's klog warnings go (empty and duplicate tokens); default console.warn. */
  warn?: (msg: string) => void;
}

interface Entry { digest: Buffer; user: UserInfo }

const digestOf = (token: string) => createHash('sha256').update(token, 'utf8').digest();

/** Authenticates a bearer token listed in the token file; unknown tokens are not its own (null). */
export class TokenFileAuthenticator implements TokenAuthenticator, Authenticator {
  private readonly entries = new Map<string, Entry>();
  private readonly request: Authenticator;

  /** tokens: in file order; a later duplicate replaces an earlier one, as upstream's map does. */
  constructor(tokens: Iterable<readonly [token: string, user: UserInfo]>) {
    for (const [token, user] of tokens) {
      const digest = digestOf(token);
      this.entries.set(digest.toString('base64'), { digest, user });
    }
    this.request = newBearerTokenAuthenticator([this]);
  }

  get size(): number {
    return this.entries.size;
  }

  async authenticateToken(token: string): Promise<UserInfo | null> {
    const digest = digestOf(token);
    const e = this.entries.get(digest.toString('base64'));
    if (!e || !timingSafeEqual(e.digest, digest)) return null;
    const u = e.user;
    return { ...u, groups: [...u.groups] };
  }

  /** The Authorization header alone: no bearer token is null; a token nobody knows throws (401). */
  authenticate(req: AuthRequest): Promise<UserInfo | null> {
    return this.request.authenticate(req);
  }
}

/** Reads and parses the token file; throws upstream's errors for a malformed file. */
export function loadTokenFile(path: string, opts: TokenFileOptions = {}): TokenFileAuthenticator {
  const warn = opts.warn ?? ((m: string) => console.warn(m));
  const tokens: Array<[string, UserInfo]> = [];
  const seen = new Set<string>();
  let recordNum = 0;
  for (const record of parseCsv(readFileSync(path, 'utf8'))) {
    if (record.length < 3) {
      throw new Error(`token file '${path}' must have at least 3 columns (token, user name, user uid), found ${record.length}`);
    }
    recordNum++;
    const [token, name, uid] = record;
    if (token === '') {
      warn(`empty token has been found in token file '${path}', record number '${recordNum}'`);
      continue;
    }
    if (seen.has(token)) warn(`duplicate token has been found in token file '${path}', record number '${recordNum}'`);
    seen.add(token);
    // strings.Split("", ",") is [""] in Go, so an empty fourth column is one empty group, as upstream.
    const user: UserInfo = { name, groups: record.length >= 4 ? record[3].split(',') : [] };
    if (uid !== '') user.uid = uid;
    tokens.push([token, user]);
  }
  return new TokenFileAuthenticator(tokens);
}

/**
 * Records of a CSV text with Go encoding/csv's defaults: comma-separated, `"` quoting with `""`
 * escapes, quoted fields may span lines, \r\n is \n, empty lines are skipped, a bare `"` in an
 * unquoted field is an error. Error texts are csv.ParseError's.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  const src = text.replace(/\r\n/g, '\n');
  let i = 0;
  let line = 1;
  const fail = (startLine: number, col: number, what: string): never => {
    const at = `parse error on line ${line}, column ${col}: ${what}`;
    throw new Error(startLine === line ? at : `record on line ${startLine}; ${at}`);
  };
  while (i < src.length) {
    if (src[i] === '\n') { i++; line++; continue; } // an empty line is not a record
    const startLine = line;
    const record: string[] = [];
    let lineStart = i;
    for (;;) {
      let field = '';
      if (src[i] === '"') {
        i++;
        for (;;) {
          if (i >= src.length) fail(startLine, i - lineStart + 1, 'extraneous or missing " in quoted-field');
          const c = src[i];
          if (c === '"') {
            if (src[i + 1] === '"') { field += '"'; i += 2; continue; }
            i++;
            break;
          }
          if (c === '\n') { line++; lineStart = i + 1; }
          field += c;
          i++;
        }
        // Go reports the closing quote's column (1-based), which is the next character's 0-based index.
        if (i < src.length && src[i] !== ',' && src[i] !== '\n') fail(startLine, i - lineStart, 'extraneous or missing " in quoted-field');
      } else {
        let end = i;
        while (end < src.length && src[end] !== ',' && src[end] !== '\n') end++;
        field = src.slice(i, end);
        const q = field.indexOf('"');
        if (q >= 0) fail(startLine, i - lineStart + q + 1, 'bare " in non-quoted-field');
        i = end;
      }
      record.push(field);
      if (i < src.length && src[i] === ',') { i++; continue; }
      break;
    }
    if (i < src.length && src[i] === '\n') { i++; line++; }
    records.push(record);
  }
  return records;
}
