import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { createErrors, strategyOf } from '../strategy-fixture.js';

const pdb = (spec: Record<string, unknown>): KubeObject => ({ metadata: { name: 'web', namespace: 'ns' }, spec: { selector: { matchLabels: { app: 'web' } }, ...spec } });

describe('policy/v1 PodDisruptionBudget', () => {
  const s = strategyOf('policy', 'poddisruptionbudgets');
  const cases: Array<[string, Record<string, unknown>, string[]]> = [
    ['minAvailable alone', { minAvailable: 2 }, []],
    ['maxUnavailable as a percentage', { maxUnavailable: '50%' }, []],
    ['both set', { minAvailable: 1, maxUnavailable: 1 }, ['spec: Invalid value: {"selector":{"matchLabels":{"app":"web"}},"minAvailable":1,"maxUnavailable":1}: minAvailable and maxUnavailable cannot be both set']],
    ['over 100%', { minAvailable: '120%' }, ['spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"120%"}: must not be greater than 100%']],
    ['negative', { maxUnavailable: -1 }, ['spec.maxUnavailable: Invalid value: -1: must be greater than or equal to 0']],
    ['unknown eviction policy', { unhealthyPodEvictionPolicy: 'Never' }, ['spec.unhealthyPodEvictionPolicy: Unsupported value: "Never": supported values: "AlwaysAllow", "IfHealthyBudget"']],
  ];
  for (const [name, spec, want] of cases) it(name, () => assert.deepEqual(createErrors(s, pdb(spec)), want));
});
