/**
 * Subresources: status (the status half of an object), scale (autoscaling/v1 Scale over a
 * workload's replicas), pods/binding (the scheduler's write), pods/eviction,
 * certificatesigningrequests/approval and namespaces/finalize. Each writes through the Store's
 * update loop, so conflicts retry and validation runs as for any update.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { badRequest, conflict, invalid } from '../apis/meta/errors.js';
import { labelSelectorToString } from '../apis/meta/labels.js';
import type { KubeObject } from '../apis/meta/types.js';
import type { RequestInfo } from '../filters/request-info.js';
import { applyPatch } from '../patch/index.js';
import { type RequestContext, type ScaleDef } from '../registry/rest.js';
import { asBadRequest, decodeBodyValue, mediaType, readBody } from './body.js';
import type { DecodeTarget } from './decode.js';
import { negotiate } from './negotiation.js';
import {
  checkNamespaceAndName, decodeTyped, deleteOptionsFrom, type HandlerEnv, methodNotAllowed, notFoundGeneric, patchObject, type Route,
  toStoredVersion, writeOutput,
} from './resource-handler.js';
import { successStatus, writeObject } from './status.js';

export async function handleSubresource(req: IncomingMessage, res: ServerResponse, info: RequestInfo, route: Route, ctx: RequestContext, env: HandlerEnv): Promise<void> {
  const sub = route.def.subresources?.find((s) => s.name === info.subresource);
  if (!sub || !info.name) throw notFoundGeneric();
  if (!sub.verbs.includes(info.verb)) throw methodNotAllowed();
  if (route.def.namespaced && !ctx.namespace) throw notFoundGeneric();
  const q = info.query;
  const version = info.apiVersion;
  const neg = () => negotiate(req.headers.accept, ['object']);
  const name = info.name;

  // What the body must be: the subresource's kind (Binding, Eviction, Scale) or the resource's own.
  const target: DecodeTarget = {
    group: sub.group ?? route.def.group, version: sub.version ?? version, kind: sub.kind,
    alsoAccepts: sub.name === 'eviction' ? ['v1beta1'] : undefined,
  };
  const decode = () => decodeTyped(req, res, env, target, q);
  /** create with a name (binding, eviction): the namespace check of create.go, then the REST's name check. */
  const namedBody = async (kindName: string) => {
    const body = await decode();
    if (route.def.namespaced && body.metadata.namespace && body.metadata.namespace !== ctx.namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    if ((body.metadata.name ?? '') !== name) throw badRequest(`name in URL does not match name in ${kindName} object`);
    return body;
  };

  switch (sub.name) {
    case 'status': {
      if (info.verb === 'get') return writeOutput(res, 200, await route.store.get(ctx.namespace, name), route, version, neg(), q);
      if (info.verb === 'patch') return writeOutput(res, 200, await patchObject(req, res, route, ctx, name, version, 'status'), route, version, neg(), q);
      const body = await decode();
      checkNamespaceAndName(body, route.def, name, ctx.namespace);
      const stored = toStoredVersion(body, route.def, version);
      const r = await route.store.update(ctx, name, () => stored, 'status');
      return writeOutput(res, 200, r.object, route, version, neg(), q);
    }
    case 'scale':
      return handleScale(req, res, info, route, ctx, route.def.scale!, () => decode());
    case 'binding': {
      const body = await namedBody('Binding') as { metadata: { name?: string }; target?: { kind?: string; name?: string } };
      const target = body.target?.name;
      if (!target) throw invalid('Binding', '', name, [{ type: 'FieldValueRequired', field: 'target.name', detail: '' }]);
      await route.store.update(ctx, name, (pod) => {
        const spec = (pod.spec ??= {}) as { nodeName?: string };
        if (pod.metadata.deletionTimestamp) throw conflict(route.store.gr, name, `pod ${name} is being deleted, cannot be assigned to a host`);
        if (spec.nodeName) throw conflict(route.store.gr, name, `pod ${name} is already assigned to node "${spec.nodeName}"`);
        spec.nodeName = target;
        return pod;
      }, 'binding');
      return writeObject(res, 201, successStatus());
    }
    case 'eviction': {
      // Without a disruption controller there is no PDB budget to check: eviction is a delete.
      const body = await namedBody('Eviction');
      const deleteOptions = body.deleteOptions;
      const opts = deleteOptionsFrom(deleteOptions && typeof deleteOptions === 'object' ? deleteOptions as Record<string, unknown> : {}, ctx.dryRun);
      await route.store.delete({ ...ctx, dryRun: opts.dryRun ?? ctx.dryRun }, name, opts);
      return writeObject(res, 201, successStatus());
    }
    case 'approval':
    case 'finalize': {
      const body = await decode();
      checkNamespaceAndName(body, route.def, name, ctx.namespace);
      const r = await route.store.update(ctx, name, (current) => {
        if (body.metadata?.resourceVersion) current.metadata.resourceVersion = body.metadata.resourceVersion;
        if (sub.name === 'approval') {
          const conditions = (body.status as { conditions?: unknown } | undefined)?.conditions;
          current.status = { ...(current.status as object | undefined), conditions };
        } else {
          const finalizers = (body.spec as { finalizers?: unknown } | undefined)?.finalizers;
          current.spec = { ...(current.spec as object | undefined), finalizers: finalizers ?? [] };
        }
        return current;
      }, sub.name);
      return writeOutput(res, 200, r.object, route, version, neg(), q);
    }
    case 'token':
      return writeObject(res, 201, await requestToken(name, await readJsonObject(req), route, ctx, env));
    default:
      throw notFoundGeneric();
  }
}

/**
 * TokenRequest (serviceaccounts/<name>/token): a signed, expiring token for the service account,
 * optionally bound to a Pod, Secret or Node so that it dies with that object (upstream's TokenREST).
 */
async function requestToken(saName: string, body: Record<string, unknown>, route: Route, ctx: RequestContext, env: HandlerEnv): Promise<Record<string, unknown>> {
  if (!env.tokens) throw notFoundGeneric(); // no signing key without the secure port: as upstream, no subresource
  const spec = (body.spec ?? {}) as { audiences?: string[]; expirationSeconds?: number; boundObjectRef?: { kind?: string; apiVersion?: string; name?: string; uid?: string } };
  const sa = await route.store.get(ctx.namespace, saName);
  const audiences = spec.audiences && spec.audiences.length > 0 ? spec.audiences : env.tokens.audiences;
  const expirationSeconds = spec.expirationSeconds ?? 3600;
  const tokenInvalid = (field: string, value: unknown, detail: string) =>
    invalid('TokenRequest', 'authentication.k8s.io', saName, [{ type: 'FieldValueInvalid', field, badValue: value, detail }]);
  if (!Number.isInteger(expirationSeconds) || expirationSeconds < 600) throw tokenInvalid('spec.expirationSeconds', expirationSeconds, 'may not specify a duration less than 10 minutes');
  if (expirationSeconds > 2 ** 32) throw tokenInvalid('spec.expirationSeconds', expirationSeconds, 'may not specify a duration larger than 2^32 seconds');

  let bound: { kind: 'Pod' | 'Secret' | 'Node'; name: string; uid: string; node?: { name: string; uid: string } } | undefined;
  const ref = spec.boundObjectRef;
  if (ref) {
    const where: Record<string, [string, string]> = { Pod: ['/pods', ctx.namespace], Secret: ['/secrets', ctx.namespace], Node: ['/nodes', ''] };
    const target = ref.kind ? where[ref.kind] : undefined;
    if (!target) throw tokenInvalid('spec.boundObjectRef.kind', ref.kind ?? '', 'supported values: "Pod", "Secret", "Node"');
    const obj = await env.routes.get(target[0])!.store.get(target[1], ref.name ?? '');
    if (ref.uid && ref.uid !== obj.metadata.uid) {
      throw conflict(route.store.gr, saName, `the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`);
    }
    bound = { kind: ref.kind as 'Pod' | 'Secret' | 'Node', name: obj.metadata.name!, uid: obj.metadata.uid! };
    const nodeName = (obj.spec as { nodeName?: string } | undefined)?.nodeName;
    if (ref.kind === 'Pod' && nodeName) {
      const node = await env.routes.get('/nodes')!.store.get('', nodeName).catch(() => null);
      if (node) bound.node = { name: nodeName, uid: node.metadata.uid! };
    }
  }
  const { issueServiceAccountToken } = await import('../auth/authn/service-account-issue.js');
  const { token, expirationTimestamp } = await issueServiceAccountToken({
    privateKey: env.tokens.privateKey, issuer: env.tokens.issuer, audiences, namespace: ctx.namespace,
    serviceAccount: { name: saName, uid: sa.metadata.uid! }, boundObject: bound, expirationSeconds,
  });
  const outSpec: Record<string, unknown> = { audiences, expirationSeconds, boundObjectRef: ref ? { ...ref, uid: bound!.uid } : null };
  return {
    kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1',
    metadata: { name: saName, namespace: ctx.namespace, creationTimestamp: null },
    spec: outSpec, status: { token, expirationTimestamp },
  };
}
async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await decodeBodyValue(await readBody(req), mediaType(req));
  } catch (e) {
    throw asBadRequest(e);
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('the body of the request must be an object');
  return body as Record<string, unknown>;
}

function getPath(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = obj;
  for (const k of keys.slice(0, -1)) {
    if (cur[k] === null || typeof cur[k] !== 'object') cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]] = value;
}

/** The autoscaling/v1 Scale view of an object (upstream's scaleFromDeployment and friends). */
export function scaleOf(obj: KubeObject, scale: ScaleDef): KubeObject {
  const status: Record<string, unknown> = { replicas: (getPath(obj, scale.statusReplicasPath) as number | undefined) ?? 0 };
  if (scale.selectorPath) {
    const sel = getPath(obj, scale.selectorPath);
    if (sel && typeof sel === 'object') {
      const selector = scale.selectorIsMap ? labelSelectorToString({ matchLabels: sel as Record<string, string> }) : labelSelectorToString(sel as never);
      if (selector) status.selector = selector;
    }
  }
  const m = obj.metadata;
  return {
    kind: 'Scale', apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: (getPath(obj, scale.specReplicasPath) as number | undefined) ?? 0 },
    status,
  };
}

async function handleScale(req: IncomingMessage, res: ServerResponse, info: RequestInfo, route: Route, ctx: RequestContext, scale: ScaleDef, decode: () => Promise<KubeObject>): Promise<void> {
  const name = info.name;
  const write = (obj: KubeObject, code = 200) => writeObject(res, code, scaleOf(obj, scale));
  if (info.verb === 'get') return write(await route.store.get(ctx.namespace, name));
  let patch: Buffer | undefined;
  let put: KubeObject | undefined;
  if (info.verb === 'patch') patch = await readBody(req);
  else {
    put = await decode();
    checkNamespaceAndName(put, route.def, name, ctx.namespace);
  }
  // PatchResource compares the patch type exactly, after dropping parameters.
  const contentType = req.headers['content-type'] ?? '';
  const r = await route.store.update(ctx, name, async (current) => {
    const currentScale = scaleOf(current, scale);
    const next = patch ? applyPatch(contentType, currentScale, patch, { lookup: () => undefined }) as KubeObject : put!;
    const replicas = (next.spec as { replicas?: unknown } | undefined)?.replicas;
    const rv = next.metadata?.resourceVersion;
    if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
      throw invalid('Scale', 'autoscaling', name, [typeof replicas === 'number' && replicas < 0
        ? { type: 'FieldValueInvalid', field: 'spec.replicas', badValue: replicas, detail: 'must be greater than or equal to 0' }
        : { type: 'FieldValueInvalid', field: 'spec.replicas', badValue: replicas ?? null, detail: 'must be an integer' }]);
    }
    if (rv && rv !== current.metadata.resourceVersion) {
      throw conflict(route.store.gr, name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    setPath(current, scale.specReplicasPath, replicas);
    return current;
  }, 'scale');
  return write(r.object);
}
