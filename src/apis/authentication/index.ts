/**
 * authentication.k8s.io/v1: TokenReview and SelfSubjectReview. Create-only and never stored: the
 * answer is computed per request (see registry/reviews.ts).
 */
import type { ResourceDef } from '../../registry/rest.js';
import { defineResource } from '../core/define.js';

const gv = { group: 'authentication.k8s.io', versions: ['v1'] };

export const authenticationResources: ResourceDef[] = [
  defineResource(gv, 'selfsubjectreviews', 'SelfSubjectReview', false, { verbs: ['create'], virtual: true }),
  defineResource(gv, 'tokenreviews', 'TokenReview', false, { verbs: ['create'], virtual: true }),
];
