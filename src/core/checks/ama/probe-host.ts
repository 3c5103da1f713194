// One host, in the order the agent meets it: name resolution, TCP 443 (direct or CONNECT), TLS (version,
// chain, host name, Azure root), then HTTP. The first step that fails decides the host's code; later steps
// are not attempted. Everything a server or proxy said lives in the entry (data) or the reason (a message).
import type { Code } from '../../types.js';
import { clip } from '../../neutralise.js';
import type { AmaNetwork } from '../../context.js';
import { header, httpGet } from '../../imds/http.js';
import type { PrivateLink } from './ama-inputs.js';
import { judgeAddresses } from './addresses.js';
import { KEPT_BODY_CHARS, MAX_HTTP_BODY_BYTES, type AmaBounds } from './bounds.js';
import { openDirect, type HostConnection } from './direct.js';
import { handshake } from './handshake.js';
import type { AmaHost } from './hosts.js';
import { judgeHttp } from './http-judge.js';
import { lookupThrough, resolveWithin } from './network.js';
import { proxyFor, type Routing } from './route.js';
import { chainWindow, isOldProtocolError, judgeHandshake, type TlsFacts } from './tls-judge.js';
import type { Trust } from './trust.js';
import { openTunnel } from './tunnel.js';

export type HostStatus = 'pass' | 'warn' | 'fail' | 'skip';

/** The report entry of one host (the contract's shape). */
export interface HostEntry {
  host: string;
  purpose: string;
  required: boolean;
  addresses: string[];
  private: boolean | null;
  connectMs: number | null;
  via: 'direct' | 'proxy';
  tls: TlsFacts;
  http: { status: number | null; body: string | null };
  status: HostStatus;
  code: Code;
}

export interface HostOutcome {
  entry: HostEntry;
  /** One clause for the check's message: what passed or what failed. */
  reason: string;
  ms: number;
  /**
   * When an HTTP answer came back: its Date header (the server's clock, '' when absent) and the local times the
   * request was sent and the answer arrived (the server's clock was read in between).
   */
  answered: { date: string; sent: number; at: number } | null;
  /** When the chain looked expired or not yet valid (ama_tls_expired); null otherwise. */
  expiry: ChainExpiry | null;
}

/**
 * An expired-looking chain: when the handshake ended (local clock) and when every certificate of the chain is
 * valid (null when a date could not be read), so the clock's settle can tell whether the local clock is the
 * cause.
 */
export interface ChainExpiry {
  at: number;
  window: { from: number; to: number } | null;
}

export interface ProbeDeps {
  network: AmaNetwork;
  trust: Trust;
  plan: Routing;
  privateLink: PrivateLink;
  bounds: AmaBounds;
  /** A phase bound, capped by what is left of the run. */
  cap(ms: number): number;
  now(): number;
  userAgent: string;
}

const NO_TLS: TlsFacts = { version: null, verified: false, issuer: null, root: null, intercepted: false };
const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/** A server that refused TLS 1.2+: ask once more, legacy only, which version it insists on. */
async function oldVersion(
  open: () => Promise<HostConnection>,
  host: string,
  deps: ProbeDeps,
): Promise<string | null> {
  const again = await open();
  if (!again.ok) return null;
  const legacy = await handshake(again.socket, host, null, deps.cap(deps.bounds.handshakeMs));
  if (!legacy.ok) return null;
  legacy.socket.destroy();
  return legacy.facts.protocol;
}

export async function probeHost(target: AmaHost, deps: ProbeDeps): Promise<HostOutcome> {
  const startedAt = deps.now();
  const { host } = target;
  const proxy = proxyFor(deps.plan, host);
  const entry: HostEntry = {
    host,
    purpose: target.purpose,
    required: target.required,
    addresses: [],
    private: null,
    connectMs: null,
    via: proxy ? 'proxy' : 'direct',
    tls: NO_TLS,
    http: { status: null, body: null },
    status: 'fail',
    code: 'deadline_exceeded',
  };
  let answered: HostOutcome['answered'] = null;
  let expiry: ChainExpiry | null = null;
  const done = (code: Code, reason: string, status: HostStatus = 'fail'): HostOutcome => ({
    entry: { ...entry, code, status },
    reason,
    answered,
    expiry,
    ms: Math.max(0, deps.now() - startedAt),
  });
  if (deps.cap(deps.bounds.resolveMs) <= 0) return done('deadline_exceeded', 'not probed: no time left');

  const resolved = await resolveWithin(deps.network, host, deps.cap(deps.bounds.resolveMs));
  const dns = judgeAddresses(resolved.addresses, deps.privateLink, proxy !== null, resolved.error);
  entry.addresses = resolved.addresses;
  entry.private = dns.private;
  if (dns.failure) return done(dns.failure.code, dns.failure.reason);

  const open = (): Promise<HostConnection> =>
    proxy
      ? openTunnel(proxy, host, 443, deps.bounds, deps.cap, (ms) => lookupThrough(deps.network, ms))
      : openDirect(resolved.addresses, deps.network.port(host), deps.bounds, deps.cap);
  const connectStarted = deps.now();
  const opened = await open();
  entry.connectMs = Math.max(0, deps.now() - connectStarted);
  if (!opened.ok) return done(opened.code, opened.reason);

  const handshakeMs = deps.cap(deps.bounds.handshakeMs);
  const shake = await handshake(opened.socket, host, deps.trust.context, handshakeMs);
  if (!shake.ok) {
    opened.socket.destroy();
    if (isOldProtocolError(shake.errno)) {
      const version = await oldVersion(open, host, deps);
      entry.tls = { ...NO_TLS, version };
      const spoken = version ? `only ${version}` : 'no TLS version Node accepts';
      return done('ama_tls_old_version', `the server speaks ${spoken}; AMA needs TLS 1.2 or newer`);
    }
    const why = shake.timedOut
      ? `no TLS handshake within ${seconds(handshakeMs)} (the connection was accepted, then silence)`
      : `the TLS handshake failed (${shake.errno})`;
    return done('ama_tls_failed', why);
  }
  const tls = judgeHandshake(shake.facts, deps.trust.azureRoots);
  entry.tls = tls.tls;
  if (tls.failure) {
    shake.socket.destroy();
    if (tls.failure.code === 'ama_tls_expired')
      expiry = { at: deps.now(), window: chainWindow(shake.facts.chain) };
    return done(tls.failure.code, tls.failure.reason);
  }

  const path = target.handler ? '/ping' : '/';
  const sent = deps.now();
  const got = await httpGet({
    connection: { socket: shake.socket },
    hostHeader: host,
    path,
    headers: { 'User-Agent': deps.userAgent, Accept: '*/*', Connection: 'close' },
    connectTimeoutMs: deps.cap(deps.bounds.headersMs),
    headersTimeoutMs: deps.cap(deps.bounds.headersMs),
    bodyTimeoutMs: deps.cap(deps.bounds.bodyMs),
    remainingMs: deps.cap(Number.MAX_SAFE_INTEGER),
    maxBodyBytes: MAX_HTTP_BODY_BYTES,
    body: 'peek',
  });
  if (got.kind === 'failure') {
    entry.http = { status: got.status, body: null };
    const why = got.errno === 'ETIMEDOUT' ? 'no HTTP answer in time' : `no HTTP answer (${got.errno})`;
    return done('ama_http_failed', `GET ${path}: ${why}`);
  }
  answered = { date: header(got, 'date'), sent, at: deps.now() };
  entry.http = { status: got.status, body: clip(got.body, KEPT_BODY_CHARS) };
  const http = judgeHttp(got, target.handler, path);
  if (http.failure) return done(http.failure.code, http.failure.reason);
  const where = [dns.note, entry.via === 'proxy' ? `through the proxy` : '']
    .filter((s) => s !== '')
    .join(', ');
  return done('ok', `${http.summary}${where ? ` (${where})` : ''}`, 'pass');
}
