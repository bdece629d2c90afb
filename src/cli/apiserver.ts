/** `kubets apiserver`: kube-apiserver's flag names and defaults mapped onto ApiServerOptions. */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { startApiServer } from '../server/api-server.js';
import { defaultOnPlugins, enabledPlugins } from '../admission/registry.js';
import { authorizationModes } from '../auth/authz/modes.js';
import { controllerNames, enabledControllers } from '../controllers/selection.js';
import { tlsCiphers, tlsMinVersion } from '../server/tls-options.js';
import { type FlagDef, FlagError, parseFlags, usage } from './flags.js';
import { newLogger } from './log.js';

export const apiserverFlags: FlagDef[] = [
  { name: 'insecure-port', type: 'int', default: '8080', usage: 'The port on which to serve unsecured, unauthenticated access (plain HTTP). 0 turns it off.' },
  { name: 'insecure-bind-address', type: 'string', default: '127.0.0.1', usage: 'The IP address on which to serve the insecure port.' },
  { name: 'data-dir', type: 'string', default: './data', usage: 'Directory for the embedded SQLite storage.' },
  { name: 'service-cluster-ip-range', type: 'string', default: '10.0.0.0/24', usage: 'A CIDR IP range from which to assign service cluster IPs.' },
  { name: 'service-node-port-range', type: 'string', default: '30000-32767', usage: 'A port range to reserve for services with NodePort visibility.' },
  { name: 'max-requests-inflight', type: 'int', default: '400', usage: 'The maximum number of non-mutating requests in flight at a given time; over it the server answers 429. 0 means no limit.' },
  { name: 'max-mutating-requests-inflight', type: 'int', default: '200', usage: 'The maximum number of mutating requests in flight at a given time; over it the server answers 429. 0 means no limit.' },
  { name: 'request-timeout', type: 'duration', default: '1m0s', usage: 'How long a (non-watch) request may take before the server answers 504.' },
  { name: 'etcd-servers', type: 'stringSlice', default: '', usage: 'etcd client URLs (comma-separated). When set, etcd is the storage instead of the embedded SQLite file.' },
  { name: 'etcd-prefix', type: 'string', default: '/registry', usage: 'The prefix of every key in etcd.' },
  { name: 'etcd-cafile', type: 'string', default: '', usage: 'CA bundle that verifies etcd\'s serving certificate.' },
  { name: 'etcd-certfile', type: 'string', default: '', usage: 'Client certificate for TLS to etcd.' },
  { name: 'etcd-keyfile', type: 'string', default: '', usage: 'Client key for TLS to etcd.' },
  { name: 'storage-backend', type: 'string', default: 'etcd3', usage: 'Storage backend when --etcd-servers is set; only etcd3 exists.' },
  { name: 'etcd-compaction-interval', type: 'duration', default: '5m0s', usage: 'The interval of compaction requests; history older than one interval is dropped. 0 disables compaction.' },
  { name: 'secure-port', type: 'int', default: '6443', usage: 'The port on which to serve HTTPS with authentication and authorization. 0 turns it off.' },
  { name: 'bind-address', type: 'string', default: '0.0.0.0', usage: 'The IP address on which to listen for the secure port (0.0.0.0: every interface).' },
  { name: 'cert-dir', type: 'string', default: '', usage: 'Where generated certificates and keys are kept (empty: <data-dir>/pki). Files given by --tls-cert-file and friends are used instead.' },
  { name: 'tls-cert-file', type: 'string', default: '', usage: 'File containing the x509 certificate for HTTPS (CA cert, if any, concatenated after the server cert). Generated under --cert-dir when not given.' },
  { name: 'tls-private-key-file', type: 'string', default: '', usage: 'File containing the x509 private key matching --tls-cert-file.' },
  { name: 'tls-min-version', type: 'string', default: '', usage: 'Minimum TLS version supported: VersionTLS12 (the default) or VersionTLS13.' },
  { name: 'tls-cipher-suites', type: 'stringSlice', default: '', usage: 'Comma-separated list of TLS 1.2 cipher suites (IANA names). Default: Node\'s modern suites.' },
  { name: 'client-ca-file', type: 'string', default: '', usage: 'Client certificates signed by one of these CAs authenticate as their CommonName with their Organizations as groups. Default: the generated cluster CA.' },
  { name: 'token-auth-file', type: 'string', default: '', usage: 'CSV file of static bearer tokens: token,user,uid,"group1,group2".' },
  { name: 'service-account-key-file', type: 'stringSlice', default: '', usage: 'PEM files of public (or private) keys that verify service account tokens. Default: the generated sa.pub.' },
  { name: 'service-account-signing-key-file', type: 'string', default: '', usage: 'PEM private key that signs service account tokens. Default: the generated sa.key.' },
  { name: 'service-account-issuer', type: 'stringSlice', default: 'https://kubernetes.default.svc.cluster.local', usage: 'Issuer of service account tokens; the first one signs, all are accepted.' },
  { name: 'api-audiences', type: 'stringSlice', default: '', usage: 'Audiences the API accepts in tokens. Default: the first --service-account-issuer.' },
  { name: 'anonymous-auth', type: 'bool', default: 'true', usage: 'Requests without credentials are system:anonymous in group system:unauthenticated (then subject to authorization).' },
  { name: 'authorization-mode', type: 'stringSlice', default: 'Node,RBAC', usage: 'Ordered list of authorizers on the secure port: AlwaysAllow, AlwaysDeny, ABAC, RBAC, Node.' },
  { name: 'authorization-policy-file', type: 'string', default: '', usage: 'ABAC policy file (one JSON policy per line), for --authorization-mode=ABAC.' },
  { name: 'enable-admission-plugins', type: 'stringSlice', default: '', usage: `Admission plugins to enable in addition to the default ones (${defaultOnPlugins.join(', ')}).` },
  { name: 'disable-admission-plugins', type: 'stringSlice', default: '', usage: 'Admission plugins to turn off, even if on by default.' },
  { name: 'audit-policy-file', type: 'string', default: '', usage: 'Path to the audit.k8s.io/v1 Policy file (YAML or JSON). Audit is off without it.' },
  { name: 'audit-log-path', type: 'string', default: '', usage: 'Write audit events (JSON lines) to this file; "-" means standard out. Audit is off without it.' },
  { name: 'audit-log-maxage', type: 'int', default: '0', usage: 'Days to keep rotated audit log files (0: no limit).' },
  { name: 'audit-log-maxbackup', type: 'int', default: '0', usage: 'Number of rotated audit log files to keep (0: all).' },
  { name: 'audit-log-maxsize', type: 'int', default: '0', usage: 'Megabytes an audit log file may reach before it is rotated (0: 100).' },
  { name: 'audit-log-compress', type: 'bool', default: 'false', usage: 'Gzip rotated audit log files.' },
  { name: 'audit-log-format', type: 'string', default: 'json', usage: 'Audit log line format: json or legacy.' },
  { name: 'controllers', type: 'stringSlice', default: '*', usage: `In-process controllers to run: '*' for all (${controllerNames.join(', ')}), 'foo' to add one, '-foo' to turn one off.` },
  { name: 'advertise-address', type: 'string', default: '', usage: 'The IP address at which this server is listed in the kubernetes Endpoints. Default: --bind-address, or the first non-loopback IPv4 interface when that is 0.0.0.0.' },
  { name: 'endpoint-reconciler-type', type: 'string', default: 'lease', usage: 'How the kubernetes Endpoints are kept: lease (every live API server is listed) or none.' },
  { name: 'endpoint-reconciler-interval', type: 'duration', default: '10s', usage: 'kubets only: how often each API server renews its lease and rewrites the kubernetes Endpoints.' },
  { name: 'endpoint-reconciler-lease-ttl', type: 'duration', default: '15s', usage: 'kubets only: how long an API server\'s lease may go unrenewed before the others drop it from the Endpoints.' },
  { name: 'leader-elect', type: 'bool', default: 'true', usage: 'Run the in-process controllers on one API server at a time, elected through a coordination.k8s.io Lease.' },
  { name: 'leader-elect-lease-duration', type: 'duration', default: '15s', usage: 'How long other candidates wait after the leader\'s last renewal before taking over.' },
  { name: 'leader-elect-renew-deadline', type: 'duration', default: '10s', usage: 'How long the leader keeps retrying a renewal before it stops leading. Must be less than the lease duration.' },
  { name: 'leader-elect-retry-period', type: 'duration', default: '2s', usage: 'How long candidates wait between attempts to acquire or renew leadership.' },
  { name: 'leader-elect-resource-name', type: 'string', default: 'kube-controller-manager', usage: 'The name of the Lease used for leader election.' },
  { name: 'leader-elect-resource-namespace', type: 'string', default: 'kube-system', usage: 'The namespace of the Lease used for leader election.' },
  { name: 'v', short: 'v', type: 'int', default: '0', usage: 'Number for the log level verbosity.' },
];

export async function runApiserver(argv: string[]): Promise<void> {
  // Every static import has been evaluated by now: the time since the process began is what loading
  // the code cost, which is most of start-up (logged below with the start's own time).
  const loadMs = Math.round(performance.now());
  let values;
  try {
    const parsed = parseFlags(apiserverFlags, argv);
    if (parsed.help) {
      process.stdout.write(`kubets apiserver serves the Kubernetes API.\n\n${usage('apiserver', apiserverFlags)}`);
      return;
    }
    values = parsed.values;
  } catch (e) {
    if (e instanceof FlagError) {
      process.stderr.write(`Error: ${e.message}\n${usage('apiserver', apiserverFlags)}`);
      process.exit(2);
    }
    throw e;
  }
  const get = <T>(name: string) => values.get(name) as T;
  const log = newLogger(get<number>('v'));
  const port = get<number>('insecure-port');
  const checkPort = (name: string, p: number) => {
    if (p < 0 || p > 65535) {
      process.stderr.write(`Error: invalid argument "${p}" for "--${name}" flag: must be in the range 0-65535\n`);
      process.exit(2);
    }
  };
  checkPort('insecure-port', port);
  const securePort = get<number>('secure-port');
  checkPort('secure-port', securePort);
  const fail = (msg: string): never => {
    process.stderr.write(`Error: ${msg}\n`);
    process.exit(2);
  };
  const modes = get<string[]>('authorization-mode');
  for (const m of modes) if (!(authorizationModes as readonly string[]).includes(m)) fail(`authorization-mode ${JSON.stringify(m)} is not a valid mode`);
  if (modes.includes('ABAC') && !get<string>('authorization-policy-file')) fail('authorization-mode ABAC\'s authorization policy file not passed');
  if (!!get<string>('tls-cert-file') !== !!get<string>('tls-private-key-file')) fail('--tls-cert-file and --tls-private-key-file must be given together');
  let tlsMin: 'TLSv1.2' | 'TLSv1.3' = 'TLSv1.2';
  let ciphers: string | undefined;
  try {
    tlsMin = tlsMinVersion(get<string>('tls-min-version'));
    ciphers = tlsCiphers(get<string[]>('tls-cipher-suites').join(','));
  } catch (e) {
    fail((e as Error).message);
  }
  const orUndefined = (v: string) => (v === '' ? undefined : v);
  if (get<string>('storage-backend') !== 'etcd3') fail(`unknown storage backend ${JSON.stringify(get<string>('storage-backend'))}: only etcd3 is supported`);
  const etcdServers = get<string[]>('etcd-servers');
  let storage;
  if (etcdServers.length > 0) {
    // Loaded only when asked for: the gRPC client is large.
    const { openEtcdStorage } = await import('../storage/etcd/etcd-storage.js');
    const file = (flag: string) => (get<string>(flag) ? readFileSync(get<string>(flag)) : undefined);
    try {
      const ca = file('etcd-cafile');
      const cert = file('etcd-certfile');
      const key = file('etcd-keyfile');
      storage = await openEtcdStorage({ endpoints: etcdServers, prefix: get<string>('etcd-prefix'), tls: ca || cert || key ? { ca, cert, key } : undefined });
    } catch (e) {
      process.stderr.write(`Error: cannot use etcd at ${etcdServers.join(',')}: ${(e as Error).message}\n`);
      process.exit(1);
    }
  }
  let controllers = new Set<string>();
  try {
    controllers = enabledControllers(get<string[]>('controllers'));
  } catch (e) {
    fail((e as Error).message);
  }
  const reconcilerType = get<string>('endpoint-reconciler-type');
  if (reconcilerType === 'master-count') fail('endpoint-reconciler-type "master-count" is not supported by kubets; use lease or none');
  if (reconcilerType !== 'lease' && reconcilerType !== 'none') fail(`invalid endpoint-reconciler-type ${JSON.stringify(reconcilerType)}: must be one of lease, none`);
  const reconcilerInterval = get<number>('endpoint-reconciler-interval');
  const reconcilerTtl = get<number>('endpoint-reconciler-lease-ttl');
  if (reconcilerInterval <= 0 || reconcilerTtl <= reconcilerInterval) fail('--endpoint-reconciler-lease-ttl must be greater than --endpoint-reconciler-interval, which must be positive');
  const lease = { duration: get<number>('leader-elect-lease-duration'), renew: get<number>('leader-elect-renew-deadline'), retry: get<number>('leader-elect-retry-period') };
  // client-go's own checks (leaderelection.NewLeaderElector).
  if (lease.duration <= lease.renew) fail('leaseDuration must be greater than renewDeadline');
  if (lease.renew <= lease.retry * 1.2) fail('renewDeadline must be greater than retryPeriod*JitterFactor');
  if (lease.retry < 1) fail('retryPeriod must be greater than zero');
  const advertise = get<string>('advertise-address');
  if (advertise && isIP(advertise) === 0) fail(`invalid argument ${JSON.stringify(advertise)} for "--advertise-address" flag: not an IP address`);
  let admissionPlugins: string[] = [];
  try {
    admissionPlugins = enabledPlugins(get<string[]>('enable-admission-plugins'), get<string[]>('disable-admission-plugins'));
  } catch (e) {
    fail((e as Error).message);
  }
  const started = Date.now();
  // Signals are handled from the first moment: a SIGTERM during start-up still shuts down cleanly.
  let stopRequested: string | null = null;
  let server: Awaited<ReturnType<typeof startApiServer>> | undefined;
  const shutdown = (signal: string) => {
    if (stopRequested) return;
    stopRequested = signal;
    if (!server) return; // start-up finishes first, then closes
    log.info('shutting down: draining requests', { signal });
    server.close().then(() => process.exit(0), (e) => { log.error('shutdown failed', { error: String(e) }); process.exit(1); });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  try {
    server = await startApiServer({
      insecurePort: port,
      insecureBindAddress: get<string>('insecure-bind-address'),
      secure: securePort === 0 ? null : {
        securePort,
        bindAddress: get<string>('bind-address'),
        certDir: get<string>('cert-dir'),
        tlsCertFile: orUndefined(get<string>('tls-cert-file')),
        tlsPrivateKeyFile: orUndefined(get<string>('tls-private-key-file')),
        tlsMinVersion: tlsMin,
        tlsCiphers: ciphers,
        clientCaFile: orUndefined(get<string>('client-ca-file')),
        tokenAuthFile: orUndefined(get<string>('token-auth-file')),
        serviceAccountKeyFiles: get<string[]>('service-account-key-file'),
        serviceAccountSigningKeyFile: orUndefined(get<string>('service-account-signing-key-file')),
        serviceAccountIssuers: get<string[]>('service-account-issuer'),
        apiAudiences: get<string[]>('api-audiences'),
        anonymousAuth: get<boolean>('anonymous-auth'),
        authorizationModes: modes,
        authorizationPolicyFile: orUndefined(get<string>('authorization-policy-file')),
      },
      dataDir: resolve(get<string>('data-dir')),
      serviceClusterIpRange: get<string>('service-cluster-ip-range'),
      serviceNodePortRange: get<string>('service-node-port-range'),
      maxRequestsInflight: get<number>('max-requests-inflight'),
      maxMutatingRequestsInflight: get<number>('max-mutating-requests-inflight'),
      requestTimeoutMs: get<number>('request-timeout'),
      compactionIntervalMs: get<number>('etcd-compaction-interval'),
      bookmarkIntervalMs: 60_000,
      admissionPlugins,
      controllers,
      advertiseAddress: advertise || undefined,
      endpointReconciler: { type: reconcilerType as 'lease' | 'none', intervalMs: reconcilerInterval, ttlMs: reconcilerTtl },
      leaderElection: get<boolean>('leader-elect') ? {
        namespace: get<string>('leader-elect-resource-namespace'), name: get<string>('leader-elect-resource-name'),
        leaseDurationMs: lease.duration, renewDeadlineMs: lease.renew, retryPeriodMs: lease.retry,
      } : undefined,
      storage,
      audit: {
        policyFile: get<string>('audit-policy-file'),
        log: {
          path: get<string>('audit-log-path'), maxAge: get<number>('audit-log-maxage'), maxBackups: get<number>('audit-log-maxbackup'),
          maxSize: get<number>('audit-log-maxsize'), compress: get<boolean>('audit-log-compress'), format: get<string>('audit-log-format') as 'json' | 'legacy',
        },
      },
      log,
    });
  } catch (e) {
    const err = e as Error & { code?: string };
    // A bad range or an address in use is a configuration error, not a crash.
    process.stderr.write(`Error: ${err.message}\n`);
    process.exit(err.code === 'EADDRINUSE' || /invalid|loading audit policy file|audit-log/.test(err.message) ? 2 : 1);
  }
  log.info('kubets apiserver started', { insecureUrl: server.insecureUrl ?? 'off', secureUrl: server.secureUrl ?? 'off', adminKubeconfig: server.adminKubeconfig ?? '', loadMs, ms: Date.now() - started, cpuMs: cpuMsSinceStart() });
  if (stopRequested) {
    const signal = stopRequested;
    stopRequested = null;
    shutdown(signal);
  }
}

/** CPU time this process has used so far: unlike wall time, it hardly depends on how busy the machine is. */
function cpuMsSinceStart(): number {
  const u = process.cpuUsage();
  return Math.round((u.user + u.system) / 1000);
}
