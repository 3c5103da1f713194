// The clock check's judgement, loaded only when the check runs: the skew from the Azure Monitor answers' Date
// headers, or from the token's nbf and exp, judged against 60 s (warn) and 300 s (fail).
import { finish, skip, type CheckModule } from '../../pipeline/check.js';
import type { Run } from '../../pipeline/run-state.js';
import type { Findings, Verdict } from '../../types.js';
import type { ClockFinding } from './finding.js';
import {
  estimateFromDates,
  estimateFromToken,
  parseHttpDate,
  tokenBounds,
  type DateSample,
  type SkewEstimate,
} from './skew.js';

export const WARN_ABOVE_MS = 60_000;
export const FAIL_ABOVE_MS = 300_000;

const iso = (ms: number): string =>
  new Date(Math.round(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** Date samples of the answers that came from Azure (a host that failed as "not Azure" does not count). */
function dateSamples(findings: Findings): DateSample[] {
  const ama = findings.ama;
  if (!ama) return [];
  const notAzure = new Set(ama.hosts.filter((h) => h.code === 'ama_not_azure_answer').map((h) => h.host));
  return ama.answers.flatMap((a) => {
    const dateMs = parseHttpDate(a.date);
    return dateMs === null || notAzure.has(a.host) ? [] : [{ dateMs, sent: a.sent, at: a.at }];
  });
}

/** The token's nbf and exp (exp from expires_on when the token itself was not kept, as for token_expired). */
function tokenTimes(findings: Findings): { nbf: number | null; exp: number | null } {
  const token = findings.token;
  const claims = token?.claims ?? null;
  const expiresOn = token?.identity?.expiresOn ? Date.parse(token.identity.expiresOn) : NaN;
  return {
    nbf: claims?.nbf ?? null,
    exp: claims?.exp ?? (Number.isFinite(expiresOn) ? expiresOn / 1000 : null),
  };
}

/** When this run started: its budget began then (unknown once it ran out). */
function runStart(run: Run, now: number): number | null {
  const remaining = run.budget.remaining();
  return remaining > 0 ? now + remaining - run.options.timeoutSeconds * 1000 : null;
}

function judged(estimate: SkewEstimate, source: string, now: number): Verdict {
  const seconds = Math.round(estimate.skewMs / 1000);
  const way = estimate.skewMs > 0 ? 'ahead of' : 'behind';
  const exact = estimate.uncertaintyMs > 0;
  const amount = exact
    ? `${Math.abs(seconds)} s ${way} Azure (± ${Math.max(1, Math.round(estimate.uncertaintyMs / 1000))} s)`
    : `at least ${Math.abs(seconds)} s ${way} Azure`;
  const times = `local ${iso(now)} when Azure's clock said ${iso(now - estimate.skewMs)}`;
  const disagree = estimate.disagree ? '; the answers disagree with each other, so the median was taken' : '';
  const data = {
    skewSeconds: seconds,
    uncertaintySeconds: Math.round(estimate.uncertaintyMs / 1000),
    source,
  };
  const base = {
    data,
    details: [
      {
        title: 'Clock',
        columns: ['Local', 'Azure', 'Skew', 'From'],
        rows: [[iso(now), iso(now - estimate.skewMs), `${seconds} s`, source]],
      },
    ],
  };
  if (estimate.provenMs > FAIL_ABOVE_MS)
    return {
      status: 'fail',
      code: 'clock_skew',
      message: `The local clock is ${amount}, beyond the 5 minutes Entra ID and TLS tolerate: ${times} (${source}${disagree}).`,
      ...base,
    };
  if (estimate.provenMs > WARN_ABOVE_MS)
    return {
      status: 'warn',
      code: 'clock_skew',
      message: `The local clock is ${amount}: ${times} (${source}${disagree}). Above 5 minutes tokens and certificates fail.`,
      ...base,
    };
  return {
    status: 'pass',
    code: 'ok',
    message: `The local clock agrees with Azure: ${seconds} s (± ${Math.max(1, Math.round(estimate.uncertaintyMs / 1000))} s, ${source}${disagree}).`,
    ...base,
  };
}

export async function judgeClock(
  run: Run,
  findings: Findings,
  clockCheck: Pick<CheckModule<'clock'>, 'id' | 'title' | 'remedies'>,
): Promise<ClockFinding> {
  const now = run.ctx.clock.now();
  const samples = dateSamples(findings);
  const fromDates = estimateFromDates(samples);
  const { nbf, exp } = tokenTimes(findings);
  const fromToken = fromDates ? null : estimateFromToken(tokenBounds(nbf, exp, runStart(run, now), now));
  const estimate = fromDates ?? fromToken;
  if (!estimate) {
    const why = findings.ama?.answers.length
      ? 'no Azure Monitor answer carried a Date header'
      : 'no Azure Monitor answer came back';
    const token = nbf !== null || exp !== null ? ", and the token's nbf and exp prove no skew" : '';
    return { check: skip(run, clockCheck, `Not measured: ${why}${token}.`), skewSeconds: null, off: false };
  }
  const source = fromDates
    ? `the Date header of ${samples.length} Azure Monitor answer${samples.length === 1 ? '' : 's'}`
    : "the token's nbf and exp";
  const verdict = judged(estimate, source, now);
  return {
    check: finish(run, clockCheck, now, verdict),
    skewSeconds: Math.round(estimate.skewMs / 1000),
    off: verdict.status !== 'pass',
  };
}
