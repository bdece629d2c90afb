/**
 * Type table for meta/v1 (k8s.io/apimachinery/pkg/apis/meta/v1/types.go and watch.go): object and
 * list metadata, owner references, label selectors, conditions, Status, the request option kinds,
 * WatchEvent, the discovery documents and PartialObjectMetadata. Every other table refers to these
 * by their plain Go names. A data table, so longer than our usual files.
 */
import type { GroupVersionKind, TypeTable } from '../../schema/format.js';
import { listMetaText, listOf, servedAt } from './schema-list.js';

/**
 * Every group version kubets serves. Upstream registers the option kinds and WatchEvent in each
 * group version it installs (metav1.AddToGroupVersion), so they carry all of them.
 */
export const servedGroupVersions: readonly (readonly [group: string, version: string])[] = [
  ['', 'v1'], ['admissionregistration.k8s.io', 'v1'], ['apps', 'v1'], ['authentication.k8s.io', 'v1'],
  ['authorization.k8s.io', 'v1'], ['autoscaling', 'v1'], ['autoscaling', 'v2'], ['batch', 'v1'],
  ['certificates.k8s.io', 'v1'], ['coordination.k8s.io', 'v1'], ['discovery.k8s.io', 'v1'],
  ['events.k8s.io', 'v1'], ['flowcontrol.apiserver.k8s.io', 'v1'], ['networking.k8s.io', 'v1'],
  ['node.k8s.io', 'v1'], ['policy', 'v1'], ['rbac.authorization.k8s.io', 'v1'], ['scheduling.k8s.io', 'v1'],
  ['storage.k8s.io', 'v1'],
];

const inEveryGroupVersion = (kind: string): GroupVersionKind[] =>
  servedGroupVersions.map(([group, version]) => ({ group, version, kind }));

const core = servedAt('', 'v1');
const metaGroup = (kind: string): GroupVersionKind[] => [
  { group: 'meta.k8s.io', version: 'v1', kind }, { group: 'meta.k8s.io', version: 'v1beta1', kind },
];

const m = (ref: string) => `io.k8s.apimachinery.pkg.apis.meta.v1.${ref}`;

const dryRunText = 'Set to ["All"] to run every stage of the request (defaulting, validation, admission) without persisting the result. Any other value is rejected.';
const fieldManagerText = 'Names the actor making the change, for managedFields tracking. At most 128 printable characters.';
const fieldValidationText = 'What the server does with unknown or duplicate fields in the body: Ignore drops them silently, Warn drops them and reports each in a Warning header (the default), Strict rejects the request with 400.';
const atomic = { listType: 'atomic' } as const;

export const metaTypes: TypeTable = {
  ObjectMeta: {
    name: m('ObjectMeta'),
    description: 'Metadata every persisted object carries: its identity (name, namespace, uid), labels and annotations, ownership, finalizers, and the bookkeeping the server maintains.',
    fields: [
      ['1 name', 'Unique name within the namespace (or cluster, for cluster-scoped kinds). Required on create unless generateName is set; cannot be changed afterwards.'],
      ['2 generateName', 'Prefix the server uses to invent a unique name when name is empty; a random suffix is appended. Ignored when name is set.'],
      ['3 namespace', 'The namespace the object lives in; must be a DNS label. Empty for cluster-scoped kinds. Cannot be changed.'],
      ['4 selfLink', 'Deprecated and never set by the server.'],
      ['5 uid', 'Unique id the server assigns on create; never reused and never changed. Read-only.'],
      ['6 resourceVersion', 'Opaque version of this object, changed on every write. Send it back unchanged on update for optimistic concurrency, or use it to start a watch. Read-only.'],
      ['7 generation i64', 'Sequence number of the desired state (spec), bumped by the server when it changes. Read-only.'],
      ['8 creationTimestamp Time', 'When the server created the object, RFC 3339 in UTC. Read-only.'],
      ['9 deletionTimestamp Time', 'When graceful deletion was requested, set by the server; the object goes away once its finalizers are empty. Read-only.'],
      ['10 deletionGracePeriodSeconds i64*', 'Seconds the object is allowed to terminate gracefully; set with deletionTimestamp and may only shrink. Read-only.'],
      ['11 labels {}', 'Key/value pairs for organizing and selecting objects (by label selectors in services, controllers and list calls).'],
      ['12 annotations {}', 'Arbitrary non-identifying key/value metadata for tools and controllers; not used for selection.'],
      ['13 ownerReferences OwnerReference[]', 'Objects this one depends on. When every owner is gone the garbage collector deletes this object; at most one owner may be the managing controller.', { patchStrategy: 'merge', patchMergeKey: 'uid', listType: 'map', listMapKeys: ['uid'] }],
      ['14 finalizers []', 'Names of components that must clean up before the object is removed. Deletion waits until the list is empty; while deleting, entries may only be removed.', { patchStrategy: 'merge', listType: 'set' }],
      ['17 managedFields ManagedFieldsEntry[]', 'Which manager (kubectl, a controller, an apply) owns which fields, maintained by the server for server-side apply. Rarely useful to read by hand.', atomic],
    ],
  },
  ListMeta: {
    name: m('ListMeta'),
    description: 'Metadata of a list response: its resourceVersion and the continuation state of a chunked read.',
    fields: [
      ['1 selfLink', 'Deprecated and never set by the server.'],
      ['2 resourceVersion', 'Opaque version the list was read at; start a watch from it to see every later change. Read-only.'],
      ['3 continue', 'Set when a limit cut the list short: pass it as the continue parameter, with the same query, to get the next chunk. It expires after a few minutes.'],
      ['4 remainingItemCount i64*', 'Estimate of the items left after this chunk. Unset when selectors make it unknown or on the last chunk; do not rely on it being exact.'],
    ],
  },
  OwnerReference: {
    name: m('OwnerReference'),
    description: 'Points at an object that owns this one. The owner is in the same namespace or is cluster-scoped, so there is no namespace field.',
    structType: 'atomic',
    fields: [
      ['5 apiVersion !', 'API version of the owner.', { required: true }],
      ['1 kind !', 'Kind of the owner.', { required: true }],
      ['3 name !', 'Name of the owner.', { required: true }],
      ['4 uid !', 'UID of the owner; a reference to a recreated owner with the same name does not match.', { required: true }],
      ['6 controller b*', 'True when the owner is the controller managing this object. Only one owner may be.'],
      ['7 blockOwnerDeletion b*', 'When true and the owner is deleted in the foreground, the owner stays until this object is gone. Setting it needs delete permission on the owner.'],
    ],
  },
  ManagedFieldsEntry: {
    name: m('ManagedFieldsEntry'),
    description: 'One manager\'s claim on a set of fields: who, through which operation and API version, and which fields.',
    fields: [
      ['1 manager', 'The manager\'s name (the fieldManager of its requests).'],
      ['2 operation', 'How the fields were written: Apply (server-side apply) or Update (any other write).'],
      ['3 apiVersion', 'The group/version the field set is expressed in; field sets are not converted between versions.'],
      ['4 time Time', 'When the entry last changed because this manager set or changed one of its fields.'],
      ['6 fieldsType', 'Format of fieldsV1; always "FieldsV1".'],
      ['7 fieldsV1 FieldsV1', 'The managed fields, as a trie of f:<field>, k:<list keys>, v:<value> and i:<index> entries.'],
      ['8 subresource', 'The subresource the writes went through (e.g. status), or empty for the main resource. Distinguishes managers with the same name.'],
    ],
  },
  LabelSelector: {
    name: m('LabelSelector'),
    description: 'A label query. matchLabels and matchExpressions are ANDed; an empty selector matches everything and a missing one matches nothing.',
    structType: 'atomic',
    fields: [
      ['1 matchLabels {}', 'Labels that must be present with exactly these values; shorthand for In requirements with one value each.'],
      ['2 matchExpressions LabelSelectorRequirement[]', 'Set-based requirements, all of which must hold.', atomic],
    ],
  },
  LabelSelectorRequirement: {
    name: m('LabelSelectorRequirement'),
    description: 'One set-based label requirement: a key, an operator and, for In and NotIn, the values.',
    fields: [
      ['1 key !', 'The label key the requirement tests.', { required: true }],
      ['2 operator !', 'In, NotIn, Exists or DoesNotExist.', { required: true }],
      ['3 values []', 'Values for In and NotIn (must be non-empty); must be empty for Exists and DoesNotExist. Replaced whole by a strategic merge patch.', atomic],
    ],
  },
  FieldSelectorRequirement: {
    name: m('FieldSelectorRequirement'),
    description: 'One set-based field requirement: a field selector key, an operator and, for In and NotIn, the values.',
    fields: [
      ['1 key !', 'The field selector key the requirement tests, e.g. spec.nodeName.', { required: true }],
      ['2 operator !', 'In, NotIn, Exists or DoesNotExist; more operators may be added.', { required: true }],
      ['3 values []', 'Values for In and NotIn (must be non-empty); must be empty for Exists and DoesNotExist.', atomic],
    ],
  },
  Patch: {
    name: m('Patch'),
    description: 'The body of a PATCH request; its form depends on the Content-Type: JSON patch, merge patch, strategic merge patch or an apply configuration.',
    // A named Go struct with no fields: it exists so OpenAPI has a type for patch bodies.
    fields: [],
  },
  Condition: {
    name: m('Condition'),
    description: 'One observation of an aspect of an object\'s state, as kept in status.conditions (type, status, why and since when).',
    fields: [
      ['1 type !', 'Condition type in CamelCase, optionally prefixed with a DNS subdomain (example.com/Ready).', { required: true }],
      ['2 status !', 'True, False or Unknown.', { required: true }],
      ['3 observedGeneration i64', 'The metadata.generation this condition was computed from; older than the current generation means stale.'],
      ['4 lastTransitionTime Time', 'When status last changed.', { required: true }],
      ['5 reason !', 'Machine-readable CamelCase reason for the last transition; must not be empty.', { required: true }],
      ['6 message !', 'Human-readable details of the transition; may be empty.', { required: true }],
    ],
  },
  Status: {
    name: m('Status'),
    description: 'The result of a call that returns no object, and the body of every error: success or failure, a message, a machine-readable reason and details.',
    gvk: core('Status'),
    fields: [
      ['1 metadata ListMeta', listMetaText],
      ['2 status', 'Success or Failure.'],
      ['3 message', 'Human-readable description of the outcome.'],
      ['4 reason', 'Machine-readable reason for a Failure (NotFound, AlreadyExists, Conflict, Invalid, ...); it refines the HTTP code without overriding it.'],
      ['5 details StatusDetails', 'Extra data for the reason: the object concerned and, for Invalid, one cause per bad field.'],
      ['6 code i32', 'The HTTP status code of this result; 0 when not set.'],
    ],
  },
  StatusDetails: {
    name: m('StatusDetails'),
    description: 'Reason-specific details of a Status: which object it is about, the causes, and when to retry. Clients should tolerate any field being missing.',
    fields: [
      ['1 name', 'Name of the object the status is about, when there is one.'],
      ['2 group', 'API group of that object.'],
      ['3 kind', 'Kind (or resource) of that object; may differ from the kind requested.'],
      ['6 uid', 'UID of that object, when there is one.'],
      ['4 causes StatusCause[]', 'The individual problems behind the failure, e.g. one per invalid field.', atomic],
      ['5 retryAfterSeconds i32', 'Seconds to wait before retrying, for errors that ask the client to back off.'],
    ],
  },
  StatusCause: {
    name: m('StatusCause'),
    description: 'One cause of a failed call, usually one bad field.',
    fields: [
      ['1 reason', 'Machine-readable cause, e.g. FieldValueRequired, FieldValueInvalid, FieldValueNotSupported, FieldValueDuplicate.'],
      ['2 message', 'Human-readable description of the cause, fit to show to a user as is.'],
      ['3 field', 'Path of the offending field in JSON names, with dots and [index] for list items (spec.containers[0].image). A field may appear in several causes.'],
    ],
  },
  Preconditions: {
    name: m('Preconditions'),
    description: 'Conditions the stored object must meet for the operation to go ahead; otherwise the server answers 409 Conflict.',
    fields: [
      ['1 uid *', 'The object must have this UID.'],
      ['2 resourceVersion *', 'The object must be at this resourceVersion.'],
    ],
  },
  DeleteOptions: {
    name: m('DeleteOptions'),
    description: 'Options of a delete call: the grace period, preconditions and what happens to dependents.',
    gvk: inEveryGroupVersion('DeleteOptions'),
    fields: [
      ['1 gracePeriodSeconds i64*', 'Seconds before the object is deleted; 0 deletes at once. Unset uses the kind\'s default.'],
      ['2 preconditions Preconditions', 'UID and resourceVersion the object must still have; otherwise 409 Conflict.'],
      ['3 orphanDependents b*', 'Deprecated: use propagationPolicy. True orphans dependents, false deletes them; cannot be combined with propagationPolicy.'],
      ['4 propagationPolicy *', 'What happens to dependents: Orphan leaves them, Background deletes them after the owner, Foreground deletes them before the owner. Unset uses the finalizers and the kind\'s default.'],
      ['5 dryRun []', dryRunText, atomic],
      ['6 ignoreStoreReadErrorWithClusterBreakingPotential b*', 'Force-delete an object the server cannot read from storage (undecryptable or undecodable), skipping finalizers and preconditions. Dangerous: workloads relying on normal deletion may break. Needs the AllowUnsafeMalformedObjectDeletion feature; defaults to false.'],
    ],
  },
  CreateOptions: {
    name: m('CreateOptions'),
    description: 'Options of a create call.',
    gvk: inEveryGroupVersion('CreateOptions'),
    fields: [
      ['1 dryRun []', dryRunText, atomic],
      ['3 fieldManager', fieldManagerText],
      ['4 fieldValidation', fieldValidationText],
    ],
  },
  UpdateOptions: {
    name: m('UpdateOptions'),
    description: 'Options of an update (PUT) call.',
    gvk: inEveryGroupVersion('UpdateOptions'),
    fields: [
      ['1 dryRun []', dryRunText, atomic],
      ['2 fieldManager', fieldManagerText],
      ['3 fieldValidation', fieldValidationText],
    ],
  },
  PatchOptions: {
    name: m('PatchOptions'),
    description: 'Options of a patch call, including server-side apply.',
    gvk: inEveryGroupVersion('PatchOptions'),
    fields: [
      ['1 dryRun []', dryRunText, atomic],
      ['2 force b*', 'For apply patches only: take ownership of fields other managers own instead of failing with a conflict. Must be unset for other patch types.'],
      ['3 fieldManager', `${fieldManagerText} Required for apply patches.`],
      ['4 fieldValidation', fieldValidationText],
    ],
  },
  WatchEvent: {
    name: m('WatchEvent'),
    description: 'One event of a watch stream: what happened and the object it happened to.',
    gvk: inEveryGroupVersion('WatchEvent'),
    fields: [
      ['1 type !', 'ADDED, MODIFIED, DELETED, BOOKMARK or ERROR.', { required: true }],
      ['2 object RawExtension!', 'The object after the change (for DELETED, its last state); for BOOKMARK only its kind and resourceVersion; for ERROR a Status.', { required: true }],
    ],
  },
  PartialObjectMetadata: {
    name: m('PartialObjectMetadata'),
    description: 'Any object reduced to its metadata, as returned for as=PartialObjectMetadata requests.',
    gvk: metaGroup('PartialObjectMetadata'),
    fields: [['1 metadata ObjectMeta', 'The object\'s metadata.']],
  },
  PartialObjectMetadataList: listOf(m('PartialObjectMetadataList'), 'PartialObjectMetadata', metaGroup('PartialObjectMetadata'), 'The objects, metadata only.'),
  APIVersions: {
    name: m('APIVersions'),
    description: 'The versions of the legacy core API, served at /api.',
    gvk: core('APIVersions'),
    fields: [
      ['1 versions []!', 'The available versions (v1).', { required: true, listType: 'atomic' }],
      ['2 serverAddressByClientCIDRs ServerAddressByClientCIDR[]!', 'Which server address a client should use, by the CIDR its address falls in; use the longest match.', { required: true, listType: 'atomic' }],
    ],
  },
  APIGroupList: {
    name: m('APIGroupList'),
    description: 'Every API group the server serves, at /apis.',
    gvk: core('APIGroupList'),
    fields: [['1 groups APIGroup[]!', 'The groups.', { required: true, listType: 'atomic' }]],
  },
  APIGroup: {
    name: m('APIGroup'),
    description: 'One API group: its name, the versions served and the preferred one.',
    gvk: core('APIGroup'),
    fields: [
      ['1 name !', 'The group name, e.g. apps.', { required: true }],
      ['2 versions GroupVersionForDiscovery[]!', 'Versions served in this group.', { required: true, listType: 'atomic' }],
      ['3 preferredVersion GroupVersionForDiscovery', 'The version clients should prefer, usually the storage version.'],
      ['4 serverAddressByClientCIDRs ServerAddressByClientCIDR[]', 'Which server address a client should use, by the CIDR its address falls in; use the longest match.', atomic],
    ],
  },
  ServerAddressByClientCIDR: {
    name: m('ServerAddressByClientCIDR'),
    description: 'The server address clients in a CIDR should use.',
    fields: [
      ['1 clientCIDR !', 'CIDR the client address must fall in.', { required: true }],
      ['2 serverAddress !', 'Address for such clients: host, host:port, IP or IP:port.', { required: true }],
    ],
  },
  GroupVersionForDiscovery: {
    name: m('GroupVersionForDiscovery'),
    description: 'One version of a group, both as "group/version" and as the bare version.',
    fields: [
      ['1 groupVersion !', 'The "group/version" string, e.g. apps/v1.', { required: true }],
      ['2 version !', 'The version alone, e.g. v1.', { required: true }],
    ],
  },
  APIResource: {
    name: m('APIResource'),
    description: 'One resource of a group version as discovery lists it: names, scope, kind and verbs.',
    fields: [
      ['1 name !', 'Plural resource name, or resource/subresource for a subresource.', { required: true }],
      ['6 singularName !', 'Singular name; kubectl accepts it as well as the plural.', { required: true }],
      ['2 namespaced b!', 'Whether objects of the resource live in namespaces.', { required: true }],
      ['8 group', 'Group of the resource when it differs from the list\'s (e.g. autoscaling for scale subresources).'],
      ['9 version', 'Version of the resource when it differs from the list\'s.'],
      ['3 kind !', 'The kind of the resource\'s objects.', { required: true }],
      ['4 verbs []!', 'Supported verbs: get, list, watch, create, update, patch, delete, deletecollection, proxy.', { required: true }],
      ['5 shortNames []', 'Short aliases kubectl accepts, e.g. po for pods.', atomic],
      ['7 categories []', 'Groupings the resource belongs to, e.g. all.', atomic],
      ['10 storageVersionHash', 'Opaque hash of the storage version; compare for equality only.'],
    ],
  },
  APIResourceList: {
    name: m('APIResourceList'),
    description: 'The resources of one group version, at /api/v1 or /apis/<group>/<version>.',
    gvk: core('APIResourceList'),
    fields: [
      ['1 groupVersion !', 'The group/version listed.', { required: true }],
      ['2 resources APIResource[]!', 'The resources and subresources served.', { required: true, listType: 'atomic' }],
    ],
  },
};
