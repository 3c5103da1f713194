// The real ActionsIo: the @actions/exec diagnostics port (silent, exit codes are answers, missing commands and
// timeouts are null) and the step-summary write that never leaves a half-written buffer behind.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import * as core from '@actions/core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { EOL, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActionsIo, execDiagnostics } from '../../src/github/actions-io.js';

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

describe('createActionsIo().writeSummary', () => {
  const saved = process.env['GITHUB_STEP_SUMMARY'];
  afterEach(() => {
    if (saved === undefined) delete process.env['GITHUB_STEP_SUMMARY'];
    else process.env['GITHUB_STEP_SUMMARY'] = saved;
  });

  it('a failed write empties the buffer, so the text does not leak into the next write', async () => {
    const io = createActionsIo();
    delete process.env['GITHUB_STEP_SUMMARY'];
    await expect(io.writeSummary('LEFTOVER from a failed write')).rejects.toThrow(/GITHUB_STEP_SUMMARY/);
    expect(core.summary.isEmptyBuffer()).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'imds-gh-summary-'));
    const file = join(dir, 'summary.md');
    writeFileSync(file, '');
    process.env['GITHUB_STEP_SUMMARY'] = file;
    await io.writeSummary('| a | b |');
    expect(readFileSync(file, 'utf8')).toBe(`| a | b |${EOL}`);
    rmSync(dir, { recursive: true, force: true });
  });
});
