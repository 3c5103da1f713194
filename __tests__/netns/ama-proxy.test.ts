// Root only: the AMA check's proxy paths through the three bundles inside a private network namespace. The
// environment's HTTPS_PROXY carries Azure Monitor traffic as CONNECT tunnels while IMDS stays direct (the stub's
// log proves both); a 407 names proxy authentication and the password reaches no channel; ama: false sends
// nothing anywhere; a dropped host is reported within the connect bounds.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { leaksIn } from '../helpers/leaks.js';
import type { Background } from './namespace.js';
import { netnsUnavailableReason } from './namespace.js';
import { TimingLog } from './timings.js';
import {
  amaInputs,
  amaNamespace,
  amaOf,
  DCE,
  DOORS,
  HOSTS,
  logSince,
  recordTiming,
  type AmaNamespace,
  type AmaRun,
} from './ama-harness.js';

const reason = netnsUnavailableReason(['ip', 'iptables', 'unshare', 'mount']);
if (reason) console.log(`netns AMA proxy suite skipped: ${reason}`);
const suite = reason ? describe.skip : describe;
const times = new TimingLog('netns-ama-proxy-times.json');

const OPEN_PROXY = 'http://127.0.0.1:3128';
const USER = 'ama-user';
const PASSWORD = 'Right-Proxy-Password-2718';
const WRONG = 'Wrong-Proxy-Password-3141';
const DROPPED = '127.0.1.9';
/** The platform's own mask commands must carry the secret; anything else that does is a leak. */
const MASK_LINE = /^(::add-mask::|##vso\[task\.setsecret\]).*$/gm;
function leaked(run: AmaRun, secret: string): string[] {
  const scanned = Object.fromEntries(
    Object.entries(run.channels).map(([n, t]) => [n, t.replace(MASK_LINE, '')]),
  );
  return leaksIn(scanned, [secret]);
}
function masked(run: AmaRun, secret: string): boolean {
  return (run.channels['stdout']!.match(MASK_LINE) ?? []).some((l) => l.endsWith(secret));
}
const everywhere = (url: string) => ({
  HTTP_PROXY: url,
  HTTPS_PROXY: url,
  http_proxy: url,
  https_proxy: url,
});

suite('AMA proxy paths through the bundles', () => {
  let net: AmaNamespace;
  let open: Background;
  let auth: Background;
  let openRoots = '';
  let authRoots = '';
  beforeAll(async () => {
    net = amaNamespace();
    openRoots = join(net.dir, 'open');
    authRoots = join(net.dir, 'auth');
    mkdirSync(openRoots);
    mkdirSync(authRoots);
    [open, auth] = await Promise.all([
      net.start([
        ...['--scenario', 'healthy', '--host', '169.254.169.254', '--port', '80'],
        ...[
          '--ama',
          'healthy@127.0.1.1:443',
          '--ama-proxy',
          '127.0.0.1:3128',
          '--ama-roots',
          openRoots,
          '--log',
        ],
      ]),
      net.start([
        ...['--host', '127.0.0.1', '--port', '0'],
        ...[
          '--ama',
          'healthy@127.0.1.2:443',
          '--ama-proxy',
          '127.0.0.1:3129',
          '--ama-proxy-auth',
          `${USER}:${PASSWORD}`,
        ],
        ...['--ama-roots', authRoots, '--log'],
      ]),
    ]);
    net.drop(DROPPED);
  });
  afterAll(() => {
    net?.destroy();
    times.flush();
  });

  const amaLines = (lines: string[]): string[] => lines.filter((l) => /^ama[ -]/.test(l));

  test.each(DOORS)('%s: HTTPS_PROXY carries Azure Monitor as CONNECT; IMDS stays direct', async (door) => {
    const mark = open.output().length;
    // No host name is in /etc/hosts: only the proxy can have reached them.
    const run = await net.run(door, {}, { inputs: amaInputs(openRoots), env: everywhere(OPEN_PROXY) });
    recordTiming(times, 'env proxy', run);
    const ama = amaOf(run);
    expect([ama.status, ama.code]).toEqual(['pass', 'ok']);
    expect(ama.message).toMatch(
      /through the proxy http:\/\/127\.0\.0\.1:3128 from (https_proxy|HTTPS_PROXY)/,
    );
    expect(ama.hosts.map((h) => [h.via, h.addresses, h.code])).toEqual(HOSTS.map(() => ['proxy', [], 'ok']));
    expect(run.checks['environment']!.code).toBe('proxy_without_imds_bypass');
    expect([run.result, run.outputs['ama-status'], run.outputs['ama-failed-endpoints']]).toEqual([
      'warn',
      'pass',
      '',
    ]);
    const log = await logSince(open, mark);
    const proxied = log.filter((l) => l.startsWith('ama-proxy '));
    expect(proxied.sort()).toEqual(
      HOSTS.map((h) => `ama-proxy CONNECT ${h}:443 credentials=none -> 200`).sort(),
    );
    // IMDS answered (its own log) and never appeared at the proxy.
    expect(log.some((l) => / GET \/metadata\/instance\?api-version=\S+ -> 200$/.test(l))).toBe(true);
    expect(log.some((l) => / GET \/metadata\/identity\/oauth2\/token\?\S+ -> 200$/.test(l))).toBe(true);
  });

  test.each(DOORS)('%s: 407 names proxy authentication; the password is in no channel', async (door) => {
    const mark = auth.output().length;
    const proxy = `http://${USER}:${WRONG}@127.0.0.1:3129`;
    const run = await net.run(door, {}, { inputs: amaInputs(authRoots, { 'ama-proxy': proxy }) });
    recordTiming(times, '407', run);
    const ama = amaOf(run);
    expect([ama.status, ama.code]).toEqual(['fail', 'ama_proxy_auth_required']);
    expect(ama.message).toContain('requires proxy authentication (HTTP 407, scheme Basic)');
    expect(ama.message).toContain('http://127.0.0.1:3129');
    expect(ama.remediation).toContain('proxy.username');
    expect(run.outputs['ama-failed-endpoints']).toBe(HOSTS.join(','));
    expect(
      amaLines(await logSince(auth, mark))
        .filter((l) => l.startsWith('ama-proxy'))
        .sort(),
    ).toEqual(HOSTS.map((h) => `ama-proxy CONNECT ${h}:443 credentials=rejected -> 407`).sort());
    expect(leaked(run, WRONG)).toEqual([]);
    expect(masked(run, WRONG)).toBe(door !== 'cli'); // registered with the platform before anything was written
  });

  test.each(DOORS)('%s: ama false makes no connection to Azure Monitor or any proxy', async (door) => {
    const marks = [open.output().length, auth.output().length];
    const run = await net.run(door, {}, { inputs: {}, env: everywhere(OPEN_PROXY) });
    recordTiming(times, 'ama false', run);
    expect(run.report.checks.map((c) => c.id)).not.toContain('ama');
    expect([run.outputs['ama-status'], run.outputs['ama-failed-endpoints']]).toEqual(['skipped', '']);
    const [openLog, authLog] = await Promise.all([logSince(open, marks[0]!), logSince(auth, marks[1]!)]);
    expect(openLog.some((l) => / GET \/metadata\/instance/.test(l))).toBe(true); // the run did happen
    expect([amaLines(openLog), amaLines(authLog)]).toEqual([[], []]);
  });

  test('cli: the right credentials pass through the authenticating proxy, never printed', async () => {
    const mark = auth.output().length;
    const proxy = `http://${USER}:${PASSWORD}@127.0.0.1:3129`;
    const run = await net.run('cli', {}, { inputs: amaInputs(authRoots, { 'ama-proxy': proxy }) });
    expect([amaOf(run).code, amaOf(run).hosts.map((h) => h.via)]).toEqual(['ok', HOSTS.map(() => 'proxy')]);
    expect(
      (await logSince(auth, mark)).filter((l) => l.includes('credentials=accepted -> 200')),
    ).toHaveLength(4);
    expect(leaked(run, PASSWORD)).toEqual([]);
  });

  test('cli: a dropped host is reported after the connect bounds, the others at once', async () => {
    const hosts = Object.fromEntries(HOSTS.map((h) => [h, h === DCE ? DROPPED : '127.0.1.1']));
    const run = await net.run('cli', hosts, { inputs: amaInputs(openRoots, { 'ama-proxy': 'none' }) });
    recordTiming(times, 'dropped', run);
    const ama = amaOf(run);
    expect(ama.hosts.map((h) => h.code)).toEqual(['ok', 'ok', 'ok', 'ama_connect_timeout']);
    expect(ama.message).toContain(
      `${DCE}: TCP 443 to ${DROPPED}: the connection attempt timed out (packets dropped)`,
    );
    expect(ama.hosts[3]!.connectMs).toBeGreaterThanOrEqual(9_000); // two 5 s attempts
    expect(run.ms).toBeLessThan(20_000); // does not hang
  });
});
