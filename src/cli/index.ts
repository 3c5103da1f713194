// CLI entry (bundled to dist/cli/index.js, package bin `imds-check`).
import { execFile } from 'node:child_process';
import { runEmulateCommand } from '../emulator/command.js';
import { createHostContext } from '../host/context.js';
import type { DiagnosticsPort } from '../core/index.js';
import { runCli } from './main.js';

const diagnostics: DiagnosticsPort = {
  run: (command, args, timeoutMs) =>
    new Promise((resolve) => {
      execFile(command, args, { timeout: timeoutMs, windowsHide: true }, (err, stdout) => {
        const code = (err as NodeJS.ErrnoException | null)?.code;
        if (code === 'ENOENT' || (err && err.killed)) return resolve(null);
        resolve({ exitCode: typeof code === 'number' ? code : err ? 1 : 0, stdout: String(stdout) });
      });
    }),
};

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
    makeContext: (registerSecret) => createHostContext({ frontDoor: 'cli', registerSecret, diagnostics }),
    emulate: (argv) => runEmulateCommand(argv, { out: (l) => console.log(l), err: (l) => console.error(l) }),
  });
} catch (err) {
  // No stack traces unless asked for: the message alone, on one line.
  process.stderr.write(`imds-check: unexpected error: ${err instanceof Error ? err.message : String(err)}\n`);
  if (process.env['IMDS_CHECK_DEBUG'] === '1' && err instanceof Error && err.stack)
    process.stderr.write(`${err.stack}\n`);
  process.exitCode = 1;
}
