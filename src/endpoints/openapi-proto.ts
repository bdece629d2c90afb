/**
 * The OpenAPI v2 document in the protobuf form client-go asks for first
 * (`application/com.github.proto-openapi.spec.v2@v1.0+protobuf`, gnostic's openapi.v2.Document);
 * client-go has no JSON fallback for it. Only the parts kubets' v2 document uses are encoded.
 * Field numbers are gnostic's OpenAPIv2.proto. Free-form values (default, enum, x-* extensions)
 * travel as gnostic `Any{yaml}`; JSON text is valid YAML, so they are written as JSON.
 */
type Json = Record<string, unknown>;

/**
 * One growing buffer for the whole document. A sub-message is written in place and its length
 * prefix inserted afterwards by moving the bytes (a memmove), so no per-message allocation:
 * the v2 document has some hundred thousand messages.
 */
class Writer {
  private buf = Buffer.allocUnsafe(1 << 20);
  private len = 0;

  private ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  private varint(v: number): void {
    this.ensure(10);
    while (v > 0x7f) { this.buf[this.len++] = (v & 0x7f) | 0x80; v = Math.floor(v / 128); }
    this.buf[this.len++] = v;
  }

  private rawString(n: number, s: string): void {
    const size = Buffer.byteLength(s, 'utf8');
    this.varint((n << 3) | 2);
    this.varint(size);
    this.ensure(size);
    this.len += this.buf.write(s, this.len, 'utf8');
  }

  str(n: number, s: unknown): void { if (typeof s === 'string' && s !== '') this.rawString(n, s); }
  strs(n: number, list: unknown): void { if (Array.isArray(list)) for (const s of list) this.rawString(n, String(s)); }
  bool(n: number, v: unknown): void { if (v === true) { this.varint(n << 3); this.varint(1); } }

  /** A sub-message; written even when empty, since an empty oneof member still selects it. */
  msg(n: number, build: (w: Writer) => void): void {
    this.varint((n << 3) | 2);
    const start = this.len;
    build(this);
    const size = this.len - start;
    let prefix = 1;
    for (let v = size; v > 0x7f; v = Math.floor(v / 128)) prefix++;
    this.ensure(prefix);
    this.buf.copyWithin(start + prefix, start, this.len);
    const end = this.len + prefix;
    this.len = start;
    this.varint(size);
    this.len = end;
  }

  finish(): Buffer { return Buffer.from(this.buf.subarray(0, this.len)); }
}

const any = (w: Writer, n: number, value: unknown) => w.msg(n, (a) => a.str(2, JSON.stringify(value)));

function extensions(w: Writer, n: number, obj: Json): void {
  for (const [k, v] of Object.entries(obj)) if (k.startsWith('x-')) w.msg(n, (e) => { e.str(1, k); any(e, 2, v); });
}

function schema(w: Writer, s: Json): void {
  w.str(1, s.$ref);
  w.str(2, s.format);
  w.str(4, s.description);
  if (s.default !== undefined) any(w, 5, s.default);
  w.bool(16, s.uniqueItems);
  w.strs(19, s.required);
  if (Array.isArray(s.enum)) for (const e of s.enum) any(w, 20, e);
  const ap = s.additionalProperties;
  if (typeof ap === 'boolean') w.msg(21, (a) => a.bool(2, ap));
  else if (ap && typeof ap === 'object') w.msg(21, (a) => a.msg(1, (x) => schema(x, ap as Json)));
  if (typeof s.type === 'string') w.msg(22, (t) => t.str(1, s.type));
  if (s.items && typeof s.items === 'object') w.msg(23, (it) => it.msg(1, (x) => schema(x, s.items as Json)));
  if (Array.isArray(s.allOf)) for (const a of s.allOf) w.msg(24, (x) => schema(x, a as Json));
  if (s.properties && typeof s.properties === 'object') {
    w.msg(25, (p) => {
      for (const [name, v] of Object.entries(s.properties as Json)) p.msg(1, (e) => { e.str(1, name); e.msg(2, (x) => schema(x, v as Json)); });
    });
  }
  extensions(w, 31, s);
}

function parameter(w: Writer, p: Json): void {
  w.msg(1, (param) => {
    if (p.in === 'body') {
      param.msg(1, (b) => { b.str(1, p.description); b.str(2, p.name); b.str(3, p.in); b.bool(4, p.required); b.msg(5, (x) => schema(x, p.schema as Json)); });
      return;
    }
    // NonBodyParameter oneof: 3 = query, 4 = path; the two sub-schemas number their fields differently.
    param.msg(2, (nb) => nb.msg(p.in === 'path' ? 4 : 3, (q) => {
      q.bool(1, p.required); q.str(2, p.in); q.str(3, p.description); q.str(4, p.name);
      if (p.in === 'path') { q.str(5, p.type); q.bool(19, p.uniqueItems); } else { q.str(6, p.type); q.bool(20, p.uniqueItems); }
    }));
  });
}

const methods: Record<string, number> = { get: 2, put: 3, post: 4, delete: 5, options: 6, head: 7, patch: 8 };

function operation(w: Writer, op: Json): void {
  w.strs(1, op.tags);
  w.str(3, op.description);
  w.str(5, op.operationId);
  w.strs(6, op.produces);
  w.strs(7, op.consumes);
  for (const p of (op.parameters as Json[] | undefined) ?? []) w.msg(8, (x) => parameter(x, p));
  w.msg(9, (rs) => {
    for (const [code, r] of Object.entries((op.responses ?? {}) as Record<string, Json>)) {
      rs.msg(1, (nr) => {
        nr.str(1, code);
        nr.msg(2, (rv) => rv.msg(1, (resp) => {
          resp.str(1, r.description);
          if (r.schema) resp.msg(2, (si) => si.msg(1, (x) => schema(x, r.schema as Json)));
        }));
      });
    }
  });
  w.strs(10, op.schemes);
  extensions(w, 13, op);
}

function pathItem(w: Writer, item: Json): void {
  for (const [k, v] of Object.entries(item)) if (k in methods) w.msg(methods[k], (x) => operation(x, v as Json));
  for (const p of (item.parameters as Json[] | undefined) ?? []) w.msg(9, (x) => parameter(x, p));
}

export function encodeOpenApiV2Proto(doc: Json): Buffer {
  const w = new Writer();
  w.str(1, doc.swagger);
  const info = (doc.info ?? {}) as Json;
  w.msg(2, (i) => { i.str(1, info.title); i.str(2, info.version); });
  w.msg(8, (ps) => {
    for (const [path, item] of Object.entries((doc.paths ?? {}) as Json)) ps.msg(2, (np) => { np.str(1, path); np.msg(2, (x) => pathItem(x, item as Json)); });
  });
  w.msg(9, (ds) => {
    for (const [name, s] of Object.entries((doc.definitions ?? {}) as Json)) ds.msg(1, (nd) => { nd.str(1, name); nd.msg(2, (x) => schema(x, s as Json)); });
  });
  for (const req of (doc.security as Json[] | undefined) ?? []) {
    w.msg(12, (sr) => {
      for (const [name, scopes] of Object.entries(req)) sr.msg(1, (ns) => { ns.str(1, name); ns.msg(2, (a) => a.strs(1, scopes)); });
    });
  }
  w.msg(13, (sd) => {
    for (const [name, d] of Object.entries((doc.securityDefinitions ?? {}) as Record<string, Json>)) {
      sd.msg(1, (nd) => {
        nd.str(1, name);
        nd.msg(2, (item) => item.msg(2, (k) => { k.str(1, d.type); k.str(2, d.name); k.str(3, d.in); k.str(4, d.description); }));
      });
    }
  });
  return w.finish();
}
