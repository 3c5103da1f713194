// argv → what the CLI should do. Flags are the contract input names (`--mode vm` or `--mode=vm`), plus
// --report, --junit, --json, --expose-token (bare), --no-color, --help and --version.
import { INPUT_NAMES, type InputName, type RawInputs } from '../core/index.js';

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'emulate'; argv: string[] }
  | { kind: 'check'; inputs: RawInputs; json: boolean; noColor: boolean }
  | { kind: 'usage-error'; message: string };

const VALUE_FLAGS = new Set<string>(
  INPUT_NAMES.filter((n) => n !== 'expose-token' && n !== 'report-path' && n !== 'junit-path'),
);
const FILE_FLAGS: Readonly<Record<string, InputName>> = { report: 'report-path', junit: 'junit-path' };

export function parseArgs(argv: string[]): CliCommand {
  if (argv[0] === 'emulate') return { kind: 'emulate', argv: argv.slice(1) };
  const inputs: RawInputs = {};
  let json = false;
  let noColor = false;
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--version' || arg === '-V') return { kind: 'version' };
    if (arg === 'check' && i === 0) continue;
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
    if (!match) return { kind: 'usage-error', message: `unexpected argument '${arg}'` };
    const name = match[1]!;
    const inline = match[2];
    if (seen.has(name)) return { kind: 'usage-error', message: `--${name} given more than once` };
    seen.add(name);
    if (name === 'json' || name === 'expose-token' || name === 'no-color') {
      if (inline !== undefined) return { kind: 'usage-error', message: `--${name} takes no value` };
      if (name === 'json') json = true;
      else if (name === 'no-color') noColor = true;
      else inputs['expose-token'] = 'true';
      continue;
    }
    const target: InputName | undefined =
      FILE_FLAGS[name] ?? (VALUE_FLAGS.has(name) ? (name as InputName) : undefined);
    if (!target) return { kind: 'usage-error', message: `unknown option --${name}` };
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      return { kind: 'usage-error', message: `--${name} needs a value` };
    }
    inputs[target] = value;
  }
  return { kind: 'check', inputs, json, noColor };
}

export const USAGE = `Usage: imds-check [options]
       imds-check emulate [--scenario NAME] [--mode vm|arc] [--port N] [--host H] [--list]

Checks that this machine reaches Azure IMDS (VMs) or Hybrid IMDS (Arc) and gets a managed-identity token.

Options:
  --mode auto|vm|arc         which metadata service (default auto: Arc when its agent or variables are present)
  --identity system|user|none  which identity to request a token for (default system; none skips the token)
  --client-id GUID           user-assigned identity by client id (with --identity user)
  --object-id GUID           user-assigned identity by object (principal) id
  --msi-res-id ID            user-assigned identity by ARM resource id
  --resource URI             token audience (default: ARM of the cloud IMDS reports)
  --endpoint URL             base URL override, e.g. http://127.0.0.1:8080 for the emulator
  --timeout-seconds N        bound on the whole run, retries included (1-600, default 30)
  --fail-on error|unreachable|never  when to exit 1 (default error)
  --report FILE              write the JSON report to FILE
  --junit FILE               write JUnit XML to FILE
  --json                     print the JSON report on stdout instead of text
  --expose-token             with --json, add accessToken to the printed document (never to --report)
  --no-color                 no colours (also when NO_COLOR is set or stdout is not a terminal)
  -h, --help                 this help
  -V, --version              the version

Exit codes: 0 pass or warn, 1 fail (per --fail-on), 2 usage error.`;
