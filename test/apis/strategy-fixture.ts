/** Shared by the per-group strategy tests: the catalog's strategy for a resource and a run of create's hooks. */
import { fieldErrorMessage } from '../../src/apis/meta/errors.js';
import type { KubeObject } from '../../src/apis/meta/types.js';
import { builtinResources } from '../../src/apis/catalog.js';
import type { RequestContext, Strategy } from '../../src/registry/rest.js';

export const ctx: RequestContext = { user: { name: 'alice', groups: [] }, namespace: 'ns', dryRun: false };

export function strategyOf(group: string, resource: string): Strategy {
  const def = builtinResources.find((d) => d.group === group && d.resource === resource);
  if (!def) throw new Error(`no resource ${resource}.${group}`);
  return def.strategy;
}

/** prepareForCreate then validate, as the Store runs them; the messages as upstream prints them. */
export function createErrors(s: Strategy, obj: KubeObject): string[] {
  s.prepareForCreate?.(obj, ctx);
  return (s.validate?.(obj, ctx) ?? []).map((e) => fieldErrorMessage(e));
}

/** prepareForUpdate then validateUpdate. */
export function updateErrors(s: Strategy, obj: KubeObject, old: KubeObject): string[] {
  s.prepareForUpdate?.(obj, old, ctx);
  return (s.validateUpdate?.(obj, old, ctx) ?? []).map((e) => fieldErrorMessage(e));
}
