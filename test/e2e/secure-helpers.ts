/**
 * Helpers for e2e tests of the secure port: credentials (client certificates signed with the
 * server's own PKI, bearer tokens, impersonation headers), a node:https client that keeps one
 * keep-alive agent for every identity, and kubectl run against the secure port without `-s`.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signClientCertificate, type CertKeyPair, type SigningCA } from '../../src/server/pki.js';
import { kubectlPath, type KubectlResult, type TestServer } from './harness.js';

/** Who a request is made as. All fields optional: none at all is an anonymous request. */
export interface Credentials {
  /** Optional. A client certificate and its key (PEM). */
  cert?: CertKeyPair;
  /** Optional. Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Optional. Raw headers, e.g. a malformed Authorization or Impersonate-User. */
  headers?: Record<string, string>;
}

export interface SecureResponse {
  status: number;
  httpVersion: string;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

/** The cluster CA (ca.crt and ca.key) the server generated under <dataDir>/pki. */
export function readCA(dataDir: string): SigningCA {
  return { caCert: readFileSync(join(dataDir, 'pki/ca.crt'), 'utf8'), caKey: readFileSync(join(dataDir, 'pki/ca.key'), 'utf8') };
}

/** A client certificate for user cn in groups orgs, signed by the server's CA. */
export function clientCert(dataDir: string, cn: string, orgs: string[] = []): Promise<CertKeyPair> {
  return signClientCertificate(readCA(dataDir), { commonName: cn, organizations: orgs });
}

/** The admin client certificate the server generated (CN=kubernetes-admin, O=system:masters). */
export function adminCert(dataDir: string): CertKeyPair {
  return { cert: readFileSync(join(dataDir, 'pki/admin.crt'), 'utf8'), key: readFileSync(join(dataDir, 'pki/admin.key'), 'utf8') };
}

/** One keep-alive agent for every request of a test file: connections are keyed by cert and key. */
export const agent = new Agent({ keepAlive: true, maxSockets: 32 });

/**
 * A request to the secure port over HTTP/1.1 (node:https), verifying the server with the cluster
 * CA. With `watch`, the response is cut as soon as the status line is in: a watch that was let in
 * streams until its timeout, and the status is all a caller wants.
 */
export function secureRequest(s: TestServer, method: string, path: string, creds: Credentials = {},
  opts: { body?: unknown; watch?: boolean; timeoutMs?: number; ca?: string } = {}): Promise<SecureResponse> {
  const ca = opts.ca ?? readFileSync(join(s.dataDir, 'pki/ca.crt'), 'utf8');
  const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
  const headers: Record<string, string> = { Accept: 'application/json', ...(creds.headers ?? {}) };
  if (creds.token !== undefined) headers.Authorization = `Bearer ${creds.token}`;
  if (body !== undefined) { headers['Content-Type'] = 'application/json'; headers['Content-Length'] = String(Buffer.byteLength(body)); }
  return new Promise((resolve, reject) => {
    const req = httpsRequest(s.secureUrl + path, {
      method, headers, ca, cert: creds.cert?.cert, key: creds.cert?.key, agent, timeout: opts.timeoutMs ?? 20_000,
    }, (res) => {
      const done = (text: string) => {
        let json: any = null;
        try { json = JSON.parse(text); } catch { /* not JSON */ }
        resolve({ status: res.statusCode ?? 0, httpVersion: res.httpVersion, headers: res.headers, text, json });
      };
      if (opts.watch && res.statusCode === 200) {
        res.destroy();
        done('');
        return;
      }
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => done(text));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Writes files a test needs (token CSV, policy file, client certs) into a temp dir it removes later. */
export class TempFiles {
  readonly dir = mkdtempSync(join(tmpdir(), 'kubets-secure-'));
  write(name: string, content: string): string {
    const p = join(this.dir, name);
    writeFileSync(p, content, { mode: 0o600 });
    return p;
  }
  /** Client certificate and key files for kubectl's --client-certificate/--client-key. */
  certArgs(name: string, pair: CertKeyPair): string[] {
    return ['--client-certificate', this.write(`${name}.crt`, pair.cert), '--client-key', this.write(`${name}.key`, pair.key)];
  }
  cleanup(): void { rmSync(this.dir, { recursive: true, force: true }); }
}

/** kubectl with exactly these arguments (no `-s`) and no kubeconfig unless the args name one. */
export function kubectlRaw(args: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<KubectlResult> {
  return new Promise((resolveRun) => {
    const child = execFile(kubectlPath ?? 'kubectl', args, {
      timeout: opts.timeoutMs ?? 30_000,
      env: { ...process.env, KUBECONFIG: join(tmpdir(), 'kubets-no-kubeconfig') },
      maxBuffer: 16 * 1024 * 1024,
    }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0;
      resolveRun({ code, stdout: String(stdout), stderr: String(stderr) });
    });
    if (opts.input !== undefined) child.stdin!.end(opts.input);
    else child.stdin?.end();
  });
}

/** kubectl against the secure port, verifying the server with the cluster CA, with these credentials. */
export function kubectlSecure(s: TestServer, credArgs: string[], args: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<KubectlResult> {
  return kubectlRaw(['--server', s.secureUrl, '--certificate-authority', join(s.dataDir, 'pki/ca.crt'), ...credArgs, ...args], opts);
}

/** kubectl with the admin kubeconfig the server wrote. */
export function kubectlAdmin(s: TestServer, args: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<KubectlResult> {
  return kubectlRaw(['--kubeconfig', s.adminKubeconfig, ...args], opts);
}

export async function kubectlAdminOk(s: TestServer, args: string[], opts: { input?: string; timeoutMs?: number } = {}): Promise<string> {
  const r = await kubectlAdmin(s, args, opts);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')} failed (${r.code}):\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

/** A static token file (--token-auth-file): `token,user,uid,"group1,group2"` per line. */
export function tokenCsv(rows: Array<{ token: string; user: string; uid: string; groups?: string[] }>): string {
  return rows.map((r) => `${r.token},${r.user},${r.uid}${r.groups && r.groups.length > 0 ? `,"${r.groups.join(',')}"` : ''}`).join('\n') + '\n';
}

/** Upstream's 401 body, byte for byte the same fields (apiserver's responsewriters.Unauthorized). */
export const unauthorizedStatus = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 };

/** Runs fn over items with at most `limit` running at once, keeping the input order in the output. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** An object as the admin reads it, ready to be PUT back: no resourceVersion (unconditional update). */
export function forUpdate(obj: any): any {
  const copy = JSON.parse(JSON.stringify(obj));
  delete copy.metadata.resourceVersion;
  delete copy.metadata.managedFields;
  return copy;
}
