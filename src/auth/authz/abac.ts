/**
 * ABAC (pkg/auth/authorizer/abac/abac.go): a file of policies, one JSON object per line, loaded
 * once at start. A request is allowed when any policy matches, otherwise noOpinion with
 * "No policy matched.". Lines are either `abac.authorization.kubernetes.io/v1beta1` Policy objects
 * or the unversioned (v0) form, which is converted with v0's defaults (pkg/apis/abac/v0/conversion.go).
 *
 *   {"apiVersion":"abac.authorization.kubernetes.io/v1beta1","kind":"Policy",
 *    "spec":{"user":"alice","namespace":"*","resource":"*","apiGroup":"*"}}
 *   {"user":"bob","readonly":true}                          <- v0: every namespace/resource/path
 */
import { readFile } from 'node:fs/promises';
import type { UserInfo } from '../user.js';
import type { Attributes, AuthorizationResult, Authorizer, NonResourceRule, ResourceRule, RuleResolver } from './authorizer.js';

/** The internal abac.PolicySpec every line is converted to. */
export interface AbacPolicy {
  user: string;
  group: string;
  readonly: boolean;
  apiGroup: string;
  resource: string;
  namespace: string;
  nonResourcePath: string;
}

export type AbacAuthorizer = Authorizer & RuleResolver & { readonly policies: readonly AbacPolicy[] };

const group = 'abac.authorization.kubernetes.io';
const allAuthenticated = 'system:authenticated';
const maxLine = 64 * 1024; // bufio.Scanner's MaxScanTokenSize

const fieldTypes: Record<string, 'string' | 'bool'> = {
  user: 'string', group: 'string', readonly: 'bool', apiGroup: 'string', resource: 'string', namespace: 'string', nonResourcePath: 'string',
};
const goType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? 'number' : typeof v);

/** Reads the known fields of a spec like encoding/json: unknown fields ignored, wrong types an error, null leaves the zero value. */
function readSpec(raw: Record<string, unknown>, structName: string, fieldPrefix: string, allowed: readonly string[]): AbacPolicy {
  const out: AbacPolicy = { user: '', group: '', readonly: false, apiGroup: '', resource: '', namespace: '', nonResourcePath: '' };
  for (const key of allowed) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    const want = fieldTypes[key];
    if ((want === 'bool' && typeof v !== 'boolean') || (want === 'string' && typeof v !== 'string')) {
      throw new Error(`json: cannot unmarshal ${goType(v)} into Go struct field ${structName}.${fieldPrefix}${key} of type ${want}`);
    }
    (out as unknown as Record<string, unknown>)[key] = v;
  }
  return out;
}

/** v0 -> internal: empty subject or `*` means all authenticated; empty namespace/resource mean all, and then all paths too. */
function convertV0(p: AbacPolicy): AbacPolicy {
  const out = { ...p, apiGroup: '*', nonResourcePath: '' };
  if (!p.user && !p.group) out.group = allAuthenticated;
  if (p.user === '*' || p.group === '*') { out.group = allAuthenticated; out.user = ''; }
  if (!p.namespace) out.namespace = '*';
  if (!p.resource) out.resource = '*';
  if (!p.namespace && !p.resource) out.nonResourcePath = '*';
  return out;
}

/** v1beta1 -> internal: a `*` user or group means all authenticated subjects. */
function convertV1beta1(p: AbacPolicy): AbacPolicy {
  return p.user === '*' || p.group === '*' ? { ...p, group: allAuthenticated, user: '' } : p;
}

function decodeLine(line: string): AbacPolicy {
  let obj: unknown;
  try { obj = JSON.parse(line); } catch (e) {
    throw new Error(`couldn't get version/kind; json parse error: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
    throw new Error(`couldn't get version/kind; json parse error: json: cannot unmarshal ${goType(obj)} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
  }
  const o = obj as Record<string, unknown>;
  const apiVersion = typeof o.apiVersion === 'string' ? o.apiVersion : '';
  const kind = typeof o.kind === 'string' ? o.kind : '';
  if (apiVersion === `${group}/v1beta1` && kind === 'Policy') {
    const spec = o.spec && typeof o.spec === 'object' && !Array.isArray(o.spec) ? (o.spec as Record<string, unknown>) : {};
    return convertV1beta1(readSpec(spec, 'Policy', 'spec.', Object.keys(fieldTypes)));
  }
  // Missing version or kind, or the v0 group version: the unversioned form (upstream falls back to v0).
  if (!apiVersion || !kind || (apiVersion === `${group}/v0` && kind === 'Policy')) {
    if (apiVersion && apiVersion !== `${group}/v0` && apiVersion !== `${group}/v1beta1`) {
      throw new Error(`no kind ${JSON.stringify(kind || 'Policy')} is registered for version ${JSON.stringify(apiVersion)}`);
    }
    return convertV0(readSpec(o, 'Policy', '', ['user', 'group', 'readonly', 'resource', 'namespace']));
  }
  throw new Error(`no kind ${JSON.stringify(kind)} is registered for version ${JSON.stringify(apiVersion)}`);
}

/** NewFromFile's parsing, from text: blank and `#` lines are skipped; errors name the line as upstream. */
export function parseAbacPolicies(text: string, path: string): AbacPolicy[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const out: AbacPolicy[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (Buffer.byteLength(line) > maxLine) throw new Error(`error reading policy file ${path}: bufio.Scanner: token too long`);
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    try { out.push(decodeLine(line)); } catch (e) {
      throw new Error(`error reading policy file ${path}, line ${i + 1}: ${line}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return out;
}

function subjectMatches(p: AbacPolicy, user: UserInfo | undefined): boolean {
  if (!user) return false;
  let matched = false;
  if (p.user) {
    if (p.user === '*') matched = true;
    else if (!(matched = p.user === user.name)) return false;
  }
  if (p.group) {
    if (p.group === '*') matched = true;
    else if (!(matched = Array.isArray(user.groups) && user.groups.includes(p.group))) return false;
  }
  return matched;
}

/** Read-only requests pass every policy; others need a policy that is not readonly. */
const isReadOnly = (verb: string) => verb === 'get' || verb === 'list' || verb === 'watch';

function matches(p: AbacPolicy, a: Attributes): boolean {
  if (!subjectMatches(p, a.user) || !(isReadOnly(a.verb) || !p.readonly)) return false;
  if (a.resourceRequest) {
    return (p.namespace === '*' || p.namespace === a.namespace) && (p.resource === '*' || p.resource === a.resource) &&
      (p.apiGroup === '*' || p.apiGroup === a.apiGroup);
  }
  const np = p.nonResourcePath;
  return np === '*' || np === a.path || (np.endsWith('*') && (a.path ?? '').startsWith(np.replace(/\*+$/, '')));
}

/** An authorizer (and rule resolver) over already-parsed policies. */
export function newAbacAuthorizer(policies: readonly AbacPolicy[]): AbacAuthorizer {
  return {
    policies,
    async authorize(attrs: Attributes): Promise<AuthorizationResult> {
      for (const p of policies) if (matches(p, attrs)) return { decision: 'allow', reason: '' };
      return { decision: 'noOpinion', reason: 'No policy matched.' };
    },
    async rulesFor(user: UserInfo, namespace: string) {
      const resourceRules: ResourceRule[] = [], nonResourceRules: NonResourceRule[] = [];
      for (const p of policies) {
        if (!subjectMatches(p, user) || !(p.namespace === '*' || p.namespace === namespace)) continue;
        const verbs = p.readonly ? ['get', 'list', 'watch'] : ['*'];
        if (p.resource) resourceRules.push({ verbs, apiGroups: [p.apiGroup], resources: [p.resource] });
        if (p.nonResourcePath) nonResourceRules.push({ verbs, nonResourceURLs: [p.nonResourcePath] });
      }
      return { resourceRules, nonResourceRules, incomplete: false };
    },
  };
}

/** --authorization-policy-file: reads and parses the file, throwing upstream's message on a bad line. */
export async function loadAbacPolicyFile(path: string): Promise<AbacAuthorizer> {
  let text: string;
  try { text = await readFile(path, 'utf8'); } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `open ${path}: no such file or directory` : `open ${path}: ${(e as Error).message}`);
  }
  return newAbacAuthorizer(parseAbacPolicies(text, path));
}
