/** `kubets apiserver`: kube-apiserver's flag names and defaults mapped onto ApiServerOptions. */
import { resolve } from 'node:path';
import { startApiServer } from '../server/api-server.js';
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
  { name: 'etcd-compaction-interval', type: 'duration', default: '5m0s', usage: 'The interval of compaction requests; history older than one interval is dropped. 0 disables compaction.' },
  { name: 'v', short: 'v', type: 'int', default: '0', usage: 'Number for the log level verbosity.' },
];

export async function runApiserver(argv: string[]): Promise<void> {
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
  const started = Date.now();
  let server;
  try {
    server = await startApiServer({
      insecurePort: port,
      insecureBindAddress: get<string>('insecure-bind-address'),
      securePort: 6443,
      dataDir: resolve(get<string>('data-dir')),
      serviceClusterIpRange: get<string>('service-cluster-ip-range'),
      serviceNodePortRange: get<string>('service-node-port-range'),
      maxRequestsInflight: get<number>('max-requests-inflight'),
      maxMutatingRequestsInflight: get<number>('max-mutating-requests-inflight'),
      requestTimeoutMs: get<number>('request-timeout'),
      compactionIntervalMs: get<number>('etcd-compaction-interval'),
      bookmarkIntervalMs: 60_000,
      log,
    });
  } catch (e) {
    const err = e as Error & { code?: string };
    // A bad range or an address in use is a configuration error, not a crash.
    process.stderr.write(`Error: ${err.message}\n`);
    process.exit(err.code === 'EADDRINUSE' || /invalid/.test(err.message) ? 2 : 1);
  }
  log.info('kubets apiserver started', { insecureUrl: server.insecureUrl ?? 'off', ms: Date.now() - started });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down: draining requests', { signal });
    server.close().then(() => process.exit(0), (e) => { log.error('shutdown failed', { error: String(e) }); process.exit(1); });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
