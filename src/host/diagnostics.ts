// Read-only diagnostics commands for the engine (e.g. `/usr/bin/systemctl is-active himdsd`) over
// node:child_process: by absolute path only, no shell, output captured (task-lib's exec would print `[command]`
// lines while the engine runs), killed at the timeout. A missing command, a bare name or a timeout is `null`; a
// non-zero exit is an answer.
import type { DiagnosticsPort } from '../core/index.js';

export const childProcessDiagnostics: DiagnosticsPort = {
  async run(command, args, timeoutMs) {
    // Never a bare name: PATH (and on Windows the working folder) would choose which program runs.
    const { isAbsolute } = await import('node:path');
    if (!isAbsolute(command) && !/^[A-Za-z]:\\/.test(command)) return null;
    // Loaded on first use: most runs never ask, and start-up should not pay for it.
    const { execFile } = await import('node:child_process');
    return new Promise((resolve) => {
      execFile(
        command,
        args,
        { timeout: timeoutMs, maxBuffer: 64 * 1024, windowsHide: true, encoding: 'utf8' },
        (err, stdout) => {
          if (!err) return resolve({ exitCode: 0, stdout });
          const code = (err as NodeJS.ErrnoException & { code?: unknown }).code;
          if (typeof code === 'number') return resolve({ exitCode: code, stdout });
          resolve(null); // ENOENT, EACCES, killed by the timeout, output too large
        },
      );
    });
  },
};
