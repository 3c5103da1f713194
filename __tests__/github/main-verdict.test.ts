// main.ts with a fake ActionsIo and a fake engine: fail-on verdicts, annotations, and trouble (summary write
// failure, report write problems, engine crash) without a stack trace.
import { describe, expect, it } from '@jest/globals';
import type { Report } from '../../src/core/index.js';
import { main } from '../../src/github/main.js';
import { check, fakeIo, report } from './fakes.js';
import { returns, run } from './main-harness.js';

describe('github main: fail-on', () => {
  const failed = (reachable: boolean, failOn: Report['failOn']): Report =>
    report({
      result: 'fail',
      reachable,
      failOn,
      checks: reachable
        ? [
            check('environment', 'pass', 'ok'),
            check('reachability', 'pass', 'ok'),
            check('metadata', 'pass', 'ok'),
            check('token', 'fail', 'token_identity_not_found', { outcome: '400' }),
          ]
        : [
            check('environment', 'pass', 'ok'),
            check('reachability', 'fail', 'connection_refused', { outcome: 'refused', httpStatus: null }),
            check('metadata', 'skip', 'skipped'),
            check('token', 'skip', 'skipped'),
          ],
    });

  it.each([
    [true, 'error', true],
    [true, 'unreachable', false],
    [true, 'never', false],
    [false, 'error', true],
    [false, 'unreachable', true],
    [false, 'never', false],
  ] as const)('reachable=%s fail-on=%s -> step fails: %s', async (reachable, failOn, fails) => {
    const { io } = await run({ 'fail-on': failOn }, returns(failed(reachable, failOn)));
    const failures = io.of('setFailed');
    expect(failures).toHaveLength(fails ? 1 : 0);
    if (fails) {
      const code = reachable ? 'token: token_identity_not_found' : 'reachability: connection_refused';
      expect(failures[0]!.text).toBe(`imds-check failed (fail-on: ${failOn}): ${code}`);
    }
    // The failed check is annotated either way, and outputs are set either way.
    expect(io.of('error')).toHaveLength(1);
    expect(io.outputs()['result']).toBe('fail');
    expect(io.outputs()['reachable']).toBe(String(reachable));
    if (!reachable) expect(io.outputs()['metadata-status']).toBe('refused');
  });
});

describe('github main: annotations', () => {
  it('titles each failed/warned check with title and code; message carries the fix', async () => {
    const r = report({
      result: 'warn',
      checks: [
        check('environment', 'warn', 'proxy_without_imds_bypass'),
        check('reachability', 'pass', 'ok'),
        check('metadata', 'pass', 'ok'),
        check('token', 'pass', 'ok'),
      ],
    });
    const { io } = await run({}, returns(r));
    expect(io.of('warning')).toEqual([
      {
        kind: 'warning',
        title: 'The environment check (proxy_without_imds_bypass)',
        text: 'environment said proxy_without_imds_bypass\nFix: fix proxy_without_imds_bypass',
      },
    ]);
    expect(io.of('error')).toEqual([]);
    expect(io.of('setFailed')).toEqual([]);
    expect(io.of('notice')).toEqual([]);
  });

  it('caps annotations at 10 per level (one error kept for the failure) and says how many were left out', async () => {
    const checks = [
      ...Array.from({ length: 12 }, (_, i) => check('token', 'fail', `code_f${i}`)),
      ...Array.from({ length: 11 }, (_, i) => check('metadata', 'warn', `code_w${i}`)),
    ];
    const { io } = await run({}, returns(report({ result: 'fail', checks })));
    expect(io.of('error')).toHaveLength(9);
    expect(io.of('error').map((e) => e.title)).toEqual(
      Array.from({ length: 9 }, (_, i) => `The token check (code_f${i})`),
    );
    expect(io.of('warning')).toHaveLength(10);
    expect(io.of('setFailed')).toHaveLength(1);
    const notices = io.of('notice');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toMatch(/^3 failed and 1 warned checks are not annotated/);
  });
});

describe('github main: trouble', () => {
  it('a failed summary write becomes a warning and the verdict still applies', async () => {
    const io = fakeIo({});
    io.failSummary = true;
    await main({
      io,
      runProbe: returns(report({ result: 'fail', checks: [check('token', 'fail', 'token_gone')] })),
      writeReports: async () => ({ reportPath: '/r.json', junitPath: '', problems: [] }),
      renderText: () => 'T',
      renderMarkdown: () => 'M',
      env: {},
    });
    expect(io.of('warning').map((e) => e.text)).toEqual([
      'could not write the step summary: Unable to find environment variable for $GITHUB_STEP_SUMMARY',
    ]);
    expect(io.of('setFailed')).toHaveLength(1);
  });

  it('report files that cannot be written are warnings, and report-path is then empty', async () => {
    const { io } = await run({}, returns(report()), {
      writeReports: async () => ({
        reportPath: '',
        junitPath: '',
        problems: ['could not write /x/report.json (EACCES)'],
      }),
    });
    expect(io.of('warning').map((e) => e.text)).toEqual(['could not write /x/report.json (EACCES)']);
    expect(io.outputs()['report-path']).toBe('');
    expect(io.of('setFailed')).toEqual([]);
  });

  it('an engine crash fails the step with one line; the stack goes to debug only', async () => {
    const boom = new Error('socket exploded\n    at somewhere (file.js:1:1)');
    const { io } = await run({}, async (_o, ctx) => {
      ctx.log.debug('before the crash');
      throw boom;
    });
    expect(io.of('setFailed').map((e) => e.text)).toEqual(['imds-check could not complete: socket exploded']);
    const printed = io.events.filter((e) => e.kind !== 'debug');
    expect(JSON.stringify(printed)).not.toContain('    at ');
    expect(io.of('debug').map((e) => e.text)).toEqual(['before the crash', boom.stack]);
    expect(io.of('setOutput')).toEqual([]);
  });

  it('a non-Error throw still gives a one-line failure', async () => {
    const { io } = await run({}, async () => {
      throw 'plain string';
    });
    expect(io.of('setFailed').map((e) => e.text)).toEqual(['imds-check could not complete: plain string']);
  });
});
