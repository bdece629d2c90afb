/**
 * certificates.k8s.io/v1 (pkg/registry/certificates/certificates/strategy.go): the requester's
 * identity is the server's to record, never the client's; a request cannot be created
 * pre-approved; spec and status are immutable through the main resource (/approval and /status
 * change conditions). spec.signerName is a field selector.
 */
import type { ResourceDef, RequestContext, Strategy } from '../../registry/rest.js';
import type { KubeObject } from '../meta/types.js';
import { composeStrategies, defineResource, fieldSelectors, fieldString, section, statusReset, statusSubresource } from '../core/define.js';
import { validateCertificateSigningRequest } from './validation.js';

/** PrepareForCreate: clear user-specified identity, record the authenticated user's. */
function recordRequester(csr: KubeObject, ctx: RequestContext): void {
  const spec = section(csr, 'spec');
  for (const k of ['username', 'uid', 'groups', 'extra']) delete spec[k];
  const u = ctx.user;
  if (u.name) spec.username = u.name;
  if (u.uid) spec.uid = u.uid;
  if (u.groups.length > 0) spec.groups = [...u.groups];
  if (u.extra && Object.keys(u.extra).length > 0) spec.extra = structuredClone(u.extra);
}

const csrStrategy: Strategy = composeStrategies(
  statusReset(),
  {
    prepareForCreate: recordRequester,
    prepareForUpdate(csr, old) {
      if (old.spec === undefined) delete csr.spec;
      else csr.spec = structuredClone(old.spec);
    },
  },
  fieldSelectors({ 'spec.signerName': (c) => fieldString(c, 'spec.signerName') }),
  // On update the spec is the stored one (see above), so this only ever rejects a create.
  { validate: validateCertificateSigningRequest },
);

export const certificatesResources: ResourceDef[] = [
  defineResource({ group: 'certificates.k8s.io', versions: ['v1'] }, 'certificatesigningrequests', 'CertificateSigningRequest', false, {
    shortNames: ['csr'],
    subresources: [
      { name: 'approval', kind: 'CertificateSigningRequest', verbs: ['get', 'patch', 'update'] },
      statusSubresource('CertificateSigningRequest'),
    ],
    strategy: csrStrategy,
  }),
];
