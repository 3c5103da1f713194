// Runs the CLI bundle as a user would, with a clean environment (PATH and a throw-away HOME only), and
// collects its exit code and both output streams.
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLE_ROOT } from './bundle-root.js';

export const CLI_BUNDLE = 'dist/cli/index.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(node: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(node, [join(BUNDLE_ROOT, CLI_BUNDLE), ...args], {
      env: { PATH: process.env['PATH'] ?? '', HOME: tmpdir(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
