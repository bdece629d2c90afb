/**
 * The row shapes most server-side printers share, so each group's printer only lists what is its
 * own. Upstream's column definitions nearly all open with NAME and put AGE after the kind's own
 * columns; workloads then add wide CONTAINERS, IMAGES and SELECTOR read from their pod template.
 */
import {
  age, ageColumn, col, containerCells, containersColumn, imagesColumn, int, type Loose, nameColumn, type Printer, selectorColumn,
  type TableColumn,
} from './printing.js';

/** Some columns and the function that fills their cells, in the same order. */
export interface ColumnRun {
  columns: TableColumn[];
  /** Runs per row; must not mutate obj. */
  cells(obj: Loose, now: number): unknown[];
}

/** NAME, the kind's own columns, AGE, then (optional) columns upstream places after AGE. */
export function nameAgePrinter(own: ColumnRun, afterAge?: ColumnRun): Printer {
  return {
    columns: [nameColumn, ...own.columns, ageColumn, ...(afterAge?.columns ?? [])],
    cells: (obj: Loose, now) => [obj.metadata.name ?? '', ...own.cells(obj, now), age(obj, now), ...(afterAge?.cells(obj, now) ?? [])],
  };
}

/**
 * A workload printed as upstream's controllers are: NAME, its counts, AGE, then wide CONTAINERS
 * and IMAGES of the pod spec podSpec finds, and wide SELECTOR when selector is given (statefulsets
 * print none).
 */
export function workloadPrinter(own: ColumnRun, podSpec: (obj: Loose) => Loose, selector?: (obj: Loose) => string): Printer {
  const wide: TableColumn[] = [containersColumn(1), imagesColumn(1)];
  if (selector) wide.push(selectorColumn(1));
  return nameAgePrinter(own, {
    columns: wide,
    cells(obj) {
      const cells: unknown[] = containerCells(podSpec(obj)?.containers);
      if (selector) cells.push(selector(obj));
      return cells;
    },
  });
}

/** The template's pod spec of a workload that keeps it at spec.template (all but cron jobs). */
export const templatePodSpec = (obj: Loose): Loose => obj.spec?.template?.spec;

/** DESIRED, CURRENT, READY: replica sets and replication controllers print the same counts. */
export const replicaCounts: ColumnRun = {
  columns: [
    col('Desired', 'integer', 'The number of pods asked for.'),
    col('Current', 'integer', 'The number of pods that exist.'),
    col('Ready', 'integer', 'The number of pods that are ready.'),
  ],
  cells: (obj: Loose) => [int(obj.spec?.replicas), int(obj.status?.replicas), int(obj.status?.readyReplicas)],
};
