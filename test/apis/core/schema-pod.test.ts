import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinSchema } from '../../../src/schema/tables.js';
import { corePodTypes } from '../../../src/apis/core/schema-pod.js';
import { coreVolumeTypes } from '../../../src/apis/core/schema-volumes.js';
import { builtinField as field, builtinRequired as required } from '../schema-check.js';

// The pod and volume tables are listed in builtinTables, so they are read from the built-in schema.
const schema = builtinSchema;

test('Pod is served as core/v1 Pod with metadata, spec and status', () => {
  const pod = schema.kinds.get('/v1/Pod')!;
  assert.equal(pod.name, 'io.k8s.api.core.v1.Pod');
  assert.deepEqual(pod.fields.map((f) => f.name), ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
});

test('PodSpec lists carry upstream merge keys and list-map keys', () => {
  for (const name of ['initContainers', 'containers', 'ephemeralContainers', 'imagePullSecrets', 'schedulingGates']) {
    const m = field('PodSpec', name).meta;
    assert.equal(m.patchStrategy, 'merge', name);
    assert.deepEqual([m.patchMergeKey, m.listType, m.listMapKeys], ['name', 'map', ['name']], name);
  }
  assert.equal(field('PodSpec', 'volumes').meta.patchStrategy, 'merge,retainKeys');
  assert.equal(field('PodSpec', 'resourceClaims').meta.patchStrategy, 'merge,retainKeys');
  assert.deepEqual(field('PodSpec', 'topologySpreadConstraints').meta.listMapKeys, ['topologyKey', 'whenUnsatisfiable']);
  assert.equal(field('PodSpec', 'topologySpreadConstraints').meta.patchMergeKey, 'topologyKey');
  assert.equal(field('PodSpec', 'hostAliases').meta.patchMergeKey, 'ip');
  assert.equal(field('PodSpec', 'tolerations').meta.listType, 'atomic');
  assert.equal(field('PodSpec', 'nodeSelector').meta.mapType, 'atomic');
  assert.deepEqual(required('PodSpec'), ['containers']);
});

test('Container lists merge the way strategic merge patch and apply expect', () => {
  const ports = field('Container', 'ports').meta;
  assert.deepEqual([ports.patchMergeKey, ports.listMapKeys], ['containerPort', ['containerPort', 'protocol']]);
  assert.equal(field('Container', 'env').meta.patchMergeKey, 'name');
  assert.equal(field('Container', 'volumeMounts').meta.patchMergeKey, 'mountPath');
  assert.equal(field('Container', 'volumeDevices').meta.patchMergeKey, 'devicePath');
  assert.equal(field('Container', 'command').meta.listType, 'atomic');
  assert.equal(field('ContainerPort', 'protocol').meta.default, 'TCP');
  assert.deepEqual(required('ContainerPort'), ['containerPort']);
  assert.deepEqual(required('Container'), ['name']);
});

test('EphemeralContainer inlines the Container fields with the same numbers', () => {
  const eph = schema.types.get('EphemeralContainerCommon')!.fields.map((f) => `${f.number} ${f.name}`);
  const ctr = schema.types.get('Container')!.fields.map((f) => `${f.number} ${f.name}`);
  assert.deepEqual(eph, ctr);
  assert.notEqual(field('EphemeralContainerCommon', 'ports').description, field('Container', 'ports').description);
  assert.equal(schema.types.get('EphemeralContainer')!.fields[0].inline, true);
});

test('PodStatus keeps upstream list semantics and enums', () => {
  assert.equal(field('PodStatus', 'conditions').meta.patchMergeKey, 'type');
  assert.deepEqual(field('PodStatus', 'podIPs').meta.listMapKeys, ['ip']);
  assert.equal(field('PodStatus', 'hostIPs').meta.listType, 'atomic');
  assert.equal(field('PodStatus', 'containerStatuses').meta.listType, 'atomic');
  assert.deepEqual(field('PodStatus', 'phase').meta.enum, ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown']);
  assert.deepEqual(field('PodStatus', 'qosClass').meta.enum, ['BestEffort', 'Burstable', 'Guaranteed']);
  assert.deepEqual(required('ContainerStatus'), ['name', 'ready', 'restartCount', 'image', 'imageID']);
  assert.deepEqual(required('PodCondition'), ['type', 'status']);
});

test('scheduling types: required fields, atomic structs and operator enums', () => {
  assert.equal(schema.types.get('NodeSelector')!.structType, 'atomic');
  assert.equal(schema.types.get('NodeSelectorTerm')!.structType, 'atomic');
  assert.deepEqual(required('NodeSelectorRequirement'), ['key', 'operator']);
  assert.deepEqual(field('NodeSelectorRequirement', 'operator').meta.enum, ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn']);
  assert.deepEqual(required('PreferredSchedulingTerm'), ['weight', 'preference']);
  assert.deepEqual(required('WeightedPodAffinityTerm'), ['weight', 'podAffinityTerm']);
  assert.deepEqual(required('PodAffinityTerm'), ['topologyKey']);
  assert.deepEqual(required('TopologySpreadConstraint'), ['maxSkew', 'topologyKey', 'whenUnsatisfiable']);
  assert.deepEqual(field('Toleration', 'effect').meta.enum, ['NoExecute', 'NoSchedule', 'PreferNoSchedule']);
  assert.deepEqual(field('Toleration', 'operator').meta.enum, ['Equal', 'Exists']);
});

test('field counts of the big types match upstream (plus the post-1.32 fields we carry)', () => {
  const count = (t: string) => schema.types.get(t)!.fields.filter((f) => f.number > 0).length;
  assert.equal(count('PodSpec'), 40 + 2); // hostnameOverride, workloadRef
  assert.equal(count('Container'), 24 + 1); // restartPolicyRules
  assert.equal(count('PodStatus'), 16 + 4); // observedGeneration, extendedResourceClaimStatus, allocatedResources, resources
  assert.equal(count('ContainerStatus'), 14 + 1); // stopSignal
  assert.equal(count('PodSecurityContext'), 13);
  assert.equal(count('SecurityContext'), 12);
});

test('every pod type has an upstream definition name and a description for each named field', () => {
  for (const [ref, def] of Object.entries(corePodTypes)) {
    assert.match(def.name, /^io\.k8s\.api\.core\.v1\.\w+$/, ref);
    assert.ok(def.description.length > 0, ref);
    for (const [spec, description] of def.fields) {
      if (!spec.includes(' ... ')) assert.ok(description.length > 0, `${ref} ${spec}`);
    }
  }
});

test('required follows the Go tags: no omitempty means required, except upstream\'s +optional ones', () => {
  // `json:"x"` without omitempty yet marked +optional upstream.
  const optionalWithoutOmitempty = new Set(['GRPCAction.service', 'ProjectedVolumeSource.sources']);
  for (const [ref, def] of Object.entries({ ...corePodTypes, ...coreVolumeTypes })) {
    for (const [spec, , meta] of def.fields) {
      const name = spec.split(' ')[1];
      if (name === '...') continue;
      const always = spec.endsWith('!');
      const key = `${ref}.${name}`;
      if (always && !optionalWithoutOmitempty.has(key)) assert.equal(meta?.required, true, `${key} has no omitempty`);
      if (meta?.required && !always) {
        // Non-pointer structs and IntOrString carry no '!' (Go always emits them) yet are required.
        assert.match(spec, /^\d+ \w+ [A-Z]\w+$/, `${key} is required without '!'`);
      }
    }
  }
});
