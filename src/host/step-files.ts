// The files of a CI step: the report folder, the JSON report, JUnit and the step summary. Each one asked for is
// checked before the probe, and one that cannot be written fails the step (report_write_failed) whatever
// fail-on says: a fleet merge would otherwise count the machine as missing, with no cause.
import { join } from 'node:path';
import { remedyFor, type ProbeOptions } from '../core/index.js';
import type { PlatformPort } from './port.js';
import { reportFolder, reportPaths } from './report-files.js';
import { errnoOf, firstWriteProblem, writeProblemText, type WriteProblem } from './writable.js';

export type PreparedFiles = { ok: true; folder: string } | { ok: false; problem: WriteProblem };

/** Creates the report folder and checks every file the step will write. */
export async function prepareStepFiles(
  port: Pick<PlatformPort, 'tempDir' | 'summaryFile'>,
  options: Pick<ProbeOptions, 'reportPath' | 'junitPath'>,
  systemTemp?: string,
): Promise<PreparedFiles> {
  const temp = port.tempDir();
  let folder: string;
  try {
    folder = await reportFolder(temp, systemTemp);
  } catch (err) {
    const path = temp ? join(temp, 'imds-check') : (systemTemp ?? 'the system temp folder');
    return { ok: false, problem: { what: 'report folder', path, errno: errnoOf(err) } };
  }
  const { reportPath, junitPath } = reportPaths({ ...options, defaultDir: folder });
  const summary = port.summaryFile();
  const problem = await firstWriteProblem([
    { what: 'JSON report', path: reportPath },
    ...(junitPath ? [{ what: 'JUnit file', path: junitPath }] : []),
    ...(summary ? [{ what: 'step summary', path: summary, append: true }] : []),
  ]);
  return problem ? { ok: false, problem } : { ok: true, folder };
}

/**
 * Fails the step for files that could not be written. The finish message is the one annotation (it carries
 * the code, each path and errno, the fix and the link), so the checks keep their annotation slots.
 */
export function failForFiles(
  port: Pick<PlatformPort, 'codeLink' | 'finish' | 'spelling'>,
  problems: readonly WriteProblem[],
  when: string,
): void {
  // The fix of a run code depends on neither the mode nor the endpoint: no profile or endpoint is needed to word it.
  const fix = remedyFor('report_write_failed', {
    profile: { service: '', bypassHosts: [], remedies: {} },
    platform: process.platform,
    spell: port.spelling,
    endpoint: { address: '', host: '', port: '', base: '', kind: 'other' },
  });
  finishForFiles(port, problems, when, fix);
}

/** The same end for any step (the merge has its own inputs, so its own fix). */
export function finishForFiles(
  port: Pick<PlatformPort<string, string>, 'codeLink' | 'finish'>,
  problems: readonly WriteProblem[],
  when: string,
  fix: string,
): void {
  const what = problems.map((p) => writeProblemText(p)).join('; ');
  port.finish(
    'failed',
    `imds-check failed ${when}: ${what}. Fix: ${fix} Docs: ${port.codeLink('report_write_failed')}`,
  );
}
