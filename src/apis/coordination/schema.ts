/**
 * coordination.k8s.io/v1 type table (staging/src/k8s.io/api/coordination/v1/types.go): Lease,
 * the lock that leader election and node heartbeats use. Field specs match
 * src/protobuf/types-groups.ts. Data table; format: src/schema/format.ts.
 */
import type { GroupVersionKind, TypeTable } from '../../schema/format.js';

const gvk = (kind: string): GroupVersionKind[] => [{ group: 'coordination.k8s.io', version: 'v1', kind }];

export const coordinationTypes: TypeTable = {
  Lease: {
    name: 'io.k8s.api.coordination.v1.Lease',
    description: 'A Lease is a lock with an expiry, held by one identity at a time; kubelets renew one per node as a heartbeat and controllers use them for leader election.',
    gvk: gvk('Lease'),
    fields: [
      ['1 metadata ObjectMeta', "The object's standard metadata: name, namespace, labels, annotations and so on."],
      ['2 spec LeaseSpec', 'Who holds the lease and until when.'],
    ],
  },
  LeaseList: {
    name: 'io.k8s.api.coordination.v1.LeaseList',
    description: 'A list of Leases.',
    gvk: gvk('LeaseList'),
    fields: [
      ['1 metadata ListMeta', "The list's metadata: resourceVersion and the continue token for paging."],
      ['2 items Lease[]!', 'The Leases.', { required: true }],
    ],
  },
  LeaseSpec: {
    name: 'io.k8s.api.coordination.v1.LeaseSpec',
    description: 'The state of a Lease.',
    fields: [
      ['1 holderIdentity *', 'The identity currently holding the lease.'],
      ['2 leaseDurationSeconds i32*', 'How long, counted from renewTime, candidates must wait before they may take the lease over.'],
      ['3 acquireTime MicroTime', 'When the current holder acquired the lease.'],
      ['4 renewTime MicroTime', 'When the current holder last renewed the lease.'],
      ['5 leaseTransitions i32*', 'How many times the lease has changed holders.'],
      ['6 strategy *', 'How the holder is chosen when coordinated leader election picks one (e.g. OldestEmulationVersion). Needs the CoordinatedLeaderElection feature.'],
      ['7 preferredHolder *', 'The identity the coordinator wants to hold the lease next; the current holder should release it. Needs the CoordinatedLeaderElection feature.'],
    ],
  },
};
