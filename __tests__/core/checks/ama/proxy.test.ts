// The proxy path of the ama check in-process: CONNECT through the stub for Azure Monitor while IMDS stays direct,
// the environment's HTTPS_PROXY with NO_PROXY, a 407 without the password in any channel, and ama: false
// sending nothing anywhere.
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import {
  buildOutputs,
  renderJson,
  renderJunit,
  renderMarkdown,
  renderText,
} from '../../../../src/core/index.js';
import type { CheckResult, Report } from '../../../../src/core/index.js';
import { leaksIn } from '../../../helpers/leaks.js';
import {
  ALL_HOSTS,
  DCE,
  GLOBAL,
  ODS,
  REGIONAL,
  WORKSPACE,
  rigNetwork,
  runAma,
  startRig,
  type Rig,
} from './harness.js';

const USER = 'ama-proxy-user';
const PASSWORD = 'Pr0xy-Secret-Password-4711!';
const WRONG = 'Wrong-Proxy-Password-0815?';
const inputs = { 'workspace-ids': WORKSPACE, 'dce-endpoints': DCE };
const ama = (r: Report): CheckResult => r.checks.find((c) => c.id === 'ama')!;
const hosts = (r: Report): { host: string; via: string; code: string; addresses: string[] }[] =>
  ama(r).data!['hosts'] as never;
const channels = (r: Report, progress: string[]): Record<string, string> => ({
  json: renderJson(r),
  markdown: renderMarkdown(r),
  text: renderText(r, { color: false }),
  junit: renderJunit(r),
  outputs: JSON.stringify(buildOutputs(r, null, false, '')),
  progress: progress.join('\n'),
});

let rig: Rig;
beforeAll(async () => {
  rig = await startRig({ proxyCredentials: { username: USER, password: PASSWORD } });
});
afterAll(() => rig.close());

test('ama-proxy with credentials: every host through CONNECT, IMDS never through the proxy', async () => {
  const before = rig.proxy!.records.length;
  const url = `http://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${rig.proxy!.port}`;
  // HTTP(S)_PROXY point at the stub too: IMDS must ignore them.
  const env = { HTTP_PROXY: rig.proxy!.url, HTTPS_PROXY: rig.proxy!.url };
  const run = await runAma(rig, { ...inputs, 'ama-proxy': url }, rigNetwork(rig), env);
  const report = run.outcome.report;
  expect([ama(report).status, ama(report).code]).toEqual(['pass', 'ok']);
  expect(hosts(report).map((h) => h.via)).toEqual(['proxy', 'proxy', 'proxy', 'proxy']);
  const seen = rig.proxy!.records.slice(before);
  expect(seen.map((r) => [r.method, r.target, r.credentials, r.status]).sort()).toEqual(
    ALL_HOSTS.map((h) => ['CONNECT', `${h}:443`, 'accepted', 200]).sort(),
  );
  expect(rig.emulator.requests.length).toBeGreaterThan(0); // IMDS was asked, directly
  expect(ama(report).message).toContain(
    `through the proxy http://127.0.0.1:${rig.proxy!.port} from ama-proxy`,
  );
  expect(run.secrets).toContain(PASSWORD);
  expect(leaksIn(channels(report, run.progress), [PASSWORD])).toEqual([]);
});

test('407: its own code, names proxy authentication, the password is in no channel', async () => {
  const before = rig.proxy!.records.length;
  const url = `http://${USER}:${encodeURIComponent(WRONG)}@127.0.0.1:${rig.proxy!.port}`;
  const run = await runAma(rig, { ...inputs, 'ama-proxy': url }, rigNetwork(rig));
  const report = run.outcome.report;
  const check = ama(report);
  expect([check.status, check.code]).toEqual(['fail', 'ama_proxy_auth_required']);
  expect(check.message).toContain('requires proxy authentication (HTTP 407, scheme Basic)');
  expect(check.message).toContain('credentials of the proxy setting were rejected');
  expect(hosts(report).map((h) => h.code)).toEqual(ALL_HOSTS.map(() => 'ama_proxy_auth_required'));
  expect(buildOutputs(report, null, false, '')['ama-failed-endpoints']).toBe(ALL_HOSTS.join(','));
  expect(rig.proxy!.records.slice(before).map((r) => r.credentials)).toEqual(ALL_HOSTS.map(() => 'rejected'));
  expect(run.secrets).toContain(WRONG);
  expect(leaksIn(channels(report, run.progress), [WRONG])).toEqual([]);
});

test('407 without credentials says the setting has none', async () => {
  const run = await runAma(rig, { 'ama-proxy': rig.proxy!.url }, rigNetwork(rig));
  expect(ama(run.outcome.report).message).toContain('the proxy setting has no credentials');
});

test('empty ama-proxy: HTTPS_PROXY of the environment, NO_PROXY honoured per host', async () => {
  const url = `http://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${rig.proxy!.port}`;
  const before = rig.proxy!.records.length;
  const env = { https_proxy: url, NO_PROXY: `${REGIONAL},.ods.opinsights.azure.com` };
  const run = await runAma(rig, { ...inputs, 'ama-proxy': '' }, rigNetwork(rig), env);
  const report = run.outcome.report;
  expect(ama(report).code).toBe('ok');
  expect(Object.fromEntries(hosts(report).map((h) => [h.host, h.via]))).toEqual({
    [GLOBAL]: 'proxy',
    [REGIONAL]: 'direct',
    [ODS]: 'direct',
    [DCE]: 'proxy',
  });
  expect(
    rig
      .proxy!.records.slice(before)
      .map((r) => r.target)
      .sort(),
  ).toEqual([`${DCE}:443`, `${GLOBAL}:443`].sort());
  expect(ama(report).message).toContain('from https_proxy');
  expect(run.secrets).toContain(PASSWORD);
  expect(leaksIn(channels(report, run.progress), [PASSWORD])).toEqual([]);
});

test('through a proxy, a name this machine cannot resolve is not a failure (the proxy resolves it)', async () => {
  const network = rigNetwork(rig, {}, [GLOBAL]);
  const run = await runAma(
    rig,
    { 'ama-proxy': `http://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${rig.proxy!.port}` },
    network,
  );
  const global = hosts(run.outcome.report).find((h) => h.host === GLOBAL)!;
  expect([global.code, global.addresses]).toEqual(['ok', []]);
  expect(ama(run.outcome.report).message).not.toContain('ENOTFOUND');
});

test('ama: false sends nothing to Azure Monitor: no lookup, no proxy request, no listener connection', async () => {
  const proxyBefore = rig.proxy!.records.length;
  const serverBefore = rig.servers.records.length;
  const network = rigNetwork(rig);
  const url = `http://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${rig.proxy!.port}`;
  const run = await runAma(rig, { ama: 'false', 'ama-trusted-roots': '', 'ama-proxy': '' }, network, {
    HTTPS_PROXY: url,
    HTTP_PROXY: url,
  });
  const report = run.outcome.report;
  expect(report.checks.map((c) => c.id)).not.toContain('ama');
  expect(network.lookups).toEqual([]);
  expect(rig.proxy!.records.length).toBe(proxyBefore);
  expect(rig.servers.records.length).toBe(serverBefore);
  expect(buildOutputs(report, null, false, '')).toMatchObject({
    'ama-status': 'skipped',
    'ama-failed-endpoints': '',
  });
});
