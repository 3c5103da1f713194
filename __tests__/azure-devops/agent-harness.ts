// Runs the committed task bundle the way the Azure Pipelines agent does: `node dist/azure-devops/index.js`
// with INPUT_<NAME> for every task.json input (defaults applied), the Agent/System folders as environment
// variables, a minimal PATH and HOME, and a scratch working directory (task-lib writes .taskkey). Parses
// the `##vso[...]` commands the task prints.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_ROOT } from '../helpers/bundle-root.js';
import { isLoopbackTestEndpoint } from '../helpers/loopback-endpoint.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const bundlePath = join(BUNDLE_ROOT, 'dist', 'azure-devops', 'index.js');

/** This process's node and Node 24 (IMDS_CHECK_NODE24, which `npm test` obtains): see node-binaries.ts. */
export { nodeBinaries } from '../helpers/node-binaries.js';

export interface TaskInputSpec {
  name: string;
  defaultValue?: string | boolean;
}

export interface AgentRun {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  lines: string[];
  commands: VsoCommand[];
  tempDir: string;
}

export interface VsoCommand {
  /** Index of the stdout line. */
  line: number;
  name: string;
  properties: Record<string, string>;
  message: string;
}

// task-lib's escaping: '%' -> '%AZP25', CR/LF -> %0D/%0A, and in properties ']' -> %5D, ';' -> %3B.
const unescapeMessage = (s: string): string =>
  s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%AZP25/g, '%');
const unescapeProperty = (s: string): string => unescapeMessage(s.replace(/%5D/g, ']').replace(/%3B/g, ';'));

export function parseCommands(lines: string[]): VsoCommand[] {
  const commands: VsoCommand[] = [];
  lines.forEach((text, line) => {
    const match = /^##vso\[([^\s\]]+)(?: ([^\]]*))?\](.*)$/.exec(text);
    if (!match) return;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(';')) {
      const eq = pair.indexOf('=');
      if (eq > 0) properties[pair.slice(0, eq).trim()] = unescapeProperty(pair.slice(eq + 1));
    }
    commands.push({ line, name: match[1]!, properties, message: unescapeMessage(match[3] ?? '') });
  });
  return commands;
}

/** The environment the agent builds for a Node handler, plus `extra` (agent variables such as AGENT_PROXYURL). */
export function agentEnvironment(
  taskInputs: TaskInputSpec[],
  given: Record<string, string>,
  node: string,
  tempDir: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const env: Record<string, string> = {
    PATH: `${dirname(node)}:/usr/bin:/bin`,
    HOME: tempDir,
    AGENT_TEMPDIRECTORY: join(tempDir, '_temp'),
    AGENT_WORKFOLDER: join(tempDir, '_work'),
    SYSTEM_DEFAULTWORKINGDIRECTORY: join(tempDir, '_work', 's'),
    ...extra,
  };
  for (const input of taskInputs) {
    env[`INPUT_${input.name.replace(/ /g, '_').toUpperCase()}`] =
      given[input.name] ?? String(input.defaultValue ?? '');
  }
  return env;
}

export async function runAgentTask(
  node: string,
  env: Record<string, string>,
  tempDir: string,
  timeoutMs = 60_000,
  bundle = bundlePath,
): Promise<AgentRun> {
  // Safety: without a loopback endpoint the task would contact the real IMDS address from this machine.
  if (!isLoopbackTestEndpoint(env['INPUT_ENDPOINT'] ?? '')) {
    throw new Error('runAgentTask needs INPUT_ENDPOINT on 127.0.0.1 (the emulator or a closed port)');
  }
  for (const dir of [env['AGENT_TEMPDIRECTORY'], env['SYSTEM_DEFAULTWORKINGDIRECTORY']])
    if (dir) mkdirSync(dir, { recursive: true });
  const cwd = mkdtempSync(join(tempDir, 'cwd-'));
  return new Promise((resolve, reject) => {
    const child = spawn(node, [bundle], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      const lines = stdout.split(/\r?\n/);
      resolve({ stdout, stderr, exitCode, lines, commands: parseCommands(lines), tempDir });
    });
  });
}

export function scratchDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A loopback port nothing listens on: bind, note the port, close. */
export async function closedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A TCP listener that only counts connections; stands in for the agent proxy. */
export async function countingListener(): Promise<{
  port: number;
  connections: () => number;
  close: () => Promise<void>;
}> {
  let count = 0;
  const server: Server = createServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    connections: () => count,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
