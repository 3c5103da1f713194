import type { ProbeOptions } from '../../../../src/core/types.js';
import { check } from './harness.js';

describe('environmentCheck: proxy warning', () => {
  it.each<[string, Record<string, string>, string]>([
    ['no NO_PROXY', { HTTP_PROXY: 'http://proxy:3128' }, 'NO_PROXY=169.254.169.254'],
    [
      'NO_PROXY without IMDS',
      { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'localhost,.corp.example' },
      'NO_PROXY=localhost,.corp.example,169.254.169.254',
    ],
    [
      'lower-case variables',
      { http_proxy: 'http://proxy:3128', no_proxy: '.corp.example' },
      'NO_PROXY=.corp.example,169.254.169.254',
    ],
    [
      'ALL_PROXY',
      { ALL_PROXY: 'socks5://proxy:1080', NO_PROXY: '10.0.0.0/8' },
      'NO_PROXY=10.0.0.0/8,169.254.169.254',
    ],
    [
      'NO_PROXY and no_proxy with the same value',
      { HTTP_PROXY: 'http://p:1', NO_PROXY: 'localhost', no_proxy: 'localhost' },
      'NO_PROXY=localhost,169.254.169.254',
    ],
  ])('VM, %s → warn with the exact fix', async (_, env, fix) => {
    const r = await check({ env });
    expect(r.check).toMatchObject({ status: 'warn', code: 'proxy_without_imds_bypass' });
    expect(r.check.remediation).toContain(`${fix} `);
    expect(r.check.message).toMatch(/directly/);
  });

  it.each<[string, Record<string, string>, string]>([
    ['no NO_PROXY', { HTTP_PROXY: 'http://proxy:3128' }, 'NO_PROXY=localhost,127.0.0.1'],
    [
      'NO_PROXY=localhost',
      { HTTP_PROXY: 'http://proxy:3128', NO_PROXY: 'localhost' },
      'NO_PROXY=localhost,127.0.0.1',
    ],
    [
      'NO_PROXY=.corp',
      { HTTP_PROXY: 'http://proxy:3128', NO_PROXY: '.corp' },
      'NO_PROXY=.corp,localhost,127.0.0.1',
    ],
  ])('Arc, %s → warn listing localhost and 127.0.0.1', async (_, env, fix) => {
    const r = await check({ env, opts: { mode: 'arc' } });
    expect(r.check).toMatchObject({ status: 'warn', code: 'proxy_without_imds_bypass' });
    expect(r.check.remediation).toContain(`${fix} `);
    expect(r.check.remediation).not.toContain('169.254.169.254,');
  });

  it.each<[string, Record<string, string>, Partial<ProbeOptions>]>([
    [
      'NO_PROXY with the IMDS address',
      { HTTP_PROXY: 'http://p:1', NO_PROXY: 'localhost,169.254.169.254' },
      {},
    ],
    ['NO_PROXY with a CIDR', { HTTP_PROXY: 'http://p:1', no_proxy: '169.254.0.0/16' }, {}],
    ['NO_PROXY=*', { HTTPS_PROXY: 'http://p:1', NO_PROXY: '*' }, {}],
    [
      'Arc NO_PROXY with both loopback names',
      { HTTP_PROXY: 'http://p:1', NO_PROXY: 'localhost,127.0.0.1' },
      { mode: 'arc' },
    ],
    [
      'Arc NO_PROXY with a loopback CIDR',
      { HTTP_PROXY: 'http://p:1', NO_PROXY: 'localhost,127.0.0.0/8' },
      { mode: 'arc' },
    ],
  ])('%s → pass', async (_, env, opts) => {
    const r = await check({ env, opts });
    expect(r.check).toMatchObject({ status: 'pass', code: 'ok' });
    expect(r.check.message).toMatch(/covers/);
  });

  it('no proxy at all → pass and says so', async () => {
    const r = await check({ env: { NO_PROXY: 'x' } });
    expect(r.check.status).toBe('pass');
    expect(r.check.message).toMatch(/No proxy/);
  });

  it('agent proxy whose bypass list lacks IMDS → warn naming the .proxybypass entry', async () => {
    const r = await check({
      agentProxy: { source: 'agent proxy', url: 'http://agentproxy:8888', bypass: ['.*\\.corp\\.example'] },
    });
    expect(r.check).toMatchObject({ status: 'warn', code: 'proxy_without_imds_bypass' });
    expect(r.check.remediation).toContain('169\\.254\\.169\\.254');
    expect(r.check.remediation).toMatch(/proxybypass/);
    expect(r.check.message).toContain('agent proxy');
  });

  it('agent proxy whose bypass list covers IMDS → pass', async () => {
    const r = await check({
      agentProxy: { source: 'agent proxy', url: 'http://agentproxy:8888', bypass: ['169\\.254\\.169\\.254'] },
    });
    expect(r.check.status).toBe('pass');
  });

  it('agent proxy lacking while NO_PROXY covers → warn with the agent fix only', async () => {
    const r = await check({
      env: { HTTP_PROXY: 'http://p:1', NO_PROXY: '169.254.169.254' },
      agentProxy: { source: 'agent proxy', url: 'http://a:1', bypass: [] },
    });
    expect(r.check.status).toBe('warn');
    expect(r.check.remediation).toMatch(/proxybypass/);
    expect(r.check.remediation).not.toMatch(/Set NO_PROXY=/);
  });

  it('mentions NODE_USE_ENV_PROXY=1', async () => {
    const r = await check({ env: { HTTP_PROXY: 'http://p:1', NODE_USE_ENV_PROXY: '1' } });
    expect(r.check.message).toContain('NODE_USE_ENV_PROXY');
  });
});
