import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authenticationTypes } from '../../../src/apis/authentication/schema.js';
import { compileGroup, field, requiredOf, undescribed } from '../compile-group.js';

const schema = compileGroup(authenticationTypes, ['ObjectMeta']);
const kind = (k: string) => schema.kinds.get(`authentication.k8s.io/v1/${k}`);

test('authentication: the three kinds and their required fields', () => {
  for (const k of ['TokenReview', 'TokenRequest', 'SelfSubjectReview']) {
    assert.equal(kind(k)?.name, `io.k8s.api.authentication.v1.${k}`);
  }
  assert.deepEqual(requiredOf(kind('TokenReview')), ['spec']);
  assert.deepEqual(requiredOf(kind('TokenRequest')), ['spec']);
  assert.deepEqual(requiredOf(schema.types.get('TokenRequestSpec')), ['audiences']);
  assert.deepEqual(requiredOf(schema.types.get('TokenRequestStatus')), ['token', 'expirationTimestamp']);
});

test('authentication: extra is a map of string lists; audiences are atomic lists', () => {
  const extra = field(schema.types.get('UserInfo'), 'extra');
  assert.equal(extra.map, true);
  assert.equal(extra.type?.wellKnown, 'ExtraValue');
  assert.equal(field(schema.types.get('TokenReviewSpec'), 'audiences').meta.listType, 'atomic');
  assert.equal(field(schema.types.get('TokenRequestSpec'), 'expirationSeconds').pointer, true);
});

test('authentication: every type and field carries a description', () => {
  assert.deepEqual(undescribed(authenticationTypes), []);
});
