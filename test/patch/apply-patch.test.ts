import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src/apis/meta/errors.js';
import { applyPatch, builtinPatchMeta, builtinPatchMetaFor, supportedPatchTypes } from '../../src/patch/index.js';

const smp = 'application/strategic-merge-patch+json', merge = 'application/merge-patch+json', json = 'application/json-patch+json';
const deploymentMeta = builtinPatchMetaFor('apps/v1', 'Deployment');

function deployment() {
  return {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, finalizers: ['example.com/a'] },
    spec: {
      replicas: 2,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            { name: 'a', image: 'nginx:1', ports: [{ containerPort: 80 }], env: [{ name: 'X', value: '1' }] },
            { name: 'istio-proxy', image: 'proxy' },
            { name: 'b', image: 'busybox' },
          ],
          volumes: [{ name: 'data', emptyDir: {} }],
          tolerations: [{ key: 'k1' }],
        },
      },
    },
  };
}
type Deployment = ReturnType<typeof deployment>;

function rejects(fn: () => unknown, code: number, message: string) {
  assert.throws(fn, (e: unknown) => e instanceof ApiError && e.code === code && e.message === message
    || assert.fail(`got ${e instanceof ApiError ? `${e.code} ${e.message}` : String(e)}`));
}

describe('applyPatch: what kubectl sends', () => {
  it('kubectl edit: a two-way patch changing one image', () => {
    const body = '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"a"},{"name":"istio-proxy"},{"name":"b"}],"containers":[{"name":"a","image":"nginx:2"}]}}}}';
    const out = applyPatch(smp, deployment(), body, deploymentMeta) as Deployment;
    const want = deployment();
    want.spec.template.spec.containers[0].image = 'nginx:2';
    assert.deepEqual(out, want);
  });

  it('kubectl edit: the patch from the brief, naming only container a', () => {
    const body = '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"a"}],"containers":[{"name":"a","image":"nginx:2"}]}}}}';
    const out = applyPatch(smp, deployment(), body, deploymentMeta) as Deployment;
    assert.deepEqual(out.spec.template.spec.containers.map((c) => [c.name, c.image]), [['a', 'nginx:2'], ['istio-proxy', 'proxy'], ['b', 'busybox']]);
  });

  it('kubectl apply: a three-way patch deleting, adding, retaining keys and keeping server-only items', () => {
    const patch = {
      metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' }, '$deleteFromPrimitiveList/finalizers': ['example.com/a'] },
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [{ name: 'a' }],
            containers: [
              { name: 'a', '$setElementOrder/env': [{ name: 'X' }, { name: 'Y' }], env: [{ name: 'Y', value: '2' }], ports: [{ containerPort: 443 }] },
              { name: 'b', $patch: 'delete' },
            ],
            '$setElementOrder/volumes': [{ name: 'data' }],
            volumes: [{ name: 'data', $retainKeys: ['name', 'persistentVolumeClaim'], persistentVolumeClaim: { claimName: 'c' } }],
            tolerations: [{ key: 'k2' }],
          },
        },
      },
    };
    const out = applyPatch(smp, deployment(), JSON.stringify(patch), deploymentMeta) as Deployment;
    const spec = out.spec.template.spec;
    assert.deepEqual(spec.containers, [
      { name: 'a', image: 'nginx:1', ports: [{ containerPort: 443 }, { containerPort: 80 }], env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] },
      { name: 'istio-proxy', image: 'proxy' },
    ]);
    assert.deepEqual(spec.volumes, [{ name: 'data', persistentVolumeClaim: { claimName: 'c' } }]);
    assert.deepEqual(spec.tolerations, [{ key: 'k2' }], 'tolerations have no patch strategy: replaced');
    assert.deepEqual(out.metadata.finalizers, []);
    assert.deepEqual(Object.keys(out.metadata), ['name', 'namespace', 'labels', 'finalizers', 'annotations']);
  });

  it('kubectl patch --type=merge replaces lists', () => {
    const out = applyPatch(merge, deployment(), '{"spec":{"template":{"spec":{"containers":[{"name":"c","image":"x"}]}}}}', deploymentMeta) as Deployment;
    assert.deepEqual(out.spec.template.spec.containers, [{ name: 'c', image: 'x' }]);
  });

  it('kubectl patch --type=json', () => {
    const out = applyPatch(json, deployment(), Buffer.from('[{"op":"replace","path":"/spec/replicas","value":5},{"op":"add","path":"/metadata/labels/tier","value":"fe"}]'), deploymentMeta) as Deployment;
    assert.equal(out.spec.replicas, 5);
    assert.deepEqual(out.metadata.labels, { app: 'web', tier: 'fe' });
  });
});

describe('applyPatch: content types', () => {
  const accepted = 'the body of the request was in an unknown format - accepted media types include: ';
  it('drops "; charset=..." only', () => {
    assert.deepEqual(applyPatch(`${merge}; charset=utf-8`, { a: 1 }, '{"b":2}', builtinPatchMeta), { a: 1, b: 2 });
    rejects(() => applyPatch(` ${merge}`, {}, '{}', builtinPatchMeta), 415, accepted + supportedPatchTypes.join(', '));
    rejects(() => applyPatch(merge.toUpperCase(), {}, '{}', builtinPatchMeta), 415, accepted + supportedPatchTypes.join(', '));
  });
  it('answers server-side apply with 415 for now', () => {
    rejects(() => applyPatch('application/apply-patch+yaml', {}, 'a: 1', builtinPatchMeta), 415, accepted + supportedPatchTypes.join(', '));
  });
  it('lists only the resource\'s types, in installer.go order', () => {
    assert.deepEqual(supportedPatchTypes, [json, merge, smp]);
    rejects(() => applyPatch(smp, {}, '{}', builtinPatchMeta, { patchTypes: [json, merge] }), 415, `${accepted}${json}, ${merge}`);
  });
});

describe('applyPatch: bodies that do not decode', () => {
  const deep = '['.repeat(10001) + ']'.repeat(10001);
  it('JSON patch: kjson errors, prefixed unless fieldValidation=Ignore', () => {
    rejects(() => applyPatch(json, {}, 'nope', builtinPatchMeta), 400, `error decoding patch: invalid character 'o' in literal null (expecting 'u')`);
    rejects(() => applyPatch(json, {}, '', builtinPatchMeta, { fieldValidation: 'Ignore' }), 400, 'unexpected end of JSON input');
    rejects(() => applyPatch(json, {}, deep, builtinPatchMeta), 400, `error decoding patch: invalid character '[' exceeded max depth`);
  });
  it('merge patch: Invalid JSON Patch, or the strict decoder\'s error', () => {
    rejects(() => applyPatch(merge, {}, '{', builtinPatchMeta), 400, 'error decoding patch: unexpected end of JSON input');
    rejects(() => applyPatch(merge, {}, '{', builtinPatchMeta, { fieldValidation: 'Ignore' }), 400, 'Invalid JSON Patch');
    rejects(() => applyPatch(merge, {}, '[1]', builtinPatchMeta), 400, 'error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}');
    rejects(() => applyPatch(merge, {}, 'null', builtinPatchMeta), 400, 'Invalid JSON Patch');
    assert.deepEqual(applyPatch(merge, { a: 1 }, '[1]', builtinPatchMeta, { fieldValidation: 'Ignore' }), [1]);
  });
  it('strategic merge: the decoder\'s error as it is', () => {
    rejects(() => applyPatch(smp, {}, '{"a":}', builtinPatchMeta), 400, `invalid character '}' looking for beginning of value`);
    rejects(() => applyPatch(smp, {}, '"x"', builtinPatchMeta), 400, 'json: cannot unmarshal string into Go value of type map[string]interface {}');
    rejects(() => applyPatch(smp, {}, deep, builtinPatchMeta), 400, `invalid character '[' exceeded max depth`);
    assert.deepEqual(applyPatch(smp, { a: 1 }, 'null', builtinPatchMeta), { a: 1 });
  });
});

describe('builtinPatchMetaFor', () => {
  it('finds PodSpec fields wherever a kind embeds a PodSpec', () => {
    const containers = { patchStrategy: 'merge', patchMergeKey: 'name', isList: true };
    assert.deepEqual(builtinPatchMetaFor('v1', 'Pod').lookup(['spec', 'containers']), containers);
    assert.deepEqual(builtinPatchMetaFor('v1', 'PodTemplate').lookup(['template', 'spec', 'initContainers']), containers);
    assert.deepEqual(builtinPatchMetaFor('batch/v1', 'CronJob').lookup(['spec', 'jobTemplate', 'spec', 'template', 'spec', 'containers']), containers);
    assert.equal(builtinPatchMetaFor('apps/v1', 'StatefulSet').lookup(['spec', 'template', 'spec', 'containers', 'ports'])?.patchMergeKey, 'containerPort');
    assert.equal(builtinPatchMetaFor('v1', 'Pod').lookup(['spec', 'ephemeralContainers', 'volumeMounts'])?.patchMergeKey, 'mountPath');
    assert.equal(builtinPatchMetaFor('v1', 'Pod').lookup(['spec', 'volumes'])?.patchStrategy, 'merge,retainKeys');
  });
  it('does not find a PodSpec where the kind has none', () => {
    assert.equal(builtinPatchMetaFor('v1', 'Pod').lookup(['spec', 'template', 'spec', 'containers']), undefined);
    assert.equal(builtinPatchMetaFor('apps/v1', 'Deployment').lookup(['spec', 'containers']), undefined);
    assert.equal(builtinPatchMetaFor('v1', 'Pod').lookup(['spec', 'tolerations']), undefined);
  });
  it('knows ObjectMeta tags for every kind, including unlisted ones', () => {
    assert.deepEqual(builtinPatchMetaFor('v1', 'ConfigMap').lookup(['metadata', 'finalizers']), { patchStrategy: 'merge', isList: true, isPrimitiveList: true });
    assert.equal(builtinPatchMetaFor('rbac.authorization.k8s.io/v1', 'Role').lookup(['metadata', 'ownerReferences'])?.patchMergeKey, 'uid');
    assert.equal(builtinPatchMetaFor('apps/v1', 'Deployment').lookup(['spec', 'template', 'metadata', 'finalizers'])?.patchStrategy, 'merge');
  });
  it('knows the kind-specific lists', () => {
    assert.equal(builtinPatchMetaFor('v1', 'Service').lookup(['spec', 'ports'])?.patchMergeKey, 'port');
    assert.equal(builtinPatchMetaFor('v1', 'Node').lookup(['status', 'addresses'])?.patchMergeKey, 'type');
    assert.equal(builtinPatchMetaFor('v1', 'Pod').lookup(['status', 'conditions'])?.patchMergeKey, 'type');
    assert.equal(builtinPatchMeta.lookup(['spec', 'jobTemplate', 'spec', 'template', 'spec', 'hostAliases'])?.patchMergeKey, 'ip');
  });
  it('merges a Service port and a pod condition by key', () => {
    const svc = { spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443 }] } };
    const out = applyPatch(smp, svc, '{"spec":{"ports":[{"port":80,"targetPort":9090}]}}', builtinPatchMetaFor('v1', 'Service'));
    assert.deepEqual(out, { spec: { ports: [{ port: 80, targetPort: 9090 }, { port: 443 }] } });
  });
});
