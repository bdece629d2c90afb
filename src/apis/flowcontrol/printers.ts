/**
 * API priority and fairness Tables (printFlowSchema, printPriorityLevelConfiguration upstream).
 * Flow schemas list in the order the server matches them: by precedence, then by name.
 */
import { age, col, condition, int, type Loose, nameColumn, ageColumn, type Printer } from '../meta/printing.js';

export const flowcontrolPrinters: Record<string, Printer> = {
  flowschemas: {
    columns: [
      nameColumn,
      col('PriorityLevel', 'string', 'The priority level matching requests are assigned to.'),
      col('MatchingPrecedence', 'string', 'Lower numbers are matched first.'),
      col('DistinguisherMethod', 'string', 'How requests are split into flows: ByUser, ByNamespace, or not at all.'),
      ageColumn,
      col('MissingPL', 'string', 'Whether the priority level the schema names does not exist.'),
    ],
    cells(fs: Loose, now) {
      const spec = fs.spec ?? {};
      return [
        fs.metadata.name ?? '', spec.priorityLevelConfiguration?.name ?? '', int(spec.matchingPrecedence), spec.distinguisherMethod?.type ?? '<none>',
        age(fs, now), condition(fs.status?.conditions, 'Dangling')?.status ?? '?',
      ];
    },
    compare(a: Loose, b: Loose) {
      const pa = int(a.spec?.matchingPrecedence), pb = int(b.spec?.matchingPrecedence);
      if (pa !== pb) return pa - pb;
      const na = a.metadata.name ?? '', nb = b.metadata.name ?? '';
      return na < nb ? -1 : na > nb ? 1 : 0;
    },
  },
  prioritylevelconfigurations: {
    columns: [
      nameColumn,
      col('Type', 'string', 'Limited, or Exempt from limits.'),
      col('NominalConcurrencyShares', 'string', 'The level\'s share of the server\'s concurrency limit.'),
      col('Queues', 'string', 'How many queues the level keeps.'),
      col('HandSize', 'string', 'How many queues each flow is dealt.'),
      col('QueueLengthLimit', 'string', 'How many requests may wait in one queue.'),
      ageColumn,
    ],
    cells(pl: Loose, now) {
      const limited = pl.spec?.limited;
      const queuing = limited?.limitResponse?.queuing;
      const none = '<none>';
      return [
        pl.metadata.name ?? '', pl.spec?.type ?? '', limited ? int(limited.nominalConcurrencyShares) : none,
        queuing ? int(queuing.queues) : none, queuing ? int(queuing.handSize) : none, queuing ? int(queuing.queueLengthLimit) : none, age(pl, now),
      ];
    },
  },
};
