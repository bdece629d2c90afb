import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalQuantity, canonicalizeResourceList } from '../../../src/apis/core/quantity-canonical.js';

describe('canonicalQuantity (Quantity.String)', () => {
  const cases: Array<[unknown, string | undefined]> = [
    ['0.5', '500m'], ['1.5', '1500m'], ['1000m', '1'], ['100m', '100m'], ['1000M', '1G'], ['2k', '2k'],
    ['1Gi', '1Gi'], ['0.5Gi', '512Mi'], ['1536Mi', '1536Mi'], ['1.5Ki', '1536'], ['1023Ki', '1023Ki'], ['1024', '1024'],
    ['0.1Gi', '107374182400m'], ['0', '0'], ['0Gi', '0'], ['1e3', '1e3'], ['1.5e3', '1500'], ['12e6', '12e6'],
    [1, '1'], ['-1', '-1'], ['0.0000000001', '1n'], ['lots', undefined], [true, undefined],
  ];
  for (const [v, want] of cases) it(JSON.stringify(v), () => assert.equal(canonicalQuantity(v), want));
});

describe('canonicalizeResourceList (SetDefaults_ResourceList)', () => {
  it('rounds up to milli precision and leaves bad values for validation', () => {
    const list: Record<string, unknown> = { cpu: '0.0001', memory: '1024Mi', bad: 'x' };
    canonicalizeResourceList(list);
    assert.deepEqual(list, { cpu: '1m', memory: '1Gi', bad: 'x' });
  });
});
