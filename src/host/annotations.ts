// One annotation (GitHub) or issue (Azure DevOps) per failed or warned check, at most 10 per level (what
// GitHub shows per step), keeping one slot when finishing the step adds one of its own at that level.
import type { CheckResult, CodeLink } from '../core/index.js';
import type { AnnotationLevel, PlatformPort } from './port.js';

export const MAX_ANNOTATIONS_PER_LEVEL = 10;

/** `Managed-identity token (token_identity_not_found)` and the message, fix and documentation lines. */
export function annotationFor(check: CheckResult, codeLink: CodeLink): { title: string; lines: string[] } {
  const fix = check.remediation.trim();
  const link = /^[a-z0-9_]+$/.test(check.code) ? codeLink(check.code) : null;
  return {
    title: `${check.title} (${check.code})`,
    lines: [check.message, ...(fix ? [`Fix: ${fix}`] : []), ...(link ? [`Docs: ${link}`] : [])],
  };
}

export function annotateChecks(
  port: Pick<PlatformPort, 'annotate' | 'codeLink'>,
  checks: readonly CheckResult[],
  reserved: AnnotationLevel | undefined,
): void {
  const limit = (level: AnnotationLevel): number => MAX_ANNOTATIONS_PER_LEVEL - (reserved === level ? 1 : 0);
  const failed = checks.filter((c) => c.status === 'fail');
  const warned = checks.filter((c) => c.status === 'warn');
  for (const [level, list] of [
    ['error', failed],
    ['warning', warned],
  ] as const) {
    for (const check of list.slice(0, limit(level))) {
      const a = annotationFor(check, port.codeLink);
      port.annotate(level, a.title, a.lines);
    }
  }
  const leftErrors = Math.max(0, failed.length - limit('error'));
  const leftWarnings = Math.max(0, warned.length - limit('warning'));
  if (leftErrors + leftWarnings > 0) {
    port.annotate('notice', 'imds-check annotations', [
      `${leftErrors} failed and ${leftWarnings} warned checks are not annotated (at most ${MAX_ANNOTATIONS_PER_LEVEL} of each level per step); the summary lists them all.`,
    ]);
  }
}
