/**
 * The generic Store (upstream's genericregistry.Store): create, get, list, update, delete and
 * deletecollection semantics every resource shares. A resource brings only its ResourceDef and
 * Strategy; invariants shared by all live in before.ts. Watch lives in store-watch.ts.
 *
 * Order on create:  metadata defaults -> strategy.prepareForCreate -> validate -> admit -> validate
 * admission -> canonicalize -> hooks.beforeCreate (allocations) -> storage.
 * Order on update: the same inside storage.guaranteedUpdate, so a conflicting writer makes the
 * whole transform run again on the fresh object (patches are re-applied, not merged blindly).
 */
import { ApiError, conflict, type FieldError, invalid } from '../apis/meta/errors.js';
import { goValueError, validateObjectMeta, validateObjectMetaUpdate } from '../apis/meta/validation.js';
import { cloneJson } from '../patch/json-value.js';
import { type GroupResource, type KubeObject, apiVersionOf, nowTimestamp } from '../apis/meta/types.js';
import type { Admission, AdmissionAttributes, Operation } from '../admission/plugin.js';
import { type Preconditions, type Storage, StorageError } from '../storage/storage.js';
import { generateName, prepareMetaForCreate, prepareMetaForUpdate, reconcileNamespace } from './before.js';
import { interpretStorageError } from './interpret.js';
import { buildPredicate } from './predicate.js';
import { hasSubresource, type RequestContext, type ResourceDef } from './rest.js';

export interface ListQuery {
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
  resourceVersionMatch?: 'NotOlderThan' | 'Exact' | '';
  limit?: number;
  continue?: string;
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  preconditions?: Preconditions;
  propagationPolicy?: string;
  /** Optional; deprecated upstream, but orphanDependents=false still makes a pending delete a 202. */
  orphanDependents?: boolean;
  dryRun?: boolean;
}

/** Side effects around storage that a strategy must not do itself (IP allocation, ...). */
export interface StoreHooks {
  /** Optional. After validation, before the write. Returns an undo run if the write fails. */
  beforeCreate?(obj: KubeObject, ctx: RequestContext): Promise<(() => Promise<void>) | void>;
  /** Optional. Like beforeCreate, for updates of the main resource. */
  beforeUpdate?(obj: KubeObject, old: KubeObject, ctx: RequestContext): Promise<(() => Promise<void>) | void>;
  /** Optional. After the object is gone from storage (not on dry runs). */
  afterDelete?(obj: KubeObject): Promise<void>;
}

/**
 * Optional translation between what this Store serves and what storage holds, for resources that
 * share storage with another shape (events.k8s.io Events are stored as core/v1 Events).
 */
export interface StorageCodec {
  decode(stored: KubeObject): KubeObject;
  encode(obj: KubeObject): KubeObject;
}

export interface ListedObjects {
  metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number };
  items: KubeObject[];
  /** Present only when list() was asked for raw text and storage could give it. */
  raw?: string[];
}

/** Produces the object to write from the stored one (PUT returns its body, PATCH patches). */
export type UpdatedObjectInfo = (current: KubeObject) => KubeObject | Promise<KubeObject>;

export interface UpdateResult {
  object: KubeObject;
  created: boolean;
}

export interface DeleteResult {
  object: KubeObject;
  /** false when the object was only marked (finalizers or graceful deletion pending). */
  deleted: boolean;
}

// Resources whose DELETE answers with the object rather than a Status (ReturnDeletedObject upstream).
const returnsDeletedObject = new Set(['pods', 'serviceaccounts', 'storageclasses', 'namespaces', 'services']);

// Resources whose strategy refuses an update without metadata.resourceVersion upstream
// (AllowUnconditionalUpdate() false in their strategy.go); every other one takes the latest.
const conditionalUpdateOnly = new Set([
  'admissionregistration.k8s.io/mutatingwebhookconfigurations', 'admissionregistration.k8s.io/validatingwebhookconfigurations',
  'storage.k8s.io/csidrivers', 'storage.k8s.io/csinodes', 'storage.k8s.io/csistoragecapacities', 'storage.k8s.io/volumeattachments',
  'node.k8s.io/runtimeclasses',
]);

// Iterative: a body may legally nest thousands of levels deep (structuredClone would recurse).
const clone = <T>(o: T): T => cloneJson(o);

export class Store {
  readonly gr: GroupResource;
  readonly keyRoot: string;
  readonly apiVersion: string;

  constructor(
    readonly def: ResourceDef,
    readonly storage: Storage,
    private readonly admission: Admission,
    private readonly hooks: StoreHooks = {},
    storageResource = def.resource,
    private readonly codec?: StorageCodec,
  ) {
    this.gr = { group: def.group, resource: def.resource };
    this.keyRoot = `/registry/${storageResource}/`;
    this.apiVersion = apiVersionOf(def.group, def.versions[0]);
  }

  fromStorage(o: KubeObject): KubeObject {
    return this.codec ? this.codec.decode(o) : o;
  }

  private toStorage(o: KubeObject): KubeObject {
    return this.codec ? this.codec.encode(o) : o;
  }

  get returnsDeletedObject(): boolean {
    return returnsDeletedObject.has(this.def.resource);
  }

  /** AllowUnconditionalUpdate: may an update without metadata.resourceVersion apply to the latest? */
  get allowsUnconditionalUpdate(): boolean {
    return this.def.strategy.allowUnconditionalUpdate ?? !conditionalUpdateOnly.has(`${this.def.group}/${this.def.resource}`);
  }

  key(namespace: string, name: string): string {
    return this.def.namespaced ? `${this.keyRoot}${namespace}/${name}` : `${this.keyRoot}${name}`;
  }

  /** Everything in one namespace, or in all of them when namespace is ''. */
  listPrefix(namespace: string): string {
    return this.def.namespaced && namespace ? `${this.keyRoot}${namespace}/` : this.keyRoot;
  }

  async get(namespace: string, name: string): Promise<KubeObject> {
    try {
      return this.fromStorage(await this.storage.get(this.key(namespace, name)));
    } catch (e) {
      throw interpretStorageError(e, this.gr, name);
    }
  }

  /**
   * raw: the caller can send stored JSON text as it is (plain JSON output of the stored version);
   * when storage can, the result then carries `raw` instead of items.
   */
  async list(namespace: string, q: ListQuery, version = this.def.versions[0], raw = false): Promise<ListedObjects> {
    const predicate = buildPredicate(this.def, version, q.labelSelector, q.fieldSelector);
    try {
      const r = await this.storage.list(this.listPrefix(namespace), {
        resourceVersion: q.resourceVersion, resourceVersionMatch: q.resourceVersionMatch,
        limit: q.limit, continue: q.continue,
        predicate: predicate === null ? undefined : this.codec ? (o) => predicate(this.fromStorage(o)) : predicate,
        raw: raw && predicate === null && !this.codec && version === this.def.versions[0],
      });
      const metadata: { resourceVersion: string; continue?: string; remainingItemCount?: number } = { resourceVersion: String(r.revision) };
      if (r.continue) metadata.continue = r.continue;
      if (r.remainingItemCount !== undefined && r.continue) metadata.remainingItemCount = r.remainingItemCount;
      if (r.raw) return { metadata, items: [], raw: r.raw };
      return { metadata, items: this.codec ? r.items.map((o) => this.fromStorage(o)) : r.items };
    } catch (e) {
      const msg = q.continue
        ? 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.'
        : 'The resourceVersion for the provided list is too old.';
      throw interpretStorageError(e, this.gr, '', msg);
    }
  }

  private invalid(name: string, errs: FieldError[]): ApiError {
    return invalid(this.def.kind, this.def.group, name, errs);
  }

  private attrs(op: Operation, ctx: RequestContext, subresource: string, name: string, obj?: KubeObject, old?: KubeObject): AdmissionAttributes {
    return { operation: op, resource: this.gr, kind: this.def.kind, subresource, namespace: ctx.namespace, name, user: ctx.user, dryRun: ctx.dryRun, object: obj, oldObject: old };
  }

  async create(ctx: RequestContext, input: KubeObject): Promise<KubeObject> {
    const obj = input;
    if (!obj.metadata || typeof obj.metadata !== 'object') obj.metadata = {};
    reconcileNamespace(obj, this.def, ctx.namespace);
    obj.apiVersion = this.apiVersion;
    obj.kind = this.def.kind;
    const generated = !obj.metadata.name && !!obj.metadata.generateName;
    if (generated) obj.metadata.name = generateName(obj.metadata.generateName!);
    prepareMetaForCreate(obj, this.def);
    this.def.strategy.prepareForCreate?.(obj, ctx);
    const errs = [
      ...validateObjectMeta(obj.metadata, { namespaced: this.def.namespaced, nameValidation: this.def.nameValidation }),
      ...(this.def.strategy.validate?.(obj, ctx) ?? []),
    ];
    if (errs.length > 0) throw this.invalid(obj.metadata.name ?? '', errs);
    const attrs = this.attrs('CREATE', ctx, '', obj.metadata.name ?? '', obj);
    await this.admission.admit(attrs);
    await this.admission.validate(attrs);
    this.def.strategy.canonicalize?.(obj);

    // A generated name can collide; upstream retries with a fresh suffix (RetryGenerateName).
    for (let attempt = 0; ; attempt++) {
      const undo = await this.hooks.beforeCreate?.(obj, ctx);
      try {
        if (ctx.dryRun) {
          if (await this.exists(ctx.namespace, obj.metadata.name!)) throw new StorageError('KeyExists', this.key(ctx.namespace, obj.metadata.name!));
          if (undo) await undo(); // a dry run shows what would be allocated but keeps nothing
          return obj;
        }
        return this.fromStorage(await this.storage.create(this.key(ctx.namespace, obj.metadata.name!), this.toStorage(obj)));
      } catch (e) {
        if (undo) await undo();
        if (e instanceof StorageError && e.code === 'KeyExists' && generated && attempt < 7) {
          obj.metadata.name = generateName(obj.metadata.generateName!);
          continue;
        }
        throw interpretStorageError(e, this.gr, obj.metadata.name!);
      }
    }
  }

  private async exists(namespace: string, name: string): Promise<boolean> {
    try {
      await this.storage.get(this.key(namespace, name));
      return true;
    } catch (e) {
      if (e instanceof StorageError && e.code === 'KeyNotFound') return false;
      throw e;
    }
  }

  /**
   * Update the main resource or a subresource ('status', or a custom one through `subresource`).
   * For 'status' only status changes; for the main resource status is kept when the resource has
   * a status subresource (the two halves have separate writers, as upstream).
   */
  async update(ctx: RequestContext, name: string, objInfo: UpdatedObjectInfo, subresource = ''): Promise<UpdateResult> {
    const key = this.key(ctx.namespace, name);
    const hasStatus = hasSubresource(this.def, 'status');
    // Holder object: TypeScript does not track assignments made inside the transform closure.
    const pending: { undo?: () => Promise<void> } = {};
    let deleteAfter = false;
    const transform = async (current: KubeObject): Promise<KubeObject> => {
      if (pending.undo) { await pending.undo(); pending.undo = undefined; }
      const next = await objInfo(clone(current));
      if (!next || typeof next !== 'object' || Array.isArray(next)) throw new ApiError(400, 'BadRequest', 'the body of the request is not an object');
      if (!next.metadata || typeof next.metadata !== 'object') next.metadata = {};
      const m = next.metadata;
      if (m.name !== undefined && m.name !== name) {
        throw new ApiError(400, 'BadRequest', `the name of the object (${m.name}) does not match the name on the URL (${name})`);
      }
      m.name = name;
      reconcileNamespace(next, this.def, ctx.namespace);
      next.apiVersion = this.apiVersion;
      next.kind = this.def.kind;
      if (!m.resourceVersion) {
        if (!this.allowsUnconditionalUpdate) {
          // genericregistry.Store.Update: the kind is the resource here, and the value a uint64 (%#v).
          throw invalid(this.def.resource, this.def.group, name, [goValueError('FieldValueInvalid', 'metadata.resourceVersion', '0x0', 'must be specified for an update')]);
        }
        m.resourceVersion = current.metadata.resourceVersion;
      } else if (m.resourceVersion !== current.metadata.resourceVersion) {
        throw conflict(this.gr, name, 'the object has been modified; please apply your changes to the latest version and try again');
      }
      if (m.uid && m.uid !== current.metadata.uid) {
        throw conflict(this.gr, name, `Precondition failed: UID in precondition: ${m.uid}, UID in object meta: ${current.metadata.uid}`);
      }

      let obj: KubeObject;
      if (subresource === 'status') {
        // ResetObjectMetaForStatus: a status write changes status and nothing else.
        obj = clone(current);
        if (next.status === undefined) delete obj.status;
        else obj.status = next.status;
      } else {
        obj = next;
        if (hasStatus && subresource === '') {
          if (current.status === undefined) delete obj.status;
          else obj.status = clone(current.status);
        }
      }
      const errs = prepareMetaForUpdate(obj, current, this.def);
      if (subresource === '') this.def.strategy.prepareForUpdate?.(obj, current, ctx);
      const sctx: RequestContext = subresource ? { ...ctx, subresource } : ctx;
      errs.push(
        ...validateObjectMetaUpdate(obj.metadata, current.metadata),
        ...validateObjectMeta(obj.metadata, { namespaced: this.def.namespaced, nameValidation: this.def.nameValidation }),
        ...(this.def.strategy.validate?.(obj, sctx) ?? []),
        ...(this.def.strategy.validateUpdate?.(obj, current, sctx) ?? []),
      );
      if (errs.length > 0) throw this.invalid(name, errs);
      const attrs = this.attrs('UPDATE', ctx, subresource, name, obj, current);
      await this.admission.admit(attrs);
      await this.admission.validate(attrs);
      this.def.strategy.canonicalize?.(obj);
      if (subresource === '' && this.hooks.beforeUpdate) pending.undo = (await this.hooks.beforeUpdate(obj, current, ctx)) ?? undefined;
      // The last finalizer of an object being deleted is gone: the update completes the delete.
      deleteAfter = !!obj.metadata.deletionTimestamp && (obj.metadata.finalizers ?? []).length === 0 && !pendingNamespaceFinalizers(this.def, obj) && !pendingGracefulPod(this.def, obj);
      return obj;
    };

    try {
      if (ctx.dryRun) {
        const current = this.fromStorage(await this.storage.get(key));
        const obj = await transform(current);
        if (pending.undo) { await pending.undo(); pending.undo = undefined; }
        obj.metadata.resourceVersion = current.metadata.resourceVersion;
        return { object: obj, created: false };
      }
      const stored = this.fromStorage(await this.storage.guaranteedUpdate(key, undefined, async (cur) => this.toStorage(await transform(this.fromStorage(cur)))));
      if (deleteAfter) {
        const gone = this.fromStorage(await this.storage.delete(key, { uid: stored.metadata.uid }));
        await this.hooks.afterDelete?.(gone);
        return { object: gone, created: false };
      }
      return { object: stored, created: false };
    } catch (e) {
      if (pending.undo) await pending.undo();
      throw interpretStorageError(e, this.gr, name);
    }
  }

  /** PUT: an update, or a create for resources that allow it (AllowCreateOnUpdate upstream). */
  async updateOrCreate(ctx: RequestContext, name: string, body: KubeObject): Promise<UpdateResult> {
    try {
      return await this.update(ctx, name, () => clone(body));
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 404 && this.def.strategy.allowCreateOnUpdate)) throw e;
      const obj = clone(body);
      if (obj.metadata.name !== undefined && obj.metadata.name !== name) {
        throw new ApiError(400, 'BadRequest', `the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`);
      }
      obj.metadata.name = name;
      delete obj.metadata.generateName;
      return { object: await this.create(ctx, obj), created: true };
    }
  }

  /**
   * Deletes one object. Objects with finalizers (and namespaces with spec.finalizers) are only
   * marked with deletionTimestamp; bound, running pods are marked for graceful deletion.
   */
  async delete(ctx: RequestContext, name: string, opts: DeleteOptions = {}): Promise<DeleteResult> {
    const key = this.key(ctx.namespace, name);
    let current: KubeObject;
    try {
      current = this.fromStorage(await this.storage.get(key));
    } catch (e) {
      throw interpretStorageError(e, this.gr, name);
    }
    this.checkPreconditions(name, current, opts.preconditions);
    const attrs = this.attrs('DELETE', ctx, '', name, undefined, current);
    await this.admission.admit(attrs);
    await this.admission.validate(attrs);

    const graceful = this.gracePeriod(current, opts);
    const mustMark = (current.metadata.finalizers ?? []).length > 0 || pendingNamespaceFinalizers(this.def, current) || graceful > 0;
    if (mustMark) {
      if (ctx.dryRun) return { object: markDeleting(clone(current), this.def, graceful), deleted: false };
      try {
        const marked = await this.storage.guaranteedUpdate(key, opts.preconditions, (cur) => this.toStorage(markDeleting(this.fromStorage(cur), this.def, graceful)));
        return { object: this.fromStorage(marked), deleted: false };
      } catch (e) {
        throw interpretStorageError(e, this.gr, name);
      }
    }
    if (ctx.dryRun) return { object: current, deleted: true };
    try {
      const gone = this.fromStorage(await this.storage.delete(key, { uid: current.metadata.uid, ...opts.preconditions }));
      await this.hooks.afterDelete?.(gone);
      return { object: gone, deleted: true };
    } catch (e) {
      throw interpretStorageError(e, this.gr, name);
    }
  }

  /** rest.BeforeDelete checks preconditions early, naming the kind (not the resource) in the conflict. */
  private checkPreconditions(name: string, current: KubeObject, pre?: Preconditions) {
    const gk = { group: this.def.group, resource: this.def.kind };
    if (pre?.uid && pre.uid !== current.metadata.uid) {
      throw conflict(gk, name, `the UID in the precondition (${pre.uid}) does not match the UID in record (${current.metadata.uid}). The object might have been deleted and then recreated`);
    }
    if (pre?.resourceVersion && pre.resourceVersion !== current.metadata.resourceVersion) {
      throw conflict(gk, name, `the ResourceVersion in the precondition (${pre.resourceVersion}) does not match the ResourceVersion in record (${current.metadata.resourceVersion}). The object might have been modified`);
    }
  }

  /** Seconds of graceful deletion, 0 for immediate. Only pods on a node wait for their kubelet. */
  private gracePeriod(obj: KubeObject, opts: DeleteOptions): number {
    if (this.def.resource !== 'pods' || this.def.group !== '') return 0;
    const spec = (obj.spec ?? {}) as { nodeName?: string; terminationGracePeriodSeconds?: number };
    const phase = (obj.status as { phase?: string } | undefined)?.phase;
    if (!spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
    const grace = opts.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? 30;
    return grace > 0 ? grace : 0;
  }

  /** Deletes every matching object in the namespace; answers with the list of what it deleted. */
  async deleteCollection(ctx: RequestContext, q: ListQuery, opts: DeleteOptions, version?: string) {
    const listed = await this.list(ctx.namespace, { labelSelector: q.labelSelector, fieldSelector: q.fieldSelector }, version);
    const items: KubeObject[] = [];
    for (const item of listed.items) {
      try {
        const r = await this.delete({ ...ctx, namespace: item.metadata.namespace ?? '' }, item.metadata.name!, opts);
        items.push(r.object);
      } catch (e) {
        if (e instanceof ApiError && e.code === 404) continue; // deleted concurrently: fine
        throw e;
      }
    }
    return { metadata: { resourceVersion: listed.metadata.resourceVersion }, items };
  }

  /** Creates a bootstrap object when missing; never overwrites what is stored. */
  async ensure(obj: KubeObject, ctx: RequestContext): Promise<void> {
    const ns = obj.metadata.namespace ?? '';
    if (await this.exists(ns, obj.metadata.name!)) return;
    try {
      await this.create({ ...ctx, namespace: ns }, clone(obj));
    } catch (e) {
      if (e instanceof ApiError && e.code === 409) return; // another server won the race
      throw e;
    }
  }
}

function pendingNamespaceFinalizers(def: ResourceDef, obj: KubeObject): boolean {
  if (def.resource !== 'namespaces' || def.group !== '') return false;
  return (((obj.spec as { finalizers?: string[] } | undefined)?.finalizers) ?? []).length > 0;
}

function pendingGracefulPod(def: ResourceDef, obj: KubeObject): boolean {
  return def.resource === 'pods' && def.group === '' && (obj.metadata.deletionGracePeriodSeconds ?? 0) > 0;
}

function markDeleting(obj: KubeObject, def: ResourceDef, graceSeconds: number): KubeObject {
  const m = obj.metadata;
  if (!m.deletionTimestamp) {
    m.deletionTimestamp = nowTimestamp(new Date(Date.now() + graceSeconds * 1000));
    m.deletionGracePeriodSeconds = graceSeconds;
  } else if (graceSeconds > 0 && (m.deletionGracePeriodSeconds ?? 0) > graceSeconds) {
    // A shorter grace period may replace a longer one, never the reverse (pod strategy CheckGracefulDelete).
    m.deletionTimestamp = nowTimestamp(new Date(Date.now() + graceSeconds * 1000));
    m.deletionGracePeriodSeconds = graceSeconds;
  }
  if (def.resource === 'namespaces' && def.group === '') {
    obj.status = { ...(obj.status as object | undefined), phase: 'Terminating' };
  }
  return obj;
}

