// main.ts with a fake engine: how results and failOn become the task result and issues.
import { describe, expect, it } from '@jest/globals';
import { check, report, reportWith } from './fakes.js';
import { agentTempDir, returns, runMain, type Probe } from './main-harness.js';

const tempDir = agentTempDir();
const run = (inputs: Record<string, string>, probe: Probe) => runMain(tempDir(), inputs, probe);

describe('result and issues', () => {
  const failingToken = [
    check('environment', 'pass', 'ok'),
    check('reachability', 'pass', 'ok'),
    check('metadata', 'pass', 'ok'),
    check('token', 'fail', 'token_identity_not_found', { outcome: '400' }),
  ];
  const unreachable = [
    check('environment', 'pass', 'ok'),
    check('reachability', 'fail', 'connection_refused', { outcome: 'refused', httpStatus: null }),
    check('metadata', 'skip', 'skipped'),
    check('token', 'skip', 'skipped'),
  ];
  const proxyWarn = [
    check('environment', 'warn', 'proxy_without_imds_bypass'),
    check('reachability', 'pass', 'ok'),
    check('metadata', 'pass', 'ok'),
    check('token', 'pass', 'ok'),
  ];

  it.each([
    ['pass', 'error', 'Succeeded', [], true],
    ['warn', 'error', 'SucceededWithIssues', proxyWarn, true],
    ['token fail', 'error', 'Failed', failingToken, true],
    ['token fail', 'unreachable', 'SucceededWithIssues', failingToken, true],
    ['token fail', 'never', 'SucceededWithIssues', failingToken, true],
    ['unreachable', 'unreachable', 'Failed', unreachable, false],
    ['unreachable', 'error', 'Failed', unreachable, false],
    ['unreachable', 'never', 'SucceededWithIssues', unreachable, false],
  ] as const)('%s with failOn %s -> %s', async (_label, failOn, expected, checks, reachable) => {
    const r = checks.length ? reportWith([...checks], { failOn, reachable }) : report({ failOn });
    const { io } = await run({ failOn }, returns(r));
    expect(io.result().result).toBe(expected);
    expect(io.result().message).not.toMatch(/[\r\n]/);
    expect(io.of('setResult')).toHaveLength(1);
    expect(io.events[io.events.length - 1]!.kind).toBe('setResult');
  });

  it('logs one error per failed check and one warning per warned check, with code and fix', async () => {
    const checks = [check('environment', 'warn', 'proxy_without_imds_bypass'), ...failingToken.slice(1)];
    const { io } = await run({}, returns(reportWith(checks)));
    expect(io.of('error').map((e) => e.text)).toEqual([
      'The token check (token_identity_not_found): token said token_identity_not_found Fix: fix token_identity_not_found',
    ]);
    expect(io.of('warning').map((e) => e.text)).toEqual([
      'The environment check (proxy_without_imds_bypass): environment said proxy_without_imds_bypass Fix: fix proxy_without_imds_bypass',
    ]);
    expect(io.result()).toEqual({
      kind: 'setResult',
      result: 'Failed',
      message:
        'imds-check failed (failOn: error): token: token_identity_not_found, environment: proxy_without_imds_bypass',
    });
  });

  it('caps issues at 10 per level and says how many more the summary lists', async () => {
    const many = Array.from({ length: 12 }, (_, i) => check('token', 'fail', `code_${i}`));
    const warned = Array.from({ length: 11 }, (_, i) => check('environment', 'warn', `w_${i}`));
    const { io } = await run({}, returns(reportWith([...many, ...warned])));
    expect(io.of('error')).toHaveLength(10);
    expect(io.of('warning')).toHaveLength(10);
    expect(io.of('log').map((l) => l.text)).toContain(
      '3 more failed or warned checks are listed in the summary only.',
    );
  });

  it('turns an engine crash into one Failed line, the stack only in debug', async () => {
    const { io } = await run({}, async () => {
      throw new Error('socket exploded\n    at somewhere (file.js:1:1)');
    });
    expect(io.result()).toEqual({
      kind: 'setResult',
      result: 'Failed',
      message: 'imds-check could not complete: socket exploded',
    });
    expect(io.of('debug').some((d) => d.text.includes('at '))).toBe(true);
    expect(io.events.filter((e) => e.kind !== 'debug' && e.kind !== 'setResult')).toEqual([]);
  });
});
