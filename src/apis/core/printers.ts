/**
 * Server-side printers of the core group, by resource. limitranges has no printer upstream and
 * keeps the default NAME/CREATED AT table.
 */
import {
  age, col, containerCells, containersColumn, formatLabels, imagesColumn, int, type Loose, nameColumn, ageColumn,
  type Printer, selectorColumn, text,
} from '../meta/printing.js';
import { eventPrinter, nodePrinter } from './node-event-printers.js';
import { podPrinter } from './pod-printer.js';
import { endpointsPrinter, servicePrinter } from './service-printers.js';

/** GetAccessModesAsString: fixed order, short names, duplicates dropped. */
const accessModeNames: Array<[string, string]> = [['ReadWriteOnce', 'RWO'], ['ReadOnlyMany', 'ROX'], ['ReadWriteMany', 'RWX'], ['ReadWriteOncePod', 'RWOP']];
export function accessModes(modes: Loose): string {
  const have = new Set(Array.isArray(modes) ? modes : []);
  return accessModeNames.filter(([m]) => have.has(m)).map(([, short]) => short).join(',');
}

const betaClassAnnotation = 'volume.beta.kubernetes.io/storage-class';
/** The storage class of a PV or PVC: the old beta annotation wins over spec.storageClassName. */
const storageClassOf = (obj: Loose): string => obj.metadata.annotations?.[betaClassAnnotation] ?? obj.spec?.storageClassName ?? '';

const pvPrinter: Printer = {
  columns: [
    nameColumn,
    col('Capacity', 'string', 'The size of the volume.'),
    col('Access Modes', 'string', 'How the volume can be mounted (RWO, ROX, RWX, RWOP).'),
    col('Reclaim Policy', 'string', 'What happens to the volume when its claim is released.'),
    col('Status', 'string', 'The volume\'s phase.'),
    col('Claim', 'string', 'The claim bound to the volume, as namespace/name.'),
    col('StorageClass', 'string', 'The storage class of the volume.'),
    col('VolumeAttributesClass', 'string', 'The volume attributes class of the volume.'),
    col('Reason', 'string', 'Why the volume is in its phase, when it says.'),
    ageColumn,
    col('VolumeMode', 'string', 'Filesystem or Block.', 1),
  ],
  cells(pv: Loose, now) {
    const spec = pv.spec ?? {};
    const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
    const phase = pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? '');
    return [
      pv.metadata.name ?? '', text(spec.capacity?.storage) || '0', accessModes(spec.accessModes), spec.persistentVolumeReclaimPolicy ?? '',
      phase, claim, storageClassOf(pv), spec.volumeAttributesClassName ?? '<unset>', pv.status?.reason ?? '', age(pv, now), spec.volumeMode ?? '<unset>',
    ];
  },
};

const pvcPrinter: Printer = {
  columns: [
    nameColumn,
    col('Status', 'string', 'The claim\'s phase.'),
    col('Volume', 'string', 'The volume bound to the claim.'),
    col('Capacity', 'string', 'The size of the bound volume.'),
    col('Access Modes', 'string', 'How the bound volume can be mounted.'),
    col('StorageClass', 'string', 'The storage class the claim asks for.'),
    col('VolumeAttributesClass', 'string', 'The volume attributes class the claim asks for.'),
    ageColumn,
    col('VolumeMode', 'string', 'Filesystem or Block.', 1),
  ],
  cells(pvc: Loose, now) {
    const spec = pvc.spec ?? {};
    const bound = Boolean(spec.volumeName);
    const phase = pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? '');
    return [
      pvc.metadata.name ?? '', phase, spec.volumeName ?? '', bound ? text(pvc.status?.capacity?.storage) || '0' : '', bound ? accessModes(pvc.status?.accessModes) : '',
      storageClassOf(pvc), spec.volumeAttributesClassName ?? '<unset>', age(pvc, now), spec.volumeMode ?? '<unset>',
    ];
  },
};

/** REQUEST and LIMIT: "resource: used/hard" for every hard limit, limits.* in the second column. */
export function quotaColumns(status: Loose): [string, string] {
  const hard: Record<string, unknown> = status?.hard ?? {};
  const used: Record<string, unknown> = status?.used ?? {};
  const request: string[] = [], limit: string[] = [];
  for (const name of Object.keys(hard).sort()) {
    const entry = `${name}: ${text(used[name]) || '0'}/${text(hard[name])}`;
    (name.startsWith('limits.') ? limit : request).push(entry);
  }
  return [request.join(', '), limit.join(', ')];
}

const replicationControllerPrinter: Printer = {
  columns: [
    nameColumn,
    col('Desired', 'integer', 'The number of pods asked for.'),
    col('Current', 'integer', 'The number of pods that exist.'),
    col('Ready', 'integer', 'The number of pods that are ready.'),
    ageColumn, containersColumn(1), imagesColumn(1), selectorColumn(1),
  ],
  cells(rc: Loose, now) {
    const [names, images] = containerCells(rc.spec?.template?.spec?.containers);
    return [rc.metadata.name ?? '', int(rc.spec?.replicas), int(rc.status?.replicas), int(rc.status?.readyReplicas), age(rc, now), names, images, formatLabels(rc.spec?.selector)];
  },
};

export const corePrinters: Record<string, Printer> = {
  pods: podPrinter,
  services: servicePrinter,
  endpoints: endpointsPrinter,
  nodes: nodePrinter,
  events: eventPrinter,
  persistentvolumes: pvPrinter,
  persistentvolumeclaims: pvcPrinter,
  replicationcontrollers: replicationControllerPrinter,
  namespaces: {
    columns: [nameColumn, col('Status', 'string', 'Active, or Terminating while the namespace is being deleted.'), ageColumn],
    cells: (ns: Loose, now) => [ns.metadata.name ?? '', ns.status?.phase ?? '', age(ns, now)],
  },
  configmaps: {
    columns: [nameColumn, col('Data', 'string', 'How many keys the config map holds, text and binary together.'), ageColumn],
    cells: (cm: Loose, now) => [cm.metadata.name ?? '', Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length, age(cm, now)],
  },
  secrets: {
    columns: [nameColumn, col('Type', 'string', 'What kind of secret this is, which decides the keys it must hold.'), col('Data', 'string', 'How many keys the secret holds.'), ageColumn],
    cells: (s: Loose, now) => [s.metadata.name ?? '', s.type ?? '', Object.keys(s.data ?? {}).length, age(s, now)],
  },
  serviceaccounts: {
    columns: [nameColumn, col('Secrets', 'string', 'How many secrets the service account lists.'), ageColumn],
    cells: (sa: Loose, now) => [sa.metadata.name ?? '', Array.isArray(sa.secrets) ? sa.secrets.length : 0, age(sa, now)],
  },
  podtemplates: {
    columns: [nameColumn, containersColumn(0), imagesColumn(0), col('Pod Labels', 'string', 'The labels pods made from the template get.')],
    cells(pt: Loose) {
      const [names, images] = containerCells(pt.template?.spec?.containers);
      return [pt.metadata.name ?? '', names, images, formatLabels(pt.template?.metadata?.labels)];
    },
  },
  resourcequotas: {
    // v1.32 order: AGE moved after LIMIT only in v1.33.
    columns: [
      nameColumn,
      ageColumn,
      col('Request', 'string', 'Usage against each hard limit on requests and object counts, as used/hard.'),
      col('Limit', 'string', 'Usage against each hard limit on limits.*, as used/hard.'),
    ],
    cells(q: Loose, now) {
      const [request, limit] = quotaColumns(q.status);
      return [q.metadata.name ?? '', age(q, now), request, limit];
    },
  },
};
