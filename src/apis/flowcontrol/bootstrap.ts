/**
 * The mandatory API Priority and Fairness objects every kube-apiserver keeps in place
 * (staging/src/k8s.io/apiserver/pkg/apis/flowcontrol/bootstrap/default.go, flowcontrol/v1 as of
 * 1.32): the `exempt` and `catch-all` PriorityLevelConfigurations and FlowSchemas. The specs are
 * already fully defaulted, as upstream's are. The suggested (non-mandatory) objects are not here.
 */
import type { KubeObject } from '../meta/types.js';

const apiVersion = 'flowcontrol.apiserver.k8s.io/v1';
/** flowcontrol.AutoUpdateAnnotationKey: the server may rewrite the spec to keep it current. */
export const autoUpdateAnnotation = 'apf.kubernetes.io/autoupdate-spec';

const meta = (name: string) => ({ name, annotations: { [autoUpdateAnnotation]: 'true' } });

/** Every verb on every resource (cluster scope and all namespaces) and every non-resource URL. */
const matchEverything = (groups: string[]) => ({
  subjects: groups.map((name) => ({ kind: 'Group', group: { name } })),
  resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'], clusterScope: true, namespaces: ['*'] }],
  nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
});

export function mandatoryPriorityLevelConfigurations(): KubeObject[] {
  return [
    {
      apiVersion, kind: 'PriorityLevelConfiguration', metadata: meta('exempt'),
      spec: { type: 'Exempt', exempt: { nominalConcurrencyShares: 0, lendablePercent: 0 } },
    },
    {
      apiVersion, kind: 'PriorityLevelConfiguration', metadata: meta('catch-all'),
      spec: { type: 'Limited', limited: { nominalConcurrencyShares: 5, lendablePercent: 0, limitResponse: { type: 'Reject' } } },
    },
  ];
}

export function mandatoryFlowSchemas(): KubeObject[] {
  return [
    {
      apiVersion, kind: 'FlowSchema', metadata: meta('exempt'),
      spec: { priorityLevelConfiguration: { name: 'exempt' }, matchingPrecedence: 1, rules: [matchEverything(['system:masters'])] },
    },
    {
      apiVersion, kind: 'FlowSchema', metadata: meta('catch-all'),
      spec: {
        priorityLevelConfiguration: { name: 'catch-all' },
        matchingPrecedence: 10000,
        distinguisherMethod: { type: 'ByUser' },
        rules: [matchEverything(['system:unauthenticated', 'system:authenticated'])],
      },
    },
  ];
}
