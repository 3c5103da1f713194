// The CLI front door: parse flags, run the engine, print text or one JSON document, write files on request,
// and exit 0/1/2. Secrets are redacted from everything it prints unless the user asked to see the token.
import {
  exitCodeFor,
  parseOptions,
  renderJson,
  renderText,
  runProbe,
  type ProbeOutcome,
  type ProbeOptions,
  type RuntimeContext,
} from '../core/index.js';
import { writeReports } from '../host/report-files.js';
import { TOOL_VERSION } from '../host/version.js';
import { parseArgs, USAGE } from './args.js';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  env: NodeJS.ProcessEnv;
  makeContext(registerSecret: (value: string) => void): RuntimeContext;
  emulate(argv: string[]): Promise<number>;
  probe?: (options: ProbeOptions, ctx: RuntimeContext) => Promise<ProbeOutcome>;
}

export function redact(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  return out;
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
    case 'usage-error':
      io.err(`imds-check: ${command.message}. Run 'imds-check --help' for usage.\n`);
      return 2;
  }
  const parsed = parseOptions(command.inputs, 'kebab');
  if (!parsed.ok) {
    io.err(`imds-check: ${parsed.error.message}\n`);
    return 2;
  }
  const options = parsed.options;
  const secrets = new Set<string>();
  const ctx = io.makeContext((value) => secrets.add(value));
  const { report, accessToken } = await (io.probe ?? runProbe)(options, ctx);
  const written =
    options.reportPath !== '' || options.junitPath !== ''
      ? await writeReports(report, {
          reportPath: options.reportPath,
          junitPath: options.junitPath,
          defaultDir: '',
        })
      : null;
  if (command.json) {
    const document = options.exposeToken
      ? { ...JSON.parse(renderJson(report)), accessToken }
      : JSON.parse(renderJson(report));
    const text = `${JSON.stringify(document, null, 2)}\n`;
    io.out(options.exposeToken ? text : redact(text, secrets));
  } else {
    const color = io.isTTY && !command.noColor && !('NO_COLOR' in io.env) && io.env['TERM'] !== 'dumb';
    io.out(redact(renderText(report, { color }), secrets));
    if (options.exposeToken) io.err('imds-check: --expose-token only adds the token to --json output.\n');
  }
  for (const problem of written?.problems ?? []) io.err(`imds-check: ${problem}\n`);
  return exitCodeFor(report);
}
