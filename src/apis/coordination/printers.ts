/** The leases Table (printLease upstream). */
import { nameAgePrinter } from '../meta/printer-shapes.js';
import { col, type Loose, type Printer } from '../meta/printing.js';

export const coordinationPrinters: Record<string, Printer> = {
  leases: nameAgePrinter({
    columns: [col('Holder', 'string', 'Who holds the lease now.')],
    cells: (l: Loose) => [l.spec?.holderIdentity ?? ''],
  }),
};
