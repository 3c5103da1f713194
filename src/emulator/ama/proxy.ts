// A CONNECT proxy stub for the AMA tests: it records every request it sees (CONNECT target, whether credentials
// came and were accepted, the status it gave) and forwards accepted tunnels to the emulator's listener. Any
// non-CONNECT request (an IMDS call that went through a proxy, say) is recorded and refused with 502. The
// Proxy-Authorization value itself is never recorded.
import http from 'node:http';
import net from 'node:net';
import type { Duplex } from 'node:stream';

export interface ProxyRecord {
  time: number;
  method: string;
  /** `host:port` for CONNECT, the request target otherwise. */
  target: string;
  credentials: 'none' | 'accepted' | 'rejected';
  status: number;
}

export interface AmaProxy {
  url: string;
  port: number;
  records: ProxyRecord[];
  close(): Promise<void>;
}

export interface AmaProxyOptions {
  host?: string;
  port?: number;
  /** Basic credentials the proxy insists on; without them any client is let through. */
  credentials?: { username: string; password: string };
  /** Where a tunnel to host:port really goes. */
  upstream(host: string, port: number): { host: string; port: number };
  /** Called once the proxy has answered a request (the record then carries its status). */
  onRecord?(record: ProxyRecord): void;
}

function credentialsOf(
  header: string | undefined,
  expected: AmaProxyOptions['credentials'],
): ProxyRecord['credentials'] {
  if (!header) return 'none';
  if (!expected) return 'accepted';
  const wanted = `Basic ${Buffer.from(`${expected.username}:${expected.password}`, 'utf8').toString('base64')}`;
  return header === wanted ? 'accepted' : 'rejected';
}

export async function startAmaProxy(options: AmaProxyOptions): Promise<AmaProxy> {
  const records: ProxyRecord[] = [];
  const sockets = new Set<Duplex>();
  const settle = (record: ProxyRecord, status: number): void => {
    record.status = status;
    options.onRecord?.(record);
  };
  const server = http.createServer((req, res) => {
    const credentials = credentialsOf(req.headers['proxy-authorization'], options.credentials);
    const record = {
      time: Date.now(),
      method: req.method ?? '',
      target: req.url ?? '',
      credentials,
      status: 0,
    };
    records.push(record);
    settle(record, 502);
    res
      .writeHead(502, { 'Content-Type': 'text/plain', Connection: 'close' })
      .end('imds-check test proxy: CONNECT only\n');
  });
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('connect', (req: http.IncomingMessage, client: Duplex, head: Buffer) => {
    sockets.add(client);
    client.on('error', () => undefined);
    const credentials = credentialsOf(req.headers['proxy-authorization'], options.credentials);
    const record: ProxyRecord = {
      time: Date.now(),
      method: 'CONNECT',
      target: req.url ?? '',
      credentials,
      status: 0,
    };
    records.push(record);
    if (options.credentials && credentials !== 'accepted') {
      settle(record, 407);
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="imds-check test proxy"\r\n' +
          'Content-Length: 0\r\nConnection: close\r\n\r\n',
      );
      return;
    }
    const target = /^([^:]+|\[[^\]]+\]):(\d{1,5})$/.exec(req.url ?? '');
    if (!target) {
      settle(record, 400);
      client.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    const to = options.upstream(target[1]!.replace(/^\[|\]$/g, ''), Number(target[2]));
    const upstream = net.connect(to.port, to.host);
    sockets.add(upstream);
    upstream.on('error', () => {
      if (record.status === 0) {
        settle(record, 502);
        client.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      } else client.destroy();
    });
    upstream.on('connect', () => {
      settle(record, 200);
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as net.AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}`,
    port: address.port,
    records,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
