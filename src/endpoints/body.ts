/**
 * Reading and decoding request bodies: a hard size limit before buffering, JSON or YAML by
 * Content-Type, with the texts of Go's decoders (encoding/json's syntax errors, goyaml's), bounded
 * nesting depth (checked before parsing) and bounded YAML aliases, so hostile bodies are refused
 * fast and in bounded memory. What the body must be (its kind) is decode.ts's business.
 */
import type { IncomingMessage } from 'node:http';
import { Worker } from 'node:worker_threads';
import { ApiError, badRequest, unsupportedMediaType } from '../apis/meta/errors.js';
import { goJsonSyntaxError } from '../patch/go-compat.js';
import { findJsonDepthOverflow, maxJsonDepth } from '../patch/json-depth.js';
import { decodeKubernetesProtobuf, protobufContentType } from '../protobuf/index.js';

/** upstream: maxRequestBodyBytes = 3 MiB. */
export const maxRequestBodyBytes = 3 * 1024 * 1024;

/**
 * The body, or a 413 once it passes the limit. The 413 of an HTTP/1.1 request whose body goes
 * on goes out with Connection: close (status.ts), and the connection ends soon after, as Go's
 * server ends a connection whose body was left unread.
 */
export function readBody(req: IncomingMessage, limit = maxRequestBodyBytes): Promise<Buffer> {
  const tooLarge = () => new ApiError(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > limit) {
        failed = true;
        chunks.length = 0;
        // The rest is dropped as it comes (status.ts ends an HTTP/1.1 connection after the 413).
        reject(tooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => { if (!failed) resolve(Buffer.concat(chunks)); });
    req.on('error', (e) => { if (!failed) { failed = true; reject(e); } });
  });
}

/** The media type of an object body: parameters dropped, lower-cased (mime.ParseMediaType). */
export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * A body that is not JSON (or YAML) at all, before its kind is known. The message is Go's
 * (`couldn't get version/kind; json parse error: ...`, `error converting YAML to JSON: yaml: ...`);
 * the caller wraps it as transformDecodeError does, knowing which kind the endpoint takes.
 */
export class BodyDecodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BodyDecodeError';
  }
}

/** A plain 400 for callers that do not wrap decode errors (delete options, scale). */
export function asBadRequest(e: unknown): unknown {
  return e instanceof BodyDecodeError ? badRequest(e.message) : e;
}

export const yamlMediaTypes: readonly string[] = ['application/yaml', 'application/x-yaml', 'text/yaml'];

/**
 * The JSON value of an object body (create/update and subresources). An empty Content-Type is
 * read as JSON, as kubectl's raw calls expect. Throws BodyDecodeError for a malformed body,
 * ApiError for an unsupported type (415) or a bad protobuf body.
 */
export async function decodeBodyValue(body: Buffer, contentType: string): Promise<unknown> {
  // kubectl's `create <kind>` commands and client-go programs send built-in kinds as protobuf.
  if (contentType === protobufContentType) return decodeKubernetesProtobuf(body);
  if (contentType === '' || contentType === 'application/json' || contentType === '*/*') {
    return parseJson(body, (err) => `couldn't get version/kind; json parse error: ${err}`);
  }
  if (yamlMediaTypes.includes(contentType)) return parseYaml(body.toString('utf8'));
  throw unsupportedMediaType(['application/json', 'application/yaml', protobufContentType]);
}

/**
 * JSON.parse with encoding/json's acceptance and error texts: the depth limit is checked first
 * (one pass, no recursion), and a body JSON.parse refuses is described the way Go's scanner
 * describes it.
 */
export function parseJson(body: Buffer | string, wrap: (goError: string) => string = (e) => e): unknown {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  const describe = () => goJsonSyntaxError(typeof body === 'string' ? Buffer.from(body) : body) ?? 'unexpected end of JSON input';
  // Nesting past the limit takes more brackets than a shorter text holds: skip the scan then.
  if (text.length > maxJsonDepth && findJsonDepthOverflow(text) >= 0) throw new BodyDecodeError(wrap(describe()));
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyDecodeError(wrap(describe()));
  }
}

// ---- YAML (sigs.k8s.io/yaml over goyaml.v2) ----

const yamlPrefix = 'error converting YAML to JSON: yaml: ';

/** goyaml's max_flow_level: deeper flow collections fail with "exceeded max depth of 10000". */
const maxYamlDepth = maxJsonDepth;
/** Deeper than this, the YAML library is run on a thread with a larger stack. */
const mainThreadYamlDepth = 300;

/**
 * How deep flow collections ([...] and {...}) nest, and the line of the first one past goyaml's
 * limit. Quoted scalars and comments are skipped; brackets inside plain scalars are counted,
 * which only overestimates what is legal anyway.
 */
function yamlFlowDepth(text: string): { max: number; overflowLine?: number } {
  let depth = 0, max = 0, line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) { line++; continue; }
    if (c === 0x22 || c === 0x27) { // "..." or '...'
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x0a) line++;
        if (c === 0x22 && d === 0x5c) { i++; continue; }
        if (d === c) {
          if (c === 0x27 && text.charCodeAt(i + 1) === 0x27) { i++; continue; } // '' escapes a quote
          break;
        }
      }
      continue;
    }
    if (c === 0x23 && (i === 0 || /\s/.test(text[i - 1]))) { // a comment runs to the end of the line
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 0x0a) i++;
      continue;
    }
    if (c === 0x5b || c === 0x7b) {
      if (++depth > maxYamlDepth) return { max: depth, overflowLine: line };
      if (depth > max) max = depth;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return { max };
}

interface YamlFailure { message: string; code?: string; linePos?: Array<{ line: number; col: number }> }

/** goyaml's wording for what the YAML library reports. */
function goYamlError(e: YamlFailure): string {
  const msg = e.message;
  if (/excessive alias count/i.test(msg)) return 'document contains excessive aliasing';
  const alias = /^Unresolved alias[^:]*: (.*)$/.exec(msg);
  if (alias) return `unknown anchor '${alias[1]}' referenced`;
  if (/Maximum call stack size exceeded/.test(msg)) return `exceeded max depth of ${maxYamlDepth}`;
  const line = e.linePos?.[0]?.line;
  const text = msg.split(/ at line \d+/)[0].split('\n')[0];
  return line ? `line ${line}: ${text}` : text;
}

async function parseYaml(text: string): Promise<unknown> {
  const depth = yamlFlowDepth(text);
  if (depth.overflowLine !== undefined) throw new BodyDecodeError(`${yamlPrefix}line ${depth.overflowLine}: exceeded max depth of ${maxYamlDepth}`);
  if (depth.max <= mainThreadYamlDepth) {
    // The YAML library is loaded on first use (it is a noticeable part of start-up).
    const { parse } = await import('yaml');
    try {
      // maxAliasCount bounds alias expansion ("billion laughs").
      return parse(text, { maxAliasCount: 100, uniqueKeys: false });
    } catch (e) {
      if (e instanceof RangeError || /Maximum call stack size exceeded/.test((e as Error).message)) return parseYamlOnBigStack(text);
      throw new BodyDecodeError(yamlPrefix + goYamlError(e as YamlFailure));
    }
  }
  return parseYamlOnBigStack(text);
}

function parseYamlOnBigStack(text: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./yaml-worker.js', import.meta.url), { workerData: { text }, resourceLimits: { stackSizeMb: 64 } });
    let settled = false;
    worker.once('message', (m: { json?: string } & Partial<YamlFailure>) => {
      settled = true;
      void worker.terminate();
      if (m.json !== undefined) {
        try { resolve(JSON.parse(m.json)); } catch (e) { reject(e); }
      } else {
        reject(new BodyDecodeError(yamlPrefix + goYamlError({ message: m.message ?? 'unknown problem parsing YAML content', code: m.code, linePos: m.linePos })));
      }
    });
    worker.once('error', (e) => {
      if (settled) return;
      settled = true;
      // A stack overflow even here: deeper than anything goyaml accepts.
      reject(e instanceof RangeError || /Maximum call stack/.test(e.message) ? new BodyDecodeError(`${yamlPrefix}exceeded max depth of ${maxYamlDepth}`) : e);
    });
  });
}
