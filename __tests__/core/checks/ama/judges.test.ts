// The pure parts of the ama check: host lists, address classes against private-link, the TLS and HTTP judges.
import { isPrivateAddress, judgeAddresses } from '../../../../src/core/checks/ama/addresses.js';
import { monitorSuffix as cloudSuffix } from '../../../../src/core/clouds.js';
import { amaHosts, isHandlerHost, regionLabel } from '../../../../src/core/checks/ama/hosts.js';
import { judgeHttp } from '../../../../src/core/checks/ama/http-judge.js';
import {
  chainWindow,
  isOldProtocolError,
  judgeHandshake,
  type ChainCert,
} from '../../../../src/core/checks/ama/tls-judge.js';

describe('hosts', () => {
  test('handlers, workspaces, DCEs; duplicates once; handler DCEs get /ping', () => {
    const hosts = amaHosts(
      'eastus',
      'com',
      ['aaaaaaaa-1111-2222-3333-444444444444'],
      [
        'd-1.eastus-1.handler.control.monitor.azure.com',
        'd-1.eastus-1.ingest.monitor.azure.com',
        'global.handler.control.monitor.azure.com',
      ],
    );
    expect(hosts.map((h) => [h.host, h.purpose, h.handler])).toEqual([
      ['global.handler.control.monitor.azure.com', 'global handler', true],
      ['eastus.handler.control.monitor.azure.com', 'regional handler', true],
      ['aaaaaaaa-1111-2222-3333-444444444444.ods.opinsights.azure.com', 'Log Analytics workspace', false],
      ['d-1.eastus-1.handler.control.monitor.azure.com', 'data collection endpoint', true],
      ['d-1.eastus-1.ingest.monitor.azure.com', 'data collection endpoint', false],
    ]);
    expect(hosts.every((h) => h.required)).toBe(true);
  });
  test('cloud suffixes and region spelling', () => {
    expect(
      ['AzurePublicCloud', 'AzureUSGovernmentCloud', 'AzureChinaCloud', ' azurepubliccloud '].map(
        cloudSuffix,
      ),
    ).toEqual(['com', 'us', 'cn', 'com']);
    expect([cloudSuffix('AzureStackCloud'), cloudSuffix(''), cloudSuffix('usnat')]).toEqual([
      null,
      null,
      null,
    ]);
    expect([
      regionLabel('WestEurope'),
      regionLabel(''),
      regionLabel('west-europe'),
      regionLabel('a.b'),
    ]).toEqual(['westeurope', null, null, null]);
    expect(isHandlerHost('x.handler.control.monitor.azure.us')).toBe(true);
    expect(isHandlerHost('x.ods.opinsights.azure.com')).toBe(false);
  });
});

describe('addresses', () => {
  test.each([
    ['10.0.0.4', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['100.64.0.1', true],
    ['100.128.0.1', false],
    ['20.50.2.1', false],
    ['127.0.0.1', false],
    ['fd12:3456::1', true],
    ['fc00::1', true],
    ['2603:1030::1', false],
    ['::ffff:10.1.2.3', true],
    ['::1', false],
    ['not-an-ip', false],
  ])('%s private=%s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });

  test('private-link true/false/auto against what resolved', () => {
    expect(judgeAddresses(['10.0.0.5'], 'true', false)).toMatchObject({ private: true, failure: null });
    expect(judgeAddresses(['10.0.0.5', '20.1.1.1'], 'true', false).failure?.code).toBe(
      'ama_private_link_public',
    );
    expect(judgeAddresses(['20.1.1.1'], 'true', false).failure?.reason).toBe(
      'private link expected, but it resolves to 20.1.1.1, which is not a private address',
    );
    expect(judgeAddresses(['10.0.0.5'], 'false', false).failure?.code).toBe('ama_private_link_private');
    expect(judgeAddresses(['20.1.1.1'], 'false', false)).toMatchObject({ private: false, failure: null });
    expect(judgeAddresses(['10.0.0.5'], 'auto', false)).toMatchObject({
      private: true,
      failure: null,
      note: 'resolves to 10.0.0.5 (private)',
    });
    expect(judgeAddresses(['20.1.1.1'], 'auto', false).note).toBe('resolves to 20.1.1.1 (not private)');
  });

  test('nothing resolved: a failure, except through a proxy without private link', () => {
    expect(judgeAddresses([], 'auto', false, 'ENOTFOUND').failure).toEqual({
      code: 'ama_dns_failed',
      reason: 'the name did not resolve (ENOTFOUND)',
    });
    expect(judgeAddresses([], 'auto', true, 'EAI_AGAIN')).toMatchObject({ failure: null, private: null });
    expect(judgeAddresses([], 'false', true)).toMatchObject({ failure: null });
    expect(judgeAddresses([], 'true', true).failure?.code).toBe('ama_dns_failed');
  });
});

describe('TLS judge', () => {
  const AZURE = 'A'.repeat(64);
  const roots = new Set([AZURE]);
  const dates = { validFrom: 0, validTo: 1 };
  const chain = (top: string, issuer = 'Microsoft Azure RSA TLS Issuing CA 03'): ChainCert[] => [
    { subject: 'global.handler.control.monitor.azure.com', issuer, fingerprint: '1'.repeat(64), ...dates },
    { subject: issuer, issuer: 'DigiCert Global Root G2', fingerprint: '2'.repeat(64), ...dates },
    { subject: 'DigiCert Global Root G2', issuer: 'DigiCert Global Root G2', fingerprint: top, ...dates },
  ];
  const facts = (over: object) => ({
    protocol: 'TLSv1.3',
    authorized: true,
    authorizationError: null,
    chain: chain(AZURE),
    ...over,
  });

  test('verified chain ending at an Azure root passes', () => {
    expect(judgeHandshake(facts({}), roots)).toEqual({
      tls: {
        version: 'TLSv1.3',
        verified: true,
        issuer: 'Microsoft Azure RSA TLS Issuing CA 03',
        root: 'DigiCert Global Root G2',
        intercepted: false,
      },
      failure: null,
    });
  });
  test('verified chain ending elsewhere is inspection, naming the issuer and the root', () => {
    const v = judgeHandshake(facts({ chain: chain('B'.repeat(64), 'Contoso Issuing CA') }), roots);
    expect(v.failure).toEqual({
      code: 'ama_tls_inspected',
      reason: "TLS intercepted by 'Contoso Issuing CA' (root 'DigiCert Global Root G2')",
    });
    expect(v.tls.intercepted).toBe(true);
  });
  test('host name error: inspection when the root is not Azure, else the host-name code', () => {
    const mismatch = { authorized: false, authorizationError: 'ERR_TLS_CERT_ALTNAME_INVALID' };
    expect(judgeHandshake(facts(mismatch), roots).failure?.code).toBe('ama_tls_hostname');
    expect(judgeHandshake(facts({ ...mismatch, chain: chain('C'.repeat(64)) }), roots).failure?.code).toBe(
      'ama_tls_inspected',
    );
  });
  test.each([
    ['CERT_HAS_EXPIRED', 'ama_tls_expired', 'is expired'],
    ['CERT_NOT_YET_VALID', 'ama_tls_expired', 'is not yet valid'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'ama_tls_untrusted', 'is not trusted (SELF_SIGNED_CERT_IN_CHAIN)'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'ama_tls_untrusted', 'is not trusted'],
  ])('%s → %s', (error, code, words) => {
    const v = judgeHandshake(
      facts({ authorized: false, authorizationError: error, chain: chain('D'.repeat(64)) }),
      roots,
    );
    expect(v.failure?.code).toBe(code);
    expect(v.failure?.reason).toContain(words);
    expect(v.tls.intercepted).toBe(false);
  });
  test('old-protocol handshake errors', () => {
    expect(isOldProtocolError('ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION')).toBe(true);
    expect(isOldProtocolError('ERR_SSL_UNSUPPORTED_PROTOCOL')).toBe(true);
    expect(isOldProtocolError('ERR_SSL_WRONG_VERSION_NUMBER')).toBe(false);
    expect(isOldProtocolError('ECONNRESET')).toBe(false);
  });
});

describe('chain window', () => {
  const cert = (validFrom: number | null, validTo: number | null): ChainCert => ({
    subject: 's',
    issuer: 'i',
    fingerprint: 'F'.repeat(64),
    validFrom,
    validTo,
  });

  test('every certificate is valid from the latest notBefore to the earliest notAfter', () => {
    expect(chainWindow([cert(100, 900), cert(50, 1000), cert(0, 700)])).toEqual({ from: 100, to: 700 });
  });

  test('an unreadable date, or no chain at all, gives no window', () => {
    expect(chainWindow([cert(100, 900), cert(null, 1000)])).toBeNull();
    expect(chainWindow([cert(100, null)])).toBeNull();
    expect(chainWindow([])).toBeNull();
  });
});

describe('HTTP judge', () => {
  const seen = (status: number, body: string, headers: Record<string, string> = {}) => ({
    status,
    body,
    headers: new Map(Object.entries(headers).map(([name, value]) => [name, [value]])),
  });
  test('handler /ping must say Healthy', () => {
    expect(judgeHttp(seen(200, 'Healthy'), true, '/ping')).toEqual({
      failure: null,
      summary: 'GET /ping answered Healthy',
    });
    expect(judgeHttp(seen(200, ' Healthy\n'), true, '/ping').failure).toBeNull();
    expect(judgeHttp(seen(503, 'Unhealthy'), true, '/ping').failure).toEqual({
      code: 'ama_ping_unhealthy',
      reason: "GET /ping answered HTTP 503 with 'Unhealthy', not Healthy",
    });
    expect(judgeHttp(seen(200, ''), true, '/ping').failure?.reason).toContain('an empty body');
  });
  test('other hosts: any answer counts', () => {
    expect(judgeHttp(seen(401, '{"error":{}}'), false, '/')).toEqual({
      failure: null,
      summary: 'GET / answered HTTP 401',
    });
    expect(judgeHttp(seen(404, ''), false, '/').failure).toBeNull();
  });
  test('407, Via and HTML mean something else answered', () => {
    for (const handler of [true, false]) {
      expect(judgeHttp(seen(407, ''), handler, '/').failure?.code).toBe('ama_not_azure_answer');
      expect(judgeHttp(seen(200, 'Healthy', { via: '1.1 squid' }), handler, '/').failure?.reason).toContain(
        "'1.1 squid'",
      );
      expect(
        judgeHttp(seen(200, '<html><title>Blocked</title></html>'), handler, '/').failure?.reason,
      ).toContain("an HTML page came back titled 'Blocked' (HTTP 200)");
      expect(judgeHttp(seen(403, 'x', { 'content-type': 'text/html' }), handler, '/').failure?.code).toBe(
        'ama_not_azure_answer',
      );
    }
  });
});
