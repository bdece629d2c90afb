/** The leases Table (printLease upstream). */
import { age, col, type Loose, nameColumn, ageColumn, type Printer } from '../meta/printing.js';

export const coordinationPrinters: Record<string, Printer> = {
  leases: {
    columns: [nameColumn, col('Holder', 'string', 'Who holds the lease now.'), ageColumn],
    cells: (l: Loose, now) => [l.metadata.name ?? '', l.spec?.holderIdentity ?? '', age(l, now)],
  },
};
