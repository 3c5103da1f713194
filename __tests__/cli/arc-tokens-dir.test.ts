// Trying Arc mode against the emulator from the CLI: --arc-tokens-dir points the key-file rules at the
// emulator's folder, and only for a loopback endpoint (never an Action or task input).
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '../../src/emulator/index.js';

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'index.js');
const emulators: Emulator[] = [];
afterAll(async () => Promise.all(emulators.map((e) => e.close())));

/** Asynchronous, so the emulator in this process keeps answering while the CLI runs. */
function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { encoding: 'utf8', env: { PATH: process.env['PATH'] ?? '' }, timeout: 60_000 },
      (err, stdout, stderr) => {
        const status = err ? (typeof err.code === 'number' ? err.code : null) : 0;
        resolve({ status, stdout, stderr });
      },
    );
  });
}

describe('imds-check --arc-tokens-dir', () => {
  it('passes against the Arc emulator with its tokens folder, following the challenge once', async () => {
    const e = await startEmulator({ scenario: 'arc-healthy', mode: 'arc', host: '127.0.0.1', port: 0 });
    emulators.push(e);
    const r = await cli(['--mode', 'arc', '--endpoint', e.url, '--arc-tokens-dir', e.tokensDir!, '--json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { result: string; checks: { id: string; code: string }[] };
    expect(report.result).toBe('pass');
    expect(report.checks.find((c) => c.id === 'token')?.code).toBe('ok');
    expect(e.requests.filter((q) => q.headers['authorization'] !== undefined)).toHaveLength(1);
    for (const secret of e.issuedSecrets) expect(r.stdout + r.stderr).not.toContain(secret);
  });

  it('without it, the same emulator realm is refused as outside the platform folder', async () => {
    const e = await startEmulator({ scenario: 'arc-healthy', mode: 'arc', host: '127.0.0.1', port: 0 });
    emulators.push(e);
    const r = await cli(['--mode', 'arc', '--endpoint', e.url, '--json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { checks: { id: string; code: string }[] };
    expect(report.checks.find((c) => c.id === 'token')?.code).toBe('arc_key_outside_tokens_dir');
  });

  it('without --mode arc, Hybrid IMDS is recognised and the fix says --mode arc (issue 21)', async () => {
    const e = await startEmulator({ scenario: 'arc-healthy', mode: 'arc', host: '127.0.0.1', port: 0 });
    emulators.push(e);
    const args = ['--endpoint', e.url, '--arc-tokens-dir', e.tokensDir!, '--no-color'];
    const text = await cli(args);
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(
      /FAIL +Managed-identity token .*Hybrid IMDS \(Azure Arc\) answered, but this run is in VM mode/,
    );
    expect(text.stdout).toMatch(
      /fix: This is Hybrid IMDS .*: use --mode arc .*\(code: token_arc_challenge_in_vm_mode/,
    );
    expect(text.stdout).not.toContain('token_unexpected_status');
    const json = await cli([...args, '--json']);
    const report = JSON.parse(json.stdout) as { checks: { id: string; code: string }[] };
    expect(report.checks.find((c) => c.id === 'token')?.code).toBe('token_arc_challenge_in_vm_mode');
    expect(e.requests.filter((q) => q.headers['authorization'] !== undefined)).toHaveLength(0);
    expect(text.stdout + json.stdout).not.toContain(e.tokensDir!);
  });

  it.each([
    [['--arc-tokens-dir', '/tmp/x']],
    [['--arc-tokens-dir', '/tmp/x', '--endpoint', 'http://10.1.2.3:8080']],
  ])('%j is a usage error: only with a loopback endpoint', async (args) => {
    const r = await cli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^imds-check: --arc-tokens-dir is only accepted with a loopback --endpoint/);
    expect(r.stdout).toBe('');
  });
});
