// The Azure Monitor side of the emulator: the DER encoder and certificates it mints, its listeners and scenarios,
// the CONNECT proxy stub, and the `emulate --ama` flags. No private key ever leaves memory.
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tls from 'node:tls';
import { integer, oid, sequence, time, tlv } from '../../src/emulator/ama/der.js';
import { splitAmaArgs, startAmaSide } from '../../src/emulator/ama/command.js';
import {
  createAmaPki,
  startAmaProxy,
  startAmaServers,
  type AmaServers,
} from '../../src/emulator/ama/index.js';

const pki = createAmaPki();
const HOST = 'global.handler.control.monitor.azure.com';

test('DER: lengths, integers, OIDs and times', () => {
  expect(tlv(0x04, Buffer.alloc(3)).subarray(0, 2)).toEqual(Buffer.from([0x04, 0x03]));
  expect(tlv(0x04, Buffer.alloc(200)).subarray(0, 3)).toEqual(Buffer.from([0x04, 0x81, 200]));
  expect(tlv(0x04, Buffer.alloc(300)).subarray(0, 4)).toEqual(Buffer.from([0x04, 0x82, 0x01, 0x2c]));
  expect(integer(Buffer.from([0x80]))).toEqual(Buffer.from([0x02, 0x02, 0x00, 0x80]));
  expect(integer(Buffer.from([0x00, 0x00, 0x7f]))).toEqual(Buffer.from([0x02, 0x01, 0x7f]));
  expect(oid('1.2.840.10045.4.3.2').toString('hex')).toBe('06082a8648ce3d040302');
  expect(time(new Date(Date.UTC(2026, 0, 2, 3, 4, 5))).toString('latin1')).toBe('\x17\x0d260102030405Z');
  expect(time(new Date(Date.UTC(2051, 0, 1))).toString('latin1')).toBe('\x18\x0f20510101000000Z');
  expect(sequence()).toEqual(Buffer.from([0x30, 0x00]));
});

test('certificates: a chain that verifies, SAN and CA flags as asked, expired when asked', () => {
  const leaf = pki.leaf('azure', HOST);
  const [leafPem, issuingPem] = leaf.cert.match(
    /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/g,
  )!;
  const l = new X509Certificate(leafPem!);
  const i = new X509Certificate(issuingPem!);
  const root = new X509Certificate(pki.azureRootPem);
  expect([l.subjectAltName, l.ca, i.ca, root.ca]).toEqual([`DNS:${HOST}`, false, true, true]);
  expect([l.checkIssued(i), i.checkIssued(root), l.verify(i.publicKey), i.verify(root.publicKey)]).toEqual([
    true,
    true,
    true,
    true,
  ]);
  expect(root.verify(root.publicKey)).toBe(true);
  expect(new Date(l.validTo).getTime()).toBeGreaterThan(Date.now());
  const expired = new X509Certificate(pki.leaf('expired', HOST).cert);
  expect(new Date(expired.validTo).getTime()).toBeLessThan(Date.now());
  // A leaf follows its listener's clock: the fresh one was issued 10 minutes before the server's now.
  const validFrom = (kind: 'fresh' | 'azure', shiftMs: number): number =>
    new Date(new X509Certificate(pki.leaf(kind, HOST, shiftMs).cert).validFrom).getTime();
  const MINUTE = 60_000;
  expect(Math.abs(validFrom('fresh', 0) - (Date.now() - 10 * MINUTE))).toBeLessThan(MINUTE);
  expect(Math.abs(validFrom('fresh', 20 * MINUTE) - (Date.now() + 10 * MINUTE))).toBeLessThan(MINUTE);
  expect(Math.abs(validFrom('azure', -20 * MINUTE) - (Date.now() - 80 * MINUTE))).toBeLessThan(MINUTE);
  const shiftedExpiry = new X509Certificate(pki.leaf('expired', HOST, 2 * 86_400_000).cert).validTo;
  expect(new Date(shiftedExpiry).getTime()).toBeGreaterThan(Date.now()); // expired yesterday by its server's clock
  expect(new X509Certificate(pki.leaf('wrong-host', HOST).cert).subjectAltName).toBe(
    'DNS:wrong-host.example.net',
  );
  expect(new X509Certificate(pki.leaf('inspection', HOST).cert).issuer).toContain('CN=Contoso Firewall CA');
  // The chain a server sends never includes the trusted root, and the roots handed out are certificates only.
  expect(leaf.cert).not.toContain(pki.azureRootPem.split('\n')[1]);
  expect(pki.azureRootPem + pki.inspectionRootPem).not.toMatch(/PRIVATE KEY/);
});

describe('listeners', () => {
  let servers: AmaServers;
  const port = (scenario: string): number => servers.listeners.find((l) => l.scenario === scenario)!.port;
  beforeAll(async () => {
    servers = await startAmaServers(
      [{ scenario: 'healthy' }, { scenario: 'silent' }, { scenario: 'tls11' }],
      pki,
    );
  });
  afterAll(() => servers.close());

  const connect = (p: number, extra: tls.ConnectionOptions = {}) =>
    new Promise<{ ok: boolean; version?: string | null; authorized?: boolean; code?: string }>((resolve) => {
      const s = tls.connect({
        host: '127.0.0.1',
        port: p,
        servername: HOST,
        ca: [pki.azureRootPem],
        ...extra,
      });
      const timer = setTimeout(() => (s.destroy(), resolve({ ok: false, code: 'TIMEOUT' })), 500);
      s.once('secureConnect', () => {
        clearTimeout(timer);
        resolve({ ok: true, version: s.getProtocol(), authorized: s.authorized });
        s.destroy();
      });
      s.once(
        'error',
        (e: NodeJS.ErrnoException) => (clearTimeout(timer), resolve({ ok: false, code: e.code })),
      );
    });

  test('healthy: a certificate for the SNI name, /ping Healthy, recorded with SNI', async () => {
    expect(await connect(port('healthy'))).toEqual({ ok: true, version: 'TLSv1.3', authorized: true });
    const body = await new Promise<string>((resolve, reject) => {
      const req = tls.connect(
        { host: '127.0.0.1', port: port('healthy'), servername: HOST, ca: [pki.azureRootPem] },
        () => {
          req.write(`GET /ping HTTP/1.1\r\nHost: ${HOST}\r\nConnection: close\r\n\r\n`);
        },
      );
      let text = '';
      req.on('data', (d: Buffer) => (text += d.toString()));
      req.on('end', () => resolve(text));
      req.on('error', reject);
    });
    expect(body).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(body.endsWith('Healthy')).toBe(true);
    expect(servers.records.filter((r) => r.kind === 'request').map((r) => [r.sni, r.path, r.status])).toEqual(
      [[HOST, '/ping', 200]],
    );
  });

  test('silent: accepts, records the connection, never handshakes', async () => {
    const before = servers.records.length;
    expect(await connect(port('silent'))).toEqual({ ok: false, code: 'TIMEOUT' });
    expect(servers.records.slice(before).map((r) => r.kind)).toEqual(['connection']);
  });

  test('tls11: refuses TLS 1.2+, speaks TLS 1.1 to a legacy client', async () => {
    expect((await connect(port('tls11'))).code).toBe('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION');
    const legacy = await connect(port('tls11'), {
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1.1',
      ciphers: 'DEFAULT@SECLEVEL=0',
      rejectUnauthorized: false,
    });
    expect(legacy.version).toBe('TLSv1.1');
  });
});

test('proxy stub: 407 without credentials, records no credential value, refuses non-CONNECT', async () => {
  const password = 'Stub-Password-123456789';
  const proxy = await startAmaProxy({
    credentials: { username: 'u', password },
    upstream: () => ({ host: '127.0.0.1', port: 1 }),
  });
  try {
    const connectWith = (auth: string | null) =>
      new Promise<number>((resolve) => {
        const req = http.request({
          host: '127.0.0.1',
          port: proxy.port,
          method: 'CONNECT',
          path: `${HOST}:443`,
          headers: auth ? { 'Proxy-Authorization': auth } : {},
        });
        req.on('connect', (res, socket: net.Socket) => (socket.destroy(), resolve(res.statusCode ?? 0)));
        req.on('response', (res) => resolve(res.statusCode ?? 0));
        req.on('error', () => resolve(-1));
        req.end();
      });
    expect(await connectWith(null)).toBe(407);
    expect(await connectWith('Basic eDp5')).toBe(407);
    const good = `Basic ${Buffer.from(`u:${password}`).toString('base64')}`;
    expect(await connectWith(good)).toBe(502); // upstream port 1 is closed
    const plain = await new Promise<number>((resolve) =>
      http.get(
        { host: '127.0.0.1', port: proxy.port, path: 'http://169.254.169.254/metadata/instance' },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      ),
    );
    expect(plain).toBe(502);
    expect(proxy.records.map((r) => [r.method, r.target, r.credentials, r.status])).toEqual([
      ['CONNECT', `${HOST}:443`, 'none', 407],
      ['CONNECT', `${HOST}:443`, 'rejected', 407],
      ['CONNECT', `${HOST}:443`, 'accepted', 502],
      ['GET', 'http://169.254.169.254/metadata/instance', 'none', 502],
    ]);
    expect(JSON.stringify(proxy.records)).not.toContain(password);
    expect(JSON.stringify(proxy.records)).not.toContain(good.slice(6));
  } finally {
    await proxy.close();
  }
});

describe('emulate --ama flags', () => {
  test('parsed out of argv; the rest is left for the IMDS emulator', () => {
    expect(
      splitAmaArgs([
        '--port',
        '0',
        '--ama',
        'healthy',
        '--ama=intercepted@127.0.2.1:443',
        '--ama',
        'healthy@127.0.4.1:443,date=-600',
        '--ama-proxy',
        '3128',
        '--ama-proxy-auth',
        'u:p:q',
        '--ama-roots',
        '/tmp/x',
        '--log',
      ]),
    ).toEqual({
      rest: ['--port', '0', '--log'],
      ama: {
        listeners: [
          { scenario: 'healthy', host: '127.0.0.1', port: 0, dateOffsetSeconds: 0 },
          { scenario: 'intercepted', host: '127.0.2.1', port: 443, dateOffsetSeconds: 0 },
          { scenario: 'healthy', host: '127.0.4.1', port: 443, dateOffsetSeconds: -600 },
        ],
        proxy: { host: '127.0.0.1', port: 3128 },
        proxyAuth: { username: 'u', password: 'p:q' },
        rootsDir: '/tmp/x',
      },
    });
    expect(splitAmaArgs(['--scenario', 'healthy'])).toEqual({ rest: ['--scenario', 'healthy'], ama: null });
  });
  test.each([
    [['--ama', 'nope'], /unknown AMA scenario 'nope'/],
    [['--ama', 'healthy@host'], /expected SCENARIO\[@HOST:PORT\]\[,date=SECONDS\]/],
    [['--ama', 'healthy,date=soon'], /unknown AMA scenario 'healthy,date=soon'/],
    [['--ama'], /--ama needs a value/],
    [['--ama-roots', '/tmp'], /need --ama/],
    [['--ama', 'healthy', '--ama-proxy-auth', 'nocolon'], /USER:PASS/],
    [['--ama', 'healthy', '--ama-proxy', '99999'], /\[HOST:\]PORT/],
  ])('%j is refused', (argv, message) => {
    const result = splitAmaArgs(argv);
    expect('error' in result && result.error).toMatch(message);
  });

  test('startAmaSide: listeners, proxy, roots written as public certificates only, logs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imdsck-ama-roots-'));
    const logged: string[] = [];
    const side = await startAmaSide(
      {
        listeners: [{ scenario: 'healthy', host: '127.0.0.1', port: 0 }],
        proxy: { host: '127.0.0.1', port: 0 },
        proxyAuth: null,
        rootsDir: dir,
      },
      (line) => logged.push(line),
    );
    try {
      expect(side.lines[0]).toMatch(/^ama healthy listening on https:\/\/127\.0\.0\.1:\d+$/);
      expect(side.lines[1]).toMatch(/^ama proxy listening on http:\/\/127\.0\.0\.1:\d+$/);
      expect(side.lines.at(-1)).toBe('ama ready');
      expect(readdirSync(dir).sort()).toEqual(['ama-inspection-root.pem', 'ama-test-azure-root.pem']);
      for (const f of readdirSync(dir)) {
        const text = readFileSync(join(dir, f), 'utf8');
        expect(text).not.toMatch(/PRIVATE KEY/);
        expect(new X509Certificate(text).ca).toBe(true);
      }
      const proxyPort = Number(/:(\d+)$/.exec(side.lines[1]!)![1]);
      await new Promise<void>((resolve) => {
        const req = http.request({
          host: '127.0.0.1',
          port: proxyPort,
          method: 'CONNECT',
          path: `${HOST}:443`,
        });
        req.on('connect', (_res, socket: net.Socket) => (socket.destroy(), resolve()));
        req.end();
      });
      await new Promise((r) => setTimeout(r, 50));
      expect(logged).toEqual(
        expect.arrayContaining([`ama-proxy CONNECT ${HOST}:443 credentials=none -> 200`]),
      );
      expect(logged.some((l) => /^ama connection 127\.0\.0\.1:\d+$/.test(l))).toBe(true);
    } finally {
      await side.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
