/**
 * v1 defaulting of pods and pod templates (pkg/apis/core/v1/defaults.go and the generated
 * SetObjectDefaults_* walks over PodSpec). defaultPodSpec is what every PodSpec gets, wherever it
 * is embedded (Deployment, Job, ... templates); defaultPod adds the fields upstream materializes
 * only on Pod objects themselves (SetDefaults_Pod), so templates do not grow them.
 */
import { defaultPullPolicy } from './image-ref.js';
import { type Obj, defaultNil, defaultZero, ensureObj, objAt, objectsAt, str } from './json-shapes.js';
import { canonicalizeResourceList } from './quantity-canonical.js';
import { defaultFieldRef, defaultVolume } from './volume-defaults.js';

const containerLists = ['initContainers', 'containers', 'ephemeralContainers'] as const;

/** SetDefaults_HTTPGetAction: path "/" and scheme HTTP. */
function defaultHandler(handler: Obj): void {
  const get = objAt(handler, 'httpGet');
  if (get) { defaultZero(get, 'path', '/'); defaultZero(get, 'scheme', 'HTTP'); }
  const grpc = objAt(handler, 'grpc');
  if (grpc) defaultNil(grpc, 'service', '');
}

/** SetDefaults_Probe: the timing fields Go leaves at 0 get the documented defaults. */
function defaultProbe(probe: Obj): void {
  defaultZero(probe, 'timeoutSeconds', 1);
  defaultZero(probe, 'periodSeconds', 10);
  defaultZero(probe, 'successThreshold', 1);
  defaultZero(probe, 'failureThreshold', 3);
  defaultHandler(probe);
}

/** SetDefaults_Container and what nests in a container (ports, probes, lifecycle, env). */
export function defaultContainer(c: Obj): void {
  if (c.imagePullPolicy === undefined || c.imagePullPolicy === null || c.imagePullPolicy === '') {
    c.imagePullPolicy = defaultPullPolicy(str(c.image));
  }
  defaultZero(c, 'terminationMessagePath', '/dev/termination-log');
  defaultZero(c, 'terminationMessagePolicy', 'File');
  for (const [port] of objectsAt(c, 'ports')) defaultZero(port, 'protocol', 'TCP');
  const resources = objAt(c, 'resources');
  if (resources) { canonicalizeResourceList(resources.limits); canonicalizeResourceList(resources.requests); }
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    const probe = objAt(c, key);
    if (probe) defaultProbe(probe);
  }
  const lifecycle = objAt(c, 'lifecycle');
  for (const hook of ['postStart', 'preStop']) {
    const h = lifecycle && objAt(lifecycle, hook);
    if (h) defaultHandler(h);
  }
  for (const [env] of objectsAt(c, 'env')) {
    const from = objAt(env, 'valueFrom');
    if (from) defaultFieldRef(from);
  }
}

/** SetDefaults_PodSpec and the walk over its containers and volumes. Mutates spec in place. */
export function defaultPodSpec(spec: Record<string, unknown>): void {
  defaultZero(spec, 'dnsPolicy', 'ClusterFirst');
  defaultZero(spec, 'restartPolicy', 'Always');
  defaultNil(spec, 'securityContext', {});
  defaultNil(spec, 'terminationGracePeriodSeconds', 30);
  defaultZero(spec, 'schedulerName', 'default-scheduler');
  // Not a default but the v1 conversion round trip: serviceAccount is the deprecated alias of
  // serviceAccountName, filling it when empty and always echoing it back.
  if (!str(spec.serviceAccountName) && str(spec.serviceAccount)) spec.serviceAccountName = spec.serviceAccount;
  if (str(spec.serviceAccountName)) spec.serviceAccount = spec.serviceAccountName;
  for (const list of containerLists) for (const [c] of objectsAt(spec, list)) defaultContainer(c);
  for (const [v] of objectsAt(spec, 'volumes')) defaultVolume(v);
  canonicalizeResourceList(spec.overhead);
}

/** A PodTemplateSpec (`spec.template` of a workload): only its spec has v1 defaults. */
export function defaultPodTemplateSpec(template: Record<string, unknown>): void {
  defaultPodSpec(ensureObj(template, 'spec'));
}

/**
 * hostNetwork pods listen on the node: a container port without hostPort gets the same number
 * (defaultHostNetworkPorts; pods only while DefaultHostNetworkHostPortsInPodTemplates is off).
 */
function defaultHostNetworkPorts(spec: Obj): void {
  if (spec.hostNetwork !== true) return;
  for (const list of ['initContainers', 'containers']) {
    for (const [c] of objectsAt(spec, list)) {
      for (const [port] of objectsAt(c, 'ports')) if (!port.hostPort) port.hostPort = port.containerPort;
    }
  }
}

/** Requests default to limits, resource by resource, where a request is not given. */
function defaultRequestsFromLimits(c: Obj): void {
  const resources = objAt(c, 'resources');
  const limits = resources && objAt(resources, 'limits');
  if (!resources || !limits || Object.keys(limits).length === 0) return;
  const requests = ensureObj(resources, 'requests');
  for (const [name, value] of Object.entries(limits)) if (!Object.hasOwn(requests, name)) requests[name] = value;
}

/** SetDefaults_Pod then the PodSpec walk: what a Pod object gets on every write. */
export function defaultPod(pod: Obj): void {
  const spec = ensureObj(pod, 'spec');
  for (const list of ['initContainers', 'containers']) for (const [c] of objectsAt(spec, list)) defaultRequestsFromLimits(c);
  defaultNil(spec, 'enableServiceLinks', true);
  defaultHostNetworkPorts(spec);
  defaultPodSpec(spec);
}
