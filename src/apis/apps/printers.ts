/**
 * Server-side printers of the apps group, by resource (printDeployment, printReplicaSet,
 * printStatefulSet, printDaemonSet, printControllerRevision upstream).
 */
import { labelSelectorToString } from '../meta/labels.js';
import {
  age, col, containerCells, containersColumn, formatLabels, formatSelector, imagesColumn, int, type Loose, nameColumn, ageColumn,
  type Printer, selectorColumn,
} from '../meta/printing.js';

const readyColumn = col('Ready', 'string', 'Ready pods out of the pods asked for.');

/** Deployments print the selector's plain String() form: "" rather than "<none>" when empty. */
function deploymentSelector(sel: Loose): string {
  try {
    return labelSelectorToString(sel);
  } catch {
    return '<invalid>';
  }
}

/** CONTROLLER of a revision: its controller owner as kind.group/name, lower-cased like kubectl. */
export function controllerOf(obj: Loose): string {
  const ref = (Array.isArray(obj.metadata.ownerReferences) ? obj.metadata.ownerReferences : []).find((r: Loose) => r?.controller === true);
  if (!ref) return '<none>';
  const apiVersion = String(ref.apiVersion ?? '');
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  const kind = String(ref.kind ?? '');
  if (!kind) return ref.name;
  return `${(group ? `${kind}.${group}` : kind).toLowerCase()}/${ref.name}`;
}

export const appsPrinters: Record<string, Printer> = {
  deployments: {
    columns: [
      nameColumn, readyColumn,
      col('Up-to-date', 'string', 'Pods already running the latest pod template.'),
      col('Available', 'string', 'Pods ready for at least minReadySeconds.'),
      ageColumn, containersColumn(1), imagesColumn(1), selectorColumn(1),
    ],
    cells(d: Loose, now) {
      const [names, images] = containerCells(d.spec?.template?.spec?.containers);
      return [
        d.metadata.name ?? '', `${int(d.status?.readyReplicas)}/${int(d.spec?.replicas)}`, int(d.status?.updatedReplicas), int(d.status?.availableReplicas),
        age(d, now), names, images, deploymentSelector(d.spec?.selector),
      ];
    },
  },
  replicasets: {
    columns: [
      nameColumn,
      col('Desired', 'integer', 'The number of pods asked for.'),
      col('Current', 'integer', 'The number of pods that exist.'),
      col('Ready', 'integer', 'The number of pods that are ready.'),
      ageColumn, containersColumn(1), imagesColumn(1), selectorColumn(1),
    ],
    cells(rs: Loose, now) {
      const [names, images] = containerCells(rs.spec?.template?.spec?.containers);
      return [rs.metadata.name ?? '', int(rs.spec?.replicas), int(rs.status?.replicas), int(rs.status?.readyReplicas), age(rs, now), names, images, formatSelector(rs.spec?.selector)];
    },
  },
  statefulsets: {
    columns: [nameColumn, readyColumn, ageColumn, containersColumn(1), imagesColumn(1)],
    cells(ss: Loose, now) {
      const [names, images] = containerCells(ss.spec?.template?.spec?.containers);
      return [ss.metadata.name ?? '', `${int(ss.status?.readyReplicas)}/${int(ss.spec?.replicas)}`, age(ss, now), names, images];
    },
  },
  daemonsets: {
    columns: [
      nameColumn,
      col('Desired', 'integer', 'The number of nodes that should run the daemon pod.'),
      col('Current', 'integer', 'The number of nodes running at least one daemon pod.'),
      col('Ready', 'integer', 'The number of nodes whose daemon pod is ready.'),
      col('Up-to-date', 'integer', 'The number of nodes running the latest pod template.'),
      col('Available', 'integer', 'The number of nodes whose daemon pod has been ready for minReadySeconds.'),
      col('Node Selector', 'string', 'The node labels the daemon pods are limited to.'),
      ageColumn, containersColumn(1), imagesColumn(1), selectorColumn(1),
    ],
    cells(ds: Loose, now) {
      const st = ds.status ?? {};
      const [names, images] = containerCells(ds.spec?.template?.spec?.containers);
      return [
        ds.metadata.name ?? '', int(st.desiredNumberScheduled), int(st.currentNumberScheduled), int(st.numberReady), int(st.updatedNumberScheduled),
        int(st.numberAvailable), formatLabels(ds.spec?.template?.spec?.nodeSelector), age(ds, now), names, images, formatSelector(ds.spec?.selector),
      ];
    },
  },
  controllerrevisions: {
    columns: [nameColumn, col('Controller', 'string', 'The object that owns the revision.'), col('Revision', 'string', 'The revision number.'), ageColumn],
    cells: (cr: Loose, now) => [cr.metadata.name ?? '', controllerOf(cr), int(cr.revision), age(cr, now)],
  },
};
