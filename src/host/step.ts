// The one step body of both CI front doors: inputs → engine → masks, log, report files, outputs, summary,
// annotations, verdict. Nothing is printed before the engine returns except the masks it triggers (engine
// debug lines wait), and every text that reaches the platform passes the engine's neutraliser once more, so
// only the platform library's own commands can start a command. No stack trace reaches the log.
import {
  buildOutputs,
  checkCodes,
  INPUT_NAMES,
  isPlausibleSecret,
  OUTPUT_NAMES,
  parseOptions,
  renderMarkdown,
  renderText,
  runProbe as engineRunProbe,
  stepVerdict,
  type InputSpelling,
  type ProbeOptions,
  type ProbeOutcome,
  type RawInputs,
  type Report,
  type RuntimeContext,
  type StepVerdict,
} from '../core/index.js';
import { annotateChecks } from './annotations.js';
import { createHostContext } from './process-context.js';
import { deferredDebug } from './deferred-debug.js';
import { guarded } from './guarded-port.js';
import { oneLine } from './one-line.js';
import type { PlatformPort } from './port.js';
import { writeReports } from './report-files.js';
import { failForFiles, prepareStepFiles } from './step-files.js';
import { errnoOf, type WriteProblem } from './writable.js';

export interface StepDeps {
  runProbe?: (options: ProbeOptions, ctx: RuntimeContext) => Promise<ProbeOutcome>;
  /** The step's environment (proxies, Arc variables); process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** Where the private fallback folder goes when the platform gives no temp folder. */
  systemTemp?: string;
}

function finishMessage(report: Report, verdict: StepVerdict, spell: InputSpelling): string {
  const failOn = `${spell.name('fail-on')}: ${report.failOn}`;
  const what =
    [checkCodes(report, ['fail']), checkCodes(report, ['warn'])].filter((s) => s !== '').join(', ') ||
    `reachable ${report.reachable}`;
  if (verdict === 'succeeded') return `imds-check passed (${report.mode.resolved})`;
  if (verdict === 'failed') return `imds-check failed (${failOn}): ${what}`;
  return `imds-check result ${report.result} (${failOn}): ${what}`;
}

function readInputs(port: PlatformPort): RawInputs {
  const raw: RawInputs = {};
  for (const name of INPUT_NAMES) raw[name] = port.input(name);
  return raw;
}

export async function runStep(platform: PlatformPort, deps: StepDeps = {}): Promise<void> {
  const port = guarded(platform);
  const probe = deps.runProbe ?? engineRunProbe;
  const masked = new Set<string>();
  const mask = (value: string): void => {
    if (value === '' || masked.has(value)) return;
    masked.add(value);
    port.registerSecret(value);
  };
  // Values from the network are masked only when plausible as secrets (masking "e" would blank the log).
  const registerSecret = (value: string): void => {
    if (isPlausibleSecret(value)) mask(value);
  };
  const debug = deferredDebug((line) => port.debug(line));

  try {
    const parsed = parseOptions(readInputs(port), port.spelling);
    // Credentials found in inputs (a proxy password) are masked whatever they look like, refused or not.
    for (const secret of parsed.secrets) mask(secret);
    if (!parsed.ok) {
      port.finish('failed', oneLine(parsed.error.message));
      return;
    }
    const options = parsed.options;
    // A file asked for that cannot be written fails the step now, before the probe spends its time.
    const prepared = await prepareStepFiles(port, options, deps.systemTemp);
    if (!prepared.ok) {
      failForFiles(port, [prepared.problem], 'before the probe');
      return;
    }
    const folder = prepared.folder;
    const ctx = createHostContext({
      spell: port.spelling,
      registerSecret,
      progress: (event) => port.progress(event.text),
      agentProxy: port.agentProxy(),
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

    port.info(renderText(report, { color: false, codeLink: port.codeLink }));

    const written = await writeReports(report, {
      reportPath: options.reportPath,
      junitPath: options.junitPath,
      defaultDir: folder,
    });
    const problems: WriteProblem[] = [...written.problems];

    const outputs = buildOutputs(report, accessToken, options.exposeToken, written.reportPath);
    for (const name of OUTPUT_NAMES) {
      if (name === 'access-token' && !options.exposeToken) continue;
      port.setOutput(name, outputs[name] ?? '', name === 'access-token');
    }

    try {
      await port.attachSummary(renderMarkdown(report, { codeLink: port.codeLink }), folder);
    } catch (err) {
      problems.push({ what: 'step summary', path: port.summaryFile() ?? folder, errno: errnoOf(err) });
    }

    const verdict = problems.length > 0 ? 'failed' : stepVerdict(report);
    annotateChecks(port, report.checks, port.finishAnnotates[verdict]);
    if (problems.length > 0) failForFiles(port, problems, `after the probe (result ${report.result})`);
    else port.finish(verdict, finishMessage(report, verdict, port.spelling));
  } catch (err) {
    debug.flush();
    if (err instanceof Error && err.stack) port.debug(err.stack);
    port.finish('failed', `imds-check could not complete: ${oneLine(err)}`);
  }
}
