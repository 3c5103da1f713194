// Judges what a TLS handshake showed, without sockets. Order matters: a chain that verifies but ends at a root
// that is not Azure's is TLS inspection, even when the inspecting certificate also names the wrong host; an
// expired or untrusted chain is said as such, naming the issuer that answered.
import type { Code } from '../../types.js';

/** One certificate of the presented chain, leaf first, as far as it could be followed. */
export interface ChainCert {
  subject: string;
  issuer: string;
  /** Colon-less upper-case SHA-256. */
  fingerprint: string;
  /** notBefore and notAfter in ms since the epoch; null when Node gave none that parses. */
  validFrom: number | null;
  validTo: number | null;
}

/** When every certificate of the chain is valid (the latest notBefore to the earliest notAfter), if known. */
export function chainWindow(chain: readonly ChainCert[]): { from: number; to: number } | null {
  if (chain.length === 0 || chain.some((c) => c.validFrom === null || c.validTo === null)) return null;
  return {
    from: Math.max(...chain.map((c) => c.validFrom as number)),
    to: Math.min(...chain.map((c) => c.validTo as number)),
  };
}

export interface HandshakeFacts {
  protocol: string | null;
  /** Chain and host name verified against the trusted roots. */
  authorized: boolean;
  /** OpenSSL's or Node's reason when not authorized (CERT_HAS_EXPIRED, ERR_TLS_CERT_ALTNAME_INVALID, …). */
  authorizationError: string | null;
  chain: ChainCert[];
}

export interface TlsFacts {
  version: string | null;
  verified: boolean;
  /** Who signed the certificate that answered (the leaf's issuer). */
  issuer: string | null;
  /** The top of the chain. */
  root: string | null;
  intercepted: boolean;
}

export interface TlsVerdict {
  tls: TlsFacts;
  failure: { code: Code; reason: string } | null;
}

const EXPIRY = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
const HOST_NAME = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH']);

export function judgeHandshake(facts: HandshakeFacts, azureRoots: ReadonlySet<string>): TlsVerdict {
  const leaf = facts.chain[0];
  const top = facts.chain[facts.chain.length - 1];
  const error = facts.authorizationError ?? '';
  // Node checks the host name only after the chain verified: a host-name error means the chain is trusted.
  const chainVerified = facts.authorized || HOST_NAME.has(error);
  const azure = top !== undefined && azureRoots.has(top.fingerprint);
  const issuer = leaf?.issuer || null;
  const tls: TlsFacts = {
    version: facts.protocol,
    verified: facts.authorized,
    issuer,
    root: top?.subject || null,
    intercepted: chainVerified && !azure,
  };
  const by = `'${issuer ?? 'unknown issuer'}'`;
  if (tls.intercepted) {
    const root = tls.root && tls.root !== issuer ? ` (root '${tls.root}')` : '';
    return { tls, failure: { code: 'ama_tls_inspected', reason: `TLS intercepted by ${by}${root}` } };
  }
  if (facts.authorized) return { tls, failure: null };
  if (HOST_NAME.has(error))
    return {
      tls,
      failure: { code: 'ama_tls_hostname', reason: `the certificate from ${by} is for another host name` },
    };
  if (EXPIRY.has(error)) {
    const when = error === 'CERT_HAS_EXPIRED' ? 'expired' : 'not yet valid';
    return {
      tls,
      failure: { code: 'ama_tls_expired', reason: `a certificate in the chain from ${by} is ${when}` },
    };
  }
  return {
    tls,
    failure: {
      code: 'ama_tls_untrusted',
      reason: `the chain from ${by} is not trusted (${error || 'unverified'})`,
    },
  };
}

/** Handshake errors that mean: the server only speaks a protocol older than TLS 1.2. */
const OLD_PROTOCOL = new Set([
  'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION',
  'ERR_SSL_UNSUPPORTED_PROTOCOL',
  'ERR_SSL_NO_PROTOCOLS_AVAILABLE',
  'ERR_SSL_VERSION_TOO_LOW',
]);

export const isOldProtocolError = (code: string): boolean => OLD_PROTOCOL.has(code);
