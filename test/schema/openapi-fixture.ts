/**
 * A small stand-in for the built-in tables and resources, for the OpenAPI tests: enough meta
 * types for the paths' references, a namespaced kind with status/scale/binding subresources, a
 * cluster-scoped kind, a create-only kind and a subresource kind of another group.
 */
import { compileTables } from '../../src/schema/compile.js';
import type { TypeTable } from '../../src/schema/format.js';
import type { ResourceDef } from '../../src/registry/rest.js';

const meta = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

const tables: TypeTable = {
  ObjectMeta: {
    name: meta + 'ObjectMeta', description: 'Metadata of persisted objects.',
    fields: [
      ['1 name', 'Unique within a namespace.'],
      ['3 namespace', 'The namespace.'],
      ['8 creationTimestamp Time', 'When the object was created.'],
      ['11 labels s{}', 'Labels.'],
      ['13 ownerReferences OwnerReference[]', 'Owners.', { patchStrategy: 'merge', patchMergeKey: 'uid', listType: 'map', listMapKeys: ['uid'] }],
      ['17 managedFields ManagedFieldsEntry[]', 'Field ownership.', { listType: 'atomic' }],
    ],
  },
  OwnerReference: {
    name: meta + 'OwnerReference', description: 'An owner.', structType: 'atomic',
    fields: [['5 apiVersion s!', 'API version.', { required: true }], ['4 uid s!', 'UID.', { required: true }], ['7 controller b*', 'Whether it is the controller.']],
  },
  ManagedFieldsEntry: { name: meta + 'ManagedFieldsEntry', description: 'One manager.', fields: [['1 manager', 'Who.'], ['7 fieldsV1 FieldsV1*', 'What.']] },
  ListMeta: { name: meta + 'ListMeta', description: 'List metadata.', fields: [['2 resourceVersion', 'RV.'], ['3 continue', 'Token.']] },
  Status: { name: meta + 'Status', description: 'A result.', gvk: [{ group: '', version: 'v1', kind: 'Status' }], fields: [['3 message', 'Text.'], ['6 code i32', 'HTTP code.']] },
  APIResourceList: { name: meta + 'APIResourceList', description: 'Resources of a group-version.', gvk: [{ group: '', version: 'v1', kind: 'APIResourceList' }], fields: [['1 groupVersion s!', 'The group-version.', { required: true }]] },
  APIGroup: { name: meta + 'APIGroup', description: 'A group and its versions.', gvk: [{ group: '', version: 'v1', kind: 'APIGroup' }], fields: [['1 name s!', 'The group.', { required: true }]] },
  APIGroupList: { name: meta + 'APIGroupList', description: 'Every group.', gvk: [{ group: '', version: 'v1', kind: 'APIGroupList' }], fields: [['1 groups APIGroup[]', 'The groups.', { required: true }]] },
  APIVersions: { name: meta + 'APIVersions', description: 'Versions of the core API.', gvk: [{ group: '', version: 'v1', kind: 'APIVersions' }], fields: [['1 versions s[]', 'The versions.', { required: true }]] },
  DeleteOptions: { name: meta + 'DeleteOptions', description: 'Options for delete.', fields: [['1 gracePeriodSeconds i64*', 'Seconds.']] },
  Widget: {
    name: 'io.k8s.api.core.v1.Widget', description: 'A widget that lives in a namespace.',
    gvk: [{ group: '', version: 'v1', kind: 'Widget' }],
    fields: [['1 metadata ObjectMeta', 'Standard metadata.'], ['2 spec WidgetSpec', 'Desired state.'], ['3 status WidgetStatus', 'Observed state.']],
  },
  WidgetSpec: {
    name: 'io.k8s.api.core.v1.WidgetSpec', description: 'What a widget should be.',
    fields: [
      ['1 replicas i32*', 'How many.', { default: 1 }],
      ['2 size Quantity', 'How big.'],
      ['3 port IntOrString', 'Port number or name.'],
      ['4 mode s', 'How it runs.', { enum: ['Fast', 'Slow'] }],
      ['5 parts Part[]', 'Its parts.', { patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] }],
      ['6 data bytes{}', 'Binary data.'],
      ['7 ratio f64', 'A ratio.'],
      ['8 ... Common', ''],
      ['9 byName Part{}', 'Parts by name.'],
    ],
  },
  Common: { name: 'io.k8s.api.core.v1.Common', description: 'Fields shared by embedding.', fields: [['1 note s!', 'A note.', { required: true }]] },
  Part: { name: 'io.k8s.api.core.v1.Part', description: 'A part.', fields: [['1 name s!', 'Part name.', { required: true }], ['2 image', 'Image.']] },
  WidgetStatus: { name: 'io.k8s.api.core.v1.WidgetStatus', description: 'Observed state.', fields: [['1 ready i32!', 'Ready count.', { required: true }]] },
  WidgetBinding: { name: 'io.k8s.api.core.v1.WidgetBinding', description: 'Binds a widget.', gvk: [{ group: '', version: 'v1', kind: 'WidgetBinding' }], fields: [['1 metadata ObjectMeta', 'Metadata.'], ['2 target s!', 'Where.', { required: true }]] },
  Gadget: {
    name: 'io.k8s.api.example.v1.Gadget', description: 'A cluster-wide gadget.',
    gvk: [{ group: 'example.k8s.io', version: 'v1', kind: 'Gadget' }],
    fields: [['1 metadata ObjectMeta', 'Standard metadata.'], ['2 value s!', 'Value.', { required: true }]],
  },
  Review: {
    name: 'io.k8s.api.example.v1.Review', description: 'Asks a question; nothing is stored.',
    gvk: [{ group: 'example.k8s.io', version: 'v1', kind: 'Review' }],
    fields: [['1 metadata ObjectMeta', 'Metadata.'], ['2 allowed b', 'The answer.']],
  },
  Scale: {
    name: 'io.k8s.api.autoscaling.v1.Scale', description: 'A scale subresource.',
    gvk: [{ group: 'autoscaling', version: 'v1', kind: 'Scale' }],
    fields: [['1 metadata ObjectMeta', 'Metadata.'], ['2 replicas i32', 'Desired replicas.']],
  },
};

export const fixtureSchema = compileTables([tables]);

const strategy = {};
export const fixtureResources: ResourceDef[] = [
  {
    group: '', versions: ['v1'], resource: 'widgets', singularName: 'widget', kind: 'Widget', namespaced: true,
    nameValidation: 'dns1123Subdomain', strategy,
    subresources: [
      { name: 'status', kind: 'Widget', verbs: ['get', 'patch', 'update'] },
      { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] },
      { name: 'binding', kind: 'WidgetBinding', verbs: ['create'] },
    ],
  },
  { group: 'example.k8s.io', versions: ['v1'], resource: 'gadgets', singularName: 'gadget', kind: 'Gadget', namespaced: false, nameValidation: 'dns1123Subdomain', strategy },
  { group: 'example.k8s.io', versions: ['v1'], resource: 'reviews', singularName: 'review', kind: 'Review', namespaced: false, nameValidation: 'dns1123Subdomain', strategy, verbs: ['create'], virtual: true },
  // No table describes Missing: it must be left out of the documents, not described wrongly.
  { group: 'example.k8s.io', versions: ['v1'], resource: 'missings', singularName: 'missing', kind: 'Missing', namespaced: true, nameValidation: 'dns1123Subdomain', strategy },
];

export const fixtureSource = { schema: fixtureSchema, resources: fixtureResources, serverVersion: 'v1.32.0' };
