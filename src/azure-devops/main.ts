// The Azure DevOps task: inputs -> engine -> masks, log, reports, output variables, summary, issues, result.
// Nothing of ours is printed before runProbe returns except the `##vso[task.setsecret]` lines the engine
// triggers (engine debug lines wait), so a token is masked before any other line could carry it.
// No stack trace ever reaches the log; tl.debug gets it.
import { tmpdir } from 'node:os';
import {
  buildOutputs,
  checkCodes,
  parseOptions,
  renderMarkdown,
  renderText,
  runProbe as engineRunProbe,
  stepVerdict,
  type ProbeOptions,
  type ProbeOutcome,
  type Report,
  type RuntimeContext,
  type StepVerdict,
} from '../core/index.js';
import { createHostContext, defaultReportDir } from '../host/context.js';
import { deferredDebug } from '../host/deferred-debug.js';
import { oneLine } from '../host/one-line.js';
import { writeReports as hostWriteReports } from '../host/report-files.js';
import { readRawInputs, secretRegistrar } from './inputs.js';
import type { TaskIo, TaskResultName } from './io.js';
import { logCheckIssues, setOutputVariables, writeSummaryFile } from './publish.js';

export interface MainDeps {
  io: TaskIo;
  runProbe?: (options: ProbeOptions, ctx: RuntimeContext) => Promise<ProbeOutcome>;
  writeReports?: typeof hostWriteReports;
  renderText?: (report: Report) => string;
  renderMarkdown?: (report: Report) => string;
  /** The step's environment (proxies, Arc variables); process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** Fallback when Agent.TempDirectory is not set. */
  tmpDir?: string;
}

const RESULT_FOR: Record<StepVerdict, TaskResultName> = {
  succeeded: 'Succeeded',
  'succeeded-with-issues': 'SucceededWithIssues',
  failed: 'Failed',
};

function resultMessage(report: Report, verdict: StepVerdict): string {
  const what =
    [checkCodes(report, ['fail']), checkCodes(report, ['warn'])].filter((s) => s !== '').join(', ') ||
    `reachable ${report.reachable}`;
  if (verdict === 'succeeded') return `imds-check passed (${report.mode.resolved})`;
  if (verdict === 'failed') return `imds-check failed (failOn: ${report.failOn}): ${what}`;
  return `imds-check result ${report.result} (failOn: ${report.failOn}): ${what}`;
}

export async function main(deps: MainDeps): Promise<void> {
  const { io } = deps;
  const probe = deps.runProbe ?? engineRunProbe;
  const writeReports = deps.writeReports ?? hostWriteReports;
  const text = deps.renderText ?? ((r: Report) => renderText(r, { color: false }));
  const markdown = deps.renderMarkdown ?? renderMarkdown;
  const registerSecret = secretRegistrar(io);
  const debug = deferredDebug((line) => io.debug(line));

  try {
    const parsed = parseOptions(readRawInputs(io), 'camel');
    if (!parsed.ok) {
      io.setResult('Failed', oneLine(parsed.error.message));
      return;
    }
    const options = parsed.options;
    const ctx = createHostContext({
      frontDoor: 'azure-devops',
      registerSecret,
      agentProxy: io.agentProxy(),
      diagnostics: io.diagnostics,
      log: debug.log,
      ...(deps.env ? { env: deps.env } : {}),
    });
    let outcome: ProbeOutcome;
    try {
      outcome = await probe(options, ctx);
    } finally {
      debug.flush();
    }
    const { report, accessToken } = outcome;
    if (accessToken !== null) registerSecret(accessToken); // normally done by the engine already

    io.log(text(report));

    const agentTemp = io.getVariable('Agent.TempDirectory');
    const tempDir = agentTemp && agentTemp !== '' ? agentTemp : (deps.tmpDir ?? tmpdir());
    const written = await writeReports(report, {
      reportPath: options.reportPath,
      junitPath: options.junitPath,
      defaultDir: defaultReportDir(agentTemp, deps.tmpDir ?? tmpdir()),
    });
    for (const problem of written.problems) io.warning(`imds-check report: ${problem}`);

    setOutputVariables(
      io,
      buildOutputs(report, accessToken, options, written.reportPath),
      options.exposeToken,
    );

    try {
      io.uploadSummary(await writeSummaryFile(tempDir, markdown(report)));
    } catch (err) {
      io.warning(`imds-check could not write the summary: ${oneLine(err)}`);
    }

    logCheckIssues(io, report.checks);
    const verdict = stepVerdict(report);
    io.setResult(RESULT_FOR[verdict], resultMessage(report, verdict));
  } catch (err) {
    debug.flush();
    if (err instanceof Error && err.stack) io.debug(err.stack);
    io.setResult('Failed', `imds-check could not complete: ${oneLine(err)}`);
  }
}
