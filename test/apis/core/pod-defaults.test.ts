import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPod, defaultPodSpec, defaultPodTemplateSpec } from '../../../src/apis/core/pod-defaults.js';
import { defaultPullPolicy, imageTag } from '../../../src/apis/core/image-ref.js';
import { podQOSClass } from '../../../src/apis/core/pod-qos.js';

describe('imagePullPolicy default (SetDefaults_Container)', () => {
  const cases: Array<[string, string | null, string]> = [
    ['nginx', 'latest', 'Always'],
    ['nginx:latest', 'latest', 'Always'],
    ['nginx:1.27', '1.27', 'IfNotPresent'],
    ['registry.k8s.io/pause:3.10', '3.10', 'IfNotPresent'],
    ['localhost:5000/app', 'latest', 'Always'],
    ['localhost:5000/app:v2', 'v2', 'IfNotPresent'],
    [`busybox@sha256:${'a'.repeat(64)}`, '', 'IfNotPresent'],
    [`busybox:latest@sha256:${'a'.repeat(64)}`, 'latest', 'Always'],
    ['Nginx', null, 'IfNotPresent'],
    ['', null, 'IfNotPresent'],
  ];
  for (const [image, tag, policy] of cases) {
    it(JSON.stringify(image.slice(0, 40)), () => {
      assert.equal(imageTag(image), tag);
      assert.equal(defaultPullPolicy(image), policy);
    });
  }
});

describe('defaultPodSpec', () => {
  it('fills the PodSpec and container defaults upstream returns', () => {
    const spec: Record<string, unknown> = {
      containers: [{
        name: 'c', image: 'nginx:1.27', ports: [{ containerPort: 80 }],
        livenessProbe: { httpGet: { port: 80 } },
        readinessProbe: { exec: { command: ['true'] }, periodSeconds: 5 },
        env: [{ name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
      }],
      volumes: [{ name: 'a' }, { name: 'b', configMap: { name: 'cm' } }, { name: 'c', hostPath: { path: '/x' } }, { name: 'd', secret: { secretName: 's' } }],
    };
    defaultPodSpec(spec);
    assert.deepEqual(spec, {
      containers: [{
        name: 'c', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }],
        livenessProbe: { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
        readinessProbe: { exec: { command: ['true'] }, periodSeconds: 5, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
        env: [{ name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name', apiVersion: 'v1' } } }],
        imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
      }],
      volumes: [
        { name: 'a', emptyDir: {} },
        { name: 'b', configMap: { name: 'cm', defaultMode: 420 } },
        { name: 'c', hostPath: { path: '/x', type: '' } },
        { name: 'd', secret: { secretName: 's', defaultMode: 420 } },
      ],
      dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', securityContext: {}, terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler',
    });
  });

  it('keeps what the client set, including a zero grace period', () => {
    const spec: Record<string, unknown> = { restartPolicy: 'Never', dnsPolicy: 'Default', terminationGracePeriodSeconds: 0, schedulerName: 'mine', securityContext: { runAsUser: 1 }, containers: [] };
    defaultPodSpec(spec);
    assert.equal(spec.restartPolicy, 'Never');
    assert.equal(spec.dnsPolicy, 'Default');
    assert.equal(spec.terminationGracePeriodSeconds, 0);
    assert.equal(spec.schedulerName, 'mine');
    assert.deepEqual(spec.securityContext, { runAsUser: 1 });
  });

  it('a template gets PodSpec defaults but not the Pod-only ones', () => {
    const t: Record<string, unknown> = { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'x', resources: { limits: { cpu: '1' } } }] } };
    defaultPodTemplateSpec(t);
    const spec = t.spec as Record<string, unknown>;
    assert.equal(spec.enableServiceLinks, undefined);
    assert.deepEqual((spec.containers as Array<Record<string, unknown>>)[0].resources, { limits: { cpu: '1' } });
    assert.equal(spec.restartPolicy, 'Always');
  });
});

describe('defaultPod', () => {
  it('copies limits into missing requests, links services and mirrors host ports', () => {
    const pod: Record<string, unknown> = { spec: { hostNetwork: true, containers: [{ name: 'c', image: 'x', ports: [{ containerPort: 8080 }], resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } } }] } };
    defaultPod(pod);
    const spec = pod.spec as Record<string, unknown>;
    const c = (spec.containers as Array<Record<string, unknown>>)[0];
    assert.deepEqual(c.resources, { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } });
    assert.deepEqual(c.ports, [{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }]);
    assert.equal(spec.enableServiceLinks, true);
  });

  it('serviceAccount mirrors serviceAccountName', () => {
    const pod: Record<string, unknown> = { spec: { serviceAccount: 'old', containers: [] } };
    defaultPod(pod);
    assert.equal((pod.spec as Record<string, unknown>).serviceAccountName, 'old');
  });
});

describe('podQOSClass (ComputePodQOS)', () => {
  const c = (resources: Record<string, unknown>) => ({ name: 'c', image: 'x', resources });
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['no resources', { containers: [{ name: 'c' }] }, 'BestEffort'],
    ['zero requests only', { containers: [c({ requests: { cpu: '0' } })] }, 'BestEffort'],
    ['requests only', { containers: [c({ requests: { cpu: '100m' } })] }, 'Burstable'],
    ['equal cpu and memory', { containers: [c({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1000m', memory: '1Gi' } })] }, 'Guaranteed'],
    ['memory limit missing', { containers: [c({ limits: { cpu: '1' }, requests: { cpu: '1' } })] }, 'Burstable'],
    ['request below limit', { containers: [c({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m', memory: '1Gi' } })] }, 'Burstable'],
    ['one of two containers unbounded', { containers: [c({ limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1', memory: '1Gi' } }), { name: 'd' }] }, 'Burstable'],
    ['extended resources do not count', { containers: [c({ limits: { 'example.com/gpu': '1' } })] }, 'BestEffort'],
  ];
  for (const [name, spec, want] of cases) it(name, () => assert.equal(podQOSClass(spec), want));
});
