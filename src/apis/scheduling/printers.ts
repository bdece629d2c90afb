/** The priorityclasses Table (printPriorityClass upstream; PREEMPTIONPOLICY shows without -o wide). */
import { nameAgePrinter } from '../meta/printer-shapes.js';
import { col, int, type Loose, type Printer } from '../meta/printing.js';

export const schedulingPrinters: Record<string, Printer> = {
  priorityclasses: nameAgePrinter({
    columns: [
      col('Value', 'integer', 'The priority pods of this class get; higher runs first.'),
      col('Global-Default', 'boolean', 'Whether pods without a class get this one.'),
    ],
    cells: (pc: Loose) => [int(pc.value), pc.globalDefault === true],
  }, {
    columns: [col('PreemptionPolicy', 'string', 'Whether pods of this class may preempt lower-priority pods.')],
    cells: (pc: Loose) => [pc.preemptionPolicy ?? ''],
  }),
};
