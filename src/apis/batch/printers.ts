/**
 * Server-side printers of the batch group (printJob, printCronJob upstream): a job's STATUS from
 * its conditions, COMPLETIONS as succeeded/wanted, DURATION from start to completion (or to now).
 */
import {
  age, boolText, col, condition, containerCells, containersColumn, formatSelector, humanDuration, imagesColumn, type Loose, nameColumn,
  ageColumn, type Printer, selectorColumn, since,
} from '../meta/printing.js';

const isTrue = (conditions: Loose, type: string) => condition(conditions, type)?.status === 'True';

/** STATUS: the first that holds of Complete, Failed, Terminating, Suspended, FailureTarget; else Running. */
export function jobStatus(job: Loose): string {
  const conds = job.status?.conditions;
  if (isTrue(conds, 'Complete')) return 'Complete';
  if (isTrue(conds, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (isTrue(conds, 'Suspended')) return 'Suspended';
  if (isTrue(conds, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** COMPLETIONS: succeeded/completions; without completions, "/1", noting parallelism above 1. */
export function jobCompletions(job: Loose): string {
  const succeeded = job.status?.succeeded ?? 0;
  const completions = job.spec?.completions;
  if (typeof completions === 'number') return `${succeeded}/${completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** DURATION: empty before the job starts, growing while it runs, fixed once it completes. */
export function jobDuration(job: Loose, now: number): string {
  const start = job.status?.startTime ? Date.parse(job.status.startTime) : NaN;
  if (Number.isNaN(start)) return '';
  const end = job.status?.completionTime ? Date.parse(job.status.completionTime) : NaN;
  return humanDuration((Number.isNaN(end) ? now : end) - start);
}

export const batchPrinters: Record<string, Printer> = {
  jobs: {
    columns: [
      nameColumn,
      col('Status', 'string', 'Where the job stands: Running, Complete, Failed, Suspended, Terminating or FailureTarget.'),
      col('Completions', 'string', 'Succeeded pods out of the completions asked for.'),
      col('Duration', 'string', 'How long the job ran, or has been running.'),
      ageColumn, containersColumn(1), imagesColumn(1), selectorColumn(1),
    ],
    cells(job: Loose, now) {
      const [names, images] = containerCells(job.spec?.template?.spec?.containers);
      return [job.metadata.name ?? '', jobStatus(job), jobCompletions(job), jobDuration(job, now), age(job, now), names, images, formatSelector(job.spec?.selector)];
    },
  },
  cronjobs: {
    columns: [
      nameColumn,
      col('Schedule', 'string', 'When jobs are started, in cron syntax.'),
      col('Timezone', 'string', 'The time zone the schedule is read in; the controller\'s own when unset.'),
      col('Suspend', 'boolean', 'Whether new runs are held back.'),
      col('Active', 'integer', 'How many of the cron job\'s jobs are running now.'),
      col('Last Schedule', 'string', 'How long ago a job was last started.'),
      ageColumn, containersColumn(1), imagesColumn(1), selectorColumn(1),
    ],
    cells(cj: Loose, now) {
      const spec = cj.spec ?? {};
      const last = cj.status?.lastScheduleTime ? since(cj.status.lastScheduleTime, now) : '<none>';
      const active = Array.isArray(cj.status?.active) ? cj.status.active.length : 0;
      const [names, images] = containerCells(spec.jobTemplate?.spec?.template?.spec?.containers);
      return [
        cj.metadata.name ?? '', spec.schedule ?? '', spec.timeZone ?? '<none>', boolText(spec.suspend), active, last, age(cj, now),
        names, images, formatSelector(spec.jobTemplate?.spec?.selector),
      ];
    },
  },
};
