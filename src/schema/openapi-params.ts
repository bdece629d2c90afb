/**
 * The request parameters of resource operations, as upstream's API installer declares them
 * (names, places and types), with our own descriptions, and which operation takes which.
 * Parameters are written inline in every operation, in name order, as upstream's v3 documents do.
 */
import type { Dialect, Json } from './openapi-definitions.js';

type ParamType = 'string' | 'integer' | 'boolean';

interface ParamDef { in: 'query' | 'path'; type: ParamType; description: string }

const q = (type: ParamType, description: string): ParamDef => ({ in: 'query', type, description });

export const params = {
  allowWatchBookmarks: q('boolean', 'Ask for BOOKMARK events on a watch, which carry only a newer resourceVersion so a client can resume from it. The server may send them at any time or not at all; ignored unless watching.'),
  continue: q('string', 'The token from the metadata.continue of a previous limited list, to fetch the next chunk. It is only valid with the same query; an expired token gives 410 Gone. Not supported with watch.'),
  dryRun: q('string', 'When set to All, the request runs every stage (defaulting, validation, admission) but nothing is persisted. Any other value is an error.'),
  fieldManager: q('string', 'The name of the actor making the change, recorded in managedFields. At most 128 printable characters; required for apply patches.'),
  fieldSelector: q('string', 'Only objects whose fields match this selector (for example metadata.name=x or status.phase!=Running). Empty selects everything.'),
  fieldValidation: q('string', 'What to do with unknown or duplicate fields in the request body: Ignore drops them silently, Warn drops them and reports each one in a Warning header, Strict rejects the request with 400 BadRequest listing them all.'),
  force: q('boolean', 'For apply patches only: take ownership of fields other managers own instead of failing with a conflict. Must be unset for other patch types.'),
  gracePeriodSeconds: q('integer', 'Seconds to wait before the object is removed; zero means at once. Unset uses the default of the resource (the object\'s own value for pods).'),
  ignoreStoreReadErrorWithClusterBreakingPotential: q('boolean', 'Delete an object that can no longer be read from storage (corrupt or undecryptable), skipping finalizers and preconditions. Dangerous; off by default.'),
  labelSelector: q('string', 'Only objects whose labels match this selector (for example app=web,tier!=db). Empty selects everything.'),
  limit: q('integer', 'The most objects to return in one response. When more exist, metadata.continue is set to fetch the rest; fewer may come back even then. Not supported with watch.'),
  name: { in: 'path', type: 'string', description: '' } as ParamDef,
  namespace: { in: 'path', type: 'string', description: 'The namespace that scopes the object, for names and authorization.' } as ParamDef,
  orphanDependents: q('boolean', 'Deprecated in favour of propagationPolicy: true orphans the dependents, false deletes them. Do not set both.'),
  pretty: q('string', 'When true, the response body is indented.'),
  propagationPolicy: q('string', 'How dependents are garbage collected: Orphan leaves them, Background deletes them after the owner, Foreground deletes them before the owner is gone. Unset follows the finalizers and the resource default.'),
  resourceVersion: q('string', 'Which version of the data the request may be served from; see the resourceVersion semantics of the API concepts. Defaults to unset (the most recent).'),
  resourceVersionMatch: q('string', 'How resourceVersion applies to a list: NotOlderThan or Exact. Recommended whenever resourceVersion is set. Defaults to unset.'),
  sendInitialEvents: q('boolean', 'With watch=true, start the stream with ADDED events for the current objects followed by a BOOKMARK annotated k8s.io/initial-events-end; requires resourceVersionMatch=NotOlderThan.'),
  timeoutSeconds: q('integer', 'End a list or watch call after this many seconds, whatever happens in the meantime.'),
  watch: q('boolean', 'Instead of a list, stream ADDED, MODIFIED and DELETED events for the matching objects, starting after resourceVersion.'),
} satisfies Record<string, ParamDef>;

export type ParamName = keyof typeof params;

/** The query parameters of each kind of operation, as upstream's installer attaches them. */
export const listParams: readonly ParamName[] = [
  'allowWatchBookmarks', 'continue', 'fieldSelector', 'labelSelector', 'limit', 'resourceVersion',
  'resourceVersionMatch', 'sendInitialEvents', 'timeoutSeconds', 'watch',
];
export const createParams: readonly ParamName[] = ['dryRun', 'fieldManager', 'fieldValidation'];
export const patchParams: readonly ParamName[] = ['dryRun', 'fieldManager', 'fieldValidation', 'force'];
export const deleteParams: readonly ParamName[] = [
  'dryRun', 'gracePeriodSeconds', 'ignoreStoreReadErrorWithClusterBreakingPotential', 'orphanDependents', 'propagationPolicy',
];
export const deleteCollectionParams: readonly ParamName[] = [
  ...deleteParams, ...listParams.filter((p) => p !== 'watch' && p !== 'allowWatchBookmarks'),
];

/** One parameter object; `name` takes the kind it names ("name of the Pod"). */
export function parameter(name: ParamName, d: Dialect, kind: string): Json {
  const p = params[name];
  const description = name === 'name' ? `The name of the ${kind}.` : p.description;
  const out: Json = { name, in: p.in, description };
  if (p.in === 'path') out.required = true;
  if (d === 'v2') Object.assign(out, { type: p.type, uniqueItems: true });
  else out.schema = { type: p.type, uniqueItems: true };
  return out;
}

export function parameters(names: readonly ParamName[], d: Dialect, kind: string): Json[] {
  return [...names].sort().map((n) => parameter(n, d, kind));
}
