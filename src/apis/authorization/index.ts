/**
 * authorization.k8s.io/v1: the access review APIs (`kubectl auth can-i`). Create-only and never
 * stored: the answer is computed per request (see registry/reviews.ts).
 */
import type { ResourceDef } from '../../registry/rest.js';
import { defineResource } from '../core/define.js';

const gv = { group: 'authorization.k8s.io', versions: ['v1'] };

export const authorizationResources: ResourceDef[] = [
  defineResource(gv, 'localsubjectaccessreviews', 'LocalSubjectAccessReview', true, { verbs: ['create'], virtual: true }),
  defineResource(gv, 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', false, { verbs: ['create'], virtual: true }),
  defineResource(gv, 'selfsubjectrulesreviews', 'SelfSubjectRulesReview', false, { verbs: ['create'], virtual: true }),
  defineResource(gv, 'subjectaccessreviews', 'SubjectAccessReview', false, { verbs: ['create'], virtual: true }),
];
