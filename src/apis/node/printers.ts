/** The runtimeclasses Table (printRuntimeClass upstream). */
import { age, col, type Loose, nameColumn, ageColumn, type Printer } from '../meta/printing.js';

export const nodePrinters: Record<string, Printer> = {
  runtimeclasses: {
    columns: [nameColumn, col('Handler', 'string', 'The container runtime configuration pods of this class run with.'), ageColumn],
    cells: (rc: Loose, now) => [rc.metadata.name ?? '', rc.handler ?? '', age(rc, now)],
  },
};
