// The CLI bundle as users run it: exit codes, --json, report files, usage errors, and no secret on any channel.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, USER_IDENTITY_1, type Emulator } from '../../src/emulator/index.js';
import { leaksIn } from '../helpers/leaks.js';
import { nodeBinaries } from '../helpers/node-binaries.js';
import { vm } from './scenario-expectations.js';

const CLI = 'dist/cli/index.js';

function runCli(
  node: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(node, [CLI, ...args], {
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

const emulators: Emulator[] = [];
async function emulator(scenario: string): Promise<Emulator> {
  const e = await startEmulator({ scenario });
  emulators.push(e);
  return e;
}
afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()));
});

describe.each(nodeBinaries())('CLI bundle on $label', ({ path: node }) => {
  let healthy: Emulator;
  beforeAll(async () => {
    healthy = await emulator('healthy');
  });

  test('healthy: four passing checks as text, exit 0', async () => {
    const r = await runCli(node, ['--endpoint', healthy.url]);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/\bPASS\b/g)?.length).toBeGreaterThanOrEqual(4);
    expect(r.stdout).toContain('vm-ama-01');
    expect(r.stderr).toBe('');
  });

  test('--json prints exactly one JSON document: the report', async () => {
    const r = await runCli(node, [
      '--endpoint',
      healthy.url,
      '--json',
      '--identity',
      'user',
      '--client-id',
      USER_IDENTITY_1.clientId,
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.checks.map((c: { id: string }) => c.id)).toEqual([
      'environment',
      'reachability',
      'metadata',
      'token',
    ]);
    expect(report.identity.selector).toBe(`client_id=${USER_IDENTITY_1.clientId}`);
    expect(report.accessToken).toBeUndefined();
  });

  test('--expose-token adds accessToken to stdout only, never to the report file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'imds-cli-'));
    const r = await runCli(node, [
      '--endpoint',
      healthy.url,
      '--json',
      '--expose-token',
      '--report',
      join(dir, 'r.json'),
      '--junit',
      join(dir, 'j.xml'),
    ]);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(healthy.issuedTokens).toContain(printed.accessToken);
    const file = readFileSync(join(dir, 'r.json'), 'utf8');
    expect(JSON.parse(file).result).toBe('pass');
    expect(
      leaksIn({ report: file, junit: readFileSync(join(dir, 'j.xml'), 'utf8') }, healthy.issuedTokens),
    ).toEqual([]);
  });

  test.each([
    ['error', 1],
    ['unreachable', 0],
    ['never', 0],
  ])('identity not found with --fail-on %s exits %i', async (failOn, exit) => {
    const e = await emulator('no-identity');
    const r = await runCli(node, ['--endpoint', e.url, '--json', '--fail-on', failOn]);
    expect(r.code).toBe(exit);
    const report = JSON.parse(r.stdout);
    expect(report.checks[3].code).toBe('token_identity_not_found');
    expect(report.reachable).toBe(true);
  });

  test('unreachable: refused, exit 1 even with --fail-on unreachable', async () => {
    const r = await runCli(node, ['--endpoint', 'http://127.0.0.1:9', '--json', '--fail-on', 'unreachable']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.reachable).toBe(false);
    expect(report.checks[1].outcome).toBe('refused');
  });

  test('NO_COLOR and a pipe: no escape sequences', async () => {
    const r = await runCli(node, ['--endpoint', healthy.url], { NO_COLOR: '1' });
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  test('--help and --version exit 0', async () => {
    expect((await runCli(node, ['--help'])).stdout).toContain('Usage: imds-check');
    expect((await runCli(node, ['--version'])).stdout).toMatch(/^imds-check \d+\.\d+\.\d+\n$/);
  });
});

test('--junit alone writes only the JUnit file (no report.json appears in the working directory)', async () => {
  const e = await emulator('healthy');
  const dir = mkdtempSync(join(tmpdir(), 'imds-junit-'));
  const r = await new Promise<{ code: number }>((resolve) => {
    const child = spawn(
      process.execPath,
      [join(process.cwd(), CLI), '--endpoint', e.url, '--junit', 'j.xml'],
      {
        cwd: dir,
        stdio: 'ignore',
      },
    );
    child.on('exit', (code) => resolve({ code: code ?? -1 }));
  });
  expect(r.code).toBe(0);
  expect(readdirSync(dir)).toEqual(['j.xml']);
});

test('a closed stdout pipe: no stack trace, the exit code still says the result', async () => {
  const e = await emulator('healthy');
  const result = await new Promise<{ code: number; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [CLI, '--endpoint', e.url, '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code: code ?? -1, stderr }));
  });
  expect(result.stderr).not.toMatch(/\n\s+at |EPIPE/);
  expect(result.code).toBe(0);
});

const usageErrors: [string[], string][] = [
  [['--mode', 'bogus'], "'mode'"],
  [['--identity', 'robot'], "'identity'"],
  [['--identity', 'user'], "'identity'"],
  [['--client-id', USER_IDENTITY_1.clientId], "'client-id'"],
  [['--identity', 'user', '--client-id', 'my-identity-name'], "'client-id'"],
  [
    ['--identity', 'user', '--client-id', USER_IDENTITY_1.clientId, '--object-id', USER_IDENTITY_1.objectId],
    "'object-id'",
  ],
  [['--identity', 'user', '--msi-res-id', '/subscriptions/x'], "'msi-res-id'"],
  [['--timeout-seconds', '0'], "'timeout-seconds'"],
  [['--timeout-seconds', '601'], "'timeout-seconds'"],
  [['--timeout-seconds', '1.5'], "'timeout-seconds'"],
  [['--fail-on', 'warn'], "'fail-on'"],
  [['--endpoint', 'https://127.0.0.1:1'], "'endpoint'"],
  [['--endpoint', 'http://127.0.0.1:1/metadata'], "'endpoint'"],
  [['--resource', 'not a uri'], "'resource'"],
  [['--bogus'], '--bogus'],
  [['--mode'], '--mode'],
  [['--json=yes'], '--json'],
  [['stray'], 'stray'],
];

test.each(usageErrors)('usage error %j: exit 2, one line naming it, no stack trace', async (args, named) => {
  // A closed loopback endpoint, so that even a parser regression could never reach a real IMDS address.
  const safe = args.includes('--endpoint') ? args : [...args, '--endpoint', 'http://127.0.0.1:9'];
  const r = await runCli(process.execPath, safe);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain(named);
  expect(r.stderr).not.toMatch(/\n\s+at /);
});

// Every VM scenario through the bundle (Arc scenarios need the real tokens folder: see __tests__/netns/arc).
describe('CLI bundle against every VM emulator scenario', () => {
  test.each(vm.map((e) => [e.scenario, JSON.stringify(e.inputs ?? {}), e] as const))(
    '%s %s',
    async (_name, _inputs, e) => {
      const emu = await emulator(e.scenario);
      const flags = Object.entries({ ...e.inputs }).flatMap(([k, v]) => [`--${k}`, v]);
      const r = await runCli(process.execPath, ['--endpoint', emu.url, '--mode', 'vm', '--json', ...flags]);
      const report = JSON.parse(r.stdout);
      const codes = report.checks.slice(1).map((c: { code: string }) => c.code);
      expect(codes).toEqual(e.codes);
      expect([report.checks[2].outcome, report.checks[3].outcome]).toEqual(e.outcomes);
      expect({ result: report.result, reachable: report.reachable }).toEqual({
        result: e.result,
        reachable: e.reachable,
      });
      expect(r.code).toBe(e.result === 'fail' ? 1 : 0);
      expect(r.stderr).toBe('');
      for (const request of emu.requests) {
        expect(request.headers['metadata']).toBe('true');
        expect(request.headers['x-forwarded-for']).toBeUndefined();
        expect(request.method).toBe('GET');
      }
      expect(leaksIn({ stdout: r.stdout, stderr: r.stderr }, emu.issuedTokens)).toEqual([]);
    },
  );
});

const leakScenarios = [
  'healthy',
  'throttled-then-ok',
  'token-expired',
  'server-error-then-ok',
  'no-server-header',
  'updating-404-then-ok',
];
test.each(leakScenarios)('no token on any CLI channel: %s', async (scenario) => {
  const e = await emulator(scenario);
  const dir = mkdtempSync(join(tmpdir(), 'imds-leak-'));
  const text = await runCli(process.execPath, [
    '--endpoint',
    e.url,
    '--report',
    join(dir, 'r.json'),
    '--junit',
    join(dir, 'j.xml'),
  ]);
  const json = await runCli(process.execPath, ['--endpoint', e.url, '--json']);
  expect(existsSync(join(dir, 'r.json'))).toBe(true);
  const channels = {
    textStdout: text.stdout,
    textStderr: text.stderr,
    jsonStdout: json.stdout,
    jsonStderr: json.stderr,
    report: readFileSync(join(dir, 'r.json'), 'utf8'),
    junit: readFileSync(join(dir, 'j.xml'), 'utf8'),
  };
  expect(e.issuedTokens.length).toBeGreaterThan(0);
  expect(leaksIn(channels, e.issuedTokens)).toEqual([]);
});
