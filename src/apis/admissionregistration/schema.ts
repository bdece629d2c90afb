/**
 * admissionregistration.k8s.io/v1 type table: the validating and mutating webhook configurations
 * and what they reach, from k8s.io/api/admissionregistration/v1 types.go. The v1 admission
 * policies are not served (see index.ts), so their types are not listed. Format: src/schema/format.ts.
 * ServiceReference, WebhookClientConfig, Rule and MatchCondition keep plain names: no other
 * served group uses them (apiextensions and apiregistration, if they come, take the prefix).
 */
import type { FieldEntry, TypeTable } from '../../schema/format.js';
import { listOf, metadataField } from '../meta/schema-list.js';

const admissionV1 = (kind: string) => [{ group: 'admissionregistration.k8s.io', version: 'v1', kind }];
const byName = { patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'] } as const;

/** The fields both webhook kinds share, by their JSON name; numbers differ between the two. */
const webhookField = {
  name: ['name !', 'Fully qualified name of the webhook, such as imagepolicy.example.com; unique within the configuration.', { required: true }],
  clientConfig: ['clientConfig WebhookClientConfig', 'How to reach the webhook: a URL or an in-cluster service, and the CA to trust.', { required: true }],
  rules: ['rules RuleWithOperations[]', 'The operations and resources the webhook is called for; matching any rule is enough. Webhook configurations themselves are never sent to webhooks.', { listType: 'atomic' }],
  failurePolicy: ['failurePolicy *', 'What an error calling the webhook does: Fail rejects the request (the default), Ignore lets it through.', { enum: ['Fail', 'Ignore'] }],
  matchPolicy: ['matchPolicy *', 'Exact calls the webhook only for requests matching a rule literally; Equivalent (the default) also for the same resource reached through another group or version, converted to the one in the rule.', { enum: ['Equivalent', 'Exact'] }],
  namespaceSelector: ['namespaceSelector LabelSelector', "Calls the webhook only for objects whose namespace's labels match (a Namespace object is matched on its own labels; other cluster-scoped objects always match). Empty matches everything."],
  objectSelector: ['objectSelector LabelSelector', 'Calls the webhook only when the old or new object has matching labels. Users can dodge it by changing labels, so use it for opt-in webhooks. Empty matches everything.'],
  sideEffects: ['sideEffects *!', 'Whether calling the webhook changes anything elsewhere: None or NoneOnDryRun (Some and Unknown only survive from v1beta1). Dry-run requests are refused when a matching webhook may have side effects.', { required: true, enum: ['None', 'NoneOnDryRun', 'Some', 'Unknown'] }],
  timeoutSeconds: ['timeoutSeconds i32*', 'Seconds to wait for the webhook, 1 to 30 (default 10); on timeout the failure policy applies.'],
  admissionReviewVersions: ['admissionReviewVersions []!', 'AdmissionReview versions the webhook accepts, preferred first; the server uses the first it supports and fails the call when none is.', { required: true, listType: 'atomic' }],
  matchConditions: ['matchConditions MatchCondition[]', 'CEL conditions (at most 64) that must all be true for the webhook to be called; an error fails or skips the call as the failure policy says.', byName],
} as const satisfies Record<string, FieldEntry>;

const numbered = (n: number, entry: FieldEntry): FieldEntry => [`${n} ${entry[0]}`, entry[1], entry[2]];

export const admissionregistrationTypes: TypeTable = {
  ValidatingWebhookConfiguration: {
    name: 'io.k8s.api.admissionregistration.v1.ValidatingWebhookConfiguration',
    description: 'A set of admission webhooks that may accept or reject requests, without changing the objects.',
    gvk: admissionV1('ValidatingWebhookConfiguration'),
    fields: [
      metadataField,
      ['2 webhooks ValidatingWebhook[]', 'The webhooks, with the resources and operations each one handles.', byName],
    ],
  },
  ValidatingWebhookConfigurationList: listOf('io.k8s.api.admissionregistration.v1.ValidatingWebhookConfigurationList', 'ValidatingWebhookConfiguration', admissionV1('ValidatingWebhookConfiguration'), 'The ValidatingWebhookConfigurations.'),
  MutatingWebhookConfiguration: {
    name: 'io.k8s.api.admissionregistration.v1.MutatingWebhookConfiguration',
    description: 'A set of admission webhooks that may change objects as well as accept or reject requests.',
    gvk: admissionV1('MutatingWebhookConfiguration'),
    fields: [
      metadataField,
      ['2 webhooks MutatingWebhook[]', 'The webhooks, with the resources and operations each one handles.', byName],
    ],
  },
  MutatingWebhookConfigurationList: listOf('io.k8s.api.admissionregistration.v1.MutatingWebhookConfigurationList', 'MutatingWebhookConfiguration', admissionV1('MutatingWebhookConfiguration'), 'The MutatingWebhookConfigurations.'),
  ValidatingWebhook: {
    name: 'io.k8s.api.admissionregistration.v1.ValidatingWebhook',
    description: 'One validating admission webhook: where it is, which requests it sees and what its failure means.',
    fields: [
      numbered(1, webhookField.name), numbered(2, webhookField.clientConfig), numbered(3, webhookField.rules),
      numbered(4, webhookField.failurePolicy), numbered(9, webhookField.matchPolicy),
      numbered(5, webhookField.namespaceSelector), numbered(10, webhookField.objectSelector),
      numbered(6, webhookField.sideEffects), numbered(7, webhookField.timeoutSeconds),
      numbered(8, webhookField.admissionReviewVersions), numbered(11, webhookField.matchConditions),
    ],
  },
  MutatingWebhook: {
    name: 'io.k8s.api.admissionregistration.v1.MutatingWebhook',
    description: 'One mutating admission webhook: where it is, which requests it sees, what its failure means and whether it runs again after later changes.',
    fields: [
      numbered(1, webhookField.name), numbered(2, webhookField.clientConfig), numbered(3, webhookField.rules),
      numbered(4, webhookField.failurePolicy), numbered(9, webhookField.matchPolicy),
      numbered(5, webhookField.namespaceSelector), numbered(11, webhookField.objectSelector),
      numbered(6, webhookField.sideEffects), numbered(7, webhookField.timeoutSeconds),
      numbered(8, webhookField.admissionReviewVersions),
      ['10 reinvocationPolicy *', 'Never (the default) calls the webhook once per request; IfNeeded calls it again when later admission plugins change the object, so it must be idempotent.', { enum: ['IfNeeded', 'Never'] }],
      numbered(12, webhookField.matchConditions),
    ],
  },
  RuleWithOperations: {
    name: 'io.k8s.api.admissionregistration.v1.RuleWithOperations',
    description: 'Operations on resources a webhook is called for; every combination of the lists should make sense.',
    fields: [
      ['1 operations []', "CREATE, UPDATE, DELETE, CONNECT, or '*' (alone) for all of them and any added later.", { listType: 'atomic', enum: ['*', 'CONNECT', 'CREATE', 'DELETE', 'UPDATE'] }],
      ['2 ... Rule', 'The API groups, versions, resources and scope.'],
    ],
  },
  Rule: {
    name: 'io.k8s.api.admissionregistration.v1.Rule',
    description: 'API groups, versions and resources, and their scope; inlined into RuleWithOperations.',
    fields: [
      ['1 apiGroups []', "API groups of the resources; '*' (alone) means all.", { listType: 'atomic' }],
      ['2 apiVersions []', "API versions of the resources; '*' (alone) means all.", { listType: 'atomic' }],
      ['3 resources []', "Resources, such as 'pods', 'pods/log' for a subresource, 'pods/*' for all its subresources, '*' for all resources (not subresources), '*/scale' or '*/*'.", { listType: 'atomic' }],
      ['4 scope *', "Cluster (cluster-scoped resources only; namespaces are), Namespaced, or '*' for both (the default). Subresources take their parent's scope.", { enum: ['*', 'Cluster', 'Namespaced'] }],
    ],
  },
  WebhookClientConfig: {
    name: 'io.k8s.api.admissionregistration.v1.WebhookClientConfig',
    description: 'How the API server reaches a webhook over TLS: exactly one of url and service.',
    fields: [
      ['3 url *', 'An https:// URL outside the cluster (no user info, query or fragment). Avoid localhost unless the webhook runs beside every API server.'],
      ['1 service ServiceReference', 'An in-cluster service running the webhook; preferred inside the cluster.'],
      ['2 caBundle bytes', "PEM CA bundle to verify the webhook's serving certificate (base64 in JSON); the system roots when empty."],
    ],
  },
  ServiceReference: {
    name: 'io.k8s.api.admissionregistration.v1.ServiceReference',
    description: 'A Service that serves a webhook.',
    fields: [
      ['1 namespace !', 'Namespace of the service.', { required: true }],
      ['2 name !', 'Name of the service.', { required: true }],
      ['3 path *', 'URL path to send requests to on the service.'],
      ['4 port i32*', 'Service port to connect to, 1-65535; defaults to 443.'],
    ],
  },
  MatchCondition: {
    name: 'io.k8s.api.admissionregistration.v1.MatchCondition',
    description: 'A CEL expression a request must satisfy before a webhook is called.',
    fields: [
      ['1 name !', "Identifies the condition in patches and logs; a qualified name such as 'my.check' or 'example.com/check'.", { required: true }],
      ['2 expression !', "CEL evaluating to a bool, over 'object', 'oldObject', 'request' and 'authorizer'.", { required: true }],
    ],
  },
};
