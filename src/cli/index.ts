// CLI entry (bundled to dist/cli/index.js, package bin `imds-check`).
import { exitOnceWritten } from '../host/exit.js';
import { createHostContext } from '../host/process-context.js';
import { oneLine } from '../host/one-line.js';
import { ignoreClosedPipes } from '../host/quiet-pipes.js';
import { runCli } from './main.js';

ignoreClosedPipes();

try {
  process.exitCode = await runCli(process.argv.slice(2), {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    isTTY: process.stdout.isTTY === true,
    errIsTTY: process.stderr.isTTY === true,
    env: process.env,
    makeContext: (options) => createHostContext(options),
    // Loaded only for `imds-check emulate`, so a check does not pay for parsing the emulator.
    emulate: async (argv) => {
      const { runEmulateCommand } = await import('../emulator/command.js');
      return runEmulateCommand(argv, { out: (l) => console.log(l), err: (l) => console.error(l) });
    },
    merge: async (argv) => {
      const { runMergeCommand } = await import('./merge-command.js');
      return runMergeCommand(argv, {
        out: (t) => process.stdout.write(t),
        err: (t) => process.stderr.write(t),
        cwd: process.cwd(),
      });
    },
  });
} catch (err) {
  // No stack traces unless asked for: the message alone, on one line.
  process.stderr.write(`imds-check: unexpected error: ${oneLine(err)}\n`);
  if (process.env['IMDS_CHECK_DEBUG'] === '1' && err instanceof Error && err.stack)
    process.stderr.write(`${err.stack}\n`);
  process.exitCode = 1;
}
// The verdict is printed and the files written: nothing the run gave up on (a stuck lookup) may hold the CLI.
await exitOnceWritten();
