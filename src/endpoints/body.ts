/**
 * Reading and decoding request bodies: a hard size limit before buffering, JSON or YAML by
 * Content-Type, bounded nesting depth (checked before parsing) and bounded YAML aliases, so
 * hostile bodies are refused fast and in bounded memory.
 */
import type { IncomingMessage } from 'node:http';
import { ApiError, badRequest, unsupportedMediaType } from '../apis/meta/errors.js';
import { checkJsonDepth } from '../patch/json-depth.js';
import { decodeKubernetesProtobuf, protobufContentType } from '../protobuf/index.js';

/** upstream: maxRequestBodyBytes = 3 MiB. */
export const maxRequestBodyBytes = 3 * 1024 * 1024;

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
        reject(tooLarge());
        // Keep reading (and dropping) so the 413 can still be written on this connection.
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => { if (!failed) resolve(Buffer.concat(chunks)); });
    req.on('error', (e) => { if (!failed) { failed = true; reject(e); } });
  });
}

export function mediaType(req: IncomingMessage): string {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** Decodes an object body (create/update). An empty Content-Type is read as JSON, as kubectl's raw calls expect. */
export async function decodeObjectBody(body: Buffer, contentType: string): Promise<unknown> {
  // kubectl's `create <kind>` commands and client-go programs send built-in kinds as protobuf.
  if (contentType === protobufContentType) return decodeKubernetesProtobuf(body);
  const text = body.toString('utf8');
  if (contentType === '' || contentType === 'application/json' || contentType === '*/*') return parseJsonText(text);
  if (contentType === 'application/yaml' || contentType === 'application/x-yaml' || contentType === 'text/yaml') return parseYamlText(text);
  throw unsupportedMediaType(['application/json', 'application/yaml', protobufContentType]);
}

export function parseJsonText(text: string): unknown {
  checkJsonDepth(text);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw badRequest(`couldn't get version/kind; json parse error: ${(e as Error).message}`);
  }
}

/** The YAML library is loaded on first use (it is a noticeable part of start-up). */
export async function parseYamlText(text: string): Promise<unknown> {
  const { parse: parseYaml } = await import('yaml');
  try {
    // maxAliasCount bounds alias expansion ("billion laughs"); the result is checked as JSON would be.
    const value = parseYaml(text, { maxAliasCount: 100, uniqueKeys: false });
    checkJsonDepth(JSON.stringify(value ?? null));
    return value;
  } catch (e) {
    if (e instanceof ApiError) throw e;
    throw badRequest(`error converting YAML to JSON: ${(e as Error).message}`);
  }
}
