/** The poddisruptionbudgets Table (printPodDisruptionBudget upstream). */
import { age, col, int, type Loose, nameColumn, ageColumn, type Printer, text } from '../meta/printing.js';

/** An int-or-string bound, "N/A" when the budget does not use it. */
const bound = (v: unknown) => (v === undefined || v === null ? 'N/A' : text(v));

export const policyPrinters: Record<string, Printer> = {
  poddisruptionbudgets: {
    columns: [
      nameColumn,
      col('Min Available', 'string', 'Pods that must stay available, as a count or a percentage.'),
      col('Max Unavailable', 'string', 'Pods that may be unavailable at once, as a count or a percentage.'),
      col('Allowed Disruptions', 'integer', 'How many pods may be evicted right now.'),
      ageColumn,
    ],
    cells: (pdb: Loose, now) => [pdb.metadata.name ?? '', bound(pdb.spec?.minAvailable), bound(pdb.spec?.maxUnavailable), int(pdb.status?.disruptionsAllowed), age(pdb, now)],
  },
};
