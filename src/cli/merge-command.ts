// `imds-check merge [options] PATH...`: many machines' reports → one fleet verdict, as text or the fleet JSON
// on stdout, with --report / --markdown files on request. Exit 0 pass, 1 fail, 2 usage error.
import { resolve } from 'node:path';
import {
  parseMergeOptions,
  renderFleetJson,
  renderFleetMarkdown,
  renderFleetText,
  type RawMergeInputs,
} from '../core/fleet/index.js';
import { neutraliseLine } from '../core/index.js';
import { pathLink } from '../host/code-links.js';
import { loadFleet } from '../host/fleet-files.js';
import { writePrivately } from '../host/report-files.js';
import { errnoOf, writeProblemText } from '../host/writable.js';
import { CLI_SPELLING } from '../host/spelling.js';
import { TOOL_VERSION } from '../host/version.js';

export interface MergeIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export const MERGE_USAGE = `Usage: imds-check merge [options] PATH...

Merges the JSON reports of many machines (imds-check --report FILE on each) into one verdict.
PATH is a report file, a folder (searched recursively for *.json) or a glob (**, *, ?; quote it).

Options:
  --expected N          the number of machines; each one short of it counts as missing and failed,
                        more machines than N fail the merge, and an N% min-pass is counted against N
  --min-pass N|N%       machines (or share of them) that must pass (default 100%)
  --allow-codes A,B     let a machine through when every failing check's code is listed
  --json                print the fleet report (JSON) instead of text
  --report FILE         write the fleet report (JSON) to FILE
  --markdown FILE       write the Markdown summary to FILE
  -h, --help            this help

A report counts with schemaVersion 1, a GUID machine.vmId, a startedAt no later than the merge plus
5 minutes and a reachability check; any other file is an invalid, failed machine. In one leg folder (the
folder holding the file) the newest report per vmId counts and older ones are listed as superseded; the
same vmId from two leg folders fails the merge, as does a search stopped at a limit. Always give
--expected: without it, extra reports raise the share that passes. Exit codes: 0 pass, 1 fail, 2 usage error.`;

interface MergeCommand {
  inputs: RawMergeInputs;
  json: boolean;
  markdownPath: string;
}

type Parsed =
  { kind: 'help' } | { kind: 'usage-error'; message: string } | ({ kind: 'merge' } & MergeCommand);

/** Flag → input. A Map: `--constructor` is an unknown option, not a property every object has. */
const VALUE_FLAGS: ReadonlyMap<string, keyof RawMergeInputs | 'markdown'> = new Map([
  ['expected', 'expected'],
  ['min-pass', 'min-pass'],
  ['allow-codes', 'allow-codes'],
  ['report', 'report-path'],
  ['markdown', 'markdown'],
]);

export function parseMergeArgs(argv: string[]): Parsed {
  const command: MergeCommand = { inputs: {}, json: false, markdownPath: '' };
  const paths: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (!arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
    const name = match?.[1] ?? arg;
    if (!match || (name !== 'json' && !VALUE_FLAGS.has(name)))
      return { kind: 'usage-error', message: `unknown option ${arg}` };
    if (seen.has(name)) return { kind: 'usage-error', message: `--${name} given more than once` };
    seen.add(name);
    if (name === 'json') {
      if (match[2] !== undefined) return { kind: 'usage-error', message: '--json takes no value' };
      command.json = true;
      continue;
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined || (match[2] === undefined && value.startsWith('--')))
      return { kind: 'usage-error', message: `--${name} needs a value` };
    const target = VALUE_FLAGS.get(name)!;
    if (target === 'markdown') command.markdownPath = value;
    else command.inputs[target] = value;
  }
  if (paths.length === 0)
    return { kind: 'usage-error', message: 'no PATH given: name report files, folders or globs' };
  // One per line, as the action's `reports` input takes them.
  command.inputs.reports = paths.join('\n');
  return { kind: 'merge', ...command };
}

/** False (and one stderr line) when the file cannot be written: the merge then exits 1 (report_write_failed). */
async function writeFile(what: string, path: string, content: string, io: MergeIo): Promise<boolean> {
  try {
    await writePrivately(resolve(io.cwd, path), content);
    return true;
  } catch (err) {
    const problem = writeProblemText({ what, path: resolve(io.cwd, path), errno: errnoOf(err) });
    io.err(`imds-check merge: ${neutraliseLine(problem)} (see docs/errors.md#report_write_failed)\n`);
    return false;
  }
}

export async function runMergeCommand(argv: string[], io: MergeIo): Promise<number> {
  const command = parseMergeArgs(argv);
  if (command.kind === 'help') {
    io.out(`${MERGE_USAGE}\n`);
    return 0;
  }
  const usage = (message: string): number => {
    io.err(`imds-check merge: ${neutraliseLine(message)}. Run 'imds-check merge --help' for usage.\n`);
    return 2;
  };
  if (command.kind === 'usage-error') return usage(command.message);
  // The flags are the input names, except --report (as for the check) and the PATH arguments.
  const parsed = parseMergeOptions(command.inputs, (name) =>
    name === 'report-path' ? '--report' : `--${name}`,
  );
  if (!parsed.ok) return usage(parsed.error.message);
  const { policy, reports, reportPath } = parsed.options;
  const now = Date.now();
  const loaded = loadFleet(reports, io.cwd, { now });
  for (const problem of loaded.problems) io.err(`imds-check merge: ${neutraliseLine(problem)}\n`);
  const report = loaded.fleet.finish(policy, {
    toolVersion: TOOL_VERSION,
    generatedAt: new Date(now).toISOString(),
  });
  const style = { spell: CLI_SPELLING, codeLink: pathLink };
  const written = [
    reportPath === '' || (await writeFile('fleet report', reportPath, renderFleetJson(report), io)),
    command.markdownPath === '' ||
      (await writeFile('Markdown summary', command.markdownPath, renderFleetMarkdown(report, style), io)),
  ];
  io.out(command.json ? renderFleetJson(report) : renderFleetText(report, style));
  return report.result === 'pass' && written.every(Boolean) ? 0 : 1;
}
