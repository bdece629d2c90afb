/**
 * Writes a kubeconfig (clientcmd's v1 Config) with one cluster, one user and one context, the
 * credentials embedded as *-data fields so the file works when copied elsewhere. It holds a private
 * key or a token, hence mode 0600, written atomically so kubectl never reads half a file.
 */
import { stringify } from 'yaml';
import { writeFileAtomic } from './atomic-write.js';

export interface KubeconfigOptions {
  /** e.g. https://127.0.0.1:6443 */
  server: string;
  /** PEM of the CA that signed the serving certificate. */
  caCertPem: string;
  /** Optional. PEM client certificate; requires clientKeyPem. */
  clientCertPem?: string;
  /** Optional. PEM private key of clientCertPem. */
  clientKeyPem?: string;
  /** Optional. Bearer token; may be combined with a client certificate, as kubectl allows. */
  token?: string;
  /** Optional. Default "kubets". */
  clusterName?: string;
  /** Optional. Default "admin". */
  userName?: string;
  /** Optional. Default "kubets". */
  contextName?: string;
  /** Optional. The context's default namespace; kubectl uses "default" when absent. */
  namespace?: string;
}

/** The YAML text; writeKubeconfig puts it on disk. */
export function renderKubeconfig(opts: KubeconfigOptions): string {
  if ((opts.clientCertPem === undefined) !== (opts.clientKeyPem === undefined)) {
    throw new Error('kubeconfig: clientCertPem and clientKeyPem go together');
  }
  const clusterName = opts.clusterName ?? 'kubets';
  const userName = opts.userName ?? 'admin';
  const contextName = opts.contextName ?? 'kubets';
  const b64 = (pem: string) => Buffer.from(pem, 'utf8').toString('base64');
  const user: Record<string, string> = {};
  if (opts.clientCertPem !== undefined && opts.clientKeyPem !== undefined) {
    user['client-certificate-data'] = b64(opts.clientCertPem);
    user['client-key-data'] = b64(opts.clientKeyPem);
  }
  if (opts.token !== undefined) user.token = opts.token;
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: clusterName, cluster: { server: opts.server, 'certificate-authority-data': b64(opts.caCertPem) } }],
    users: [{ name: userName, user }],
    contexts: [{
      name: contextName,
      context: { cluster: clusterName, user: userName, ...(opts.namespace ? { namespace: opts.namespace } : {}) },
    }],
    'current-context': contextName,
    preferences: {},
  };
  // lineWidth 0: never fold; base64 has no spaces to fold at, but a token might.
  return stringify(config, { lineWidth: 0 });
}

/** Replaces path (its directory must exist) with a kubeconfig for opts, mode 0600. */
export async function writeKubeconfig(path: string, opts: KubeconfigOptions): Promise<void> {
  await writeFileAtomic(path, renderKubeconfig(opts), 0o600);
}
