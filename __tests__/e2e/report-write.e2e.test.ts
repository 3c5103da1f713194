// Issue 17, item 7: a file asked for that cannot be written fails the step whatever fail-on says
// (report_write_failed, naming the path and the errno), through the Action, the task and the CLI bundles. A
// folder at the path, a parent that is a file, a folder without write permission, a read-only step summary:
// each is found before the probe, so IMDS is never asked. Permission cases need a user the permissions apply
// to: as root, the doors run as nobody (65534).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';
import { agentEnvironment, type TaskInputSpec } from '../azure-devops/agent-harness.js';
import { actionDefaults, inputEnvName } from '../github/runner.js';
import { BUNDLE_ROOT } from '../helpers/bundle-root.js';

type Door = 'action' | 'task' | 'cli';
const DOORS: Door[] = ['action', 'task', 'cli'];
const BUNDLES: Record<Door, string> = {
  action: join(BUNDLE_ROOT, 'dist/index.js'),
  task: join(BUNDLE_ROOT, 'dist/azure-devops/index.js'),
  cli: join(BUNDLE_ROOT, 'dist/cli/index.js'),
};
const AS_NOBODY = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
const TASK_INPUTS = (
  JSON.parse(readFileSync(new URL('../../task.json', import.meta.url), 'utf8')) as { inputs: TaskInputSpec[] }
).inputs;

interface Run {
  code: number | null;
  output: string;
  /** The task: the result of its last task.complete (the agent decides by it). */
  taskResult: string;
}

const dirs: string[] = [];
/** A folder everyone may use, so the doors can run as nobody. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'imdsck-write-'));
  chmodSync(dir, 0o777);
  dirs.push(dir);
  return dir;
}

function shared(path: string, mode = 0o777): string {
  mkdirSync(path, { recursive: true });
  chmodSync(path, mode);
  return path;
}

/** One door as its platform starts it; `inputs` by contract name; `summary` replaces the GitHub summary file. */
async function runDoor(door: Door, inputs: Record<string, string>, summary?: string): Promise<Run> {
  const dir = scratch();
  const base = { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir };
  let env: Record<string, string>;
  let args: string[] = [];
  if (door === 'action') {
    const files = ['github_output', 'github_state', 'step_summary'].map((f) => join(dir, f));
    for (const f of files) writeFileSync(f, '', { mode: 0o666 });
    for (const f of files) chmodSync(f, 0o666);
    env = {
      ...base,
      GITHUB_OUTPUT: files[0]!,
      GITHUB_STATE: files[1]!,
      GITHUB_STEP_SUMMARY: summary ?? files[2]!,
      RUNNER_TEMP: shared(join(dir, 'runner-temp')),
    };
    for (const [name, value] of Object.entries({ ...actionDefaults(), ...inputs }))
      env[inputEnvName(name)] = value;
  } else if (door === 'task') {
    const camel = (k: string): string => k.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const given = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [camel(k), v]));
    env = agentEnvironment(TASK_INPUTS, given, process.execPath, dir);
    for (const folder of [env['AGENT_TEMPDIRECTORY']!, env['SYSTEM_DEFAULTWORKINGDIRECTORY']!])
      shared(folder);
  } else {
    env = base;
    const flag: Record<string, string> = { 'report-path': 'report', 'junit-path': 'junit' };
    args = Object.entries(inputs).flatMap(([k, v]) => [`--${flag[k] ?? k}`, v]);
  }
  const child = spawn(process.execPath, [BUNDLES[door], ...args], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...AS_NOBODY,
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(killer);
  const completions = [...output.matchAll(/^##vso\[task\.complete result=(\w+)/gm)];
  return { code, output, taskResult: completions.at(-1)?.[1] ?? '' };
}

function failed(door: Door, run: Run): void {
  if (door === 'task') expect({ door, result: run.taskResult }).toEqual({ door, result: 'Failed' });
  else expect({ door, code: run.code }).toEqual({ door, code: 1 });
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ scenario: 'healthy' });
});
afterAll(async () => {
  await emulator.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Each case: the inputs that point at an unwritable file, the path and the errno the message must name. */
const CASES: [string, () => { inputs: Record<string, string>; path: string; errno: RegExp }][] = [
  [
    'report-path is a folder',
    () => {
      const path = shared(join(scratch(), 'report.json'));
      return { inputs: { 'report-path': path }, path, errno: /EISDIR/ };
    },
  ],
  [
    'junit-path below a file',
    () => {
      const file = join(scratch(), 'file');
      writeFileSync(file, 'x');
      const path = join(file, 'sub', 'junit.xml');
      return { inputs: { 'junit-path': path }, path, errno: /ENOTDIR|EEXIST/ };
    },
  ],
  [
    'report-path in a folder without write permission',
    () => {
      const path = join(shared(join(scratch(), 'read-only'), 0o555), 'report.json');
      return { inputs: { 'report-path': path }, path, errno: /EACCES/ };
    },
  ],
];

describe.each(DOORS)('%s bundle', (door) => {
  it.each(CASES)('%s: report_write_failed before the probe, whatever fail-on says', async (_name, make) => {
    const { inputs, path, errno } = make();
    const before = emulator.requests.length;
    const run = await runDoor(door, { endpoint: emulator.url, 'fail-on': 'never', ...inputs });
    failed(door, run);
    expect(run.output).toContain('report_write_failed');
    expect(run.output).toContain(path);
    expect(run.output).toMatch(errno);
    expect(emulator.requests.length - before).toBe(0);
    expect(run.output).not.toMatch(/\n\s+at /);
  });

  it('a missing parent folder that can be created is created: the run passes', async () => {
    const path = join(scratch(), 'new', 'deeper', 'report.json');
    const run = await runDoor(door, { endpoint: emulator.url, 'report-path': path });
    expect(run.output).not.toContain('report_write_failed');
    if (door === 'task') expect(run.taskResult).toBe('Succeeded');
    else expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ result: 'pass' });
  });
});

describe('action bundle', () => {
  it('a step summary file it may not write: report_write_failed before the probe', async () => {
    const summary = join(scratch(), 'step_summary');
    writeFileSync(summary, '');
    chmodSync(summary, 0o444);
    const before = emulator.requests.length;
    const run = await runDoor('action', { endpoint: emulator.url, 'fail-on': 'never' }, summary);
    failed('action', run);
    expect(run.output).toContain(`report_write_failed: cannot write the step summary ${summary} (EACCES`);
    expect(emulator.requests.length - before).toBe(0);
  });
});
