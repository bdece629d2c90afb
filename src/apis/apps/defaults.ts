/**
 * apps/v1 defaulting (pkg/apis/apps/v1/defaults.go). Upstream defaults while decoding, so both a
 * create and every update (a PUT of a bare manifest, a patch) see them: the strategies call these
 * from prepareForCreate and prepareForUpdate. Only fields that are absent (Go nil) or empty
 * strings are filled; what the client sent is kept.
 */
import type { KubeObject } from '../meta/types.js';
import { defaultPodTemplateSpec } from '../core/pod-defaults.js';
import { type Obj, asObj, child, setDefault } from './validation-fields.js';

/** The generated defaulters walk into every workload's pod template. */
export function defaultTemplate(spec: Obj): void {
  defaultPodTemplateSpec(child(spec, 'template'));
}

export function defaultDeployment(d: KubeObject): void {
  const spec = child(d, 'spec');
  setDefault(spec, 'replicas', 1);
  const strategy = child(spec, 'strategy');
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = child(strategy, 'rollingUpdate');
    setDefault(ru, 'maxUnavailable', '25%');
    setDefault(ru, 'maxSurge', '25%');
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  setDefault(spec, 'progressDeadlineSeconds', 600);
  defaultTemplate(spec);
}

export function defaultReplicaSet(rs: KubeObject): void {
  const spec = child(rs, 'spec');
  setDefault(spec, 'replicas', 1);
  defaultTemplate(spec);
}

export function defaultDaemonSet(ds: KubeObject): void {
  const spec = child(ds, 'spec');
  const strategy = child(spec, 'updateStrategy');
  if (!strategy.type) strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = child(strategy, 'rollingUpdate');
    setDefault(ru, 'maxUnavailable', 1);
    setDefault(ru, 'maxSurge', 0);
  }
  setDefault(spec, 'revisionHistoryLimit', 10);
  defaultTemplate(spec);
}

/**
 * StatefulSet: a missing strategy becomes RollingUpdate with partition 0; an explicit
 * RollingUpdate without rollingUpdate stays without it (upstream only fills an existing one).
 * The PVC retention policy (StatefulSetAutoDeletePVC, on by default in 1.32) is Retain/Retain.
 */
export function defaultStatefulSet(sts: KubeObject): void {
  const spec = child(sts, 'spec');
  if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady';
  const strategy = child(spec, 'updateStrategy');
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    child(strategy, 'rollingUpdate');
  }
  if (strategy.type === 'RollingUpdate' && strategy.rollingUpdate !== undefined && strategy.rollingUpdate !== null) {
    setDefault(child(strategy, 'rollingUpdate'), 'partition', 0);
  }
  const retention = child(spec, 'persistentVolumeClaimRetentionPolicy');
  if (!retention.whenDeleted) retention.whenDeleted = 'Retain';
  if (!retention.whenScaled) retention.whenScaled = 'Retain';
  setDefault(spec, 'replicas', 1);
  setDefault(spec, 'revisionHistoryLimit', 10);
  if (Array.isArray(spec.volumeClaimTemplates)) for (const pvc of spec.volumeClaimTemplates) defaultClaimTemplate(asObj(pvc));
  defaultTemplate(spec);
}

/** The core/v1 PersistentVolumeClaim defaults the generated defaulter applies to each claim template. */
function defaultClaimTemplate(pvc: Obj): void {
  setDefault(child(pvc, 'spec'), 'volumeMode', 'Filesystem');
  const status = child(pvc, 'status');
  if (!status.phase) status.phase = 'Pending';
}
