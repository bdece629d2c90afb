/**
 * Admission: plugins that may mutate (admit) or veto (validate) a write after the strategy has
 * defaulted and validated it and before storage. The chain runs every mutating step, then every
 * validating one, as upstream does.
 */
import type { GroupResource, KubeObject } from '../apis/meta/types.js';
import type { UserInfo } from '../auth/user.js';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE' | 'CONNECT';

export interface AdmissionAttributes {
  operation: Operation;
  resource: GroupResource;
  kind: string;
  subresource: string;
  namespace: string;
  name: string;
  user: UserInfo;
  dryRun: boolean;
  /** The incoming object (CREATE/UPDATE); plugins with admit() may change it. */
  object?: KubeObject;
  /** The stored object (UPDATE/DELETE). Never changed. */
  oldObject?: KubeObject;
}

export interface AdmissionPlugin {
  readonly name: string;
  /** Whether the plugin acts on op at all; asked once per operation at start, never per request. */
  handles(op: Operation): boolean;
  /** Optional. May change attrs.object. Throw ApiError to reject. */
  admit?(attrs: AdmissionAttributes): Promise<void>;
  /** Optional. Must not change anything. Throw ApiError to reject. */
  validate?(attrs: AdmissionAttributes): Promise<void>;
}

export interface Admission {
  admit(attrs: AdmissionAttributes): Promise<void>;
  validate(attrs: AdmissionAttributes): Promise<void>;
}

/**
 * Resolved once at start: for each operation, the plugins whose hook runs for it, so a request
 * walks a list of plugins that apply instead of asking every plugin. handles(op) must therefore
 * depend on op alone (it is called here, never per request).
 */
export function newAdmissionChain(plugins: readonly AdmissionPlugin[]): Admission {
  const ops: Operation[] = ['CREATE', 'UPDATE', 'DELETE', 'CONNECT'];
  const byOp = (hook: 'admit' | 'validate') =>
    new Map(ops.map((op) => [op, plugins.filter((p) => p[hook] && p.handles(op))]));
  const mutating = byOp('admit');
  const validating = byOp('validate');
  return {
    async admit(attrs) {
      for (const p of mutating.get(attrs.operation) ?? []) await p.admit!(attrs);
    },
    async validate(attrs) {
      for (const p of validating.get(attrs.operation) ?? []) await p.validate!(attrs);
    },
  };
}
