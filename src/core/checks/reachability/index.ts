// The reachability check. First a TCP connect that tells dropped from refused from unreachable; once every
// check ran, settle() decides whether something recognisable as IMDS answered (the report's `reachable`).
import { tcpConnect } from '../../imds/connect.js';
import { describeFailure, failureOutcome } from '../../imds/failures.js';
import { CONNECT_ATTEMPTS, CONNECT_TIMEOUT_MS } from '../../imds/protocol.js';
import { containerHint } from '../../modes/target.js';
import { finish, type CheckModule } from '../../pipeline/check.js';
import type { OutputSpec } from '../../pipeline/output-spec.js';
import type { Run } from '../../pipeline/run-state.js';
import type { Code, Finding, Findings, Verdict } from '../../types.js';

export interface ReachabilityFinding extends Finding {
  connected: boolean;
  /** Settled: an answer recognisable as IMDS/HIMDS came back. */
  reachable: boolean;
  attempts: number;
  connectMs: number;
}

declare module '../../types.js' {
  interface CheckTypes {
    reachability: { finding: ReachabilityFinding; outputs: 'reachable' };
  }
}

const OUTPUTS: readonly OutputSpec[] = [
  {
    name: 'reachable',
    value: (report) => String(report.reachable),
  },
];

function end(
  run: Run,
  startedAt: number,
  finding: Omit<ReachabilityFinding, 'check'>,
  result: Verdict,
): ReachabilityFinding {
  const hint =
    result.status === 'fail' ? [result.hint ?? '', containerHint(run.target)].filter((s) => s).join(' ') : '';
  const check = finish(run, reachabilityCheck, startedAt, { ...result, ...(hint ? { hint } : {}) });
  return { ...finding, check: { ...check, durationMs: finding.connectMs } };
}

/** The connect succeeded: did IMDS itself answer the metadata or token request? */
function settle(own: ReachabilityFinding, findings: Findings, run: Run): ReachabilityFinding {
  if (!own.connected) return own;
  const meta = findings.metadata;
  const token = findings.token;
  const startedAt = run.ctx.clock.now() - own.connectMs;
  const base = run.target.endpoint.base;
  const imdsAnswer = [meta, token].find((f) => f?.recognition?.imds === true);
  if (imdsAnswer) {
    const server =
      imdsAnswer.recognition?.imds && imdsAnswer.recognition.serverHeader
        ? ' with a Server: IMDS header'
        : '';
    return end(
      run,
      startedAt,
      { ...own, reachable: true },
      {
        status: 'pass',
        code: 'ok',
        message: `Connected to ${base} in ${own.connectMs} ms; ${run.target.profile.service} answered (HTTP ${imdsAnswer.check.httpStatus})${server}.`,
        attempts: own.attempts,
        httpStatus: imdsAnswer.check.httpStatus,
        outcome: imdsAnswer.check.outcome,
      },
    );
  }
  const seen = meta?.recognition ?? null;
  const metaCheck = meta?.check;
  // Nothing recognisable came back: name what answered instead, or the transport failure the metadata request hit.
  const code: Code =
    seen && !seen.imds ? seen.code : metaCheck?.status === 'fail' ? metaCheck.code : 'not_imds_answer';
  const what =
    seen && !seen.imds
      ? seen.what
      : (metaCheck?.message ?? 'no answer').replace(/^GET \S+ failed[^:]*: /, '').replace(/\.$/, '');
  return end(
    run,
    startedAt,
    { ...own, reachable: false },
    {
      status: 'fail',
      code,
      message: `Connected to ${base}, but ${run.target.profile.service} did not answer: ${what}.`,
      attempts: own.attempts,
      httpStatus: metaCheck?.httpStatus ?? null,
      outcome: metaCheck?.outcome ?? 'skipped',
    },
  );
}

export const reachabilityCheck: CheckModule<'reachability'> = {
  id: 'reachability',
  title: 'IMDS reachable',
  outputs: OUTPUTS,
  async run(run) {
    const startedAt = run.ctx.clock.now();
    const { connectHosts, port, base } = run.target.endpoint;
    let attempts = 0;
    for (;;) {
      attempts += 1;
      const bound = run.budget.cap(CONNECT_TIMEOUT_MS);
      const quiet = run.progress.slow('reachability', base, bound);
      const result = await tcpConnect(connectHosts, port, bound, run.names.netLookup(bound)).finally(quiet);
      const connectMs = run.ctx.clock.now() - startedAt;
      const finding = { connected: result.ok, reachable: false, attempts, connectMs };
      if (result.ok) {
        const check = finish(run, reachabilityCheck, startedAt, {
          status: 'pass',
          code: 'ok',
          message: `Connected to ${base}.`,
        });
        return { ...finding, check };
      }
      if (result.failure === 'connect_timeout' && attempts < CONNECT_ATTEMPTS && !run.budget.expired())
        continue;
      const extra =
        result.failure === 'connection_refused'
          ? await run.target.profile.serviceState(run.ctx, run.budget)
          : '';
      const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
      return end(run, startedAt, finding, {
        status: 'fail',
        code: result.failure,
        message: `Could not connect to ${base}${tries}: ${describeFailure(result)}.${extra}`,
        attempts,
        outcome: failureOutcome({ failure: result.failure, status: null }),
      });
    }
  },
  settle,
  adds: (own) => ({ facts: { reachable: own.reachable } }),
};
