/**
 * authentication.k8s.io/v1 type table: TokenReview, TokenRequest (the serviceaccounts/token
 * subresource body) and SelfSubjectReview, from k8s.io/api/authentication/v1 types.go.
 * Spec strings match src/protobuf/types-groups.ts; format: src/schema/format.ts.
 * TokenRequestSpec and TokenRequestStatus fields lack omitempty upstream, so Go always emits them.
 */
import type { TypeTable } from '../../schema/format.js';

const authnV1 = (kind: string) => [{ group: 'authentication.k8s.io', version: 'v1', kind }];
const objectMeta = 'Standard object metadata; these objects are never stored, so it is mostly empty.';

export const authenticationTypes: TypeTable = {
  TokenReview: {
    name: 'io.k8s.api.authentication.v1.TokenReview',
    description: 'Asks the server who a bearer token belongs to. Answers may be cached by the webhook token authenticator.',
    gvk: authnV1('TokenReview'),
    fields: [
      ['1 metadata ObjectMeta', objectMeta],
      ['2 spec TokenReviewSpec', 'The token to check and the audiences it should be valid for.', { required: true }],
      ['3 status TokenReviewStatus', 'Filled in by the server: whether the token authenticated, and as whom.'],
    ],
  },
  TokenReviewSpec: {
    name: 'io.k8s.api.authentication.v1.TokenReviewSpec',
    description: 'The token a TokenReview asks about.',
    fields: [
      ['1 token', 'The opaque bearer token to authenticate.'],
      ['2 audiences []', "Audiences the caller identifies as; an audience-aware authenticator checks the token was issued for one of them. Empty means the API server's own audience.", { listType: 'atomic' }],
    ],
  },
  TokenReviewStatus: {
    name: 'io.k8s.api.authentication.v1.TokenReviewStatus',
    description: 'The outcome of a TokenReview.',
    fields: [
      ['1 authenticated b', 'True when the token belongs to a known user.'],
      ['2 user UserInfo', 'The user the token authenticates as.'],
      ['4 audiences []', "The audiences, among those requested and those of the token, the token is valid for. Empty while authenticated means the API server's own audience.", { listType: 'atomic' }],
      ['3 error', 'Why the token could not be checked, if it could not.'],
    ],
  },
  UserInfo: {
    name: 'io.k8s.api.authentication.v1.UserInfo',
    description: 'The identity an authenticator found: user name, uid, groups and extra attributes.',
    fields: [
      ['1 username', 'The name that identifies the user among all active users.'],
      ['2 uid', 'A value that identifies the user across time: a deleted and re-created user of the same name gets a new uid.'],
      ['3 groups []', 'The groups the user belongs to.', { listType: 'atomic' }],
      ['4 extra ExtraValue{}', 'Further attributes from the authenticator, each a list of strings.'],
    ],
  },
  TokenRequest: {
    name: 'io.k8s.api.authentication.v1.TokenRequest',
    description: 'Asks for a token for a service account (POST to serviceaccounts/<name>/token).',
    gvk: authnV1('TokenRequest'),
    fields: [
      ['1 metadata ObjectMeta', objectMeta],
      ['2 spec TokenRequestSpec', 'The audiences, lifetime and bound object of the wanted token.', { required: true }],
      ['3 status TokenRequestStatus', 'Filled in by the server: the token and when it expires.'],
    ],
  },
  TokenRequestSpec: {
    name: 'io.k8s.api.authentication.v1.TokenRequestSpec',
    description: 'What the caller wants of an issued service account token.',
    fields: [
      ['1 audiences []!', 'Who the token is for: a recipient must find one of its own identifiers here, or reject the token. Several audiences means they trust each other.', { required: true, listType: 'atomic' }],
      ['4 expirationSeconds i64*!', 'Requested lifetime in seconds; the issuer may choose another, so read status.expirationTimestamp.'],
      ['3 boundObjectRef BoundObjectReference!', 'An object (such as a Pod or Secret) the token is tied to: it stops being valid when that object is deleted.'],
    ],
  },
  TokenRequestStatus: {
    name: 'io.k8s.api.authentication.v1.TokenRequestStatus',
    description: 'The token a TokenRequest produced.',
    fields: [
      ['1 token !', 'The opaque bearer token.', { required: true }],
      ['2 expirationTimestamp Time', 'When the token stops being valid.', { required: true }],
    ],
  },
  BoundObjectReference: {
    name: 'io.k8s.api.authentication.v1.BoundObjectReference',
    description: 'The object whose lifetime bounds a token.',
    fields: [
      ['1 kind', 'Kind of the object, such as Pod or Secret.'],
      ['2 apiVersion', 'API version of the object.'],
      ['3 name', 'Name of the object.'],
      ['4 uid', 'UID of the object; the token is refused once an object with another uid holds the name.'],
    ],
  },
  SelfSubjectReview: {
    name: 'io.k8s.api.authentication.v1.SelfSubjectReview',
    description: 'Returns the user attributes the API server sees for the caller (kubectl auth whoami). Under impersonation it describes the impersonated user.',
    gvk: authnV1('SelfSubjectReview'),
    fields: [
      ['1 metadata ObjectMeta', objectMeta],
      ['2 status SelfSubjectReviewStatus', 'Filled in by the server with the caller\'s user information.'],
    ],
  },
  SelfSubjectReviewStatus: {
    name: 'io.k8s.api.authentication.v1.SelfSubjectReviewStatus',
    description: 'The answer of a SelfSubjectReview.',
    fields: [
      ['1 userInfo UserInfo', 'The attributes of the user making the request.'],
    ],
  },
};
