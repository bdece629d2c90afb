/**
 * Server-side printers of the apps group, by resource (printDeployment, printReplicaSet,
 * printStatefulSet, printDaemonSet, printControllerRevision upstream).
 */
import { labelSelectorToString } from '../meta/labels.js';
import { nameAgePrinter, replicaCounts, templatePodSpec, workloadPrinter } from '../meta/printer-shapes.js';
import { col, formatLabels, formatSelector, int, type Loose, type Printer } from '../meta/printing.js';

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
  deployments: workloadPrinter({
    columns: [
      readyColumn,
      col('Up-to-date', 'string', 'Pods already running the latest pod template.'),
      col('Available', 'string', 'Pods ready for at least minReadySeconds.'),
    ],
    cells: (d: Loose) => [`${int(d.status?.readyReplicas)}/${int(d.spec?.replicas)}`, int(d.status?.updatedReplicas), int(d.status?.availableReplicas)],
  }, templatePodSpec, (d: Loose) => deploymentSelector(d.spec?.selector)),
  replicasets: workloadPrinter(replicaCounts, templatePodSpec, (rs: Loose) => formatSelector(rs.spec?.selector)),
  statefulsets: workloadPrinter({
    columns: [readyColumn],
    cells: (ss: Loose) => [`${int(ss.status?.readyReplicas)}/${int(ss.spec?.replicas)}`],
  }, templatePodSpec),
  daemonsets: workloadPrinter({
    columns: [
      col('Desired', 'integer', 'The number of nodes that should run the daemon pod.'),
      col('Current', 'integer', 'The number of nodes running at least one daemon pod.'),
      col('Ready', 'integer', 'The number of nodes whose daemon pod is ready.'),
      col('Up-to-date', 'integer', 'The number of nodes running the latest pod template.'),
      col('Available', 'integer', 'The number of nodes whose daemon pod has been ready for minReadySeconds.'),
      col('Node Selector', 'string', 'The node labels the daemon pods are limited to.'),
    ],
    cells(ds: Loose) {
      const st = ds.status ?? {};
      return [
        int(st.desiredNumberScheduled), int(st.currentNumberScheduled), int(st.numberReady), int(st.updatedNumberScheduled),
        int(st.numberAvailable), formatLabels(ds.spec?.template?.spec?.nodeSelector),
      ];
    },
  }, templatePodSpec, (ds: Loose) => formatSelector(ds.spec?.selector)),
  controllerrevisions: nameAgePrinter({
    columns: [col('Controller', 'string', 'The object that owns the revision.'), col('Revision', 'string', 'The revision number.')],
    cells: (cr: Loose) => [controllerOf(cr), int(cr.revision)],
  }),
};
