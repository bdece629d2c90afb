/**
 * Service validation (validation.go ValidateService, validateServicePort and the cluster IP,
 * traffic policy and session affinity checks). Runs on the defaulted object, before cluster IPs
 * and node ports are allocated (registry/services.ts checks those against the ranges).
 */
import { type FieldError, fieldDuplicate, fieldForbidden, fieldInvalid, fieldNotSupported, fieldRequired } from '../meta/errors.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, validateLabels } from '../meta/validation.js';
import { type Obj, isObj, listAt, objAt, objectsAt, str } from './json-shapes.js';
import { validatePortNumOrName } from './probe-validation.js';
import { externallyAccessible } from './service-defaults.js';
import { isValidIP, isValidPortNum } from './value-formats.js';

const serviceTypes = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const kubeletPort = 10250;

const isHeadless = (spec: Obj) => str(spec.clusterIP) === 'None';

/** %#v of the internal ServicePort key upstream uses to report a repeated (protocol, port). */
const goPortKey = (protocol: string, port: unknown) =>
  `core.ServicePort{Name:"", Protocol:${JSON.stringify(protocol)}, AppProtocol:(*string)(nil), Port:${Number(port) || 0}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;

function validatePort(p: Obj, path: string, requireName: boolean, names: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(p.name);
  if (requireName && !name) errs.push(fieldRequired(`${path}.name`));
  else if (name) {
    errs.push(...isDNS1123Label(name).map((m) => fieldInvalid(`${path}.name`, name, m)));
    if (names.has(name)) errs.push(fieldDuplicate(`${path}.name`, name));
    else names.add(name);
  }
  errs.push(...isValidPortNum(p.port).map((m) => fieldInvalid(`${path}.port`, p.port ?? 0, m)));
  const protocol = str(p.protocol);
  if (!protocol) errs.push(fieldRequired(`${path}.protocol`));
  else if (!['SCTP', 'TCP', 'UDP'].includes(protocol)) errs.push(fieldNotSupported(`${path}.protocol`, protocol, ['SCTP', 'TCP', 'UDP']));
  errs.push(...validatePortNumOrName(p.targetPort, `${path}.targetPort`));
  if (typeof p.appProtocol === 'string') errs.push(...isQualifiedName(p.appProtocol).map((m) => fieldInvalid(`${path}.appProtocol`, p.appProtocol, m)));
  return errs;
}

function validateTypeRules(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const clusterIPs = listAt(spec, 'clusterIPs').map(str);
  switch (spec.type) {
    case 'LoadBalancer':
      for (const [p, i] of objectsAt(spec, 'ports')) {
        if (p.port === kubeletPort) errs.push(fieldInvalid(`spec.ports[${i}]`, p.port, `may not expose port ${kubeletPort} externally since it is used by kubelet`));
      }
      if (isHeadless(spec)) errs.push(fieldInvalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services"));
      break;
    case 'NodePort':
      if (isHeadless(spec)) errs.push(fieldInvalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"));
      break;
    case 'ExternalName': {
      if (clusterIPs.length > 0 || str(spec.clusterIP)) errs.push(fieldForbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
      if (listAt(spec, 'ipFamilies').length > 0) errs.push(fieldForbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
      if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) errs.push(fieldForbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
      // A trailing dot marks the name as fully qualified.
      const cname = str(spec.externalName).replace(/\.$/, '');
      if (cname) errs.push(...isDNS1123Subdomain(cname).map((m) => fieldInvalid('spec.externalName', cname, m)));
      else errs.push(fieldRequired('spec.externalName'));
      break;
    }
  }
  return errs;
}

/** The clusterIP/clusterIPs/ipFamilies/ipFamilyPolicy rules that do not need the allocator. */
function validateClusterIPFields(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const ips = listAt(spec, 'clusterIPs').map(str);
  if (ips.length > 0 && str(spec.clusterIP) !== ips[0]) errs.push(fieldInvalid('spec.clusterIPs', ips, 'first value must match `clusterIP`'));
  ips.forEach((ip, i) => {
    if (ip === 'None') {
      if (i > 0 || ips.length > 1) errs.push(fieldInvalid('spec.clusterIPs', ips, "'None' must be the first and only value"));
    } else if (ip !== '') {
      errs.push(...isValidIP(ip).map((m) => fieldInvalid(`spec.clusterIPs[${i}]`, ip, m)));
    }
  });
  if (typeof spec.ipFamilyPolicy === 'string' && !['PreferDualStack', 'RequireDualStack', 'SingleStack'].includes(spec.ipFamilyPolicy)) {
    errs.push(fieldNotSupported('spec.ipFamilyPolicy', spec.ipFamilyPolicy, ['PreferDualStack', 'RequireDualStack', 'SingleStack']));
  }
  const seen = new Set<string>();
  listAt(spec, 'ipFamilies').map(str).forEach((f, i) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(fieldNotSupported(`spec.ipFamilies[${i}]`, f, ['IPv4', 'IPv6']));
    if (seen.has(f)) errs.push(fieldDuplicate(`spec.ipFamilies[${i}]`, f));
    seen.add(f);
  });
  return errs;
}

function validateAffinity(spec: Obj): FieldError[] {
  const affinity = str(spec.sessionAffinity);
  if (!affinity) return [fieldRequired('spec.sessionAffinity')];
  if (affinity !== 'ClientIP' && affinity !== 'None') return [fieldNotSupported('spec.sessionAffinity', affinity, ['ClientIP', 'None'])];
  const config = objAt(spec, 'sessionAffinityConfig');
  if (affinity === 'None') return config ? [fieldForbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None')] : [];
  const timeout = isObj(config?.clientIP) ? (config!.clientIP as Obj).timeoutSeconds : undefined;
  if (typeof timeout !== 'number') return [fieldRequired('spec.sessionAffinityConfig.clientIP.timeoutSeconds', 'when session affinity type is ClientIP')];
  if (timeout <= 0 || timeout > 86400) return [fieldInvalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', timeout, 'must be greater than 0 and less than 86400')];
  return [];
}

function validateTrafficPolicies(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const external = str(spec.externalTrafficPolicy);
  if (!externallyAccessible(spec)) {
    if (external) errs.push(fieldInvalid('spec.externalTrafficPolicy', external, 'may only be set for externally-accessible services'));
  } else if (!external) {
    errs.push(fieldRequired('spec.externalTrafficPolicy'));
  } else if (external !== 'Cluster' && external !== 'Local') {
    errs.push(fieldNotSupported('spec.externalTrafficPolicy', external, ['Cluster', 'Local']));
  }
  const internal = spec.internalTrafficPolicy;
  if (internal === undefined || internal === null) {
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP') errs.push(fieldRequired('spec.internalTrafficPolicy'));
  } else if (internal !== 'Cluster' && internal !== 'Local') {
    errs.push(fieldNotSupported('spec.internalTrafficPolicy', internal, ['Cluster', 'Local']));
  }
  return errs;
}

export function validateServiceSpec(specValue: unknown): FieldError[] {
  const spec = isObj(specValue) ? specValue : {};
  const errs: FieldError[] = [];
  const ports = objectsAt(spec, 'ports');
  if (ports.length === 0 && !isHeadless(spec) && spec.type !== 'ExternalName') errs.push(fieldRequired('spec.ports'));
  errs.push(...validateTypeRules(spec));
  const names = new Set<string>();
  for (const [p, i] of ports) errs.push(...validatePort(p, `spec.ports[${i}]`, ports.length > 1, names));
  if (isObj(spec.selector)) errs.push(...validateLabels(spec.selector as Record<string, string>, 'spec.selector'));
  errs.push(...validateAffinity(spec), ...validateClusterIPFields(spec));
  listAt(spec, 'externalIPs').map(str).forEach((ip, i) => errs.push(...isValidIP(ip).map((m) => fieldInvalid(`spec.externalIPs[${i}]`, ip, m))));
  const type = str(spec.type);
  if (!type) errs.push(fieldRequired('spec.type'));
  else if (!serviceTypes.includes(type)) errs.push(fieldNotSupported('spec.type', type, serviceTypes));
  if (type === 'ClusterIP') {
    for (const [p, i] of ports) if (p.nodePort) errs.push(fieldForbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
  }
  const nodePorts = new Set<string>();
  const portKeys = new Set<string>();
  for (const [p, i] of ports) {
    if (p.nodePort) {
      const key = `${str(p.protocol)}/${p.nodePort}`;
      if (nodePorts.has(key)) errs.push(fieldDuplicate(`spec.ports[${i}].nodePort`, p.nodePort));
      nodePorts.add(key);
    }
    const key = `${str(p.protocol)}/${p.port}`;
    if (portKeys.has(key)) errs.push({ type: 'FieldValueDuplicate', field: `spec.ports[${i}]`, detail: goPortKey(str(p.protocol), p.port) });
    portKeys.add(key);
  }
  if (type !== 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts !== null) {
    errs.push(fieldForbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  }
  errs.push(...validateTrafficPolicies(spec));
  return errs;
}
