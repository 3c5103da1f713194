// One annotation per failed (error) or warned (warning) check. GitHub shows at most 10 of each level per
// step, so we stop there and say in a notice how many are only in the step summary.
import type { CheckResult } from '../core/index.js';
import type { ActionsIo } from './actions-io.js';

export const MAX_ANNOTATIONS_PER_LEVEL = 10;

export function annotationFor(check: CheckResult): { title: string; message: string } {
  const fix = check.remediation.trim();
  return {
    title: `${check.title} (${check.code})`,
    message: fix === '' ? check.message : `${check.message}\nFix: ${fix}`,
  };
}

/**
 * Emits the check annotations. When the step is about to fail, setFailed adds one more error annotation,
 * so one error slot is kept for it.
 */
export function annotateChecks(
  io: Pick<ActionsIo, 'error' | 'warning' | 'notice'>,
  checks: readonly CheckResult[],
  opts: { reserveErrorForFailure: boolean },
): void {
  const errorLimit = MAX_ANNOTATIONS_PER_LEVEL - (opts.reserveErrorForFailure ? 1 : 0);
  const failed = checks.filter((c) => c.status === 'fail');
  const warned = checks.filter((c) => c.status === 'warn');
  for (const check of failed.slice(0, errorLimit)) {
    const a = annotationFor(check);
    io.error(a.message, a.title);
  }
  for (const check of warned.slice(0, MAX_ANNOTATIONS_PER_LEVEL)) {
    const a = annotationFor(check);
    io.warning(a.message, a.title);
  }
  const leftErrors = Math.max(0, failed.length - errorLimit);
  const leftWarnings = Math.max(0, warned.length - MAX_ANNOTATIONS_PER_LEVEL);
  if (leftErrors + leftWarnings > 0) {
    io.notice(
      `${leftErrors} failed and ${leftWarnings} warned checks are not annotated (GitHub shows at most ${MAX_ANNOTATIONS_PER_LEVEL} annotations of each level per step); the step summary lists them all.`,
      'imds-check annotations',
    );
  }
}
