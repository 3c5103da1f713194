// The stability check's run (samples > 1): after the first run, the metadata and token requests again, N−1
// more times as single attempts, paced under IMDS's rate limit and within timeout-seconds; the verdict, the
// message and the summary tables.
import type { Run } from '../../pipeline/run-state.js';
import type { CheckId, CheckResult, Findings, Verdict } from '../../types.js';
import { CLASS_WORDS, FAILURE_CLASSES, judgeTally, type TallyVerdict } from './classify.js';
import { endpointSample, type EndpointSample, type Sample } from './sample.js';
import { takeSamples, type SampledRequest } from './sampler.js';
import { detailTables, sectionJson, summarise, type SamplingSummary } from './summary.js';

const good = (check: CheckResult | undefined): check is CheckResult =>
  check !== undefined && (check.status === 'pass' || check.status === 'warn');

/** Sample 1 is the first run, judged as its check was; its latency leaves out the retry waits. */
function firstRunSample(run: Run, check: CheckResult, id: CheckId) {
  const waited = run.progress
    .records()
    .filter((w) => w.check === id)
    .reduce((sum, w) => sum + w.ms, 0);
  return endpointSample(check, check.durationMs - waited);
}

const percentText = (percent: number): string => `${Math.floor(percent * 10) / 10} %`;

function message(run: Run, summary: SamplingSummary, result: TallyVerdict, scope: string): string {
  const { tally, latency } = summary;
  const parts: string[] = [];
  if (tally.ok === tally.total) {
    parts.push(`All ${tally.total} samples succeeded (${scope}).`);
  } else {
    const min = run.ctx.spell.assignment('min-success-percent', String(run.options.minSuccessPercent));
    const seen = summary.endpoints.flatMap((e) =>
      FAILURE_CLASSES.flatMap((c) => {
        const count = summary.samples.filter((s) => s[e]?.failure === c).length;
        return count > 0 ? [`${e} ${CLASS_WORDS[c]} ×${count}`] : [];
      }),
    );
    parts.push(
      `${tally.ok} of ${tally.total} samples succeeded (${scope}): ${percentText(result.percent)}, ${min}. Failed: ${seen.join(', ')}.`,
    );
  }
  if (latency.all)
    parts.push(`Latency p50 ${latency.all.p50} ms, p95 ${latency.all.p95} ms, max ${latency.all.max} ms.`);
  if (summary.ranOut) {
    const timeout = run.ctx.spell.assignment('timeout-seconds', String(run.options.timeoutSeconds));
    parts.push(
      `Time ran out after ${tally.total} of ${tally.requested} samples (${timeout}); the rest were not taken.`,
    );
  }
  return parts.join(' ');
}

/** Time spent in `work`, less any time the run's pacer held its requests back. */
async function timed(run: Run, work: () => Promise<Verdict>): Promise<EndpointSample> {
  const startedAt = run.ctx.clock.now();
  const heldBefore = run.pacer.heldMs;
  const verdict = await work();
  return endpointSample(verdict, run.ctx.clock.now() - startedAt - (run.pacer.heldMs - heldBefore));
}

export type Sampled =
  | { skipped: string }
  | { verdict: Verdict; summary: SamplingSummary; section: ReturnType<typeof sectionJson> };

/** The samples after the first run, taken with the sample() of the metadata and token findings. */
export async function sampleAgain(run: Run, findings: Findings): Promise<Sampled> {
  const metadata = findings.metadata;
  if (!metadata || !good(metadata.check))
    return { skipped: 'Not sampled: the first run did not read the instance metadata.' };
  const token = findings.token;
  const sampleTokens = run.options.identity !== 'none' && good(token?.check);
  const scope = sampleTokens
    ? 'metadata and token'
    : run.options.identity === 'none'
      ? 'metadata only, as identity is none'
      : 'metadata only, as the first token request failed';
  const first: Sample = { n: 1, atMs: null, metadata: firstRunSample(run, metadata.check, 'metadata') };
  const endpoints: SampledRequest[] = [
    { endpoint: 'metadata', requests: 1, take: () => timed(run, metadata.sample) },
  ];
  if (sampleTokens && token) {
    first.token = firstRunSample(run, token.check, 'token');
    const requests = run.target.profile.requiresChallenge ? 2 : 1;
    endpoints.push({ endpoint: 'token', requests, take: () => timed(run, token.sample) });
  }
  const sampling = await takeSamples(first, {
    clock: run.ctx.clock,
    budget: run.budget,
    pacer: run.pacer,
    requested: run.options.samples,
    endpoints,
    progress: (text) => run.ctx.progress({ check: 'stability', text }),
  });
  const summary = summarise(sampling, run.options.samples);
  const result = judgeTally(summary.tally, run.options.minSuccessPercent);
  const verdict: Verdict = {
    status: result.status,
    code: result.code,
    message: message(run, summary, result, scope),
    details: detailTables(summary),
  };
  return { verdict, summary, section: sectionJson(summary) };
}
