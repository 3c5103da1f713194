// The CLI front door: parse flags, run the engine, print text or one JSON document, write files on request,
// and exit 0/1/2. Secrets are redacted from everything it prints unless the user asked to see the token.
import {
  exitCodeFor,
  isLoopbackAddress,
  neutraliseLine,
  parseOptions,
  renderJson,
  renderText,
  runProbe,
  safeJson,
  type InputSpelling,
  type ProbeOptions,
  type ProbeOutcome,
  type RuntimeContext,
} from '../core/index.js';
import { pathLink } from '../host/code-links.js';
import type { HostOptions } from '../host/process-context.js';
import { reportPaths, writeReports } from '../host/report-files.js';
import { firstWriteProblem, writeProblemText, type WriteProblem } from '../host/writable.js';
import { CLI_SPELLING } from '../host/spelling.js';
import { TOOL_VERSION } from '../host/version.js';
import { parseArgs, USAGE, type CheckCommand } from './args.js';
import { progressPrinter } from './progress.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  /** stderr is a terminal: progress is one live line. */
  errIsTTY: boolean;
  env: NodeJS.ProcessEnv;
  makeContext(
    options: Pick<HostOptions, 'registerSecret' | 'progress' | 'arcTokensDir'> & { spell: InputSpelling },
  ): RuntimeContext;
  emulate(argv: string[]): Promise<number>;
  /** `imds-check merge`; loaded only when asked for, like the emulator. */
  merge?(argv: string[]): Promise<number>;
  probe?: (options: ProbeOptions, ctx: RuntimeContext) => Promise<ProbeOutcome>;
}

function redact(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  return out;
}

/** The key-file folder may only be redirected for a Hybrid IMDS on this machine (the emulator). */
function arcTokensDirProblem(command: CheckCommand, options: ProbeOptions): string | null {
  if (command.arcTokensDir === '') return null;
  if (options.endpoint === '' || !isLoopbackAddress(new URL(options.endpoint).hostname))
    return '--arc-tokens-dir is only accepted with a loopback --endpoint (http://127.0.0.1:PORT)';
  return null;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const command = parseArgs(argv);
  switch (command.kind) {
    case 'help':
      io.out(`${USAGE}\n`);
      return 0;
    case 'version':
      io.out(`imds-check ${TOOL_VERSION}\n`);
      return 0;
    case 'emulate':
      return io.emulate(command.argv);
    case 'merge':
      if (io.merge) return io.merge(command.argv);
      io.err('imds-check: merge is not available in this build.\n');
      return 2;
    case 'usage-error':
      io.err(`imds-check: ${command.message}. Run 'imds-check --help' for usage.\n`);
      return 2;
  }
  const parsed = parseOptions(command.inputs, CLI_SPELLING);
  if (!parsed.ok) {
    io.err(`imds-check: ${redact(parsed.error.message, parsed.secrets)}\n`);
    return 2;
  }
  const options = parsed.options;
  const problem = arcTokensDirProblem(command, options);
  if (problem) {
    io.err(`imds-check: ${problem}.\n`);
    return 2;
  }
  // A file asked for that cannot be written ends the run now (exit 1, whatever --fail-on says), before the
  // probe spends its time.
  const paths = reportPaths({ ...options, defaultDir: '' });
  const unwritable = await firstWriteProblem([
    ...(paths.reportPath ? [{ what: 'JSON report', path: paths.reportPath }] : []),
    ...(paths.junitPath ? [{ what: 'JUnit file', path: paths.junitPath }] : []),
  ]);
  if (unwritable) {
    io.err(writeFailure(unwritable));
    return 1;
  }
  // Credentials found in inputs (a proxy password) are redacted from everything printed.
  const secrets = new Set<string>(parsed.secrets);
  const progress = progressPrinter(io.err, io.errIsTTY);
  const ctx = io.makeContext({
    spell: CLI_SPELLING,
    registerSecret: (value) => secrets.add(value),
    // stderr may be read by a pipeline too: the same guard as every other line the CLI prints.
    progress: (event) => progress.line(neutraliseLine(redact(event.text, secrets))),
    ...(command.arcTokensDir ? { arcTokensDir: command.arcTokensDir } : {}),
  });
  let outcome: ProbeOutcome;
  try {
    outcome = await (io.probe ?? runProbe)(options, ctx);
  } finally {
    progress.done();
  }
  const { report, accessToken } = outcome;
  const written =
    options.reportPath !== '' || options.junitPath !== ''
      ? await writeReports(report, {
          reportPath: options.reportPath,
          junitPath: options.junitPath,
          defaultDir: '',
        })
      : null;
  if (command.json) {
    const document = JSON.parse(renderJson(report)) as Record<string, unknown>;
    if (options.exposeToken) document['accessToken'] = accessToken;
    const text = `${safeJson(document)}\n`;
    io.out(options.exposeToken ? text : redact(text, secrets));
  } else {
    const color = io.isTTY && !command.noColor && !('NO_COLOR' in io.env) && io.env['TERM'] !== 'dumb';
    io.out(redact(renderText(report, { color, codeLink: pathLink }), secrets));
  }
  for (const p of written?.problems ?? []) io.err(writeFailure(p));
  return written && written.problems.length > 0 ? 1 : exitCodeFor(report);
}

/** One stderr line; the path is the user's own text, printed as one line. */
const writeFailure = (problem: WriteProblem): string =>
  `imds-check: ${neutraliseLine(writeProblemText(problem))} (see docs/errors.md#report_write_failed)\n`;
