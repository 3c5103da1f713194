// Endpoint URLs: where to connect, what counts as loopback (the Arc key file is only sent there), and how a
// URL with credentials is refused and shown.
import {
  decodedOrNull,
  hasUserInfo,
  isLoopbackAddress,
  parseEndpoint,
  validateBaseUrl,
  withoutUserInfo,
  writtenUserInfo,
} from '../../../src/core/imds/endpoint.js';

describe('parseEndpoint', () => {
  it.each([
    ['http://169.254.169.254', ['169.254.169.254'], 80, '169.254.169.254'],
    ['http://localhost:40342', ['127.0.0.1', '::1'], 40342, 'localhost:40342'],
    ['http://LOCALHOST:40342', ['127.0.0.1', '::1'], 40342, 'localhost:40342'],
    ['http://127.0.0.1:9000', ['127.0.0.1'], 9000, '127.0.0.1:9000'],
    ['http://[::1]:9000', ['::1'], 9000, '[::1]:9000'],
  ] as const)('%s → connect %j port %i, Host %s', (base, hosts, port, hostHeader) => {
    expect(parseEndpoint(base)).toEqual({
      base: `http://${hostHeader}`,
      connectHosts: hosts,
      port,
      hostHeader,
    });
  });
});

describe('isLoopbackAddress', () => {
  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '127.255.255.255',
    '::1',
    '[::1]',
    'localhost',
    'LOCALHOST',
    'localhost.',
  ])('%s is loopback', (host) => expect(isLoopbackAddress(host)).toBe(true));

  it.each([
    '169.254.169.254',
    '10.0.0.4',
    '0.0.0.0',
    '::',
    'localhost.evil.example',
    '127.0.0.1.nip.io',
    'evil-localhost',
    '128.0.0.1',
    '127.0.0',
    '',
  ])('%s is not loopback', (host) => expect(isLoopbackAddress(host)).toBe(false));
});

describe('validateBaseUrl', () => {
  it.each([
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
    ['http://LOCALHOST:40342', 'http://localhost:40342'],
    ['http://169.254.169.254:80', 'http://169.254.169.254'],
  ])('%s → %s', (value, base) => expect(validateBaseUrl(value)).toBe(base));

  it.each([
    'https://127.0.0.1',
    'http://127.0.0.1/metadata',
    'http://127.0.0.1/?q=1',
    'http://127.0.0.1/#f',
    'http://user:pw@127.0.0.1',
    'http://user@127.0.0.1',
    '127.0.0.1:80',
    '',
  ])('%s is refused', (value) => expect(validateBaseUrl(value)).toBeNull());
});

describe('user-info in a URL', () => {
  it.each([
    ['http://user:S3cret@127.0.0.1:8080', 'http://***@127.0.0.1:8080'],
    ['http://user@127.0.0.1:8080', 'http://***@127.0.0.1:8080'],
    ['http://:S3cret@host:1/', 'http://***@host:1/'],
    ['http://u:p%40ss@host:1', 'http://***@host:1'],
    // Not parseable as a URL, still recognisable as user-info.
    ['http://u:S3cret@exa mple:1', 'http://***@exa mple:1'],
  ])('%s is detected and shown as %s', (value, shown) => {
    expect(hasUserInfo(value)).toBe(true);
    expect(withoutUserInfo(value)).toBe(shown);
    expect(withoutUserInfo(value)).not.toMatch(/S3cret|p%40ss|user/);
  });

  it.each(['http://127.0.0.1:8080', 'not a url'])('%s has none and is shown unchanged', (value) => {
    expect(hasUserInfo(value)).toBe(false);
    expect(withoutUserInfo(value)).toBe(value);
  });

  // A URL parser reads these as a path or query; shown, everything up to the last '@' is hidden all the same,
  // since the same text could be a password holding '/' or '?'.
  it.each([
    ['http://host/path@x', 'http://***@x'],
    ['http://host/?a=b@c', 'http://***@c'],
  ])('%s parses without user-info and is shown as %s', (value, shown) => {
    expect(hasUserInfo(value)).toBe(false);
    expect(withoutUserInfo(value)).toBe(shown);
  });

  // Issue 17: a password with '#', '/', '?', '@' or a bad '%' was echoed (the authority ended early).
  it.each([
    'http://proxyuser:Tr0ub4dor#Secret@proxy.corp:3128',
    'http://proxyuser:Tr0ub4dor/Secret@proxy.corp:3128',
    'http://proxyuser:Tr0ub4dor?Secret@proxy.corp:3128',
    'http://proxyuser:Tr0ub4dor@Secret@proxy.corp:3128',
    'http://proxyuser:Tr0ub4dor%Secret@proxy.corp:3128',
    'http://proxyuser:Tr0ub4dor%zzSecret@proxy.corp:3128/x?y#z',
    'proxyuser:Tr0ub4dor#Secret@proxy.corp:3128',
  ])('%s: user-info found, and shown without it', (value) => {
    if (value.startsWith('http://')) expect(hasUserInfo(value)).toBe(true);
    expect(withoutUserInfo(value)).toMatch(/^(http:\/\/)?\*\*\*@proxy\.corp:3128/);
    expect(withoutUserInfo(value)).not.toMatch(/Tr0ub|Secret|proxyuser/);
    expect(writtenUserInfo(value)).toEqual({
      user: 'proxyuser',
      password: value.slice(value.indexOf('Tr0ub'), value.lastIndexOf('@')),
    });
  });

  it('malformed escapes decode to null instead of throwing', () => {
    expect(decodedOrNull('P%40ss')).toBe('P@ss');
    expect(decodedOrNull('100%')).toBeNull();
    expect(decodedOrNull('%zz')).toBeNull();
    expect(decodedOrNull('%E0%A4%A')).toBeNull();
  });
});
