/**
 * --tls-min-version and --tls-cipher-suites use Go's names (VersionTLS12, TLS_ECDHE_..._SHA256);
 * Node wants OpenSSL's. TLS 1.3 suites are not configurable, as in Go.
 */

const versions: Record<string, 'TLSv1.2' | 'TLSv1.3'> = { VersionTLS12: 'TLSv1.2', VersionTLS13: 'TLSv1.3' };

// IANA (Go) name -> OpenSSL name, for the suites Go's crypto/tls offers for TLS 1.2.
const suites: Record<string, string> = {
  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256: 'ECDHE-ECDSA-AES128-GCM-SHA256',
  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384: 'ECDHE-ECDSA-AES256-GCM-SHA384',
  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: 'ECDHE-RSA-AES128-GCM-SHA256',
  TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384: 'ECDHE-RSA-AES256-GCM-SHA384',
  TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305: 'ECDHE-ECDSA-CHACHA20-POLY1305',
  TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256: 'ECDHE-ECDSA-CHACHA20-POLY1305',
  TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305: 'ECDHE-RSA-CHACHA20-POLY1305',
  TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256: 'ECDHE-RSA-CHACHA20-POLY1305',
  TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA: 'ECDHE-ECDSA-AES128-SHA',
  TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA: 'ECDHE-ECDSA-AES256-SHA',
  TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA: 'ECDHE-RSA-AES128-SHA',
  TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA: 'ECDHE-RSA-AES256-SHA',
  TLS_RSA_WITH_AES_128_GCM_SHA256: 'AES128-GCM-SHA256',
  TLS_RSA_WITH_AES_256_GCM_SHA384: 'AES256-GCM-SHA384',
  TLS_RSA_WITH_AES_128_CBC_SHA: 'AES128-SHA',
  TLS_RSA_WITH_AES_256_CBC_SHA: 'AES256-SHA',
};

export function tlsMinVersion(goName: string): 'TLSv1.2' | 'TLSv1.3' {
  if (goName === '') return 'TLSv1.2';
  const v = versions[goName];
  if (!v) throw new Error(`unknown tls version ${JSON.stringify(goName)}: supported values are VersionTLS12, VersionTLS13`);
  return v;
}

/** undefined when no suites were asked for (Node's defaults, which are modern AEAD suites). */
export function tlsCiphers(goNames: string): string | undefined {
  const names = goNames.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) return undefined;
  return names.map((n) => {
    const s = suites[n];
    if (!s) throw new Error(`Cipher suite ${n} not supported or doesn't exist`);
    return s;
  }).join(':');
}
