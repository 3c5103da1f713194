// HTTPS listeners on loopback that answer under the real Azure Monitor host names: the certificate is minted for
// whatever name the client sends as SNI, signed as the scenario says. Every connection and request is recorded,
// so a test can prove that nothing came (ama: false) or what did.
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AmaPki } from './pki.js';
import { amaScenario, type AmaScenario } from './scenarios.js';

export interface AmaRecord {
  time: number;
  /** `connection` for every accepted TCP connection; `request` for an HTTP request inside TLS. */
  kind: 'connection' | 'request';
  /** The local address:port that was reached. */
  listener: string;
  sni: string;
  path: string;
  status: number | null;
}

export interface AmaListener {
  scenario: string;
  host: string;
  port: number;
  /** Seconds added to the clock its Date header shows (0: the true time). */
  dateOffsetSeconds: number;
}

export interface AmaServers {
  listeners: AmaListener[];
  records: AmaRecord[];
  close(): Promise<void>;
}

const BLOCK_PAGE =
  '<!DOCTYPE html><html><head><title>Access blocked by Contoso Web Filter</title></head>' +
  '<body><h1>This site is blocked</h1><p>Category: uncategorised.</p></body></html>';
const UNAUTHENTICATED = JSON.stringify({
  error: {
    code: 'AuthenticationFailed',
    message: 'Authentication failed. The Authorization header is missing.',
  },
});

/** A whole answer with its length, as the real endpoints send it (no chunked encoding). */
function send(res: ServerResponse, status: number, type: string, body: string, extra: object = {}): number {
  res
    .writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra })
    .end(body);
  return status;
}

function answer(
  scenario: AmaScenario,
  req: IncomingMessage,
  res: ServerResponse,
  dateOffsetSeconds: number,
): number {
  const ping = (req.url ?? '').split('?')[0] === '/ping';
  // The Date every answer carries, as a server whose clock is off by the offset would send it.
  const date = { Date: new Date(Date.now() + dateOffsetSeconds * 1000).toUTCString() };
  if (scenario.http === 'html') {
    return send(res, 403, 'text/html; charset=utf-8', BLOCK_PAGE, date);
  }
  const extra = scenario.http === 'via' ? { ...date, Via: '1.1 contoso-proxy.corp.example' } : date;
  if (ping) {
    const [status, body] = scenario.http === 'unhealthy' ? [503, 'Unhealthy'] : [200, 'Healthy'];
    return send(res, status, 'text/plain', body, extra);
  }
  return send(res, 401, 'application/json', UNAUTHENTICATED, extra);
}

function tlsOptions(scenario: AmaScenario, pki: AmaPki, clockShiftMs: number): tls.TlsOptions {
  const kind = scenario.leaf ?? 'azure';
  const fallback = pki.leaf(kind, 'ama-emulator.invalid', clockShiftMs);
  if (scenario.oldTls) {
    // A version-pinned server keeps one context: the client fails on the version before it looks at names.
    return { ...fallback, minVersion: 'TLSv1', maxVersion: 'TLSv1.1', ciphers: 'DEFAULT@SECLEVEL=0' };
  }
  return {
    ...fallback,
    SNICallback: (name, cb) =>
      cb(null, tls.createSecureContext(pki.leaf(kind, name.toLowerCase(), clockShiftMs))),
  };
}

async function listen(server: net.Server, host: string, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as net.AddressInfo).port;
}

export interface ListenSpec {
  scenario: string;
  host?: string;
  port?: number;
  /** Shifts the Date header by this many seconds (negative: the server's clock is behind the machine's). */
  dateOffsetSeconds?: number;
}

export async function startAmaServers(
  specs: readonly ListenSpec[],
  pki: AmaPki,
  onRecord: (record: AmaRecord) => void = () => undefined,
): Promise<AmaServers> {
  const records: AmaRecord[] = [];
  const record = (r: AmaRecord): void => {
    records.push(r);
    onRecord(r);
  };
  const servers: net.Server[] = [];
  const sockets = new Set<net.Socket>();
  const listeners: AmaListener[] = [];
  const close = async (): Promise<void> => {
    for (const s of sockets) s.destroy();
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  };
  try {
    for (const spec of specs) {
      const scenario = amaScenario(spec.scenario);
      if (!scenario) throw new Error(`unknown AMA scenario '${spec.scenario}'`);
      const host = spec.host ?? '127.0.0.1';
      const dateOffsetSeconds = spec.dateOffsetSeconds ?? 0;
      let label = '';
      const server: net.Server =
        scenario.leaf === null
          ? net.createServer()
          : https.createServer(tlsOptions(scenario, pki, dateOffsetSeconds * 1000), (req, res) => {
              const sni = (req.socket as tls.TLSSocket).servername;
              const status = answer(scenario, req, res, dateOffsetSeconds);
              record({
                time: Date.now(),
                kind: 'request',
                listener: label,
                sni: sni || '',
                path: req.url ?? '',
                status,
              });
            });
      server.on('connection', (socket: net.Socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => undefined);
        record({
          time: Date.now(),
          kind: 'connection',
          listener: label,
          sni: '',
          path: '',
          status: null,
        });
      });
      server.on('tlsClientError', () => undefined);
      servers.push(server);
      const port = await listen(server, host, spec.port ?? 0);
      label = `${host}:${port}`;
      listeners.push({ scenario: scenario.name, host, port, dateOffsetSeconds });
    }
  } catch (err) {
    await close();
    throw err;
  }
  return { listeners, records, close };
}
