import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeKubernetesProtobuf, protobufContentType } from '../../src/protobuf/index.js';
import { messageForKind, messageOf } from '../../src/protobuf/messages.js';
import { decodeMessage } from '../../src/protobuf/decode.js';
import { compileTables } from '../../src/schema/compile.js';
import { builtinSchema } from '../../src/schema/tables.js';
import { formatDuration } from '../../src/protobuf/well-known.js';
import { ProtobufError } from '../../src/protobuf/wire.js';
import { ApiError } from '../../src/apis/meta/errors.js';
import { fixtures } from './fixtures.js';
import { entry, envelope, len, msg, num, type Bytes } from './proto-writer.js';

const decode = (apiVersion: string, kind: string, raw: Bytes) => decodeKubernetesProtobuf(envelope(apiVersion, kind, raw));
const apiError = (code: number, message?: string | RegExp) => (e: unknown) => {
  assert.ok(e instanceof ApiError, `expected ApiError, got ${String(e)}`);
  assert.equal(e.code, code);
  if (typeof message === 'string') assert.equal(e.message, message);
  else if (message) assert.match(e.message, message);
  return true;
};
const unknownFormat =
  'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml';
const time = (seconds: number, nanos = 0): Bytes => msg(num(1, seconds), num(2, nanos));

describe('kubectl create bodies decode to the JSON kubectl prints', { timeout: 20_000 }, () => {
  it('exports the content type it decodes', () => {
    assert.equal(protobufContentType, 'application/vnd.kubernetes.protobuf');
  });
  for (const f of fixtures) {
    it(f.command, () => {
      const got = decodeKubernetesProtobuf(Buffer.from(f.body, 'base64'));
      assert.deepStrictEqual(got, f.expected);
      assert.deepStrictEqual(JSON.parse(JSON.stringify(got)), got); // plain JSON: no undefined, no bigint
    });
  }
});

describe('protobuf envelope', { timeout: 20_000 }, () => {
  it('has a descriptor for every kind the schema tables declare', () => {
    assert.ok(builtinSchema.kinds.size >= 150);
    for (const [key, t] of builtinSchema.kinds) {
      const [group, version, kind] = key.split('/');
      const desc = messageForKind(group ? `${group}/${version}` : version, kind);
      assert.equal(desc?.name, t.ref, key);
    }
    assert.equal(messageForKind('', 'Pod'), undefined);
    assert.equal(messageForKind('v1', 'Deployment'), undefined);
  });

  it('rejects a body without the k8s magic with 400', () => {
    assert.throws(() => decodeKubernetesProtobuf(Buffer.from('{"kind":"Pod"}')), apiError(400, /expected prefix \[107 56 115 0\]/));
    assert.throws(() => decodeKubernetesProtobuf(Buffer.from([0x6b, 0x38])), apiError(400));
  });

  it('answers 415 with upstream text for kinds and encodings it cannot decode', () => {
    assert.throws(() => decode('apps/v1', 'Foo', []), apiError(415, unknownFormat));
    assert.throws(() => decode('example.com/v1', 'Deployment', []), apiError(415, unknownFormat));
    assert.throws(() => decodeKubernetesProtobuf(envelope('v1', 'ConfigMap', [], 'gzip')), (e: unknown) =>
      e instanceof ApiError && e.code === 415 && e.reason === 'UnsupportedMediaType');
  });

  it('answers 400 for a missing kind and for wrong wire types', () => {
    assert.throws(() => decode('v1', '', []), apiError(400, /Kind' is missing/));
    assert.throws(() => decode('v1', 'ConfigMap', num(1, 5)), apiError(400, /wrong wire type 0 for ConfigMap.metadata/));
    assert.throws(() => decode('v1', 'ConfigMap', len(4, 'x')), apiError(400, /wrong wire type 2 for ConfigMap.immutable/));
  });

  it('accepts option kinds under any group version', () => {
    assert.deepStrictEqual(decode('apps/v1', 'DeleteOptions', msg(num(1, 0), len(4, 'Foreground'), len(5, 'All'))), {
      apiVersion: 'apps/v1', kind: 'DeleteOptions', gracePeriodSeconds: 0, propagationPolicy: 'Foreground', dryRun: ['All'],
    });
  });

  it('fails every truncation with a 400, never a crash', () => {
    for (const f of fixtures) {
      const body = Buffer.from(f.body, 'base64');
      for (let n = 0; n < body.length; n++) {
        try {
          decodeKubernetesProtobuf(body.subarray(0, n));
        } catch (e) {
          assert.ok(e instanceof ApiError && e.code === 400, `${f.name} cut at ${n}: ${String(e)}`);
        }
      }
    }
  });

  it('survives random corruption: a JSON object, a 400 or a 415, nothing else', () => {
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % n);
    for (let i = 0; i < 3000; i++) {
      const f = fixtures[rand(fixtures.length)];
      const body = Buffer.from(f.body, 'base64');
      for (let k = rand(4) + 1; k > 0; k--) body[4 + rand(body.length - 4)] = rand(256);
      try {
        const got = decodeKubernetesProtobuf(body);
        JSON.stringify(got);
      } catch (e) {
        assert.ok(e instanceof ApiError && (e.code === 400 || e.code === 415), `iteration ${i}: ${String(e)}`);
      }
    }
  });
});

describe('kinds that had no hand-written message table', { timeout: 10_000 }, () => {
  it('decodes a StorageClass (storage.k8s.io/v1)', () => {
    const term = len(1, msg(len(1, 'topology.kubernetes.io/zone'), len(2, 'z1'), len(2, 'z2')));
    const raw = msg(
      len(1, len(1, 'fast')), len(2, 'csi.example.com'), entry(3, 'type', 'ssd'), len(4, 'Retain'),
      len(5, 'ro'), num(6, false), len(7, 'WaitForFirstConsumer'), len(8, term),
    );
    assert.deepStrictEqual(decode('storage.k8s.io/v1', 'StorageClass', raw), {
      apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'csi.example.com',
      parameters: { type: 'ssd' }, reclaimPolicy: 'Retain', mountOptions: ['ro'], allowVolumeExpansion: false,
      volumeBindingMode: 'WaitForFirstConsumer',
      allowedTopologies: [{ matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['z1', 'z2'] }] }],
    });
    // provisioner has no omitempty: Go writes "" for an absent one.
    assert.deepStrictEqual(decode('storage.k8s.io/v1', 'StorageClass', len(1, len(1, 'x'))), {
      apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'x' }, provisioner: '',
    });
  });

  it('decodes an autoscaling/v2 HorizontalPodAutoscaler and an rbac ClusterRole', () => {
    const target = msg(len(1, 'Deployment'), len(2, 'web'), len(3, 'apps/v1'));
    const hpa = decode('autoscaling/v2', 'HorizontalPodAutoscaler', msg(len(1, len(1, 'web')), len(2, msg(len(1, target), num(2, 1), num(3, 5)))));
    assert.deepStrictEqual(hpa.spec, { scaleTargetRef: { kind: 'Deployment', name: 'web', apiVersion: 'apps/v1' }, minReplicas: 1, maxReplicas: 5 });
    const role = decode('rbac.authorization.k8s.io/v1', 'ClusterRole', msg(len(1, len(1, 'r')), len(2, msg(len(1, 'get'), len(2, ''), len(3, 'pods')))));
    assert.deepStrictEqual(role.rules, [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }]);
  });
});

describe('JSON semantics of decoded objects', { timeout: 10_000 }, () => {
  it('emits pointer scalars set to zero and drops zero plain scalars', () => {
    const raw = msg(len(1, len(1, 'd')), len(2, msg(num(1, 0), num(5, 0), num(7, false), num(9, 0))));
    assert.deepStrictEqual(decode('apps/v1', 'Deployment', raw), {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' },
      spec: { replicas: 0, selector: null, progressDeadlineSeconds: 0 }, // selector has no omitempty
    });
  });

  it('keeps present empty messages, flattens inline structs', () => {
    const volume = msg(len(1, 'cache'), len(2, len(2, [])));
    // env[0].valueFrom.configMapKeyRef = {LocalObjectReference{name}, key}
    const valueFrom = len(3, len(3, msg(len(1, len(1, 'cfg')), len(2, 'k'))));
    const container = msg(len(1, 'c'), len(2, 'img'), len(7, msg(len(1, 'E'), valueFrom)), len(8, []));
    const ephemeral = msg(len(1, len(2, 'dbg')), len(2, 'c'));
    const raw = msg(len(2, msg(len(1, volume), len(2, container), len(34, ephemeral))));
    assert.deepStrictEqual(decode('v1', 'Pod', raw), {
      apiVersion: 'v1', kind: 'Pod',
      spec: {
        volumes: [{ name: 'cache', emptyDir: {} }],
        containers: [{ name: 'c', image: 'img', env: [{ name: 'E', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'k' } } }], resources: {} }],
        ephemeralContainers: [{ name: '', image: 'dbg', targetContainerName: 'c' }],
      },
    });
  });

  it('base64-encodes bytes, keeps a false pointer and a __proto__ map key as plain data', () => {
    const raw = msg(len(1, msg(len(1, 's'), entry(11, '__proto__', 'x'))), num(5, false),
      entry(2, 'k', [0, 1, 2, 255]), len(3, 'Opaque'));
    const got = decode('v1', 'Secret', raw) as { metadata: { labels: object } };
    assert.deepStrictEqual(got, {
      apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', labels: JSON.parse('{"__proto__":"x"}') },
      immutable: false, data: { k: 'AAEC/w==' }, type: 'Opaque',
    });
    assert.equal(Object.getPrototypeOf(got.metadata.labels), Object.prototype);
  });

  it('decodes IntOrString as a number or a string, and rejects an unknown type', () => {
    const port = (p: number, target: Bytes) => len(1, msg(num(3, p), len(4, target)));
    const raw = msg(len(2, msg(port(80, msg(num(1, 1), len(3, 'http'))), port(81, msg(num(2, 8081))), port(82, []))));
    assert.deepStrictEqual(decode('v1', 'Service', raw), {
      apiVersion: 'v1', kind: 'Service',
      spec: { ports: [{ port: 80, targetPort: 'http' }, { port: 81, targetPort: 8081 }, { port: 82, targetPort: 0 }] },
    });
    assert.throws(() => decode('v1', 'Service', msg(len(2, port(80, num(1, 2))))), apiError(400, /IntOrString/));
  });

  it('formats Time, MicroTime, zero times and non-omitempty strings', () => {
    const raw = msg(len(1, msg(len(8, time(1700000000, 5)), len(9, []))), len(10, time(1700000000, 123456789)),
      len(6, time(-1)));
    assert.deepStrictEqual(decode('v1', 'Event', raw), {
      apiVersion: 'v1', kind: 'Event',
      metadata: { creationTimestamp: '2023-11-14T22:13:20Z', deletionTimestamp: null },
      firstTimestamp: '1969-12-31T23:59:59Z', eventTime: '2023-11-14T22:13:20.123456Z',
      reportingComponent: '', reportingInstance: '',
    });
    assert.throws(() => decode('v1', 'Event', len(6, time(253402300800))), apiError(400, /years 0000-9999/));
  });

  it('parses RawExtension and FieldsV1 as JSON', () => {
    const managed = msg(len(1, 'kubectl'), len(2, 'Update'), len(4, time(0)), len(6, 'FieldsV1'),
      len(7, len(1, '{"f:data":{}}')));
    const raw = msg(len(1, len(17, managed)), len(2, len(1, '{"a":[1,2]}')));
    assert.deepStrictEqual(decode('apps/v1', 'ControllerRevision', raw), {
      apiVersion: 'apps/v1', kind: 'ControllerRevision',
      metadata: { managedFields: [{ manager: 'kubectl', operation: 'Update', time: '1970-01-01T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': {} } }] },
      data: { a: [1, 2] }, revision: 0,
    });
    assert.throws(() => decode('apps/v1', 'ControllerRevision', len(2, len(1, 'not json'))), apiError(400, /RawExtension/));
  });

  it('reads packed and unpacked repeated numbers, nulls absent non-omitempty fields', () => {
    const onExit = msg(len(2, 'In'), len(3, [1, 2]), num(3, 42));
    const raw = len(2, len(11, len(1, msg(len(1, 'FailJob'), len(2, onExit)))));
    assert.deepStrictEqual(decode('batch/v1', 'Job', raw), {
      apiVersion: 'batch/v1', kind: 'Job',
      spec: { podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { containerName: null, operator: 'In', values: [1, 2, 42] }, onPodConditions: null }] } },
    });
  });

  it('decodes maps of messages, ExtraValue lists, and merges a repeated singular message', () => {
    const pdb = msg(len(1, len(1, 'p')), len(1, len(3, 'ns')), len(3, entry(2, 'pod-a', time(1700000000))));
    assert.deepStrictEqual(decode('policy/v1', 'PodDisruptionBudget', pdb), {
      apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'p', namespace: 'ns' },
      status: { disruptedPods: { 'pod-a': '2023-11-14T22:13:20Z' }, disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 },
    });
    const review = len(3, msg(num(1, true), len(2, msg(len(1, 'alice'), entry(4, 'scopes', msg(len(1, 'a'), len(1, 'b')))))));
    assert.deepStrictEqual(decode('authentication.k8s.io/v1', 'TokenReview', review), {
      apiVersion: 'authentication.k8s.io/v1', kind: 'TokenReview',
      status: { authenticated: true, user: { username: 'alice', extra: { scopes: ['a', 'b'] } } },
    });
  });

  it('skips unknown fields of every wire type', () => {
    const unknown = msg(num(99, 7), len(98, 'junk'), [0xb9, 0x06, 1, 2, 3, 4, 5, 6, 7, 8], [0xc5, 0x06, 1, 2, 3, 4]);
    const raw = msg(unknown, len(1, msg(len(1, 'c'), unknown)), entry(2, 'a', '1'), unknown);
    assert.deepStrictEqual(decode('v1', 'ConfigMap', raw), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } });
  });

  it('decodes Node status and events.k8s.io Events, which kubelets send', () => {
    const node = len(3, msg(entry(1, 'cpu', len(1, '4')), len(6, len(1, num(1, 10250))), len(7, len(1, 'm1'))));
    assert.deepStrictEqual(decode('v1', 'Node', node), {
      apiVersion: 'v1', kind: 'Node',
      status: {
        capacity: { cpu: '4' }, daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo: { machineID: 'm1', systemUUID: '', bootID: '', kernelVersion: '', osImage: '', containerRuntimeVersion: '',
          kubeletVersion: '', kubeProxyVersion: '', operatingSystem: '', architecture: '' },
      },
    });
    const event = msg(len(2, time(1700000000, 1000)), len(7, 'Pulled'), len(8, msg(len(1, 'Pod'), len(3, 'p'))));
    assert.deepStrictEqual(decode('events.k8s.io/v1', 'Event', event), {
      apiVersion: 'events.k8s.io/v1', kind: 'Event', eventTime: '2023-11-14T22:13:20.000001Z', reason: 'Pulled',
      regarding: { kind: 'Pod', name: 'p' },
    });
    const lease = len(2, msg(len(1, 'node-1'), num(2, 40), len(4, time(1700000000))));
    assert.deepStrictEqual(decode('coordination.k8s.io/v1', 'Lease', lease), {
      apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
      spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40, renewTime: '2023-11-14T22:13:20.000000Z' },
    });
  });

  it('replaces invalid UTF-8 instead of failing, as Go does', () => {
    assert.deepStrictEqual(decode('v1', 'Namespace', len(1, len(1, [0x61, 0xff]))),
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a\ufffd' } });
  });
});

describe('well-known types and schema compilation', { timeout: 10_000 }, () => {
  it('formats durations like Go time.Duration.String', () => {
    const cases: Array<[bigint, string]> = [
      [0n, '0s'], [1n, '1ns'], [1500n, '1.5µs'], [2_500_000n, '2.5ms'], [100_000_000n, '100ms'],
      [1_500_000_000n, '1.5s'], [90_000_000_000n, '1m30s'], [3_600_000_000_000n, '1h0m0s'],
      [93_784_500_000_000n, '26h3m4.5s'], [-1_000_000_000n, '-1s'], [2n ** 63n - 1n, '2562047h47m16.854775807s'],
    ];
    for (const [ns, text] of cases) assert.equal(formatDuration(ns), text);
    const wellKnown = (ref: string) => messageOf(builtinSchema.types.get(ref)!);
    assert.equal(decodeMessage(Uint8Array.from(num(1, 3_600_000_000_000)), wellKnown('Duration')), '1h0m0s');
    assert.equal(decodeMessage(new Uint8Array(), wellKnown('Quantity')), '0');
  });

  // A self-referencing type, which no built-in has: the descriptor links to itself.
  const tree = () => {
    const compiled = compileTables([{ Node: { name: 'x.v1.Node', description: '', fields: [['1 child Node', ''], ['2 name', '']] } }]);
    return messageOf(compiled.types.get('Node')!);
  };

  it('bounds message nesting', () => {
    const nest = (depth: number) => {
      let b: Bytes = len(2, 'leaf');
      for (let i = 0; i < depth; i++) b = len(1, b);
      return Uint8Array.from(b);
    };
    assert.doesNotThrow(() => decodeMessage(nest(50), tree()));
    assert.throws(() => decodeMessage(nest(150), tree()), (e: unknown) => e instanceof ProtobufError && /nesting/.test(e.message));
  });

  it('derives descriptors from the schema: TypeMeta stays off the wire, references link once', () => {
    const node = tree();
    assert.equal(node.fields[0].message, node);
    const pod = messageForKind('v1', 'Pod')!;
    assert.deepEqual(pod.fields.map((f) => `${f.number} ${f.name}`), ['1 metadata', '2 spec', '3 status']);
    assert.equal(pod.byNumber[1]?.message, messageForKind('apps/v1', 'Deployment')!.byNumber[1]?.message);
    assert.equal(messageForKind('v1', 'Pod'), pod);
  });
});
