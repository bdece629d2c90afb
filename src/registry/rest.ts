/**
 * What a resource is (ResourceDef: names, scope, verbs, subresources) and the per-resource rules
 * the generic Store calls (Strategy). Every hook is optional; the Store supplies the invariants
 * all resources share (metadata, finalizers, resourceVersion, generation) in registry/before.ts.
 */
import type { FieldError } from '../apis/meta/errors.js';
import type { KubeObject } from '../apis/meta/types.js';
import type { UserInfo } from '../auth/user.js';

export interface RequestContext {
  user: UserInfo;
  /** '' for cluster-scoped requests. */
  namespace: string;
  dryRun: boolean;
  /**
   * Optional. The subresource an update writes through ('status', 'binding', ...); absent for
   * the main resource. Lets a strategy apply upstream's per-subresource rules (BindingREST may
   * set a pod's nodeName, a plain update may not).
   */
  subresource?: string;
}

export interface Strategy {
  /**
   * Optional. Called on create after generic metadata defaulting, before validation. May mutate
   * obj (default fields, reset status). Must not touch storage.
   */
  prepareForCreate?(obj: KubeObject, ctx: RequestContext): void;
  /**
   * Optional. Called on update (main resource) before validation with the stored object. May
   * mutate obj, e.g. keep old status. Must not mutate old.
   */
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: RequestContext): void;
  /** Optional. Must not mutate. Return every problem, not just the first. */
  validate?(obj: KubeObject, ctx: RequestContext): FieldError[];
  /** Optional. Must not mutate either object. Immutable-field checks go here. */
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: RequestContext): FieldError[];
  /** Optional. Last step before storage; may normalize. */
  canonicalize?(obj: KubeObject): void;
  /**
   * Optional. Values of the resource's own field selector keys (beyond metadata.name and
   * metadata.namespace, which the Store adds). Keys not returned here are rejected with 400.
   */
  fieldSelectorAttrs?(obj: KubeObject): Record<string, string>;
  /** Names of the extra field selector keys (so unknown ones can be refused without an object). */
  fieldSelectorKeys?: readonly string[];
  /**
   * Optional, default false. Upstream's AllowCreateOnUpdate: a PUT to a missing object creates it
   * (true for endpoints, events, limitranges, serviceaccounts, services, leases, RBAC, runtimeclasses).
   */
  allowCreateOnUpdate?: boolean;
  /**
   * Optional, default true except for the resources the Store lists (webhook configurations,
   * CSI objects, volume attachments, runtime classes). Upstream's AllowUnconditionalUpdate: an
   * update without metadata.resourceVersion applies to the latest object instead of failing 422.
   */
  allowUnconditionalUpdate?: boolean;
}

/** How metadata.name is validated; upstream picks one per resource. */
export type NameValidation = 'dns1123Subdomain' | 'dns1123Label' | 'dns1035Label' | 'pathSegment';

/** Where the scale subresource reads and writes (autoscaling/v1 Scale). */
export interface ScaleDef {
  /** Dotted path to spec replicas, e.g. 'spec.replicas'. */
  specReplicasPath: string;
  statusReplicasPath: string;
  /** Optional. Dotted path to a label selector (LabelSelector object or map) for status.selector. */
  selectorPath?: string;
  /** Optional. true when selectorPath is a plain map (ReplicationController), not a LabelSelector. */
  selectorIsMap?: boolean;
}

export interface SubresourceDef {
  /** e.g. 'status', 'scale', 'binding', 'approval', 'finalize', 'eviction', 'token'. */
  name: string;
  /** Kind of the body for this subresource, e.g. 'Scale' in group 'autoscaling', 'Binding' in ''. */
  kind: string;
  group?: string;
  version?: string;
  verbs: string[];
}

export interface ResourceDef {
  group: string;
  /** Versions served, preferred first. */
  versions: string[];
  resource: string;
  singularName: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  /** Defaults to all of create, delete, deletecollection, get, list, patch, update, watch. */
  verbs?: string[];
  subresources?: SubresourceDef[];
  nameValidation: NameValidation;
  /** metadata.generation is set to 1 on create and bumped when anything but metadata/status changes. */
  generation?: boolean;
  /** Present when the resource has a scale subresource. */
  scale?: ScaleDef;
  strategy: Strategy;
  /** Optional. true for create-only resources answered per request and never stored (access reviews). */
  virtual?: boolean;
  /**
   * Optional, for resources served in several versions: converts an object between two of them.
   * The Store and storage only ever see versions[0]; endpoints convert at the edge.
   */
  convertVersion?(obj: KubeObject, fromVersion: string, toVersion: string): KubeObject;
  /**
   * Optional. Objects the server makes sure exist at start (flowcontrol bootstrap objects,
   * default namespaces): created when missing, never overwritten.
   */
  bootstrap?: () => KubeObject[];
}

export const allVerbs = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;

export function hasSubresource(def: ResourceDef, name: string): boolean {
  return def.subresources?.some((s) => s.name === name) ?? false;
}
