/**
 * The Kubernetes protobuf envelope (k8s.io/apimachinery/pkg/runtime/serializer/protobuf):
 *
 *   | 'k' '8' 's' 0x00 | runtime.Unknown {1: TypeMeta{1: apiVersion, 2: kind}, 2: raw,
 *                                         3: contentEncoding, 4: contentType} |
 *
 * `raw` is the object's own message (no TypeMeta inside). We find its descriptor by
 * apiVersion+kind among the schema tables (messages.ts), decode it, and put apiVersion/kind back
 * on top, so the result is what a JSON body of the same object would parse to.
 */
import { ApiError, badRequest, unsupportedMediaType } from '../apis/meta/errors.js';
import { decodeMessage } from './decode.js';
import { messageForKind } from './messages.js';
import { ProtoReader, ProtobufError, WireType } from './wire.js';

const magic = [0x6b, 0x38, 0x73, 0x00];

/** What the server decodes instead; upstream lists its accepted types in the same 415 text. */
const accepted = ['application/json', 'application/yaml'];

const utf8 = new TextDecoder();

interface Unknown { apiVersion: string; kind: string; raw: Uint8Array; contentEncoding: string }

function readUnknown(buf: Uint8Array): Unknown {
  const out: Unknown = { apiVersion: '', kind: '', raw: new Uint8Array(), contentEncoding: '' };
  const r = new ProtoReader(buf, magic.length);
  while (!r.done) {
    const { field, wireType } = r.tag();
    if (field > 4) { r.skip(wireType, field); continue; }
    if (wireType !== WireType.Bytes) throw new ProtobufError(`wrong wire type ${wireType} for Unknown field ${field}`);
    const bytes = r.bytes();
    if (field === 1) {
      const t = new ProtoReader(bytes);
      while (!t.done) {
        const tag = t.tag();
        if ((tag.field === 1 || tag.field === 2) && tag.wireType === WireType.Bytes) {
          const s = utf8.decode(t.bytes());
          if (tag.field === 1) out.apiVersion = s;
          else out.kind = s;
        } else t.skip(tag.wireType, tag.field);
      }
    } else if (field === 2) out.raw = bytes;
    else if (field === 3) out.contentEncoding = utf8.decode(bytes);
  }
  return out;
}

/**
 * Decode a request body sent as application/vnd.kubernetes.protobuf.
 * Throws ApiError 400 for a malformed body, 415 for a kind this server cannot decode.
 */
export function decodeKubernetesProtobuf(body: Uint8Array): Record<string, unknown> {
  if (body.length < magic.length || magic.some((b, i) => body[i] !== b)) {
    throw badRequest(`provided data does not appear to be a protobuf message, expected prefix [${magic.join(' ')}]`);
  }
  try {
    const unk = readUnknown(body);
    if (unk.contentEncoding !== '') throw unsupportedMediaType(accepted);
    if (unk.kind === '') throw badRequest("Object 'Kind' is missing in protobuf body");
    const desc = messageForKind(unk.apiVersion, unk.kind);
    if (desc === undefined) throw unsupportedMediaType(accepted);
    const obj = decodeMessage(unk.raw, desc) as Record<string, unknown>;
    return { apiVersion: unk.apiVersion, kind: unk.kind, ...obj };
  } catch (err) {
    if (err instanceof ApiError) throw err;
    if (err instanceof ProtobufError) throw badRequest(`failed to decode protobuf body: ${err.message}`);
    throw err;
  }
}
