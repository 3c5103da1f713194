// The step body of the merge action and the ImdsCheckMerge task, over the same port as the check: inputs →
// read the reports → fleet report file, outputs, summary, annotations, verdict. Every text passes the
// engine's neutraliser (the renderers, then the guarded port), because any report could be forged.
import { join, resolve } from 'node:path';
import {
  buildMergeOutputs,
  gateCodes,
  MERGE_INPUT_NAMES,
  MERGE_OUTPUT_NAMES,
  parseMergeOptions,
  renderFleetJson,
  renderFleetMarkdown,
  renderFleetText,
  type FleetReport,
  type MergeInputName,
  type MergeOutputName,
  type RawMergeInputs,
} from '../core/fleet/index.js';
import { neutralise, type InputName, type StepVerdict } from '../core/index.js';
import { annotateFleet } from './fleet-annotations.js';
import { loadFleet } from './fleet-files.js';
import type { ScanLimits } from './fleet-glob.js';
import { guarded } from './guarded-port.js';
import { oneLine } from './one-line.js';
import type { PlatformPort } from './port.js';
import { reportFolder, writePrivately } from './report-files.js';
import { finishForFiles } from './step-files.js';
import { errnoOf, type WriteProblem } from './writable.js';
import { TOOL_VERSION } from './version.js';

/** The merge's names, plus the check's inputs, which the fixes name the way this platform writes them. */
export type MergePort = PlatformPort<MergeInputName | InputName, MergeOutputName>;

export interface MergeStepDeps {
  /** Where relative patterns start; the process's working folder by default. */
  cwd?: string;
  systemTemp?: string;
  /** The file search's bounds (tests make them small). */
  limits?: ScanLimits;
}

/** Passing every machine succeeds; passing with some machines short of it succeeds with issues. */
export function mergeVerdict(report: FleetReport): StepVerdict {
  if (report.result === 'fail') return 'failed';
  return report.counts.passed === report.counts.machines ? 'succeeded' : 'succeeded-with-issues';
}

function finishMessage(report: FleetReport, verdict: StepVerdict): string {
  const c = report.counts;
  const summary = `${c.passed + c.warned} of ${c.machines} machines pass, ${report.policy.required} needed (min-pass ${report.policy.minPass})`;
  if (verdict === 'succeeded') return `imds-check fleet passed: ${summary}`;
  const codes = report.codes
    .filter((x) => x.failed > 0)
    .slice(0, 5)
    .map((x) => `${neutralise(x.code, 80) || '(no code)'} ×${x.failed}`);
  const what = c.machines === 0 ? 'fleet_no_reports' : codes.join(', ');
  // What closes the gate whatever the count says, in the words of the verdict line of the summary.
  const gate = gateCodes(report);
  const closed = gate.length > 0 ? `; the gate fails: ${gate.join(', ')}` : '';
  return `imds-check fleet ${verdict === 'failed' ? 'failed' : 'passed with issues'}: ${summary}${what ? `: ${what}` : ''}${closed}`;
}

export async function runMergeStep(platform: MergePort, deps: MergeStepDeps = {}): Promise<void> {
  const port = guarded(platform);
  try {
    const raw: RawMergeInputs = {};
    for (const name of MERGE_INPUT_NAMES) raw[name] = port.input(name);
    const parsed = parseMergeOptions(raw, (name) => port.spelling.name(name));
    if (!parsed.ok) {
      port.finish('failed', oneLine(parsed.error.message));
      return;
    }
    const { policy, reports, reportPath } = parsed.options;
    const now = Date.now();
    const loaded = loadFleet(reports, deps.cwd ?? process.cwd(), {
      now,
      ...(deps.limits ? { limits: deps.limits } : {}),
    });
    for (const problem of loaded.problems) port.annotate('warning', 'imds-check merge', [problem]);
    const report = loaded.fleet.finish(policy, {
      toolVersion: TOOL_VERSION,
      generatedAt: new Date(now).toISOString(),
    });
    const style = { spell: port.spelling, codeLink: port.codeLink };
    port.info(renderFleetText(report, style));

    const folder = await reportFolder(port.tempDir(), deps.systemTemp);
    // A file asked for is a file written: one that cannot be written fails the merge (report_write_failed).
    const problems: WriteProblem[] = [];
    let written = resolve(reportPath || join(folder, 'fleet-report.json'));
    try {
      await writePrivately(written, renderFleetJson(report));
    } catch (err) {
      problems.push({ what: 'fleet report', path: written, errno: errnoOf(err) });
      written = '';
    }
    const outputs = buildMergeOutputs(report, written);
    for (const name of MERGE_OUTPUT_NAMES) port.setOutput(name, outputs[name], false);

    try {
      await port.attachSummary(renderFleetMarkdown(report, style), folder);
    } catch (err) {
      problems.push({ what: 'step summary', path: port.summaryFile() ?? folder, errno: errnoOf(err) });
    }
    const verdict = problems.length > 0 ? 'failed' : mergeVerdict(report);
    const level = verdict === 'failed' ? 'error' : 'warning';
    annotateFleet(port, report, level, port.finishAnnotates[verdict], port.spelling);
    if (problems.length === 0) port.finish(verdict, finishMessage(report, verdict));
    else
      finishForFiles(
        port,
        problems,
        `after the merge (result ${report.result})`,
        `Point ${port.spelling.name('report-path')} at a file in a folder this job may write (not at a folder), or give the job's user write access there.`,
      );
  } catch (err) {
    if (err instanceof Error && err.stack) port.debug(err.stack);
    port.finish('failed', `imds-check merge could not complete: ${oneLine(err)}`);
  }
}
