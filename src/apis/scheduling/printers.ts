/** The priorityclasses Table (printPriorityClass upstream; PREEMPTIONPOLICY shows without -o wide). */
import { age, col, int, type Loose, nameColumn, ageColumn, type Printer } from '../meta/printing.js';

export const schedulingPrinters: Record<string, Printer> = {
  priorityclasses: {
    columns: [
      nameColumn,
      col('Value', 'integer', 'The priority pods of this class get; higher runs first.'),
      col('Global-Default', 'boolean', 'Whether pods without a class get this one.'),
      ageColumn,
      col('PreemptionPolicy', 'string', 'Whether pods of this class may preempt lower-priority pods.'),
    ],
    cells: (pc: Loose, now) => [pc.metadata.name ?? '', int(pc.value), pc.globalDefault === true, age(pc, now), pc.preemptionPolicy ?? ''],
  },
};
