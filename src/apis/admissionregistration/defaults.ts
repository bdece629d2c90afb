/**
 * admissionregistration.k8s.io/v1 defaulting (pkg/apis/admissionregistration/v1/defaults.go):
 * every webhook fails closed, matches equivalent versions, selects everything, waits 10s, and
 * (mutating) is not re-invoked; rules cover both scopes; services listen on 443.
 */
import type { KubeObject } from '../meta/types.js';
import { asObj, setDefault } from '../apps/validation-fields.js';

function defaultWebhook(hook: Record<string, unknown>, mutating: boolean): void {
  setDefault(hook, 'failurePolicy', 'Fail');
  setDefault(hook, 'matchPolicy', 'Equivalent');
  setDefault(hook, 'namespaceSelector', {});
  setDefault(hook, 'objectSelector', {});
  setDefault(hook, 'timeoutSeconds', 10);
  if (mutating) setDefault(hook, 'reinvocationPolicy', 'Never');
  if (Array.isArray(hook.rules)) for (const rule of hook.rules) setDefault(asObj(rule), 'scope', '*');
  const service = asObj(hook.clientConfig).service;
  if (service !== undefined && service !== null && typeof service === 'object') setDefault(service as Record<string, unknown>, 'port', 443);
}

export const defaultWebhookConfiguration = (mutating: boolean) => (config: KubeObject): void => {
  if (Array.isArray(config.webhooks)) for (const hook of config.webhooks) defaultWebhook(asObj(hook), mutating);
};
