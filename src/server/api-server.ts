/**
 * Assembles a running API server from options: storage, one Store per resource, admission,
 * discovery, the filter chain, the listeners, bootstrap objects, background compaction and the
 * in-process controllers. close() drains requests, stops watches and closes storage.
 */
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { badRequest } from '../apis/meta/errors.js';
import { builtinResources, groupOrder } from '../apis/catalog.js';
import { coreToEventsV1, eventsV1ToCore } from '../apis/events/conversion.js';
import { buildAdmission, defaultOnPlugins } from '../admission/registry.js';
import type { RbacPolicyHolder } from '../admission/plugins/rbac-escalation.js';
import { anonymousUser } from '../auth/authn/anonymous.js';
import { insecureUser, type UserInfo } from '../auth/user.js';
import { ApiClient } from '../controllers/api-client.js';
import { ClusterRoleAggregationController } from '../controllers/clusterrole-aggregation.js';
import { NamespaceController } from '../controllers/namespace.js';
import { ResourceQuotaController } from '../controllers/resource-quota.js';
import { RootCaPublisher } from '../controllers/root-ca-publisher.js';
import { controllerNames } from '../controllers/selection.js';
import type { Controller } from '../controllers/controller.js';
import { ServiceAccountsController } from '../controllers/serviceaccounts.js';
import { buildDiscovery } from '../endpoints/discovery.js';
import { newOpenApiService } from '../endpoints/openapi.js';
import type { HandlerEnv, Route, TokenIssuer } from '../endpoints/resource-handler.js';
import { type Logger, writeError } from '../endpoints/status.js';
import { type ApiRequest, buildChain, type Filter, type Handler } from '../filters/chain.js';
import type { AuditOptions } from '../filters/audit.js';
import { withAuthentication } from '../filters/authentication.js';
import { withAuthorization } from '../filters/authorization.js';
import { withImpersonation } from '../filters/impersonation.js';
import { isLoopbackHost, withInsecureGuard } from '../filters/insecure-guard.js';
import { withMaxInFlight } from '../filters/max-in-flight.js';
import { BadPathError, parseRequestInfo } from '../filters/request-info.js';
import { withTimeout } from '../filters/timeout.js';
import { reviewHandlers } from '../registry/reviews.js';
import { ServiceAllocators, parseCidr, parsePortRange } from '../registry/services.js';
import { Store } from '../registry/store.js';
import { builtinSchemaNow, loadBuiltinSchema } from '../schema/lookup.js';
import { openSqliteStorage } from '../storage/sqlite/sqlite-storage.js';
import type { Storage } from '../storage/storage.js';
import { defaultAdvertiseAddress, ensureBootstrapObjects, ensureKubernetesService } from './bootstrap.js';
import { LeaseEndpointReconciler } from './endpoint-reconciler.js';
import { LeaderElector, type LeaderElectionConfig } from '../controllers/leader-election.js';
import { getOrNull, listAll } from './lookups.js';
import { newApiHandler, versionInfo } from './handler.js';
import { ApiMetrics } from './metrics.js';

export interface SecureServingOptions {
  securePort: number;
  bindAddress: string;
  /** Where generated certificates live (default <data-dir>/pki). */
  certDir: string;
  tlsCertFile?: string;
  tlsPrivateKeyFile?: string;
  tlsMinVersion: 'TLSv1.2' | 'TLSv1.3';
  tlsCiphers?: string;
  clientCaFile?: string;
  tokenAuthFile?: string;
  serviceAccountKeyFiles: string[];
  serviceAccountSigningKeyFile?: string;
  serviceAccountIssuers: string[];
  apiAudiences: string[];
  anonymousAuth: boolean;
  authorizationModes: string[];
  authorizationPolicyFile?: string;
}

export interface ApiServerOptions {
  insecurePort: number;
  insecureBindAddress: string;
  /** null turns the secure port off (--secure-port=0). */
  secure: SecureServingOptions | null;
  dataDir: string;
  serviceClusterIpRange: string;
  serviceNodePortRange: string;
  maxRequestsInflight: number;
  maxMutatingRequestsInflight: number;
  requestTimeoutMs: number;
  /** How often history is compacted (etcd's default: 5 minutes). 0 = never. */
  compactionIntervalMs: number;
  bookmarkIntervalMs: number;
  log: Logger;
  /** Optional. Storage to use instead of the SQLite file in dataDir. */
  storage?: Storage;
  /** Optional. Which in-process controllers run (names from controllers/selection.ts). Default: all. */
  controllers?: ReadonlySet<string>;
  /** Optional. Enabled admission plugins (registry.ts names); default: all kubets has. */
  admissionPlugins?: readonly string[];
  /** Optional. --audit-policy-file and --audit-log-* (audit is off without both a path and a policy). */
  audit?: AuditOptions;
  /** Optional. --advertise-address; default: the bind address, or this host's first IPv4 interface. */
  advertiseAddress?: string;
  /** Optional. How the `kubernetes` Endpoints are kept (default lease, as upstream). */
  endpointReconciler?: EndpointReconcilerConfig;
  /** Optional. Leader election for the in-process controllers; absent = they always run. */
  leaderElection?: LeaderElectionConfig;
}

export interface EndpointReconcilerConfig {
  /** 'lease': every live server is listed; 'none': the endpoints are left alone. */
  type: 'lease' | 'none';
  intervalMs: number;
  ttlMs: number;
}

export interface RunningApiServer {
  /** http://host:port of the insecure port, when it is on. */
  insecureUrl?: string;
  /** https://127.0.0.1:port of the secure port, when it is on. */
  secureUrl?: string;
  /** <data-dir>/admin.kubeconfig, when the secure port is on. */
  adminKubeconfig?: string;
  storage: Storage;
  close(): Promise<void>;
}

/**
 * mirror: admission reads namespaces and quotas from watch-fed mirrors (admission/mirror.ts). The
 * server turns it on for both backends: on SQLite a mirror is never behind an acknowledged write;
 * on etcd it is behind by the watch delay, as upstream's informer-fed admission listers are.
 */
export function buildRoutes(storage: Storage, alloc: ServiceAllocators, admissionPlugins: readonly string[] = defaultOnPlugins, rbac: RbacPolicyHolder = {}, mirror = false): Map<string, Route> {
  const routes = new Map<string, Route>();
  // Plugins read through the same Stores the API serves (bound late: routes fill in below).
  const admission = buildAdmission(admissionPlugins, {
    get: (gr, ns, name) => getOrNull(routes, gr, ns, name),
    list: (gr, ns) => listAll(routes, gr, ns),
    rbac,
    mirrorFrom: mirror ? storage : undefined,
  });
  for (const def of builtinResources) {
    const hooks = def.group === '' && def.resource === 'services' ? alloc.hooks() : undefined;
    // events.k8s.io Events live in core/v1 Event storage, converted on the way in and out, as upstream.
    const codec = def.group === 'events.k8s.io' ? { decode: coreToEventsV1, encode: eventsV1ToCore } : undefined;
    routes.set(`${def.group}/${def.resource}`, { def, store: new Store(def, storage, admission, hooks, def.resource, codec) });
  }
  return routes;
}

export async function startApiServer(o: ApiServerOptions): Promise<RunningApiServer> {
  const storage = o.storage ?? await openSqliteStorage({ path: join(o.dataDir, 'kubets.db') });
  const alloc = new ServiceAllocators(storage, parseCidr(o.serviceClusterIpRange), parsePortRange(o.serviceNodePortRange));
  const rbacPolicy: RbacPolicyHolder = {};
  const routes = buildRoutes(storage, alloc, o.admissionPlugins, rbacPolicy, true);
  const stores = new Map([...routes].map(([k, r]) => [k, r.store]));
  const securePort = o.secure?.securePort ?? 0;

  await ensureBootstrapObjects(stores);
  const advertise = o.advertiseAddress || defaultAdvertiseAddress(o.secure?.bindAddress ?? '');

  const metrics = new ApiMetrics(async () => {
    const out: Array<[string, number]> = [];
    for (const r of routes.values()) if (!r.def.virtual) out.push([r.def.group ? `${r.def.resource}.${r.def.group}` : r.def.resource, await storage.count(r.store.keyRoot)]);
    return out;
  });
  let shuttingDown = false;
  const checks = {
    ping: { name: 'ping', check: async () => {} },
    log: { name: 'log', check: async () => {} },
    storage: { name: 'etcd', check: () => storage.check() },
    shutdown: { name: 'shutdown', check: async () => { if (shuttingDown) throw new Error('server is shutting down'); } },
    // Like upstream's post-start hooks: not ready until every listener and bootstrap step is done.
    started: { name: 'poststarthook/kubets-started', check: async () => { if (!startupDone) throw new Error('not finished starting'); } },
  };
  let startupDone = false;
  const stopping = new AbortController();
  const env: HandlerEnv = { routes, log: o.log, bookmarkIntervalMs: o.bookmarkIntervalMs, stopping: stopping.signal };

  // The secure port's identity and policy; the review APIs answer with the same policy on both ports.
  const secure = o.secure ? await prepareSecure(o.secure, o.dataDir, alloc.firstIP(), routes) : null;
  const reviewAuth = secure?.auth ?? await insecureOnlyAuth();
  for (const [key, create] of reviewHandlers({ authenticator: reviewAuth.tokenAuthenticator, apiAudiences: reviewAuth.apiAudiences, authorizer: reviewAuth.authorizer, ruleResolver: reviewAuth.ruleResolver })) {
    routes.get(key)!.virtualCreate = create;
  }
  if (secure) {
    env.tokens = secure.tokens;
    if (secure.auth.rbac) Object.assign(rbacPolicy, { authorizer: secure.auth.authorizer, resolver: secure.auth.rbac });
  }

  const discoveryAddress = secure ? `${advertise}:${securePort}` : `${o.insecureBindAddress}:${o.insecurePort}`;
  const api = newApiHandler({
    env, metrics,
    discovery: buildDiscovery(builtinResources, groupOrder, discoveryAddress),
    // Documents are built on the first request for them, not here: start-up stays fast.
    openapi: newOpenApiService(() => ({ schema: builtinSchemaNow(), resources: builtinResources, serverVersion: versionInfo.gitVersion })),
    livez: [checks.ping, checks.log, checks.storage],
    readyz: [checks.ping, checks.log, checks.storage, checks.started, checks.shutdown],
  });
  const inflight = { count: 0 };
  // null when audit is off: the stage is then not in the chains at all. Without a log path it is
  // off whatever the policy says, so the audit code (policy, events, log rotation) is not loaded.
  const audit = o.audit && o.audit.log.path !== '' ? await (await import('../filters/audit.js')).newAudit(o.audit, o.log) : null;
  const stages = (...fs: Array<Filter | null | undefined>) => fs.filter((f): f is Filter => !!f);
  const closers: Array<(graceMs: number) => Promise<void>> = [];

  let insecureUrl: string | undefined;
  if (o.insecurePort !== 0) {
    if (!isLoopbackHost(o.insecureBindAddress)) {
      o.log.error('WARNING: the insecure port serves the whole API without authentication or authorization, and it is bound to a non-loopback address', { address: o.insecureBindAddress });
    }
    const insecureChain = buildChain(api, stages(
      withInsecureGuard([o.insecureBindAddress]),
      withTimeout(o.requestTimeoutMs),
      audit?.withAudit,
      // No authentication here, so nobody is exempt from the in-flight limits.
      withMaxInFlight(o.maxRequestsInflight, o.maxMutatingRequestsInflight, () => false),
    ));
    const server = createServer({ keepAlive: true, maxHeaderSize: 1 << 20 }, serve(insecureChain, insecureUser, metrics, o.log, inflight));
    server.requestTimeout = 0; // watches stream for up to an hour; short requests are bounded by withTimeout
    await listen(server, o.insecurePort, o.insecureBindAddress);
    const port = (server.address() as AddressInfo).port;
    const host = o.insecureBindAddress.includes(':') ? `[${o.insecureBindAddress}]` : o.insecureBindAddress;
    insecureUrl = `http://${host}:${port}`;
    closers.push(async (graceMs) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await Promise.race([closed, new Promise((r) => setTimeout(r, graceMs).unref())]);
      server.closeAllConnections();
    });
  }

  let secureUrl: string | undefined;
  // Without a secure port, the endpoints still name upstream's default one.
  let servedSecurePort = 6443;
  let adminKubeconfig: string | undefined;
  if (secure && o.secure) {
    const { auth } = secure;
    const secureChain = buildChain(api, stages(
      withTimeout(o.requestTimeoutMs),
      audit?.withFailedAuthenticationAudit,
      withAuthentication(auth.authenticator, o.secure.anonymousAuth, o.log),
      audit?.withAudit, // sees the authenticated user, before impersonation replaces it
      withImpersonation(auth.authorizer),
      // After authentication, so that system:masters is never throttled, as upstream.
      withMaxInFlight(o.maxRequestsInflight, o.maxMutatingRequestsInflight, (u) => u.groups.includes('system:masters')),
      withAuthorization(auth.authorizer),
    ));
    // Loaded with the secure port only: node:http2 and node:tls are not needed without it.
    const { listenSecure } = await import('./secure-listener.js');
    const listener = await listenSecure({
      port: o.secure.securePort, host: o.secure.bindAddress, certPem: secure.servingCert, keyPem: secure.servingKey,
      clientCaPem: secure.clientCaPem, minVersion: o.secure.tlsMinVersion, ciphers: o.secure.tlsCiphers,
    }, serve(secureChain, anonymousUser, metrics, o.log, inflight));
    secureUrl = `https://127.0.0.1:${listener.port}`;
    closers.push((graceMs) => listener.close(graceMs));
    servedSecurePort = listener.port;
    adminKubeconfig = join(o.dataDir, 'admin.kubeconfig');
    const { writeKubeconfig } = await import('./kubeconfig.js');
    await writeKubeconfig(adminKubeconfig, { server: secureUrl, caCertPem: secure.pki.caCert, clientCertPem: secure.pki.adminCert, clientKeyPem: secure.pki.adminKey });
  }

  const reconcilerConfig = o.endpointReconciler ?? { type: 'lease', intervalMs: 10_000, ttlMs: 15_000 };
  const reconciler = reconcilerConfig.type === 'lease' ? new LeaseEndpointReconciler({
    storage, stores, ip: advertise, port: servedSecurePort, intervalMs: reconcilerConfig.intervalMs, ttlMs: reconcilerConfig.ttlMs, log: o.log,
  }) : undefined;
  // The kubernetes Service, and this server listed in its endpoints before reporting ready (as
  // upstream's post-start hook). They touch different objects: done together, their writes share
  // group commits (a fresh start's five sequential commits become three).
  await Promise.all([ensureKubernetesService(stores, alloc.firstIP(), servedSecurePort), reconciler?.reconcile()]);
  reconciler?.start();

  let compactedUpTo = await storage.currentRevision();
  const compaction = o.compactionIntervalMs > 0 ? setInterval(() => {
    // Like the apiserver's compactor: keep one interval of history, drop what is older.
    const target = compactedUpTo;
    storage.currentRevision().then(async (rev) => {
      if (target > 0) await storage.compact(target);
      compactedUpTo = rev;
    }).catch((e) => o.log.error('compaction failed', { error: String(e) }));
  }, o.compactionIntervalMs) : undefined;
  compaction?.unref();

  // In-process controllers are clients of the API like any other; on the secure port they use
  // the admin certificate. Each gets its own client (its own connections).
  const newClient = () => (insecureUrl ? new ApiClient(insecureUrl) : secureUrl && secure
    ? new ApiClient(secureUrl, { ca: secure.pki.caCert, cert: secure.pki.adminCert, key: secure.pki.adminKey })
    : undefined);
  const wanted = o.controllers ?? new Set<string>(controllerNames);
  // Loaded with the secure port only: it signs with jose.
  const tokensController = secure && wanted.has('serviceaccount-token-controller')
    ? (await import('../controllers/serviceaccount-tokens.js')).ServiceAccountTokensController : undefined;
  /** A fresh set each time: a controller, once stopped, does not start again. */
  const newControllers = (): Controller[] => {
    const out: Controller[] = [];
    if (wanted.has('namespace-controller')) out.push(new NamespaceController(newClient()!, o.log));
    if (wanted.has('serviceaccount-controller')) out.push(new ServiceAccountsController(newClient()!, o.log));
    if (wanted.has('clusterrole-aggregation-controller')) out.push(new ClusterRoleAggregationController(newClient()!, o.log));
    if (wanted.has('resourcequota-controller')) out.push(new ResourceQuotaController(newClient()!, o.log));
    // These two need the cluster CA and signing key, which only exist with the secure port.
    if (secure && wanted.has('root-ca-certificate-publisher-controller')) out.push(new RootCaPublisher(newClient()!, o.log, secure.pki.caCert));
    if (secure && tokensController) out.push(new tokensController(newClient()!, o.log, secure.tokens.privateKey, secure.pki.caCert));
    return out;
  };
  let controllers: Controller[] = [];
  const startControllers = () => {
    controllers = newControllers();
    for (const c of controllers) c.start();
  };
  const stopControllers = async () => {
    const stopping = controllers;
    controllers = [];
    for (const c of stopping) await c.stop();
  };
  let elector: LeaderElector | undefined;
  if ((insecureUrl || secure) && wanted.size > 0) {
    if (o.leaderElection) {
      elector = new LeaderElector(newClient()!, o.leaderElection, { onStartedLeading: startControllers, onStoppedLeading: stopControllers }, o.log);
      elector.start();
    } else {
      startControllers();
    }
  }

  startupDone = true;
  // Off the path to ready, but loaded before the first request is likely to need it.
  setImmediate(() => { loadBuiltinSchema().catch((e) => o.log.error('loading the schema tables failed', { error: String(e) })); });
  // Work that can wait until the server is ready: prom-client's import (a scrape before then loads it).
  setTimeout(() => metrics.load().catch((e) => o.log.error('loading metrics failed', { error: String(e) })), 1000).unref();
  return {
    insecureUrl,
    secureUrl,
    adminKubeconfig,
    storage,
    async close() {
      shuttingDown = true;
      if (compaction) clearInterval(compaction);
      if (elector) await elector.stop();
      else await stopControllers();
      // Out of the endpoints before the listeners go (upstream's RemoveEndpoints on shutdown).
      await reconciler?.stop().catch((e) => o.log.error('removing this server from the endpoints failed', { error: String(e) }));
      stopping.abort(); // open watches end now; short requests get up to 10 s to finish
      await Promise.all(closers.map((c) => c(10_000)));
      await audit?.close();
      await storage.close();
    },
  };
}

/** Certificates, keys and policy of the secure port. */
async function prepareSecure(s: SecureServingOptions, dataDir: string, serviceIP: string, routes: Map<string, Route>) {
  // Loaded only when the secure port is on: the x509 and JWT libraries take a few hundred ms to import.
  const { ensurePki, localAddresses } = await import('./pki.js');
  const { buildAuth, readKeyFile, readSigningKey } = await import('./auth-setup.js');
  const pki = await ensurePki({ certDir: s.certDir || join(dataDir, 'pki'), hostnames: [], ips: localAddresses(), serviceIP });
  const servingCert = s.tlsCertFile ? readFileSync(s.tlsCertFile, 'utf8') : pki.servingCert;
  const servingKey = s.tlsPrivateKeyFile ? readFileSync(s.tlsPrivateKeyFile, 'utf8') : pki.servingKey;
  const clientCaPem = s.clientCaFile ? readFileSync(s.clientCaFile, 'utf8') : pki.caCert;
  const signingKey = s.serviceAccountSigningKeyFile ? readSigningKey(s.serviceAccountSigningKeyFile) : createPrivateKey(pki.saPrivateKey);
  const verifyKeys = s.serviceAccountKeyFiles.length > 0 ? s.serviceAccountKeyFiles.flatMap(readKeyFile) : [createPublicKey(pki.saPublicKey)];
  const issuers = s.serviceAccountIssuers;
  // upstream: --api-audiences defaults to the service account issuer.
  const audiences = s.apiAudiences.length > 0 ? s.apiAudiences : issuers.slice(0, 1);
  const auth = await buildAuth({
    clientCaPem, tokenAuthFile: s.tokenAuthFile, serviceAccountKeys: verifyKeys, serviceAccountIssuers: issuers,
    apiAudiences: audiences, authorizationModes: s.authorizationModes, authorizationPolicyFile: s.authorizationPolicyFile,
  }, routes);
  const tokens: TokenIssuer = { privateKey: signingKey, issuer: issuers[0], audiences };
  return { pki, servingCert, servingKey, clientCaPem, auth, tokens };
}

/** With only the insecure port on, reviews answer for a policy that allows everything. */
async function insecureOnlyAuth() {
  const { alwaysAllow } = await import('../auth/authz/always.js');
  return { tokenAuthenticator: { authenticate: async () => null }, apiAudiences: [] as string[], authorizer: alwaysAllow, ruleResolver: alwaysAllow };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => { server.off('error', reject); resolve(); });
  });
}

/** recover + requestInfo + metrics: the outer stages, the same on every port. */
function serve(chain: Handler, user: UserInfo, metrics: ApiMetrics, log: Logger, inflight: { count: number }) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const startedAt = performance.now();
    // An absolute-form target (what proxies send, RFC 9112 3.2.2) is served by its path, as Go's
    // server does.
    const url = req.url ?? '/';
    if (!url.startsWith('/')) {
      const authority = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*/.exec(url);
      if (authority) req.url = url.slice(authority[0].length) || '/';
    }
    let info;
    try {
      info = parseRequestInfo(req);
    } catch (e) {
      req.resume();
      writeError(res, e instanceof BadPathError ? badRequest(e.message) : e, log);
      return;
    }
    const r: ApiRequest = { req, res, info, user, startedAt };
    res.on('finish', () => metrics.observe(info, res.statusCode, (performance.now() - startedAt) / 1000, info.query.has('dryRun')));
    inflight.count++;
    chain(r).catch((e) => {
      req.resume();
      writeError(res, e, log);
    }).finally(() => { inflight.count--; });
  };
}
