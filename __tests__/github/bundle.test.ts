// Runner-faithful tests of the committed bundle: `node dist/index.js` on Node 20 and Node 24 with the
// environment the GitHub runner builds, against the IMDS emulator on 127.0.0.1 (through the endpoint input).
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { OUTPUT_NAMES } from '../../src/core/index.js';
import {
  startEmulator,
  SYSTEM_IDENTITY,
  TENANT_ID,
  USER_IDENTITY_1,
  VM_ID,
  VM_NAME,
  VM_RESOURCE_GROUP,
  VM_RESOURCE_ID,
  VM_SUBSCRIPTION_ID,
  type Emulator,
} from '../../src/emulator/index.js';
import { bundleRuntimes, cleanupTempDirs, runAction, tempDir, type ActionRun } from './runner.js';

const runtimes = bundleRuntimes();

const emulators: Emulator[] = [];
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()));
});
afterAll(cleanupTempDirs);

async function emulator(scenario: string): Promise<Emulator> {
  const e = await startEmulator({ scenario, mode: 'vm', host: '127.0.0.1', port: 0 });
  emulators.push(e);
  return e;
}

/** A loopback port nobody listens on: bind, note the port, close. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * A folder with a planted `systemctl` that answers like a stopped himdsd, with noise on stderr, and leaves a
 * mark when it runs: the step must run the system's own by its full path, never a name looked up in PATH.
 */
function plantedSystemctl(): { dir: string; ran: string } {
  const dir = tempDir('imds-gh-bin-');
  const file = join(dir, 'systemctl');
  const ran = join(dir, 'ran');
  writeFileSync(file, `#!/bin/sh\ntouch '${ran}'\necho inactive\necho diag-noise >&2\nexit 3\n`);
  chmodSync(file, 0o755);
  return { dir, ran };
}

const stdoutLines = (run: ActionRun): string[] => run.stdout.split(/\r?\n/).filter((l) => l !== '');

function expectNoStackTrace(run: ActionRun): void {
  expect(run.stdout).not.toContain('    at ');
  expect(run.stderr).not.toContain('    at ');
}

/** The token is on stdout only in `::add-mask::` lines, the first of which precedes every other line. */
function expectMaskedFirst(run: ActionRun, token: string): void {
  const lines = stdoutLines(run);
  expect(lines[0]).toBe(`::add-mask::${token}`);
  expect(lines.filter((l) => l.includes(token)).every((l) => l === `::add-mask::${token}`)).toBe(true);
  expect(run.stderr).not.toContain(token);
}

/** The token is in no file the run wrote, except once as the access-token output when exposed. */
function expectTokenInNoFile(run: ActionRun, token: string, exposed: boolean): void {
  const files = run.files();
  expect(files.map((f) => f.path)).toContain(run.outputsPath);
  for (const file of files) {
    const text =
      exposed && file.path === run.outputsPath ? file.text.replace(`\n${token}\n`, '\n') : file.text;
    expect({ file: file.path, found: text.includes(token) }).toEqual({ file: file.path, found: false });
  }
}

function checkRows(summary: string): string[] {
  const lines = summary.split('\n');
  const header = lines.findIndex((l) => /^\| Check \| Status \|/.test(l));
  expect(header).toBeGreaterThanOrEqual(0);
  const rows: string[] = [];
  for (let i = header + 2; i < lines.length && lines[i]!.startsWith('|'); i++) rows.push(lines[i]!);
  return rows;
}

const contractOutputs = (exposed: boolean): string[] =>
  OUTPUT_NAMES.filter((n) => exposed || n !== 'access-token')
    .slice()
    .sort();

describe.each(runtimes)('dist/index.js on %s', (_label, node) => {
  it('healthy, system identity: passes, sets every output, masks the token first, writes summary and report', async () => {
    const e = await emulator('healthy');
    const run = await runAction(node, { endpoint: e.url, 'junit-path': 'junit.xml' });
    expectNoStackTrace(run);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const reportPath = join(run.runnerTemp, 'imds-check', 'report.json');
    expect(Object.keys(run.outputs).sort()).toEqual(contractOutputs(false));
    expect(run.outputs).toEqual({
      result: 'pass',
      reachable: 'true',
      mode: 'vm',
      'metadata-status': '200',
      'token-status': '200',
      'vm-id': VM_ID,
      'vm-name': VM_NAME,
      'resource-id': VM_RESOURCE_ID,
      'subscription-id': VM_SUBSCRIPTION_ID,
      'resource-group': VM_RESOURCE_GROUP,
      location: 'westeurope',
      'az-environment': 'AzurePublicCloud',
      'principal-id': SYSTEM_IDENTITY.objectId,
      'tenant-id': TENANT_ID,
      'app-id': SYSTEM_IDENTITY.clientId,
      'token-expires-on': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      'samples-total': '',
      'samples-ok': '',
      'latency-p50-ms': '',
      'latency-p95-ms': '',
      'latency-max-ms': '',
      // Without ama the rollout outputs are set too: skipped or empty, never missing.
      'ama-host-status': 'skipped',
      'ama-extension-settings': '',
      'ama-policy': '',
      'ama-status': 'skipped',
      'ama-failed-endpoints': '',
      'clock-skew-seconds': '',
      'report-path': reportPath,
    });
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
      result: string;
      checks: { title: string }[];
    };
    expect(report.result).toBe('pass');
    const rows = checkRows(run.summary);
    expect(rows).toHaveLength(4);
    report.checks.forEach((c, i) => expect(rows[i]).toMatch(new RegExp(`^\\| ${c.title} \\| ✅ pass \\|`)));
    const junit = readFileSync(join(run.workspace, 'junit.xml'), 'utf8');
    expect(junit.match(/<testcase\b/g)).toHaveLength(4);
    expect(e.issuedTokens.length).toBeGreaterThan(0);
    for (const token of e.issuedTokens) {
      expectMaskedFirst(run, token);
      expectTokenInNoFile(run, token, false);
    }
  });

  it('expose-token: access-token holds the token and the mask line precedes everything', async () => {
    const e = await emulator('healthy');
    const run = await runAction(node, { endpoint: e.url, 'expose-token': 'true' });
    expect(run.exitCode).toBe(0);
    expect(Object.keys(run.outputs).sort()).toEqual(contractOutputs(true));
    const token = e.issuedTokens.at(-1)!;
    expect(run.outputs['access-token']).toBe(token);
    expectMaskedFirst(run, token);
    expectTokenInNoFile(run, token, true);
  });

  it('user-assigned identity by client-id: the outputs name that identity', async () => {
    const e = await emulator('healthy');
    const run = await runAction(node, {
      endpoint: e.url,
      identity: 'user',
      'client-id': USER_IDENTITY_1.clientId,
    });
    expectNoStackTrace(run);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['result']).toBe('pass');
    expect(run.outputs['principal-id']).toBe(USER_IDENTITY_1.objectId);
    expect(run.outputs['app-id']).toBe(USER_IDENTITY_1.clientId);
    expect(e.requests.some((r) => r.query['client_id'] === USER_IDENTITY_1.clientId)).toBe(true);
    for (const token of e.issuedTokens) expectMaskedFirst(run, token);
  });

  it.each([
    ['error', 1],
    ['unreachable', 0],
    ['never', 0],
  ] as const)('identity not found with fail-on %s: exit %d', async (failOn, exitCode) => {
    const e = await emulator('no-identity');
    const run = await runAction(node, { endpoint: e.url, 'fail-on': failOn });
    expectNoStackTrace(run);
    expect(run.exitCode).toBe(exitCode);
    expect(Object.keys(run.outputs).sort()).toEqual(contractOutputs(false));
    expect(run.outputs).toMatchObject({
      result: 'fail',
      reachable: 'true',
      'metadata-status': '200',
      'token-status': '400',
    });
    expect(run.outputs['principal-id']).toBe('');
    const failLine = stdoutLines(run).filter((l) => l.startsWith('::error::imds-check failed'));
    expect(failLine).toEqual(
      exitCode === 1 ? ['::error::imds-check failed (fail-on: error): token: token_identity_not_found'] : [],
    );
    // the failed check is annotated whatever fail-on says
    expect(stdoutLines(run).filter((l) => /^::error title=.*token_identity_not_found/.test(l))).toHaveLength(
      1,
    );
    const rows = checkRows(run.summary);
    expect(rows).toHaveLength(4);
    expect(rows[3]).toContain('❌ fail');
  });

  it('unreachable (closed loopback port): exit 1, reachable false, metadata-status refused', async () => {
    const port = await closedPort();
    const run = await runAction(node, { endpoint: `http://127.0.0.1:${port}` });
    expectNoStackTrace(run);
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({
      result: 'fail',
      reachable: 'false',
      mode: 'vm',
      'metadata-status': 'refused',
      'token-status': 'refused',
      'vm-id': '',
    });
    expect(Object.keys(run.outputs).sort()).toEqual(contractOutputs(false));
    expect(stdoutLines(run)).toContain(
      '::error::imds-check failed (fail-on: error): reachability: connection_refused',
    );
    expect(checkRows(run.summary)).toHaveLength(4);
  });

  it('Arc mode, HIMDS not listening: diagnostics run silently, exit 1, mode arc, refused', async () => {
    const port = await closedPort();
    const planted = plantedSystemctl();
    const run = await runAction(
      node,
      { mode: 'arc', endpoint: `http://127.0.0.1:${port}` },
      { pathPrefix: planted.dir },
    );
    // Issue 17: the systemctl first on PATH is not the one that runs.
    expect(existsSync(planted.ran)).toBe(false);
    expectNoStackTrace(run);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({
      result: 'fail',
      reachable: 'false',
      mode: 'arc',
      'metadata-status': 'refused',
    });
    // /usr/bin/systemctl answers as this machine's systemd does (or not at all in a container without it); the
    // command is not echoed, and no stderr is passed on
    expect(run.stdout).not.toMatch(/\[command\]|is-active|diag-noise/);
    expect(stdoutLines(run)).toContain(
      '::error::imds-check failed (fail-on: error): reachability: connection_refused',
    );
  });

  it('throttled then ok: retries through 429 and passes', async () => {
    const e = await emulator('throttled-then-ok');
    const run = await runAction(node, { endpoint: e.url });
    expectNoStackTrace(run);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ result: 'pass', 'token-status': '200' });
    expect(e.requests.filter((r) => r.path.includes('/token')).length).toBeGreaterThanOrEqual(3);
  });

  it('a closed stdout pipe (EPIPE) still finishes the step, with no stack trace on stderr', async () => {
    const e = await emulator('healthy');
    const run = await runAction(node, { endpoint: e.url }, { closeStdout: true });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(run.outputs['result']).toBe('pass');
  });

  it.each(['error', 'never'])(
    'bad input (mode=bogus, fail-on %s): exit 1, one line naming mode, no stack',
    async (failOn) => {
      const run = await runAction(node, { mode: 'bogus', 'fail-on': failOn, endpoint: 'http://127.0.0.1:9' });
      expectNoStackTrace(run);
      expect(run.exitCode).toBe(1);
      // the whole stdout is one error line naming the input, the value and the accepted values
      const lines = stdoutLines(run);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^::error::Invalid input 'mode': .*bogus.*auto, vm, arc/);
      expect(run.stderr).toBe('');
      expect(run.outputsFile).toBe('');
      expect(run.summary).toBe('');
    },
  );
});
