// Sampling through the CLI bundle as users run it (`--samples 20`), against emulators on loopback: exit code,
// the report's samples section and stability check, the progress lines on stderr, and the request rate the
// emulator saw. The two cases use separate emulators and run concurrently (20 samples take about 9 s).
import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { peakRequestRate, startEmulator, type Emulator } from '../../../../src/emulator/index.js';
import { leaksIn } from '../../../helpers/leaks.js';

const CLI = 'dist/cli/index.js';

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env['PATH'] ?? '', HOME: tmpdir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const emulators: Emulator[] = [];
afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()));
});

async function cli(scenario: string, extra: string[] = []) {
  const emulator = await startEmulator({ scenario });
  emulators.push(emulator);
  const run = await runCli(['--endpoint', emulator.url, '--json', '--samples', '20', ...extra]);
  return { ...run, emulator, report: JSON.parse(run.stdout) };
}

describe('CLI bundle --samples 20', () => {
  test.concurrent(
    'intermittent-500: 16 of 20 good (80 %), stability fails, exit 1, at most 5 requests/s',
    async () => {
      const r = await cli('intermittent-500');
      expect(r.code).toBe(1);
      const stability = r.report.checks.find((c: { id: string }) => c.id === 'stability');
      expect(stability).toMatchObject({ status: 'fail', code: 'stability_server_error' });
      expect(r.report.samples).toMatchObject({
        requested: 20,
        total: 20,
        ok: 16,
        ranOut: false,
        failures: { stability_server_error: 8 },
      });
      expect(r.report.samples.series).toHaveLength(20);
      // Every 5th request per route: samples 5, 10, 15 and 20; 40 requests in all, none retried.
      expect(r.emulator.requests).toHaveLength(40);
      expect(peakRequestRate(r.emulator.requests, 1000)).toBeLessThanOrEqual(5);
      // Progress on stderr: status words and numbers; the JSON stays alone on stdout.
      expect(r.stderr).toMatch(/stability: 19 more samples/);
      expect(r.stderr).toMatch(/stability: \d+ of 20 samples, \d+ ok, \d+ s left/);
      expect(leaksIn({ stdout: r.stdout, stderr: r.stderr }, r.emulator.issuedTokens)).toEqual([]);
    },
  );

  test.concurrent('healthy with --min-success-percent 90: all 20 good, pass, exit 0', async () => {
    const r = await cli('healthy', ['--min-success-percent', '90']);
    expect(r.code).toBe(0);
    expect(r.report.result).toBe('pass');
    expect(r.report.samples).toMatchObject({ total: 20, ok: 20, failures: {} });
    expect(r.report.samples.latencyMs.metadata.max).toBeGreaterThanOrEqual(
      r.report.samples.latencyMs.metadata.p95,
    );
    expect(r.emulator.requests).toHaveLength(40);
    expect(peakRequestRate(r.emulator.requests, 1000)).toBeLessThanOrEqual(5);
  });
});
