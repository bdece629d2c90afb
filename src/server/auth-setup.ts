/**
 * Builds the secure port's authentication and authorization from the flags, in upstream's
 * order: x509 client certificates, then bearer tokens (token file, service account tokens), then
 * anonymous; authorizers as --authorization-mode lists them, after the built-in allowance for
 * system:masters that kube-apiserver always puts first.
 */
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Authenticator, unionAuthenticator } from '../auth/authn/authenticator.js';
import { audienceAgnostic, newBearerTokenAuthenticator, type TokenAuthenticator } from '../auth/authn/bearer-token.js';
import { newServiceAccountAuthenticator } from '../auth/authn/service-account.js';
import { loadTokenFile } from '../auth/authn/token-file.js';
import { newX509Authenticator } from '../auth/authn/x509.js';
import { loadAbacPolicyFile } from '../auth/authz/abac.js';
import { alwaysAllow, alwaysDeny, privilegedGroups } from '../auth/authz/always.js';
import { type Authorizer, type RuleResolver, unionAuthorizer } from '../auth/authz/authorizer.js';
import { newNodeAuthorizer } from '../auth/authz/node.js';
import { newRbacAuthorizer, type RbacAuthorizer } from '../auth/authz/rbac/evaluator.js';
import { nodeGraph, rbacLister, type Routes, serviceAccountLookup } from './lookups.js';


export interface AuthOptions {
  /** PEM bundle of CAs client certificates are verified against. */
  clientCaPem: string;
  tokenAuthFile?: string;
  /** PEM public (or private) keys service account tokens are verified with. */
  serviceAccountKeys: KeyObject[];
  serviceAccountIssuers: string[];
  apiAudiences: string[];
  authorizationModes: string[];
  authorizationPolicyFile?: string;
}

export interface AuthSetup {
  authenticator: Authenticator;
  /** --api-audiences as in effect (TokenReview reports them when none were asked for). */
  apiAudiences: readonly string[];
  /** Token authenticators alone, for TokenReview. */
  tokenAuthenticator: Authenticator;
  authorizer: Authorizer;
  ruleResolver: RuleResolver;
  /** Present when RBAC is on: escalation checks need the user's own rules. */
  rbac?: RbacAuthorizer;
}

/** Every key in a PEM file: private keys give their public half. */
export function readKeyFile(path: string): KeyObject[] {
  const text = readFileSync(path, 'utf8');
  const blocks = text.match(/-----BEGIN [^-]+-----[\s\S]+?-----END [^-]+-----/g) ?? [];
  if (blocks.length === 0) throw new Error(`no PEM keys found in ${path}`);
  return blocks.filter((b) => !b.includes('CERTIFICATE')).map((b) => (b.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(b)) : createPublicKey(b)));
}

export function readSigningKey(path: string): KeyObject {
  return createPrivateKey(readFileSync(path, 'utf8'));
}

export async function buildAuth(o: AuthOptions, routes: Routes): Promise<AuthSetup> {
  const tokens: TokenAuthenticator[] = [];
  if (o.tokenAuthFile) tokens.push(audienceAgnostic(loadTokenFile(o.tokenAuthFile), o.apiAudiences));
  tokens.push(newServiceAccountAuthenticator({
    publicKeys: o.serviceAccountKeys, issuers: o.serviceAccountIssuers, audiences: o.apiAudiences, lookup: serviceAccountLookup(routes),
  }));
  const tokenAuthenticator = newBearerTokenAuthenticator(tokens);
  const authenticator = unionAuthenticator([newX509Authenticator({ caPems: [o.clientCaPem] }), tokenAuthenticator]);

  const named: Array<[string, Authorizer]> = [['privileged', privilegedGroups('system:masters')]];
  const resolvers: RuleResolver[] = [];
  let rbac: RbacAuthorizer | undefined;
  for (const mode of o.authorizationModes) {
    switch (mode) {
      case 'AlwaysAllow': named.push([mode, alwaysAllow]); resolvers.push(alwaysAllow); break;
      case 'AlwaysDeny': named.push([mode, alwaysDeny]); resolvers.push(alwaysDeny); break;
      case 'ABAC': {
        if (!o.authorizationPolicyFile) throw new Error('authorization-mode ABAC\'s authorization policy file not passed');
        const abac = await loadAbacPolicyFile(o.authorizationPolicyFile);
        named.push([mode, abac]);
        resolvers.push(abac);
        break;
      }
      case 'RBAC': rbac = newRbacAuthorizer(rbacLister(routes)); named.push([mode, rbac]); resolvers.push(rbac); break;
      case 'Node': { const node = newNodeAuthorizer(nodeGraph(routes)); named.push([mode, node]); resolvers.push(node); break; }
      default: throw new Error(`authorization-mode ${JSON.stringify(mode)} is not a valid mode`);
    }
  }
  return { authenticator, apiAudiences: o.apiAudiences, tokenAuthenticator, authorizer: unionAuthorizer(named), ruleResolver: unionRuleResolver(resolvers), rbac };
}

/** Rules from every resolver; any incomplete answer makes the whole answer incomplete. */
function unionRuleResolver(all: RuleResolver[]): RuleResolver {
  return {
    async rulesFor(user, namespace) {
      const out = { resourceRules: [] as Awaited<ReturnType<RuleResolver['rulesFor']>>['resourceRules'], nonResourceRules: [] as Awaited<ReturnType<RuleResolver['rulesFor']>>['nonResourceRules'], incomplete: false, evaluationError: undefined as string | undefined };
      const errors: string[] = [];
      for (const r of all) {
        const got = await r.rulesFor(user, namespace);
        out.resourceRules.push(...got.resourceRules);
        out.nonResourceRules.push(...got.nonResourceRules);
        if (got.incomplete) out.incomplete = true;
        if (got.evaluationError) errors.push(got.evaluationError);
      }
      if (errors.length > 0) out.evaluationError = errors.join(', ');
      return out;
    },
  };
}
