import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrorMessage, type FieldError } from '../../../src/apis/meta/errors.js';
import { defaultPodSpec } from '../../../src/apis/core/pod-defaults.js';
import { validatePodSpec, validatePodTemplateSpec } from '../../../src/apis/core/pod-validation.js';
import { validatePodSpecUpdate } from '../../../src/apis/core/pod-update-validation.js';

const messages = (errs: FieldError[]) => errs.map((e) => fieldErrorMessage(e));
type Spec = Record<string, unknown>;
/** A defaulted spec with one container, changed by `patch` before defaulting. */
function spec(patch: (s: Spec) => void = () => {}): Spec {
  const s: Spec = { containers: [{ name: 'app', image: 'nginx' }] };
  patch(s);
  defaultPodSpec(s);
  return s;
}
const c0 = (s: Spec) => (s.containers as Spec[])[0];

const dns1123Label = (v: string) => `Invalid value: "${v}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`;

describe('validatePodSpec', () => {
  const cases: Array<{ name: string; spec: Spec; want: string[] }> = [
    { name: 'a minimal defaulted spec is valid', spec: spec(), want: [] },
    { name: 'no containers', spec: spec((s) => { s.containers = []; }), want: ['spec.containers: Required value'] },
    { name: 'container without name and image', spec: spec((s) => { s.containers = [{}]; }), want: ['spec.containers[0].name: Required value', 'spec.containers[0].image: Required value'] },
    { name: 'container name not a DNS label', spec: spec((s) => { c0(s).name = 'App_1'; }), want: [`spec.containers[0].name: ${dns1123Label('App_1')}`] },
    {
      name: 'names unique across init and regular containers',
      spec: spec((s) => { s.containers = [{ name: 'a', image: 'x' }, { name: 'a', image: 'x' }]; s.initContainers = [{ name: 'a', image: 'x' }]; }),
      want: ['spec.containers[1].name: Duplicate value: "a"', 'spec.initContainers[0].name: Duplicate value: "a"'],
    },
    {
      name: 'port out of range, bad name, bad protocol',
      spec: spec((s) => { c0(s).ports = [{ containerPort: 70000, name: 'Web_Port', protocol: 'ICMP' }]; }),
      want: [
        'spec.containers[0].ports[0].name: Invalid value: "Web_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
        'spec.containers[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
      ],
    },
    { name: 'port without containerPort', spec: spec((s) => { c0(s).ports = [{ name: 'http' }]; }), want: ['spec.containers[0].ports[0].containerPort: Required value'] },
    {
      name: 'env var name with = and a valueFrom with nothing in it',
      spec: spec((s) => { c0(s).env = [{ name: 'A=B' }, { name: 'C', valueFrom: {} }]; }),
      want: [
        `spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
        'spec.containers[0].env[1].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      ],
    },
    {
      name: 'volume mount naming no volume, duplicate mount path',
      spec: spec((s) => { s.volumes = [{ name: 'data' }]; c0(s).volumeMounts = [{ name: 'data', mountPath: '/d' }, { name: 'missing', mountPath: '/d' }]; }),
      want: ['spec.containers[0].volumeMounts[1].name: Not found: "missing"', 'spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/d": must be unique'],
    },
    {
      name: 'duplicate volume names, two sources in one volume',
      spec: spec((s) => { s.volumes = [{ name: 'v', emptyDir: {} }, { name: 'v', emptyDir: {} }, { name: 'w', emptyDir: {}, hostPath: { path: '/x' } }]; }),
      want: ['spec.volumes[1].name: Duplicate value: "v"', 'spec.volumes[2].hostPath: Forbidden: may not specify more than 1 volume type'],
    },
    {
      name: 'secret and configMap sources need names; modes in range',
      spec: spec((s) => { s.volumes = [{ name: 's', secret: { defaultMode: 512 } }, { name: 'c', configMap: {} }]; }),
      want: ['spec.volumes[0].secret.secretName: Required value', 'spec.volumes[0].secret.defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive', 'spec.volumes[1].configMap.name: Required value'],
    },
    {
      name: 'enums: restartPolicy, dnsPolicy, imagePullPolicy',
      spec: spec((s) => { s.restartPolicy = 'Sometimes'; s.dnsPolicy = 'Cluster'; c0(s).imagePullPolicy = 'Maybe'; }),
      want: [
        'spec.containers[0].imagePullPolicy: Unsupported value: "Maybe": supported values: "Always", "IfNotPresent", "Never"',
        'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
        'spec.dnsPolicy: Unsupported value: "Cluster": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
      ],
    },
    {
      name: 'requests above limits; unknown resource; negative quantity',
      spec: spec((s) => { c0(s).resources = { limits: { cpu: '1', cpux: '1' }, requests: { cpu: '2', memory: '-1' } }; }),
      want: [
        'spec.containers[0].resources.limits[cpux]: Invalid value: "cpux": must be a standard resource type or fully qualified',
        'spec.containers[0].resources.limits[cpux]: Invalid value: "cpux": must be a standard resource for containers',
        'spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1',
        'spec.containers[0].resources.requests[memory]: Invalid value: "-1": must be greater than or equal to 0',
      ],
    },
    {
      name: 'probes: no handler, liveness successThreshold',
      spec: spec((s) => { c0(s).livenessProbe = { successThreshold: 2 }; c0(s).readinessProbe = { tcpSocket: { port: 'http' }, httpGet: { port: 80 } }; }),
      want: [
        'spec.containers[0].livenessProbe: Required value: must specify a handler type',
        'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
        'spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
      ],
    },
    {
      name: 'init container probes need restartPolicy Always',
      spec: spec((s) => { s.initContainers = [{ name: 'init', image: 'x', readinessProbe: { exec: { command: ['true'] } } }]; }),
      want: ['spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always'],
    },
    {
      name: 'activeDeadlineSeconds, nodeSelector, tolerations',
      spec: spec((s) => {
        s.activeDeadlineSeconds = 0;
        s.nodeSelector = { 'bad key': 'v' };
        s.tolerations = [{ operator: 'Equal', value: 'x' }, { key: 'k', operator: 'In', effect: 'Sometimes' }, { key: 'k', operator: 'Exists', tolerationSeconds: 5, effect: 'NoSchedule' }];
      }),
      want: [
        `spec.nodeSelector: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
        'spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 4294967295, inclusive',
        'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
        'spec.tolerations[1].operator: Unsupported value: "In": supported values: "Equal", "Exists"',
        'spec.tolerations[1].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
        "spec.tolerations[2].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
      ],
    },
    {
      name: 'hostNetwork ports must match',
      spec: spec((s) => { s.hostNetwork = true; c0(s).ports = [{ containerPort: 80, hostPort: 81 }]; }),
      want: ['spec.containers[0].ports[0].hostPort: Invalid value: 81: must match `containerPort` when `hostNetwork` is true'],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(messages(validatePodSpec(c.spec, 'spec')), c.want));

  it('an undefaulted spec misses the required enums', () => {
    assert.deepEqual(messages(validatePodSpec({ containers: [{ name: 'a', image: 'x' }] }, 'spec')), [
      'spec.containers[0].terminationMessagePolicy: Required value',
      'spec.containers[0].imagePullPolicy: Required value',
      'spec.restartPolicy: Required value',
      'spec.dnsPolicy: Required value',
    ]);
  });
});

describe('validatePodTemplateSpec', () => {
  it('reports under the template path, labels at <path>.labels', () => {
    const template = { metadata: { labels: { a: '-' } }, spec: spec((s) => { c0(s).image = ''; }) };
    assert.deepEqual(messages(validatePodTemplateSpec(template, 'spec.template')), [
      `spec.template.labels: Invalid value: "-": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      'spec.template.spec.containers[0].image: Required value',
    ]);
  });
});

describe('validatePodSpecUpdate', () => {
  const forbidden = /^spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,`spec.initContainers\[\*\].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` \(only additions to existing tolerations\),`spec.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n/;
  const old = spec((s) => { s.tolerations = [{ key: 'k', operator: 'Exists' }]; s.activeDeadlineSeconds = 100; });

  it('allows a new image, a shorter deadline and an added toleration', () => {
    const next = structuredClone(old);
    c0(next).image = 'nginx:2';
    next.activeDeadlineSeconds = 50;
    (next.tolerations as unknown[]).push({ key: 'k2', operator: 'Exists' });
    assert.deepEqual(validatePodSpecUpdate(next, old), []);
  });

  it('forbids other changes and names the changed field', () => {
    const next = structuredClone(old);
    c0(next).ports = [{ containerPort: 80, protocol: 'TCP' }];
    const msgs = messages(validatePodSpecUpdate(next, old));
    assert.equal(msgs.length, 1);
    assert.match(msgs[0], forbidden);
    assert.match(msgs[0], /\+ spec\.containers\[0\]\.ports: \[\{"containerPort":80,"protocol":"TCP"\}\]/);
  });

  it('rejects a longer deadline, a removed toleration and an added container', () => {
    const longer = { ...structuredClone(old), activeDeadlineSeconds: 200 };
    assert.deepEqual(messages(validatePodSpecUpdate(longer, old)), ['spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value']);
    const fewer = { ...structuredClone(old), tolerations: [] };
    assert.deepEqual(messages(validatePodSpecUpdate(fewer, old)), ['spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds']);
    const more = structuredClone(old);
    (more.containers as unknown[]).push({ name: 'b', image: 'x' });
    assert.deepEqual(messages(validatePodSpecUpdate(more, old)), ['spec.containers: Forbidden: pod updates may not add or remove containers']);
  });
});

describe('validatePodSpec: affinity and topology spread', () => {
  it('checks node selector terms, weights, topology keys and spread constraints', () => {
    const s = spec((x) => {
      x.affinity = {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In' }, { key: 'gpu', operator: 'Maybe' }] }] },
          preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: {} }],
        },
        podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchExpressions: [{ key: 'app', operator: 'Exists', values: ['x'] }] } }] },
      };
      x.topologySpreadConstraints = [{ maxSkew: 0, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }, { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }];
    });
    assert.deepEqual(messages(validatePodSpec(s, 'spec')), [
      "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[1].operator: Invalid value: "Maybe": not a valid selector operator',
      'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
      "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty',
      'spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": name part must be non-empty',
      `spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Invalid value: "": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      'spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero',
      'spec.topologySpreadConstraints[1]: Duplicate value: "{zone, DoNotSchedule}"',
    ]);
  });
});

describe('validatePodSpec: security contexts', () => {
  it('checks IDs, sysctls, seccomp profiles and privilege escalation', () => {
    const s = spec((x) => {
      x.securityContext = { runAsUser: -1, supplementalGroups: [1, 2147483648], sysctls: [{ name: 'net.core.somaxconn' }, { name: 'net.core.somaxconn' }, { name: 'Bad Name' }], seccompProfile: { type: 'Localhost' } };
      c0(x).securityContext = { privileged: true, allowPrivilegeEscalation: false, runAsGroup: -5 };
    });
    assert.deepEqual(messages(validatePodSpec(s, 'spec')), [
      'spec.containers[0].securityContext.runAsGroup: Invalid value: -5: must be between 0 and 2147483647, inclusive',
      'spec.containers[0].securityContext: Invalid value: {"privileged":true,"allowPrivilegeEscalation":false,"runAsGroup":-5}: cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
      'spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive',
      'spec.securityContext.supplementalGroups[1]: Invalid value: 2147483648: must be between 0 and 2147483647, inclusive',
      'spec.securityContext.sysctls[1].name: Duplicate value: "net.core.somaxconn"',
      'spec.securityContext.sysctls[2].name: Invalid value: "Bad Name": must have at most 253 characters and match regex ([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?',
      'spec.securityContext.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost',
    ]);
  });
});

describe('validatePodSpec: gates and host aliases', () => {
  it('checks readiness and scheduling gate names and host alias addresses', () => {
    const s = spec((x) => {
      x.readinessGates = [{ conditionType: 'example.com/ready' }];
      x.schedulingGates = [{ name: 'example.com/wait' }, { name: 'example.com/wait' }];
      x.hostAliases = [{ ip: '10.0.0.300', hostnames: ['ok.example', 'Not_OK'] }];
    });
    const got = messages(validatePodSpec(s, 'spec'));
    assert.deepEqual(got.map((m) => m.slice(0, m.indexOf(':', m.indexOf(': ') + 2))), [
      'spec.schedulingGates[1]: Duplicate value',
      'spec.hostAliases[0].ip: Invalid value',
      'spec.hostAliases[0].hostnames[1]: Invalid value',
    ]);
  });
});
