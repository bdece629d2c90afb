import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src/apis/meta/errors.js';
import { applyPatch, supportedPatchTypes, type PatchMeta } from '../../src/patch/index.js';
import { builtinPatchMetaFor } from '../../src/schema/patch-meta.js';
import '../../src/schema/tables.js'; // registers the built-in schema (the server loads it after start-up)

const smp = 'application/strategic-merge-patch+json', merge = 'application/merge-patch+json', json = 'application/json-patch+json';
// Derived from the apps/v1 and core/v1 schema tables (containers by name, volumes by name, ...).
const deploymentMeta = builtinPatchMetaFor('apps/v1', 'Deployment');
/** No struct tags: for the cases where the patch type or the body is the point, not the merge. */
const untagged: PatchMeta = { lookup: () => undefined };

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
    assert.deepEqual(applyPatch(`${merge}; charset=utf-8`, { a: 1 }, '{"b":2}', untagged), { a: 1, b: 2 });
    rejects(() => applyPatch(` ${merge}`, {}, '{}', untagged), 415, accepted + supportedPatchTypes.join(', '));
    rejects(() => applyPatch(merge.toUpperCase(), {}, '{}', untagged), 415, accepted + supportedPatchTypes.join(', '));
  });
  it('answers server-side apply with 415 for now', () => {
    rejects(() => applyPatch('application/apply-patch+yaml', {}, 'a: 1', untagged), 415, accepted + supportedPatchTypes.join(', '));
  });
  it('lists only the resource\'s types, in installer.go order', () => {
    assert.deepEqual(supportedPatchTypes, [json, merge, smp]);
    rejects(() => applyPatch(smp, {}, '{}', untagged, { patchTypes: [json, merge] }), 415, `${accepted}${json}, ${merge}`);
  });
});

describe('applyPatch: bodies that do not decode', () => {
  const deep = '['.repeat(10001) + ']'.repeat(10001);
  it('JSON patch: kjson errors, prefixed unless fieldValidation=Ignore', () => {
    rejects(() => applyPatch(json, {}, 'nope', untagged), 400, `error decoding patch: invalid character 'o' in literal null (expecting 'u')`);
    rejects(() => applyPatch(json, {}, '', untagged, { fieldValidation: 'Ignore' }), 400, 'unexpected end of JSON input');
    rejects(() => applyPatch(json, {}, deep, untagged), 400, `error decoding patch: invalid character '[' exceeded max depth`);
  });
  it('merge patch: Invalid JSON Patch, or the strict decoder\'s error', () => {
    rejects(() => applyPatch(merge, {}, '{', untagged), 400, 'error decoding patch: unexpected end of JSON input');
    rejects(() => applyPatch(merge, {}, '{', untagged, { fieldValidation: 'Ignore' }), 400, 'Invalid JSON Patch');
    rejects(() => applyPatch(merge, {}, '[1]', untagged), 400, 'error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}');
    rejects(() => applyPatch(merge, {}, 'null', untagged), 400, 'Invalid JSON Patch');
    assert.deepEqual(applyPatch(merge, { a: 1 }, '[1]', untagged, { fieldValidation: 'Ignore' }), [1]);
  });
  it('strategic merge: the decoder\'s error as it is', () => {
    rejects(() => applyPatch(smp, {}, '{"a":}', untagged), 400, `invalid character '}' looking for beginning of value`);
    rejects(() => applyPatch(smp, {}, '"x"', untagged), 400, 'json: cannot unmarshal string into Go value of type map[string]interface {}');
    rejects(() => applyPatch(smp, {}, deep, untagged), 400, `invalid character '[' exceeded max depth`);
    assert.deepEqual(applyPatch(smp, { a: 1 }, 'null', untagged), { a: 1 });
  });
});
