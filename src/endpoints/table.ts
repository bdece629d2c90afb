/**
 * Server-side printing (as=Table): a meta.k8s.io Table of objects made by the resource's printer
 * (endpoints/printers.ts). Cells are computed from the stored object, whatever version the client
 * asked for, as upstream prints internal objects; the row's `object` is the wire form.
 */
import { humanDuration, since, type Printer, type TableColumn } from '../apis/meta/printing.js';
import type { KubeObject } from '../apis/meta/types.js';

export { humanDuration };
export type { TableColumn };

/** translateTimestampSince of creationTimestamp: the AGE cell. */
export function age(obj: KubeObject, now = Date.now()): string {
  return since(obj.metadata.creationTimestamp, now);
}

export interface TableOptions {
  printer: Printer;
  /** What each row's `object` carries (the includeObject query parameter; Metadata by default). */
  includeObject: 'None' | 'Metadata' | 'Object';
  /** meta.k8s.io version of the Table: v1 or v1beta1. */
  metaVersion: string;
  /** Optional. The object as the client sees it (version conversion); identity when absent. */
  toWire?: (stored: KubeObject) => KubeObject;
  /**
   * Optional. Leaves columnDefinitions out: a watch sends them with its first event only, as
   * upstream's watch encoder sets TableOptions.NoHeaders after the first object.
   */
  noHeaders?: boolean;
}

/** Stored objects as a Table; listMeta is the list's metadata (or the object's resourceVersion). */
export function toTable(items: KubeObject[], listMeta: Record<string, unknown>, opts: TableOptions) {
  const now = Date.now();
  const { printer, includeObject } = opts;
  const ordered = printer.compare && items.length > 1 ? [...items].sort(printer.compare) : items;
  const rows = ordered.map((obj) => {
    const row: Record<string, unknown> = { cells: printer.cells(obj, now) };
    const conditions = printer.conditions?.(obj);
    if (conditions) row.conditions = conditions;
    if (includeObject === 'Object') row.object = opts.toWire ? opts.toWire(obj) : obj;
    else if (includeObject === 'Metadata') row.object = { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${opts.metaVersion}`, metadata: obj.metadata };
    return row;
  });
  return {
    kind: 'Table', apiVersion: `meta.k8s.io/${opts.metaVersion}`, metadata: listMeta,
    columnDefinitions: opts.noHeaders ? null : printer.columns, rows,
  };
}
