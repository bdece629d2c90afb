/**
 * The secure port: HTTPS with HTTP/2 and HTTP/1.1 (ALPN), client certificates requested but not
 * required (the x509 authenticator decides, so token users and anonymous still get through).
 * close() stops accepting, lets open streams finish, then cuts what is left.
 */
import { createSecureServer, type Http2SecureServer, type Http2Session } from 'node:http2';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SecureListenerOptions {
  port: number;
  host: string;
  certPem: string;
  keyPem: string;
  /** CA bundle clients' certificates are requested against (sent to clients as acceptable CAs). */
  clientCaPem?: string;
  minVersion: 'TLSv1.2' | 'TLSv1.3';
  ciphers?: string;
}

export interface SecureListener {
  port: number;
  close(graceMs: number): Promise<void>;
}

export function listenSecure(o: SecureListenerOptions, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<SecureListener> {
  const server: Http2SecureServer = createSecureServer({
    allowHTTP1: true,
    cert: o.certPem,
    key: o.keyPem,
    ca: o.clientCaPem,
    requestCert: true,
    rejectUnauthorized: false,
    minVersion: o.minVersion,
    ciphers: o.ciphers,
    // Watches stream for a long time; idle connections are closed by clients, not by us.
    // Headers up to 1 MiB, like Go's http.DefaultMaxHeaderBytes (big bearer tokens).
    settings: { maxConcurrentStreams: 1000, maxHeaderListSize: 1 << 20 },
    maxSessionMemory: 32,
  }, handler as never);
  // HTTP/1.1 over TLS is parsed by node:http's connection listener, which reads this property.
  (server as unknown as { maxHeaderSize: number }).maxHeaderSize = 1 << 20;
  const sessions = new Set<Http2Session>();
  server.on('session', (s) => { sessions.add(s); s.once('close', () => sessions.delete(s)); });
  // HTTP/1.1 connections over TLS: track them too so shutdown can end idle keep-alives.
  const sockets = new Set<import('node:net').Socket>();
  server.on('secureConnection', (sock) => { sockets.add(sock); sock.once('close', () => sockets.delete(sock)); });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        async close(graceMs) {
          const closed = new Promise<void>((r) => server.close(() => r()));
          for (const s of sessions) s.close();
          await Promise.race([closed, new Promise((r) => setTimeout(r, graceMs).unref())]);
          for (const s of sessions) s.destroy();
          for (const sock of sockets) sock.destroy();
        },
      });
    });
  });
}
