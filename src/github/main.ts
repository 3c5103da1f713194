// The GitHub Action: inputs -> engine -> masks, log, reports, outputs, summary, annotations, verdict.
// Nothing is printed before runProbe returns except the `::add-mask::` lines the engine triggers, so a token
// is always masked before any other line could carry it. No stack trace ever reaches the log.
import { tmpdir } from 'node:os';
import {
  buildOutputs,
  checkCodes,
  INPUT_NAMES,
  OUTPUT_NAMES,
  parseOptions,
  renderMarkdown,
  renderText,
  runProbe as engineRunProbe,
  stepVerdict,
  type ProbeOptions,
  type ProbeOutcome,
  type RawInputs,
  type Report,
  type RuntimeContext,
} from '../core/index.js';
import { createHostContext, defaultReportDir } from '../host/context.js';
import { deferredDebug } from '../host/deferred-debug.js';
import { oneLine } from '../host/one-line.js';
import { writeReports as hostWriteReports } from '../host/report-files.js';
import type { ActionsIo } from './actions-io.js';
import { annotateChecks } from './annotations.js';

export interface MainDeps {
  io: ActionsIo;
  runProbe?: (options: ProbeOptions, ctx: RuntimeContext) => Promise<ProbeOutcome>;
  writeReports?: typeof hostWriteReports;
  renderText?: (report: Report) => string;
  renderMarkdown?: (report: Report) => string;
  /** The step's environment (RUNNER_TEMP, proxies, Arc variables); process.env by default. */
  env?: NodeJS.ProcessEnv;
  tmpDir?: string;
}

function readInputs(io: ActionsIo): RawInputs {
  const raw: RawInputs = {};
  for (const name of INPUT_NAMES) raw[name] = io.getInput(name);
  return raw;
}

function failureMessage(report: Report): string {
  const what = checkCodes(report, ['fail']) || `result ${report.result}, reachable ${report.reachable}`;
  return `imds-check failed (fail-on: ${report.failOn}): ${what}`;
}

export async function main(deps: MainDeps): Promise<void> {
  const { io } = deps;
  const env = deps.env ?? process.env;
  const probe = deps.runProbe ?? engineRunProbe;
  const writeReports = deps.writeReports ?? hostWriteReports;
  const text = deps.renderText ?? ((r: Report) => renderText(r, { color: false }));
  const markdown = deps.renderMarkdown ?? renderMarkdown;
  const masked = new Set<string>();
  const registerSecret = (value: string): void => {
    if (value === '' || masked.has(value)) return;
    masked.add(value);
    io.setSecret(value);
  };
  const debug = deferredDebug((line) => io.debug(line));

  try {
    const parsed = parseOptions(readInputs(io), 'kebab');
    if (!parsed.ok) {
      io.setFailed(oneLine(parsed.error.message));
      return;
    }
    const options = parsed.options;
    const ctx = createHostContext({
      frontDoor: 'github',
      registerSecret,
      diagnostics: io.diagnostics,
      log: debug.log,
      env,
    });
    let outcome: ProbeOutcome;
    try {
      outcome = await probe(options, ctx);
    } finally {
      debug.flush();
    }
    const { report, accessToken } = outcome;
    if (accessToken !== null) registerSecret(accessToken); // normally done by the engine already

    io.info(text(report));

    const written = await writeReports(report, {
      reportPath: options.reportPath,
      junitPath: options.junitPath,
      defaultDir: defaultReportDir(env['RUNNER_TEMP'], deps.tmpDir ?? tmpdir()),
    });
    for (const problem of written.problems) io.warning(problem, 'imds-check report');

    const outputs = buildOutputs(report, accessToken, options, written.reportPath);
    for (const name of OUTPUT_NAMES) {
      if (name === 'access-token' && !options.exposeToken) continue;
      io.setOutput(name, outputs[name] ?? '');
    }

    try {
      await io.writeSummary(markdown(report));
    } catch (err) {
      io.warning(`could not write the step summary: ${oneLine(err)}`, 'imds-check summary');
    }

    const verdict = stepVerdict(report);
    annotateChecks(io, report.checks, { reserveErrorForFailure: verdict === 'failed' });
    if (verdict === 'failed') io.setFailed(failureMessage(report));
  } catch (err) {
    debug.flush();
    if (err instanceof Error && err.stack) io.debug(err.stack);
    io.setFailed(`imds-check could not complete: ${oneLine(err)}`);
  }
}
