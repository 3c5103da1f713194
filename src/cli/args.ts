// argv → what the CLI should do. The flags and their --help lines come from the contract's inputs (each declared
// by the run or the check that reads it): `--mode vm` or `--mode=vm`, a bare flag for a boolean input, `--report`
// and `--junit` for the two file inputs; plus the CLI's own --json, --no-color, --arc-tokens-dir, --help, --version.
import {
  CONTRACT_INPUTS,
  INPUT_DEFAULTS,
  withoutUserInfo,
  type InputName,
  type RawInputs,
} from '../core/index.js';

export interface CheckCommand {
  kind: 'check';
  inputs: RawInputs;
  json: boolean;
  noColor: boolean;
  /** Only for trying Arc mode against the emulator; checked against the endpoint in main.ts. */
  arcTokensDir: string;
}

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'emulate'; argv: string[] }
  | { kind: 'merge'; argv: string[] }
  | CheckCommand
  | { kind: 'usage-error'; message: string };

interface Flag {
  input: InputName;
  /** A bare flag (a boolean input) sets 'true'. */
  bare: boolean;
}

/** Flag name → input; no prototype, as the names come from the command line. */
const FLAGS: ReadonlyMap<string, Flag> = new Map(
  CONTRACT_INPUTS.map((i) => [i.cli.flag ?? i.name, { input: i.name, bare: i.cli.value === undefined }]),
);

export function parseArgs(argv: string[]): CliCommand {
  if (argv[0] === 'emulate') return { kind: 'emulate', argv: argv.slice(1) };
  if (argv[0] === 'merge') return { kind: 'merge', argv: argv.slice(1) };
  const command: CheckCommand = { kind: 'check', inputs: {}, json: false, noColor: false, arcTokensDir: '' };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--version' || arg === '-V') return { kind: 'version' };
    if (arg === 'check' && i === 0) continue;
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
    // A stray value may be a URL with a password (`--ama http://u:p@proxy`): never echo its user-info.
    if (!match) return { kind: 'usage-error', message: `unexpected argument '${withoutUserInfo(arg)}'` };
    const name = match[1]!;
    const inline = match[2];
    if (seen.has(name)) return { kind: 'usage-error', message: `--${name} given more than once` };
    seen.add(name);
    const flag = FLAGS.get(name);
    if (name === 'json' || name === 'no-color' || flag?.bare) {
      if (inline !== undefined) return { kind: 'usage-error', message: `--${name} takes no value` };
      if (name === 'json') command.json = true;
      else if (name === 'no-color') command.noColor = true;
      else command.inputs[flag!.input] = 'true';
      continue;
    }
    if (!flag && name !== 'arc-tokens-dir')
      return { kind: 'usage-error', message: `unknown option --${name}` };
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      return { kind: 'usage-error', message: `--${name} needs a value` };
    }
    if (flag) command.inputs[flag.input] = value;
    else command.arcTokensDir = value;
  }
  // The token is printed only inside the JSON document: without --json the flag would do nothing, so say so
  // before anything runs rather than after.
  if (command.inputs['expose-token'] === 'true' && !command.json)
    return {
      kind: 'usage-error',
      message:
        '--expose-token needs --json (the token is printed only as accessToken in the JSON document, never as text)',
    };
  return command;
}

/** `  --flag VALUE` padded to the help column (at least two spaces before the text). */
const helpLine = (left: string, text: string): string => `  ${left.padEnd(25)}  ${text}`;

const INPUT_LINES = CONTRACT_INPUTS.map((i) =>
  helpLine(
    `--${i.cli.flag ?? i.name}${i.cli.value ? ` ${i.cli.value}` : ''}`,
    i.cli.help.replace('{default}', INPUT_DEFAULTS[i.name]),
  ),
);

export const USAGE = `Usage: imds-check [options]
       imds-check emulate [options]     (imds-check emulate --help lists them)
       imds-check merge [options] PATH...  (one verdict over many machines' reports; merge --help)

Checks that this machine reaches Azure IMDS (VMs) or Hybrid IMDS (Arc) and gets a managed-identity token.

Options:
${INPUT_LINES.join('\n')}
${helpLine('--json', 'print the JSON report on stdout instead of text')}
${helpLine('--arc-tokens-dir DIR', 'Arc key-file folder, only with a loopback --endpoint (to try Arc against the emulator)')}
${helpLine('--no-color', 'no colours (also when NO_COLOR is set or stdout is not a terminal)')}
${helpLine('-h, --help', 'this help')}
${helpLine('-V, --version', 'the version')}

Progress lines during long waits go to stderr. Each failure names its code, documented in docs/errors.md.
Exit codes: 0 pass or warn, 1 fail (per --fail-on), 2 usage error.`;
