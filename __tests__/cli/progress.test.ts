// Long waits are never silent: the CLI prints progress lines on stderr (plain lines when stderr is not a
// terminal), status words only, and the text report says how long retries waited.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'index.js');
const emulators: Emulator[] = [];
afterAll(async () => Promise.all(emulators.map((e) => e.close())));

function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' }, timeout: 60_000 },
      (err, stdout, stderr) =>
        resolve({
          status: err ? (typeof err.code === 'number' ? err.code : null) : 0,
          stdout,
          stderr,
          ms: Date.now() - started,
        }),
    );
  });
}

async function emulator(scenario: string): Promise<Emulator> {
  const e = await startEmulator({ scenario, mode: 'vm', host: '127.0.0.1', port: 0 });
  emulators.push(e);
  return e;
}

describe('progress on long waits', () => {
  it('a silent endpoint: a line after 2 s saying what it waits for and how long, then the verdict', async () => {
    const e = await emulator('silent');
    const r = await cli(['--endpoint', e.url, '--timeout-seconds', '5']);
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^metadata: no answer yet from ${e.url.replace(/[.]/g, '\\.')} after 2 s; waiting up to \\d+ s$`,
      ),
    );
    // Plain lines: no carriage return or escape sequence when stderr is not a terminal.
    expect(r.stderr).not.toMatch(/[\r\u001b]/);
    expect(r.stdout).toMatch(/Result: FAIL/);
    expect(r.ms).toBeLessThan(20_000); // does not hang
  });

  it('retries: the text report says how long the run waited and why', async () => {
    const e = await emulator('throttled-then-ok');
    const r = await cli(['--endpoint', e.url]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Waited \d+(\.\d)? (ms|s) before retries: token HTTP 429 \(throttled\) ×2 \(/m);
  });
});
