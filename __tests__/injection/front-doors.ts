// Runs one front door (Action bundle, task bundle, CLI text, CLI --json) against an emulator and collects every
// channel a pipeline or a person reads: stdout, stderr, outputs, summary, report, JUnit.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  agentEnvironment,
  repoRoot,
  runAgentTask,
  scratchDir,
  type TaskInputSpec,
} from '../azure-devops/agent-harness.js';
import { runAction } from '../github/runner.js';
import { BUNDLE_ROOT } from '../helpers/bundle-root.js';

export type Door = 'action' | 'task' | 'cli' | 'cli-json';
export const DOORS: readonly Door[] = ['action', 'task', 'cli', 'cli-json'];

export interface DoorRun {
  door: Door;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** Output name (kebab-case) → value, for the CI doors. */
  outputs: Record<string, string>;
  /** ADO: every variable the run set, by name. */
  variables: string[];
  /** Files the run wrote that a later step reads: summary, JSON report, JUnit. */
  files: Record<string, string>;
  /** The JSON report as written (CLI --json: the document on stdout). */
  report: unknown;
  /** Every file under the run's folders (runner or agent folders, working folder), by path: for leak scans. */
  allFiles: Record<string, string>;
}

const task = JSON.parse(readFileSync(join(repoRoot, 'task.json'), 'utf8')) as { inputs: TaskInputSpec[] };
const camel = (name: string): string => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function readIf(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

function filesUnder(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile())
      found[join(entry.parentPath, entry.name)] = readIf(join(entry.parentPath, entry.name));
  return found;
}

async function runCli(
  args: string[],
  dir: string,
  extraEnv: Record<string, string>,
): Promise<{ exitCode: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(BUNDLE_ROOT, 'dist/cli/index.js'), ...args], {
    cwd: dir,
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  clearTimeout(killer);
  return { exitCode, stdout, stderr };
}

/**
 * `inputs` use the contract's kebab-case names; `endpoint` must be a loopback emulator URL. `env`: more
 * environment variables of the step (a proxy, say).
 */
export async function runDoor(
  door: Door,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<DoorRun> {
  if (door === 'action') {
    const run = await runAction(process.execPath, { ...inputs, 'junit-path': 'junit.xml' }, { env });
    const reportText = readIf(join(run.runnerTemp, 'imds-check', 'report.json'));
    return {
      door,
      exitCode: run.exitCode,
      stdout: run.stdout,
      stderr: run.stderr,
      outputs: run.outputs,
      variables: [],
      files: {
        summary: run.summary,
        report: reportText,
        junit: readIf(join(run.workspace, 'junit.xml')),
        outputs: run.outputsFile,
      },
      report: reportText ? JSON.parse(reportText) : null,
      allFiles: Object.fromEntries(run.files().map((f) => [f.path, f.text])),
    };
  }
  const dir = scratchDir(`inject-${door}-`);
  if (door === 'task') {
    const given = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [camel(k), v]));
    const agentEnv = agentEnvironment(
      task.inputs,
      { ...given, junitPath: join(dir, 'junit.xml') },
      process.execPath,
      dir,
      env,
    );
    const run = await runAgentTask(process.execPath, agentEnv, dir);
    const setVariables = run.commands.filter((c) => c.name === 'task.setvariable');
    const outputs = Object.fromEntries(
      setVariables.map((c) => [kebab(c.properties['variable'] ?? ''), c.message]),
    );
    const folder = join(dir, '_temp', 'imds-check');
    const reportText = readIf(join(folder, 'report.json'));
    return {
      door,
      exitCode: run.exitCode,
      stdout: run.stdout,
      stderr: run.stderr,
      outputs,
      variables: setVariables.map((c) => c.properties['variable'] ?? ''),
      files: {
        summary: readIf(join(folder, 'summary.md')),
        report: reportText,
        junit: readIf(join(dir, 'junit.xml')),
      },
      report: reportText ? JSON.parse(reportText) : null,
      allFiles: filesUnder(dir),
    };
  }
  mkdirSync(dir, { recursive: true });
  // --ama and --expose-token are bare flags on the CLI (DESIGN §3.1).
  const flags = Object.entries(inputs).flatMap(([k, v]) =>
    k === 'ama' || k === 'expose-token' ? (v === 'true' ? [`--${k}`] : []) : [`--${k}`, v],
  );
  const json = door === 'cli-json';
  const run = await runCli(
    [...flags, '--report', 'r.json', '--junit', 'j.xml', ...(json ? ['--json'] : [])],
    dir,
    env,
  );
  writeFileSync(join(dir, 'stdout.txt'), run.stdout);
  const reportText = readIf(join(dir, 'r.json'));
  return {
    door,
    ...run,
    outputs: {},
    variables: [],
    files: { report: reportText, junit: readIf(join(dir, 'j.xml')) },
    // A refused input prints no document: null, like a missing report file.
    report: json ? (run.stdout ? JSON.parse(run.stdout) : null) : reportText ? JSON.parse(reportText) : null,
    allFiles: filesUnder(dir),
  };
}
