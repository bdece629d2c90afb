/**
 * Which printer makes the Table of a resource, by `<group>/<resource>` (core is ''), built once at
 * startup from every group's printers. Resources without one get the default printer, as
 * upstream's rest.defaultTableConvertor: NAME and CREATED AT.
 */
import { admissionregistrationPrinters } from '../apis/admissionregistration/printers.js';
import { appsPrinters } from '../apis/apps/printers.js';
import { autoscalingPrinters } from '../apis/autoscaling/printers.js';
import { batchPrinters } from '../apis/batch/printers.js';
import { certificatesPrinters } from '../apis/certificates/printers.js';
import { coordinationPrinters } from '../apis/coordination/printers.js';
import { corePrinters } from '../apis/core/printers.js';
import { discoveryPrinters } from '../apis/discovery/printers.js';
import { eventsPrinters } from '../apis/events/printers.js';
import { flowcontrolPrinters } from '../apis/flowcontrol/printers.js';
import { col, nameColumn, type Printer } from '../apis/meta/printing.js';
import { networkingPrinters } from '../apis/networking/printers.js';
import { nodePrinters } from '../apis/node/printers.js';
import { policyPrinters } from '../apis/policy/printers.js';
import { rbacPrinters } from '../apis/rbac/printers.js';
import { schedulingPrinters } from '../apis/scheduling/printers.js';
import { storagePrinters } from '../apis/storage/printers.js';

const byGroup: Array<[string, Record<string, Printer>]> = [
  ['', corePrinters],
  ['apps', appsPrinters],
  ['events.k8s.io', eventsPrinters],
  ['autoscaling', autoscalingPrinters],
  ['batch', batchPrinters],
  ['certificates.k8s.io', certificatesPrinters],
  ['networking.k8s.io', networkingPrinters],
  ['policy', policyPrinters],
  ['rbac.authorization.k8s.io', rbacPrinters],
  ['storage.k8s.io', storagePrinters],
  ['admissionregistration.k8s.io', admissionregistrationPrinters],
  ['scheduling.k8s.io', schedulingPrinters],
  ['coordination.k8s.io', coordinationPrinters],
  ['node.k8s.io', nodePrinters],
  ['discovery.k8s.io', discoveryPrinters],
  ['flowcontrol.apiserver.k8s.io', flowcontrolPrinters],
];

const printers = new Map<string, Printer>();
for (const [group, table] of byGroup) for (const [resource, p] of Object.entries(table)) printers.set(`${group}/${resource}`, p);

/** Timestamps print as RFC 3339 in UTC, seconds precision, as the default convertor does. */
export const defaultPrinter: Printer = {
  columns: [nameColumn, col('Created At', 'date', 'When the object was created (metadata.creationTimestamp).')],
  cells: (obj) => [obj.metadata.name ?? '', createdAt(obj.metadata.creationTimestamp)],
};

function createdAt(ts: string | undefined): string {
  const t = ts ? Date.parse(ts) : NaN;
  // Go formats a zero time this way; an object without a creation time is rare but possible.
  return Number.isNaN(t) ? '0001-01-01T00:00:00Z' : new Date(t).toISOString().replace(/\.\d+Z$/, 'Z');
}

/** The printer for a resource; the default one when upstream has none for it. */
export function printerFor(group: string, resource: string): Printer {
  return printers.get(`${group}/${resource}`) ?? defaultPrinter;
}
