// The CLI bundle as users run it: exit codes, --json, report files, usage errors, and no secret on any channel.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import http from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  IMDS_SERVER_HEADER,
  startEmulator,
  USER_IDENTITY_1,
  VM_INSTANCE,
  type Emulator,
} from '../../src/emulator/index.js';
import { CLI_BUNDLE, runCli } from '../helpers/cli.js';
import { commandProblems } from '../helpers/injection.js';
import { leaksIn } from '../helpers/leaks.js';
import { nodeBinaries } from '../helpers/node-binaries.js';
import { vm } from './scenario-expectations.js';

const CLI = CLI_BUNDLE;
/** A progress line (src/core/progress.ts): `metadata: HTTP 410 (IMDS updating), retry 3 in 10 s, 62 s left`. */
const PROGRESS_LINE =
  /^(reachability|metadata|token): (.+, retry \d+ in \d+ s, \d+ s left|no answer yet from http:\/\/[\d.:[\]]+ after \d+ s; waiting up to \d+ s)$/;

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

// Issue 11: the CLI names inputs by their flags (`Invalid input '--timeout-seconds'`), as the user typed them.
const usageErrors: [string[], string][] = [
  [['--mode', 'bogus'], "Invalid input '--mode'"],
  [['--identity', 'robot'], "Invalid input '--identity'"],
  [['--identity', 'user'], "Invalid input '--identity'"],
  [['--client-id', USER_IDENTITY_1.clientId], "Invalid input '--client-id'"],
  [['--identity', 'user', '--client-id', 'my-identity-name'], "Invalid input '--client-id'"],
  [
    ['--identity', 'user', '--client-id', USER_IDENTITY_1.clientId, '--object-id', USER_IDENTITY_1.objectId],
    "Invalid input '--object-id'",
  ],
  [['--identity', 'user', '--msi-res-id', '/subscriptions/x'], "Invalid input '--msi-res-id'"],
  [['--timeout-seconds', '0'], "Invalid input '--timeout-seconds'"],
  [['--timeout-seconds', '601'], "Invalid input '--timeout-seconds'"],
  [['--timeout-seconds', '1.5'], "Invalid input '--timeout-seconds'"],
  [['--fail-on', 'warn'], "Invalid input '--fail-on'"],
  [['--endpoint', 'https://127.0.0.1:1'], "Invalid input '--endpoint'"],
  [['--endpoint', 'http://127.0.0.1:1/metadata'], "Invalid input '--endpoint'"],
  [['--resource', 'not a uri'], "Invalid input '--resource'"],
  [['--samples', '0'], "Invalid input '--samples'"],
  [
    ['--workspace-ids', '2f3c4d5e-6a7b-4c8d-9e0f-112233445566'],
    "Invalid input '--workspace-ids': is only used with --ama true",
  ],
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
  // The kebab-case name alone (Action spelling) never appears where the flag is meant.
  expect(r.stderr).not.toMatch(/Invalid input '[a-z]/);
});

test('an endpoint with user-info is refused without echoing the password (issue 9)', async () => {
  const r = await runCli(process.execPath, ['--endpoint', 'http://user:S3cretPassw0rd@127.0.0.1:9']);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("Invalid input '--endpoint'");
  expect(r.stderr).toContain('http://***@127.0.0.1:9');
  expect(r.stdout + r.stderr).not.toMatch(/S3cretPassw0rd|user:/);
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
      // stderr carries only progress lines (issue 10): one per long wait, status words and numbers only.
      for (const line of r.stderr.split('\n').filter((l) => l !== '')) expect(line).toMatch(PROGRESS_LINE);
      if (e.scenario.endsWith('-then-ok') || e.scenario === 'server-error')
        expect(report.waits.length).toBeGreaterThan(0);
      if (['silent', 'trickle'].includes(e.scenario))
        expect(r.stderr).toMatch(/^metadata: no answer yet from /m);
      if (e.scenario === 'healthy') expect([r.stderr, report.waits]).toEqual(['', []]);
      expect(commandProblems(r.stdout)).toEqual([]);
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

// Issue 10: with default settings a healthy machine rides out an IMDS update (410) and says so while it waits.
test('410 for 8 s, default timeout: passes, progress lines on stderr, the wait in the text report', async () => {
  const started = Date.now();
  const server = http.createServer((req, res) => {
    if (Date.now() - started < 8_000) {
      res.writeHead(410, { 'Content-Type': 'application/json', Server: IMDS_SERVER_HEADER });
      res.end(JSON.stringify({ error: 'Gone. IMDS is going through updates, retry after some time' }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json', Server: IMDS_SERVER_HEADER });
    res.end(JSON.stringify(VM_INSTANCE));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as { port: number }).port;
    const r = await runCli(process.execPath, [
      '--endpoint',
      `http://127.0.0.1:${port}`,
      '--identity',
      'none',
    ]);
    expect(r.code).toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines)
      expect(line).toMatch(/^metadata: HTTP 410 \(IMDS updating\), retry \d+ in \d+ s, \d+ s left$/);
    expect(r.stdout).toMatch(
      /^Waited \d+(\.\d)? s before retries: metadata HTTP 410 \(IMDS updating\) ×\d+ \(/m,
    );
    expect(r.stdout).toMatch(/^Result: PASS/m);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}, 60_000);

test('a failure line names its code and where it is documented', async () => {
  const e = await emulator('no-identity');
  const r = await runCli(process.execPath, ['--endpoint', e.url]);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('(code: token_identity_not_found, see docs/errors.md#token_identity_not_found)');
});

test('--help states the default timeout of 90 s', async () => {
  expect((await runCli(process.execPath, ['--help'])).stdout).toMatch(/--timeout-seconds N .*default 90\)/);
});
