// The @actions/exec diagnostics port: silent, exit codes are answers, missing commands and timeouts are null.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execDiagnostics } from '../../src/github/actions-io.js';

describe('execDiagnostics', () => {
  let written: string[];
  let realWrite: typeof process.stdout.write;
  beforeEach(() => {
    written = [];
    realWrite = process.stdout.write;
    process.stdout.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
  });
  afterEach(() => {
    process.stdout.write = realWrite;
  });

  it('returns exit code and stdout of a finished command, printing nothing', async () => {
    const result = await execDiagnostics.run(
      process.execPath,
      ['-e', 'process.stdout.write("inactive\\n"); process.exitCode = 3'],
      10_000,
    );
    expect(result).toEqual({ exitCode: 3, stdout: 'inactive\n' });
    expect(written).toEqual([]);
  });

  it('returns null when the command does not exist', async () => {
    expect(await execDiagnostics.run('imds-check-no-such-command-xyz', ['is-active'], 5_000)).toBeNull();
    expect(written).toEqual([]);
  });

  it('returns null when the command outlives its timeout', async () => {
    const result = await execDiagnostics.run(process.execPath, ['-e', 'setTimeout(() => {}, 1500)'], 100);
    expect(result).toBeNull();
    // let the child finish so jest sees no open handle
    await new Promise((resolve) => setTimeout(resolve, 1800));
  });
});
