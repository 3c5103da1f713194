// Runs dist/index.js the way the GitHub runner does: the runner's node, every input as INPUT_<NAME> (hyphens
// kept, upper-cased) with action.yml defaults filled in, existing GITHUB_OUTPUT / GITHUB_STEP_SUMMARY /
// GITHUB_STATE files, RUNNER_TEMP, and an otherwise minimal environment (no proxy settings of this machine).
import { execFileSync, spawn } from 'node:child_process';
import {
  accessSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { node24Path } from '../helpers/node-binaries.js';
import { BUNDLE_ROOT } from '../helpers/bundle-root.js';
import { isLoopbackTestEndpoint } from '../helpers/loopback-endpoint.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUNDLE = join(BUNDLE_ROOT, 'dist/index.js');

/**
 * The Node binaries to run the bundle on, one per version: this process's node, the first `node` on PATH
 * outside node_modules/.bin (npm scripts put that first; a package linking a node there would hide the system
 * one), and Node 24 (IMDS_CHECK_NODE24, see node-binaries.ts; throws on CI when it is missing).
 */
export function bundleRuntimes(): [string, string][] {
  const candidates: [string, string][] = [[process.execPath, 'this process']];
  const onPath = (process.env['PATH'] ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '' && !/node_modules[\\/]\.bin$/.test(dir))
    .map((dir) => join(dir, 'node'))
    .find((file) => {
      try {
        accessSync(file, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
  if (onPath) candidates.push([onPath, 'PATH']);
  const node24 = node24Path();
  if (node24) candidates.push([node24, 'IMDS_CHECK_NODE24']);
  const byVersion = new Map<string, [string, string]>();
  for (const [file, source] of candidates) {
    const version = execFileSync(file, ['--version'], { encoding: 'utf8' }).trim();
    if (!byVersion.has(version)) byVersion.set(version, [`node ${version} (${source})`, file]);
  }
  return [...byVersion.values()];
}

interface ActionInputs {
  inputs: Record<string, { default?: string }>;
}

/** The defaults the runner applies for inputs the workflow does not set, read from action.yml. */
export function actionDefaults(): Record<string, string> {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionInputs;
  return Object.fromEntries(Object.entries(action.inputs).map(([name, spec]) => [name, spec.default ?? '']));
}

/** actions/runner Handler.cs AddInputsToEnvironment: INPUT_ + name with spaces as '_', upper-cased. */
export const inputEnvName = (name: string): string => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

export interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** The GITHUB_OUTPUT file: its path and what the run wrote to it. */
  outputsPath: string;
  outputsFile: string;
  outputs: Record<string, string>;
  summary: string;
  runnerTemp: string;
  workspace: string;
  /** Every file the run could have written to, for leak checks. */
  files(): { path: string; text: string }[];
}

/**
 * Parses `name<<delimiter\nvalue\ndelimiter` blocks (values may be empty or span lines). `windows`: lines may
 * also end in CRLF, as the runner reads them on Windows (FileCommandManager.ReadLine under OS_WINDOWS).
 */
export function parseOutputFile(text: string, windows = false): Record<string, string> {
  const lines = text.split(windows ? /\r?\n/ : '\n');
  const outputs: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const match = /^([^<]+)<<(.+)$/.exec(line);
    if (!match) throw new Error(`unexpected line in GITHUB_OUTPUT: ${line}`);
    const [, name, delimiter] = match;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
    if (i >= lines.length) throw new Error(`unterminated output ${name}`);
    if (name! in outputs) throw new Error(`output ${name} set twice`);
    outputs[name!] = value.join('\n');
  }
  return outputs;
}

function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

export interface RunOptions {
  timeoutMs?: number;
  /** Close our end of the stdout pipe at once, as a crashed log reader would: writes then fail with EPIPE. */
  closeStdout?: boolean;
  /** A folder put first on PATH (fake diagnostics commands). */
  pathPrefix?: string;
  /** More runner variables (e.g. GITHUB_ACTION_REPOSITORY / GITHUB_ACTION_REF of a released action). */
  env?: Record<string, string>;
  /** A Windows runner (default: this is Windows): GITHUB_OUTPUT lines may end in CRLF (see parseOutputFile). */
  windows?: boolean;
}

const tempDirs: string[] = [];

/** A temp folder removed by cleanupTempDirs(). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Windows processes need these to open sockets and find their folders; the runner passes them on too. */
function windowsBasics(): Record<string, string> {
  if (process.platform !== 'win32') return {};
  const names = [
    'SystemRoot',
    'SYSTEMROOT',
    'windir',
    'ProgramData',
    'TEMP',
    'TMP',
    'USERPROFILE',
    'PATHEXT',
  ];
  return Object.fromEntries(names.flatMap((n) => (process.env[n] ? [[n, process.env[n]!]] : [])));
}

export async function runAction(
  node: string,
  inputs: Record<string, string>,
  opts: RunOptions = {},
): Promise<ActionRun> {
  // Safety: without an endpoint the action would contact the real IMDS address from this machine.
  if (!isLoopbackTestEndpoint(inputs['endpoint'] ?? '')) {
    throw new Error('runAction needs an endpoint on 127.0.0.1 (the emulator or a closed port)');
  }
  const dir = tempDir('imds-gh-');
  const runnerTemp = join(dir, 'runner-temp');
  const workspace = join(dir, 'workspace');
  mkdirSync(runnerTemp);
  mkdirSync(workspace);
  const outputsFile = join(dir, 'github_output');
  const summaryFile = join(dir, 'step_summary');
  const stateFile = join(dir, 'github_state');
  for (const f of [outputsFile, summaryFile, stateFile]) writeFileSync(f, '');
  const env: Record<string, string> = {
    ...windowsBasics(),
    PATH: [opts.pathPrefix, process.env['PATH'] ?? '/usr/bin:/bin'].filter(Boolean).join(delimiter),
    HOME: process.env['HOME'] ?? dir,
    GITHUB_OUTPUT: outputsFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_STATE: stateFile,
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKSPACE: workspace,
    ...opts.env,
  };
  for (const [name, value] of Object.entries({ ...actionDefaults(), ...inputs }))
    env[inputEnvName(name)] = value;

  const child = spawn(node, [BUNDLE], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  if (opts.closeStdout) child.stdout.destroy();
  else child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  clearTimeout(killer);

  const outputsText = readFileSync(outputsFile, 'utf8');
  return {
    exitCode,
    stdout,
    stderr,
    outputsPath: outputsFile,
    outputsFile: outputsText,
    outputs: parseOutputFile(outputsText, opts.windows ?? process.platform === 'win32'),
    summary: readFileSync(summaryFile, 'utf8'),
    runnerTemp,
    workspace,
    files: () => filesUnder(dir),
  };
}
