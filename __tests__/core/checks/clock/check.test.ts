// The clock check as a module, from the ama finding's answers (Date header, when asked, when arrived) and the
// token's claims: pass, warn above 60 s, fail above 300 s, naming both times and the platform's fix; the
// output; a skip when nothing measured; and the ama check's settle naming the clock as the cause of an
// expired-looking certificate.
import { describe, expect, test } from '@jest/globals';
import { clockCause } from '../../../../src/core/checks/ama/clock-cause.js';
import type { AmaFinding } from '../../../../src/core/checks/ama/index.js';
import { clockCheck, type ClockFinding } from '../../../../src/core/checks/clock/index.js';
import { buildOutputs } from '../../../../src/core/index.js';
import type { TokenClaims } from '../../../../src/core/imds/jwt.js';
import type { Findings } from '../../../../src/core/types.js';
import { fakeContext } from '../../../helpers/fake-context.js';
import { fakeRun, notSampled } from '../../../helpers/fake-run.js';
import { check, passingReport } from '../../../helpers/report-factory.js';

const NOW = Date.UTC(2026, 0, 15, 12, 0, 0);
const httpDate = (ms: number): string => new Date(ms).toUTCString();

/** Four Azure Monitor answers from servers whose clock is `skewMs` behind ours. */
function ama(skewMs: number, hosts: { host: string; code: string }[] = []): AmaFinding {
  const answers = [0, 1, 2, 3].map((i) => {
    const sent = NOW - 2000 + i * 300;
    return { host: `h${i}`, date: httpDate(sent + 20 - skewMs), sent, at: sent + 40 };
  });
  return {
    check: check('ama'),
    answers,
    hosts: hosts.map((h) => ({ ...h, status: 'fail' }) as never),
    expired: [],
  };
}
const token = (claims: Partial<TokenClaims> | null): Findings['token'] => ({
  check: check('token'),
  recognition: null,
  identity: null,
  claims: claims as TokenClaims | null,
  accessToken: null,
  sample: notSampled,
});

async function judge(findings: Findings, platform = 'linux'): Promise<ClockFinding> {
  const ctx = fakeContext({ platform });
  ctx.clock.advance(NOW - ctx.clock.now());
  return clockCheck.run(fakeRun('vm', { ama: true }, ctx), findings);
}
const skewOutput = (finding: ClockFinding): string | undefined =>
  buildOutputs({ ...passingReport(), checks: [finding.check] }, null, false, '')['clock-skew-seconds'];

describe('clock', () => {
  test('agreeing clocks pass, with the skew as the output', async () => {
    const finding = await judge({ ama: ama(0) });
    expect([finding.check.status, finding.check.code, finding.off]).toEqual(['pass', 'ok', false]);
    expect(finding.check.message).toMatch(
      /^The local clock agrees with Azure: 0 s \(± 1 s, the Date header of 4 Azure Monitor answers\)\.$/,
    );
    expect(skewOutput(finding)).toBe('0');
  });

  test('+90 s warns, naming both times', async () => {
    const finding = await judge({ ama: ama(90_000) });
    expect([finding.check.status, finding.check.code, finding.skewSeconds, finding.off]).toEqual([
      'warn',
      'clock_skew',
      90,
      true,
    ]);
    expect(finding.check.message).toContain(
      "The local clock is 90 s ahead of Azure (± 1 s): local 2026-01-15T12:00:00Z when Azure's clock said 2026-01-15T11:58:30Z",
    );
    expect(skewOutput(finding)).toBe('90');
  });

  test('+10 min fails with the Linux fix; -10 min with the Windows one', async () => {
    const linux = await judge({ ama: ama(600_000) });
    expect([linux.check.status, linux.skewSeconds]).toEqual(['fail', 600]);
    expect(linux.check.message).toContain('600 s ahead of Azure');
    expect(linux.check.remediation).toContain('chronyc makestep');
    const windows = await judge({ ama: ama(-600_000) }, 'win32');
    expect([windows.check.status, windows.skewSeconds]).toEqual(['fail', -600]);
    expect(windows.check.message).toContain('600 s behind Azure');
    expect(windows.check.remediation).toContain('w32tm /resync');
    expect(skewOutput(windows)).toBe('-600');
  });

  test('60 s exactly is not above 60 s; 300 s exactly is not above 300 s', async () => {
    // The bounds' slack makes a skew of exactly 60 s provable only down to a little under 60 s.
    expect((await judge({ ama: ama(60_000) })).check.status).toBe('pass');
    expect((await judge({ ama: ama(300_000) })).check.status).toBe('warn');
  });

  test('an answer that was not Azure (a Via header, a block page) does not count', async () => {
    const findings = {
      ama: ama(
        600_000,
        [0, 1, 2, 3].map((i) => ({ host: `h${i}`, code: 'ama_not_azure_answer' })),
      ),
    };
    const finding = await judge(findings);
    expect(finding.check.status).toBe('skip');
    expect(skewOutput(finding)).toBe('');
  });

  test('no Date at all: the token decides when it proves a skew, else nothing is measured', async () => {
    const noDates: AmaFinding = { ...ama(0), answers: ama(0).answers.map((a) => ({ ...a, date: '' })) };
    const skipped = await judge({
      ama: noDates,
      token: token({ nbf: NOW / 1000 - 3600, exp: NOW / 1000 + 3600 }),
    });
    expect(skipped.check.status).toBe('skip');
    expect(skipped.check.message).toBe(
      "Not measured: no Azure Monitor answer carried a Date header, and the token's nbf and exp prove no skew.",
    );
    const behind = await judge({
      ama: noDates,
      token: token({ nbf: NOW / 1000 + 1800, exp: NOW / 1000 + 9000 }),
    });
    expect([behind.check.status, behind.skewSeconds]).toEqual(['fail', -1800]);
    expect(behind.check.message).toContain('at least 1800 s behind Azure');
    expect(behind.check.message).toContain("the token's nbf and exp");
  });
});

describe("the ama check's settle", () => {
  const clock = (skewSeconds: number | null, off: boolean): ClockFinding => ({
    check: check('clock' as never),
    skewSeconds,
    off,
  });
  const HOST = 'global.handler.control.monitor.azure.com';
  const DAY = 86_400_000;
  /** A host whose chain looked out of date at NOW (local clock), valid from `from` to `to` (offsets from NOW). */
  const expiredChain = (window: { from: number; to: number } | null): AmaFinding => ({
    ...ama(0, [{ host: HOST, code: 'ama_tls_expired' }]),
    expired: [{ host: HOST, at: NOW, window: window && { from: NOW + window.from, to: NOW + window.to } }],
  });
  const expired = expiredChain({ from: -30 * DAY, to: -300_000 }); // ran out 5 minutes ago by the local clock

  test('a chain valid at Azure time and a clock that is off: the clock is named as the cause, first', () => {
    const settled = clockCause(expired, { clock: clock(600, true) }); // Azure's time is NOW - 600 s
    expect(settled.check.remediation).toMatch(
      /^The local clock is 600 s ahead of Azure \(clock check\): certificates are judged by this clock, so the clock is the cause of ama_tls_expired here\./,
    );
    expect(settled.check.message).toContain('The local clock is off (clock check)');
    expect(settled.check.message).toContain("by Azure's time the chain is valid");
    // Not yet valid by a clock that is behind: a chain issued 10 minutes ago, the clock 20 minutes behind.
    const early = expiredChain({ from: 10 * 60_000, to: 30 * DAY });
    expect(clockCause(early, { clock: clock(-1200, true) }).check.remediation).toMatch(
      /^The local clock is 1200 s behind Azure \(clock check\): .* so the clock is the cause/,
    );
  });

  test('a chain out of date at Azure time too: the clock is off but not named as the only cause', () => {
    const longAgo = expiredChain({ from: -30 * DAY, to: -DAY }); // ran out yesterday
    const settled = clockCause(longAgo, { clock: clock(600, true) });
    expect(settled.check.remediation).toMatch(
      new RegExp(
        `^The local clock is 600 s ahead of Azure \\(clock check\\): correct it \\(clock_skew\\), but it is not the only cause: by Azure's time the chain from ${HOST} \\(expired\\) is still out of date\\.`,
      ),
    );
    expect(settled.check.remediation).not.toContain('the clock is the cause');
    // The clock skewed the wrong way to explain it: behind, yet the chain looks expired.
    const behind = clockCause(expired, { clock: clock(-600, true) });
    expect(behind.check.remediation).toContain('not the only cause');
    expect(behind.check.message).toContain(`the chain from ${HOST} (expired) is out of date as well`);
  });

  test('certificate dates that could not be read: the clock is the likely cause, said as such', () => {
    const unread = expiredChain(null);
    expect(clockCause(unread, { clock: clock(600, true) }).check.remediation).toContain(
      "the clock is the likely cause of ama_tls_expired here (the certificates' dates could not be read to confirm it)",
    );
  });

  test('nothing changes when the clock is fine, not measured, or no certificate looked expired', () => {
    expect(clockCause(expired, { clock: clock(5, false) })).toBe(expired);
    expect(clockCause(expired, { clock: clock(null, true) })).toBe(expired);
    expect(clockCause(expired, {})).toBe(expired);
    const untrusted = ama(0, [{ host: 'x', code: 'ama_tls_untrusted' }]);
    expect(clockCause(untrusted, { clock: clock(600, true) })).toBe(untrusted);
  });
});
