// The fail-on policy: how a report's result becomes a step verdict and a CLI exit code.
import type { Report } from './types.js';

export type StepVerdict = 'succeeded' | 'succeeded-with-issues' | 'failed';

/**
 * `fail` + error fails; `unreachable` fails only when nothing IMDS-like answered; a failure that the policy
 * lets through, and any `warn`, is "succeeded with issues".
 */
export function stepVerdict(report: Pick<Report, 'result' | 'reachable' | 'failOn'>): StepVerdict {
  const { result, reachable, failOn } = report;
  if (failOn === 'error' && result === 'fail') return 'failed';
  if (failOn === 'unreachable' && !reachable) return 'failed';
  if (result === 'pass') return 'succeeded';
  return 'succeeded-with-issues';
}

/** CLI exit code for a finished run: 0 pass/warn (or let through), 1 fail. Usage errors are 2 elsewhere. */
export function exitCodeFor(report: Pick<Report, 'result' | 'reachable' | 'failOn'>): 0 | 1 {
  return stepVerdict(report) === 'failed' ? 1 : 0;
}

/** `token: token_identity_not_found, ...` for the checks with the given statuses, for one-line step results. */
export function checkCodes(report: Pick<Report, 'checks'>, statuses: readonly string[]): string {
  return report.checks
    .filter((c) => statuses.includes(c.status))
    .map((c) => `${c.id}: ${c.code}`)
    .join(', ');
}
