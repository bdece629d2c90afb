/**
 * API priority and fairness Tables (printFlowSchema, printPriorityLevelConfiguration upstream).
 * Flow schemas list in the order the server matches them: by precedence, then by name.
 */
import { nameAgePrinter } from '../meta/printer-shapes.js';
import { col, condition, int, type Loose, type Printer } from '../meta/printing.js';

export const flowcontrolPrinters: Record<string, Printer> = {
  flowschemas: {
    ...nameAgePrinter({
      columns: [
        col('PriorityLevel', 'string', 'The priority level matching requests are assigned to.'),
        col('MatchingPrecedence', 'string', 'Lower numbers are matched first.'),
        col('DistinguisherMethod', 'string', 'How requests are split into flows: ByUser, ByNamespace, or not at all.'),
      ],
      cells: (fs: Loose) => [fs.spec?.priorityLevelConfiguration?.name ?? '', int(fs.spec?.matchingPrecedence), fs.spec?.distinguisherMethod?.type ?? '<none>'],
    }, {
      columns: [col('MissingPL', 'string', 'Whether the priority level the schema names does not exist.')],
      cells: (fs: Loose) => [condition(fs.status?.conditions, 'Dangling')?.status ?? '?'],
    }),
    compare(a: Loose, b: Loose) {
      const pa = int(a.spec?.matchingPrecedence), pb = int(b.spec?.matchingPrecedence);
      if (pa !== pb) return pa - pb;
      const na = a.metadata.name ?? '', nb = b.metadata.name ?? '';
      return na < nb ? -1 : na > nb ? 1 : 0;
    },
  },
  prioritylevelconfigurations: nameAgePrinter({
    columns: [
      col('Type', 'string', 'Limited, or Exempt from limits.'),
      col('NominalConcurrencyShares', 'string', 'The level\'s share of the server\'s concurrency limit.'),
      col('Queues', 'string', 'How many queues the level keeps.'),
      col('HandSize', 'string', 'How many queues each flow is dealt.'),
      col('QueueLengthLimit', 'string', 'How many requests may wait in one queue.'),
    ],
    cells(pl: Loose) {
      const limited = pl.spec?.limited;
      const queuing = limited?.limitResponse?.queuing;
      const none = '<none>';
      return [
        pl.spec?.type ?? '', limited ? int(limited.nominalConcurrencyShares) : none,
        queuing ? int(queuing.queues) : none, queuing ? int(queuing.handSize) : none, queuing ? int(queuing.queueLengthLimit) : none,
      ];
    },
  }),
};
