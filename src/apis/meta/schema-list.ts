/**
 * Shared pieces for writing type tables: the `<Kind>List` TypeDef every served kind has (upstream
 * writes one Go struct per kind, all of the same shape: ListMeta at 1, items at 2), and the texts
 * of the fields every object repeats. Any group's schema file may use them.
 */
import type { FieldEntry, GroupVersionKind, TypeDef } from '../../schema/format.js';

/**
 * The gvk list for kinds served at one group version: `const gvk = servedAt('apps', 'v1')` then
 * `gvk: gvk('Deployment')` in each kind's TypeDef.
 */
export const servedAt = (group: string, version: string) => (kind: string): GroupVersionKind[] => [{ group, version, kind }];

/** The description of `metadata` on a persisted kind. */
export const objectMetaText =
  "Standard object metadata: name, namespace, labels, annotations, and the fields the server fills in (uid, resourceVersion, creationTimestamp, ...).";

/** The description of `metadata` on a list kind. */
export const listMetaText =
  'Standard list metadata: the resourceVersion the list was read at and, for chunked reads, the continue token.';

/**
 * The `metadata` field of a kind that is only ever posted and answered, never stored (the
 * authentication and authorization reviews), so the server fills in next to nothing.
 */
export const unstoredMetadataField: FieldEntry = ['1 metadata ObjectMeta', 'Standard object metadata; these objects are never stored, so it is mostly empty.'];

/**
 * The last three fields of upstream's condition structs, which say when the status last changed,
 * why (one CamelCase word) and how (in words). Their protobuf numbers start at `first`: 3 right
 * after type and status, 4 where a probe or heartbeat time comes first.
 */
export const conditionTail = (first: number): FieldEntry[] => [
  [`${first} lastTransitionTime Time`, 'When the condition last changed from one status to another.'],
  [`${first + 1} reason`, 'A one-word CamelCase reason for the last transition.'],
  [`${first + 2} message`, 'A human-readable explanation of the last transition.'],
];

/** The `metadata` field of a persisted kind (protobuf 1, omitempty, as every upstream kind). */
export const metadataField: FieldEntry = ['1 metadata ObjectMeta', objectMetaText];

/**
 * The TypeDef of `<Kind>List` for the kind `itemRef`, served at the same group versions as the
 * items (each gvk's kind suffixed with List). `name` is the list's OpenAPI definition name.
 */
export function listOf(
  name: string,
  itemRef: string,
  itemGvk: readonly GroupVersionKind[],
  itemsText: string,
): TypeDef {
  const kind = itemGvk[0]?.kind ?? itemRef;
  return {
    name,
    description: `A list of ${kind} objects, as a list or watch of the collection returns them.`,
    gvk: itemGvk.map((g) => ({ ...g, kind: `${g.kind}List` })),
    fields: [
      ['1 metadata ListMeta', listMetaText],
      [`2 items ${itemRef}[]!`, itemsText, { required: true }],
    ],
  };
}
