import {
  agentBypassCovers,
  noProxyCovers,
  noProxyValue,
  proxySettings,
} from '../../../src/core/proxy/no-proxy.js';

describe('proxySettings', () => {
  it.each([['HTTP_PROXY'], ['http_proxy'], ['HTTPS_PROXY'], ['https_proxy'], ['ALL_PROXY'], ['all_proxy']])(
    'finds %s',
    (name) => {
      expect(proxySettings({ [name]: 'http://proxy:3128' }, null)).toEqual([
        { source: name, url: 'http://proxy:3128' },
      ]);
    },
  );

  it('finds every variable set, in either case, and the agent proxy', () => {
    const found = proxySettings(
      { HTTP_PROXY: 'http://a:1', https_proxy: 'http://b:2', PATH: '/bin' },
      { source: 'agent proxy', url: 'http://agent:8888', bypass: [] },
    );
    expect(found.map((f) => f.source).sort()).toEqual(['HTTP_PROXY', 'agent proxy', 'https_proxy'].sort());
    expect(found.find((f) => f.source === 'agent proxy')?.url).toBe('http://agent:8888');
  });

  it('ignores empty and whitespace-only values and an agent proxy without url', () => {
    expect(
      proxySettings(
        { HTTP_PROXY: '', https_proxy: '   ', ALL_PROXY: undefined },
        { source: 'agent proxy', url: ' ', bypass: [] },
      ),
    ).toEqual([]);
  });

  it('ignores NO_PROXY and unrelated variables', () => {
    expect(proxySettings({ NO_PROXY: '*', FTP_PROXY: 'http://f:21' }, null)).toEqual([]);
  });
});

describe('noProxyValue', () => {
  it('merges NO_PROXY and no_proxy', () => {
    expect(noProxyValue({ NO_PROXY: 'a', no_proxy: 'b' })).toBe('a,b');
    expect(noProxyValue({ no_proxy: 'b' })).toBe('b');
    expect(noProxyValue({})).toBe('');
  });
});

describe('noProxyCovers', () => {
  const IMDS = '169.254.169.254';
  it.each<[string, string, boolean]>([
    // exact host
    ['169.254.169.254', IMDS, true],
    ['localhost', 'localhost', true],
    ['LOCALHOST', 'localhost', true],
    ['127.0.0.1', '127.0.0.1', true],
    ['127.0.0.1', 'localhost', false],
    ['169.254.169.25', IMDS, false],
    ['169.254.169.2544', IMDS, false],
    // leading dot and *. suffixes
    ['.example.com', 'a.example.com', true],
    ['.example.com', 'example.com', true],
    ['.example.com', 'badexample.com', false],
    ['*.example.com', 'a.b.example.com', true],
    ['*.example.com', 'badexample.com', false],
    // everything
    ['*', IMDS, true],
    ['*', 'localhost', true],
    // CIDR
    ['169.254.0.0/16', IMDS, true],
    ['169.254.169.254/32', IMDS, true],
    ['169.254.169.0/24', IMDS, true],
    ['169.254.169.255/32', IMDS, false],
    ['10.0.0.0/8', IMDS, false],
    ['0.0.0.0/0', IMDS, true],
    ['127.0.0.0/8', '127.0.0.1', true],
    ['169.254.0.0/16', 'localhost', false],
    ['169.254.0.0/33', IMDS, false],
    // ports in entries are ignored
    ['169.254.169.254:80', IMDS, true],
    ['localhost:40342', 'localhost', true],
    // IPv6
    ['[::1]', '::1', true],
    ['[::1]:40342', '::1', true],
    ['::1', '::1', true],
    ['::1', '127.0.0.1', false],
    // whitespace and separators
    [' localhost , 169.254.169.254 ', IMDS, true],
    ['localhost 169.254.169.254', IMDS, true],
    ['localhost,,\t169.254.169.254', IMDS, true],
    ['', IMDS, false],
    [' , ', IMDS, false],
    ['localhost,.corp.example', IMDS, false],
  ])('NO_PROXY=%j covers %s: %s', (noProxy, host, covers) => {
    expect(noProxyCovers(noProxy, host)).toBe(covers);
  });
});

describe('agentBypassCovers', () => {
  it.each<[string[], string, boolean]>([
    [['169\\.254\\.169\\.254'], '169.254.169.254', true],
    [['^169\\.254\\.'], '169.254.169.254', true],
    [['localhost'], 'localhost', true],
    [['LOCALHOST'], 'localhost', true],
    [['127\\.0\\.0\\.1'], '127.0.0.1', true],
    [['.*\\.corp\\.example$'], '169.254.169.254', false],
    [[], '169.254.169.254', false],
    [['^10\\.'], '169.254.169.254', false],
    // an invalid regular expression does not throw and does not hide the valid entries after it
    [['([', '169\\.254\\.169\\.254'], '169.254.169.254', true],
    [['(['], '169.254.169.254', false],
    [['[localhost'], 'localhost', false],
  ])('bypass %j covers %s: %s', (bypass, host, covers) => {
    expect(agentBypassCovers(bypass, host)).toBe(covers);
  });
});
