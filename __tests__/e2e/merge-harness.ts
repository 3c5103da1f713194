// Runs the three merge front doors as their platforms do: the CLI bundle as a process, the merge action bundle
// as the GitHub runner runs it (INPUT_<NAME> with merge/action.yml defaults, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files, RUNNER_TEMP, the workspace as working folder), and the merge task bundle as the
// agent runs it (INPUT_<NAME> from merge/task.json, Agent folders); plus the check CLI that makes the reports.
import { spawn } from 'node:child_process';
import { chownSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { agentEnvironment, parseCommands, repoRoot, type VsoCommand } from '../azure-devops/agent-harness.js';
import { inputEnvName, parseOutputFile, tempDir } from '../github/runner.js';
import { BUNDLE_ROOT } from '../helpers/bundle-root.js';
import { commandProblems, type Problem } from '../helpers/injection.js';

export const CLI = join(BUNDLE_ROOT, 'dist/cli/index.js');
export const ACTION = join(BUNDLE_ROOT, 'dist/merge/index.js');
export const TASK = join(BUNDLE_ROOT, 'dist/azure-devops-merge/index.js');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Another user for a run: as root, file permissions bind only another user (tests of them run as nobody). */
export interface RunAs {
  uid: number;
  gid: number;
}

/** Hands a harness folder (and all in it) to the user a door runs as, so it can write its files there. */
function handOver(dir: string, as: RunAs | undefined): void {
  if (!as) return;
  chownSync(dir, as.uid, as.gid);
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true }))
    chownSync(join(entry.parentPath, entry.name), as.uid, as.gid);
}

export function runNode(
  node: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  as?: RunAs,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], ...as });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A minimal environment: no proxy variable of this machine leaks into a run. */
export const baseEnv = (home: string, extra: Record<string, string> = {}): Record<string, string> => ({
  PATH: process.env['PATH'] ?? '/usr/bin:/bin',
  HOME: home,
  ...extra,
});

/** A Windows runner or agent (the Windows build of Node under Wine): CRLF output files, Windows paths. */
export interface WindowsRun {
  windows?: boolean;
  /** The host path behind a path the bundle printed (the summary's). */
  hostPath?: (path: string) => string;
}

export interface ActionRun extends Run {
  outputs: Record<string, string>;
  summary: string;
  runnerTemp: string;
}

export async function runMergeAction(
  node: string,
  inputs: Record<string, string>,
  workspace: string,
  platform: WindowsRun = {},
  as?: RunAs,
): Promise<ActionRun> {
  const dir = tempDir('imds-merge-gh-');
  const runnerTemp = join(dir, 'runner-temp');
  mkdirSync(runnerTemp);
  const outputFile = join(dir, 'github_output');
  const summaryFile = join(dir, 'step_summary');
  for (const f of [outputFile, summaryFile]) writeFileSync(f, '');
  const manifest = parse(readFileSync(join(repoRoot, 'merge/action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const env = baseEnv(dir, {
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKSPACE: workspace,
  });
  const given = {
    ...Object.fromEntries(Object.entries(manifest.inputs).map(([k, v]) => [k, v.default ?? ''])),
    ...inputs,
  };
  for (const [name, value] of Object.entries(given)) env[inputEnvName(name)] = value;
  handOver(dir, as);
  const run = await runNode(node, [ACTION], workspace, env, as);
  return {
    ...run,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8'), platform.windows),
    summary: readFileSync(summaryFile, 'utf8'),
    runnerTemp,
  };
}

export interface TaskRun extends Run {
  commands: VsoCommand[];
  /** Output variables by camelCase name. */
  variables: Record<string, string>;
  summary: string;
  result: string;
}

/** `inputs` by task.json (camelCase) name; the working folder is `cwd`, as System.DefaultWorkingDirectory. */
export async function runMergeTask(
  node: string,
  inputs: Record<string, string>,
  cwd: string,
  platform: WindowsRun = {},
  as?: RunAs,
): Promise<TaskRun> {
  const dir = tempDir('imds-merge-ado-');
  const task = JSON.parse(readFileSync(join(repoRoot, 'merge/task.json'), 'utf8')) as {
    inputs: { name: string; defaultValue?: string }[];
  };
  const env = agentEnvironment(task.inputs, inputs, node, dir, { SYSTEM_DEFAULTWORKINGDIRECTORY: cwd });
  mkdirSync(env['AGENT_TEMPDIRECTORY']!, { recursive: true });
  handOver(dir, as);
  const run = await runNode(node, [TASK], cwd, env, as);
  const commands = parseCommands(run.stdout.split(/\r?\n/));
  const variables = Object.fromEntries(
    commands
      .filter((c) => c.name === 'task.setvariable')
      .map((c) => [c.properties['variable'] ?? '', c.message]),
  );
  const summaryPath = commands.find((c) => c.name === 'task.uploadsummary')?.message ?? '';
  return {
    ...run,
    commands,
    variables,
    summary: summaryPath ? readFileSync(platform.hostPath?.(summaryPath) ?? summaryPath, 'utf8') : '',
    result: commands.find((c) => c.name === 'task.complete')?.properties['result'] ?? '',
  };
}

const GITHUB_COMMAND = /^::(add-mask|debug|error|warning|notice)( [^:]*)?::(.*)$/;
const ADO_COMMAND =
  /^##vso\[(task\.setvariable|task\.debug|task\.issue|task\.complete|task\.uploadsummary)( [^\]]*)?\](.*)$/;

/** What a pipeline could act on in `text`, besides the platform library's own commands (whose data must be inert). */
export function channelProblems(text: string): Problem[] {
  const problems = commandProblems(text, (line) => GITHUB_COMMAND.test(line) || ADO_COMMAND.test(line));
  for (const line of text.split('\n')) {
    const data = GITHUB_COMMAND.exec(line)?.[3] ?? ADO_COMMAND.exec(line)?.[3];
    if (data !== undefined) problems.push(...commandProblems(data));
  }
  return problems;
}
