// What the task hands back to the pipeline after a run: output variables, issues and the summary file.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OUTPUT_NAMES, toCamel, type CheckResult, type OutputName } from '../core/index.js';
import type { TaskIo } from './io.js';

export const MAX_ISSUES_PER_LEVEL = 10;

/** Every contract output as an output variable (`$(probe.result)`); the token only when exposed, as a secret. */
export function setOutputVariables(
  io: Pick<TaskIo, 'setVariable'>,
  outputs: Partial<Record<OutputName, string>>,
  exposeToken: boolean,
): void {
  for (const name of OUTPUT_NAMES) {
    const isToken = name === 'access-token';
    if (isToken && !exposeToken) continue;
    io.setVariable(toCamel(name), outputs[name] ?? '', isToken, true);
  }
}

export function issueText(check: CheckResult): string {
  const fix = check.remediation.trim();
  const head = `${check.title} (${check.code}): ${check.message}`;
  return fix === '' ? head : `${head} Fix: ${fix}`;
}

/** One warning per warned check and one error per failed check, at most 10 of each; the summary has all. */
export function logCheckIssues(
  io: Pick<TaskIo, 'warning' | 'error' | 'log'>,
  checks: readonly CheckResult[],
): void {
  const failed = checks.filter((c) => c.status === 'fail');
  const warned = checks.filter((c) => c.status === 'warn');
  for (const check of failed.slice(0, MAX_ISSUES_PER_LEVEL)) io.error(issueText(check));
  for (const check of warned.slice(0, MAX_ISSUES_PER_LEVEL)) io.warning(issueText(check));
  const left =
    Math.max(0, failed.length - MAX_ISSUES_PER_LEVEL) + Math.max(0, warned.length - MAX_ISSUES_PER_LEVEL);
  if (left > 0) io.log(`${left} more failed or warned checks are listed in the summary only.`);
}

/**
 * Writes the Markdown summary where the agent can still read it after the step; returns its path. A second
 * imds-check step in the same job gets summary-2.md and so on, so it never overwrites an attached summary.
 */
export async function writeSummaryFile(tempDir: string, markdown: string): Promise<string> {
  const dir = join(tempDir, 'imds-check');
  await mkdir(dir, { recursive: true });
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? 'summary.md' : `summary-${n}.md`);
    try {
      await writeFile(path, markdown, { encoding: 'utf8', flag: 'wx' });
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 1000) throw err;
    }
  }
}
