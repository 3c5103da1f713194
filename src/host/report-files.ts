// Writes the JSON report and, when asked, JUnit XML, for every front door alike. Files are written privately:
// the fallback folder (no RUNNER_TEMP / Agent.TempDirectory) is a fresh mkdtemp folder (0700), and every file
// is written under a temporary name in its folder and renamed into place, so a planted symlink at the final
// name is replaced, never followed.
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { renderJson, renderJunit, type Report } from '../core/index.js';
import { errnoOf, type WriteProblem } from './writable.js';

export interface WrittenReports {
  reportPath: string;
  junitPath: string;
  /** Each file that could not be written: the step fails (report_write_failed) whatever fail-on says. */
  problems: WriteProblem[];
}

/** Loaded when a file is written, after the probe: start-up should not pay for them. */
const files = (): Promise<typeof import('node:fs/promises')> => import('node:fs/promises');

/**
 * The folder for default report files: `<tempDir>/imds-check` when the runner or agent gives a per-job temp
 * folder, else a new private folder under the system temp (a shared `/tmp/imds-check` could be planted).
 */
export async function reportFolder(
  tempDir: string | undefined,
  systemTemp: string = tmpdir(),
): Promise<string> {
  const { mkdir, mkdtemp } = await files();
  if (tempDir && tempDir !== '') {
    const dir = join(tempDir, 'imds-check');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    return dir;
  }
  return mkdtemp(join(systemTemp, 'imds-check-'));
}

/** Writes `content` to `path` through a new file in the same folder and a rename. */
export async function writePrivately(path: string, content: string): Promise<void> {
  const { mkdir, rename, rm, writeFile } = await files();
  const { randomBytes } = await import('node:crypto');
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content, { encoding: 'utf8', flag: 'wx', mode: 0o600 });
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

async function writeOne(what: string, path: string, content: string): Promise<WriteProblem | null> {
  try {
    await writePrivately(path, content);
    return null;
  } catch (err) {
    return { what, path, errno: errnoOf(err) };
  }
}

/** The paths `writeReports` writes: '' for a file not asked for. */
export function reportPaths(paths: { reportPath: string; junitPath: string; defaultDir: string }): {
  reportPath: string;
  junitPath: string;
} {
  const wanted =
    paths.reportPath !== ''
      ? paths.reportPath
      : paths.defaultDir !== ''
        ? join(paths.defaultDir, 'report.json')
        : '';
  return {
    reportPath: wanted !== '' ? resolve(wanted) : '',
    junitPath: paths.junitPath !== '' ? resolve(paths.junitPath) : '',
  };
}

/**
 * reportPath '' means `<defaultDir>/report.json`, or no JSON report when defaultDir is '' (the CLI writes files
 * only on request); junitPath '' means no JUnit.
 */
export async function writeReports(
  report: Report,
  paths: { reportPath: string; junitPath: string; defaultDir: string },
): Promise<WrittenReports> {
  const { reportPath, junitPath } = reportPaths(paths);
  const problems: WriteProblem[] = [];
  const jsonProblem =
    reportPath !== '' ? await writeOne('JSON report', reportPath, renderJson(report)) : null;
  if (jsonProblem) problems.push(jsonProblem);
  if (junitPath !== '') {
    const junitProblem = await writeOne('JUnit file', junitPath, renderJunit(report));
    if (junitProblem) problems.push(junitProblem);
  }
  return { reportPath: jsonProblem ? '' : reportPath, junitPath, problems };
}
