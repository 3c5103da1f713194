// httpGet against real servers on 127.0.0.1: every way an answer can end is a value, never a throw or a hang.
import http from 'node:http';
import { classifySocketError } from '../../../src/core/imds/failures.js';
import {
  header,
  headerText,
  headerValues,
  httpGet,
  type GetRequest,
  type HttpResult,
} from '../../../src/core/imds/http.js';
import { closedPort, httpServer, rawServer, type Loopback } from '../../helpers/loopback.js';

const HANG_BOUND_MS = 5_000;
const servers: Loopback[] = [];
const agents: http.Agent[] = [];

afterEach(async () => {
  for (const a of agents.splice(0)) a.destroy();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function request(port: number, over: Partial<GetRequest> & { connectHosts?: string[] } = {}): GetRequest {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  agents.push(agent);
  const { connectHosts = ['127.0.0.1'], ...rest } = over;
  return {
    connection: { agent, connectHosts, port },
    body: 'whole',
    hostHeader: '169.254.169.254',
    path: '/metadata/instance?api-version=2021-02-01',
    headers: { Metadata: 'true' },
    connectTimeoutMs: 2_000,
    headersTimeoutMs: 2_000,
    bodyTimeoutMs: 2_000,
    remainingMs: 30_000,
    maxBodyBytes: 1024 * 1024,
    ...rest,
  };
}

async function get(
  port: number,
  over: Partial<GetRequest> & { connectHosts?: string[] } = {},
): Promise<{ result: HttpResult; ms: number }> {
  const started = Date.now();
  const result = await httpGet(request(port, over));
  return { result, ms: Date.now() - started };
}

async function serve<T extends Loopback>(s: Promise<T>): Promise<T> {
  const server = await s;
  servers.push(server);
  return server;
}

describe('httpGet answers', () => {
  it('returns status, body and lower-cased headers; sends GET with Metadata and the Host header', async () => {
    const seen: http.IncomingMessage[] = [];
    const s = await serve(
      httpServer((req, res) => {
        seen.push(req);
        res.setHeader('Server', 'IMDS/150.870.65.1475');
        res.setHeader('Content-Type', 'application/json');
        res.end('{"compute":{"vmId":"v"}}');
      }),
    );
    const { result } = await get(s.port);
    expect(result).toMatchObject({ kind: 'answer', status: 200, body: '{"compute":{"vmId":"v"}}' });
    if (result.kind === 'answer') {
      expect(result.headers.get('server')).toEqual(['IMDS/150.870.65.1475']);
      expect(result.headers.get('content-type')).toEqual(['application/json']);
    }
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('GET');
    expect(seen[0]!.url).toBe('/metadata/instance?api-version=2021-02-01');
    expect(seen[0]!.headers['metadata']).toBe('true');
    expect(seen[0]!.headers['host']).toBe('169.254.169.254');
    expect(seen[0]!.headers['x-forwarded-for']).toBeUndefined();
  });

  it('keeps every value of a repeated header', async () => {
    const s = await serve(
      httpServer((_, res) => {
        res.setHeader('WWW-Authenticate', ['Basic realm=/a.key', 'Basic realm=/b.key']);
        res.statusCode = 401;
        res.end();
      }),
    );
    const { result } = await get(s.port);
    expect(result).toMatchObject({ kind: 'answer', status: 401 });
    if (result.kind === 'answer')
      expect(result.headers.get('www-authenticate')).toEqual(['Basic realm=/a.key', 'Basic realm=/b.key']);
  });

  // Issue 17: the header table was a plain object, so `constructor: x` crashed (`.push is not a function`).
  it('headers named like Object.prototype members are headers like any other', async () => {
    const names = ['constructor', 'Constructor', '__proto__', 'hasOwnProperty', 'toString', 'VALUEOF'];
    const lines = names.map((name, i) => `${name}: v${i}\r\n`).join('');
    const s = await serve(
      rawServer((socket) =>
        socket.end(`HTTP/1.1 200 OK\r\n${lines}Content-Length: 2\r\nConnection: close\r\n\r\n{}`),
      ),
    );
    const { result } = await get(s.port);
    expect(result).toMatchObject({ kind: 'answer', status: 200, body: '{}' });
    if (result.kind !== 'answer') return;
    expect(header(result, 'constructor')).toBe('v0');
    expect(headerValues(result, 'CONSTRUCTOR')).toEqual(['v0', 'v1']);
    expect(headerText(result, '__proto__')).toBe('v2');
    expect(header(result, 'hasownproperty')).toBe('v3');
    expect(header(result, 'toString')).toBe('v4');
    expect(header(result, 'valueOf')).toBe('v5');
    expect(header(result, 'isPrototypeOf')).toBe('');
    expect(headerValues(result, '__defineGetter__')).toEqual([]);
  });

  it('reads an error status with its body', async () => {
    const s = await serve(
      httpServer((_, res) => res.writeHead(429, { 'Retry-After': '3' }).end('{"error":"Too many requests"}')),
    );
    const { result } = await get(s.port);
    expect(result).toMatchObject({ kind: 'answer', status: 429, body: '{"error":"Too many requests"}' });
  });

  it('falls through a refused first host to the second (server bound to 127.0.0.1 only)', async () => {
    const s = await serve(httpServer((_, res) => res.end('ok')));
    const { result } = await get(s.port, { connectHosts: ['127.0.0.2', '127.0.0.1'] });
    expect(result).toMatchObject({ kind: 'answer', status: 200, body: 'ok' });
  });

  it('never goes through the proxy named in HTTP_PROXY', async () => {
    const proxy = await serve(
      rawServer((socket) => socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n')),
    );
    const s = await serve(httpServer((_, res) => res.end('direct')));
    const saved = { ...process.env };
    Object.assign(process.env, {
      HTTP_PROXY: `http://127.0.0.1:${proxy.port}`,
      http_proxy: `http://127.0.0.1:${proxy.port}`,
      ALL_PROXY: `http://127.0.0.1:${proxy.port}`,
      NODE_USE_ENV_PROXY: '1',
    });
    try {
      const { result } = await get(s.port);
      expect(result).toMatchObject({ kind: 'answer', status: 200, body: 'direct' });
    } finally {
      for (const k of ['HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'NODE_USE_ENV_PROXY']) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
    expect(proxy.connections()).toBe(0);
  });
});

describe('httpGet failures', () => {
  it('a closed port → connection_refused', async () => {
    const port = await closedPort();
    const { result, ms } = await get(port);
    expect(result).toMatchObject({
      kind: 'failure',
      failure: 'connection_refused',
      errno: 'ECONNREFUSED',
      status: null,
    });
    expect(ms).toBeLessThan(HANG_BOUND_MS);
  });

  it('all hosts refused → connection_refused from the last', async () => {
    const port = await closedPort();
    const { result } = await get(port, { connectHosts: ['127.0.0.2', '127.0.0.1'] });
    expect(result).toMatchObject({ kind: 'failure', failure: 'connection_refused' });
  });

  it('no hosts → network_unreachable', async () => {
    const { result } = await get(1, { connectHosts: [] });
    expect(result).toMatchObject({ kind: 'failure', failure: 'network_unreachable' });
  });

  it('accepted but silent → no_response after headersTimeoutMs', async () => {
    const s = await serve(rawServer(() => undefined));
    const { result, ms } = await get(s.port, { headersTimeoutMs: 300 });
    expect(result).toMatchObject({ kind: 'failure', failure: 'no_response', status: null });
    expect(ms).toBeLessThan(HANG_BOUND_MS);
  });

  it('headers then a trickle → body_timeout after bodyTimeoutMs, with the status', async () => {
    const timers: NodeJS.Timeout[] = [];
    const s = await serve(
      httpServer((_, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.write('{');
        timers.push(setInterval(() => !res.destroyed && res.write(' '), 100));
      }),
    );
    try {
      const { result, ms } = await get(s.port, { bodyTimeoutMs: 300 });
      expect(result).toMatchObject({ kind: 'failure', failure: 'body_timeout', status: 200 });
      expect(ms).toBeLessThan(HANG_BOUND_MS);
    } finally {
      timers.forEach(clearInterval);
    }
  });

  it('a body over maxBodyBytes → body_too_large, with the status', async () => {
    const s = await serve(httpServer((_, res) => res.end('x'.repeat(5000))));
    const { result } = await get(s.port, { maxBodyBytes: 1000 });
    expect(result).toMatchObject({ kind: 'failure', failure: 'body_too_large', status: 200 });
  });

  it('a body exactly at maxBodyBytes is read', async () => {
    const s = await serve(httpServer((_, res) => res.end('x'.repeat(1000))));
    const { result } = await get(s.port, { maxBodyBytes: 1000 });
    expect(result).toMatchObject({ kind: 'answer', status: 200 });
  });

  it.each([
    [
      'closed after the request arrives',
      (socket: import('node:net').Socket) => socket.once('data', () => socket.destroy()),
    ],
    [
      'reset after the request arrives',
      (socket: import('node:net').Socket) => socket.once('data', () => socket.resetAndDestroy()),
    ],
    [
      'closed mid-body',
      (socket: import('node:net').Socket) =>
        socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"compute"')),
    ],
  ])('a socket %s → connection_reset', async (_, onConnection) => {
    const s = await serve(rawServer(onConnection));
    const { result, ms } = await get(s.port);
    expect(result).toMatchObject({ kind: 'failure', failure: 'connection_reset' });
    expect(ms).toBeLessThan(HANG_BOUND_MS);
  });

  it('garbage instead of HTTP → protocol_error', async () => {
    const s = await serve(
      rawServer((socket) => socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n'))),
    );
    const { result } = await get(s.port);
    expect(result).toMatchObject({ kind: 'failure', failure: 'protocol_error' });
    if (result.kind === 'failure') expect(result.errno).toMatch(/^HPE_/);
  });
});

describe('classifySocketError', () => {
  it.each([
    ['ECONNREFUSED', 'connect', 'connection_refused'],
    ['ENETUNREACH', 'connect', 'network_unreachable'],
    ['EHOSTUNREACH', 'connect', 'network_unreachable'],
    ['ETIMEDOUT', 'connect', 'connect_timeout'],
    ['ETIMEDOUT', 'headers', 'no_response'],
    ['ECONNRESET', 'headers', 'connection_reset'],
    ['ECONNRESET', 'body', 'connection_reset'],
    ['EPIPE', 'headers', 'connection_reset'],
    ['HPE_INVALID_CONSTANT', 'headers', 'protocol_error'],
    ['HPE_INVALID_STATUS', 'body', 'protocol_error'],
    ['EWHATEVER', 'connect', 'network_unreachable'],
    ['EWHATEVER', 'body', 'connection_reset'],
  ] as const)('%s during %s → %s', (errno, phase, expected) => {
    expect(classifySocketError(errno, phase)).toBe(expected);
  });
});

describe('the run deadline caps every phase, not only the first', () => {
  // The headers come 0.3 s in, well inside the run's 3 s, so a loaded machine still reads them in time; the
  // body then trickles. Without the cap the body phase alone would take its full 20 s.
  test('slow headers then a trickling body end when the run is out of time', async () => {
    const server = http.createServer((_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { 'Content-Length': '1000' });
        const drip = setInterval(() => res.write('x'), 100);
        res.on('close', () => clearInterval(drip));
      }, 300);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    try {
      const started = Date.now();
      const result = await httpGet(
        request(port, { headersTimeoutMs: 20_000, bodyTimeoutMs: 20_000, remainingMs: 3_000 }),
      );
      const took = Date.now() - started;
      expect(result).toMatchObject({ kind: 'failure', failure: 'body_timeout', status: 200 });
      expect(took).toBeGreaterThanOrEqual(2_900);
      expect(took).toBeLessThan(10_000);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 30_000);
});
