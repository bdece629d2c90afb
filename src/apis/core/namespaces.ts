/**
 * Namespace rules (pkg/registry/core/namespace/strategy.go): a new namespace is Active and carries
 * the `kubernetes` finalizer; updates of the main resource keep spec.finalizers and status (only
 * /finalize and /status change them); the kubernetes.io/metadata.name label always equals the
 * name (set in canonicalize, after generateName has produced the final name).
 */
import { type FieldError, fieldInvalid } from '../meta/errors.js';
import type { KubeObject } from '../meta/types.js';
import { isQualifiedName } from '../meta/validation.js';
import type { Strategy } from '../../registry/rest.js';
import { composeStrategies, fieldSelectors, fieldString, section, statusReset } from './define.js';

export const namespaceNameLabel = 'kubernetes.io/metadata.name';

function prepareForCreate(ns: KubeObject): void {
  const spec = section(ns, 'spec');
  const finalizers = Array.isArray(spec.finalizers) ? spec.finalizers as unknown[] : [];
  if (!finalizers.includes('kubernetes')) spec.finalizers = [...finalizers, 'kubernetes'];
}

function prepareForUpdate(ns: KubeObject, old: KubeObject): void {
  const spec = section(ns, 'spec');
  const oldFinalizers = (old.spec as { finalizers?: unknown } | undefined)?.finalizers;
  if (oldFinalizers === undefined) delete spec.finalizers;
  else spec.finalizers = structuredClone(oldFinalizers);
}

/** validateFinalizerName over spec.finalizers: qualified, or the standard `kubernetes`. */
function validateNamespace(ns: KubeObject): FieldError[] {
  const finalizers = (ns.spec as { finalizers?: unknown } | undefined)?.finalizers;
  const errs: FieldError[] = [];
  for (const f of Array.isArray(finalizers) ? finalizers : []) {
    const name = typeof f === 'string' ? f : '';
    errs.push(...isQualifiedName(name).map((m) => fieldInvalid('spec.finalizers', name, m)));
    if (!name.includes('/') && name !== 'kubernetes') errs.push(fieldInvalid('spec.finalizers', name, 'name is neither a standard finalizer name nor is it fully qualified'));
  }
  return errs;
}

function canonicalize(ns: KubeObject): void {
  ns.metadata.labels = { ...ns.metadata.labels, [namespaceNameLabel]: ns.metadata.name ?? '' };
}

export const namespaceStrategy: Strategy = composeStrategies(
  statusReset(() => ({ phase: 'Active' })),
  { prepareForCreate, prepareForUpdate, canonicalize, validate: validateNamespace },
  // Namespaces accept status.phase and metadata.name only (no metadata.namespace: cluster-scoped).
  fieldSelectors({ 'status.phase': (ns) => fieldString(ns, 'status.phase') }),
);
