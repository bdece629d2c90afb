/** The runtimeclasses Table (printRuntimeClass upstream). */
import { nameAgePrinter } from '../meta/printer-shapes.js';
import { col, type Loose, type Printer } from '../meta/printing.js';

export const nodePrinters: Record<string, Printer> = {
  runtimeclasses: nameAgePrinter({
    columns: [col('Handler', 'string', 'The container runtime configuration pods of this class run with.')],
    cells: (rc: Loose) => [rc.handler ?? ''],
  }),
};
