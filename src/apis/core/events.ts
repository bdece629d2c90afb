/**
 * Field selectors of Events in both API shapes. Upstream stores one internal Event; core/v1 and
 * events.k8s.io/v1 each register a field label conversion onto the same selectable fields
 * (pkg/registry/core/event/strategy.go ToSelectableFields). Here each shape reads its own fields.
 */
import { type FieldError, fieldInvalid, fieldRequired } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import { isDNS1123Subdomain, isQualifiedName } from '../meta/validation.js';
import type { Strategy } from '../../registry/rest.js';
import { composeStrategies, fieldSelectors, fieldString } from './define.js';

/** Upper bounds of the new-style fields (ReportingInstanceLengthLimit, ActionLengthLimit, ...). */
const limits: Array<[field: string, max: number]> = [['reportingInstance', 128], ['action', 128], ['reason', 128], ['message', 1024]];

/**
 * legacyValidateEvent for a core/v1 request: an old-style event (no eventTime) names an object
 * in its own namespace; a new-style one also carries its reporter, action and reason.
 */
function validateCoreEvent(e: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const ns = e.metadata.namespace ?? '';
  const involvedNs = fieldString(e, 'involvedObject.namespace');
  const mismatch = () => fieldInvalid('involvedObject.namespace', involvedNs, 'does not match event.namespace');
  if (!e.eventTime) {
    if (involvedNs === '' ? ns !== '' && ns !== 'default' : ns !== involvedNs) errs.push(mismatch());
  } else {
    if (involvedNs === '' && ns !== 'default' && ns !== 'kube-system') errs.push(mismatch());
    const controller = fieldString(e, 'reportingComponent');
    if (!controller) errs.push(fieldRequired('reportingComponent'));
    errs.push(...isQualifiedName(controller).map((m) => fieldInvalid('reportingComponent', controller, m)));
    for (const [field, max] of limits) {
      const v = fieldString(e, field);
      if (!v && field !== 'message') errs.push(fieldRequired(field));
      if (Buffer.byteLength(v) > max) errs.push(fieldInvalid(field, '', `can have at most ${max} characters`));
    }
  }
  errs.push(...isDNS1123Subdomain(ns).map((m) => fieldInvalid('namespace', ns, m)));
  return errs;
}

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
  { allowCreateOnUpdate: true, validate: validateCoreEvent },
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
