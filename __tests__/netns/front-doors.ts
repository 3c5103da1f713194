// Runs the three committed bundles (CLI, GitHub Action, Azure DevOps task) with their DEFAULT endpoints, wrapped
// by a caller-supplied prefix (`ip netns exec NS`), and reads back what each front door reports in its own way:
// CLI --json report, GITHUB_OUTPUT heredocs, ##vso setvariable lines. Every written file is kept for leak scans.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actionDefaults, inputEnvName, parseOutputFile } from '../github/runner.js';
import { agentEnvironment, parseCommands, type TaskInputSpec } from '../azure-devops/agent-harness.js';
import { runTimed } from './namespace.js';
import { node24Path } from '../helpers/node-binaries.js';
import { BUNDLE_ROOT } from '../helpers/bundle-root.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(BUNDLE_ROOT, 'dist/cli/index.js');
export const ACTION = join(BUNDLE_ROOT, 'dist/index.js');
export const TASK = join(BUNDLE_ROOT, 'dist/azure-devops/index.js');
// Node 24 as `npm test` provides it (IMDS_CHECK_NODE24); this process's node when the leg is skipped off CI
// (node-binaries.ts printed why, and throws on CI instead).
export const NODE24 = node24Path() ?? process.execPath;

export type Door = 'cli' | 'action' | 'task';

interface ReportCheck {
  id: string;
  code: string;
  status: string;
  outcome: string;
  message: string;
  remediation: string;
}
export interface Report {
  result: string;
  reachable: boolean;
  mode: { resolved: string; signal: string };
  checks: ReportCheck[];
}

export interface DoorRun {
  door: Door;
  exitCode: number | null;
  /** ADO only: the result of the last ##vso[task.complete] (the agent decides by it, not by the exit code). */
  taskResult: string;
  ms: number;
  result: string;
  reachable: string;
  mode: string;
  metadataStatus: string;
  tokenStatus: string;
  report: Report;
  /** check id -> check */
  checks: Record<string, ReportCheck>;
  /** Every channel the run wrote: stdout, stderr and each file, by name. */
  channels: Record<string, string>;
}

export interface DoorRequest {
  /** kebab-case inputs, as the contract names them (never `endpoint` here: the defaults are the point). */
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  node?: string;
  prefix: string[];
  timeoutMs?: number;
  /**
   * A Windows bundle (the Windows build of Node under Wine): the host path behind a path it printed. Its
   * GITHUB_OUTPUT lines end in CRLF, as the runner reads them on Windows.
   */
  hostPath?: (path: string) => string;
}

function filesUnder(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out[path.slice(dir.length + 1)] = readFileSync(path, 'utf8');
    }
  }
  return out;
}

const byId = (report: Report): Record<string, ReportCheck> =>
  Object.fromEntries(report.checks.map((c) => [c.id, c]));
const camel = (kebab: string): string => kebab.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());

export async function runDoor(door: Door, request: DoorRequest): Promise<DoorRun> {
  // Safety (DESIGN §5): an endpoint override is only ever the loopback emulator; otherwise the caller must run
  // inside a private namespace (a non-empty prefix) with the default endpoint.
  const endpoint = request.inputs?.['endpoint'];
  if (
    endpoint !== undefined
      ? !/^http:\/\/127\.0\.0\.1:\d+$/.test(endpoint)
      : request.prefix.slice(0, 3).join(' ') !== 'ip netns exec'
  ) {
    throw new Error('runDoor: default endpoints only inside a namespace; overrides only to 127.0.0.1');
  }
  const node = request.node ?? process.execPath;
  const host = request.hostPath ?? ((path: string) => path);
  const dir = mkdtempSync(join(tmpdir(), `imdsck-${door}-`));
  const base = { PATH: `${dirname(node)}:/usr/sbin:/usr/bin:/sbin:/bin`, HOME: dir, ...request.env };
  const inputs = request.inputs ?? {};
  const files = join(dir, 'files');
  mkdirSync(files);
  let argv: string[];
  let env: Record<string, string>;
  if (door === 'cli') {
    // --expose-token and --ama are bare flags on the CLI (DESIGN §3.1).
    const flags = Object.entries(inputs).flatMap(([k, v]) =>
      k === 'expose-token' || k === 'ama' ? (v === 'true' ? [`--${k}`] : []) : [`--${k}`, v],
    );
    argv = [
      node,
      CLI,
      '--json',
      '--report',
      join(files, 'report.json'),
      '--junit',
      join(files, 'junit.xml'),
      ...flags,
    ];
    env = base;
  } else if (door === 'action') {
    for (const f of ['github_output', 'step_summary', 'github_state']) writeFileSync(join(files, f), '');
    mkdirSync(join(files, 'runner-temp'));
    env = {
      ...base,
      GITHUB_OUTPUT: join(files, 'github_output'),
      GITHUB_STEP_SUMMARY: join(files, 'step_summary'),
      GITHUB_STATE: join(files, 'github_state'),
      RUNNER_TEMP: join(files, 'runner-temp'),
    };
    for (const [name, value] of Object.entries({
      ...actionDefaults(),
      'junit-path': join(files, 'junit.xml'),
      ...inputs,
    }))
      env[inputEnvName(name)] = value;
    argv = [node, ACTION];
  } else {
    const task = JSON.parse(readFileSync(join(ROOT, 'task.json'), 'utf8')) as { inputs: TaskInputSpec[] };
    const given = Object.fromEntries(
      Object.entries({ 'junit-path': join(files, 'junit.xml'), ...inputs }).map(([k, v]) => [camel(k), v]),
    );
    env = { ...agentEnvironment(task.inputs, given, node, files), ...request.env, HOME: dir };
    mkdirSync(env['AGENT_TEMPDIRECTORY']!, { recursive: true });
    argv = [node, TASK];
  }
  const run = await runTimed([...request.prefix, ...argv], {
    env,
    cwd: dir,
    timeoutMs: request.timeoutMs ?? 90_000,
  });
  const written = filesUnder(files);
  const channels: Record<string, string> = { stdout: run.stdout, stderr: run.stderr, ...written };

  let outputs: Record<string, string>;
  let report: Report;
  let taskResult = '';
  if (door === 'cli') {
    report = JSON.parse(run.stdout) as Report;
    const checks = byId(report);
    outputs = {
      result: report.result,
      reachable: String(report.reachable),
      mode: report.mode.resolved,
      'metadata-status': checks['metadata']!.outcome,
      'token-status': checks['token']!.outcome,
    };
  } else if (door === 'action') {
    outputs = parseOutputFile(written['github_output'] ?? '', request.hostPath !== undefined);
    report = JSON.parse(readFileSync(host(outputs['report-path']!), 'utf8')) as Report;
    channels['report.json'] = JSON.stringify(report);
  } else {
    const commands = parseCommands(run.stdout.split(/\r?\n/));
    const vars = commands.filter((c) => c.name === 'task.setvariable');
    taskResult = commands.filter((c) => c.name === 'task.complete').at(-1)?.properties['result'] ?? '';
    outputs = {};
    for (const v of vars)
      outputs[(v.properties['variable'] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)] = v.message;
    report = JSON.parse(readFileSync(host(outputs['report-path']!), 'utf8')) as Report;
    channels['report.json'] = JSON.stringify(report);
  }
  return {
    door,
    exitCode: run.exitCode,
    taskResult,
    ms: run.ms,
    result: outputs['result'] ?? '',
    reachable: outputs['reachable'] ?? '',
    mode: outputs['mode'] ?? '',
    metadataStatus: outputs['metadata-status'] ?? '',
    tokenStatus: outputs['token-status'] ?? '',
    report,
    checks: byId(report),
    channels,
  };
}
