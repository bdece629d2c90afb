/**
 * Turns a request's labelSelector and fieldSelector into one predicate over stored objects, with
 * the resource's own field-selector attributes (storage.SelectionPredicate upstream).
 */
import { checkFieldSelectorKeys, matchesFields, parseFieldSelector } from '../apis/meta/fields.js';
import { matchesLabels, parseLabelSelector } from '../apis/meta/labels.js';
import type { KubeObject } from '../apis/meta/types.js';
import type { ResourceDef } from './rest.js';

export type Predicate = (obj: KubeObject) => boolean;

export function fieldsOf(def: ResourceDef, obj: KubeObject): Record<string, string> {
  const own = def.strategy.fieldSelectorAttrs?.(obj) ?? {};
  const fields: Record<string, string> = { ...own, 'metadata.name': obj.metadata.name ?? '' };
  if (def.namespaced) fields['metadata.namespace'] = obj.metadata.namespace ?? '';
  return fields;
}

/** null when nothing filters: callers skip the per-object call entirely. */
export function buildPredicate(def: ResourceDef, version: string, labelSelector?: string, fieldSelector?: string): Predicate | null {
  const labels = labelSelector ? parseLabelSelector(labelSelector) : null;
  let fields = fieldSelector ? parseFieldSelector(fieldSelector) : null;
  if (fields) {
    const allowed = ['metadata.name', ...(def.namespaced ? ['metadata.namespace'] : []), ...(def.strategy.fieldSelectorKeys ?? [])];
    // The returned selector has legacy keys rewritten (pods' spec.host -> spec.nodeName).
    fields = checkFieldSelectorKeys(fields, allowed, def.kind, version);
  }
  const hasLabels = labels !== null && !labels.empty;
  const hasFields = fields !== null && !fields.empty;
  if (!hasLabels && !hasFields) return null;
  return (obj) => (!hasLabels || matchesLabels(labels!, obj.metadata.labels)) && (!hasFields || matchesFields(fields!, fieldsOf(def, obj)));
}
