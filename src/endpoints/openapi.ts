/**
 * Serves /openapi/v2, the /openapi/v3 index and the per group-version v3 documents, as
 * kube-openapi's handlers do: each document is built and encoded once, on the first request
 * that needs it (start-up stays fast; most clients never ask), and carries an ETag that is the
 * upper-case hex SHA-512 of its bytes. The v3 index links each document with `?hash=<etag>`;
 * a request with the current hash may be cached forever, an old hash is redirected (301).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../apis/meta/errors.js';
import { buildOpenApiV2, buildOpenApiV3, canonicalJson, type OpenApiSource } from '../schema/openapi.js';
import { encodeOpenApiV2Proto } from './openapi-proto.js';

interface Encoded { body: Buffer; etag: string }

export interface OpenApiService {
  /** Answers GET/HEAD /openapi/<rest...>; throws a 404/406 ApiError for what it does not serve. */
  serve(req: IncomingMessage, res: ServerResponse, rest: readonly string[], query: URLSearchParams): void;
}

const v2Proto = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';
const v2ProtoAlt = 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf';

const encode = (body: Buffer): Encoded => ({ body, etag: createHash('sha512').update(body).digest('hex').toUpperCase() });

export function newOpenApiService(source: () => OpenApiSource): OpenApiService {
  let src: OpenApiSource | undefined;
  const getSource = () => (src ??= source());
  let v2Object: Record<string, unknown> | undefined;
  let v2Json: Encoded | undefined;
  let v2Pb: Encoded | undefined;
  let v3: Map<string, Encoded> | undefined;
  let v3Index: Encoded | undefined;

  const v2Built = () => (v2Object ??= buildOpenApiV2(getSource()));
  const v2Document = () => (v2Json ??= encode(Buffer.from(canonicalJson(v2Built()), 'utf8')));
  const v3Documents = () => {
    if (!v3) {
      v3 = new Map();
      for (const [gv, doc] of buildOpenApiV3(getSource())) v3.set(gv, encode(Buffer.from(canonicalJson(doc), 'utf8')));
      const paths: Record<string, { serverRelativeURL: string }> = {};
      for (const [gv, e] of [...v3].sort(([a], [b]) => a.localeCompare(b))) paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${e.etag}` };
      v3Index = encode(Buffer.from(JSON.stringify({ paths }), 'utf8'));
    }
    return { docs: v3, index: v3Index! };
  };

  return {
    serve(req, res, rest, query) {
      if (rest.length === 1 && rest[0] === 'v2') {
        const accept = req.headers.accept ?? '';
        if (wantsProtobufOnly(accept)) {
          v2Pb ??= encode(encodeOpenApiV2Proto(v2Built()));
          // Answered with the dotted spelling, as kube-openapi does: '@' is not valid in a media
          // type, and client-go fails to parse a response Content-Type that contains it.
          return send(req, res, v2Pb, v2ProtoAlt);
        }
        if (!acceptsJson(accept)) throw notAcceptable();
        return send(req, res, v2Document(), 'application/json');
      }
      if (rest[0] !== 'v3') throw notFound();
      if (!acceptsJson(req.headers.accept ?? '')) throw notAcceptable();
      const { docs, index } = v3Documents();
      if (rest.length === 1) return send(req, res, index, 'application/json');
      const gv = rest.slice(1).join('/');
      const doc = docs.get(gv);
      if (!doc) throw notFound();
      const hash = query.get('hash');
      if (hash) {
        if (hash !== doc.etag) {
          res.writeHead(301, { Location: `/openapi/v3/${gv}?hash=${doc.etag}`, 'Cache-Control': 'no-cache, private' });
          res.end();
          return;
        }
        // A URL that names its content's hash never changes, so clients may keep it for a year.
        return send(req, res, doc, 'application/json', {
          'Cache-Control': 'public, immutable', Vary: 'Accept', Expires: new Date(Date.now() + 365 * 864e5).toUTCString(),
        });
      }
      return send(req, res, doc, 'application/json');
    },
  };
}

/** kubectl asks for the v2 protobuf form alone; a browser or curl accepts JSON. */
function wantsProtobufOnly(accept: string): boolean {
  const types = mediaTypes(accept);
  return types.some((t) => t === v2Proto || t === v2ProtoAlt) && !types.some((t) => t === 'application/json' || t === '*/*' || t === 'application/*');
}

function acceptsJson(accept: string): boolean {
  const types = mediaTypes(accept);
  return types.length === 0 || types.some((t) => t === 'application/json' || t === '*/*' || t === 'application/*');
}

const mediaTypes = (accept: string) => accept.split(',').map((s) => s.split(';')[0].trim().toLowerCase()).filter(Boolean);

function send(req: IncomingMessage, res: ServerResponse, doc: Encoded, contentType: string, extra: Record<string, string> = {}): void {
  const etag = `"${doc.etag}"`;
  const headers: Record<string, string | number> = { ETag: etag, 'Cache-Control': 'no-cache, private', ...extra };
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Type': contentType, 'Content-Length': doc.body.length });
  res.end(req.method === 'HEAD' ? undefined : doc.body);
}

const notFound = () => new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});
const notAcceptable = () => new ApiError(406, 'NotAcceptable', 'only application/json is served for OpenAPI documents here', {});
