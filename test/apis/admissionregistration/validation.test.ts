import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { createErrors, strategyOf } from '../strategy-fixture.js';

const rule = { operations: ['CREATE'], apiGroups: [''], apiVersions: ['v1'], resources: ['pods'] };
const hook = (fields: Record<string, unknown>) => ({
  name: 'pods.policy.example.com', sideEffects: 'None', admissionReviewVersions: ['v1'],
  clientConfig: { service: { name: 'policy', namespace: 'system' } }, rules: [rule], ...fields,
});
const config = (...webhooks: unknown[]): KubeObject => ({ metadata: { name: 'policy' }, webhooks });

describe('admissionregistration.k8s.io/v1 webhook configurations', () => {
  const mutating = strategyOf('admissionregistration.k8s.io', 'mutatingwebhookconfigurations');
  const validating = strategyOf('admissionregistration.k8s.io', 'validatingwebhookconfigurations');

  it('defaults', () => {
    const o = config(hook({}));
    assert.deepEqual(createErrors(mutating, o), []);
    assert.deepEqual(o.webhooks, [{
      ...hook({}),
      clientConfig: { service: { name: 'policy', namespace: 'system', port: 443 } },
      rules: [{ ...rule, scope: '*' }],
      failurePolicy: 'Fail', matchPolicy: 'Equivalent', namespaceSelector: {}, objectSelector: {}, timeoutSeconds: 10, reinvocationPolicy: 'Never',
    }]);
    const v = config(hook({}));
    createErrors(validating, v);
    assert.equal((v.webhooks as Array<Record<string, unknown>>)[0].reinvocationPolicy, undefined);
  });

  const cases: Array<[string, unknown[], string[]]> = [
    ['sideEffects and admissionReviewVersions required', [hook({ sideEffects: undefined, admissionReviewVersions: undefined })], [
      'webhooks[0].sideEffects: Required value: must specify one of None, NoneOnDryRun',
      'webhooks[0].admissionReviewVersions: Required value: must specify one of v1, v1beta1',
    ]],
    ['name must have three segments', [hook({ name: 'policy.example' })], ['webhooks[0].name: Invalid value: "policy.example": should be a domain with at least three segments separated by dots']],
    ['duplicate names', [hook({}), hook({})], ['webhooks[1].name: Duplicate value: "pods.policy.example.com"']],
    ['timeout out of range', [hook({ timeoutSeconds: 31 })], ['webhooks[0].timeoutSeconds: Invalid value: 31: the timeout value must be between 1 and 30 seconds']],
    ['url and service', [hook({ clientConfig: { url: 'https://x.example.com', service: { name: 'a', namespace: 'b' } } })], ['webhooks[0].clientConfig: Required value: exactly one of url or service is required']],
    ['http url', [hook({ clientConfig: { url: 'http://x.example.com/hook' } })], ["webhooks[0].clientConfig.url: Invalid value: \"http\": 'https' is the only allowed URL scheme; desired format: https://host[/path]"]],
    ['wildcard operation with another', [hook({ rules: [{ ...rule, operations: ['*', 'CREATE'] }] })], ['webhooks[0].rules[0].operations: Invalid value: []admissionregistration.OperationType{"*", "CREATE"}: if \'*\' is present, must not specify other operations']],
    ['unknown scope', [hook({ rules: [{ ...rule, scope: 'Global' }] })], ['webhooks[0].rules[0].scope: Unsupported value: "Global": supported values: "*", "Cluster", "Namespaced"']],
    ['unknown review version only', [hook({ admissionReviewVersions: ['v2'] })], ['webhooks[0].admissionReviewVersions: Invalid value: []string{"v2"}: must include at least one of v1, v1beta1']],
    ['bad failure policy', [hook({ failurePolicy: 'Retry' })], ['webhooks[0].failurePolicy: Unsupported value: "Retry": supported values: "Fail", "Ignore"']],
  ];
  for (const [name, hooks, want] of cases) it(name, () => assert.deepEqual(createErrors(validating, config(...hooks)), want));
});
