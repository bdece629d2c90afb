/**
 * Field selectors of Events in both API shapes. Upstream stores one internal Event; core/v1 and
 * events.k8s.io/v1 each register a field label conversion onto the same selectable fields
 * (pkg/registry/core/event/strategy.go ToSelectableFields). Here each shape reads its own fields.
 */
import type { KubeObject } from '../meta/types.js';
import type { Strategy } from '../../registry/rest.js';
import { composeStrategies, fieldSelectors, fieldString } from './define.js';

const involved = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'];

function refSelectors(prefix: string, from: string): Record<string, (e: KubeObject) => string> {
  return Object.fromEntries(involved.map((f) => [`${prefix}.${f}`, (e: KubeObject) => fieldString(e, `${from}.${f}`)]));
}

/** core/v1 Event: `source` is source.component, or reportingComponent when that is empty. */
export const coreEventStrategy: Strategy = composeStrategies(
  fieldSelectors({
    ...refSelectors('involvedObject', 'involvedObject'),
    reason: (e) => fieldString(e, 'reason'),
    reportingComponent: (e) => fieldString(e, 'reportingComponent'),
    source: (e) => fieldString(e, 'source.component') || fieldString(e, 'reportingComponent'),
    type: (e) => fieldString(e, 'type'),
  }),
  { allowCreateOnUpdate: true },
);

/** events.k8s.io/v1 Event: regarding.* and reportingController are its names for the same fields. */
export const eventsV1Strategy: Strategy = composeStrategies(
  fieldSelectors({
    reason: (e) => fieldString(e, 'reason'),
    ...refSelectors('regarding', 'regarding'),
    reportingController: (e) => fieldString(e, 'reportingController'),
    source: (e) => fieldString(e, 'deprecatedSource.component') || fieldString(e, 'reportingController'),
    type: (e) => fieldString(e, 'type'),
  }),
  { allowCreateOnUpdate: true },
);
