// Writes the JSON report and, when asked, JUnit XML. Shared by every front door so paths behave the same.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { renderJson, renderJunit, type Report } from '../core/index.js';

export interface WrittenReports {
  reportPath: string;
  junitPath: string;
  /** One line per file that could not be written; the run goes on. */
  problems: string[];
}

async function writeOne(path: string, content: string): Promise<string | null> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content, 'utf8');
    return null;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return `could not write ${path} (${code})`;
  }
}

/**
 * reportPath '' means `<defaultDir>/report.json`, or no JSON report when defaultDir is '' too (the CLI writes
 * files only on request); junitPath '' means no JUnit.
 */
export async function writeReports(
  report: Report,
  paths: { reportPath: string; junitPath: string; defaultDir: string },
): Promise<WrittenReports> {
  const wanted =
    paths.reportPath !== ''
      ? paths.reportPath
      : paths.defaultDir !== ''
        ? `${paths.defaultDir}/report.json`
        : '';
  const reportPath = wanted !== '' ? resolve(wanted) : '';
  const junitPath = paths.junitPath !== '' ? resolve(paths.junitPath) : '';
  const problems: string[] = [];
  const jsonProblem = reportPath !== '' ? await writeOne(reportPath, renderJson(report)) : null;
  if (jsonProblem) problems.push(jsonProblem);
  if (junitPath !== '') {
    const junitProblem = await writeOne(junitPath, renderJunit(report));
    if (junitProblem) problems.push(junitProblem);
  }
  return { reportPath: jsonProblem ? '' : reportPath, junitPath, problems };
}
