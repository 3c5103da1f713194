// argv → what the CLI should do. Flags are the contract input names (`--mode vm` or `--mode=vm`), plus
// --report, --junit, --json, bare --expose-token and --ama, --no-color, --arc-tokens-dir, --help, --version.
import { INPUT_NAMES, INPUT_DEFAULTS, type InputName, type RawInputs } from '../core/index.js';

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

/** Boolean inputs are bare flags on the command line. */
const BARE_INPUTS: readonly InputName[] = ['expose-token', 'ama'];
const FILE_FLAGS: Readonly<Record<string, InputName>> = { report: 'report-path', junit: 'junit-path' };
const VALUE_FLAGS = new Set<string>(
  INPUT_NAMES.filter((n) => !BARE_INPUTS.includes(n) && !Object.values(FILE_FLAGS).includes(n)),
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
    if (!match) return { kind: 'usage-error', message: `unexpected argument '${arg}'` };
    const name = match[1]!;
    const inline = match[2];
    if (seen.has(name)) return { kind: 'usage-error', message: `--${name} given more than once` };
    seen.add(name);
    if (name === 'json' || name === 'no-color' || BARE_INPUTS.includes(name as InputName)) {
      if (inline !== undefined) return { kind: 'usage-error', message: `--${name} takes no value` };
      if (name === 'json') command.json = true;
      else if (name === 'no-color') command.noColor = true;
      else command.inputs[name as InputName] = 'true';
      continue;
    }
    const target = FILE_FLAGS[name] ?? (VALUE_FLAGS.has(name) ? (name as InputName) : undefined);
    if (!target && name !== 'arc-tokens-dir')
      return { kind: 'usage-error', message: `unknown option --${name}` };
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      return { kind: 'usage-error', message: `--${name} needs a value` };
    }
    if (target) command.inputs[target] = value;
    else command.arcTokensDir = value;
  }
  return command;
}

const d = INPUT_DEFAULTS;

export const USAGE = `Usage: imds-check [options]
       imds-check emulate [options]     (imds-check emulate --help lists them)
       imds-check merge [options] PATH...  (one verdict over many machines' reports; merge --help)

Checks that this machine reaches Azure IMDS (VMs) or Hybrid IMDS (Arc) and gets a managed-identity token.

Options:
  --mode auto|vm|arc         which metadata service (default ${d.mode}: Arc when its agent or variables are present)
  --identity system|user|none  which identity to request a token for (default ${d.identity}; none skips the token)
  --client-id GUID           user-assigned identity by client id (with --identity user)
  --object-id GUID           user-assigned identity by object (principal) id
  --msi-res-id ID            user-assigned identity by ARM resource id
  --resource URI             token audience (default: ARM of the cloud IMDS reports)
  --endpoint URL             base URL override, e.g. http://127.0.0.1:8080 for the emulator
  --timeout-seconds N        bound on the whole run, retries included (1-600, default ${d['timeout-seconds']})
  --fail-on error|unreachable|never  when to exit 1 (default ${d['fail-on']})
  --samples N                repeat the metadata and token requests N times in all (1-1000, default ${d.samples})
  --min-success-percent P    with --samples: the share of good samples below which stability fails (default ${d['min-success-percent']})
  --ama                      also check the endpoints the Azure Monitor Agent needs (off by default)
  --workspace-ids IDS        with --ama: Log Analytics workspace ids, comma separated
  --dce-endpoints HOSTS      with --ama: data collection endpoint host names, comma separated
  --ama-proxy URL|none       with --ama: the proxy AMA will use (default: HTTPS_PROXY of the environment)
  --private-link auto|true|false  with --ama: whether names must resolve to private addresses (default ${d['private-link']})
  --ama-trusted-roots FILE   with --ama: PEM file of extra roots that count as Azure Monitor's
  --report FILE              write the JSON report to FILE
  --junit FILE               write JUnit XML to FILE
  --json                     print the JSON report on stdout instead of text
  --expose-token             with --json, add accessToken to the printed document (never to --report)
  --arc-tokens-dir DIR       Arc key-file folder, only with a loopback --endpoint (to try Arc against the emulator)
  --no-color                 no colours (also when NO_COLOR is set or stdout is not a terminal)
  -h, --help                 this help
  -V, --version              the version

Progress lines during long waits go to stderr. Each failure names its code, documented in docs/errors.md.
Exit codes: 0 pass or warn, 1 fail (per --fail-on), 2 usage error.`;
