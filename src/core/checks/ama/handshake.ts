// The TLS handshake over an open socket (direct or tunnel): SNI = the host name, TLS 1.2 or newer, verified
// against the run's trusted roots; the result is read (never rejected here) so the judge can tell untrusted
// from inspected. A second, legacy handshake is only used to name the old version a server insists on.
import type net from 'node:net';
import tls from 'node:tls';
import { fingerprintKey } from './trust.js';
import type { ChainCert, HandshakeFacts } from './tls-judge.js';

export type Handshake =
  | { ok: true; socket: tls.TLSSocket; facts: HandshakeFacts }
  | { ok: false; errno: string; timedOut: boolean };

/** A subject or issuer CN as text (a certificate may carry several). */
function cn(name: unknown): string {
  const value = (name as { CN?: unknown } | undefined)?.CN;
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'string') return value;
  const o = (name as { O?: unknown } | undefined)?.O;
  return typeof o === 'string' ? o : '';
}

/** A certificate date as Node gives it ('Jan  1 00:00:00 2026 GMT'), in ms; null when it cannot be read. */
function dateOf(text: unknown): number | null {
  const ms = typeof text === 'string' ? Date.parse(text) : NaN;
  return Number.isFinite(ms) ? ms : null;
}

/** The chain as Node completed it (from the server and the trusted store), leaf first, at most 10 deep. */
function chainOf(socket: tls.TLSSocket): ChainCert[] {
  const chain: ChainCert[] = [];
  let cert: tls.DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  for (let i = 0; i < 10 && cert && cert.fingerprint256; i++) {
    chain.push({
      subject: cn(cert.subject),
      issuer: cn(cert.issuer),
      fingerprint: fingerprintKey(cert.fingerprint256),
      validFrom: dateOf(cert.valid_from),
      validTo: dateOf(cert.valid_to),
    });
    const next: tls.DetailedPeerCertificate | undefined = cert.issuerCertificate;
    if (!next || next === cert || next.fingerprint256 === cert.fingerprint256) break;
    cert = next;
  }
  return chain;
}

export function handshake(
  socket: net.Socket,
  host: string,
  context: tls.SecureContext | null,
  timeoutMs: number,
): Promise<Handshake> {
  return new Promise((resolve) => {
    // context null: the legacy probe, which only asks which version the server would speak.
    const security = context
      ? { secureContext: context }
      : { minVersion: 'TLSv1' as const, maxVersion: 'TLSv1.1' as const, ciphers: 'DEFAULT@SECLEVEL=0' };
    const tlsSocket = tls.connect({
      socket,
      servername: host,
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
      ...security,
    });
    const timer = setTimeout(
      () => {
        tlsSocket.destroy();
        socket.destroy();
        resolve({ ok: false, errno: 'ETIMEDOUT', timedOut: true });
      },
      Math.max(0, timeoutMs),
    );
    tlsSocket.once('secureConnect', () => {
      clearTimeout(timer);
      // From here the HTTP request reports errors; a late one must not become an uncaught exception.
      tlsSocket.removeAllListeners('error');
      tlsSocket.on('error', () => undefined);
      const error = tlsSocket.authorizationError as unknown;
      resolve({
        ok: true,
        socket: tlsSocket,
        facts: {
          protocol: tlsSocket.getProtocol(),
          authorized: tlsSocket.authorized,
          authorizationError:
            error === null || error === undefined ? null : String((error as { code?: string }).code ?? error),
          chain: chainOf(tlsSocket),
        },
      });
    });
    tlsSocket.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      tlsSocket.destroy();
      socket.destroy();
      resolve({ ok: false, errno: err.code ?? 'EUNKNOWN', timedOut: false });
    });
  });
}
