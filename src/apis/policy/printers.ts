/** The poddisruptionbudgets Table (printPodDisruptionBudget upstream). */
import { nameAgePrinter } from '../meta/printer-shapes.js';
import { col, int, type Loose, type Printer, text } from '../meta/printing.js';

/** An int-or-string bound, "N/A" when the budget does not use it. */
const bound = (v: unknown) => (v === undefined || v === null ? 'N/A' : text(v));

export const policyPrinters: Record<string, Printer> = {
  poddisruptionbudgets: nameAgePrinter({
    columns: [
      col('Min Available', 'string', 'Pods that must stay available, as a count or a percentage.'),
      col('Max Unavailable', 'string', 'Pods that may be unavailable at once, as a count or a percentage.'),
      col('Allowed Disruptions', 'integer', 'How many pods may be evicted right now.'),
    ],
    cells: (pdb: Loose) => [bound(pdb.spec?.minAvailable), bound(pdb.spec?.maxUnavailable), int(pdb.status?.disruptionsAllowed)],
  }),
};
