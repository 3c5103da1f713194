// What the ama check decides before any connection: skip without a region, warn for an unknown cloud, fail for
// unusable trusted roots or environment proxy, and the deadline. A recording resolver proves nothing was looked up.
import { runAma } from '../../../../src/core/checks/ama/index.js';
import { amaCheck } from '../../../../src/core/checks/ama/index.js';
import { EMPTY_MACHINE, type Findings } from '../../../../src/core/types.js';
import { notSampled, outputsOf } from '../../../helpers/fake-run.js';
import type { Report } from '../../../../src/core/types.js';
import { fakeContext, fakeFs, type FakeContext } from '../../../helpers/fake-context.js';
import { fakeRun } from '../../../helpers/fake-run.js';

const lookups: string[] = [];
const network = {
  async resolve(host: string): Promise<string[]> {
    lookups.push(host);
    throw Object.assign(new Error('no'), { code: 'ENOTFOUND' });
  },
  port: () => 443,
};
beforeEach(() => {
  lookups.length = 0;
});

function findings(location: string, azEnvironment: string): Findings {
  const check = { id: 'metadata', status: 'pass' } as never;
  const machine = { ...EMPTY_MACHINE, location, azEnvironment };
  return { metadata: { check, recognition: null, machine, sample: notSampled } };
}

function ctx(over: Partial<FakeContext> = {}): FakeContext {
  return fakeContext({ amaNetwork: network, ...over });
}

test('no region from metadata: skip, nothing looked up', async () => {
  for (const location of ['', 'west europe', 'x'.repeat(41), '##vso[task.complete]']) {
    const run = fakeRun('vm', { ama: true }, ctx());
    const found = await runAma(run, findings(location, 'AzurePublicCloud'));
    expect([found.check.status, found.check.code]).toEqual(['skip', 'skipped']);
    expect(found.check.message).toContain('no region');
  }
  expect(lookups).toEqual([]);
});

test.each(['AzureStackCloud', 'USNat', 'USSec', 'AzureGermanCloud', '', 'Evil\u202e##vso[x]'])(
  "unknown cloud '%s' warns and probes nothing",
  async (cloud) => {
    const run = fakeRun('vm', { ama: true }, ctx());
    const found = await runAma(run, findings('westeurope', cloud));
    expect([found.check.status, found.check.code]).toEqual(['warn', 'ama_unknown_cloud']);
    expect(found.check.message).not.toMatch(/##vso\[|\u202e/);
    expect(lookups).toEqual([]);
  },
);

test.each([
  ['AzurePublicCloud', 'com'],
  ['azureusgovernmentcloud', 'us'],
  ['AZURECHINACLOUD', 'cn'],
])('%s: hosts end in .%s and the region is lower-cased', async (cloud, suffix) => {
  const run = fakeRun('vm', { ama: true, workspaceIds: ['11111111-2222-3333-4444-555555555555'] }, ctx());
  const found = await runAma(run, findings('ChinaNorth2', cloud));
  expect(lookups).toEqual([
    `global.handler.control.monitor.azure.${suffix}`,
    `chinanorth2.handler.control.monitor.azure.${suffix}`,
    `11111111-2222-3333-4444-555555555555.ods.opinsights.azure.${suffix}`,
  ]);
  expect(found.check.code).toBe('ama_dns_failed');
});

test.each([
  ['missing file', {}, 'cannot read it (ENOENT)'],
  ['no certificate', { '/roots.pem': { content: 'hello' } }, 'it holds no PEM certificate'],
  [
    'a broken certificate',
    { '/roots.pem': { content: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' } },
    'certificate 1 of 1 is not a valid X.509 certificate',
  ],
  [
    'too large',
    { '/roots.pem': { content: 'x', stat: { size: 2 * 1024 * 1024 } } },
    'it is larger than 1 MiB (EFBIG)',
  ],
  [
    'not a file',
    { '/roots.pem': { content: '', stat: { isFile: false } } },
    'it is not a regular file (ENOTREG)',
  ],
])('ama-trusted-roots with %s fails before any lookup', async (_name, files, reason) => {
  const run = fakeRun('vm', { ama: true, amaTrustedRoots: '/roots.pem' }, ctx({ fs: fakeFs([], files) }));
  const found = await runAma(run, findings('westeurope', 'AzurePublicCloud'));
  expect([found.check.status, found.check.code]).toEqual(['fail', 'ama_trusted_roots_invalid']);
  expect(found.check.message).toContain(`--ama-trusted-roots '/roots.pem': ${reason}`);
  expect(lookups).toEqual([]);
});

test.each([
  ['https://proxy.corp:3128', 'uses https; AMA supports http:// proxies'],
  ['http://[bad', 'is not a URL'],
  // Issue 17: a bad '%' in the user-info threw `URI malformed` out of the check and aborted the run.
  [
    'http://proxyuser:Tr0ub4dor%zzSecret@proxy.corp:3128',
    "has a '%' that starts no escape in its user name or password (write % as %25)",
  ],
  ['proxyuser:Tr0ub4dor#Secret@proxy.corp:3128', 'is not a URL'],
])('HTTPS_PROXY=%s fails as ama_proxy_invalid', async (value, reason) => {
  const run = fakeRun('vm', { ama: true }, ctx({ env: { HTTPS_PROXY: value } }));
  const found = await runAma(run, findings('westeurope', 'AzurePublicCloud'));
  expect([found.check.code, found.check.message]).toEqual([
    'ama_proxy_invalid',
    `The environment's proxy cannot be used for Azure Monitor: HTTPS_PROXY ${reason}.`,
  ]);
  expect(lookups).toEqual([]);
});

test('the deadline already passed: deadline_exceeded, nothing looked up', async () => {
  const c = ctx();
  const run = fakeRun('vm', { ama: true, timeoutSeconds: 1 }, c);
  c.clock.advance(1_000);
  const found = await runAma(run, findings('westeurope', 'AzurePublicCloud'));
  expect([found.check.status, found.check.code]).toEqual(['fail', 'deadline_exceeded']);
  expect(lookups).toEqual([]);
});

test('outputs: skipped when absent or skipped; failed hosts only, in order', () => {
  const report = (checks: unknown[]): Report => ({ checks }) as unknown as Report;
  expect(outputsOf(amaCheck, report([]))).toEqual({ 'ama-status': 'skipped', 'ama-failed-endpoints': '' });
  expect(outputsOf(amaCheck, report([{ id: 'ama', status: 'skip' }]))).toEqual({
    'ama-status': 'skipped',
    'ama-failed-endpoints': '',
  });
  const hosts = [
    { host: 'a.monitor.azure.com', status: 'fail' },
    { host: 'b.monitor.azure.com', status: 'pass' },
    { host: 'c.monitor.azure.com', status: 'fail' },
  ];
  expect(outputsOf(amaCheck, report([{ id: 'ama', status: 'fail', data: { hosts } }]))).toEqual({
    'ama-status': 'fail',
    'ama-failed-endpoints': 'a.monitor.azure.com,c.monitor.azure.com',
  });
  expect(amaCheck.wanted!({ ama: false } as never)).toBe(false);
  expect(amaCheck.wanted!({ ama: true } as never)).toBe(true);
});
