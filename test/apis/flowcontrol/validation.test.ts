import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { mandatoryFlowSchemas, mandatoryPriorityLevelConfigurations } from '../../../src/apis/flowcontrol/bootstrap.js';
import { createErrors, strategyOf } from '../strategy-fixture.js';

const g = 'flowcontrol.apiserver.k8s.io';

describe('flowcontrol.apiserver.k8s.io/v1', () => {
  const fsS = strategyOf(g, 'flowschemas');
  const plS = strategyOf(g, 'prioritylevelconfigurations');

  it('the mandatory objects are valid and unchanged by defaulting', () => {
    for (const o of mandatoryFlowSchemas()) { const before = structuredClone(o); assert.deepEqual(createErrors(fsS, o), []); assert.deepEqual(o.spec, before.spec); }
    for (const o of mandatoryPriorityLevelConfigurations()) { const before = structuredClone(o); assert.deepEqual(createErrors(plS, o), []); assert.deepEqual(o.spec, before.spec); }
  });

  it('defaults: precedence 1000, 30 shares, queuing 64/8/50', () => {
    const fs: KubeObject = { metadata: { name: 'mine' }, spec: { priorityLevelConfiguration: { name: 'workload-low' } } };
    assert.deepEqual(createErrors(fsS, fs), []);
    assert.equal((fs.spec as Record<string, unknown>).matchingPrecedence, 1000);
    const pl: KubeObject = { metadata: { name: 'mine' }, spec: { type: 'Limited', limited: { limitResponse: { type: 'Queue', queuing: {} } } } };
    assert.deepEqual(createErrors(plS, pl), []);
    assert.deepEqual(pl.spec, { type: 'Limited', limited: { nominalConcurrencyShares: 30, lendablePercent: 0, limitResponse: { type: 'Queue', queuing: { handSize: 8, queues: 64, queueLengthLimit: 50 } } } });
  });

  const fsCases: Array<[string, Record<string, unknown>, string[]]> = [
    ['precedence 1 is for exempt only', { matchingPrecedence: 1, priorityLevelConfiguration: { name: 'x' } }, ["spec.matchingPrecedence: Invalid value: 1: only the schema named 'exempt' may have matchingPrecedence 1"]],
    ['precedence too high', { matchingPrecedence: 10001, priorityLevelConfiguration: { name: 'x' } }, ['spec.matchingPrecedence: Invalid value: 10001: must not be greater than 10000']],
    ['priority level required', { matchingPrecedence: 500 }, ['spec.priorityLevelConfiguration.name: Required value: must reference a priority level']],
  ];
  for (const [name, spec, want] of fsCases) it(`flowschema: ${name}`, () => assert.deepEqual(createErrors(fsS, { metadata: { name: 'mine' }, spec }), want));

  const plCases: Array<[string, string, Record<string, unknown>, string[]]> = [
    ['only exempt may be Exempt', 'mine', { type: 'Exempt' }, ["spec.type: Invalid value: \"Exempt\": type must be 'Exempt' if and only if name is 'exempt'"]],
    ['Limited needs limited', 'mine', { type: 'Limited' }, ['spec.limited: Required value: must not be empty when type is Limited']],
    ['hand bigger than queues', 'mine', { type: 'Limited', limited: { limitResponse: { type: 'Queue', queuing: { queues: 4, handSize: 6 } } } }, ['spec.limited.limitResponse.queuing.handSize: Invalid value: 6: should not be greater than queues (4)']],
    ['unknown limit response', 'mine', { type: 'Limited', limited: { limitResponse: { type: 'Drop' } } }, ['spec.limited.limitResponse.type: Unsupported value: "Drop": supported values: "Queue", "Reject"']],
  ];
  for (const [name, objName, spec, want] of plCases) it(`prioritylevel: ${name}`, () => assert.deepEqual(createErrors(plS, { metadata: { name: objName }, spec }), want));
});
