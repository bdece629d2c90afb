/**
 * Compiles the schema tables (format.ts) once at startup into linked type descriptors: every
 * field spec parsed, every reference resolved, apiVersion/kind added to kinds. A mistake in a
 * table (unknown reference, duplicate name or field number, bad spec) throws at import time,
 * so it fails the build's tests rather than a request.
 */
import { parseField, wellKnownTypes, type FieldDesc as ProtoFieldDesc } from '../protobuf/schema.js';
import type { FieldMeta, GroupVersionKind, TypeTable } from './format.js';

export interface SchemaField extends ProtoFieldDesc {
  readonly description: string;
  readonly meta: FieldMeta;
  /** Set for references to table types once every table is loaded (undefined for well-known). */
  type?: SchemaType;
}

export interface SchemaType {
  /** The reference name (table key). */
  readonly ref: string;
  /** OpenAPI definition name; well-known types have upstream's names too. */
  readonly name: string;
  readonly description: string;
  readonly fields: readonly SchemaField[];
  readonly gvk: readonly GroupVersionKind[];
  readonly structType?: 'atomic' | 'granular';
  /** Set for the well-known types, whose JSON form is not an object of fields. */
  readonly wellKnown?: (typeof wellKnownTypes)[number];
}

/** Upstream's definition names of the well-known types. */
export const wellKnownNames: Readonly<Record<(typeof wellKnownTypes)[number], string>> = {
  Time: 'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
  MicroTime: 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
  Duration: 'io.k8s.apimachinery.pkg.apis.meta.v1.Duration',
  IntOrString: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
  Quantity: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
  RawExtension: 'io.k8s.apimachinery.pkg.runtime.RawExtension',
  FieldsV1: 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
  ExtraValue: 'io.k8s.api.authentication.v1.ExtraValue',
};

export interface CompiledSchema {
  /** By reference name. */
  readonly types: ReadonlyMap<string, SchemaType>;
  /** By "group/version/Kind" ('' group for core: "/v1/Pod"). */
  readonly kinds: ReadonlyMap<string, SchemaType>;
}

export const gvkKey = (g: GroupVersionKind): string => `${g.group}/${g.version}/${g.kind}`;

const typeMetaField = (number: number, name: string, description: string): SchemaField => ({
  number, name, kind: 'string', typeName: 's', repeated: false, map: false, pointer: false,
  always: false, inline: false, description, meta: {},
});

const apiVersionText = 'The versioned schema of this representation of an object. Servers convert recognized schemas to the latest internal value and may reject unrecognized values.';
const kindText = 'The REST resource this object represents, in CamelCase. Servers infer it from the endpoint the client submits requests to; it cannot be updated.';

export function compileTables(tables: readonly TypeTable[]): CompiledSchema {
  const types = new Map<string, SchemaType>();
  for (const wk of wellKnownTypes) {
    types.set(wk, { ref: wk, name: wellKnownNames[wk], description: '', fields: [], gvk: [], wellKnown: wk });
  }
  const kinds = new Map<string, SchemaType>();
  for (const table of tables) {
    for (const [ref, def] of Object.entries(table)) {
      if (types.has(ref)) throw new Error(`schema: type ${ref} defined twice`);
      const numbers = new Set<number>();
      const fields: SchemaField[] = def.fields.map(([spec, description, meta = {}]) => {
        const f = parseField(ref, spec);
        if (numbers.has(f.number)) throw new Error(`schema: ${ref} field number ${f.number} used twice`);
        numbers.add(f.number);
        return { ...f, description, meta };
      });
      const gvk = def.gvk ?? [];
      if (gvk.length > 0) {
        // TypeMeta has no protobuf number (it rides in the envelope); 0 marks "not on the wire".
        fields.unshift(typeMetaField(0, 'apiVersion', apiVersionText), typeMetaField(0, 'kind', kindText));
      }
      const t: SchemaType = { ref, name: def.name, description: def.description, fields, gvk, structType: def.structType };
      types.set(ref, t);
      for (const g of gvk) {
        const key = gvkKey(g);
        if (kinds.has(key)) throw new Error(`schema: kind ${key} claimed by ${kinds.get(key)!.ref} and ${ref}`);
        kinds.set(key, t);
      }
    }
  }
  for (const t of types.values()) {
    const names = new Set<string>();
    for (const f of t.fields as SchemaField[]) {
      if (f.name !== '') {
        if (names.has(f.name)) throw new Error(`schema: ${t.ref} has two fields named ${f.name}`);
        names.add(f.name);
      }
      if (f.kind !== 'message') continue;
      const target = types.get(f.typeName);
      if (!target) throw new Error(`schema: ${t.ref}.${f.name || '(inline)'} refers to unknown type ${f.typeName}`);
      f.type = target;
    }
  }
  return { types, kinds };
}
