/**
 * Which message decodes a body, by the envelope's apiVersion and kind. The message is named
 * after the kind unless the kind is taken by another group ('Event=EventsV1Event'). The option
 * kinds (DeleteOptions, ...) are registered in every group version upstream
 * (metav1.AddToGroupVersion), so any apiVersion may carry them.
 */
import { builtinSchema } from '../schema/tables.js';

const kindsByApiVersion: Record<string, readonly string[]> = {
  v1: [
    'Namespace', 'ConfigMap', 'Secret', 'ServiceAccount', 'Service', 'ResourceQuota', 'Pod', 'PodTemplate',
    'Event', 'Binding', 'PersistentVolumeClaim', 'Node',
  ],
  'apps/v1': ['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ControllerRevision'],
  'batch/v1': ['Job', 'CronJob'],
  'rbac.authorization.k8s.io/v1': ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'],
  'scheduling.k8s.io/v1': ['PriorityClass'],
  'policy/v1': ['PodDisruptionBudget', 'Eviction'],
  'networking.k8s.io/v1': ['Ingress', 'IngressClass', 'NetworkPolicy'],
  'authentication.k8s.io/v1': ['TokenRequest', 'TokenReview', 'SelfSubjectReview'],
  'authorization.k8s.io/v1': ['SubjectAccessReview', 'LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview'],
  'coordination.k8s.io/v1': ['Lease'],
  'events.k8s.io/v1': ['Event=EventsV1Event'],
};

const optionKinds = new Set(['DeleteOptions', 'CreateOptions', 'UpdateOptions', 'PatchOptions']);

/** "group/version/Kind" -> message name. */
const known = new Map(Object.entries(kindsByApiVersion).flatMap(([gv, kinds]) => kinds.map((entry) => {
  const [kind, message = kind] = entry.split('=');
  return [`${gv}/${kind}`, message] as const;
})));

/**
 * The message name for this apiVersion+kind, or undefined when we cannot decode it. A kind the
 * schema tables serve resolves to its table type; the list above covers kinds not yet in them.
 */
export function messageForKind(apiVersion: string, kind: string): string | undefined {
  if (optionKinds.has(kind) && apiVersion !== '') return kind;
  const gvk = apiVersion.includes('/') ? `${apiVersion}/${kind}` : `/${apiVersion}/${kind}`;
  return builtinSchema.kinds.get(gvk)?.ref ?? known.get(`${apiVersion}/${kind}`);
}

/** Every decodable "apiVersion/Kind" with its message, for tests. */
export const decodableKinds: ReadonlyMap<string, string> = known;
