/**
 * Assembles a running API server from options: storage, one Store per resource, admission,
 * discovery, the filter chain, the listeners, bootstrap objects, background compaction and the
 * in-process controllers. close() drains requests, stops watches and closes storage.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ApiError, badRequest } from '../apis/meta/errors.js';
import { builtinResources, groupOrder } from '../apis/catalog.js';
import { coreToEventsV1, eventsV1ToCore } from '../apis/events/conversion.js';
import type { KubeObject } from '../apis/meta/types.js';
import { newAdmissionChain } from '../admission/plugin.js';
import { newNamespaceLifecycle } from '../admission/plugins/namespace-lifecycle.js';
import { insecureUser, type UserInfo } from '../auth/user.js';
import { NamespaceController } from '../controllers/namespace.js';
import { buildDiscovery } from '../endpoints/discovery.js';
import type { HandlerEnv, Route } from '../endpoints/resource-handler.js';
import { type Logger, writeError } from '../endpoints/status.js';
import { type ApiRequest, buildChain, type Handler } from '../filters/chain.js';
import { withMaxInFlight } from '../filters/max-in-flight.js';
import { BadPathError, parseRequestInfo } from '../filters/request-info.js';
import { withTimeout } from '../filters/timeout.js';
import { ServiceAllocators, parseCidr, parsePortRange } from '../registry/services.js';
import { Store } from '../registry/store.js';
import { openSqliteStorage } from '../storage/sqlite/sqlite-storage.js';
import type { Storage } from '../storage/storage.js';
import { advertiseAddress, ensureBootstrapObjects, ensureKubernetesService } from './bootstrap.js';
import { newApiHandler } from './handler.js';
import { ApiMetrics } from './metrics.js';

export interface ApiServerOptions {
  insecurePort: number;
  insecureBindAddress: string;
  securePort: number;
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
  /** Optional. Run in-process controllers (namespace deletion). Default true. */
  controllers?: boolean;
}

export interface RunningApiServer {
  /** http://host:port of the insecure port, when it is on. */
  insecureUrl?: string;
  storage: Storage;
  close(): Promise<void>;
}

export function buildRoutes(storage: Storage, alloc: ServiceAllocators): Map<string, Route> {
  const routes = new Map<string, Route>();
  const getNamespace = async (name: string): Promise<KubeObject | null> => {
    try {
      return await routes.get('/namespaces')!.store.get('', name);
    } catch (e) {
      if (e instanceof ApiError && e.code === 404) return null;
      throw e;
    }
  };
  const admission = newAdmissionChain([newNamespaceLifecycle(getNamespace)]);
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
  const routes = buildRoutes(storage, alloc);
  const stores = new Map([...routes].map(([k, r]) => [k, r.store]));

  await ensureBootstrapObjects(stores);
  await ensureKubernetesService(stores, alloc.firstIP(), advertiseAddress(), o.securePort || 6443);

  const metrics = new ApiMetrics(async () => {
    const out: Array<[string, number]> = [];
    for (const r of routes.values()) out.push([r.def.group ? `${r.def.resource}.${r.def.group}` : r.def.resource, await storage.count(r.store.keyRoot)]);
    return out;
  });
  let shuttingDown = false;
  const checks = {
    ping: { name: 'ping', check: async () => {} },
    log: { name: 'log', check: async () => {} },
    storage: { name: 'etcd', check: () => storage.check() },
    shutdown: { name: 'shutdown', check: async () => { if (shuttingDown) throw new Error('server is shutting down'); } },
  };
  const serverAddress = `${o.insecureBindAddress}:${o.insecurePort}`;
  const stopping = new AbortController();
  const env: HandlerEnv = { routes, log: o.log, bookmarkIntervalMs: o.bookmarkIntervalMs, stopping: stopping.signal };
  const api = newApiHandler({
    env, metrics,
    discovery: buildDiscovery(builtinResources, groupOrder, serverAddress),
    livez: [checks.ping, checks.log, checks.storage],
    readyz: [checks.ping, checks.log, checks.storage, checks.shutdown],
  });

  const insecureChain = buildChain(api, [
    withTimeout(o.requestTimeoutMs),
    // The insecure port has no authentication, so nobody is exempt from the in-flight limits.
    withMaxInFlight(o.maxRequestsInflight, o.maxMutatingRequestsInflight, () => false),
  ]);

  const servers: Server[] = [];
  let insecureUrl: string | undefined;
  if (o.insecurePort !== 0) {
    const server = createServer({ keepAlive: true }, serve(insecureChain, insecureUser, metrics, o.log));
    server.requestTimeout = 0; // watches stream for up to an hour; short requests are bounded by withTimeout
    await listen(server, o.insecurePort, o.insecureBindAddress);
    const port = (server.address() as AddressInfo).port;
    const host = o.insecureBindAddress.includes(':') ? `[${o.insecureBindAddress}]` : o.insecureBindAddress;
    insecureUrl = `http://${host}:${port}`;
    servers.push(server);
  }

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

  const controllers: Array<{ stop(): Promise<void> }> = [];
  if (o.controllers !== false && insecureUrl) {
    const ns = new NamespaceController(insecureUrl, o.log);
    ns.start();
    controllers.push(ns);
  }

  return {
    insecureUrl,
    storage,
    async close() {
      shuttingDown = true;
      if (compaction) clearInterval(compaction);
      for (const c of controllers) await c.stop();
      const closed = servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
      stopping.abort();
      for (const s of servers) s.closeIdleConnections();
      await Promise.race([Promise.all(closed), new Promise((r) => setTimeout(r, 10_000).unref())]);
      for (const s of servers) s.closeAllConnections();
      await storage.close();
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => { server.off('error', reject); resolve(); });
  });
}

/** recover + requestInfo + metrics: the outer stages, the same on every port. */
function serve(chain: Handler, user: UserInfo, metrics: ApiMetrics, log: Logger) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const startedAt = performance.now();
    let info;
    try {
      info = parseRequestInfo(req);
    } catch (e) {
      req.resume();
      writeError(res, e instanceof BadPathError ? badRequest(e.message) : e, log);
      return;
    }
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    const r: ApiRequest = { req, res, info, user, signal: abort.signal, startedAt };
    res.on('finish', () => metrics.observe(info, res.statusCode, (performance.now() - startedAt) / 1000, info.query.has('dryRun')));
    chain(r).catch((e) => {
      req.resume();
      writeError(res, e, log);
    });
  };
}

