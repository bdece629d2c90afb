import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../src/apis/meta/types.js';
import { createErrors, strategyOf, updateErrors } from '../strategy-fixture.js';

const rc = (handler: unknown): KubeObject => ({ metadata: { name: 'gvisor' }, handler });

describe('node.k8s.io/v1 RuntimeClass', () => {
  const s = strategyOf('node.k8s.io', 'runtimeclasses');
  it('a DNS-label handler is valid', () => assert.deepEqual(createErrors(s, rc('runsc')), []));
  it('handler must be a DNS label', () => assert.deepEqual(createErrors(s, rc('Run.SC')), [
    'handler: Invalid value: "Run.SC": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')',
  ]));
  it('handler is immutable', () => assert.deepEqual(updateErrors(s, rc('kata'), rc('runsc')), ['handler: Invalid value: "kata": field is immutable']));
});
